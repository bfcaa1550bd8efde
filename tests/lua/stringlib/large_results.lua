-- The library functions on results long enough to be charged to the limits
-- (runtime/limits.py: strings of 256 bytes and more, sorts, shifts, patterns
-- on long subjects); tests/sandbox/test_library_limits.py also runs this
-- under limits, where patterns on long subjects take the Matcher.
local function sum(s)           -- the length and a checksum of a string
  local h = 0
  for i = 1, #s, 7 do h = (h * 31 + s:byte(i)) % 1000003 end
  return #s .. ':' .. h
end
local s = ('abc'):rep(1000)
print(sum(s), sum(s:upper()), sum(s:lower()), sum(s:reverse()))
print(sum(s:sub(10, 2000)), sum(s:sub(-500)), sum(s:sub(2)), s:sub(2999))
print(sum(s .. s), sum(s .. 'x' .. s .. 1.5), sum(1 .. s), sum(('x'):rep(300) .. ('y'):rep(300)))
print(sum(string.format('%s|%5s|%q|%d', s, 'x', s .. '\n"', 42)))
print(sum(string.format(('%d,'):rep(200), unpack({s:byte(1, 200)}))))
print(sum(table.concat({s, s, 'y', 2}, ',')), sum(table.concat({s, 1, 2, s})))
print(sum((s:gsub('b', 'BB'))), select(2, s:gsub('b', 'BB')), select(2, s:gsub('b', 'BB', 7)))
print(sum((s:gsub('%w', '%0-'))), sum((s:gsub('(a)(b)', '%2%1'))), sum((s:gsub('', '.'))))
print(sum((s:gsub('c', {c = 'CCC'}))), sum((s:gsub('a', function(x) return x .. x end))))
print(sum((s:gsub('b*', '<%0>'))), sum((s:gsub('a-c', '[%0]'))), sum((s:gsub('^abc', ''))))
print(s:find('c+a', 1000), s:find('cab', 2500, true), s:find('b%w*x'), s:match('(b)(c)a?$'))
print(s:find('(a+)(b-)c()', 1500), s:match('.-(bca)', 2998), s:match('^(a)(b*)'))
local n, k = 0, 0
for w in s:gmatch('a%w-c') do n = n + #w end
for a, p in s:gmatch('(b)()') do k = k + p end
print(n, k)
print(string.find(('a'):rep(40), ('a*'):rep(3) .. 'b'), string.find(('a'):rep(300) .. 'b', 'a*b'))
print(('x'):rep(3000):find('%f[x]x+()'), (('(a)'):rep(100)):find('%b()', 5))
print(#string.char(unpack({s:byte(1, 3000)})), select('#', s:byte(1, 3000)))
print(select('#', select(2, s:byte(1, 3000))), (select(2999, s:byte(1, 3000))))
local t = {}
for i = 1, 3000 do t[i] = (i * 7919) % 3001 end
table.sort(t)
print(t[1], t[1500], t[3000])
table.sort(t, function(a, b) return a > b end)
print(t[1], t[1500], t[3000])
for i = 1, 3000 do t[i] = tostring(t[i]) end
table.sort(t)
print(t[1], t[1500], t[3000])
t = {}
for i = 1, 500 do t[i] = i end
for i = 1, 10 do table.insert(t, 1, -i) end
for i = 1, 5 do table.remove(t, 1) end
table.insert(t, 300, 'mid')
print(#t, t[1], t[300], t[506], table.remove(t, 200), #t, table.maxn(t))
local m = 0
table.foreachi(t, function(i, v) if type(v) == 'number' then m = m + v end end)
table.foreach(t, function(k, v) if type(v) == 'number' then m = m + k end end)
print(m)
