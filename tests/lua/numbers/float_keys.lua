-- Numbers as table keys: integer-valued floats are the same key.
local t = {}
t[1] = "int"
print(1, t[1.0], t[1])
t[2.0] = "float"
print(2, t[2], #t)
t[2^53] = "big"
print(3, t[2^53], t[9007199254740992])
t[0.5] = "half"
print(4, t[0.5], t[1/2], t[0.50])
local negzero = -tonumber("0")
t[negzero] = "zero"
print(5, t[0], t[negzero])
t["1"] = "string one"
print(6, t[1], t["1"], t[1] ~= t["1"])
t[10/5] = "computed"
print(7, t[2])
local u = {10, 20, 30}
print(8, u[1.0], u[3.0], u[1.5], u[3 / 3])
u[1.0] = "changed"
print(9, u[1])
-- key normalization in constructors
local c = {[1] = "a", [1.0] = "b"}
print(10, c[1])
-- loops produce float-valued integer keys
local sq = {}
for i = 0.5, 3, 0.5 do sq[i * 2] = i end
print(11, sq[1], sq[2], sq[6], #sq)
-- next/pairs returns the normalized key
local k = next({[3.0] = true})
print(12, k, math.type and "has math.type" or "no math.type")
-- booleans as keys
local b = {[true] = "T", [false] = "F"}
print(13, b[true], b[false], b[1 == 1])
