-- string.format %e %E %f %g %G: rounding, flags, width, precision, inf and nan.
local nz = -tonumber("0")
local values = {0, nz, 1, -1, 0.5, 2.5, -2.5, 1/3, 2/3, 123.456, -0.000123456, 1e-5, 1e-4, 99999.95,
                999999.5, 1e6, 1e15, 1e16, 1e100, 1e-300, 5e-324, 2^53, 2^63, 1.7976931348623157e308,
                1/0, -1/0, 0/0, -(0/0)}
for _, conv in ipairs{"e", "E", "f", "g", "G"} do
  local line = conv .. ":"
  for _, v in ipairs(values) do
    local s = string.format("%" .. conv, v)
    line = line .. " " .. (#s > 40 and (s:sub(1, 20) .. "..(" .. #s .. ")") or s)
  end
  print(line)
end
local specs = {"%.0e", "%.1e", "%.10e", "%#.0e", "%+e", "% e", "%12.3e|", "%-12.3e|", "%012.3e",
               "%.0f", "%.1f", "%.2f", "%.10f", "%#.0f", "%+f", "% f", "%10.2f|", "%-10.2f|", "%010.2f",
               "%+010.2f", "%.0g", "%.1g", "%.2g", "%.10g", "%.14g", "%.17g", "%#g", "%#.3g", "%#.0g",
               "%+g", "% g", "%12g|", "%-12g|", "%012g", "%#12.4G|", "%.99f", "%99.2f", "%5.f", "%.e",
               "%.g", "%-+ #012.4e|"}
for _, spec in ipairs(specs) do
  local line = spec .. ":"
  for _, v in ipairs{0, 1.5, -2.25, 1234.5678, 0.0001234, 1e-10, 999.999, 9.9999995, 1/0, 0/0} do
    local s = string.format(spec, v)
    line = line .. " [" .. (#s > 40 and (s:sub(1, 20) .. "..(" .. #s .. ")") or s) .. "]"
  end
  print(line)
end
-- the rounding of halves is exact (binary value), as glibc does it
print(string.format("%.0f %.0f %.0f %.0f %.1f %.1f %.2f", 0.5, 1.5, 2.5, 3.5, 0.25, 0.35, 1.005))
print(string.format("%.3f %.20f %.20e", 2/3, 0.1, 0.1))
-- glibc's %#g when rounding carries into a new digit
print(string.format("%#g %#.3g %#.2G %#g %#.1g", 999999.5, 999.5, 99.999999, 9999995, 9.5))
print(string.format("%g %g %g %g", 100000, 1000000, 0.0001, 0.00001))
print(string.format("%5.1f|%-8.3e|%G", "3.14159", "1e3", "-0.5"))
