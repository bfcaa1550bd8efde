"""debug.sethook switches the interpreter: new calls run execute_hooked, the
running plain frames move to it at their next instruction, and everything
goes back to the plain interpreter when the last hook is removed."""
import gc
import sys

import pytest

from moonpatch.engine import Engine
from moonpatch.lib.registry import builtin
from moonpatch.runtime import hooks, interp, interpgen, ops
from moonpatch.runtime.state import enter_state
from moonpatch.runtime.table import LuaTable

INTERPRETERS = {interp.execute_hooked.__code__: 'hooked', interp.execute_resume.__code__: 'resume'}
PLAIN_CODE = hooks._plain_code


def interpreter_frames(args):
    """A host function for the tests: which interpreter runs each Lua frame
    below it (hidden frames, which moved to another interpreter, excluded)."""
    t = LuaTable()
    frame = sys._getframe(1)
    n = 0
    while frame is not None:
        code = frame.f_code
        if (code is PLAIN_CODE or code in INTERPRETERS) and frame.f_locals.get('cl') is not None:
            n += 1
            t.set(float(n), 'plain' if code is PLAIN_CODE else INTERPRETERS[code])
        frame = frame.f_back
    return (t,)


@pytest.fixture
def lua():
    gc.collect()                # hooks of states and threads other tests left
    engine = Engine()
    engine.do_string('debug.sethook()', '=start')
    out = []
    engine.state.stdout = None
    engine.globals.hash['frames'] = builtin(interpreter_frames, 'frames')
    engine.globals.hash['out'] = builtin(lambda args: out.append(tuple(args)) or (), 'out')
    engine.out = out
    yield engine
    engine.do_string('debug.sethook()', '=cleanup')


def run(lua, code):
    ok, msg = lua.do_string(code, '=test')
    assert ok, msg
    return lua.out


def test_the_generated_interpreter_is_current():
    assert interpgen.is_current()


def test_install_and_remove_swap_the_interpreter(lua):
    assert interp.execute.__code__ is PLAIN_CODE and interp.PLAIN
    run(lua, 'debug.sethook(function() end, "l")')
    assert interp.execute.__code__ is interp.execute_hooked.__code__
    assert not interp.PLAIN and ops.dispatch is hooks.hcall
    run(lua, 'debug.sethook()')
    assert interp.execute.__code__ is PLAIN_CODE and interp.PLAIN
    assert ops.dispatch is ops.call_value
    assert sys.gettrace() is None


def test_running_frames_switch_at_their_next_instruction(lua):
    out = run(lua, '''
        local function inner()
            out(table.concat(frames(), " "))
            debug.sethook(function() end, "l")
            out(table.concat(frames(), " "))
        end
        local function outer()
            inner()
            out(table.concat(frames(), " "))
        end
        outer()
        out(table.concat(frames(), " "))
        debug.sethook()
        local x = 1
        out(table.concat(frames(), " "))
    ''')
    # a caller switches when the call returns to it
    assert out == [('plain plain plain',), ('hooked plain plain',), ('hooked plain',),
                   ('hooked',), ('resume',)]
    assert hooks._pending == [] and sys.gettrace() is None


def test_python_tracing_is_restored(lua):
    calls = []

    def tracer(frame, event, arg):
        calls.append(event)
    sys.settrace(tracer)
    try:
        run(lua, 'local function f() debug.sethook(function() end, "l") end f() local y = 2')
        assert sys.gettrace() is tracer
    finally:
        sys.settrace(None)
    assert hooks._pending == []


def test_a_hook_in_one_state_does_not_fire_in_another(lua):
    other = Engine()            # (makes its state the current one)
    enter_state(lua.state)
    run(lua, 'n = 0 debug.sethook(function() n = n + 1 end, "crl")')
    n = lua.globals.hash['n']
    enter_state(other.state)
    ok, _ = other.do_string('local s = 0 for i = 1, 10 do s = s + i end', '=other')
    assert ok and interp.execute.__code__ is interp.execute_hooked.__code__
    enter_state(lua.state)
    assert lua.globals.hash['n'] == n


def test_gethook_returns_the_function_mask_and_count(lua):
    run(lua, '''
        local h = function() end
        debug.sethook(h, "crl", 7)
        local f, mask, count = debug.gethook()
        out(f == h, mask, count)
    ''')
    assert lua.out == [(True, 'crl', 7.0)]


def test_hook_events_arrive_in_order(lua):
    run(lua, '''
        local log = {}
        local function f(x) return x end
        debug.sethook(function(e, l) log[#log + 1] = e .. ":" .. tostring(l) end, "crl")
        f(1)
        debug.sethook()
        out(table.concat(log, " "))
    ''')
    assert lua.out == [('return:nil line:5 call:nil line:3 return:nil line:6 call:nil',)]
