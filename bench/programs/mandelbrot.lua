-- mandelbrot.lua: escape-time Mandelbrot set on a size x size grid.
-- Instead of a bitmap, prints the number of points in the set and the total
-- iteration count.
-- Measures: floating-point arithmetic in nested loops, loop-carried locals.
-- Size: grid size (default 200).
local size = tonumber(arg and arg[1]) or 200
local maxiter = 50

local inside, total = 0, 0
for y = 0, size - 1 do
  local ci = 2.0 * y / size - 1.0
  for x = 0, size - 1 do
    local cr = 2.0 * x / size - 1.5
    local zr, zi, zr2, zi2 = 0.0, 0.0, 0.0, 0.0
    local iter = 0
    while iter < maxiter and zr2 + zi2 <= 4.0 do
      zi = 2.0 * zr * zi + ci
      zr = zr2 - zi2 + cr
      zr2 = zr * zr
      zi2 = zi * zi
      iter = iter + 1
    end
    total = total + iter
    if iter == maxiter then inside = inside + 1 end
  end
end
print(string.format("mandelbrot size=%d inside=%d iterations=%d", size, inside, total))
