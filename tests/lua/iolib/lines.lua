-- io.lines and file:lines
local name = "tmp_lines.txt"
local f = io.open(name, "w")
f:write("first\n", "\n", "third line\n", "  spaced  \n", "last")
f:close()

local n = 0
for l in io.lines(name) do
  n = n + 1
  print(1, n, "[" .. l .. "]")
end

-- io.lines closes the file at the end: calling the iterator again fails
local it = io.lines(name)
print(2, it(), it(), it(), it(), it())
print(3, it())
print(4, pcall(it))
print(5, pcall(it))

-- file:lines does not close the file
f = io.open(name)
for l in f:lines() do
  n = n + 1
end
print(6, n, io.type(f))
print(7, f:read("*a"), f:read())
f:seek("set")
local it2 = f:lines()
print(8, it2(), f:read(), it2())
f:close()
print(9, pcall(it2))

-- several iterators over one file share its position
f = io.open(name)
local a, b = f:lines(), f:lines()
print(10, a(), b(), a(), b())
f:close()

-- io.lines() iterates over the default input
io.input(name)
for l in io.lines() do
  print(11, "[" .. l .. "]")
end
print(12, io.type(io.input()), io.read())
io.input():close()
print(13, pcall(io.lines))
io.input(io.stdin)

-- a file ending with a newline has no extra empty line; an empty file has none
f = io.open(name, "w")
f:write("one\n")
f:close()
n = 0
for l in io.lines(name) do n = n + 1 end
print(14, n)
f = io.open(name, "w")
f:close()
n = 0
for l in io.lines(name) do n = n + 1 end
print(15, n)

-- lines longer than stdio's buffer
f = io.open(name, "w")
local long = "x"
while #long < 10000 do long = long .. long end
f:write(long, "\n", long, long, "\n")
f:close()
for l in io.lines(name) do print(16, #l, l == long or l == long .. long) end

-- errors
print(17, pcall(function() return io.lines("tmp_no_such_file.txt") end))
print(18, pcall(function() return io.lines(nil) end))
print(19, pcall(function() return io.lines({}) end))
print(20, pcall(function() return f:lines() end))
print(21, pcall(function() return f.lines() end))
print(22, pcall(function() return io.stdout.lines(42) end))
print(23, pcall(function() return io.lines(name, "extra") ~= nil end))
os.remove(name)
