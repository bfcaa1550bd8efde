-- matmul.lua: dense matrix multiplication with tables of rows.
-- Measures: 2-D table indexing (t[i][k]), float multiply-add in a triple
-- loop, hoisting of row references into locals.
-- Size: matrix dimension n (default 90).
local n = tonumber(arg and arg[1]) or 90

local function matrix(N, f)
  local m = {}
  for i = 1, N do
    local row = {}
    for j = 1, N do row[j] = f(i, j) end
    m[i] = row
  end
  return m
end

local function mul(a, b, N)
  local c = {}
  for i = 1, N do
    local ci, ai = {}, a[i]
    for j = 1, N do
      local s = 0
      for k = 1, N do s = s + ai[k] * b[k][j] end
      ci[j] = s
    end
    c[i] = ci
  end
  return c
end

local a = matrix(n, function(i, j) return (i - j) / n end)
local b = matrix(n, function(i, j) return (i + j) / n end)
local c = mul(a, b, n)
c = mul(c, a, n)

local trace, total = 0, 0
for i = 1, n do
  trace = trace + c[i][i]
  for j = 1, n do total = total + c[i][j] end
end
print(string.format("matmul n=%d trace=%.6f sum=%.6f c[1][n]=%.6f", n, trace, total, c[1][n]))
