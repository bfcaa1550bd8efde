"""The sandbox under fuzzing: hostile and random inputs against the limits.

Each input runs in a fresh LuaRuntime with every limit set, and must end
with its results or a LuaError (a limit's or the script's own): never
another Python exception, never past the limits. Kinds:

- program: a random program of the differential fuzzer (gen.py), sandboxed;
- source: generated and mutated source text (srcfuzz.py), sandboxed;
- chunk: a mutated binary chunk (chunkfuzz.py), run with the limits but
  outside the sandbox (which refuses binary chunks), so that malformed
  bytecode meets the ticks too;
- hostile: a script built to exhaust a limit (endless loops of every shape,
  recursion, metamethod chains, memory bombs, pattern blow-ups), which must
  stop with a LuaLimitError;
- nasty: a script that is hard on the engine in other ways (deep nesting,
  error objects that loop or fail, huge argument lists).

    python3 tests/fuzz/sandboxfuzz.py --seed 1 --count 500
"""
import argparse
import os
import random
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

from moonpatch import LuaError, LuaLimitError, LuaRuntime  # noqa: E402
from moonpatch.runtime.gc import GRANULE  # noqa: E402

TIMEOUT = 0.5                  # seconds per input
SLACK = 1.0                    # how far past the timeout an input may end
MAX_MEMORY = 4 << 20
LIMITS = dict(max_instructions=200_000, timeout=TIMEOUT, max_depth=150, max_memory=MAX_MEMORY)

# Scripts that never end or never stop growing; {n} is a random size.
HOSTILE = [
    'while true do end',
    'repeat local x = {n} until false',
    'for i = 1, math.huge do end',
    'for i = 0, 0, 0 do end',
    'for i = {n}, -math.huge, -0.5 do end',
    'local function f() return f() end f()',
    'local function f(n) return 1 + f(n + 1) end f(1)',
    'local function f() for i = 1, {n} do end return f() end f()',
    'while true do pcall(function() while true do end end) end',
    'while true do pcall(error, "x") end',
    'local co = coroutine.wrap(function() while true do coroutine.yield() end end) '
    'while true do co() end',
    'coroutine.wrap(function() while true do end end)()',
    'local function nest() coroutine.wrap(nest)() end nest()',
    'local t = setmetatable({}, {__index = function(t, k) return t[k] end}) return t.x',
    'local t = setmetatable({}, {__add = function(a, b) return a + b end}) return t + 1',
    'local mt = {} mt.__index = function(t, k) return setmetatable({}, mt)[k] end '
    'return setmetatable({}, mt).x',
    'local t = {} while true do t[#t + 1] = {} end',
    'local s = "x" while true do s = s .. s end',
    'local t = {} for i = 1, 1e9 do t[i] = i end',
    'return string.rep("x", 2^({n} % 6 + 25))',
    'return ("x"):rep(1e6):rep(1e6)',
    'local t = {} for i = 1, 1e5 do t[i] = "xxxxxxxx" end while true do table.concat(t) end',
    'return string.find(("a"):rep({n} + 20), ("a*"):rep({n} + 20) .. "b")',
    'return ("a"):rep(1e5):find(".-.-.-b")',
    'return string.format("%099d", 1):rep(1e8)',
    'local t = {} for i = 1, 1e5 do t[i] = i end while true do table.sort(t, function(a, b) '
    'return a > b end) end',
    'local t = {} for i = 1, 5000 do t[i] = i end while true do unpack(t) end',
    'local s = ("x"):rep(5000) while true do s:byte(1, -1) end',
    'while true do tostring({}) end',
    'local t = setmetatable({}, {__gc = function() while true do end end}) t = nil '
    'pcall(collectgarbage) while true do end',
    'local f = function(...) return select("#", ...) end while true do f(unpack({1, 2, 3})) end',
    'return loadstring(("x = 1 "):rep(1e6))',
    'local s = ("x = 1 "):rep(1e4) while true do loadstring(s) end',
    'goto a ::a:: goto a',
    'local i = 0 ::top:: i = i + 1 if i > 0 then goto top end',
]

