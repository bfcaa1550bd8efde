-- package.preload and the searchers in package.loaders
package.path = "./mods/?.lua"
package.cpath = "./mods/?.so"

package.preload.pre = function(...)
  print("preload loader called with", ...)
  return {from = "preload"}
end
print(1, require("pre").from)
print(2, require("pre") == package.loaded.pre)

-- preload wins over files
package.preload.plain = function() return "preloaded plain" end
print(3, require "plain")

-- a preload entry that is not a function is skipped (a string is a message)
package.preload.weird = "a message, not a loader"
print(4, pcall(require, "weird"))
package.preload.num = 42
print(5, pcall(require, "num"))
package.preload.tab = {}
print(6, pcall(require, "tab"))

-- package.preload must be a table
local saved = package.preload
package.preload = nil
print(7, pcall(require, "whatever"))
package.preload = saved

-- the four standard searchers
local loaders = package.loaders
print(8, #loaders, type(loaders[1]), type(loaders[4]))
print(9, loaders[1]("pre") == package.preload.pre)
print(10, loaders[1]("absent"))
print(11, type(loaders[2]("plain")))
print(12, loaders[2]("absent"))
print(13, loaders[3]("absent"))
print(14, loaders[4]("absent"))
print(15, loaders[4]("absent.child"))
print(16, pcall(loaders[1]))
print(17, pcall(loaders[2], {}))
print(18, pcall(loaders[2], "syntax"))

-- custom searchers: strings are collected for the message, functions load
table.insert(loaders, 2, function(name)
  if name == "virtual" then
    return function(...) return "virtual module " .. ... end
  end
  return "\n\tno virtual module '" .. name .. "'"
end)
print(19, require "virtual")
print(20, pcall(require, "nowhere"))
loaders[2] = function() return 12 end
print(21, pcall(require, "nowhere"))
loaders[2] = function() return nil end
print(22, pcall(require, "nowhere"))
loaders[2] = function() return true end
print(23, pcall(require, "nowhere"))
loaders[2] = function() error("searcher failed") end
print(24, pcall(require, "nowhere"))
loaders[2] = 99
print(25, pcall(require, "nowhere"))
table.remove(loaders, 2)

-- an empty loaders table, and no loaders table
package.loaders = {}
print(26, pcall(require, "nothing"))
package.loaders = "x"
print(27, pcall(require, "nothing"))
package.loaders = loaders
print(28, require("pre").from)
