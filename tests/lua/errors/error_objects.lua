-- Error objects pass through several pcall levels unchanged.
local obj = {code = 42}
local function lvl3() error(obj) end
local function lvl2() lvl3() end
local function lvl1()
  local ok, e = pcall(lvl2)
  error(e)
end
local ok, e = pcall(lvl1)
print(1, ok, e == obj, e.code)
-- rethrowing a string with level 0 keeps it unchanged
local function rethrow0()
  local ok, m = pcall(error, "original")
  error(m, 0)
end
print(2, pcall(rethrow0))
-- rethrowing with level 1 adds another position prefix
local function rethrow1()
  local ok, m = pcall(function() error("original") end)
  error(m)
end
print(3, pcall(rethrow1))
-- numbers thrown with a level get a position (they are strings to error())
print(4, pcall(function() error(7) end))
local ok4, e4 = pcall(function() error(7, 0) end)
print(5, ok4, e4, type(e4))
-- functions, booleans, coroutines as error values
local f = function() end
local ok5, e5 = pcall(error, f)
print(6, ok5, e5 == f)
print(7, pcall(error, false))
local co = coroutine.create(function() end)
local ok6, e6 = pcall(error, co)
print(8, ok6, e6 == co)
-- error value through coroutine.resume and back out
local ok7, e7 = coroutine.resume(coroutine.create(function() error(obj) end))
print(9, ok7, e7 == obj)
-- error object with __tostring is not converted by pcall
local custom = setmetatable({}, {__tostring = function() return "custom error" end})
local ok8, e8 = pcall(error, custom)
print(10, ok8, e8 == custom, tostring(e8))
