-- os.date in UTC: every byte after '%' goes to the C library's strftime,
-- for several times (before 1970, leap days, far future, out of range).
-- %s (115) is left out: glibc computes it with mktime, in the local time zone.
local function char(c) return loadstring("return \"\\" .. c .. "\"")() end
local times = {0, 86400 * 365 + 3600 * 13 + 61, 951782400, 951868800, -86400 * 400, 1e10, 2^31, -2^31,
               1234567890.9, -0.5, 1e17, -1e17, 1/0, 0/0}
for _, t in ipairs(times) do
  local o = {}
  for c = 1, 255 do
    if c ~= 115 then o[#o + 1] = c .. "=[" .. tostring(os.date("!%" .. char(c), t)) .. "]" end
  end
  print(t, table.concat(o, " "))
end
