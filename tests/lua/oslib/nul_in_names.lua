-- A Lua string handed to the C library ends at its first NUL byte, for the
-- operation and for the message: file names, commands, options, module names.
local name = "nul_in_names.tmp"
local f = assert(io.open(name, "w"))
f:write("return 42") f:close()

local function show(...)
  local out = {select('#', ...)}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    out[#out + 1] = io.type(v) or tostring(v)
  end
  print(table.concat(out, " "))
end

show(pcall(dofile, "\0"))
show(pcall(dofile, name .. "\0junk"))
show(pcall(loadfile, "\0"))
show(pcall(loadfile, "nope\0" .. name))
show(loadfile(name .. "\0junk")())
show(io.open("nope\0" .. name))
show(io.open(name .. "\0junk"))
show(pcall(io.lines, "nope\0" .. name))
show(pcall(io.input, "nope\0" .. name))
for l in io.lines(name .. "\0junk") do show(l) end
show(os.rename("nope\0" .. name, "b\0c"))
show(os.getenv("HOME\0x") == os.getenv("HOME"))
show(os.execute("exit 3\0 junk") / 256)
local p = io.popen("echo hi\0 there")
show(p:read("*a")) p:close()
package.path = "./?.tmp"
package.cpath = ""
show(pcall(require, "nope\0x"))
show(pcall(require, "nul_in_names\0x"))
show(os.date("!%Y\0%m", 0))
show(os.setlocale("C\0x"), os.setlocale(nil, "all\0x"))
show(pcall(collectgarbage, "bad\0option"))
show(type(collectgarbage("count\0x")))
local h = io.open(name)
show(h:seek("end\0x"), h:setvbuf("no\0x"))
h:close()
show(os.remove(name .. "\0junk"))
show(os.remove(name))
