-- Constants, the 5.1 compatibility alias math.mod, and exact conversions.
print(math.pi, math.huge, -math.huge, math.huge == 1 / 0)
print(math.mod == math.fmod, math.mod(7, 3), math.mod(-7, 3))
print(math.deg(math.pi), math.rad(180), math.deg(1), math.rad(1))
print(math.floor(-0.5), math.ceil(-0.5), math.floor(2^60 + 1), math.ceil(-2^60))
print(math.floor(4503599627370495.5), math.ceil(4503599627370495.5), math.floor(-4503599627370495.5))
local m, e = math.frexp(1e-320)
print(m, e, math.ldexp(m, e))
local names = {}
for k in pairs(math) do names[#names + 1] = k end
table.sort(names)
print(#names, table.concat(names, " "))
