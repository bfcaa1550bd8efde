-- Tail calls run in constant space in every tier, and tracebacks show
-- Lua 5.1's '(tail call)' levels.
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
print(loop(300000, 0))
local a, b
function a(n) if n == 0 then return "a done" end return b(n - 1) end
function b(n) if n == 0 then return "b done" end return a(n - 1) end
print(a(200001), a(200000))
local function via_pcall(n) if n == 0 then return "pc" end return pcall(via_pcall, n - 1) end
print(via_pcall(50))
local function tb() return debug.traceback("tb", 1) end
local function t1() return tb() end
local function t2() local s = t1() return s end
for i = 1, 150 do t2() end
print(t2())
print(select('#', (function(...) return select('#', ...) end)(1, nil, 3)))
local function host_tail() return string.rep("x", 3) end
for i = 1, 150 do host_tail() end
print(host_tail(), pcall(function() return string.rep() end))
