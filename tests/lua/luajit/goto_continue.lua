-- goto as 'continue' in loops.
local out = ""
for i = 1, 10 do
  if i % 2 == 0 then goto continue end
  out = out .. i .. " "
  ::continue::
end
print(1, out)
out = ""
local i = 0
while i < 6 do
  i = i + 1
  if i == 3 then goto next end
  out = out .. i
  ::next::
end
print(2, out)
out = ""
for _, v in ipairs({"a", "skip", "b", "skip", "c"}) do
  if v == "skip" then goto cont end
  do
    local upper = v:upper()
    out = out .. upper
  end
  ::cont::
end
print(3, out)
-- continue in repeat-until: the label must come before any local in the until scope
out = ""
local n = 0
repeat
  n = n + 1
  if n == 2 then goto skip end
  out = out .. n
  ::skip::
until n >= 4
print(4, out)
-- closures in a loop with goto continue still capture fresh variables
local fs = {}
for k = 1, 4 do
  if k == 2 then goto c2 end
  fs[#fs + 1] = function() return k end
  ::c2::
end
print(5, #fs, fs[1](), fs[2](), fs[3]())
