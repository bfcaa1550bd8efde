-- Seed program of the binary-chunk fuzzer (chunkfuzz.py): small, quick, and
-- between its functions it uses every opcode, so mutations reach them all.
local t = {1, 2, 3, x = "y", [true] = false}
local up, s = 0, "s"

local function cmp(a, b)
  local r = 0
  if a < b then r = r + 1 end
  if a <= b then r = r + 2 end
  if not (a < b) then r = r + 4 end
  if not (a <= b) then r = r + 8 end
  if a == b then r = r - 1 end
  if a ~= b then r = r * 2 end
  if a == "x" then r = r / 2 end
  if a ~= "y" then r = r % 7 end
  if a == 1 then r = 1 - r end
  if a ~= 2 then r = 2 * r end
  if a == nil then r = 3 / r end
  if a ~= true then r = 4 % (r + 1) end
  return r
end

local function tests(a, b)
  local c = a and b
  local d = a or b
  if a then c = d end
  if not b then d = c end
  return c, d, not a, -b, #s, b * 5LL + 0xffULL, 2i
end

local function arith(a, b)
  local x = a + 1.5 - b * 2 / (a + 3) % 4 + (1 + a) - t[a]
  seen = x
  x = x + a - b * a / b % a ^ b
  up = up + x
  s = s .. x .. "!"
  up = "str"; up = 1.25; up = true; up = nil; up = 0
  return x, s .. s .. s
end

local function loops(n, ...)
  local sum, keys = 0, {}
  for i = 1, n do sum = sum + i end
  for i = n, 1, -0.5 do sum = sum - i end
  for k, v in pairs(t) do keys[#keys + 1] = tostring(k) end
  for i, v in ipairs({...}) do sum = sum + v end
  for k in next, t do sum = sum + 1 end
  local j = 0
  while j < n do j = j + 1 if j == 3 then break end end
  repeat j = j - 1 until j <= 0
  local fs = {}
  for i = 1, 3 do fs[i] = function() return i + sum end end
  do
    local a, b, c
    fs[4] = function() a = b; return c end
  end
  return sum, #keys, fs[2](), select('#', ...)
end

local function calls(...)
  local r = {...}
  local u = {cmp(1, 2), tests(1, 2)}
  local v = {arith(2, 3)}
  r.n = select('#', ...)
  t[1], t.z, t[r.n] = r[1], u[1], v[1]
  print(loops(4, ...))
  return unpack(r)
end

local function tail(n, ...)
  if n > 0 then return tail(n - 1, ...) end
  if n < 0 then return calls(...) end
  return calls(n, 1, 2)
end

local function nothing() seen = nil end
nothing()

print(pcall(cmp, 1, 2), pcall(cmp, "x", "y"))
print(pcall(tests, 1, 2), pcall(arith, 2, 3))
print(pcall(tail, 3))
return tail(1)
