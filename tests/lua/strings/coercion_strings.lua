-- Numbers where strings are expected, and the reverse.
print(1, string.rep(5, 3), string.len(12345), string.sub(12345, 2, 3))
print(2, ("10"):rep(2), 10 .. 10)
print(3, string.byte(1), string.upper(1.5))
local t = {}
t["10"] = "string key"
t[10] = "number key"
print(4, t["10"], t[10], t[tonumber("10")], t[tostring(10)])
print(5, "10" + 0 == 10, "10" == 10, tostring(10) == "10")
print(6, pcall(string.rep, {}, 2))
print(7, pcall(string.rep, "x", "y"))
print(8, string.rep("x", "3"))
