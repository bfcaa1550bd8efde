-- LuaJIT's operands address 65536 constants of each kind (numbers; strings,
-- functions and tables); lua5.1 allows 2^18. One more fails when the
-- function ends, on the line of its end.
local calls = {}
for i = 0, 65535, 128 do
  local args = {}
  for j = i, i + 127 do args[#args + 1] = j .. ".5" end
  calls[#calls + 1] = "f(" .. table.concat(args, ",") .. ")"
end
local numbers = table.concat(calls, "\n")       -- 65536 number constants
print(1, loadstring(numbers, "=s") and "ok")
print(2, loadstring(numbers .. "\nx = 0.25", "=s"))
print(3, loadstring("local function g()\n" .. numbers .. "\nx = 0.25\nend\nprint(1)", "=s"))
