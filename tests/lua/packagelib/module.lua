-- module(): 5.1's module tables and environments
local module, getfenv, type, print, pcall = module, getfenv, type, print, pcall
package.path = "./mods/?.lua"

local m = require "modfn"
print(1, m == modfn, m == package.loaded.modfn)
print(2, m.get())
print(3, m.value, m._NAME, m._PACKAGE, m._M == m, m.print == print)
print(4, rawget(m, "print"), getmetatable(m).__index == _G)

local leaf = require "sub.modleaf"
print(5, leaf == sub.modleaf, leaf._NAME, leaf._PACKAGE, leaf.x)
print(6, rawget(leaf, "print"), getmetatable(leaf))

-- module sets the environment of the function that calls it
local function make(name, ...)
  module(name, ...)
  return getfenv(1)
end
local t = make("made.here.deep")
print(7, t == made.here.deep, t._NAME, t._PACKAGE, t._M == t)
print(8, type(made), type(made.here), made.here._NAME)
print(9, package.loaded["made.here.deep"] == t)

-- a second call reuses the table and keeps its fields
t.extra = "kept"
local t2 = make("made.here.deep")
print(10, t2 == t, t2.extra, t2._NAME)

-- an existing global table is reused and initialised
existing = {already = true}
local t3 = make("existing")
print(11, t3 == existing, t3.already, t3._NAME, t3._PACKAGE)

-- a table with _NAME already set is left alone
preset = {_NAME = "custom"}
local t4 = make("preset")
print(12, t4._NAME, t4._M, t4._PACKAGE)

-- options are functions called with the module
local seen = {}
local t5 = make("opts", function(mod) seen[#seen + 1] = mod end,
                function(mod) seen[#seen + 1] = mod._NAME end)
print(13, seen[1] == t5, seen[2])
print(14, pcall(make, "badopt", 42))
print(15, pcall(make, "badopt2", function() error("in option") end))

-- errors
conflict = 5
print(16, pcall(make, "conflict"))
print(17, pcall(make, "conflict.sub"))
print(18, type(select(2, pcall(make, "tbl.conflict2"))), type(tbl.conflict2))
tbl.conflict2 = "string"
print(19, pcall(make, "tbl.conflict2.x"))
print(20, pcall(module, "fromc"))
print(21, type(fromc), package.loaded.fromc == fromc)
print(22, pcall(function() module() end))
print(23, pcall(function() module({}) end))

-- package.loaded holding something that is not a table
package.loaded.notatable = "x"
local t6 = make("notatable")
print(24, type(t6), t6 == notatable, package.loaded.notatable == t6)

-- a name with an empty part
local t7 = make("dots..name.")
print(25, t7._NAME, t7._PACKAGE, type(dots), type(dots[""]))
