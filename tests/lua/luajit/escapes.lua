-- LuaJIT (5.2-style) string escapes: \x, \z, \u{}.
local function bytes(s)
  local out = #s .. ":"
  for i = 1, #s do out = out .. (i > 1 and "," or "") .. string.byte(s, i) end
  return out
end
print(1, "\x41\x42\x43", bytes("\x00\xff\xFF\x7f"))
print(2, bytes("a\z
             b"), "a\z  b")
print(3, bytes("\z
  "))
print(4, bytes("\u{41}"), bytes("\u{7FF}"), bytes("\u{800}"), bytes("\u{FFFF}"))
print(5, bytes("\u{10000}"), bytes("\u{10FFFF}"))
print(6, "\u{48}\u{49}", bytes("\u{20AC}"), bytes("\u{0}"))
print(7, bytes("\u{000041}"))
print(8, loadstring("return '\\xg0'"))
print(9, loadstring("return '\\x4'"))
print(10, loadstring("return '\\u{110000}'"))
print(11, loadstring("return '\\u41'"))
print(12, loadstring("return '\\q'"))
-- the 5.1 escapes still work
print(14, bytes("\a\b\f\n\r\t\v\\\"\'\65\0"))
