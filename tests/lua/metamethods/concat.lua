-- __concat with numbers and strings on either side.
local mt = {}
local function S(s) return setmetatable({s = s}, mt) end
local function str(v) return type(v) == "table" and ("<" .. v.s .. ">") or tostring(v) end
mt.__concat = function(a, b) return str(a) .. str(b) end
local x = S("x")
print(1, x .. "str", "str" .. x)
print(2, x .. 1, 1 .. x, x .. 1.5)
print(3, x .. x)
print(4, "a" .. x .. "b")
print(5, 1 .. 2 .. x)
-- the result of __concat need not be a string
local r = setmetatable({}, {__concat = function(a, b) return 42 end})
print(6, r .. "x", type(r .. "x"))
-- chains: strings adjacent to each other are joined first
local log = ""
local L = setmetatable({}, {__concat = function(a, b)
  local function d(v) return type(v) == "table" and "T" or tostring(v) end
  log = log .. "[" .. d(a) .. "|" .. d(b) .. "]"
  return "R"
end})
local _ = "a" .. "b" .. L .. "c" .. "d"
print(7, log)
log = ""
_ = L .. "a" .. "b"
print(8, log)
log = ""
_ = 1 .. L .. 2
print(9, log)
-- booleans and nil need a metamethod
local B = setmetatable({}, {__concat = function(a, b)
  local function d(v) return type(v) == "table" and "B" or tostring(v) end
  return d(a) .. "&" .. d(b)
end})
print(10, true .. B, B .. nil)
-- without __concat: error
print(11, pcall(function() return {} .. "x" end))
print(12, pcall(function() return "x" .. setmetatable({}, {__add = function() end}) end))