# Scripts that must not crash or overrun, whatever else they do.
NASTY = [
    'return loadstring(("("):rep({n} * 100) .. "1" .. (")"):rep({n} * 100))',
    'local e = setmetatable({}, {__tostring = function(e) while true do end end}) error(e)',
    'error(setmetatable({}, {__tostring = function(e) error(e) end}))',
    'local t = {} t.__index = t setmetatable(t, t) return t.x',
    'return select("#", unpack({}, 1, 1e6))',
    'return (" "):rep(1e6):gsub(" ", "%%0%%0")',
    'return coroutine.wrap(function(...) return ... end)(unpack({}, 1, 5000))',
    # C levels: 'C stack overflow' and 'error in error handling', never Python's limits
    'local function f() return pcall(f) end return f()',
    'local m = {} m.__index = function(t, k) return setmetatable({}, m)[k] end '
    'return setmetatable({}, m).x',
    'local function h(e) return xpcall(error, h) end return xpcall(error, h)',
    'local function g(s) return (("x"):rep({n}):gsub("x", g)) end return g()',
    'local function c() return coroutine.wrap(c)() end return pcall(c)',
]


def hostile(rng, scripts=HOSTILE):
    return rng.choice(scripts).replace('{n}', str(rng.randint(1, 40)))


def make_input(kind, seed):
    """(text or bytes, sandboxed) of one input."""
    rng = random.Random(seed)
    if kind == 'program':
        from runner import detect_features

        import gen
        return gen.generate(seed, features=_features(detect_features)), True
    if kind == 'source':
        import srcfuzz
        return srcfuzz.make_input(seed)[1], True
    if kind == 'chunk':
        import chunkfuzz
        data, _ = chunkfuzz.make_input(rng, _chunk_seeds(chunkfuzz))
        return data.encode('latin-1'), False
    if kind == 'nasty':
        return hostile(rng, NASTY), True
    return hostile(rng), True


_cache = {}


def _features(detect):
    if 'features' not in _cache:
        _cache['features'] = detect()
    return _cache['features']


def _chunk_seeds(chunkfuzz):
    if 'chunks' not in _cache:
        _cache['chunks'] = chunkfuzz.seed_protos()
    return _cache['chunks']


def check(code, sandboxed, must_stop=False):
    """None, or what went wrong with one input."""
    lua = LuaRuntime(sandbox=sandboxed, **LIMITS)
    lua.execute('print = function() end')          # no output
    start = time.monotonic()
    try:
        lua.execute(code, mode='bt' if not sandboxed else 't')
        outcome = 'finished'
    except LuaLimitError as e:
        outcome = type(e).__name__
    except LuaError:
        outcome = 'error'
    except Exception:      # noqa: BLE001 - any other exception is a finding
        return 'Python exception:\n' + traceback.format_exc()
    took = time.monotonic() - start
    if took > TIMEOUT + SLACK:
        return 'ran %.1f s past a %.1f s timeout (%s)' % (took, TIMEOUT, outcome)
    used = lua._state.gc.total
    if used > MAX_MEMORY + 2 * GRANULE:
        lua.gccollect()    # a refused request was charged: what is alive counts
        used = lua._state.gc.total
    if used > MAX_MEMORY + 2 * GRANULE:
        return 'holds %d bytes past max_memory %d (%s)' % (used, MAX_MEMORY, outcome)
    if must_stop and outcome in ('finished', 'error'):
        return 'a hostile script was not stopped by a limit (%s)' % outcome
    try:
        if lua.eval('1 + 1') != 2:
            return 'the runtime does not work after the input'
    except Exception:      # noqa: BLE001
        return 'the runtime fails after the input:\n' + traceback.format_exc()
    return None


KINDS = ('program', 'source', 'chunk', 'hostile', 'nasty')


def run(seed, count, kinds=KINDS, out=None):
    """Run count inputs from seed on; returns the findings as (seed, kind, text)."""
    findings = []
    for i in range(count):
        s = seed + i
        kind = kinds[s % len(kinds)]
        code, sandboxed = make_input(kind, s)
        problem = check(code, sandboxed, must_stop=kind == 'hostile')
        if problem is not None:
            findings.append((s, kind, problem))
            if out is not None:
                print('seed %d (%s): %s' % (s, kind, problem), file=out)
    return findings


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=200)
    ap.add_argument('--kind', choices=KINDS, action='append')
    a = ap.parse_args(argv)
    t = time.monotonic()
    findings = run(a.seed, a.count, tuple(a.kind or KINDS), sys.stdout)
    print('%d inputs, %d findings, %.0f s' % (a.count, len(findings), time.monotonic() - t))
    return 1 if findings else 0


if __name__ == '__main__':
    sys.exit(main())
