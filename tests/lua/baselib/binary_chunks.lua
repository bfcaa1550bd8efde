-- Malformed and foreign binary chunks: any chunk that starts with ESC is
-- binary, and a bad one gives '<name>: <why> in precompiled chunk', where
-- <name> is the chunk name without '@'/'=', or 'binary string' when the
-- name is the chunk itself (loadstring's default).
local function f(a, b) return a * b end
local d = string.dump(f)
-- shorter than any header
print(1, loadstring("\27"))
print(2, loadstring("\27L"))
print(3, loadstring("\27LJ\2"))
print(4, loadstring(d:sub(1, 3)))
-- cut anywhere after the header
print(5, loadstring(d:sub(1, 20)))
print(6, loadstring(d:sub(1, -2)))
-- another engine's chunk (LuaJIT's `luajit -b` header, then bytes)
local luajit = "\27LJ\2\10\52\2\0\2\0\2\0\4\5\0\1\0\2\3\1\0\0\0\0\1\0\0\0\0\0\0\0"
print(7, loadstring(luajit))
-- a header byte changed
print(8, loadstring(d:sub(1, 3) .. "\1" .. d:sub(5)))
-- chunk names: '=name', '@file', a plain name, one with a NUL
print(9, loadstring("\27", "=stdin"))
print(10, loadstring("\27", "@dir/file.luac"))
print(11, loadstring("\27", "plain name"))
print(12, loadstring("\27", "cut\0here"))
print(13, loadstring(luajit, "=(load)"))
-- load with a reader function, loadfile
local parts, i = {luajit:sub(1, 3), luajit:sub(4)}, 0
print(14, load(function() i = i + 1 return parts[i] end))
local name = "binary_chunks.tmp"
local out = io.open(name, "wb")
out:write(luajit)
out:close()
print(15, loadfile(name))
print(16, pcall(dofile, name))
-- a '#' first line before a binary chunk is skipped, as for source
out = io.open(name, "wb")
out:write("#!/usr/bin/env lua\n" .. d)
out:close()
print(17, loadfile(name)(6, 7))
os.remove(name)
-- bytes after a chunk are ignored; a good chunk still loads
print(18, loadstring(d .. "trailing bytes")(2, 3))
print(19, loadstring(d)(4, 5))
