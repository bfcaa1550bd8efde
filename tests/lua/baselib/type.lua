-- type() of every kind of value.
print(1, type(nil), type(true), type(false), type(0), type(""), type("x"))
print(2, type({}), type(print), type(function() end), type(type))
print(3, type(coroutine.create(function() end)), type(newproxy()), type(io.stdout))
print(4, type(type(nil)), type(1/0), type(0/0))
print(5, pcall(type))
print(6, type(nil, "extra"))
print(7, type(string), type(_G), type(_VERSION))
