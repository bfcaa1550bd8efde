-- String comparison is by byte order.
print(1, "a" < "b", "b" < "a", "a" < "a", "a" <= "a")
print(2, "Z" < "a", "A" < "a", "0" < "9", "9" < "A")
print(3, "" < "a", "" < "", "" <= "", "a" > "")
print(4, "abc" < "abd", "abc" < "ab", "ab" < "abc", "abc" < "b")
print(5, "10" < "9", "100" < "2", "-1" < "0")
print(6, "\0" < "\1", "a\0b" < "a\0c", "a\0" > "a", "a" < "a\0")
print(7, "\127" < "\128", "\200" > "a", "\255" > "\254")
print(8, "a" == "a", "a" ~= "A", "abc" == "ab" .. "c")
print(9, " " < "!", "\t" < " ", "~" < "\127")
print(10, "abc" >= "abc", "abd" >= "abc", "abc" > "abcd")
local words = {"pear", "Apple", "apple", "banana", "Banana", "10", "9", ""}
table.sort(words)
print(11, table.concat(words, ","))
