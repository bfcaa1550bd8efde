-- os.date: '*t' and '!*t', literal text, a trailing '%', NUL bytes, argument errors.
local function fields(d)
  if not d then return tostring(d) end
  return table.concat({d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, tostring(d.isdst)}, " ")
end
for _, t in ipairs{0, 86399, 86400, 951782400, 951868800, 978307199, -1, -86400 * 365 * 100, 2^40, 1e17} do
  print(1, t, fields(os.date("!*t", t)))
end
local d = os.date("!*t", 1000000000)
local keys = {}
for k in pairs(d) do keys[#keys + 1] = k end
table.sort(keys)
print(2, table.concat(keys, " "))
print(3, os.date("!%Y-%m-%d %H:%M:%S", 1000000000), os.date("!date: %A, %d %B %Y (%j) %p", 1000000000))
print(4, os.date("!%", 0), os.date("!x%", 0), os.date("!%%%", 0), os.date("!100%%", 0))
print(5, os.date("!a\0b%Y", 0), #os.date("!a\0b%Y", 0), os.date("!\0%Y", 0) == "")
print(6, os.date("!", 0) == "", os.date("", 0) == "", os.date("!*t ", 0), os.date("!!%Y", 0))
print(7, os.date("!%Y", "86400"), os.date("!%c", 86400.9), os.date("!%c", -0.9))
print(8, os.date(nil, 0) == os.date("%c", 0), os.date("%Y", 86400 * 180) == os.date("*t", 86400 * 180).year .. "")
print(9, type(os.date()), type(os.date("*t")), type(os.date("!*t").isdst), os.date("*t", 0).month ~= nil)
print(10, pcall(os.date, "%Y", "x"))
print(11, pcall(os.date, {}))
print(12, pcall(os.date, "!%Y", {}))
print(13, pcall(function() local s = os.date("%Y", {}) return s end))
