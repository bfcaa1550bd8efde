-- More than 32767 locals declared in one function (over all its scopes,
-- hidden for-loop slots included): lua5.1's memory manager fails, a runtime
-- error with no position that the message handler of the protected call
-- sees (lua.c's adds a traceback).
local src = ("for i = 1, 2 do end "):rep(8192)
print(1, pcall(loadstring, src))
print(2, xpcall(function() return loadstring(src) end, function(m) return "handled: " .. m end))
print(3, loadstring(src))
