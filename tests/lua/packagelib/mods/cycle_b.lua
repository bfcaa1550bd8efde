print("cycle_b requires cycle_a")
print("cycle_b got", pcall(require, "cycle_a"))
return "B"
