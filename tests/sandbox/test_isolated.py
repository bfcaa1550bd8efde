"""isolated.py: scripts in worker processes under OS limits, alone or in a pool.

Each worker start costs ~0.1-0.3 s and the limit tests wait for a kill
(cpu_seconds=1, the watchdog's grace), so the tests share what they can.
"""
import os
import signal
import subprocess
import sys
import threading

import pytest

from moonpatch import (IsolatedRuntime, LuaError, LuaLimitError, LuaMemoryError, LuaRuntime,
                       LuaSyntaxError)
from moonpatch.errors import LuaDepthError, LuaInstructionLimitError, LuaTimeoutError
from moonpatch.isolated import ADDRESS_SPACE_HEADROOM, MEMORY_FACTOR, SandboxPool, _Options

linux_only = pytest.mark.skipif(not sys.platform.startswith('linux'),
                                reason='RLIMIT_AS and RLIMIT_CPU are enforced on Linux')

BOMB = 'return #string.rep("x", 2^28)'      # 256 MB: past the address space, unseen by Lua
SPIN = 'while true do end'


@pytest.fixture(scope='module')
def lua():
    with IsolatedRuntime(max_depth=200) as rt:
        yield rt


def test_results_and_arguments_are_python_values(lua):
    assert lua.eval('1 + 2') == 3
    assert lua.execute('return 1, "two", true, nil') == (1, 'two', True, None)
    assert lua.eval('{...}', [1, 2], {'k': (3, 4)}) == [[1, 2], {'k': [3, 4]}]
    assert lua.eval('{a = {1, 2}, [10] = "x"}') == {'a': [1, 2], 10: 'x'}
    assert lua.execute('local t = {} t[1] = 1') is None


def test_globals_persist_between_calls(lua):
    lua.execute('function double(n) return n * 2 end count = 0')
    lua.execute('count = count + 1')
    assert lua.eval('double(...) + count', 20) == 41


def test_lua_errors_keep_their_class_value_and_traceback(lua):
    with pytest.raises(LuaError) as e:
        lua.execute('local function f() error("boom") end f()')
    assert type(e.value) is LuaError
    assert str(e.value) == '[string "<python>"]:1: boom'
    assert "in function 'f'" in e.value.traceback
    with pytest.raises(LuaError) as e:
        lua.execute('error({code = 7})')
    assert e.value.value == {'code': 7}
    with pytest.raises(LuaSyntaxError, match="unexpected symbol near '<eof>'"):
        lua.execute('x =')
    with pytest.raises(LuaInstructionLimitError):
        lua.execute('while true do end', max_instructions=1000)
    with pytest.raises(LuaDepthError):
        lua.execute('local function f() return 1 + f() end f()')
    with pytest.raises(LuaTimeoutError):
        lua.execute('while true do end', timeout=0.05)
    assert lua.eval('double(4)') == 8          # the worker lived through all of them


def test_a_result_that_is_not_data_is_a_type_error(lua):
    with pytest.raises(TypeError, match='plain data, not a Lua function'):
        lua.eval('print')
    with pytest.raises(TypeError, match='not a Lua function'):
        lua.eval('{1, {f = print}}')
    with pytest.raises(ValueError, match='cycle'):
        lua.execute('local t = {} t.t = t return t')
    with pytest.raises(LuaError, match='error object is a function value'):
        lua.execute('error(print)')
    assert lua.eval('double(1)') == 2


def test_arguments_must_be_plain_data(lua):
    lua.execute('alive = true')
    with pytest.raises(TypeError, match='plain data, not a Python object'):
        lua.eval('...', object())
    with pytest.raises(TypeError, match='must be str or bytes'):
        lua.execute(42)
    with pytest.raises(ValueError, match='timeout must be a positive number'):
        lua.execute('return 1', timeout=-1)
    assert lua.eval('alive')                    # the watchdog did not kill the worker


def test_options_are_checked_in_the_caller():
    with pytest.raises(ValueError, match='max_instructions'):
        IsolatedRuntime(max_instructions=-1)
    with pytest.raises(ValueError, match='address_space'):
        IsolatedRuntime(address_space='big')
    with pytest.raises(TypeError, match='must pickle'):
        IsolatedRuntime(attribute_filter=lambda obj, name, setting: name)


def test_the_os_limits_derive_from_the_lua_limits():
    options = _Options('auto', 'auto', {'max_memory': 10 << 20, 'timeout': 2})
    assert options.address_space == MEMORY_FACTOR * (10 << 20) + ADDRESS_SPACE_HEADROOM
    (*_, cpu), wall = options.request(False, False, '', (), None, 'bt', None, 0.5, None)
    assert (cpu, wall) == (2, 0.5)              # 2 * timeout + 1, the smaller timeout
    (*_, cpu), wall = _Options('auto', None, {}).request(False, False, '', (), None, 'bt',
                                                         None, None, None)
    assert (cpu, wall) == (None, None)


