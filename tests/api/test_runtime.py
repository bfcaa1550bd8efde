"""LuaRuntime's methods and options, and how values convert."""
import contextlib
import io
import math

import pytest

import moonpatch
from moonpatch import LuaError, LuaRuntime, LuaSyntaxError


@pytest.fixture
def lua():
    return LuaRuntime()


# ---- running code --------------------------------------------------------------------

def test_execute_returns_like_a_call(lua):
    assert lua.execute('x = 1') is None
    assert lua.execute('return 1') == 1
    assert lua.execute('return 1, "a", nil') == (1, 'a', None)


def test_execute_passes_args_as_varargs(lua):
    assert lua.execute('local a, b = ... return b, a', 1, 2) == (2, 1)
    assert lua.execute('return select("#", ...)', None, None, None) == 3


def test_eval(lua):
    assert lua.eval('1 + 2') == 3
    assert lua.eval('... .. "!"', 'hi') == 'hi!'
    assert lua.eval(b'"bytes code"') == 'bytes code'


def test_chunk_names(lua):
    with pytest.raises(LuaError) as e:
        lua.execute('error("x")')
    assert str(e.value) == '[string "<python>"]:1: x'
    with pytest.raises(LuaError) as e:
        lua.execute('\nerror("x")', name='@script.lua')
    assert str(e.value) == 'script.lua:2: x'
    with pytest.raises(LuaError) as e:
        lua.execute('error("x")', name='=custom')
    assert str(e.value) == 'custom:1: x'


def test_compile(lua):
    f = lua.compile('return 2 * ...')
    assert moonpatch.lua_type(f) == 'function'
    assert f(21) == 42
    assert lua.globals().x is None        # compiling runs nothing
    with pytest.raises(LuaSyntaxError):
        lua.compile('return +')


def test_syntax_error_message_and_no_traceback(lua):
    with pytest.raises(LuaSyntaxError) as e:
        lua.execute('x = = 1')
    assert str(e.value) == '[string "<python>"]:1: unexpected symbol near \'=\''
    assert e.value.traceback is None
    assert isinstance(e.value, LuaError)


def test_require_calls_luas_require(lua):
    lua.execute('function require(name) return {loaded = name} end')
    assert lua.require('mod').loaded == 'mod'
    lua.execute('require = nil')
    with pytest.raises(LuaError, match="module 'mod' not found"):
        lua.require('mod')


def test_globals(lua):
    g = lua.globals()
    assert g._VERSION == 'Lua 5.1'
    g.answer = 42
    assert lua.eval('answer') == 42
    assert lua.globals() == g


def test_table_and_table_from(lua):
    t = lua.table(1, 'two', key='v')
    assert dict(t.items()) == {1: 1, 2: 'two', 'key': 'v'}
    t = lua.table_from([1, 2], {'a': 1}, (3,))
    assert dict(t.items()) == {1: 1, 2: 2, 3: 3, 'a': 1}
    copy = lua.table_from(lua.eval('{5, x = 6}'))
    assert dict(copy.items()) == {1: 5, 'x': 6}
    nested = lua.table_from({'l': [1]})            # not recursive: the list is userdata
    assert lua.eval('type((...).l)', nested) == 'userdata'


def test_gccollect_runs_finalizers(lua):
    lua.execute('''
        local p = newproxy(true)
        getmetatable(p).__gc = function() collected = true end
        p = nil''')
    lua.gccollect()
    assert lua.eval('collected') is True


def test_get_memory_used_grows(lua):
    before = lua.get_memory_used()
    assert before > 0
    lua.execute('big = {} for i = 1, 5000 do big[i] = {i} end')
    assert lua.get_memory_used() > before + 5000 * 50


def test_version_attributes(lua):
    assert lua.lua_version == (5, 1)
    assert 'Lua 5.1' in lua.lua_implementation


def test_lua_type():
    lua = LuaRuntime()
    assert moonpatch.lua_type(lua.table()) == 'table'
    assert moonpatch.lua_type(lua.eval('print')) == 'function'
    assert moonpatch.lua_type(lua.eval('coroutine.create(function() end)')) == 'thread'
    assert moonpatch.lua_type(lua.eval('newproxy()')) == 'userdata'
    for v in (None, 1, 'x', [], object()):
        assert moonpatch.lua_type(v) is None


def test_print_goes_to_python_stdout(lua):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        lua.execute('print("a", 1, nil)')
    assert out.getvalue() == 'a\t1\tnil\n'


