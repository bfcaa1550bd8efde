-- Associativity observed through metamethods that log their operands.
local log = ""
local mt = {}
local function new(name) return setmetatable({name = name}, mt) end
local function nm(v) return type(v) == "table" and v.name or tostring(v) end
mt.__concat = function(a, b) log = log .. "(" .. nm(a) .. ".." .. nm(b) .. ")"; return new(nm(a) .. nm(b)) end
mt.__pow = function(a, b) log = log .. "(" .. nm(a) .. "^" .. nm(b) .. ")"; return new(nm(a) .. nm(b)) end
mt.__sub = function(a, b) log = log .. "(" .. nm(a) .. "-" .. nm(b) .. ")"; return new(nm(a) .. nm(b)) end
mt.__div = function(a, b) log = log .. "(" .. nm(a) .. "/" .. nm(b) .. ")"; return new(nm(a) .. nm(b)) end
local a, b, c, d = new("a"), new("b"), new("c"), new("d")
local r = a .. b .. c .. d
print(1, log, r.name)
log = ""
r = a ^ b ^ c
print(2, log, r.name)
log = ""
r = a - b - c
print(3, log, r.name)
log = ""
r = a / b / c
print(4, log, r.name)
log = ""
r = a .. (b .. c) .. d
print(5, log, r.name)
log = ""
r = (a .. b) .. (c .. d)
print(6, log, r.name)
log = ""
r = "x" .. a .. "y" .. "z"
print(7, log, r.name)
log = ""
r = a .. "x" .. "y" .. b
print(8, log, r.name)
