"""max_memory: the approximate limit and where it is checked."""
import pytest

from moonpatch import LuaMemoryError, LuaRuntime

ALLOCATE = 'big = {} for i = 1, 10000 do big[i] = {} end'


def test_no_limit_by_default():
    lua = LuaRuntime()
    assert lua.max_memory is None
    lua.execute(ALLOCATE)


def test_limit_checked_at_the_next_entry():
    lua = LuaRuntime(max_memory=300_000)
    lua.execute('small = {1, 2, 3}')
    lua.execute(ALLOCATE)                    # runs without calling back: not stopped
    with pytest.raises(LuaMemoryError, match='not enough memory'):
        lua.eval('1')
    with pytest.raises(LuaMemoryError):
        lua.compile('return 1')
    lua.globals().big = None                 # reading and writing data is not blocked
    assert lua.eval('1') == 1


def test_limit_checked_in_collectgarbage():
    lua = LuaRuntime(max_memory=300_000)
    ok, msg = lua.execute('''return pcall(function()
        local t = {} for i = 1, 10000 do t[i] = {} end
        keep = t
        collectgarbage()
    end)''')
    assert (ok, msg) == (False, 'not enough memory')
    with pytest.raises(LuaMemoryError):
        lua.execute('x = 1')
    lua.globals().keep = None
    assert lua.eval('collectgarbage("count") > 0') is True


def test_limit_checked_when_lua_calls_python():
    lua = LuaRuntime(max_memory=300_000)
    lua.globals().tick = lambda: None
    # checks are spaced by the time the last one took: long enough a loop that
    # one falls inside it on hosts whose heap walk is slow next to Lua (PyPy)
    with pytest.raises(LuaMemoryError):
        lua.execute('''t = {}
            for i = 1, 500000 do t[i] = {} if i % 1000 == 0 then tick() end end''')
    assert 1000 <= len(lua.globals().t) < 500000     # stopped part way


def test_set_max_memory():
    lua = LuaRuntime()
    lua.execute(ALLOCATE)
    lua.set_max_memory(100_000)
    assert lua.max_memory == 100_000
    with pytest.raises(LuaMemoryError):
        lua.eval('1')
    lua.set_max_memory(None)
    assert lua.eval('1') == 1


def test_memory_used_is_counted_per_runtime():
    a, b = LuaRuntime(), LuaRuntime()
    base = b.get_memory_used()
    a.execute(ALLOCATE)
    assert a.get_memory_used() > base + 300_000
    assert b.get_memory_used() == base
