"""max_memory: charged as Lua values are made, uncatchable past the limit."""
import gc
import sys

import pytest

from moonpatch import LuaError, LuaMemoryError, LuaRuntime

ALLOCATE = 'big = {} for i = 1, 10000 do big[i] = {} end'


def test_no_limit_by_default():
    lua = LuaRuntime()
    assert lua.max_memory is None
    lua.execute(ALLOCATE)


def test_the_script_stops_where_it_goes_past_the_limit():
    lua = LuaRuntime(max_memory=300_000)
    lua.execute('small = {1, 2, 3}')
    with pytest.raises(LuaMemoryError, match='not enough memory'):
        lua.execute(ALLOCATE)
    assert 100 < lua.eval('#big') < 10000          # stopped part way
    lua.globals().big = None                        # what it built is given back
    assert lua.eval('1') == 1
    lua.execute('t = {} for i = 1, 300 do t[i] = {} end')


def test_pcall_cannot_catch_the_limit():
    lua = LuaRuntime(max_memory=300_000)
    with pytest.raises(LuaMemoryError):
        lua.execute('''
            local ok, err = pcall(function()
                local t = {} for i = 1, 100000 do t[i] = {} end
            end)
            caught = true''')
    assert lua.globals().caught is None


def test_without_a_limit_out_of_memory_is_an_ordinary_error():
    lua = LuaRuntime()

    def oom():
        raise MemoryError
    assert lua.eval('pcall(...)', oom) == (False, 'not enough memory')
    with pytest.raises(LuaMemoryError) as e:
        lua.execute('(...)()', oom)
    assert isinstance(e.value, LuaError)


def test_set_max_memory():
    lua = LuaRuntime()
    lua.execute(ALLOCATE)
    lua.set_max_memory(100_000)
    assert lua.max_memory == 100_000
    assert lua.eval('#big') == 10000         # reading what is there needs no memory
    with pytest.raises(LuaMemoryError):
        lua.execute('more = {} for i = 1, 10000 do more[i] = {} end')
    lua.set_max_memory(None)
    lua.execute('more = {} for i = 1, 10000 do more[i] = {} end')


def test_bad_limits_are_refused():
    for bad in (0, -1, 1.5, '1'):
        with pytest.raises(ValueError):
            LuaRuntime(max_memory=bad)


def test_memory_used_is_counted_per_runtime():
    a, b = LuaRuntime(), LuaRuntime()
    base = b.get_memory_used()
    a.execute(ALLOCATE)
    assert a.get_memory_used() > base + 300_000
    assert b.get_memory_used() == base


@pytest.mark.parametrize('fill', ['t[i] = i', 't["k" .. i] = i', 't[-i] = true'])
def test_a_table_growing_in_place_meets_the_limit(fill):
    # no new object is made in the loop: the table's own growth is checked
    lua = LuaRuntime(max_memory=20_000_000)
    with pytest.raises(LuaMemoryError):
        lua.execute('t = {} for i = 1, 1e7 do %s end' % fill)
    lua.globals().t = None
    lua.execute('t = {} for i = 1, 1000 do %s end' % fill)


HOST_PROGRAMS = {
    'array of numbers': 'keep = {} for i = 1, 100000 do keep[i] = i * 0.5 end',
    'hash of strings': 'keep = {} for i = 1, 50000 do keep["k" .. i] = i end',
    'tables of tables': 'keep = {} for i = 1, 30000 do keep[i] = {x = i, y = i} end',
    'closures': 'keep = {} for i = 1, 30000 do local u = i keep[i] = function() return u end end',
}


def _host_bytes():
    """What the host holds, measured its own way, after a full collection."""
    gc.collect()
    gc.collect()
    if sys.implementation.name == 'pypy':
        return gc.get_stats()._s.total_gc_memory
    import tracemalloc          # (CPython's)
    return tracemalloc.get_traced_memory()[0]


@pytest.mark.parametrize('name', sorted(HOST_PROGRAMS))
def test_the_count_follows_what_the_host_allocates(name):
    """max_memory limits the count: it must be near what Python really holds
    (tracemalloc on CPython, the collector's statistics on PyPy)."""
    pypy = sys.implementation.name == 'pypy'
    if not pypy:
        import tracemalloc
        tracemalloc.start()
    try:
        lua = LuaRuntime()
        count = 'collectgarbage() collectgarbage() return collectgarbage("count") * 1024'
        c0, h0 = lua.execute(count), _host_bytes()
        lua.execute(HOST_PROGRAMS[name])
        c1, h1 = lua.execute(count), _host_bytes()
    finally:
        if not pypy:
            tracemalloc.stop()
    assert 0.7 <= (h1 - h0) / (c1 - c0) <= 1.45


SHORT_STRINGS = {
    'concat': 't[i] = "item " .. i',
    'tostring': 't[i] = tostring(i + 0.5)',
    'format': 't[i] = string.format("%5d", i)',
    'sub': 't[i] = s:sub(1, 20 + i % 7)',
    'char': 't[i] = string.char(65 + i % 26, 66, 67, 68, 69, 70, 71, 72)',
}


@pytest.mark.parametrize('name', sorted(SHORT_STRINGS))
def test_short_strings_count_against_the_limit(name):
    """A table of short strings holds more in its strings than in its slots:
    they are charged as they are made, so the host holds about max_memory
    when the script stops, not several times it."""
    limit = 4 << 20
    pypy = sys.implementation.name == 'pypy'
    if not pypy:
        import tracemalloc
        tracemalloc.start()
    try:
        lua = LuaRuntime(max_memory=limit)
        h0 = _host_bytes()
        with pytest.raises(LuaMemoryError):
            lua.execute('s = ("x"):rep(40) t = {} for i = 1, 1e7 do %s end'
                        % SHORT_STRINGS[name])
        held = _host_bytes() - h0          # t is still there
    finally:
        if not pypy:
            tracemalloc.stop()
    assert held < 1.5 * limit
