-- require: searching package.path, caching in package.loaded, results
package.path = "./mods/?.lua;./mods/?/init.lua"
package.cpath = "./mods/?.so"

local p = require "plain"
print(1, p.name, p.loads)
print(2, require("plain") == p, package.loaded.plain == p)
p.loads = 2
print(3, require("plain").loads)

print(4, require "noresult", package.loaded.noresult)
print(5, require "setsloaded")
print(6, require "falsy", package.loaded.falsy)
print(7, require "falsy")        -- false is not a loaded module: runs again
print(8, require "multi", select("#", require "multi"))

-- dotted names become directories; ?/init.lua is just another template
print(9, require "sub.leaf")
print(10, require "pkg")
print(11, package.loaded["sub.leaf"])

-- the standard libraries are in package.loaded
for _, k in ipairs{"_G", "package", "coroutine", "table", "io", "os", "string", "math", "debug"} do
  print(12, k, package.loaded[k] == _G[k])
end
print(13, require "string" == string, require "_G" == _G)

-- package.loaded can be edited
package.loaded.plain = nil
print(14, require("plain") ~= p)
package.loaded.fake = "fake module"
print(15, require "fake")
package.loaded.zero = 0
print(16, require "zero")

-- the name is a string; numbers are converted
package.loaded["42"] = "forty-two"
print(17, require(42))
print(18, pcall(require))
print(19, pcall(require, {}))
print(20, pcall(function() return require(nil) end))

-- package fields
print(21, package.config)
print(22, type(package.path), type(package.cpath), type(package.preload), type(package.loaders))
-- require keeps using the loaded table it was opened with
local loaded = package.loaded
package.loaded = {}
print(23, require("plain") == loaded.plain, package.loaded.plain)
package.loaded = loaded
