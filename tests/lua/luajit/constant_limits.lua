-- LuaJIT's operands address 65536 constants of each kind (numbers; strings,
-- functions and tables); lua5.1 allows 2^18. One more fails when the
-- function ends.
local function numbers(n)
  local t = {}
  for i = 1, n do t[i] = "x = " .. i .. ".5" end
  return "local x\n" .. table.concat(t, "\n")
end
print(1, loadstring(numbers(65536), "=s") and "ok")
print(2, loadstring(numbers(65537), "=s"))
print(3, loadstring("local function f()\n" .. numbers(65537) .. "\nend\nprint(1)", "=s"))
