-- Method definitions and calls, call sugar.
local obj = {name = "obj", n = 0}
function obj:inc(k) self.n = self.n + (k or 1); return self end
function obj.static(x) return "static " .. tostring(x) end
obj:inc()
obj:inc(5)
print(1, obj.n)
obj.inc(obj, 10)
print(2, obj.n)
print(3, obj:inc():inc():inc().n)
print(4, obj.static(1), obj.static"str", obj.static{1} ~= nil)
local a = {b = {c = {}}}
function a.b.c:m(x) return self == a.b.c, x end
print(5, a.b.c:m(7))
function a.b.c.f(x) return x * 2 end
print(6, a.b.c.f(21))
-- string and table argument sugar on methods
function obj:show(arg) return type(arg), (type(arg) == "string" and arg or #arg) end
print(7, obj:show"lit")
print(8, obj:show[[long]])
print(9, obj:show{1, 2, 3})
-- methods on strings via the string metatable
local s = "hello"
print(10, s:len(), s:upper(), ("x"):rep(3), s:sub(2, 3), s:byte(1))
print(11, #s:rep(2))
-- self is an ordinary parameter
local proto = {}
function proto.m(self, a, b) return self.v + a + b end
local o = {v = 100, m = proto.m}
print(12, o:m(1, 2), o.m({v = 0}, 1, 2))
-- chained call results
local function mk(v) return {get = function(self) return v end, mk = mk} end
print(13, mk(1).mk(2):get(), mk(1):get())
-- calling a function returned by a call
local function adder(x) return function(y) return x + y end end
print(14, adder(1)(2), adder"10"(5))
-- call with parentheses around the function expression
print(15, (adder)(3)(4))
-- method call on a table constructed inline
print(16, ({f = function(self) return self.v end, v = 9}):f())
