-- LuaJIT parses each label of a run of labels inside the one before: a run
-- of 200 is 'chunk has too many syntax levels'. Many labels and gotos
-- separated by statements are fine (and compile in linear time here).
local function labels(n, sep)
  local t = {}
  for i = 1, n do t[i] = "::a" .. i .. "::" end
  return table.concat(t, sep or " ")
end
print(1, loadstring("x = 1 " .. labels(199), "=s") ~= nil)
print(2, loadstring("x = 1 " .. labels(200), "=s"))
print(3, loadstring("do " .. labels(199) .. " end", "=s"))
print(4, loadstring(labels(3000, " x = 1 "), "=s") ~= nil)
print(5, loadstring(("goto l "):rep(3000) .. "::l:: x = 1", "=s") ~= nil)
print(6, loadstring("::l:: " .. ("goto l "):rep(3000), "=s") ~= nil)
local gotos = {}
for i = 1, 3000 do gotos[i] = "goto a" .. i end
print(7, loadstring(table.concat(gotos, " ") .. " " .. labels(3000, " x = 1 "), "=s") ~= nil)
print(8, loadstring("goto a1 local x " .. labels(2, " x = 1 "), "=s"))
