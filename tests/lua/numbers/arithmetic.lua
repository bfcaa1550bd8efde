-- Basic arithmetic on numbers (doubles).
print(1, 1 + 2, 5 - 7, 6 * 7, 7 / 2, 2 ^ 10, -(-3))
print(2, 10 / 3, 1 / 3 * 3, 0.1 * 3, 1e308 + 1e308)
print(3, 2 ^ 0.5, 9 ^ 0.5, 27 ^ (1/3), 2 ^ -1, (-2) ^ 3, (-2) ^ 2)
print(4, 2^53 + 1 == 2^53, 2^53 - 1, 2^52 + 0.5)
print(5, 1e15 + 0.3, 123456789 * 1000)
print(6, loadstring("return 7 // 2"))
print(7, 3 - -3, 3 - - -3, - - -3)
print(8, 0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75)
print(9, 100000000000000 * 10, 1e15 * 10)
print(10, 5 / 0.5, 1 / 1e-300, 1e-300 / 1e300)
local zero = tonumber("0")
print(11, 4 * -zero, -4 * zero, zero / -5)
print(12, (2^31) * 2, 4294967296 * 4294967296)
local x = 17
x = x * 3 - 1
x = x / 2
print(13, x, x % 7, -x)
