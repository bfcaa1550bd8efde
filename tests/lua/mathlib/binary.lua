-- Functions of two numbers (fmod, mod, pow, atan2, ldexp) and max/min,
-- over the special values in every combination.
local inf, nz = 1 / 0, -tonumber("0")
local nan = 0 / 0
local pnan = -nan
local xs = {0, nz, 1, -1, 2, -2, 0.5, -0.5, inf, -inf, nan, pnan, 1e308, -1e308, 1000, -1000, 1e-310, 3.7, -3.7, 7, -7}
local ys = {0, nz, 1, -1, 2.5, -2.5, 3, -3, inf, -inf, nan, pnan, 1024, -1075, 0.5, 2, -2}
for _, f in ipairs{"fmod", "mod", "pow", "atan2", "ldexp", "max", "min"} do
  for _, x in ipairs(xs) do
    local out = {}
    for _, y in ipairs(ys) do out[#out + 1] = tostring(math[f](x, y)) end
    print(f, x, table.concat(out, " "))
  end
end
print(math.max(3, 1, 2), math.min(3, 1, 2), math.max(-1), math.min(5), math.max(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(math.max(nan, 1), math.max(1, nan), math.min(nan, 1), math.min(1, nan), math.max(nz, 0), math.max(0, nz))
print(math.ldexp(1, 2^32 + 3), math.ldexp(1, 1.9), math.ldexp(1, -1.9), math.ldexp(3, "2"))
print(math.pow(2, 0.5), math.pow(-8, 1/3), math.pow(10, 308.5), math.pow(-10, 309))
print(math.fmod(5.5, 2), math.fmod(-5.5, 2), math.fmod(5.5, -2), math.fmod(1e300, 3), math.fmod(7, inf), math.fmod(-7, -inf))
