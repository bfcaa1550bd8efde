-- Line counting in the lexer: \n, \r\n, \n\r, \r, long strings and comments.
local function line_of(src)
  local f, err = loadstring(src, "=src")
  if not f then return "compile: " .. err end
  local ok, msg = pcall(f)
  return msg
end
print(1, line_of("error('x')"))
print(2, line_of("\n\n\nerror('x')"))
print(3, line_of("\r\n\r\nerror('x')"))
print(4, line_of("\n\r\n\rerror('x')"))
print(5, line_of("\r\r\rerror('x')"))
print(6, line_of("local s = [[\na\nb\n]]\nerror('x')"))
print(7, line_of("--[[\n\n\n]] error('x')"))
print(8, line_of("local s = 'a\\\nb'\nerror('x')"))
print(9, line_of("-- comment\n-- comment\nerror('x')"))
print(10, line_of("\n\nlocal x = = 1"))
print(11, line_of("local s = [==[\n\n\n]==] local y = = 2"))
print(12, line_of("x = 1\r\n\r\n\r\ny = nil + 1"))
print(13, line_of("local t = {\n1,\n2,\nnil + 1}"))
