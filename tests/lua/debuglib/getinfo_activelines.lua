-- activelines: the lines of a function that have code.
local function lines_of(f)
  local t = debug.getinfo(f, "L").activelines
  local out = {}
  for line, v in pairs(t) do out[#out + 1] = line end
  table.sort(out)
  return table.concat(out, " ")
end

local function empty() end
local function one() return 1 end
local function several(a)
  local b = a

  if b then
    b = b + 1
  end
  return b
end
local function no_return(x)
  x = x + 1

end
local function loops()
  for i = 1, 2 do
    local x = i
  end
  while false do end
  repeat local y = 1 until true
end
local function nested()
  local function inner()
    return 1
  end
  local t = {
    a = inner(),
    b = inner,
  }
  return t
end

print("empty", lines_of(empty))
print("one", lines_of(one))
print("several", lines_of(several))
print("no_return", lines_of(no_return))
print("loops", lines_of(loops))
print("nested", lines_of(nested))
print("print", debug.getinfo(print, "L").activelines)
print("chunk", lines_of(loadstring("local a = 1\n\nreturn a\n")))
print("chunk without return", lines_of(loadstring("local a = 1\n\na = 2\n\n")))
print("main chunk has", debug.getinfo(1, "L").activelines[1], debug.getinfo(1, "L").activelines[3])
