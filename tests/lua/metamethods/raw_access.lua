-- rawget, rawset, rawequal bypass metamethods.
local log = ""
local t = setmetatable({}, {
  __index = function(_, k) log = log .. "index;" return "meta" end,
  __newindex = function(_, k, v) log = log .. "newindex;" end,
  __eq = function() log = log .. "eq;" return true end,
})
print(1, rawget(t, "x"), t.x, log)
log = ""
rawset(t, "x", "raw")
print(2, t.x, log)
print(3, rawset(t, "y", 1) == t)
local u = setmetatable({}, getmetatable(t))
log = ""
print(4, rawequal(t, u), t == u, log)
print(5, rawequal(1, 1), rawequal("a", "a"), rawequal(1, "1"), rawequal(nil, nil))
-- bad arguments
print(6, pcall(rawget, "str", 1))
print(7, pcall(rawset, {}, nil, 1))
print(8, pcall(rawset, {}, 0/0, 1))
print(9, pcall(rawget, {}))
print(10, pcall(rawequal, 1))
print(11, pcall(rawset, {}, 1))
