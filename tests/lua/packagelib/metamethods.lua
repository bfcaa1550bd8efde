-- require and module read package fields and package.loaded with
-- metamethods (lua_getfield/lua_setfield), and keep working when the
-- global `package` goes away
package.path = "./mods/?.lua"
package.cpath = "./mods/?.so"
local loaded = package.loaded

-- __index on package.loaded answers for missing modules
setmetatable(loaded, {__index = function(t, k) return "virtual " .. k end})
print(1, require "anything")
print(2, rawget(loaded, "anything"))
setmetatable(loaded, nil)

-- __newindex on package.loaded sees the loading mark and the result
local log = {}
setmetatable(loaded, {__newindex = function(t, k, v)
  log[#log + 1] = k .. "=" .. type(v)
  rawset(t, k, v)
end})
print(3, require("plain").name)
print(4, table.concat(log, " "))
setmetatable(loaded, nil)
loaded.plain = nil

-- a __newindex that drops everything: require returns what the module gave?
setmetatable(loaded, {__newindex = function() end})
print(5, require("plain"))
print(6, rawget(loaded, "plain"))
setmetatable(loaded, nil)

-- package.path found through __index on the package table
local pkg = package
local path = pkg.path
pkg.path = nil
setmetatable(pkg, {__index = function(t, k) if k == "path" then return path end end})
print(7, require("sub.leaf"))
setmetatable(pkg, nil)
pkg.path = path

-- without the global `package`, require still has its own
package = nil
print(8, require("multi"))
print(9, pcall(require, "missing"))
package = pkg

-- module uses the registry's loaded table too
setmetatable(loaded, {__index = function(t, k) if k == "viaindex" then return {} end end})
local module, getfenv = module, getfenv
local function make(name) module(name) return getfenv(1) end
local t = make("viaindex")
print(10, type(t), t._NAME, rawget(loaded, "viaindex"))
setmetatable(loaded, nil)

-- module sets its fields with __newindex if the table has one
local fields = {}
loaded.withmeta = setmetatable({}, {__newindex = function(t, k, v) fields[#fields + 1] = k; rawset(t, k, v) end})
local t2 = make("withmeta")
print(11, table.concat(fields, " "), t2._NAME)

-- _G with __newindex: module's new global tables go through it
setmetatable(_G, {__newindex = function(t, k, v) print(12, "new global", k, type(v)); rawset(t, k, v) end})
make("brand.new")
setmetatable(_G, nil)
print(13, type(brand), type(brand.new))
