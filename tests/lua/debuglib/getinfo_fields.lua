-- debug.getinfo: every field, by level and by function.
local KEYS = {"source", "short_src", "linedefined", "lastlinedefined", "what",
              "currentline", "name", "namewhat", "nups", "func", "activelines"}
local function dump(title, t)
  if t == nil then print(title, "nil") return end
  local out = {}
  for _, k in ipairs(KEYS) do
    local v = t[k]
    if type(v) == "function" or type(v) == "table" then v = type(v) end
    if v ~= nil then out[#out + 1] = k .. "=" .. tostring(v) end
  end
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  print(title, n, table.concat(out, " "))
end

local up1, up2 = 1, 2
local function f(a, b)
  local c = up1 + up2
  return debug.getinfo(1)
end
dump("lua level", f())
dump("lua function", debug.getinfo(f))
dump("main level", debug.getinfo(1))
dump("C level", debug.getinfo(0))
dump("C function", debug.getinfo(print))
dump("tail level", debug.getinfo(-1))
dump("tail level, all options", debug.getinfo(-3, "SlunfL"))
dump("out of range", debug.getinfo(100))
dump("numeric string", debug.getinfo("1", "l"))
dump("float level", debug.getinfo(1.7, "l"))
print(debug.getinfo(f, "f").func == f, debug.getinfo(1, "f").func ~= nil)
print(debug.getinfo(print, "f").func == print, debug.getinfo(0, "f").func == debug.getinfo)

-- each option letter alone, and none
for _, opt in ipairs({"S", "l", "u", "n", "f", "L", "", "Sn", "lLu"}) do
  dump("option '" .. opt .. "'", debug.getinfo(1, opt))
  dump("function, option '" .. opt .. "'", debug.getinfo(f, opt))
end

-- errors
print(pcall(debug.getinfo))
print(pcall(debug.getinfo, {}))
print(pcall(debug.getinfo, "x"))
print(pcall(debug.getinfo, 1, "x"))
print(pcall(debug.getinfo, 1, "S>"))
print(pcall(debug.getinfo, f, ">S"))
print(pcall(debug.getinfo, 1, {}))
print(pcall(function() return debug.getinfo(1, "q") end))
print(type(debug.getinfo(-1, "q")))

-- chunk names
local chunks = {
  {"return debug.getinfo(1, 'S')"},
  {"return debug.getinfo(1, 'S')", "=stdin"},
  {"return debug.getinfo(1, 'S')", "@dir/file.lua"},
  {"return debug.getinfo(1, 'S')", "line one\nline two"},
  {"return debug.getinfo(1, 'S')", "@" .. "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd" .. "/file.lua"},
}
for i, c in ipairs(chunks) do
  local fn = loadstring(c[1], c[2])
  dump("chunk " .. i, fn())
end

-- a function defined over several lines, and a nested one
local function multi(x)
  local function nested()
    return debug.getinfo(1, "S")
  end
  return nested()
end
dump("nested", multi())
dump("multi", debug.getinfo(multi, "S"))

-- a C function's level, called from Lua and from pcall
local function from_c() return debug.getinfo(2, "Sln") end
dump("pcall level", select(2, pcall(from_c)))
