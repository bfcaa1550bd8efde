-- Userdata still alive when the program ends are finalized at close.
local u = newproxy(true)
getmetatable(u).__gc = function() print("finalizer ran at close") end
KEEP = u
print("end of main chunk")
