-- A function that starts with `local a` (no value): lua5.1 makes no
-- instruction for it (its registers start as nil), so a line hook never
-- sees that line; LuaJIT makes a KPRI/KNIL, so the hook sees the line.
-- moonpatch follows LuaJIT. Later nils merge into that instruction.
local function f()
  local a
  local b = 1
  a = b
  return a
end
local function g(x)
  local a
  return x
end
local function h()
  local a, b
  local c = nil
  return 1
end
local function k() local a end
local function m()
  local a = nil
end
local function n()
  local a = 1
  local b
  return b
end
local chunk = loadstring("local a\nlocal b = 2\nreturn b")
local function hooked(fn)
  local lines = {}
  debug.sethook(function(_, line) lines[#lines + 1] = line end, "l")
  fn(1)
  debug.sethook()
  table.remove(lines)             -- the line of debug.sethook()
  return table.concat(lines, " ")
end
for i, fn in ipairs({f, g, h, k, m, n, chunk}) do
  print(i, hooked(fn))
end
