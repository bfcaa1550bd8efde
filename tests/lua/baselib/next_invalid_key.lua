-- An invalid key to next after a first step, then more invalid and valid keys:
-- each is Lua's error or the next pair, whatever the table's traversal state.
local t = {a = 1, b = 2, c = 3, 10, 20}
print(next(t) ~= nil)
for _, k in ipairs{-1, 0, 3.5, "zz", true, -1, "a", 1, "b"} do
    local ok, err = pcall(next, t, k)
    print(k, ok, not ok and err or "")
end
local n = 0
for _ in pairs(t) do n = n + 1 end
print("pairs", n)
