-- integrate.lua: numeric integration by Simpson's rule of several functions, each
-- passed in as an argument.
-- Measures: calls of small numeric functions through a parameter, a float loop.
-- Size: intervals per integral (default 200000).
local n = tonumber(arg and arg[1]) or 200000

local function simpson(f, a, b, steps)
  local h = (b - a) / steps
  local s = f(a) + f(b)
  for i = 1, steps - 1 do
    local x = a + i * h
    if i % 2 == 1 then s = s + 4 * f(x) else s = s + 2 * f(x) end
  end
  return s * h / 3
end

local function gauss(x) return math.exp(-x * x / 2) end
local function poly(x) return ((3 * x - 2) * x + 1) * x - 5 end
local function rational(x) return 1 / (1 + x * x) end

print(string.format("gauss %.12f", simpson(gauss, -5, 5, n)))
print(string.format("poly %.12f", simpson(poly, 0, 3, n)))
print(string.format("pi %.12f", 4 * simpson(rational, 0, 1, n)))
