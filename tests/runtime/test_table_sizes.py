"""# as Lua 5.1 gives it: random sequences of stores, table.insert/remove and
constructors, run as Lua code in moonpatch and on ltable51 (a model of Lua
5.1's ltable.c with its node layout), which is checked against lua5.1 itself.

Without deletions the sizes Lua 5.1 gives a table follow from the order of
its keys alone, and moonpatch must match the model exactly, state and #. A
deleted key's node can be reused by a new key that hashes there, which
depends on the layout; moonpatch guesses the layout (runtime/table.py), so
there it must give a border and usually lua5.1's (tests/lua/README.md).
"""
import random
import shutil
import subprocess

import pytest

from ltable51 import Table, fb
from moonpatch.engine import Engine
from moonpatch.lib.registry import builtin

CONSTRUCTORS = {         # source -> (positional count, keyed count, items in store order)
    '{}': (0, 0, []),
    '{1, 2, 3}': (3, 0, [(1.0, 1.0), (2.0, 2.0), (3.0, 3.0)]),
    '{1, nil, 3}': (3, 0, [(1.0, 1.0), (3.0, 3.0)]),
    '{nil, nil}': (2, 0, []),
    '{x = 1, y = 2}': (0, 2, [('x', 1.0), ('y', 2.0)]),
    '{%s}' % ', '.join(map(str, range(1, 18))):
        (17, 0, [(float(i), float(i)) for i in range(1, 18)]),
    '{[1] = 1, [2] = 2, [4] = 4}': (0, 3, [(1.0, 1.0), (2.0, 2.0), (4.0, 4.0)]),
    '{f()}': (0, 0, [(1.0, 1.0), (3.0, 3.0)]),        # f returns 1, nil, 3, nil
}
MULTRET_SIZE = {'{f()}': 4}                           # SETLIST grows the array to 4


def operations(rng, n, deletions):
    """n random operations on one table t."""
    ops = []
    for i in range(n):
        c = rng.random()
        value = float(i) if not deletions or rng.random() < 0.6 else None
        if c < 0.35:
            k = float(rng.randint(1, 40)) if rng.random() < 0.8 else rng.choice(
                [0.0, -1.0, float(2 ** rng.randint(5, 40)), 0.5, 100.0])
            ops.append(('set', k, value))
        elif c < 0.45:
            ops.append(('append', float(i)))
        elif c < 0.55:
            ops.append(('set', rng.choice('abcdefgh'), value))
        elif c < 0.65:
            ops.append(('insert', float(i)))
        elif deletions and c < 0.7:
            ops.append(('insert', float(i), rng.randint(1, 10)))
        elif deletions and c < 0.78:
            ops.append(('remove', rng.choice([None, 1, 3])))
        elif deletions and c < 0.85:
            ops.append(('poplast',))
        else:
            ops.append(('len',))
    return ops


def lua_source(ctor, ops):
    def lit(v):
        if v is None:
            return 'nil'
        if type(v) is str:
            return "'%s'" % v
        return '%d' % v if v.is_integer() and abs(v) < 2 ** 53 else repr(v)
    lines = ['local function f() return 1, nil, 3, nil end', 'local t = ' + ctor]
    for op in ops:
        if op[0] == 'set':
            lines.append('t[%s] = %s' % (lit(op[1]), lit(op[2])))
        elif op[0] == 'append':
            lines.append('t[#t + 1] = %s' % lit(op[1]))
        elif op[0] == 'insert':
            pos = '' if len(op) == 2 else '%d, ' % op[2]
            lines.append('table.insert(t, %s%s)' % (pos, lit(op[1])))
        elif op[0] == 'remove':
            lines.append('table.remove(t%s)' % ('' if op[1] is None else ', %d' % op[1]))
        elif op[0] == 'poplast':
            lines.append('t[#t] = nil')
        lines.append('out(#t)')
    return '\n'.join(lines) + '\n'


def model_lengths(ctor, ops):
    narray, nhash, items = CONSTRUCTORS[ctor]
    t = Table(fb(narray), fb(nhash))
    if ctor in MULTRET_SIZE:
        t.resize(MULTRET_SIZE[ctor], 0)
    for k, v in items:
        t.set(k, v)
    out = []
    for op in ops:
        if op[0] == 'set':
            t.set(op[1], op[2])
        elif op[0] == 'append':
            t.set(float(t.length() + 1), op[1])
        elif op[0] == 'insert':
            t.insert(op[1], *op[2:])
        elif op[0] == 'remove':
            t.remove(op[1])
        elif op[0] == 'poplast':
            t.set(float(t.length()), None)
        out.append(t.length())
    return out


@pytest.fixture(scope='module')
def lua():
    engine = Engine()
    out = []
    engine.globals.hash['out'] = builtin(lambda args: out.append(int(args[0])) or (), 'out')
    engine.out = out
    return engine


def moonpatch_lengths(lua, source):
    del lua.out[:]
    ok, msg = lua.do_string(source, '=test')
    assert ok, msg
    return list(lua.out)


def cases(seed, count, deletions):
    rng = random.Random(seed)
    for _ in range(count):
        yield rng.choice(sorted(CONSTRUCTORS)), operations(rng, 60, deletions)


def test_without_deletions_the_length_is_lua51s(lua):
    for ctor, ops in cases(51, 300, deletions=False):
        source = lua_source(ctor, ops)
        assert moonpatch_lengths(lua, source) == model_lengths(ctor, ops), source


def test_with_deletions_the_length_is_a_border_and_mostly_lua51s(lua):
    same = 0
    for ctor, ops in cases(52, 100, deletions=True):
        source = lua_source(ctor, ops)
        got = moonpatch_lengths(lua, source)
        same += got == model_lengths(ctor, ops)
        border = 'assert(#t == 0 or t[#t] ~= nil) assert(t[#t + 1] == nil)\n'
        ok, msg = lua.do_string(source.replace('out(#t)', border), '=test')
        assert ok, msg + '\n' + source
    assert same >= 75        # measured: 84 of 100 (the layout guess misses the rest)


@pytest.mark.skipif(not shutil.which('lua5.1'), reason='needs lua5.1')
def test_the_model_is_lua51(tmp_path):
    path = tmp_path / 'prog.lua'
    for deletions, seed in ((False, 53), (True, 54)):
        for ctor, ops in cases(seed, 25, deletions):
            source = lua_source(ctor, ops).replace('out(#t)', "io.write(#t, ' ')")
            path.write_text(source)
            out = subprocess.run(['lua5.1', str(path)], capture_output=True, text=True).stdout
            assert list(map(int, out.split())) == model_lengths(ctor, ops), source
