-- -0 % b: 5.1 computes a - floor(a/b)*b = -0 - (-0)*b = 0; moonpatch keeps -0
-- (the interpreter's inline % uses Python's int-valued math.floor, losing -0)
local z = 0
local nz = -z
print(nz % 5, nz % 0.5, ("-0") % 5, nz % 1e300)
local five = 5
print(nz % five)
