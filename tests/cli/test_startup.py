"""What the command line loads at start-up, which every run pays for (its
time is bench/'s business: nothing here is timed).

A program in which nothing gets hot does not load the JIT's backend, nor
what only some programs need: greenlet (the first coroutine loads it),
threading (only the big-stack thread of CPython 3.10 and PyPy needs it).
"""
import gc
import sys

import pytest

from moonpatch.runtime.stack import C_STACK_PER_CALL

from .clirun import run

BACKEND = ('moonpatch.jit.pyjit', 'moonpatch.jit.hints', 'moonpatch.jit.frames',
           'moonpatch.bytecode.template', 'dis')
LATER = BACKEND + ('moonpatch.bytecode.listing', 'greenlet') + \
    (() if C_STACK_PER_CALL else ('threading',))     # (-jdump lists bytecode)

HOT = """
local function inc(x) return x + 1 end
local n = 0
for i = 1, 300 do n = inc(n) end
print(n)
"""


# Runs the command line as `python -m moonpatch` does and lists, at exit,
# every module the process holds (PyPy has no -X importtime).
DRIVER = """
import atexit, runpy, sys
atexit.register(lambda: sys.stderr.write(''.join('module: %s\\n' % m for m in sys.modules)))
sys.argv[0] = 'moonpatch'
runpy.run_module('moonpatch', run_name='__main__', alter_sys=True)
"""


def imported(tmp_path, source, *options):
    """(stdout, the modules a run of source imports)."""
    (tmp_path / 'p.lua').write_text(source, encoding='latin-1')
    out, err, status = run(tmp_path, [sys.executable, '-c', DRIVER, *options, 'p.lua'])
    assert status == 0, err
    return out, {line.split(' ', 1)[1].strip() for line in err.splitlines()
                 if line.startswith('module: ')}


def test_an_empty_program_loads_neither_the_backend_nor_greenlet(tmp_path):
    out, modules = imported(tmp_path, '')
    assert 'moonpatch.jit.tierup' in modules        # (the check sees what it must)
    assert modules.isdisjoint(LATER), sorted(modules.intersection(LATER))


def test_a_program_with_no_hot_function_does_not_load_the_backend(tmp_path):
    out, modules = imported(tmp_path, 'local t = {} for i = 1, 50 do t[i] = i end '
                                      'print(#t, ("%5.1f"):format(0x10), tonumber(" 1e1 "))')
    assert out == '50\t 16.0\t10\n'
    assert modules.isdisjoint(LATER), sorted(modules.intersection(LATER))


def test_a_hot_function_loads_the_backend(tmp_path):
    out, modules = imported(tmp_path, HOT)
    assert out == '300\n'
    assert modules.issuperset(BACKEND)
    assert 'greenlet' not in modules


def test_with_the_jit_off_nothing_loads_the_backend(tmp_path):
    out, modules = imported(tmp_path, HOT, '-joff')
    assert out == '300\n'
    assert modules.isdisjoint(BACKEND)


def test_the_first_coroutine_loads_greenlet(tmp_path):
    out, modules = imported(tmp_path, 'print(coroutine.resume(coroutine.create('
                                      'function(a) return a + 1 end), 1))')
    assert out == 'true\t2\n'
    assert 'greenlet' in modules


@pytest.mark.skipif(not hasattr(gc, 'freeze'), reason='no gc.freeze (PyPy)')
def test_the_command_line_freezes_what_exists_before_the_lua_state(tmp_path):
    (tmp_path / 'p.lua').write_text('print(collectgarbage("count") > 0)', encoding='latin-1')
    code = ('import gc, sys, moonpatch.cli\n'
            'sys.argv = ["moonpatch", "p.lua"]\n'
            'status = moonpatch.cli.main()\n'
            'print(status, gc.get_freeze_count() > 0)\n')
    out, err, status = run(tmp_path, [sys.executable, '-c', code])
    assert (out, err, status) == ('true\n0 True\n', '', 0)
