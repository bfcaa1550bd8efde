-- Arithmetic metamethods: __add __sub __mul __div __mod __pow __unm.
local mt = {}
local function V(x) return setmetatable({x = x}, mt) end
local function val(v) return type(v) == "table" and v.x or v end
mt.__add = function(a, b) return V(val(a) + val(b)) end
mt.__sub = function(a, b) return V(val(a) - val(b)) end
mt.__mul = function(a, b) return V(val(a) * val(b)) end
mt.__div = function(a, b) return V(val(a) / val(b)) end
mt.__mod = function(a, b) return V(val(a) % val(b)) end
mt.__pow = function(a, b) return V(val(a) ^ val(b)) end
mt.__unm = function(a) return V(-val(a)) end
local a, b = V(7), V(2)
print(1, (a + b).x, (a - b).x, (a * b).x, (a / b).x, (a % b).x, (a ^ b).x, (-a).x)
print(2, (a + 1).x, (1 + a).x, (a - 1).x, (10 - a).x)
print(3, (a * "2").x, ("3" + a).x)
print(4, ((a + b) * (a - b)).x)
-- operand order: metamethod receives operands as written
local order = setmetatable({}, {__sub = function(x, y)
  return (type(x) == "table" and "T" or tostring(x)) .. "-" .. (type(y) == "table" and "T" or tostring(y))
end})
print(5, order - 1, 1 - order, order - order)
-- lookup: first operand's metamethod, then second's
local left = setmetatable({}, {__add = function() return "left" end})
local right = setmetatable({}, {__add = function() return "right" end})
print(6, left + right, right + left, 1 + right, left + 1)
-- __unm receives the operand twice in Lua 5.1
local u = setmetatable({}, {__unm = function(...)
  local x, y = ...
  return select('#', ...), rawequal(x, y)
end})
print(7, -u)
-- a metamethod can return any value, including nil and false
local odd = setmetatable({}, {__add = function() return nil end, __mul = function() return false end})
print(8, odd + 1, odd * 1)
-- numeric strings are coerced without metamethods
print(9, "10" + 5, "3" * "4", -"2", "2" ^ "3", "7" % "4")
-- no metamethod: error
print(10, pcall(function() return {} + 1 end))
print(11, pcall(function() return 1 + setmetatable({}, {}) end))
