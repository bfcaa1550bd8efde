-- Stack levels given as any number: lua5.1 converts them with (int)lua_tointeger
-- (NaN and out-of-range values become 0, others keep their low 32 bits), and a
-- negative level is a lost tail call.
local function tb(level)
  local ok, s = pcall(debug.traceback, "x", level)
  return ok and s:gsub("\n", " | ") or s
end
for i, v in ipairs{0/0, 1/0, -1/0, -2^63, 2^63, 2^53, -3, 2^32 - 1, 2^32 + 1, "2", 1.9, -0.5} do
  print(1, i, tb(v))
end
local function kind(ok, v, ...) return ok, type(v) == "table" and "table" or v, ... end
for i, v in ipairs{0/0, 1/0, -2^63, 2^32 + 1, 2^31, -1, 1e300} do
  print(5, i, kind(pcall(debug.getinfo, v, "l")))
  print(6, i, pcall(debug.getlocal, v, 1))
  print(7, i, pcall(debug.setlocal, v, 1, nil))
  print(8, i, pcall(error, "e", v))
  print(9, i, kind(pcall(getfenv, v)))
  print(10, i, pcall(setfenv, v, _G))
  print(11, i, pcall(debug.getlocal, 1, v))
end
