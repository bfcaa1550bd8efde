-- debug.getupvalue / debug.setupvalue.
local a, b = 1, 2
local function f() return a + b end
print(debug.getupvalue(f, 1))
print(debug.getupvalue(f, 2))
print(select("#", debug.getupvalue(f, 3)))
print(select("#", debug.getupvalue(f, 0)))
print(select("#", debug.getupvalue(f, -1)))
print(debug.setupvalue(f, 1, 10), a, f())
print(select("#", debug.setupvalue(f, 3, 10)))

-- shared upvalues: every closure sees the change
local function counter()
  local n = 0
  return function() n = n + 1 return n end, function() return n end
end
local inc, get = counter()
inc()
print(debug.getupvalue(inc, 1))
debug.setupvalue(get, 1, 41)
print(inc(), get())

-- an upvalue of a closed-over loop variable
local fs = {}
for i = 1, 2 do fs[i] = function() return i end end
debug.setupvalue(fs[1], 1, "one")
print(fs[1](), fs[2]())

-- host functions show none
print(select("#", debug.getupvalue(print, 1)))
print(select("#", debug.setupvalue(print, 1, 1)))
print(select("#", debug.getupvalue(coroutine.wrap(function() end), 1)))

-- the main chunk has no upvalues; nups counts them
print(select("#", debug.getupvalue(loadstring("return 1"), 1)))
print(debug.getinfo(f, "u").nups, debug.getinfo(inc, "u").nups, debug.getinfo(print, "u").nups)

-- errors (the index is checked first)
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.getupvalue, f))
print(pcall(debug.getupvalue, f, "x"))
print(pcall(debug.getupvalue))
print(pcall(debug.setupvalue, f, 1))
print(pcall(debug.setupvalue, 1, 1, 1))
print(pcall(debug.setupvalue, f, nil, 1))
print(pcall(function() return debug.getupvalue({}, 1) end))

-- C functions that 5.1 makes as closures count their upvalues
print(debug.getinfo(ipairs, "u").nups, debug.getinfo(pairs, "u").nups,
  debug.getinfo(newproxy, "u").nups, debug.getinfo(coroutine.wrap(function() end), "u").nups,
  debug.getinfo(string.gmatch("a", "a"), "u").nups, debug.getinfo(string.gmatch, "u").nups)
