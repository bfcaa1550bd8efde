"""A Python exception raised inside the engine (a bug, not a Lua error) that
reaches Lua code becomes a Lua error at every boundary: pcall, xpcall and its
handler, coroutine.resume/wrap, the engine's call and the Python API. The
host's own BaseExceptions (KeyboardInterrupt, SystemExit) pass unchanged, and
so do the sandbox's limits through Lua's protected calls."""
import pytest

from moonpatch import LuaError, LuaLimitError, LuaRuntime
from moonpatch.engine import Engine
from moonpatch.lib.registry import builtin

MESSAGE = "internal error in 'broken' (ValueError: engine bug)"
UNNAMED = "internal error in '?' (ValueError: engine bug)"     # called by a host function


def broken(args):
    raise ValueError('engine bug')


def interrupt(args):
    raise KeyboardInterrupt


def limit(args):
    raise LuaLimitError('instruction limit reached')


@pytest.fixture
def engine():
    e = Engine(use_env=False)
    g = e.globals.hash
    for fn in (broken, interrupt, limit):
        g[fn.__name__] = builtin(fn, fn.__name__)
    return e


def run(engine, code):
    ok, results = engine.do_string(code, '=input')
    assert ok, results
    return results


def test_pcall_of_the_function_itself(engine):
    assert run(engine, 'return pcall(broken)') == (False, UNNAMED)


@pytest.mark.parametrize('code', [
    'return pcall(function() local x = broken() end)',
    'return coroutine.resume(coroutine.create(function() broken() end))',
    'return pcall(coroutine.wrap(function() broken() end))',
])
def test_protected_calls_catch_it_with_a_position(engine, code):
    assert run(engine, code) == (False, 'input:1: ' + MESSAGE)


def test_error_handler_sees_it_and_may_raise_it(engine):
    assert run(engine, 'return xpcall(broken, function(m) return "h: " .. m end)') == \
        (False, 'h: ' + UNNAMED)
    assert run(engine, 'return xpcall(error, broken)') == (False, 'error in error handling')


def test_a_sort_comparator_and_gsub_callback(engine):
    assert run(engine, 'return pcall(table.sort, {1, 2, 3}, broken)') == (False, UNNAMED)
    assert run(engine, 'return pcall(string.gsub, "ab", ".", broken)') == (False, UNNAMED)
    assert run(engine, 'return pcall(table.sort, {1, 2, 3}, function(a, b) broken() end)') == \
        (False, 'input:1: ' + MESSAGE)


def test_engine_call_reports_it_as_lua_error(engine):
    ok, msg = engine.do_string('\n\nbroken()', '=input')
    assert not ok
    assert msg.startswith('input:3: ' + MESSAGE + '\nstack traceback:')


def test_host_exceptions_are_not_caught(engine):
    with pytest.raises(KeyboardInterrupt):
        engine.do_string('pcall(interrupt)', '=input')
    with pytest.raises(KeyboardInterrupt):
        engine.do_string('coroutine.resume(coroutine.create(function() interrupt() end))', '=input')


def test_limits_pass_through_protected_calls(engine):
    for code in ('pcall(limit)', 'xpcall(limit, print)', 'xpcall(error, limit)',
                 'coroutine.resume(coroutine.create(function() limit() end))',
                 'pcall(coroutine.wrap(function() limit() end))'):
        ok, msg = engine.do_string(code, '=input')
        assert not ok and 'instruction limit reached' in msg, code


def test_python_api_raises_lua_error():
    lua = LuaRuntime()
    lua.execute('x = 1')
    lua._state.globals.hash['broken'] = builtin(broken, 'broken')
    with pytest.raises(LuaError) as e:
        lua.execute('\nbroken()')
    assert str(e.value) == '[string "<python>"]:2: ' + MESSAGE
    f = lua.eval('function() broken() end')
    with pytest.raises(LuaError):
        f()
    assert lua.eval('pcall(function() broken() end)') == \
        (False, '[string "<python>"]:1: ' + MESSAGE)
