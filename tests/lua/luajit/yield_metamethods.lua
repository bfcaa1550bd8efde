-- Yielding from arithmetic, concat, comparison, __call and __newindex metamethods.
local function Y(...) return coroutine.yield(...) end
local mt = {
  __add = function(a, b) return Y("add") end,
  __concat = function(a, b) return Y("concat") end,
  __lt = function(a, b) return Y("lt") end,
  __call = function(self, x) return Y("call " .. x) end,
  __newindex = function(t, k, v) rawset(t, k, Y("newindex " .. k)) end,
  __eq = function(a, b) return Y("eq") end,
}
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
local co = coroutine.wrap(function()
  local r1 = a + 1
  local r2 = a .. "x"
  local r3 = a < b
  local r4 = a("arg")
  a.field = "ignored"
  local r5 = a == b
  return r1, r2, r3, r4, rawget(a, "field"), r5
end)
print(1, co())
print(2, co(10))
print(3, co("cat"))
print(4, co(false))
print(5, co("called"))
print(6, co("stored"))
print(7, co(1))
