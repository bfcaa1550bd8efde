-- Errors raised inside an xpcall message handler.
local ok, msg = xpcall(function() error("original") end, function(m) error("handler failed") end)
print(1, ok, msg)
ok, msg = xpcall(function() error("original") end, function(m) local x = nil; return x.y end)
print(2, ok, msg)
-- a handler that is not a function
ok, msg = xpcall(function() error("original") end, 42)
print(3, ok, msg)
-- the handler is not called when there is no error
local called = false
print(4, xpcall(function() return "fine" end, function() called = true end), called)
