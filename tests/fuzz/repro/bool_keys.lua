-- boolean keys: stored and read back through a variable, a constant or a constructor
local w = {}
w[false] = 4
w[true] = 5
print(w[false], w[true])
local f = false
local v = {[f] = 3, [true] = 6}
print(v[false], v[f], v[true], rawget(v, true))
