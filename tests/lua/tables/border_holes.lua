-- # of tables with holes: the border Lua 5.1 gives depends on the size of
-- the array part, which each rehash chooses (ltable.c). Everything here is
-- deterministic in lua5.1 (number and string keys only).

-- the example of the issue: a nil stored under an absent key takes a node
local u = {} u[1]="a" u[2]=nil u[3]="c" u[4]="d" u[5]="e"
print(1, #u, table.getn(u), select('#', unpack(u)))

-- keys 2^0 .. 2^50: most of them never reach the array part
local a = {}
for i = 0, 50 do a[2^i] = true end
print(2, #a, table.getn(a))

-- constructors size the array part by their positional items
print(3, #{1, nil, 3}, #{1, 2, nil}, #{nil, nil, 3}, #{nil}, #{nil, nil})
print(4, #{1, nil, 3, nil, 5, nil, nil, 8}, #{n = 1, nil, 2})
local function three() return 1, nil, 3 end
local function none() end
print(5, #{three()}, #{1, three()}, #{three(), three()}, #{1, 2, none()})
print(6, select('#', unpack({1, nil, 3})), select('#', unpack({three()})))

-- a constructor's array part, then a store past its end
local t = {nil}
t[2] = 5
print(7, #t)
t = {1, 2, 3}
t[5] = 5
print(8, #t)
t[4] = 4
print(9, #t)

-- 17 items: Lua 5.1 rounds the array size up to 18
t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}
t[19] = 19
print(10, #t)
t[17] = nil
print(11, #t)

-- holes made by deleting from the array part
t = {}
for i = 1, 10 do t[i] = i end
t[5] = nil
print(12, #t)
t[10] = nil
print(13, #t)
t[9] = nil t[8] = nil
print(14, #t)
for i = 1, 4 do t[i] = nil end
print(15, #t)

-- growing past the array part with holes
t = {}
for i = 1, 20, 2 do t[i] = i end
print(16, #t)
for i = 2, 20, 4 do t[i] = i end
print(17, #t)

-- string keys force rehashes that resize the array part
t = {1, 2, nil, 4}
for _, k in ipairs({'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'}) do
  t[k] = true
  io.write(#t, ' ')
end
print()

-- table.insert and table.remove use the same border
t = {1, nil, 3}
table.insert(t, 4)
print(18, #t, t[4], t[5])
t = {1, nil, 3, nil}
table.insert(t, 'x')
print(19, #t, t[4])
t = {1, 2, nil, 4}
print(20, table.remove(t), #t)
t = {1, 2, 3}
t[5] = 5
table.insert(t, 2, 'y')
print(21, #t, t[1], t[2], t[3], t[4], t[5], t[6])

-- unpack of a template with nils, as real code does
local template = {'GET', nil, 'HTTP/1.1', nil}
print(22, select('#', unpack(template)), unpack(template))

-- ipairs stops at the first nil whatever # says
local n = 0
for _ in ipairs({1, 2, nil, 4}) do n = n + 1 end
print(23, n, #{1, 2, nil, 4})
