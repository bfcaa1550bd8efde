"""Lua functions and coroutines: calls, generators with send/throw/close."""
import threading

import pytest

from moonpatch import LuaError, LuaRuntime


@pytest.fixture
def lua():
    return LuaRuntime()


def test_function_results(lua):
    assert lua.eval('function() end')() is None
    assert lua.eval('function() return 1 end')() == 1
    assert lua.eval('function() return 1, 2 end')() == (1, 2)
    assert lua.eval('function(...) return select("#", ...) end')(None, None) == 2


def test_callable_table(lua):
    t = lua.eval('setmetatable({}, {__call = function(self, x) return x + 1 end})')
    assert t(1) == 2


def test_calling_a_non_function_is_a_lua_error(lua):
    with pytest.raises(LuaError, match='attempt to call a table value'):
        lua.table()()


def test_function_is_not_iterable_or_sized(lua):
    f = lua.eval('print')
    with pytest.raises(TypeError):
        iter(f)
    with pytest.raises(TypeError):
        len(f)


def test_generator_protocol(lua):
    f = lua.eval('''function(a)
        local b = coroutine.yield(a + 1)
        local c, d = coroutine.yield(b * 2)
        return c + d, "end" end''')
    gen = f.coroutine(1)
    assert iter(gen) is gen
    assert next(gen) == 2
    assert gen.send(5) == 10
    with pytest.raises(StopIteration) as stop:
        gen.send((3, 4))               # a tuple is several values
    assert stop.value.value == (7, 'end')
    with pytest.raises(StopIteration):
        next(gen)
    assert gen.status == 'dead'


def test_list_of_a_coroutine(lua):
    f = lua.eval('function(n) for i = 1, n do coroutine.yield(i, -i) end return "r" end')
    assert list(f.coroutine(3)) == [(1, -1), (2, -2), (3, -3)]


def test_coroutine_from_lua(lua):
    co = lua.eval('coroutine.create(function(x) coroutine.yield(x) end)')
    assert co(7) is co                          # lupa's spelling of the start arguments
    assert next(co) == 7
    co2 = lua.eval('coroutine.create(function() coroutine.yield(1) end)')
    with pytest.raises(TypeError):
        co2.send(5)                             # as a just-started generator
    assert next(co2) == 1


def test_error_inside_coroutine(lua):
    gen = lua.eval('function() coroutine.yield(1) error({code = 5}) end').coroutine()
    assert next(gen) == 1
    with pytest.raises(LuaError) as e:
        next(gen)
    assert e.value.value.code == 5
    assert 'stack traceback' in e.value.traceback
    with pytest.raises(StopIteration):
        next(gen)


def test_throw_caught_by_pcall_inside(lua):
    gen = lua.eval('''function()
        local ok, err = pcall(coroutine.yield, "ready")
        coroutine.yield(ok, err)
    end''').coroutine()
    assert next(gen) == 'ready'
    ok, err = gen.throw(ValueError('boom'))
    assert ok is False
    assert err == '[string "<python>"]:2: ValueError: boom'


def test_throw_uncaught_is_raised_back_unchanged(lua):
    gen = lua.eval('function() coroutine.yield(1) end').coroutine()
    next(gen)
    exc = KeyError('k')
    with pytest.raises(KeyError) as e:
        gen.throw(exc)
    assert e.value is exc
    assert 'stack traceback' in exc.lua_traceback
    assert gen.status == 'dead'


def test_throw_forms(lua):
    for args in ((ValueError,), (ValueError, 'msg'), (ValueError, ValueError('msg'))):
        gen = lua.eval('function() coroutine.yield(1) end').coroutine()
        next(gen)
        with pytest.raises(ValueError):
            gen.throw(*args)


def test_throw_into_unstarted_or_dead(lua):
    gen = lua.eval('function() started = true coroutine.yield(1) end').coroutine()
    with pytest.raises(ValueError):
        gen.throw(ValueError('x'))
    assert gen.status == 'dead' and lua.eval('started') is None
    with pytest.raises(ValueError):
        gen.throw(ValueError('y'))


def test_close(lua):
    gen = lua.eval('''function()
        for i = 1, 3 do pcall(coroutine.yield, i) end
        after = true
    end''').coroutine()
    assert next(gen) == 1
    gen.close()                       # pcall does not stop the unwinding
    assert gen.status == 'dead'
    assert lua.eval('after') is None
    assert list(gen) == []
    gen.close()                       # closing twice is fine
    fresh = lua.eval('function() coroutine.yield(1) end').coroutine()
    fresh.close()
    assert list(fresh) == []


def test_resuming_a_running_coroutine_is_an_error(lua):
    holder = {}

    def reenter():
        return next(holder['gen'])
    lua.globals().reenter = reenter
    holder['gen'] = lua.eval('function() coroutine.yield(reenter()) end').coroutine()
    with pytest.raises(LuaError, match='cannot resume running coroutine'):
        next(holder['gen'])


def test_python_callback_cannot_yield_the_outer_coroutine(lua):
    lua.globals().inner = lambda: lua.eval('coroutine.yield(1)')
    gen = lua.eval('function() inner() end').coroutine()
    with pytest.raises(LuaError, match='attempt to yield across'):
        next(gen)


def test_coroutine_wrap_and_lua_side_resume(lua):
    assert lua.execute('''
        local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
        return gen() + gen() + gen()''') == 6


def test_coroutine_belongs_to_its_thread(lua):
    gen = lua.eval('function() coroutine.yield(1) coroutine.yield(2) end').coroutine()
    assert next(gen) == 1
    errors = []

    def elsewhere():
        try:
            next(gen)
        except LuaError as e:
            errors.append(str(e))
    t = threading.Thread(target=elsewhere)
    t.start()
    t.join()
    assert errors and 'Python thread' in errors[0]
    assert next(gen) == 2              # still usable where it runs


def test_unstarted_coroutine_can_start_in_any_thread(lua):
    gen = lua.eval('function() coroutine.yield("x") end').coroutine()
    out = []
    t = threading.Thread(target=lambda: out.append(next(gen)))
    t.start()
    t.join()
    assert out == ['x']
