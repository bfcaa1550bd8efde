-- How many values a library function may push: lua5.1's lua_checkstack
-- allows LUAI_MAXCSTACK (8000) slots, counting the values the C function
-- already holds (its arguments). Lua functions themselves have no such limit.
local T = {}
for i = 1, 7990 do T[i] = i end
local Z = "return " .. string.rep("0, ", 100) .. "..."
local add100 = loadstring(Z)
local function many(n)                 -- n values, beyond what unpack gives
  if n <= 7990 then return unpack(T, 1, n) end
  return add100(many(n - 100))
end
local function count(...) return select('#', ...) end
local function try(...) local r = {pcall(...)} return r[1] and count(unpack(r, 2, 7000)) or r[2] end

print(1, pcall(unpack, T, 1, 7998))
print(2, count(pcall(unpack, T, 1, 7997)))
local u = {unpack(T)}
for i = #u + 1, 7999 do u[i] = i end
print(3, count(unpack(u)), count(pcall(unpack, u)))
u[8000] = 1
print(4, pcall(unpack, u))
print(5, pcall(unpack, {}, 1, 2^31))
print(6, pcall(unpack, {}, 2^31 - 1, 2^31 - 1))
print(7, pcall(unpack, {}, 1, 0/0))
print(8, pcall(unpack, {}, 0/0, 0/0))
print(9, pcall(unpack, {}, 1, 2^20))
print(10, pcall(unpack, {}, -2^20, 2^20))
print(11, pcall(unpack, {}, 2^32 + 1, 2^32 + 2))
print(12, count(many(9000)), count(pcall(many, 9000)))
print(13, pcall(string.char, many(9000)))
local s = string.rep('x', 9000)
print(14, pcall(string.byte, s, 1, 7998))
print(15, count(pcall(string.byte, s, 1, 7997)), count(string.byte(s, 1, 7997)))
print(16, pcall(string.byte, s, 1, -1))
print(17, pcall(string.byte, s, -2^31, 2^31))
for _, n in ipairs{7999, 8000} do
  local co = coroutine.create(count)
  print(18, n, pcall(coroutine.resume, co, many(n)))
  co = coroutine.create(count)
  print(19, n, pcall(function() return coroutine.resume(co, many(n)) end))
end
for _, n in ipairs{7998, 7999} do
  local co = coroutine.create(function() return many(n) end)
  print(20, n, pcall(function() return count(coroutine.resume(co)) end))
  local w = coroutine.wrap(function() return many(n) end)
  print(21, n, pcall(function() return count(w()) end))
  co = coroutine.create(function() coroutine.yield(many(n)) end)
  print(22, n, pcall(function() return count(coroutine.resume(co)) end))
end
local w = coroutine.wrap(function() return many(8000) end)
print(23, pcall(function() return count(w()) end))
for _, n in ipairs{8000, 8001} do
  local co = coroutine.create(function() coroutine.yield() return count(coroutine.yield()) end)
  coroutine.resume(co) coroutine.resume(co)
  print(24, n, pcall(coroutine.resume, co, many(n)))
end
for i, v in ipairs{-2^63, 2^31, 2^32 + 1, 0/0, -1, -3, 1e300, "2", "#x"} do
  print(25, i, pcall(select, v, 'a', 'b'))
end
local zeros = {}
for i = 1, 3990 do zeros[i] = 0 end
io.input("many_values.lua")
for _, n in ipairs{3989, 3990} do
  print(26, n, try(io.read, unpack(zeros, 1, n)))
  local h = io.open('many_values.lua')
  print(27, n, try(h.read, h, unpack(zeros, 1, n)))
  print(28, n, pcall(function() return count(h:read(unpack(zeros, 1, n))) end))
  h:close()
end
