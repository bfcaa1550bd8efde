-- package.loadlib's arguments (what it returns depends on dynamic library
-- support, which moonpatch does not have: see tests/lib/test_package_c.py)
print(1, type(package.loadlib), loadlib)
print(2, pcall(package.loadlib))
print(3, pcall(package.loadlib, "x.so"))
print(4, pcall(package.loadlib, {}, "f"))
print(5, pcall(function() return package.loadlib("x.so", nil) end))
print(6, select("#", package.loadlib("./no_such_library.so", "luaopen_x")))
print(7, (package.loadlib("./no_such_library.so", "luaopen_x")))
