-- the FILE* metatable shared by every file
local name = "tmp_metatable.txt"
local mt = getmetatable(io.stdout)
print(1, type(mt), mt.__index == mt)
print(2, getmetatable(io.stdin) == mt, getmetatable(io.stderr) == mt)
local f = io.open(name, "w")
print(3, getmetatable(f) == mt, getmetatable(io.tmpfile()) == mt)
local n = 0
for k, v in pairs(mt) do n = n + 1 end
print(4, n)
for _, k in ipairs{"close", "flush", "lines", "read", "seek", "setvbuf", "write",
                   "__gc", "__tostring", "__index", "__name", "__close", "__metatable"} do
  print(5, k, type(mt[k]))
end
print(6, f.write == mt.write, io.stdout.read == mt.read)
print(7, mt.close == io.close, mt.lines == io.lines, mt.write == io.write)
-- methods called through the metatable
print(8, mt.write(f, "via mt"))
print(9, mt.__tostring(f) == tostring(f))
print(10, mt.close(f))
print(11, mt.__tostring(f))
-- __gc on a closed or standard file does nothing
print(12, mt.__gc(f))
print(13, mt.__gc(io.stdout), io.type(io.stdout))
f = io.open(name)
print(14, mt.__gc(f), io.type(f))
-- not a file
local u = newproxy(true)
print(15, io.type(u), io.type({}), io.type("file"), io.type(nil))
print(16, pcall(mt.read, u))
print(17, pcall(mt.__tostring, {}))
print(18, pcall(mt.__gc, "x"))
print(19, pcall(io.type))
-- method-call errors name the method
print(20, pcall(function() return io.stdout.write(u) end))
print(21, pcall(function() return io.stdout:seek({}) end))
-- a userdata with a copy of the metatable is not a file
local fake = newproxy(true)
for k, v in pairs(mt) do getmetatable(fake)[k] = v end
print(22, io.type(fake), pcall(function() return fake:read() end))
-- files can be table keys and compared
local t = {[io.stdout] = "out", [io.stderr] = "err"}
print(23, t[io.stdout], t[io.stderr], io.stdout == io.stdout)
os.remove(name)
