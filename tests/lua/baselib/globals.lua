-- _G and _VERSION.
print(1, _G._G == _G, _G["_G"] == _G, type(_G))
print(2, _VERSION)
newglobal = 1
print(3, _G.newglobal, rawget(_G, "newglobal"))
_G.another = "via _G"
print(4, another)
print(5, _G.print == print, _G.nothing)
local names = {"assert", "collectgarbage", "dofile", "error", "getfenv", "getmetatable",
  "ipairs", "load", "loadfile", "loadstring", "next", "pairs", "pcall", "print", "rawequal",
  "rawget", "rawset", "select", "setfenv", "setmetatable", "tonumber", "tostring", "type",
  "unpack", "xpcall", "newproxy", "gcinfo"}
local missing = ""
for _, n in ipairs(names) do if type(_G[n]) ~= "function" then missing = missing .. n .. " " end end
print(6, "missing:[" .. missing .. "]")
local libs = {"coroutine", "string", "table", "math", "io", "os", "debug", "package"}
missing = ""
for _, n in ipairs(libs) do if type(_G[n]) ~= "table" then missing = missing .. n .. " " end end
print(7, "missing libs:[" .. missing .. "]")
print(8, type(require), type(module))
-- 5.2+ functions are absent
print(9, rawlen, rawequal ~= nil, table.unpack, table.pack)
-- deleting a global
newglobal = nil
print(10, rawget(_G, "newglobal"))
-- global access through _G with computed names
for i = 1, 3 do _G["gv" .. i] = i * i end
print(11, gv1, gv2, gv3)
