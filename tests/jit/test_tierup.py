"""Tier-up, call gates, the pipeline and the jit library, seen from Lua and
from the command line."""
import subprocess
import sys

from moonpatch.engine import Engine
from moonpatch.jit import pipeline, structure

LOOP = 'local s = 0 for i = 1, 1000 do s = s + i end print(s)'


def run(lua, src):
    ok, r = lua.do_string(src, '=t')
    assert ok, r
    return r


def moonpatch(*args):
    p = subprocess.run([sys.executable, '-m', 'moonpatch', *args], capture_output=True,
                       encoding='latin-1', timeout=60)
    return p.stdout, p.stderr, p.returncode


def test_a_function_compiles_after_hotcall_calls_and_its_gate_swaps():
    lua = Engine()
    run(lua, 'jit.opt.start("hotloop=100000")')     # the loop below stays interpreted
    r = run(lua, """
        local function f(x) return x + 1 end
        local before = jit.status(f)
        for i = 1, 111 do f(i) end
        local at111 = jit.status(f)
        f(0)
        return before, at111, jit.status(f)""")
    assert list(r) == ['none', 'none', 'ok']


def test_a_function_a_hot_loop_calls_compiles_at_its_own_hot_count():
    # (so it is specialised for the arguments it gets, not compiled blind)
    lua = Engine()
    r = run(lua, """
        local function f(x) return x + 1 end
        local seen = {}
        for i = 1, 200 do     -- the loop is hot at 56
            f(i)
            if i == 60 or i == 200 then seen[#seen + 1] = jit.status(f) end
        end
        return unpack(seen)""")
    assert list(r) == ['none', 'ok']


def test_hotcall_and_off():
    lua = Engine()
    run(lua, 'jit.opt.start("hotcall=1")')
    assert list(run(lua, 'local function f() end f() return jit.status(f)')) == ['ok']
    lua = Engine()
    run(lua, 'jit.off()')
    r = run(lua, 'local function f() end for i = 1, 500 do f() end return jit.status(f)')
    assert list(r) == ['none']


def test_flush_sends_closures_back_to_the_interpreter():
    lua = Engine()
    r = run(lua, """
        local function f(x) return x * 2 end
        jit.compile(f)
        local a = jit.status(f)
        jit.flush(f)
        return a, jit.status(f), f(21)""")
    assert list(r) == ['ok', 'none', 42.0]


def test_flow_no_python_loop_takes_compiles_to_the_dispatch_loop():
    # a goto back out of a for loop: loops Python's while cannot nest
    lua = Engine()
    r = run(lua, """
        local function f(n)
          local i = 0
          ::outer::
          i = i + 1
          for j = 1, 3 do
            if i < n then goto outer end
          end
          return i
        end
        local s, why = jit.compile(f)
        return s, why, f(5), f(1), f(0), f(40)""")
    assert list(r) == ['ok', None, 5.0, 1.0, 1.0, 40.0]
    out, err, status = moonpatch('-jdump', '-Ohotcall=1', '-e', """
        local function f(n)
          local i = 0
          ::outer::
          i = i + 1
          for j = 1, 3 do if i < n then goto outer end end
          return i
        end
        print(f(3))""")
    assert status == 0 and out.endswith('3\n')
    assert '(flow no Python loop takes)' in out


def test_code_python_refuses_stays_interpreted():
    # 120 nested ifs: deeper than CPython's 100 indentation levels (PyPy
    # takes them)
    src = 'local function f(x) ' + 'if x then ' * 120 + 'x = 1 ' + 'end ' * 120 + \
        'return x end'
    r = run(Engine(), src + ' local s, why = jit.compile(f) return s, why, f(true)')
    assert r[2] == 1.0
    assert r[0] == 'ok' or (r[0] == 'failed' and 'Python refuses' in r[1])
    if sys.implementation.name == 'cpython':
        assert r[0] == 'failed'


def test_goto_loops_give_the_same_results_compiled():
    # loops made by goto (Python has none)
    src = """local function f(n)
        local i, s = 0, 0
        ::a:: i = i + 1
        if i > n then return s end
        ::b:: s = s + i
        if s % 2 == 0 then goto a end
        if s % 3 == 0 then goto b end
        goto a
    end
    return jit.compile(f), f(10)"""
    r = run(Engine(), src)
    assert r[-1] == run(Engine(), src.replace('jit.compile(f)', 'nil'))[-1]


def test_a_loop_in_code_that_runs_once_is_replaced_on_the_stack():
    out, err, status = moonpatch('-jv', '-e', LOOP)
    assert (out, status) == ('500500\n', 0)
    assert '[JIT] ok (command line):0 loop at ' in err


def test_jdump_shows_bytecode_and_the_generated_python():
    out, err, status = moonpatch('-jdump', '-Ohotcall=1', '-e', 'local function f(n) '
                                 'return n + 1 end print(f(1))')
    assert status == 0
    assert '-- BYTECODE --' in out and '---- Python' in out and 'def lua_' in out
    assert out.rstrip().endswith('2')


def test_joff_generates_no_code():
    out, err, status = moonpatch('-joff', '-jv', '-Ohotcall=1', '-e', LOOP)
    assert (out, err, status) == ('500500\n', '', 0)


def test_passes_run_by_priority_and_only_odd_ones_after_a_failure():
    seen = []

    def refuse(c):
        seen.append('refuse')
        raise structure.Refused('no')

    pipeline.add_pass(60, 'refuse', refuse)
    pipeline.add_pass(-1, 'odd', lambda c: seen.append(('odd', c.failed)))
    pipeline.add_pass(-2, 'even', lambda c: seen.append('even'))
    try:
        lua = Engine()
        r = run(lua, 'local function f() return 1 end return jit.compile(f)')
    finally:
        for name in ('refuse', 'odd', 'even'):
            pipeline.remove_pass(name)
    assert list(r) == ['failed', 'refuse: no']
    assert seen == ['refuse', ('odd', 'refuse: no')]


def test_attach_reports_compilations_to_lua():
    lua = Engine()
    r = run(lua, """
        local seen = {}
        jit.attach(function(what, _, f, pc, why) seen[#seen + 1] = what end, "trace")
        local function g() return 1 end
        jit.compile(g)
        return table.concat(seen, ",")""")
    assert list(r) == ['stop']


def test_jit_off_and_on_for_one_function_and_its_children():
    lua = Engine()
    r = run(lua, """
        local function f(x) return x + 1 end
        local function g(x) local h = function(y) return y * 2 end return h(x) end
        jit.off(f)
        jit.off(g, true)
        for i = 1, 300 do f(i) g(i) end
        local a, b = jit.status(f), jit.status(g)
        jit.on(f)
        for i = 1, 300 do f(i) end
        return a, b, jit.status(f), f(1), g(2)""")
    assert list(r) == ['failed', 'failed', 'ok', 2.0, 4.0]
