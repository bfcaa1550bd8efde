-- Every escape sequence of Lua 5.1 strings, shown as byte values.
local function bytes(s)
  local out = #s .. ":"
  for i = 1, #s do
    out = out .. (i > 1 and "," or "") .. string.byte(s, i)
  end
  return out
end
print("a", bytes("\a"))
print("b", bytes("\b"))
print("f", bytes("\f"))
print("n", bytes("\n"))
print("r", bytes("\r"))
print("t", bytes("\t"))
print("v", bytes("\v"))
print("backslash", bytes("\\"))
print("dquote", bytes("\""), bytes('\"'))
print("squote", bytes("\'"), bytes('\''))
print("ddd", bytes("\0"), bytes("\65"), bytes("\065"), bytes("\255"))
print("ddd max 3 digits", bytes("\1234"), bytes("\0012"))
print("ddd short", bytes("\9x"), bytes("\09x"))
print("embedded zero", bytes("a\0b"), #"a\0b\0")
print("backslash-newline", bytes("a\
b"))
print("mixed", bytes("\65\66\67\t\\n"))
print("letters", "\72\101\108\108\111")
print("quotes in other quotes", "it's", 'say "hi"')
print("escaped quote mix", "\"'\"", '\'"\'')
-- escapes inside loadstring sources (double escaping)
print("loaded", bytes(loadstring("return '\\97\\98'")()))
-- backslash followed by CR LF in source counts as one newline
print("bs-crlf", bytes(loadstring("return 'a\\\r\nb'")()))
-- 5.1: decimal escapes over 255 are an error
print(loadstring("return '\\256'"))
print(loadstring("return '\\999'"))
