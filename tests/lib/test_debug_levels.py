"""Reaching stack level n costs the frames below it, not n: a frame reused by
n tail calls stands for n '(tail call)' levels, stepped over at once (as
lua_getstack steps over ci->tailcalls). Each function that walks the levels
is timed over every level of a stack of n and of 8n tail calls: linear work
grows 8 times, quadratic 64 times."""

import pytest

from moonpatch.engine import Engine

PROGRAM = '''
local N = ...
local function f(n)
  if n == 0 then
    local t = os.clock()
    for i = 1, N + 5 do pcall(function() return %s end) end
    return os.clock() - t
  end
  return f(n - 1)
end
return f(N)
'''

WALKS = ['debug.getinfo(i + 1, "l")', 'debug.getlocal(i + 1, 1)', 'debug.setlocal(i + 1, 9, nil)',
         'error("x", i + 1)', 'getfenv(i + 1)', 'setfenv(i + 1, _G)']


def seconds(code, n):
    lua = Engine()
    loaded = lua.load(PROGRAM % code, '=levels')
    ok, r = lua.call(loaded[0], [float(n)])
    assert ok, r
    return r[0]


@pytest.mark.parametrize('walk', WALKS)
def test_level_walks_are_linear_in_tail_calls(walk):
    small = min(seconds(walk, 250) for _ in range(2))
    big = seconds(walk, 2000)
    assert big < 24 * max(small, 1e-3), (walk, small, big)
