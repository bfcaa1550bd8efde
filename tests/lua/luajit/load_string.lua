-- load() accepts a string (5.2-style), plus chunkname, mode and env.
local f = load("return 1 + 2")
print(1, type(f), f())
print(2, load("return ...")("a", "b"))
print(3, load("syntax error"))
print(4, load("return 1 +", "=named"))
print(5, pcall(load("error('x')", "@file.lua")))
-- mode argument
print(6, type(load("return 1", "c", "t")))
print(7, load("return 1", "c", "b"))
-- env argument
local env = {v = "from env"}
print(8, load("return v", "envchunk", "t", env)())
-- load with a reader still works
local parts = {"return ", "'reader'"}
local i = 0
print(9, load(function() i = i + 1; return parts[i] end)())
print(10, loadstring("return 'loadstring still here'")())
