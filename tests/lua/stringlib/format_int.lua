-- string.format %d %i %u %o %x %X: C casts of doubles, flags, width, precision.
local values = {0, 1, -1, 42, -42, 3.7, -3.7, 0.5, -0.5, 255, 65535, 2^31, -2^31, 2^32, 2^53,
                2^53 + 1, 2^63, -2^63, 2^64, 1e19, -1e19, 1e300, -1e300, 1/0, -1/0, 0/0, -(0/0)}
for _, conv in ipairs{"d", "i", "u", "o", "x", "X"} do
  for _, v in ipairs(values) do
    io.write(string.format("%" .. conv, v), " ")
  end
  print()
end
local specs = {"%5d", "%-5d|", "%05d", "%+d", "% d", "%+ d", "% +d", "%.3d", "%.0d", "%5.3d", "%-5.3d|",
               "%05.3d", "%+.3d", "%#d", "%#o", "%#x", "%#X", "%#.0o", "%#5x", "%#-8x|", "%#08x",
               "%+x", "% x", "%.0x", "%.5x", "%08.5x", "%-+05d|", "%0-5d|", "%99d", "%.99d", "%5.0d",
               "%+.0d", "%#.3o", "%#.0x", "%-#+0 5d|", "%5i", "%-5u|", "%+u", "%o", "%5.2o"}
for _, spec in ipairs(specs) do
  local line = spec .. ":"
  for _, v in ipairs{0, 7, -7, 255, 123456, -2^40} do
    line = line .. " [" .. string.format(spec, v) .. "]"
  end
  print((line:gsub(" +%]", "]")))
end
print(string.format("%d %d %d", "10", " 0x10 ", "1e2"), string.format("%x", "255"))
print(string.format("%5d|%-5d|%05d", 12, 12, 12), string.format("%3d|%3d", 12345, -12345))
