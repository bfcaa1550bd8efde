print("cycle_a requires cycle_b")
local ok, b = pcall(require, "cycle_b")
print("cycle_a got", ok, b)
return "A"
