-- xpcall and its message handler.
print(1, xpcall(function() return "ok", 2 end, print))
print(2, xpcall(function() error("boom") end, function(m) return "handled: " .. m end))
print(3, xpcall(function() error({code = 1}) end, function(e) return type(e), e.code end))
print(4, xpcall(function() error() end, function(e) return "got " .. tostring(e) end))
-- the handler runs before the stack unwinds: debug.traceback sees the frames
local ok, tb = xpcall(function() local x = nil; return x.y end, debug.traceback)
print(5, ok, type(tb), string.find(tb, "stack traceback:", 1, true) ~= nil)
print(6, string.sub(tb, 1, string.find(tb, "\n") - 1))
-- handler receives exactly one argument
print(7, xpcall(function() error("a") end, function(...) return select('#', ...) end))
-- Lua 5.1: extra arguments to xpcall are not passed to the function
print(8, xpcall(function(...) return select('#', ...) end, print, 1, 2, 3))
-- a handler that returns nothing
print(9, xpcall(function() error("x") end, function() end))
-- runtime errors go through the handler too
print(10, xpcall(function() return 1 + nil end, function(m) return "H:" .. m end))
-- xpcall without a handler
print(11, pcall(xpcall, function() end))
-- nested xpcall: the innermost handler is used
print(12, xpcall(function()
  local ok, m = xpcall(function() error("deep", 0) end, function(m) return "inner:" .. m end)
  error(m, 0)
end, function(m) return "outer:" .. m end))
