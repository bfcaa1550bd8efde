-- string.len, reverse, lower, upper: bytes, embedded zeros, C locale, coercion, errors.
local function show(s)  -- bytes as decimal, so that zeros and high bytes print safely
  local out = "{"
  for i = 1, #s do out = out .. s:byte(i) .. "," end
  return out .. "}"
end
print(1, string.len(""), string.len("abc"), string.len("a\0b\0"), #"a\0b")
print(2, string.len(123), string.len(1.5), string.len(-0.25))
print(3, pcall(function() return string.len() end))
print(4, pcall(function() return string.len({}) end))
print(5, pcall(function() return string.len(nil) end))
print(6, string.reverse(""), string.reverse("a"), string.reverse("abc"), string.reverse(120))
print(7, show(string.reverse("a\0b\255")))
print(8, string.lower("HeLLo WORLD 123 !@#"), string.upper("HeLLo world 123 !@#"))
print(9, show(string.lower("\192\201\222\255AZ")), show(string.upper("\224\233\254\255az")))
print(10, string.lower(12), string.upper(1e100), string.lower(-0.5))
print(11, pcall(function() return string.upper() end))
print(12, pcall(function() return string.lower(true) end))
print(13, pcall(function() return string.reverse() end))
-- every byte through lower/upper
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = ""
for i = 1, #all do s = s .. all[i] end
local changed_l, changed_u = 0, 0
for i = 1, 256 do
  if s:lower():byte(i) ~= i - 1 then changed_l = changed_l + 1 end
  if s:upper():byte(i) ~= i - 1 then changed_u = changed_u + 1 end
end
print(14, #s, changed_l, changed_u, s:lower():sub(66, 91), s:upper():sub(98, 123))
print(15, s:reverse():byte(1), s:reverse():byte(256), #s:reverse())
