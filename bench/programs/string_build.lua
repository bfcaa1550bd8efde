-- string_build.lua: building strings.
-- Measures: repeated `..` concatenation in a loop, table.concat of many pieces,
-- string.format with %d/%s/%x/%.3f, string.sub/string.byte/string.len.
-- Size: number of pieces (default 20000).
local n = tonumber(arg and arg[1]) or 20000

-- A cheap rolling hash over every `step`-th byte, to make the output checkable.
local function hash(s, step)
  local h = 0
  for i = 1, #s, step do
    h = (h * 31 + string.byte(s, i)) % 1000000007
  end
  return h
end

-- 1. `..` in a loop (quadratic copying, so keep it to n/10 appends).
local s = ""
for i = 1, n / 10 do
  s = s .. string.char(97 + i % 26) .. (i % 10)
end

-- 2. Many small pieces joined with table.concat.
local parts = {}
for i = 1, n do
  parts[#parts + 1] = "item" .. i .. ";"
end
local joined = table.concat(parts)
local joined2 = table.concat(parts, ",", 1, math.floor(n / 2))

-- 3. string.format into pieces.
local fparts = {}
for i = 1, n / 2 do
  fparts[i] = string.format("%d:%s:%x:%.3f|", i, "v", i * 13, i / 7)
end
local formatted = table.concat(fparts)

-- 4. string.sub slicing: walk the joined string in chunks.
local acc = 0
local len = #joined
for i = 1, len - 3, 5 do
  local piece = string.sub(joined, i, i + 3)
  acc = (acc + #piece * string.byte(piece, 2)) % 1000000007
end
local tail = string.sub(joined, -20)
local head = string.sub(formatted, 1, 30)

-- 5. Build lines with .. on short strings (common template pattern).
local lines = {}
for i = 1, n / 4 do
  local name = "n" .. (i % 100)
  lines[i] = "<" .. name .. " id=\"" .. i .. "\">" .. string.rep("x", i % 5) .. "</" .. name .. ">"
end
local doc = table.concat(lines, "\n")

print(string.format("string_build n=%d s=%d/%d joined=%d/%d joined2=%d fmt=%d/%d acc=%d doc=%d/%d",
  n, #s, hash(s, 1), #joined, hash(joined, 3), #joined2, #formatted, hash(formatted, 3),
  acc, #doc, hash(doc, 7)))
print("tail=" .. tail .. " head=" .. head)
