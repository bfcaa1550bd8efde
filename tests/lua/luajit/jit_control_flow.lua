-- Control flow the JIT must structure: goto, break out of nested loops,
-- while/repeat with complex conditions, and/or value chains.
local function classify(n)
  local out = {}
  for i = 1, n do
    local k = i % 7
    if k == 0 then out[#out + 1] = "z"
    elseif k == 1 or k == 2 then out[#out + 1] = "a"
    elseif k > 5 and i > 3 then out[#out + 1] = "b"
    else out[#out + 1] = (k == 3 and "c") or (k == 4 and "d") or "e" end
  end
  return table.concat(out)
end
for i = 1, 150 do classify(10) end
print(classify(30))
local function nested(n)
  local found
  for i = 1, n do
    for j = 1, n do
      if i * j == 42 then found = i .. "x" .. j; goto done end
    end
  end
  ::done::
  return found
end
for i = 1, 150 do nested(10) end
print(nested(10), nested(3))
local function cont(n)
  local s = 0
  for i = 1, n do
    if i % 2 == 0 then goto continue end
    s = s + i
    ::continue::
  end
  return s
end
for i = 1, 150 do cont(10) end
print(cont(100))
local function backgoto(n)
  local i, s = 0, 0
  ::top::
  i = i + 1
  s = s + i
  if i < n then goto top end
  return s
end
for i = 1, 150 do backgoto(5) end
print(backgoto(100))
local function wr(n)
  local i, s = 0, 0
  while i < n and s < 1000 do
    i = i + 1
    repeat
      s = s + 1
      if s % 17 == 0 then break end
    until s % 5 == 0
  end
  return i, s
end
for i = 1, 150 do wr(10) end
print(wr(100))
local function iter(t)
  local keys = {}
  for k, v in pairs(t) do if type(k) == "number" then keys[#keys + 1] = k + v end end
  table.sort(keys)
  local s = ""
  for _, v in ipairs(keys) do s = s .. v .. "," end
  for w in ("a b c"):gmatch("%a") do s = s .. w end
  return s
end
for i = 1, 150 do iter({1, 2, 3}) end
print(iter({10, 20, 30, x = 1}))
local function deep_closures(n)
  local fs = {}
  for i = 1, n do
    local j = i * 2
    fs[i] = function() j = j + 1; return i + j end
  end
  local s = 0
  for _, f in ipairs(fs) do s = s + f() + f() end
  return s
end
for i = 1, 150 do deep_closures(3) end
print(deep_closures(10))
local function varargs(...)
  local a, b = ...
  local t = {...}
  return select("#", ...), a, b, t[3], ...
end
for i = 1, 150 do varargs(1, 2, 3) end
print(varargs(1, nil, 3, nil))
print(varargs())
