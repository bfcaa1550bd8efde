"""The limits themselves: budgets per entry, the depth, per-call limits, and
no place in Lua that can catch a limit's error."""
import io

import pytest

from moonpatch import (LuaDepthError, LuaError, LuaInstructionLimitError, LuaLimitError,
                       LuaRuntime, LuaTimeoutError)

SPIN = 'while true do end'

# Every way Lua code runs a function under protection or from a library
# function: the limit goes through all of them.
CATCHERS = [
    'pcall(function() %s end)',
    'xpcall(function() %s end, function(e) return e end)',
    'xpcall(error, function() %s end)',
    'coroutine.resume(coroutine.create(function() %s end))',
    'pcall(coroutine.wrap(function() %s end))',
    'table.sort({3, 2, 1}, function(a, b) %s return a < b end)',
    'string.gsub("abc", "%%w", function(c) %s end)',
    'load(function() %s end)',
    'pcall(tostring, setmetatable({}, {__tostring = function() %s end}))',
    'pcall(function() return {} .. setmetatable({}, {__concat = function() %s end}) end)',
    'for k in function() %s end do end',
]


@pytest.mark.parametrize('jit', ['on', 'off'])
@pytest.mark.parametrize('catcher', CATCHERS)
def test_no_lua_code_catches_a_limit(catcher, jit):
    lua = LuaRuntime(max_instructions=100_000)
    lua.execute('jit.%s()' % jit)
    with pytest.raises(LuaInstructionLimitError):
        lua.execute(catcher % SPIN + '\ncaught = true')
    assert lua.globals().caught is None
    assert lua.eval('1 + 1') == 2                # usable, with a fresh budget


def test_each_entry_starts_a_fresh_budget():
    lua = LuaRuntime(max_instructions=50_000)
    lua.execute('function work(n) local s = 0 for i = 1, n do s = s + i end return s end')
    for _ in range(20):                          # 20 x 30000 > 50000: each call is fresh
        assert lua.globals().work(30000) == 30000 * 30001 / 2
    with pytest.raises(LuaInstructionLimitError):
        lua.globals().work(100_000)


def test_the_instruction_count_is_close_to_the_work():
    # calls, and loops too short to reach a tick by themselves, all count
    lua = LuaRuntime(max_instructions=1_000_000)
    lua.execute('function f() for i = 1, 10 do end end')
    with pytest.raises(LuaInstructionLimitError):
        lua.execute('for i = 1, 100000 do f() end')        # 1.1M ticks
    lua.execute('for i = 1, 80000 do f() end')              # 0.88M


def test_per_call_limits_only_lower_the_runtimes():
    lua = LuaRuntime(max_instructions=10 ** 10)        # (PyPy spins 10M in 50 ms)
    with pytest.raises(LuaInstructionLimitError):
        lua.execute(SPIN, max_instructions=1000)
    with pytest.raises(LuaTimeoutError):
        lua.execute(SPIN, timeout=0.05)
    lua = LuaRuntime(max_instructions=100_000)
    with pytest.raises(LuaInstructionLimitError):        # the runtime's is still the ceiling
        lua.execute(SPIN, max_instructions=10 ** 12)


def test_limits_given_per_call_to_a_runtime_without_any():
    lua = LuaRuntime()
    lua.execute('function spin() while true do end end')
    lua.execute('jit.opt.start("hotloop=1")')
    with pytest.raises(LuaTimeoutError):
        lua.execute('spin()', timeout=0.05)
    with pytest.raises(LuaTimeoutError):
        with lua.limited(timeout=0.05):
            lua.globals().spin()


def test_nested_entries_share_the_outer_budget():
    lua = LuaRuntime(max_instructions=200_000)
    inner = []

    def callback():                 # the host calls back in: no fresh budget there
        inner.append(1)
        lua.execute('for i = 1, 150000 do end')
    lua.globals().callback = callback
    with pytest.raises(LuaInstructionLimitError):
        lua.execute('for i = 1, 3 do callback() end')
    assert len(inner) == 2


@pytest.mark.parametrize('jit', ['on', 'off'])
@pytest.mark.parametrize('code', [
    'local function f(n) return 1 + f(n + 1) end f(1)',
    'local t = setmetatable({}, {__index = function(t, k) return t[k] end}) return t.x',
    'local function nest() coroutine.wrap(nest)() end nest()',
    'local function f() pcall(f) end f()',
])
def test_the_depth_limit(code, jit):
    lua = LuaRuntime(max_depth=50)
    lua.execute('jit.%s()' % jit)
    with pytest.raises(LuaDepthError):
        lua.execute(code)
    assert lua.execute('local function f(n) if n == 0 then return 0 end return f(n - 1) end '
                       'return f(40)') == 0


