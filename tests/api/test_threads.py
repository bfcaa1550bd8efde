"""Threads sharing a runtime, independent runtimes, values that cross runtimes."""
import threading

import pytest

import moonpatch
from moonpatch import LuaError, LuaRuntime


def run_threads(n, target):
    errors = []

    def guarded(i):
        try:
            target(i)
        except BaseException as e:  # noqa: BLE001 (reported by the test)
            errors.append(e)
    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_eight_threads_call_one_function():
    lua = LuaRuntime()
    lua.execute('''
        count = 0
        log = {}
        function work(id, n)
            for i = 1, n do
                local c = count
                count = c + 1
                log[#log + 1] = id
            end
            return count
        end''')
    work = lua.globals().work
    run_threads(8, lambda i: [work(i, 25) for _ in range(10)])
    assert lua.globals().count == 8 * 250
    assert len(lua.globals().log) == 8 * 250


def test_threads_using_tables_and_callbacks():
    lua = LuaRuntime()
    t = lua.table()
    seen = []
    lua.globals().record = seen.append

    def body(i):
        for j in range(50):
            t[i * 100 + j] = j
            lua.execute('record(...)', i)
            assert lua.eval('(...)[1]', [0, i]) == i
    run_threads(8, body)
    assert len(list(t.keys())) == 400
    assert sorted(seen) == sorted(i for i in range(8) for _ in range(50))


def test_threads_with_their_own_coroutines():
    lua = LuaRuntime()
    f = lua.eval('function(n) for i = 1, n do coroutine.yield(i) end end')

    def body(i):
        for _ in range(5):
            assert list(f.coroutine(20)) == list(range(1, 21))
    run_threads(8, body)


def test_independent_runtimes():
    a, b = LuaRuntime(), LuaRuntime()
    a.execute('x = "a"')
    b.execute('x = "b"')
    assert (a.eval('x'), b.eval('x')) == ('a', 'b')
    a.execute('string = nil')
    assert b.eval('type(string)') == 'table'


def test_many_runtimes_in_threads():
    def body(i):
        lua = LuaRuntime()
        lua.execute('n = ...', i)
        for _ in range(20):
            lua.execute('n = n + 1')
        assert lua.eval('n') == i + 20
    run_threads(8, body)


def test_values_from_another_runtime_are_refused():
    a, b = LuaRuntime(), LuaRuntime()
    t = a.table(1)
    with pytest.raises(LuaError, match='different Lua runtimes'):
        b.globals().t = t
    with pytest.raises(LuaError, match='different Lua runtimes'):
        b.eval('...', t)
    with pytest.raises(LuaError, match='different Lua runtimes'):
        b.table_from({'t': t}, recursive=True)
    f = a.eval('function(x) return x end')
    with pytest.raises(LuaError, match='different Lua runtimes'):
        f(b.table())
    # a callback of b returning a's value: an error inside b's Lua code
    b.globals().leak = lambda: t
    assert b.eval('pcall(leak)') == (False, 'cannot mix objects from different Lua runtimes')


def test_runtimes_calling_each_other():
    a, b = LuaRuntime(), LuaRuntime()
    b.execute('function twice(x) return 2 * x end')
    a.globals().twice = lambda x: b.globals().twice(x)
    assert a.eval('twice(21)') == 42
    b.globals().back = lambda: a.eval('twice(5)')
    assert b.eval('back() + 1') == 11


def test_error_of_one_runtime_inside_another():
    a, b = LuaRuntime(), LuaRuntime()
    b.execute('function bad() error("from b", 0) end')
    a.globals().call_b = lambda: b.globals().bad()
    assert a.eval('pcall(call_b)') == (False, 'from b')
    with pytest.raises(LuaError, match='from b'):
        a.execute('call_b()')


def test_reentering_the_same_runtime():
    lua = LuaRuntime()
    lua.globals().again = lambda n: lua.eval('... + 1', n)
    assert lua.eval('again(again(1))') == 3


def test_lua_value_of_a_dead_runtime_still_works():
    t = LuaRuntime().eval('{x = 1}')
    assert t.x == 1
    assert moonpatch.lua_type(t) == 'table'
