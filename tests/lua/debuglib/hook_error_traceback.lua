-- An error raised by a hook while a host function is called or returns:
-- the host function is a level of its own in the traceback and positions.
local function f()
  debug.sethook(function(ev) debug.sethook() error("in hook: " .. ev) end, "c")
  local n = string.len("a")
end
print(xpcall(f, debug.traceback))

local function g()
  debug.sethook(function(ev) debug.sethook() error("level 2: " .. ev, 2) end, "r")
  local n = string.len("a")
end
print(xpcall(g, debug.traceback))
