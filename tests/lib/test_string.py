"""The string library: string.format against lua5.1 (a committed corpus for
CI, hypothesis when lua5.1 is on PATH) and unit tests of what the Lua test
programs (tests/lua/stringlib/) cannot show well: C casts, size limits,
caches, string.dump.

Regenerate the format corpus with `python3 tests/lib/test_string.py`.
"""
import json
import math
import os
import random
import time

import pytest

from moonpatch.engine import Engine
from moonpatch.lib import string as strlib
from moonpatch.lib.auxlib import c_int, to_integer
from test_lpattern import LUA51, PRELUDE, run_lua51, run_moonpatch, write_corpus

HERE = os.path.dirname(os.path.abspath(__file__))
FORMAT_CORPUS = os.path.join(HERE, 'string_format_corpus.json')

FORMAT_DRIVER = PRELUDE + r'''
function run(fmt, v)
  if v == 'NOARG' then print(res(pcall(string.format, fmt)))
  else print(res(pcall(string.format, fmt, v))) end
end
'''


class Expr(str):
    """A value written as a Lua expression (nan, inf, -0, tables)."""


NUMBERS = [0.0, 1.0, -1.0, 7.0, 42.0, -42.0, 255.0, 256.0, 65.0, -191.0, 3.7, -3.7, 0.5, 2.5,
           -2.5, 1.5, 0.1, 1 / 3, 123.456, 1e-5, 1e-10, 12345.678, 1e15, 1e16, 123456789.0,
           2.0 ** 31, -2.0 ** 31, 2.0 ** 32 + 5, 2.0 ** 53 + 1, 2.0 ** 63, -2.0 ** 63, 2.0 ** 64,
           1e19, -1e19, 1e30, -1e30, 1e300, -1e300, 5e-324, 1e-300, 9.999999e-5, 0.000123456,
           99999.95, 999999.5, 1e100]
SPECIAL = [Expr('1/0'), Expr('-1/0'), Expr('0/0'), Expr('-(0/0)'), Expr('-tonumber("0")')]
STRINGS = ['', 'abc', 'hello world', '12', ' 0x1F ', '1e2', 'a\0b', '\0', 'quote"back\\slash',
           'line\nbreak\r\n', 'x' * 99, 'y' * 100, 'z\0' * 60, '\1\2\255', 'nan', '-5']
OTHERS = [Expr('nil'), Expr('true'), Expr('{}'), Expr('print'), Expr('"NOARG"')]
CONVS = 'diuoxXcefgEGsq'
BAD_CONVS = ['y', 'a', 'F', 'n', 'l', 'h', 'p', '\0', '%', '']


def random_spec(rng):
    nflags = rng.choice([0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 5]) if rng.random() < 0.97 else 6
    flags = ''.join(rng.choice('-+ #0') for _ in range(nflags))
    width = rng.choice(['', '', '', '', '1', '5', '8', '12', '20', '99', '0', '007'])
    prec = rng.choice(['', '', '', '', '.', '.0', '.1', '.2', '.3', '.6', '.10', '.20', '.99'])
    if rng.random() < 0.03:
        width, prec = rng.choice([('100', ''), ('', '.100'), ('5', '.123')])
    conv = rng.choice(CONVS) if rng.random() < 0.95 else rng.choice(BAD_CONVS)
    return '%' + flags + width + prec + conv


def random_value(rng, conv):
    r = rng.random()
    if r < 0.06:
        return rng.choice(OTHERS)
    if conv in 'sq' and r < 0.7 or r < 0.12:
        return rng.choice(STRINGS)
    if r < 0.2:
        return rng.choice(SPECIAL)
    if r < 0.3:
        return rng.uniform(-1e6, 1e6)
    return rng.choice(NUMBERS)


def random_format_case(rng):
    spec = random_spec(rng)
    fmt = rng.choice(['', '', '<', 'a%%b ']) + spec + rng.choice(['', '', '', '>', '>>', '%'])
    return (fmt, random_value(rng, spec[-1:]))


def format_cases(cases):
    """Cases as the driver takes them (Expr values become Lua expressions)."""
    return [(fmt, _LuaExpr(v) if isinstance(v, Expr) else v) for fmt, v in cases]


class _LuaExpr(float):
    """Smuggles an expression through lua_value (which writes repr(float))."""

    def __new__(cls, text):
        obj = float.__new__(cls, 0.0)
        obj.text = text
        return obj

    def __repr__(self):
        return '(%s)' % self.text


def _run_both(cases):
    cases = format_cases(cases)
    return run_lua51(cases, FORMAT_DRIVER), run_moonpatch(cases, FORMAT_DRIVER)


def _check(cases, want, got):
    bad = [(c, w, g) for c, w, g in zip(cases, want, got) if w != g]
    assert not bad, '%d of %d differ, first: %r' % (len(bad), len(cases), bad[:3])
    assert len(want) == len(got)


# ---- format against lua5.1 -----------------------------------------------------------

def load_corpus():
    with open(FORMAT_CORPUS, encoding='utf-8') as f:
        data = json.load(f)
    cases = [(fmt, Expr(v[1:]) if isinstance(v, str) and v.startswith('=') else v)
             for fmt, v in data['cases']]
    return cases, data['expected']


def test_format_corpus():
    cases, expected = load_corpus()
    assert len(cases) >= 300
    _check(cases, expected, run_moonpatch(format_cases(cases), FORMAT_DRIVER))


