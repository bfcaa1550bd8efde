-- name and namewhat: how the caller named the function it called.
local function who()
  local i = debug.getinfo(2, "n")
  return tostring(i.name) .. "/" .. i.namewhat
end
local function me() return who() .. "" end

local t = {}
function t.field() return who() .. "" end
function t:method() return who() .. "" end
t.sub = {deeper = function() return who() .. "" end}
glob = function() return who() .. "" end
local loc = function() return who() .. "" end
local function viaup() return (loc()) end

print(t.field())
print(t:method())
print(t.method(t))
print(t.sub.deeper())
print(t["field"]())
local key = "field"
print(t[key]())
print(t[1 + 0 == 1 and "field"]())
print(glob())
print(loc())
print(viaup())
print((function() return who() .. "" end)())
print(pcall(glob))
print(select(2, pcall(function() return glob() end)))

-- a function stored in a local, then called through another local
local alias = glob
print(alias())

-- an iterator of a generic for
for _ in function() print(who() .. "") end do end

-- metamethods are called by no name
local mt = setmetatable({}, {
  __index = function() return who() .. "" end,
  __add = function() return who() .. "" end,
  __call = function() return who() .. "" end,
})
print(mt.x, mt + 1)
print(mt())

-- a tail-called function has no name; its caller's level is a tail call
local function tailcalled() return debug.getinfo(1, "n").name, debug.getinfo(2, "S").what end
local function tailer() return tailcalled() end
print(tailer())

-- the level of the function itself
local function self_name() return debug.getinfo(1, "n").name end
print(self_name())
print(me())
