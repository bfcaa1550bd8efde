-- require's error messages
package.path = "./mods/?.lua;./mods/?/init.lua;;"    -- ";;" is an empty template here
package.cpath = "./mods/?.so;./mods/lib?x.so"

print(1, pcall(require, "missing"))
print(2, pcall(require, "missing.deep.name"))
print(3, pcall(function() require "missing" end))
print(4, pcall(require, "syntax"))
print(5, pcall(require, "fails"))
print(6, pcall(require, "fails"))     -- the failed load left its mark
print(7, package.loaded.fails ~= nil, type(package.loaded.fails))
local ok, e = pcall(require, "errobj")
print(8, ok, type(e), e.code)
print(9, pcall(require, "selfloop"))
print(10, pcall(require, "cycle_a"))

-- templates with several marks, and names with dots
package.path = "./mods/?/?.lua;./mods/?x?.lua"
print(11, pcall(require, "a.b"))
package.path = "./mods/?.lua"
print(12, require "sub.leaf")

-- package.path must be a string (a number is converted)
package.path = 12
print(13, pcall(require, "twelve"))
package.path = {}
print(14, select("#", pcall(require, "table")), require("table") == table)  -- the path is not read
print(15, pcall(require, "nope"))
package.path = "./mods/?.lua"
package.cpath = false
print(16, pcall(require, "nope"))
package.cpath = "./mods/?.so"

-- a module that is not a file
package.path = ""
print(17, pcall(require, "plain"))
