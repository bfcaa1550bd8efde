-- string.dump: a binary chunk that loadstring turns back into the function.
local function add(a, b) return a + b end
local d = string.dump(add)
print(1, type(d), #d > 0, d:sub(1, 1) == "\27")
local f = loadstring(d)
print(2, type(f), f(2, 3), f ~= add)
local function varargs(...)
  local n = select("#", ...)
  local s = "n=" .. n
  for i = 1, n do s = s .. " " .. tostring((select(i, ...))) end
  return s, "strings \0 and numbers", 1.5e300, -0.0, true, nil
end
local g = loadstring(string.dump(varargs))
print(3, g(1, "two", nil, false))
print(4, select("#", g()), (select(2, g())):byte(9))
local function nested()
  local function inner(x) return x * 2 end
  local t = {}
  for i = 1, 3 do t[i] = inner(i) end
  return t[1] + t[2] + t[3]
end
print(5, loadstring(string.dump(nested))())
-- upvalues are not saved: a loaded function's upvalues are fresh (nil)
local up = 10
local function uses_up() return up end
print(6, loadstring(string.dump(uses_up))())
-- errors keep their positions
local function fails() error("boom") end
print(7, pcall(loadstring(string.dump(fails))))
local function fails2() local x = nil; return x.y end
print(8, pcall(loadstring(string.dump(fails2))))
-- dumping a dumped function again gives a working function too
print(9, loadstring(string.dump(loadstring(string.dump(add))))(5, 6))
-- the main chunk of a loadstring
local chunk = loadstring("local a, b = ... return (a or 1) * (b or 2)")
print(10, loadstring(string.dump(chunk))(3, 4), loadstring(string.dump(chunk))())
print(11, pcall(string.dump))
print(12, pcall(function() return string.dump() end))
print(13, pcall(function() return string.dump("x") end))
print(14, pcall(function() return string.dump(print) end))
print(15, pcall(function() return string.dump(string.dump) end))
print(16, pcall(function() return string.dump({}) end))
-- a second argument is accepted (LuaJIT's strip flag): the result still loads
print(17, loadstring(string.dump(add, true))(1, 1))
