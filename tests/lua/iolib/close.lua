-- closing files, the closed state and its errors
local name = "tmp_close.txt"
local f = io.open(name, "w")
print(1, io.type(f), tostring(f) == "file (closed)")
print(2, f:close())
print(3, io.type(f), tostring(f))
print(4, pcall(function() return f:close() end))
print(5, pcall(function() return f:read() end))
print(6, pcall(function() return f:write("x") end))
print(7, pcall(function() return f:lines() end))
print(8, pcall(function() return f:seek() end))
print(9, pcall(function() return f:flush() end))
print(10, pcall(function() return f:setvbuf("no") end))
print(11, pcall(function() return io.close(f) end))
print(12, pcall(function() return io.input(f) end))
print(13, pcall(function() return io.output(f) end))

-- io.close is the same operation as file:close
f = io.open(name)
print(14, io.close(f))
print(15, io.type(f))

-- the standard files cannot be closed
print(16, io.stdin:close())
print(17, io.stdout:close())
print(18, io.stderr:close())
print(19, io.close())
print(20, io.type(io.stdin), io.type(io.stdout), io.type(io.stderr))

-- io.close() closes the default output
local g = io.output(name)
print(21, g == io.output())
print(22, io.close())
print(23, io.type(g))
print(24, pcall(io.write, "x"))
print(25, pcall(function() return io.close() end))
io.output(io.stdout)
print(26, io.output() == io.stdout)

-- bad arguments
print(27, pcall(function() return io.close(nil) end))
print(28, pcall(function() return io.close(42) end))
print(29, pcall(function() return io.close({}) end))
print(30, pcall(function() return io.stdout.close() end))
print(31, pcall(function() return io.stdout.close("x") end))

-- the close method without an argument looks at _G[2] (5.1's environment
-- for the file methods is the global table)
_G[2] = io.open(name)
print(32, io.stdout.close(), io.type(_G[2]))
_G[2] = nil

os.remove(name)
