-- Every combination of the flags - + space # 0, with and without width and precision,
-- for every conversion.
local flagchars = {"-", "+", " ", "#", "0"}
local subsets = {}
for mask = 0, 31 do
  local f = ""
  for b = 1, 5 do
    if math.floor(mask / 2 ^ (b - 1)) % 2 == 1 then f = f .. flagchars[b] end
  end
  subsets[#subsets + 1] = f
end
local samples = {
  d = {0, 42, -42}, i = {7}, u = {42, -1}, o = {8, 0}, x = {255, 0}, X = {255},
  e = {0, 1234.5, -0.001}, E = {1234.5}, f = {0, 3.14159, -2.5}, g = {0, 1234567, 0.0001, -2.5},
  G = {1e-10}, c = {65}, s = {"ab"}, q = {"a\"b"},
}
for _, conv in ipairs{"d", "i", "u", "o", "x", "X", "e", "E", "f", "g", "G", "c", "s", "q"} do
  for _, size in ipairs{"", "8", ".2", "8.3", ".0"} do
    local line = conv .. size .. ":"
    for _, flags in ipairs(subsets) do
      local spec = "%" .. flags .. size .. conv
      for _, v in ipairs(samples[conv]) do
        line = line .. "[" .. string.format(spec, v) .. "]"
      end
    end
    print(line)
  end
end
-- flags may repeat, up to five characters in all
print(string.format("[%--5d][%++d][%  d][%##x][%00005d][%-+-+-d]", 1, 2, 3, 255, 4, 5))
print(pcall(string.format, "%-+-+-+d", 1))
