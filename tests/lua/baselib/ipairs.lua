-- ipairs stops at the first nil.
local function collect(t)
  local out = ""
  for i, v in ipairs(t) do out = out .. i .. "=" .. tostring(v) .. " " end
  return out
end
print(1, collect({"a", "b", "c"}))
print(2, collect({1, 2, nil, 4}))
print(3, collect({nil, 2}))
print(4, collect({}))
print(5, collect({[1] = "x", [2] = "y", [4] = "z"}))
print(6, collect({n = 3, "p"}))
print(7, collect({false, false}))
-- ipairs returns an iterator, the table and 0
local f, s, c = ipairs({})
print(8, type(f), type(s), c)
-- the iterator can be called directly
local t = {"x", "y"}
print(9, f(t, 0))
print(10, f(t, 1))
print(11, f(t, 2))
-- ipairs does not use __index in Lua 5.1
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
print(12, collect(proxy))
-- elements added during iteration are seen
local grow = {1}
local seen = 0
for i, v in ipairs(grow) do seen = seen + 1; if i < 5 then grow[i + 1] = i + 1 end end
print(13, seen)
print(14, pcall(ipairs))
print(15, pcall(ipairs, "string"))
