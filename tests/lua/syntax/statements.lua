-- Statement forms: do-blocks, return placement, semicolons.
local x = 1; local y = 2;
print(1, x, y);
do local z = 3; print(2, z) end
local function early(n)
  if n > 0 then return "positive" end
  do return "non-positive" end
end
print(3, early(1), early(-1))
local function midreturn()
  local r = "before"
  do return r end
end
print(4, midreturn())
local function noreturn() local a = 1 end
print(5, select('#', noreturn()))
local function emptyreturn() return end
print(6, select('#', emptyreturn()))
local function retsemi() return 1; end
print(7, retsemi())
-- return must be the last statement of a block
print(8, loadstring("return 1 x = 2"))
print(9, loadstring("do return end x = 2") ~= nil)
print(10, loadstring("return return"))
-- break must be last in its block (Lua 5.1)
print(11, loadstring("while true do break x = 1 end"))
print(12, loadstring("while true do do break end x = 1 end") ~= nil)
-- expressions are not statements
print(13, loadstring("1 + 1"))
print(14, loadstring("x"))
print(15, loadstring("x.y"))
print(16, loadstring("(f)"))
-- but calls are
print(17, loadstring("f()") ~= nil, loadstring("a.b:c 'x'") ~= nil)
-- Lua 5.1 has no empty statement
print(18, loadstring(";"))
print(19, loadstring("x = 1;;"))
