-- `function name() end` stores on the line of 'function' (5.1's
-- luaK_fixline); `name = function() end` stores where the value ends.
local t = setmetatable({}, {__newindex = function(_, k) error("no " .. k, 2) end})
print(pcall(function()
  function t.f()
  end
end))
print(pcall(function()
  function t:m(a,
      b)
    return a
  end
end))
print(pcall(function()
  t.g = function()
  end
end))
print(pcall(function()
  t.h, t.i =
    1,
    function()
    end
end))
-- globals: a protected environment
local env = setmetatable({}, {__newindex = function(_, k) error("global " .. k, 2) end})
local f = function()
  function gf()
  end
  gv = function()
    return 1
  end
end
setfenv(f, env)
print(pcall(f))
local g = function()
  gv = function()
    return 1
  end
end
setfenv(g, env)
print(pcall(g))
