-- pow with a NaN operand: glibc's pow returns a positive NaN for a negative
-- NaN base to an odd power, and 1 for any base to the power 0
local nan = 0/0          -- -nan on x86-64
local pnan = -nan
local five, two = 5, 2
print(nan ^ five, nan ^ 5, nan ^ two, nan ^ 2, nan ^ 0, 1 ^ nan)
print(pnan ^ five, 2 ^ nan, nan ^ 4294967295, -nan ^ 255, nan ^ 0.5)
