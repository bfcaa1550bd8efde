"""The native tier behind the JIT's gates: which functions go native in the Lua
test programs, the same output with it off (-Onative=0), and what -jv says."""
import io
import subprocess
import sys

import pytest
from luatest import expected_output, run_program

from moonpatch.engine import Engine
from moonpatch.jit import native, pipeline
from moonpatch.jit.native import cpython, stencils

needs_native = pytest.mark.skipif(not native.available(), reason='no native code here')

# programs of tests/lua with numeric functions, and how many of their compilations
# (with every function compiled at its first call, leaves native too: the test
# programs' forced tier) give native code at least
NUMERIC = {('jit', 'native_gates'): 8, ('jit', 'deopt_types'): 5, ('calls', 'recursion'): 3,
           ('calls', 'return_values'): 5, ('errors', 'lines_spread'): 5, ('jit', 'native_calls'): 5}


def _forced(params):
    def setup(lua):
        lua.jit_command('opt.start=hotcall=1,hotloop=1' + params)
    return setup


def _native_compilations(folder, name, params=''):
    """The program's output, and the functions it compiled to native code."""
    made = []
    pipeline.add_pass(-98, 'count native', lambda c: c.native and made.append(c.proto))
    try:
        out = run_program(folder, name, _forced(params))
    finally:
        pipeline.remove_pass('count native')
    return out, made


@needs_native
@pytest.mark.parametrize('folder,name', sorted(NUMERIC))
def test_numeric_functions_go_native_with_unchanged_output(folder, name):
    out, made = _native_compilations(folder, name, ',native=2')
    assert out == expected_output(folder, name)
    assert len(made) >= NUMERIC[folder, name]


@needs_native
def test_by_default_a_function_that_neither_loops_nor_calls_stays_tier_1():
    out, made = _native_compilations('jit', 'native_gates')
    assert out == expected_output('jit', 'native_gates')
    assert sorted(p.firstline for p in made) == [5, 15, 27, 29, 39]     # fib, gsum, ...


@pytest.mark.parametrize('folder,name', [('jit', 'native_gates'), ('calls', 'recursion')])
def test_native_0_compiles_nothing_native_and_gives_the_same_output(folder, name):
    out, made = _native_compilations(folder, name, ',native=0')
    assert out == expected_output(folder, name)
    assert made == []


def moonpatch(*args):
    p = subprocess.run([sys.executable, '-m', 'moonpatch', *args], capture_output=True,
                       encoding='latin-1', timeout=60)
    return p.stdout, p.stderr, p.returncode


FIB = 'local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end ' \
      'local function s(n) return n .. "" end print(fib(20), s(1))'


@needs_native
def test_jv_reports_native_compilations_and_refusals():
    out, err, status = moonpatch('-jv', '-Ohotcall=1', '-e', FIB)
    assert status == 0 and out.endswith('6765\t1\n')
    assert '[JIT] native (command line):1 (' in err
    assert '[JIT] not native (command line):1: unsupported opcode KSTR at pc 1' in err
    out, err, status = moonpatch('-jv', '-Ohotcall=1', '-Onative=0', '-e', FIB)
    assert 'native' not in err and out.endswith('6765\t1\n')


def test_jv_says_once_why_native_code_cannot_run(monkeypatch):
    monkeypatch.setattr(native, 'unavailable_reason', lambda: 'native tier off: a test')
    lua = Engine()
    lua.state.jit_verbose = io.BytesIO()
    ok, r = lua.do_string('jit.opt.start("hotcall=1") ' + FIB, '=t')
    assert ok, r
    said = lua.state.jit_verbose.getvalue().decode()
    assert said.count('native tier off: a test') == 1 and '[JIT] native (' not in said


def _native_loops(setup=None):
    """native_loops.lua's output, and (first line, loop pc) of its loops made native."""
    made = []
    pipeline.add_pass(-98, 'count native loops', lambda c: c.native and c.entry is not None
                      and made.append((c.proto.firstline, c.entry)))
    try:
        out = run_program('jit', 'native_loops', setup)
    finally:
        pipeline.remove_pass('count native loops')
    return out, made


@needs_native
def test_hot_loops_go_native_from_the_interpreters_frame():
    out, made = _native_loops()
    assert out == expected_output('jit', 'native_loops')
    lines = {line for line, pc in made}
    # the main chunk's (mandelbrot's, the captured register's, ...), first_square_over's
    # (with its early return), sums' (calls), acc's (entered again with other types), spin's
    assert lines == {0, 24, 49, 59, 93}
    assert len([pc for line, pc in made if line == 0]) >= 3


@needs_native
def test_every_loop_compiled_at_its_first_tick_gives_the_same_output():
    out, made = _native_loops(lambda lua: lua.jit_command('opt.start=hotloop=1,native=2') and None)
    assert out == expected_output('jit', 'native_loops')
    assert len(made) >= 8


@needs_native
@pytest.mark.skipif(cpython.reason is not None, reason='no native table access here')
def test_table_accesses_copy_every_table_stencil():
    used = set()

    def note(native):
        used.update(native.used)
        for callee in native.callees:
            note(callee)
    pipeline.add_pass(-98, 'stencils used', lambda c: c.native and note(c.native))
    try:
        out = run_program('jit', 'native_tables', _forced(',native=2'))
    finally:
        pipeline.remove_pass('stencils used')
    assert out == expected_output('jit', 'native_tables')
    table = stencils.table(native.host_target())
    assert {(g, v) for g in ('TGET', 'TSET') for v in table[g].variants} <= used
