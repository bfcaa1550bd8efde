-- __lt and __le, including __le falling back to not __lt(b, a).
local log = ""
local mt = {}
mt.__lt = function(a, b) log = log .. "lt(" .. a.v .. "," .. b.v .. ")"; return a.v < b.v end
mt.__le = function(a, b) log = log .. "le(" .. a.v .. "," .. b.v .. ")"; return a.v <= b.v end
local function N(v) return setmetatable({v = v}, mt) end
local one, two = N(1), N(2)
print(1, one < two, two < one, one <= two, two <= one)
print(2, log)
log = ""
print(3, one > two, one >= two, log)
-- only __lt: __le falls back to not (b < a)
local ltonly = {__lt = function(a, b) log = log .. "lt;" return a.v < b.v end}
local x = setmetatable({v = 1}, ltonly)
local y = setmetatable({v = 2}, ltonly)
log = ""
print(4, x <= y, y <= x, x <= x, log)
-- results converted to boolean
local weird = {__lt = function() return 1 end, __le = function() return nil end}
local w1, w2 = setmetatable({}, weird), setmetatable({}, weird)
print(5, w1 < w2, w1 <= w2)
-- different metamethods: error
local other = setmetatable({v = 5}, {__lt = function() return true end})
print(6, pcall(function() return one < other end))
-- mixed types never use metamethods
print(7, pcall(function() return one < 1 end))
print(8, pcall(function() return 1 <= one end))
-- tables without metamethods
print(9, pcall(function() return {} < {} end))
print(10, pcall(function() return {} <= {} end))
-- sorting with __lt
local list = {N(3), N(1), N(2)}
table.sort(list)
print(11, list[1].v, list[2].v, list[3].v)
