-- Errors raised by iterators and inside loops.
local function bad_iter(_, i)
  i = i + 1
  if i == 3 then error("iterator failed at " .. i) end
  return i
end
local seen = ""
print(1, pcall(function() for i in bad_iter, nil, 0 do seen = seen .. i end end))
print(2, seen)
print(3, pcall(function() for k, v in pairs(nil) do end end))
print(4, pcall(function() for i, v in ipairs() do end end))
print(5, pcall(function() for i in nil do end end))
local function stateful()
  local n = 0
  return function() n = n + 1; if n > 2 then local x = nil; return x.boom end; return n end
end
print(6, pcall(function() for v in stateful() do end end))
-- error in the body of a generic for
print(7, pcall(function() for i, v in ipairs({1, 2}) do if v == 2 then error("body " .. i) end end end))
-- errors in while conditions
print(8, pcall(function() local t; while t.x do end end))
print(9, pcall(function() repeat local y = nil until y.z end))