FIXED_FORMATS = [(f, v) for f in ('%d', '%5.2f', '%g', '%x', '%c', '%q', '%s', '%5.1s', '%i',
                                  '%+.3e', '%#o', '%#x', '%-8u', '%05d', '%.0d', '% d', '%#.0f',
                                  '%G', '%E', '%-5c', '%5c', '%%', '%', '%5', '%y', '%------d',
                                  '%100d', '%.100f', '%.f')
                 for v in (0.0, 65.0, -3.7, 2.0 ** 63, 'a\0b', Expr('0/0'), Expr('1/0'),
                           Expr('"NOARG"'))]


@pytest.mark.skipif(LUA51 is None, reason='lua5.1 is not on PATH')
def test_format_fixed_against_lua51():
    want, got = _run_both(FIXED_FORMATS)
    _check(FIXED_FORMATS, want, got)


@pytest.mark.skipif(LUA51 is None, reason='lua5.1 is not on PATH')
def test_format_random_against_lua51():
    hypothesis = pytest.importorskip('hypothesis')
    st = hypothesis.strategies

    @hypothesis.settings(max_examples=50, deadline=None, database=None,
                         phases=[hypothesis.Phase.generate],
                         suppress_health_check=list(hypothesis.HealthCheck))
    @hypothesis.given(st.lists(st.randoms(use_true_random=False), min_size=40, max_size=40))
    def check(rngs):
        cases = [random_format_case(rng) for rng in rngs]
        want, got = _run_both(cases)
        _check(cases, want, got)

    check()


def regenerate(n=1200, seed=5):
    rng = random.Random(seed)
    cases = FIXED_FORMATS + [random_format_case(rng) for _ in range(n)]
    want = run_lua51(format_cases(cases), FORMAT_DRIVER)
    stored = [(fmt, '=' + v if isinstance(v, Expr) else v) for fmt, v in cases]
    write_corpus(FORMAT_CORPUS, stored, want)
    print('%d cases written to %s' % (len(cases), FORMAT_CORPUS))


# ---- unit tests ----------------------------------------------------------------------

def test_c_casts():
    assert to_integer(3.9) == 3 and to_integer(-3.9) == -3
    for x in (2.0 ** 63, -2.0 ** 64, 1e300, math.inf, -math.inf, math.nan):
        assert to_integer(x) == -2 ** 63
    assert to_integer(-2.0 ** 63) == -2 ** 63
    assert to_integer(2.0 ** 63 - 1024) == 2 ** 63 - 1024
    assert c_int(to_integer(2.0 ** 32 + 1)) == 1
    assert c_int(to_integer(2.0 ** 31)) == -2 ** 31
    assert c_int(to_integer(-1.0)) == -1


@pytest.fixture(scope='module')
def lua():
    return Engine()


def run(lua, source):
    """The results of a chunk, or raise with the message."""
    ok, r = lua.do_string(source, '=test')
    assert ok, r
    return list(r)


def test_rep_refuses_huge_results_quickly(lua):
    t = time.perf_counter()
    r = run(lua, 'return pcall(string.rep, "abc", 2^30)')
    assert r == [False, 'not enough memory']
    r = run(lua, 'return pcall(string.rep, "ab", 2^30 + 1)')
    assert r == [False, 'not enough memory']
    assert time.perf_counter() - t < 2
    # counts are C ints: 2^32 + 2 repeats twice
    assert run(lua, 'return string.rep("ab", 2^32 + 2)') == ['abab']
    assert run(lua, 'return string.rep("", 2^31 - 1)') == ['']


def test_byte_result_limit(lua):
    assert run(lua, 'return select("#", string.byte(string.rep("a", 9000), 1, 7997))') == [7997.0]
    assert run(lua, 'return pcall(string.byte, string.rep("a", 9000), 1, 7998)') == [
        False, 'stack overflow (string slice too long)']


def test_dump_round_trip(lua):
    r = run(lua, '''
        local function f(a, b) local up = a return function() return up + b end end
        local d = string.dump(f)
        local g = loadstring(d)
        return type(d), g(1, 2)(), string.dump(f, true) ~= d, #string.dump(f, true) < #d''')
    assert r == ['string', 3.0, True, True]
    assert run(lua, 'return pcall(string.dump, print)') == [False, 'unable to dump given function']


def test_string_metatable(lua):
    assert run(lua, 'return ("x"):rep(3), ("%d|%s"):format(7, "a"), #("abc"):upper()') == [
        'xxx', '7|a', 3.0]
    assert run(lua, 'return getmetatable("").__index == string') == [True]


def test_case_mapping_is_ascii_only(lua):
    assert run(lua, 'return string.upper("a\\233z\\255"), string.lower("A\\201Z")') == [
        'A\xe9Z\xff', 'a\xc9z']


def test_gsub_speed(lua):
    # gsub/gmatch are hot paths: %w+ over 100 KB stays well under a second
    t = time.process_time()
    r = run(lua, '''
        local s = string.rep("hello world, this is 42 a test! ", 3200)
        local a, n1 = s:gsub("%w+", "<%0>")
        local b, n2 = s:gsub("%w+", function(w) return w end)
        local n3 = 0 for w in s:gmatch("%a+") do n3 = n3 + 1 end
        return #s, n1, n2, n3''')
    assert r == [102400.0, 22400.0, 22400.0, 19200.0]
    assert time.process_time() - t < 1.5


def test_format_and_pattern_caches_are_bounded(lua):
    run(lua, '''for i = 1, 2000 do
        string.format("%d" .. i, 1) string.find("x", "x" .. i .. "+") string.gsub("x", "x", i)
    end''')
    assert len(strlib._format_cache) <= 512
    assert len(strlib._gsub_plans) <= 512
    from moonpatch.lib import lpattern
    assert len(lpattern._cache) <= lpattern.CACHE_SIZE


if __name__ == '__main__':
    regenerate()
