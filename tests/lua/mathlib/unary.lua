-- Functions of one number over zeros, infinities, nans (both signs), huge and
-- tiny values: C's results, with 'nan' and '-nan' told apart as lua5.1 prints them.
local inf, nz = 1 / 0, -tonumber("0")
local nan = 0 / 0          -- -nan on x86-64
local pnan = -nan          -- nan
local vals = {0, nz, 1, -1, 2, -2, 0.5, -0.5, inf, -inf, nan, pnan, 1e308, -1e308,
              1000, -1000, 710, 2^53, 2^63, -2^63, 1e-310, 3.7, -3.7, 2^52 + 0.5, -2^52 - 0.5}
local names = {"abs", "acos", "asin", "atan", "ceil", "cos", "cosh", "deg", "exp", "floor",
               "log", "log10", "rad", "sin", "sinh", "sqrt", "tan", "tanh", "frexp", "modf"}
for _, f in ipairs(names) do
  local out = {}
  for _, v in ipairs(vals) do
    local a, b = math[f](v)
    out[#out + 1] = tostring(a) .. (b and ("/" .. tostring(b)) or "")
  end
  print(f, table.concat(out, " "))
end
print(math.floor("2.5"), math.ceil(" 0x10 "), math.abs("-3"), math.sqrt("4"))
print(select("#", math.floor(1, 2)), select("#", math.modf(1.5)), select("#", math.frexp(8)))
