-- __index chains: the 100 steps lua5.1 follows before "loop in gettable",
-- counted the same when a template takes the first step itself.
local function chain(n)
  local t = {}
  local first = t
  for i = 1, n do local nt = {} setmetatable(t, {__index = nt}) t = nt end
  t.x = "found"
  return first
end
for _, n in ipairs({98, 99, 100, 101}) do
  local c = chain(n)
  print(n, pcall(function() return c.x end))
end
