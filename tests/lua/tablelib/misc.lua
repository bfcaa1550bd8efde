-- table.maxn, getn, setn, foreach and foreachi.
print(1, table.maxn({}), table.maxn({1, 2, 3}), table.maxn({1, 2, nil, 4}))
print(2, table.maxn({[10] = 1, [2.5] = 2, [-5] = 3}), table.maxn({[-1] = 1}), table.maxn({a = 1, [1e300] = 2}))
print(3, table.maxn({[1/0] = 1}), table.maxn({[0.5] = true}))
print(4, pcall(table.maxn), pcall(table.maxn, 1))
print(5, table.getn({}), table.getn({1, 2, 3}), table.getn({n = 5}), table.getn({1, 2, nil, nil}))
print(6, pcall(table.getn), pcall(table.getn, "abc"))
print(7, pcall(table.setn, {}, 1))
print(8, pcall(table.setn, 1, 1))
print(9, pcall(table.setn))
local order = {}
local r = table.foreachi({"a", "b", "c"}, function(i, v) order[#order + 1] = i .. "=" .. v end)
print(10, r, table.concat(order, " "))
print(11, table.foreachi({10, 20, 30}, function(i, v) if v == 20 then return i, "more" end end))
print(12, table.foreachi({10, 20, 30}, function(i, v) if i == 3 then return false end end))
print(13, select("#", table.foreachi({}, print)))
print(14, pcall(table.foreachi, {}), pcall(table.foreachi, nil, print))
print(15, pcall(table.foreachi, {1}, {}))
local t = {x = 1}
print(16, table.foreach(t, function(k, v) return k .. v end))
print(17, select("#", table.foreach({}, print)), table.foreach({5}, function(k, v) return nil end))
local sum = 0
table.foreach({1, 2, 3, a = 4}, function(k, v) sum = sum + v end)
print(18, sum)
print(19, pcall(table.foreach, {}), pcall(table.foreach, 1, print))
print(20, table.foreach({7}, function(k, v) return false end))
local keys = {}
local tt = {a = 1, b = 2, c = 3}
table.foreach(tt, function(k) tt[k] = nil keys[#keys + 1] = k end)     -- clearing fields while traversing
table.sort(keys)
print(21, table.concat(keys, " "), next(tt))
print(22, pcall(table.foreach, {1}, function() error("boom") end))
print(23, type(select(2, pcall(table.foreachi, {1}, function() error({}) end))))
