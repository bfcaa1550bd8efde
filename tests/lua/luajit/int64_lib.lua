-- The standard library with boxed numbers: tostring/tonumber/type,
-- string.format's %d %x %s, concatenation and # errors, indexing and
-- calling a box, pairs, and the libraries that want plain numbers.
local function err(f, ...)
  local ok, e = pcall(f, ...)
  return ok and tostring(e) or e
end
local function bad(f, ...)       -- a bad argument, without the function's name
  local ok, e = pcall(f, ...)
  return ok and "ok" or e:match("bad argument #%d+ to '[%w?]+' (%(.-%))") or e
end
local x, u = 5LL, 18446744073709551615ULL
print(1, tostring(x), tostring(u), tostring(-x), type(x), type(u), getmetatable(x))
print(2, tonumber(x), tonumber(u), tonumber(-1LL), tonumber(2^53 + 1LL), tonumber(x, 10))
print(3, math.type, select('#', tonumber(x)), type(tonumber(x)))
print(4, string.format("%d|%5d|%-5d|%05d|%+d|%.3d|%i", u, x, 5ULL, -x, x, 7LL, -3LL))
print(5, string.format("%x|%X|%o|%u|%#x|%08x", -1LL, 255ULL, 8LL, -1LL, 255LL, 4096LL))
print(6, string.format("%d %x", 2^53 + 1LL, 2^63 + 0LL), string.format("%s|%10s|%-6s|%.2s", x, u, 3i, 12345LL))
print(7, string.format("%q", x), ("%d"):format(x), ("%s"):rep(2):format(1LL, 2ULL))
print(8, bad(string.format, "%f", x), bad(string.format, "%c", 65LL), bad(string.format, "%d", 1i))
print(9, err(function() return x .. "" end))
print(10, err(function() return "a" .. x end))
print(11, err(function() return 1 .. u end))
print(12, err(function() return x .. x end))
print(13, err(function() return "a" .. "b" .. x end))
print(14, err(function() return #x end))
print(15, err(function() return x.foo end))
print(16, err(function() return x[1] end))
print(17, err(function() return x[nil] end))
print(18, err(function() x.foo = 1 end))
print(19, err(function() u[1] = 1 end))
print(20, err(function() return x:foo() end))
print(21, err(function() local r = x() return r end))
print(22, err(function() return pairs(x) end))  -- (a tail call: no position)
print(23, err(function() return ipairs(u) end))
print(24, bad(math.floor, x), bad(math.abs, x), bad(math.max, 1LL, 2), bad(math.sqrt, 4ULL))
print(25, bad(string.rep, "x", 2LL), bad(string.sub, "hello", 2LL), bad(string.char, 65LL))
print(26, bad(select, 1LL, 1), bad(unpack, {1}, 1LL), bad(next, x), bad(rawget, x, 1))
print(27, bad(setmetatable, x, {}), bad(table.concat, {x}), bad(table.insert, {}, 1LL, 2))
print(28, err(function() for i = 1LL, 2 do end end))
print(29, err(function() return ({10, 20})[2LL] end), err(function() error(x) end))
print(30, select('#', x), tostring(x):len(), 1LL and "t", x == x)
