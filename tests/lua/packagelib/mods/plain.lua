-- returns a table; `...` is the name require was given
local name = ...
print("loading plain", name, select("#", ...))
return {name = name, loads = 1}
