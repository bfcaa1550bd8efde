-- Character classes in the C locale: the bytes each one matches, as ranges.
local function ranges(pat)
  local out, start = "", nil
  for c = 0, 256 do
    local hit = c < 256 and string.find(string.char(c), pat) ~= nil
    if hit and not start then start = c end
    if not hit and start then
      out = out .. (start == c - 1 and start or start .. "-" .. (c - 1)) .. ","
      start = nil
    end
  end
  return out
end
for _, cl in ipairs{"a", "c", "d", "l", "p", "s", "u", "w", "x", "z"} do
  print("%" .. cl, ranges("^%" .. cl .. "$"))
  print("%" .. cl:upper(), ranges("^%" .. cl:upper() .. "$"))
  print("[%" .. cl .. "]", ranges("^[%" .. cl .. "]$"), "[^%" .. cl .. "]", ranges("^[^%" .. cl .. "]$"))
end
print(".", ranges("^.$"))
-- other escaped characters stand for themselves
for _, c in ipairs{".", "%", "(", ")", "[", "]", "*", "+", "-", "?", "^", "$", "g", "b", "f", "q", "1"} do
  if c ~= "b" and c ~= "f" and c ~= "1" then
    print("%" .. c, ranges("^%" .. c .. "$"))
  end
end
print("%g is not a class in 5.1", ranges("^%g$"))
print("sets", ranges("^[%a_][%w_]*$"), ranges("^[^%w%s]$"))
print("ranges", ranges("^[a-f0-3]$"), ranges("^[\200-\255]$"), ranges("^[f-a]$"))
print("high", string.find("\233t\233", "%a+"), string.find("\178\179", "%d"))
