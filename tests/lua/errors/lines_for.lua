-- The lines 5.1 gives the parts of a for statement spread over lines: the
-- iterator call is on the line after 'in', the numeric checks on the line
-- of 'do', the expressions where they end.
print(1, pcall(loadstring("for k, v in\n3 do end")))
print(2, pcall(loadstring("for k, v\nin\n\npairs(nil)\ndo end")))
print(3, pcall(loadstring("for k in next,\n3\ndo end")))
print(4, pcall(loadstring("for i = nil,\n2\n\ndo end")))
print(5, pcall(loadstring("for i = 1,\n{}\ndo end")))
print(6, pcall(loadstring("for i = 1, 2,\n'x'\n\n\ndo end")))
print(7, pcall(loadstring("local t = {}\nfor i = t\n.a, 1 do end")))
print(8, pcall(loadstring("for k, v in function() return 1 end\ndo\nlocal y = k + {}\nend")))
print(9, pcall(loadstring("for i = 1, 2 do\nfor j = i,\na.b do end end")))
