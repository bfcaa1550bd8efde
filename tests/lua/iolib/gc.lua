-- a file that becomes garbage is closed (and flushed) by its __gc
local name = "tmp_gc.txt"
local function scribble(text)
  local f = io.open(name, "w")
  f:write(text)
end
scribble("written, never closed")
collectgarbage()
collectgarbage()
local f = io.open(name)
print(1, f:read("*a"))
f:close()

-- files kept alive are not closed
local keep = io.open(name, "w")
keep:write("kept")
collectgarbage()
print(2, io.type(keep))
keep:close()

-- an io.lines iterator keeps its file alive until the end
local it = io.lines(name)
collectgarbage()
print(3, it(), it())
os.remove(name)
