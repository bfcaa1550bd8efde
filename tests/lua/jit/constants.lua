-- Constants compiled code writes as Python literals or takes from a pool:
-- negative zero, infinities, nan, 2^63 and -2^63 (which PyPy's compiler folds
-- to an int when written as a negative float literal), tiny and huge floats.
local function negzero() return -0 end   -- (alone: 5.1 gives -0 and 0 one slot)
local function consts()
  return negzero(), 1/0, -1/0, -9.223372036854776e+18, 9.223372036854776e+18,
         -1e309, 1e-300, -1e-300, 2^53, -2^53 - 1, 0.1, -0.5
end
local function show(...)
  local out = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    out[#out + 1] = string.format("%.17g", v) .. ":" .. (1 / v > 0 and "+" or "-")
  end
  return table.concat(out, " ")
end
for i = 1, 200 do consts() end
print(show(consts()))
print(-9.223372036854776e+18 .. "", math.floor(-9.223372036854776e+18) == -2^63)
