-- table.sort without a comparator uses __lt (both operands must share it);
-- the comparator must be a function: a callable table is rejected.
local mt = {__lt = function(a, b) return a.v < b.v end}
local a, b = setmetatable({v = 2}, mt), setmetatable({v = 1}, mt)
local t = {a, b}
table.sort(t)
print(1, t[1].v, t[2].v)
local other = setmetatable({v = 0}, {__lt = function() return true end})
print(2, pcall(table.sort, {a, other}))
local c = setmetatable({}, {__call = function() return true end})
print(3, pcall(table.sort, {1, 2}, c))
