-- Call, return and tail return events, with what debug.getinfo(2) says of
-- the function that is called or returns.
local ev = {}
local function hook(event, line)
  local i = debug.getinfo(2, "nSl")
  ev[#ev + 1] = event .. " " .. tostring(line) .. " " .. tostring(i.name) .. " " ..
    i.namewhat .. " " .. i.what .. " " .. i.currentline
end

local function show(title)
  print(title)
  for i = 1, #ev do print("", ev[i]) end
  ev = {}
end

local function leaf(x)
  return x + 1
end

local function tail(x)
  return leaf(x)
end

local function tail2(x)
  return tail(x)
end

local t = {}
function t.field(x) return leaf(x) + 0 end
function t:method(x) return self.field(x) end
glob = function(x) return type(x) end

debug.sethook(hook, "cr")
local a = leaf(1)
debug.sethook()
show("plain call")

debug.sethook(hook, "cr")
a = tail(1)
debug.sethook()
show("one tail call")

debug.sethook(hook, "cr")
a = tail2(1)
debug.sethook()
show("two tail calls")

debug.sethook(hook, "cr")
a = t:method(2)
a = glob(3)
debug.sethook()
show("method, field, global, C function")

debug.sethook(hook, "cr")
local ok = pcall(leaf, 5)
debug.sethook()
show("pcall")

debug.sethook(hook, "cr")
ok = pcall(error, "x")
debug.sethook()
show("error: no return event")

debug.sethook(hook, "c")
a = select("#", 1, 2)
debug.sethook()
show("call only")

debug.sethook(hook, "r")
a = rawget(t, "field")
debug.sethook()
show("return only")

debug.sethook(hook, "crl")
a = leaf(1)
debug.sethook()
show("with lines")

local function deep(n)
  if n == 0 then return 0 end
  return deep(n - 1)
end
debug.sethook(hook, "r")
deep(3)
debug.sethook()
show("tail recursion")

local function vararg(...)
  return select("#", ...)
end
debug.sethook(hook, "cr")
a = vararg(1, 2, 3)
for k in pairs({1}) do a = k end
debug.sethook()
show("vararg and pairs")