def test_limit_errors_are_lua_errors_for_the_host():
    lua = LuaRuntime(timeout=0.01)
    with pytest.raises(LuaLimitError) as e:
        lua.execute(SPIN)
    assert isinstance(e.value, LuaError) and 'timeout' in str(e.value)


@pytest.mark.parametrize('bad', [0, -1, 1.5, 'x'])
def test_bad_limits_are_refused(bad):
    with pytest.raises(ValueError):
        LuaRuntime(max_instructions=bad)
    with pytest.raises(ValueError):
        LuaRuntime(max_depth=bad)


def test_a_leaf_makes_no_tick_and_the_limits_still_hold():
    """Code the JIT writes for a function that can neither loop nor call
    (arithmetic on known floats) has no tick: its caller's stand for it."""
    lua = LuaRuntime(max_instructions=10 ** 9)
    lua._state.jit_opt.params['native'] = 0     # (tier 1's code: native calls call the leaf)
    dump = io.BytesIO()
    lua._state.jit_dump = dump
    lua.execute('''
        local function leaf(a, b) return a * b + 1 end
        local function calls(a) return leaf(a, a) end
        for i = 1, 300 do calls(i) end''')
    ticks = {part.split('\n')[0].split()[-1]: 'TICKS[0]' in part
             for part in dump.getvalue().decode('latin-1').split('---- JIT')[1:]}
    assert ticks.pop('<python>:2') is False            # the leaf
    assert ticks.pop('<python>:3') is True and list(ticks.values()) == [True]
    lua = LuaRuntime(max_instructions=100000)
    with pytest.raises(LuaInstructionLimitError):
        lua.execute('''
            local function leaf(a, b) return a * b + 1 end
            local function calls(a) return leaf(a, a) end
            for i = 1, 300 do calls(i) end
            while true do leaf(1, 2) end''')


def test_max_depth_holds_for_functions_compiled_hot():
    """A numeric recursion compiled before it goes deep (natively) still meets
    max_depth: native frames count (their ticks call the limits' check, which
    counts the frames native code runs and those it left)."""
    lua = LuaRuntime(max_depth=50)
    with pytest.raises(LuaDepthError):
        lua.execute('''
            local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end
            for i = 1, 300 do f(10) end
            return f(100)''')


def _native_compilations(lua, script, made):
    """Run script, noting in made the prototypes the native tier compiles meanwhile."""
    from moonpatch.jit import pipeline
    pipeline.add_pass(-98, 'count native', lambda c: c.native and made.append(c.proto))
    try:
        lua.execute(script)
    finally:
        pipeline.remove_pass('count native')


NATIVE_SPIN = """local function spin(n) local x = 0 for i = 1, n do x = x + i % 7 end return x end
for i = 1, 200 do spin(10) end
return spin(1e15)"""
needs_native = pytest.mark.skipif(
    not __import__('moonpatch.jit.native').jit.native.available(), reason='no native code')


@needs_native
@pytest.mark.parametrize('limit, error', [
    ({'max_instructions': 2_000_000}, LuaInstructionLimitError),
    ({'timeout': 0.3}, LuaTimeoutError)])
def test_native_loops_meet_the_instruction_and_time_limits(limit, error):
    lua = LuaRuntime(**limit)
    made = []
    with pytest.raises(error):
        _native_compilations(lua, NATIVE_SPIN, made)
    assert made                                 # (spin ran natively)
    assert lua.eval('1 + 1') == 2


@needs_native
def test_native_recursion_meets_max_depth_where_the_interpreter_does():
    def deepest(jit, made):
        lua = LuaRuntime(max_depth=60)
        lua.execute('jit.%s()' % jit)
        _native_compilations(lua, 'f = function(n) if n == 0 then return 0 end '
                                  'return 1 + f(n - 1) end for i = 1, 300 do f(5) end', made)
        for n in range(1, 100):
            try:
                lua.execute('return f(%d)' % n)
            except LuaDepthError:
                return n
    made, none = [], []
    assert deepest('on', made) == deepest('off', none) == 60      # (the first too deep)
    assert made and not none
