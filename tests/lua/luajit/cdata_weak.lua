-- Boxed numbers are collectable: weak tables drop the ones nothing else
-- holds (a literal's box stays: its function keeps it).
local keys = setmetatable({}, {__mode = "k"})
local values = setmetatable({}, {__mode = "v"})
local kept = 5LL * 2
keys[kept] = "kept"
keys[1LL + 1] = "computed"
keys[3i] = "literal"
values[1] = 2LL + 0
values[2] = kept
values[3] = 0x10ULL
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end
print(1, count(keys), count(values))
collectgarbage()
collectgarbage()
print(2, count(keys), keys[kept], values[1], values[2], values[3])
kept = nil
collectgarbage()
print(3, count(keys), values[2])
