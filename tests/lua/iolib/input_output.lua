-- io.input and io.output with file names and files; io.read and io.write
local name = "tmp_input_output.txt"
print(1, io.input() == io.stdin, io.output() == io.stdout)

local out = io.output(name)
print(2, io.type(out), out == io.output(), out ~= io.stdout)
print(3, io.write("alpha\n", 2, "\n", "beta gamma\n"))
print(4, io.output(io.stdout) == io.stdout)
out:close()

local inp = io.input(name)
print(5, io.type(inp), inp == io.input())
print(6, io.read())
print(7, io.read("*n"))
print(8, io.read("*l"))
print(9, io.read(4), io.read("*a"))
print(10, io.read(), io.read("*a"), io.read(0))
inp:close()
print(11, io.type(io.input()))
print(12, pcall(io.read))
print(13, pcall(function() return io.read("*a") end))
print(14, pcall(io.lines))

-- a file object is accepted and becomes the default
local f = io.open(name)
print(15, io.input(f) == f)
print(16, io.read("*l"))
f:close()

-- nil or no argument only returns the current file
io.input(io.stdin)
print(17, io.input(nil) == io.stdin, io.output(nil) == io.stdout)

-- a number is a file name
print(18, io.type(io.output(7)))
io.write("seven")
io.close()
io.output(io.stdout)
print(19, io.type(io.input(7)), io.read("*a"))
io.input():close()
io.input(io.stdin)
os.remove("7")

-- io.output truncates; io.input opens for reading only
io.output(name)
io.write("x")
io.output():close()
io.output(io.stdout)
io.input(name)
print(20, io.read("*a"))
print(21, io.input():write("y"))
io.input():close()
io.input(io.stdin)

-- writing to a closed default output
out = io.output(name)
out:close()
print(22, pcall(io.write, "x"))
print(23, pcall(function() io.write("x") end))
print(24, pcall(io.close))
io.output(io.stdout)

-- errors
print(25, pcall(function() return io.input("tmp_no_such_file.txt") end))
print(26, pcall(function() return io.output("tmp_no_dir/x") end))
print(27, pcall(function() return io.input({}) end))
print(28, pcall(function() return io.output(true) end))
print(29, pcall(function() return io.input(out) end))
print(30, pcall(function() return io.read("*z") end))
print(31, io.input() == io.stdin, io.output() == io.stdout)
os.remove(name)
