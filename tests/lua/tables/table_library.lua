-- Basic table library functions used in the corpus.
local t = {}
table.insert(t, "b")
table.insert(t, 1, "a")
table.insert(t, #t + 1, "c")
print(1, table.concat(t, ","), #t)
print(2, table.remove(t, 2), table.concat(t, ","))
print(3, table.remove(t), table.concat(t, ","))
print(4, table.remove({}), #t)
print(5, table.concat({1, 2, 3}), table.concat({1, 2, 3}, ", "), table.concat({}, "x"))
print(6, table.concat({"a", "b", "c", "d"}, "-", 2, 3), table.concat({"a"}, "-", 2))
local nums = {5, 2, 8, 1, 9, 3}
table.sort(nums)
print(7, table.concat(nums, " "))
table.sort(nums, function(x, y) return x > y end)
print(8, table.concat(nums, " "))
local words = {"banana", "apple", "Cherry"}
table.sort(words)
print(9, table.concat(words, " "))
print(10, table.maxn({1, 2, [10] = 3}), table.maxn({}), table.maxn({[1.5] = 1}))
print(11, pcall(table.insert, {}, 1, 2, 3))
print(13, pcall(table.concat, {1, {}, 3}))
