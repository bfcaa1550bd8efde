-- Every operator on pairs of boxed integers and numbers at the edges, in
-- both orders: a result, or ERR for an error (messages: int64_arith.lua).
local values = {0LL, 1LL, -1LL, -7LL, 9223372036854775807LL, 0x8000000000000000LL,
                123456789012345LL, 0ULL, 3ULL, 18446744073709551615ULL,
                0x8000000000000000ULL, 0xdeadbeefcafebabeULL, 0, 1, -1, 2.5, -3.9, 2^53,
                2^63, -2^63, 2^64, 1e20, 1/0, -1/0, 0/0}
local ops = {
  function(a, b) return a + b end, function(a, b) return a - b end,
  function(a, b) return a * b end, function(a, b) return a / b end,
  function(a, b) return a % b end, function(a, b) return a ^ b end,
  function(a, b) return a == b end, function(a, b) return a ~= b end,
  function(a, b) return a < b end, function(a, b) return a <= b end,
  function(a, b) return -a end,
}
local function result(f, a, b)
  local ok, v = pcall(f, a, b)
  return ok and tostring(v) or "ERR"
end
for i = 1, #values do
  local a = values[i]
  for j = 1, #values do
    local b = values[j]
    if type(a) == "cdata" or type(b) == "cdata" then
      local out = {}
      for k = 1, #ops do out[k] = result(ops[k], a, b) end
      print(i, j, table.concat(out, " "))
    end
  end
end
