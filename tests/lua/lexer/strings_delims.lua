-- Short string delimiters and unfinished string errors.
print(1, 'single', "double")
print(2, 'has "double" inside', "has 'single' inside")
print(3, #'', #"", '' == "")
print(4, "a" .. 'b' .. [[c]])
print(5, "tab	inside")
-- unfinished strings
print(loadstring("x = 'abc"))
print(loadstring('x = "abc'))
print(loadstring("x = 'abc\ndef'"))
print(loadstring("x = [[abc"))
print(loadstring("x = [==[abc]=]"))
print(loadstring("--[[ unfinished comment"))
print(loadstring("x = 'abc\\"))
-- invalid long string delimiter
print(loadstring("x = [=abc]=]"))
print(loadstring("x = [==x"))
