-- MessagePack round trips and the encoded sizes of edge numbers.
local mp = require "MessagePack"
local v = {1, 2.5, -3, "str", true, false, {a = {b = {c = "d"}}}, 2^40, -2^40, 1e300}
local s = mp.pack(v)
print(#s)
local u = mp.unpack(s)
for i = 1, #v do if type(v[i]) ~= 'table' then print(i, u[i] == v[i], u[i]) end end
print(u[7].a.b.c)
for _, x in ipairs({0, 127, 128, 255, 256, 65535, 65536, -1, -32, -33, -128, -129, 2^31, 2^32, 0.1}) do io.write(#mp.pack(x), ' ') end print()
