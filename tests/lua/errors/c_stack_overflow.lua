local function show(label, ok, msg) print(label, ok, (tostring(msg):gsub("^.-:%d+: ", ""))) end
depth = 0
function f() depth = depth + 1; local ok, e = pcall(f); if not ok then error(e, 0) end end
show("pcall", pcall(f)); print("pcall depth", depth)
local mt = {}
local n = 0
mt.__index = function(t, k) n = n + 1; return setmetatable({}, mt)[k] end
show("index", pcall(function() return setmetatable({}, mt).x end)); print("index depth", n)
n = 0
local mt2 = {}
mt2.__tostring = function(t) n = n + 1; return tostring(setmetatable({}, mt2)) end
show("tostring", pcall(tostring, setmetatable({}, mt2))); print("tostring depth", n)
n = 0
local function cmp(a, b) n = n + 1; table.sort({3,2,1}, cmp); return a < b end
show("sort", pcall(table.sort, {3,2,1}, cmp)); print("sort depth", n)
n = 0
local function g(s) n = n + 1; return (string.gsub("a", "a", g)) end
show("gsub", pcall(string.gsub, "a", "a", g)); print("gsub depth", n)
n = 0
local function co() n = n + 1; local c = coroutine.create(co); local ok, e = coroutine.resume(c); if not ok then error(e, 0) end end
show("coroutine", pcall(co)); print("coroutine depth", n)
n = 0
local function r() n = n + 1; return 1 + r() end
show("lua", pcall(r)); print("lua depth", n > 1000)
n = 0
local mta = {}
mta.__add = function(a, b) n = n + 1; return setmetatable({}, mta) + 1 end
show("add", pcall(function() return setmetatable({}, mta) + 1 end)); print("add depth", n)
n = 0
local function x() n = n + 1; local ok, e = xpcall(x, function(m) return m end); if not ok then error(e, 0) end end
show("xpcall", pcall(x)); print("xpcall depth", n)
-- the count is back where it was: the same depth again
depth = 0
show("pcall again", pcall(f)); print("pcall depth", depth)
-- an error handler runs past the limit, but not far
n = 0
local function handler(m)
  n = n + 1
  local ok, e = pcall(handler, m)
  return e
end
local function deep() local ok, e = xpcall(deep, handler); if not ok then error(e, 0) end end
show("handler", pcall(deep)); print("handler ran", n > 0)
-- __newindex, __concat, __lt, __le, __eq, __unm
local kinds = {
  newindex = function(mt) mt.__newindex = function(t, k, v) n = n + 1; setmetatable({}, mt)[k] = v end
    return function() setmetatable({}, mt).x = 1 end end,
  concat = function(mt) mt.__concat = function(a, b) n = n + 1; return setmetatable({}, mt) .. "x" end
    return function() return setmetatable({}, mt) .. "x" end end,
  lt = function(mt) mt.__lt = function(a, b) n = n + 1; return setmetatable({}, mt) < setmetatable({}, mt) end
    return function() return setmetatable({}, mt) < setmetatable({}, mt) end end,
  le = function(mt) mt.__le = function(a, b) n = n + 1; return setmetatable({}, mt) <= setmetatable({}, mt) end
    return function() return setmetatable({}, mt) <= setmetatable({}, mt) end end,
  eq = function(mt) mt.__eq = function(a, b) n = n + 1; return setmetatable({}, mt) == setmetatable({}, mt) end
    return function() return setmetatable({}, mt) == setmetatable({}, mt) end end,
  unm = function(mt) mt.__unm = function(a) n = n + 1; return -setmetatable({}, mt) end
    return function() return -setmetatable({}, mt) end end,
}
for _, name in ipairs({"newindex", "concat", "lt", "le", "eq", "unm"}) do
  n = 0
  show(name, pcall(kinds[name]({}))); print(name .. " depth", n)
end
-- table.foreach, print's tostring, load's reader, coroutine.wrap
n = 0
local function fe() n = n + 1; table.foreach({1}, fe) end
show("foreach", pcall(fe)); print("foreach depth", n)
n = 0
local mtp = {}
mtp.__tostring = function() n = n + 1; print(setmetatable({}, mtp)); return "" end
show("print", pcall(print, setmetatable({}, mtp))); print("print depth", n)
n = 0
local function reader() n = n + 1; local f, e = load(reader); if not f then error(e, 0) end end
show("load", pcall(load, reader)); print("load depth", n)
n = 0
local function wr() n = n + 1; return coroutine.wrap(wr)() end
show("wrap", pcall(wr)); print("wrap depth", n)
-- __call adds no C level: this is Lua's own stack overflow
local callable = setmetatable({}, {__call = function(self) return 1 + self() end})
show("__call", pcall(callable))
-- the parser counts from the C levels active: a chunk loaded deep has fewer syntax levels
local function nested(k) return "return " .. ("("):rep(k) .. "1" .. (")"):rep(k) end
local function load_at(d, k)
  if d > 0 then local ok, a, b = pcall(load_at, d - 1, k); return a, b end
  return loadstring(nested(k))
end
print("shallow", load_at(0, 150) ~= nil)
print("deep", load_at(100, 150))
print("deep, fewer", load_at(100, 90) ~= nil)