def test_import_moonpatch_does_not_load_multiprocessing():
    out = subprocess.run([sys.executable, '-c', 'import moonpatch, sys; '
                          'print("multiprocessing" in sys.modules)'],
                         capture_output=True, text=True, check=True).stdout
    assert out == 'False\n'


def test_close_stops_the_worker():
    with IsolatedRuntime() as rt:
        assert rt.eval('1') == 1
        process = rt._worker.process
    assert not process.is_alive()
    with pytest.raises(ValueError, match='closed'):
        rt.eval('1')


# ---- a worker killed: only its call fails, the next one starts a new worker --------------

@linux_only
def test_the_address_space_limit_stops_what_the_lua_limits_miss():
    with IsolatedRuntime(address_space=64 << 20) as rt:   # and no max_memory
        rt.execute('kept = 1')
        with pytest.raises(LuaMemoryError, match='address space limit') as e:
            rt.execute(BOMB)
        assert e.value.catchable is False
        assert rt.eval('kept') is None              # a new worker: the globals are lost
        assert rt.eval('#string.rep("x", 2^20)') == 1 << 20
        with pytest.raises(LuaMemoryError, match='address space limit'):
            rt.execute('local t = {} for i = 1, 1e8 do t[i] = i end')
        assert rt.execute('return pcall(string.rep, "x", 2^28)') == (False, 'not enough memory')


@linux_only
def test_cpu_seconds_stop_a_loop_the_lua_limits_miss():
    with IsolatedRuntime(cpu_seconds=1) as rt:      # and no Lua limit
        with pytest.raises(LuaTimeoutError, match='CPU time limit'):
            rt.execute(SPIN)
        assert rt.eval('2') == 2


def test_the_watchdog_kills_a_call_that_overruns_its_timeout():
    # A Python callback that blocks never ticks: the Lua timeout cannot stop it.
    with IsolatedRuntime(sandbox=False, timeout=0.2) as rt:
        with pytest.raises(LuaTimeoutError, match='watchdog'):
            rt.execute('python.eval("__import__(\'time\').sleep(60)")')
        assert rt.eval('3') == 3


def test_a_crashed_worker_fails_its_call_only():
    with IsolatedRuntime(sandbox=False) as rt:
        with pytest.raises(LuaLimitError, match='SIGKILL'):
            rt.execute('python.eval("__import__(\'os\').kill(__import__(\'os\').getpid(), 9)")')
        with pytest.raises(LuaMemoryError, match='SIGABRT'):
            rt.execute('python.eval("__import__(\'os\').abort()")')
        assert rt.eval('4') == 4


def test_an_interrupted_call_leaves_no_reply_behind():
    with IsolatedRuntime(sandbox=False) as rt:
        rt.execute('kept = 1')
        timer = threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT))
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            rt.execute('python.eval("__import__(\'time\').sleep(1)") return "late"')
        timer.join()
        assert rt.eval('5') == 5                    # not the interrupted call's reply
        assert rt.eval('kept') is None


# ---- the pool ---------------------------------------------------------------------------------

@linux_only
def test_the_pool_runs_scripts_on_its_workers_and_survives_a_kill():
    with SandboxPool(2, cpu_seconds=1) as pool:
        futures = [pool.submit(SPIN if i == 7 else 'return ... * 2', i) for i in range(20)]
        for i, f in enumerate(futures):
            if i == 7:
                with pytest.raises(LuaTimeoutError, match='CPU time limit'):
                    f.result()
            else:
                assert f.result() == 2 * i
        sums = pool.map('return ... + select(2, ...)', range(8), range(0, 80, 10))
        assert list(sums) == [11 * i for i in range(8)]


def test_each_pool_script_has_a_fresh_runtime():
    with SandboxPool(1, max_instructions=100_000) as pool:
        assert pool.run('x = (x or 0) + 1 return x') == 1
        assert pool.run('x = (x or 0) + 1 return x') == 1
        assert pool.run('return io, python') == (None, None)   # sandboxed by default
        with pytest.raises(LuaInstructionLimitError):
            pool.run(SPIN)
        with pytest.raises(LuaError, match='boom'):
            list(pool.map('error(...)', ['boom']))
        assert pool.run('return {...}', 1, {'a': 2}) == [1, {'a': 2}]


def test_isolated_true_gives_an_isolated_runtime():
    with LuaRuntime(isolated=True, timeout=1) as lua:
        assert type(lua).__name__ == 'IsolatedRuntime' and lua.eval('1 + 1') == 2
