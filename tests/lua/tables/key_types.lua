-- Values of every type (except nil and NaN) can be table keys.
local f = function() end
local co = coroutine.create(f)
local u = newproxy()
local tk = {}
local t = {}
t[true] = "true"
t[false] = "false"
t[f] = "function"
t[co] = "thread"
t[u] = "userdata"
t[tk] = "table"
t["s"] = "string"
t[1] = "number"
t[1.5] = "float"
t[print] = "builtin"
print(1, t[true], t[false], t[f], t[co], t[u], t[tk])
print(2, t.s, t[1], t[1.5], t[print])
local n = 0
for _ in pairs(t) do n = n + 1 end
print(3, n)
-- distinct objects are distinct keys
print(4, t[{}], t[function() end], t[newproxy()])
-- strings with the same contents are the same key
local k1 = "ke" .. "y"
local k2 = "k" .. "ey"
t[k1] = "by content"
print(5, t[k2], t.key)
-- "1" and 1 are different keys
t["1"] = "string one"
print(6, t[1], t["1"])
-- assigning nil removes the key
t[tk] = nil
n = 0
for _ in pairs(t) do n = n + 1 end
print(7, t[tk], n)
-- nil is never a key; reading it is fine
print(8, t[nil])
-- large and negative numbers
t[-1] = "neg"
t[1e100] = "huge"
t[-0.5] = "negfrac"
print(9, t[-1], t[1e100], t[-0.5])
