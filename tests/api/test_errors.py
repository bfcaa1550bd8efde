"""Errors across the boundary: Lua error values, tracebacks, Python exceptions."""
import pytest

import moonpatch
from moonpatch import LuaError, LuaRuntime


@pytest.fixture
def lua():
    return LuaRuntime()


def test_table_error_value_is_kept(lua):
    with pytest.raises(LuaError) as e:
        lua.execute('error({code = 1, msg = "busy"})')
    err = e.value
    assert moonpatch.lua_type(err.value) == 'table'
    assert err.value.code == 1 and err.value.msg == 'busy'
    assert str(err) == 'error object is a table value'


def test_other_error_values(lua):
    for code, value in (('error("plain", 0)', 'plain'), ('error(nil)', None),
                        ('error(true)', True), ('error(setmetatable({}, {}))', None)):
        with pytest.raises(LuaError) as e:
            lua.execute(code)
        if value is not None:
            assert e.value.value == value
    with pytest.raises(LuaError) as e:
        lua.execute('error(print)')
    assert moonpatch.lua_type(e.value.value) == 'function'


def test_traceback_is_separate_from_message(lua):
    lua.execute('''
        function inner() local t = nil; return t.x end
        function outer() return inner() + 1 end''', name='@prog.lua')
    with pytest.raises(LuaError) as e:
        lua.globals().outer()
    assert str(e.value) == "prog.lua:2: attempt to index local 't' (a nil value)"
    assert 'stack traceback' not in str(e.value)
    assert e.value.traceback == ("stack traceback:\n"
                                 "\tprog.lua:2: in function 'inner'\n"
                                 "\tprog.lua:3: in function <prog.lua:3>")


def test_error_classes(lua):
    with pytest.raises(moonpatch.LuaSyntaxError):
        lua.execute('if')
    with pytest.raises(LuaError) as e:
        lua.execute('local x = 1 + {}')
    assert type(e.value) is LuaError           # runtime-internal classes do not leak


# ---- Python exceptions raised by callbacks -------------------------------------------------

def fail(msg='bad'):
    raise ValueError(msg)


def test_exception_reaches_python_unchanged(lua):
    exc = ValueError('original')

    def cb():
        raise exc
    lua.globals().cb = cb
    with pytest.raises(ValueError) as e:
        lua.execute('local a = 1\nlocal b = cb()', name='@cb.lua')
    assert e.value is exc
    assert exc.lua_traceback == ("stack traceback:\n\t[C]: in function 'cb'\n"
                                 "\tcb.lua:2: in main chunk")
    notes = getattr(exc, '__notes__', [])
    assert notes and notes[0].startswith('raised into Lua at cb.lua:2')


def test_exception_through_lua_function_call(lua):
    f = lua.eval('function(g) return g("via call") end')
    with pytest.raises(ValueError, match='via call'):
        f(fail)


def test_pcall_catches_python_exception(lua):
    lua.globals().fail = fail
    assert lua.eval('pcall(fail, "x")') == (False, 'ValueError: x')
    assert lua.execute('''local ok, err = pcall(function() fail("y") end)
        return ok, err''') == (False, '[string "<python>"]:1: ValueError: y')
    assert lua.eval('type(select(2, pcall(fail)))') == 'string'


def test_rethrown_description_is_a_lua_error(lua):
    lua.globals().fail = fail
    with pytest.raises(LuaError) as e:
        lua.execute('local ok, err = pcall(fail, "z") error(err, 0)')
    assert e.value.value == 'ValueError: z'


def test_exception_through_nested_calls(lua):
    lua.globals().fail = fail
    lua.execute('function a() return fail("deep") end function b() return a() end')
    lua.globals().pyb = lambda: lua.globals().b()
    with pytest.raises(ValueError, match='deep'):
        lua.execute('pyb()')
    assert lua.eval('select(2, pcall(pyb))') == 'ValueError: deep'    # called by pcall: [C]
    assert lua.eval('select(2, pcall(function() pyb() end))') == \
        '[string "<python>"]:1: ValueError: deep'


def test_exceptions_in_metamethods_and_iterators(lua):
    class Bad:
        def __getitem__(self, key):
            raise KeyError('never')    # KeyError means nil for item access

        def __len__(self):
            raise RuntimeError('len broke')
    assert lua.eval('(...).x', Bad()) is None
    with pytest.raises(RuntimeError, match='len broke'):
        lua.eval('#...', Bad())

    def gen():
        yield 1
        raise OSError('io')
    with pytest.raises(OSError, match='io'):
        lua.execute('for x in python.iter(...) do end', gen())


def test_base_exceptions_are_not_caught_by_pcall(lua):
    def interrupt():
        raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        lua.eval('pcall(...)', interrupt)
    assert lua.eval('1 + 1') == 2


def test_lua_error_raised_in_python(lua):
    def refuse(kind):
        if kind == 'table':
            raise LuaError(lua.table(code=7))
        raise LuaError('refused')
    lua.globals().refuse = refuse
    assert lua.eval('select(2, pcall(refuse, "table")).code') == 7
    assert lua.eval('pcall(refuse, "text")') == (False, 'refused')
    with pytest.raises(LuaError) as e:
        lua.execute('refuse("table")')
    assert e.value.value.code == 7


def test_lua_error_passes_through_a_callback_unchanged(lua):
    lua.execute('function thrower() error({tag = "inner"}) end')
    lua.globals().relay = lambda: lua.globals().thrower()
    assert lua.eval('select(2, pcall(relay)).tag') == 'inner'
    assert lua.eval('rawequal(select(2, pcall(relay)), select(2, pcall(relay)))') is False
    with pytest.raises(LuaError) as e:
        lua.execute('relay()')
    assert e.value.value.tag == 'inner'
    assert "[C]: in function 'relay'" in e.value.traceback


def test_memory_error_inside_lua_is_catchable(lua):
    def oom():
        raise MemoryError
    assert lua.eval('pcall(...)', oom) == (False, 'not enough memory')
