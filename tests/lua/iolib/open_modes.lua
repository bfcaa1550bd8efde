-- io.open with every mode, and what glibc's fopen does with odd ones
local name = "tmp_open_modes.txt"

local function content()
  local f = assert(io.open(name, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local function put(s)
  local f = assert(io.open(name, "wb"))
  f:write(s)
  f:close()
end

-- "w" creates and truncates; "r" reads
put("hello\nworld\n")
print(1, content())
local f = io.open(name, "w")
print(2, io.type(f))
f:close()
print(3, "[" .. content() .. "]")

-- "r" is the default mode
put("abc")
f = io.open(name)
print(4, f:read("*a"))
f:close()

-- "a" appends and its position starts at the end
f = io.open(name, "a")
print(5, f:seek())
f:write("def")
print(6, f:seek())
f:close()
print(7, content())

-- "r+" reads and writes from the start, without truncating
f = io.open(name, "r+")
print(8, f:read(2))
f:seek("cur")
f:write("XY")
f:seek("set")
print(9, f:read("*a"))
f:close()

-- "w+" truncates, then reads back what it wrote
f = io.open(name, "w+")
print(10, f:read("*a"))
f:write("new text")
f:seek("set", 4)
print(11, f:read("*a"))
f:close()

-- "a+" reads from the start, writes at the end
put("12345")
f = io.open(name, "a+")
print(12, f:seek())
print(13, f:read(2))
f:write("67")
print(14, f:seek())
f:seek("set")
print(15, f:read("*a"))
f:close()

-- "b" is accepted everywhere (no effect on Linux)
for _, m in ipairs{"rb", "wb", "ab", "r+b", "w+b", "a+b", "rb+", "wb+", "ab+"} do
  local g, err = io.open(name, m)
  print(16, m, io.type(g), err)
  g:close()
end

-- glibc reads the first letter, then '+' (others are ignored)
for _, m in ipairs{"rw", "rt", "wr", "r+x", "w++", "aaa", "r,+", "rbbbbb+", "rbbbbbb+"} do
  local g, err = io.open(name, m)
  print(17, m, io.type(g), err)
  if g then
    print(17, m, g:write("z"))
    g:close()
  end
end
print(18, content())

-- invalid modes fail with EINVAL
for _, m in ipairs{"", "x", "+", "b", "R", " r", "+r"} do
  print(19, "[" .. m .. "]", io.open(name, m))
end

-- "x" after w: exclusive creation
print(20, io.open(name, "wx"))
os.remove(name)
f = io.open(name, "wx")
print(21, io.type(f))
f:close()

-- failures: (nil, "name: strerror", errno)
print(22, io.open("tmp_no_such_file.txt"))
print(23, io.open("tmp_no_such_dir/x.txt", "w"))
print(24, io.open(".", "w"))
print(25, io.open(".", "a"))
print(26, io.open("", "r"))

-- a number is accepted as the file name
f = io.open(12, "w")
f:write("twelve")
f:close()
f = io.open("12")
print(27, f:read("*a"))
f:close()
os.remove("12")

-- argument errors
print(28, pcall(function() return io.open() end))
print(29, pcall(function() return io.open({}) end))
print(30, pcall(function() return io.open(name, {}) end))

os.remove(name)
print(31, io.open(name))
