-- math.random is LuaJIT's generator: the same numbers for the same seed.
-- (Floats are printed as integers of 30 random bits, so no rounding of
-- %.14g can differ.)
local function bits(r) return math.floor(r * 2^30) end
local out = {}
for i = 1, 8 do out[i] = bits(math.random()) end
print(1, table.concat(out, " "))           -- unseeded: as if seeded with 0
for _, seed in ipairs{0, 1, 42, -1, 0.5, 123456789, 2^40, -2^63, 1e300, 1/0} do
  math.randomseed(seed)
  local o = {}
  for i = 1, 6 do o[i] = bits(math.random()) end
  o[7] = math.random(10)
  o[8] = math.random(1000000)
  o[9] = math.random(-5, 5)
  o[10] = math.random(0, 2^31 - 1)
  o[11] = math.random(3, 3)
  print(seed, table.concat(o, " "))
end
math.randomseed(7)
local counts = {0, 0, 0, 0, 0, 0}
for _ = 1, 600 do local r = math.random(6) counts[r] = counts[r] + 1 end
print(2, table.concat(counts, " "))
math.randomseed(2)
local s = 0
for _ = 1, 1000 do s = s + math.random(1, 100) end
print(3, s)
math.randomseed("11")
print(4, math.random(99), math.random(2, 9), bits(math.random()))
math.randomseed(3.7)
print(5, math.random(99))
math.randomseed(3)
print(6, math.random(99))
