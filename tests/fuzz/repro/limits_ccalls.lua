-- 5.1's parser limits count the C calls already active (L->nCcalls): under
-- pcall, loadstring gives up earlier (moonpatch counts them off its stack)
local function try(s) local f, e = loadstring(s, "=c"); return f and "ok" or e end
local assign = string.rep("a, ", 197) .. "b = 1"
local nest = "x = " .. string.rep("(", 196) .. "1" .. string.rep(")", 196)
print(try(assign), try(nest))
print(pcall(try, assign))
print(pcall(try, nest))
print(pcall(pcall, pcall, try, nest))
