-- tostring / tonumber round trips.
for _, v in ipairs({0, 1, -1, 0.5, 1e10, 1e15, 123.456, 2^40}) do
  print(v, tostring(v), tonumber(tostring(v)) == v)
end
print(tonumber(tostring(1/3)) == 1/3, tostring(1/3))
print(tostring(true), tostring(false), tostring(nil))
print(tonumber(true), tonumber(nil == false), tonumber("true"))
print(pcall(tostring))
print(tonumber("  12  "), tonumber("12a"), tonumber("0x"), tonumber("0x1"))
