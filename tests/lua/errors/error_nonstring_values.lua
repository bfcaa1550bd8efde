-- error() with a non-string value inside pcall, printed with tostring.
local values = {42, 1.5, true, false, "s"}
for i = 1, #values do
  local ok, e = pcall(error, values[i])
  print(i, ok, type(e), tostring(e))
end
local ok, e = pcall(error, nil)
print(6, ok, type(e))
ok, e = pcall(error, {})
print(7, ok, type(e))
