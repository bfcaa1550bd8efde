-- 5.1 reads a line with fgets and keeps only what comes before a NUL of
-- each piece it reads, so a NUL hides the rest of its line
local name = "tmp_line_nul.txt"
local function lines_of(text)
  local f = io.open(name, "wb")
  f:write(text)
  f:close()
  local out = {}
  f = io.open(name, "rb")
  while true do
    local l = f:read("*l")
    if not l then break end
    out[#out + 1] = "[" .. l .. "]"
  end
  f:close()
  return #out, table.concat(out, " ")
end
print(1, lines_of("a\0b\nc\n"))
print(2, lines_of("\0\n"))
print(3, lines_of("\0"))
print(4, lines_of("x\0"))
print(5, lines_of("ab\0cd\nef\0gh\nij\n"))
print(6, lines_of("one\n\0two\nthree"))
-- other formats keep NULs
local f = io.open(name, "wb")
f:write("a\0b\nc")
f:close()
f = io.open(name, "rb")
print(7, f:read(3) == "a\0b", f:read("*a") == "\nc")
f:close()
for l in io.lines(name) do print(8, l) end
os.remove(name)
