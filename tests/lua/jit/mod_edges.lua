-- Lua 5.1's a - floor(a/b)*b in compiled code on edge values (the JIT writes
-- the floor as the host computes it fastest: floor division on CPython,
-- math.floor on PyPy, -0 kept either way).
local vals = {0, -0, 1, -1, 0.5, -0.5, 5.5, -5.5, 7, -7, 1e300, -1e300, 1e-320, -1e-320, 2^53, -2^53, 2^53+2, 3.75, -3.75}
local function m(a, b) return a % b end
local out = {}
for rep = 1, 3 do
  for i = 1, #vals do
    for j = 1, #vals do
      local a, b = vals[i], vals[j]
      if b ~= 0 then
        local r = m(a, b)
        out[#out + 1] = string.format('%.17g', r) .. (1/r < 0 and 'n' or '')
      end
    end
  end
end
local t = {}
for i = 1, 200 do local a = -i / 4 t[#t+1] = a % 3 t[#t+1] = a % -3 t[#t+1] = (-0.0) % 5 end
print(#out, table.concat(out, ' ', 1, 200))
print(table.concat(out, ' ', #out - 100))
print(t[1], t[2], 1/t[3], t[598], t[599])
