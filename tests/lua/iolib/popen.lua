-- io.popen: reading a command's output, writing its input, closing
local name = "tmp_popen.txt"
local p = io.popen("echo hello; echo world")
print(1, io.type(p))
print(2, p:read())
print(3, p:read("*a"))
print(4, p:read(), p:read(0), p:read("*a"))
print(5, p:close())
print(6, io.type(p), tostring(p))
print(7, pcall(function() return p:read() end))

-- the default mode is "r"; lines, numbers and counts work on pipes
p = io.popen("printf '1 2 3\\nx\\ny'", "r")
print(8, p:read("*n", "*n", "*n"))
for l in p:lines() do print(9, "[" .. l .. "]") end
print(10, p:close())

-- the exit status of the command is not reported
print(11, io.popen("exit 3"):close())
print(12, io.popen("kill -9 $$"):close())

-- writing to a command
p = io.popen("cat > " .. name, "w")
print(13, p:write("to the pipe\n", 42, "\n"))
print(14, p:close())
local f = io.open(name)
print(15, f:read("*a"))
f:close()

-- popen flushes every open file first (fflush(NULL))
f = io.open(name, "w")
f:write("buffered data")
p = io.popen("cat " .. name)
print(16, p:read("*a"))
p:close()
f:close()

-- pipes cannot seek; a read pipe cannot be written, nor a write pipe read
p = io.popen("echo x")
print(17, p:seek())
print(18, p:seek("set", 0))
print(19, p:write("y"))
print(20, p:read("*a"))
p:close()
p = io.popen("cat > /dev/null", "w")
print(21, p:read())
print(22, p:read("*a"))
print(23, p:setvbuf("no"), p:flush())
p:close()

-- modes as glibc's popen takes them
for _, m in ipairs{"re", "er"} do
  p = io.popen("echo " .. m, m)
  print(24, m, p:read())
  p:close()
end
for _, m in ipairs{"rw", "", "x", "r+", "rb", "wb", "a"} do
  print(25, "[" .. m .. "]", io.popen("echo x", m))
end

-- errors
print(26, pcall(function() return io.popen() end))
print(27, pcall(function() return io.popen({}) end))
print(28, pcall(function() return io.popen("echo", {}) end))
os.remove(name)
