-- At exit every userdata still alive is finalized, newest first, with its
-- metatable; an error in one finalizer skips only that one.
local function mk(name, fail)
  local u = newproxy(true)
  getmetatable(u).__gc = function(o)
    print('gc', name, getmetatable(o) ~= nil)
    if fail then error('boom ' .. name) end
  end
  return u
end
A = mk('a')
B = mk('b', true)
C = mk('c')
print('end of chunk')
