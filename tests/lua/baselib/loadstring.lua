-- loadstring
local f = loadstring("return 1 + 1")
print(1, type(f), f())
print(2, loadstring("return ...")(1, 2, 3))
print(3, loadstring("local a = ... return a * 2")(21))
print(4, loadstring("syntax error here"))
print(5, loadstring("return 1 +", "=mychunk"))
print(6, loadstring("x = ", "chunk name"))
print(7, pcall(loadstring("error('runtime')", "=rt")))
-- compiled once, run many times
local counter = loadstring("COUNT = (COUNT or 0) + 1 return COUNT")
counter(); counter()
print(8, counter())
-- each call to loadstring creates a new function
print(9, loadstring("return 1") == loadstring("return 1"))
-- the empty chunk
print(10, select('#', loadstring("")()))
-- chunks see globals, not the caller's locals
local hidden = "local"
HIDDEN_G = "global"
print(11, loadstring("return hidden, HIDDEN_G")())
-- a chunk that defines functions
loadstring("function LOADED_FN(x) return x * 3 end")()
print(12, LOADED_FN(5))
-- bad argument
print(13, pcall(loadstring))
print(14, pcall(loadstring, {}))
print(15, loadstring("return 42", nil)())
print(16, loadstring("return 7")())
