-- break exits only the innermost loop.
local out = ""
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then break end
    out = out .. i .. j .. " "
  end
end
print(1, out)
out = ""
local i = 0
while true do
  i = i + 1
  for j = 1, 10 do
    if j > i then break end
    out = out .. j
  end
  out = out .. "|"
  if i == 3 then break end
end
print(2, out)
-- break out of nested loops via a flag
local found
for a = 1, 10 do
  for b = 1, 10 do
    if a * b == 42 then found = a .. "x" .. b; break end
  end
  if found then break end
end
print(3, found)
-- break inside repeat inside for
out = ""
for k = 1, 3 do
  local n = 0
  repeat
    n = n + 1
    if n == k then break end
  until n > 10
  out = out .. n
end
print(4, out)
-- break in generic for
out = ""
for _, v in ipairs({"a", "b", "stop", "c"}) do
  if v == "stop" then break end
  out = out .. v
end
print(5, out)
-- break inside an if inside a loop inside a function inside a loop
out = ""
for x = 1, 2 do
  local f = function()
    local r = ""
    for y = 1, 5 do if y > x then break end r = r .. y end
    return r
  end
  out = out .. f() .. ";"
end
print(6, out)
-- statements after the inner loop still run after break
local after = 0
for m = 1, 3 do
  while true do break end
  after = after + 1
end
print(7, after)
