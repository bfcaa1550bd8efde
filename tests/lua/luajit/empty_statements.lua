-- Empty statements and other LuaJIT 2.1 parser details.
print(1, loadstring(";"))
print(2, loadstring("x = 1;;"))
print(3, type(loadstring("local x = 1; return x")))
print(4, loadstring("return 1 // 2"))
print(5, loadstring("return 1 & 2"))
