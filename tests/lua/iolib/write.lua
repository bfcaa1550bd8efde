-- file:write and io.write: strings, numbers (%.14g), results and errors
local name = "tmp_write.txt"

local function content()
  local f = io.open(name, "rb")
  local s = f:read("*a")
  f:close()
  return s
end

local f = io.open(name, "w")
print(1, f:write("a", "b", "c"))
print(2, f:write())
print(3, f:write(""))
print(4, f:write(1, " ", 2.5, " ", -3, " ", 1e100, " ", 2^53, " ", 1/3))
print(5, f:write(" ", 1/0, " ", -1/0, " ", 0.1, " ", 100, " ", 1e15, " ", 1e16))
print(6, f:write(" ", -tonumber("0"), " ", 123456789012345, " ", 3.14159265358979))
f:close()
print(7, content())

-- a numeric string is written as it is, not reformatted
f = io.open(name, "w")
f:write("1e2", " ", "0x10", " ", " 5 ")
f:close()
print(8, "[" .. content() .. "]")

-- what comes before a bad argument is written
f = io.open(name, "w")
print(9, pcall(function() return f:write("ok", 1, nil, "never") end))
print(10, pcall(function() return f:write({}) end))
print(11, pcall(function() return f:write("x", true) end))
print(12, pcall(function() return f:write("x", print) end))
f:close()
print(13, content())

-- writes need a file opened for writing; an empty write always works
f = io.open(name, "r")
print(14, f:write("x"))
print(15, f:write(1))
print(16, f:write(""))
print(17, f:write())
print(18, f:write("", ""))
f:close()
print(19, content())

-- io.write writes to the default output
io.output(name)
print(20, io.write("to ", "the ", "default ", 42, "\n"))
print(21, io.write())
io.close()
io.output(io.stdout)
print(22, content())
print(23, pcall(function() return io.write({}) end))
print(24, pcall(function() return io.write("a", nil) end))
print("")

-- long strings and many pieces
f = io.open(name, "w")
local t = {}
for i = 1, 1000 do t[i] = "piece" .. i .. ";" end
print(25, f:write(unpack(t)))
f:close()
print(26, #content())
os.remove(name)
