-- pcall return values.
print(1, pcall(function() return 1, 2, 3 end))
print(2, pcall(function() end))
print(3, select('#', pcall(function() end)))
print(4, pcall(function(...) return select('#', ...), ... end, "a", nil, "c"))
print(5, pcall(print ~= nil and tostring, 12))
print(6, pcall(nil))
print(7, pcall(42))
print(8, pcall({}))
print(9, pcall(pcall))
print(10, pcall(pcall, error))
print(11, pcall(pcall, error, "inner"))
print(12, pcall(error, "x", 0))
-- nested pcall: the inner one catches
local function inner() error("inner error") end
local function outer()
  local ok, e = pcall(inner)
  return "outer saw", ok, e
end
print(13, pcall(outer))
-- pcall inside a loop keeps working
local n = 0
for i = 1, 100 do if not pcall(error, i) then n = n + 1 end end
print(14, n)
-- an error after a successful pcall inside the same function
print(15, pcall(function()
  local ok = pcall(function() end)
  error("after " .. tostring(ok))
end))
-- the stack is usable after an error
local function deep(k) if k == 0 then error("bottom") end return deep(k - 1) + 1 end
print(16, pcall(deep, 50))
print(17, pcall(deep, 0))
local t = {}
for i = 1, 10 do t[i] = i end
print(18, #t)
