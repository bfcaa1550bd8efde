-- Compile-time limits that Lua 5.1 checks.
local function locals(n)
  local src = "local a1"
  for i = 2, n do src = src .. ", a" .. i end
  return src
end
print(1, loadstring(locals(200)) ~= nil)
print(2, loadstring(locals(201)))
-- many locals in separate statements
local src = ""
for i = 1, 201 do src = src .. "local b" .. i .. " = " .. i .. "\n" end
print(3, loadstring(src))
-- inside a function
print(4, loadstring("local function f()\n" .. locals(201) .. "\nend"))