def test_print_to_binary_stdout(lua, capsysbinary):
    lua.execute('print("\\255é")')
    assert capsysbinary.readouterr().out == b'\xff\xc3\xa9\n'


def test_option_validation():
    with pytest.raises(ValueError):
        LuaRuntime(attribute_filter=lambda *a: None, attribute_handlers=(None, None))
    with pytest.raises(ValueError):
        LuaRuntime(attribute_handlers=(len,))
    with pytest.raises(ValueError):
        LuaRuntime(max_memory=-1)
    with pytest.raises(LookupError):
        LuaRuntime(encoding='no-such-codec')


# ---- numbers -------------------------------------------------------------------------

def test_integral_numbers_are_ints(lua):
    assert lua.eval('3') == 3 and type(lua.eval('3')) is int
    assert type(lua.eval('2^53')) is int
    assert type(lua.eval('-(2^53)')) is int
    assert lua.eval('2^53 + 2') == 2.0 ** 53 + 2 and type(lua.eval('2^53 + 2')) is float
    assert type(lua.eval('0.5')) is float
    assert lua.eval('1/0') == float('inf')
    assert math.isnan(lua.eval('0/0'))


def test_boxed_numbers_become_ints_and_complex(lua):
    assert lua.eval('2^62 * 2LL + 1') == 2 ** 63 + 1 - 2 ** 64    # int64_t wraps
    assert lua.eval('-1ULL') == 2 ** 64 - 1 and type(lua.eval('5LL')) is int
    assert lua.eval('2.5i') == 2.5j


def test_python_numbers_become_doubles(lua):
    assert lua.eval('type(...)', 1) == 'number'
    assert lua.eval('(...) % 1 == 0 and ... == 7', 7) is True
    assert lua.eval('... + 0.5', 1) == 1.5
    assert lua.eval('... == ... + 1', 2 ** 60) is True     # beyond 2**53: rounded
    assert lua.eval('...', True) is True                    # bool is not a number


def test_int_overflow(lua):
    with pytest.raises(OverflowError):
        lua.eval('...', 10 ** 400)
    exact = LuaRuntime(overflow_handler=str)
    assert exact.eval('...', 2 ** 70) == str(2 ** 70)
    assert exact.eval('type(...)', 2 ** 40) == 'number'    # exact ints do not ask


# ---- strings -------------------------------------------------------------------------

def test_utf8_strings(lua):
    assert lua.eval('#...', 'é') == 2
    assert lua.eval('"h\\195\\169"') == 'hé'
    assert lua.eval('...', 'ñ€') == 'ñ€'


def test_bytes_go_in_unchanged(lua):
    assert lua.eval('#...', b'\xff\x00') == 2
    assert lua.eval('... == "\\255\\0"', b'\xff\x00') is True


def test_invalid_utf8_round_trips(lua):
    s = lua.eval('"\\255abc"')
    assert s == '\udcffabc'
    assert lua.eval('... == "\\255abc"', s) is True


def test_encoding_errors_option():
    with pytest.raises(UnicodeDecodeError):
        LuaRuntime(encoding_errors='strict').eval('"\\255"')
    assert LuaRuntime(encoding_errors='replace').eval('"\\255"') == '\ufffd'


def test_encoding_none_gives_bytes():
    lua = LuaRuntime(encoding=None)
    assert lua.eval('"abc"') == b'abc'
    assert lua.eval('...', 'é') == 'é'.encode()
    assert dict(lua.eval('{k = "v"}').items()) == {b'k': b'v'}
    with pytest.raises(LuaError) as e:
        lua.execute('error("boom")')
    assert e.value.value == b'[string "<python>"]:1: boom'
    assert str(e.value) == '[string "<python>"]:1: boom'


def test_other_encodings():
    lua = LuaRuntime(encoding='latin-1')
    assert lua.eval('"\\233"') == 'é'
    assert lua.eval('#...', 'é') == 1


def test_source_encoding():
    assert LuaRuntime().eval('#"é"') == 2
    assert LuaRuntime(source_encoding='latin-1').eval('#"é"') == 1


def test_keys_convert(lua):
    t = lua.table()
    t[1] = 'int key'
    t[1.5] = 'float key'
    t[True] = 'bool key'
    assert lua.eval('(...)[1], (...)[1.5], (...)[true]', t) == \
        ('int key', 'float key', 'bool key')
    assert t[1.0] == 'int key'
