-- Generic for: stateless and stateful iterators, extra values.
local function iter(state, ctl)
  if ctl < state then return ctl + 1, (ctl + 1) * state end
end
local out = ""
for i, v in iter, 3, 0 do out = out .. i .. ":" .. v .. " " end
print(1, out)
-- the iterator receives the invariant state and the control variable
local log = ""
local function spy(s, c)
  log = log .. tostring(s) .. "," .. tostring(c) .. ";"
  if c == nil then return 1 end
  if c < 3 then return c + 1 end
end
for i in spy, "S" do end
print(2, log)
-- stateful closure iterator
local function words(list)
  local i = 0
  return function() i = i + 1; return list[i] end
end
out = ""
for w in words({"x", "y", "z"}) do out = out .. w end
print(3, out)
-- iterator returning more values than variables, and fewer
out = ""
for a in function(_, c) if not c then return 1, 2, 3 end end do out = out .. a end
print(4, out)
out = ""
for a, b, c, d in function(_, ctl) if not ctl then return "a" end end do out = out .. tostring(a) .. tostring(b) .. tostring(d) end
print(5, out)
-- pairs over a table, sorted
local t = {b = 2, a = 1, c = 3, 10, 20}
local keys = {}
for k in pairs(t) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(6, table.concat(keys, " "))
-- ipairs stops at the first nil
out = ""
for i, v in ipairs({1, 2, nil, 4}) do out = out .. i .. "=" .. v .. " " end
print(7, out)
-- only the first three expressions are used
local extra = 0
for i in iter, 2, 0, (function() extra = extra + 1 end)() do end
print(8, extra)
-- modifying the control variable does not affect the iteration
out = ""
for i, v in ipairs({"a", "b", "c"}) do out = out .. i; i = 10 end
print(9, out)
-- iterating with next directly
local count = 0
for k, v in next, {x = 1, y = 2} do count = count + v end
print(10, count)
-- the control variable starts from the third expression
out = ""
for i in iter, 5, 2 do out = out .. i end
print(11, out)
-- iterator that is a callable table
local callable = setmetatable({}, {__call = function(self, s, c) c = c + 1 if c <= 3 then return c end end})
out = ""
for i in callable, nil, 0 do out = out .. i end
print(12, out)
-- non-callable iterator
print(13, pcall(function() for i in 5 do end end))
print(14, pcall(function() for k, v in {} do end end))
