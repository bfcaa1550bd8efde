-- loadfile and dofile with a temporary file.
local name = "tmp_loadfile_dofile.lua"
local function write(src)
  local fh = assert(io.open(name, "w"))
  fh:write(src)
  fh:close()
end
write("local a, b = ...\nTMP_GLOBAL = 'set by file'\nreturn 'result', a, b\n")
print(1, dofile(name))
print(2, TMP_GLOBAL)
local f = loadfile(name)
print(3, type(f), f("x", "y"))
-- runtime errors in a dofile'd file carry the file name
write("local x = 1\nerror('from file')\n")
print(4, pcall(dofile, name))
-- syntax errors
write("x = = 1\n")
print(5, loadfile(name))
print(6, pcall(dofile, name))
-- a file starting with '#' skips its first line
write("#!/usr/bin/lua\nreturn 'hash line skipped'\n")
print(7, dofile(name))
-- an empty file
write("")
print(8, select('#', dofile(name)))
os.remove(name)
-- missing files
print(9, loadfile("no_such_file_here.lua"))
print(10, pcall(dofile, "no_such_file_here.lua"))
