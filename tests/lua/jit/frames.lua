-- What the debug library and error messages see of compiled functions.
local function where()
  local info = debug.getinfo(2, "Sl")
  return info.short_src .. ":" .. info.currentline
end
local function locals_of(level)
  local out = {}
  local i = 1
  while true do
    local name, value = debug.getlocal(level + 1, i)
    if not name then break end
    out[#out + 1] = name .. "=" .. tostring(value)
    i = i + 1
  end
  return table.concat(out, " ")
end
local function f(a, b)
  local c = a + b
  local here = where()
  local l = locals_of(1)
  return here, l
end
for i = 1, 200 do f(i, 1) end
print(f(1, 2))

local function set_then_read(x)
  local y = x * 2
  debug.setlocal(1, 2, 100)      -- y
  return y
end
for i = 1, 200 do set_then_read(i) end
print(set_then_read(1))

local function bad(t) return t.x.y end
for i = 1, 200 do pcall(bad, {x = {y = 1}}) end
print(pcall(bad, {}))
local function arith(x) local z = x + 1 return z end
for i = 1, 200 do arith(i) end
print(pcall(arith, nil))
print(pcall(arith, {}))
local function call_nil() local g = nil; return g() end
for i = 1, 200 do pcall(call_nil) end
print(pcall(call_nil))
local function level2() error("deep", 2) end
local function level1() level2() end
for i = 1, 200 do pcall(level1) end
print(pcall(level1))
print((select(2, xpcall(level1, debug.traceback))))
