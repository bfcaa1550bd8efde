-- Constant expressions give the same results as the same operations at run time.
local function rt(op, a, b)
  if op == "+" then return a + b elseif op == "-" then return a - b
  elseif op == "*" then return a * b elseif op == "/" then return a / b
  elseif op == "%" then return a % b elseif op == "^" then return a ^ b
  elseif op == ".." then return a .. b end
end
print(1, 2 + 3 == rt("+", 2, 3), 2 - 3 == rt("-", 2, 3), 6 * 7 == rt("*", 6, 7))
print(2, 7 / 2 == rt("/", 7, 2), 7 % 3 == rt("%", 7, 3), 2 ^ 10 == rt("^", 2, 10))
print(3, -7 % 3 == rt("%", -7, 3), 7 % -3 == rt("%", 7, -3), 5.5 % 2 == rt("%", 5.5, 2))
print(4, 1 / 3 == rt("/", 1, 3), 2 ^ 0.5 == rt("^", 2, 0.5))
print(5, "a" .. "b" == rt("..", "a", "b"), 1 .. 2 == rt("..", 1, 2))
print(6, 1e308 * 10 == rt("*", 1e308, 10), -(1e308 * 10) == -rt("*", 1e308, 10))
-- folding never changes division by zero into an error
print(7, 1 / 0, -1 / 0 == -(1 / 0))
local nan = 0 / 0
print(8, nan ~= nan, 0 / 0 ~= 0 / 0)
-- constant comparisons
print(9, 1 < 2, "a" < "b", 1 == 1.0, "1" == 1)
-- nested constant expressions
print(10, (2 + 3) * (4 - 1) ^ 2, -2 ^ 2, (-2) ^ 2, 2 ^ 3 ^ 2)
print(11, not nil, not 0, nil and 1, false or 2)
-- large folded values
print(12, 2 ^ 53 + 1 == 2 ^ 53, 2 ^ 1023 * 2, 10 ^ 15 + 0.5)
-- string constants with escapes compared to runtime-built strings
print(13, "\65\66" == string.char(65, 66), "a\0b" == "a" .. "\0" .. "b")
