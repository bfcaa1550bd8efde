-- inspect: nested, cyclic and metatable-carrying tables, odd strings and numbers.
local inspect = require "inspect"
local t = {1, 2, "three", {four = 4, five = {6}}, f = print ~= nil, [10] = 10}
t.self = t
print(inspect(t))
print(inspect(setmetatable({a = 1}, {__index = {b = 2}})))
print(inspect({1, nil, 3}))
print(inspect("a\nb\0c"), inspect(1/0), inspect(2^53))
