-- series.lua: Fourier coefficients of (x+1)^x on [0, 2] by the trapezoid rule (the
-- Ackermann/series pair of the Great Computer Language Shootout).
-- Measures: a numeric function called with math.cos/sin passed in as an argument.
-- Size: number of coefficients (default 60).
local n = tonumber(arg and arg[1]) or 300

local function integrate(x0, x1, nsteps, omegan, f)
  local dx = (x1 - x0) / nsteps
  local rvalue = ((x0 + 1) ^ x0 * f(omegan * x0)) / 2
  local x = x0 + dx
  for _ = 1, nsteps - 1 do
    rvalue = rvalue + (x + 1) ^ x * f(omegan * x)
    x = x + dx
  end
  rvalue = (rvalue + ((x1 + 1) ^ x1 * f(omegan * x1)) / 2) * dx
  return rvalue
end

local pi = math.pi
local a0 = integrate(0, 2, 1000, 0, math.cos) / 2
local sa, sb = a0, 0
for k = 1, n - 1 do
  local omega = k * pi
  sa = sa + integrate(0, 2, 1000, omega, math.cos)
  sb = sb + integrate(0, 2, 1000, omega, math.sin)
end
print(string.format("series n=%d a=%.9f b=%.9f", n, sa, sb))
