-- running out of registers: 5.1's message names the token it was reading
local function try(s) local f, e = loadstring(s, "=c"); print(f and "ok" or e) end
try("return " .. string.rep("1, ", 300) .. "1")
try("f(" .. string.rep("1, ", 300) .. "1)")
try("local a, b = " .. string.rep("x, ", 300) .. "x")
