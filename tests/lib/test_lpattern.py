"""Lua patterns against lua5.1: random patterns and subjects run through
string.find/match/gmatch/gsub on both engines, compared line by line.

- test_corpus: a committed corpus of cases with lua5.1's results
  (lpattern_corpus.json), so the comparison runs in CI without lua5.1;
- test_random_against_lua51: hypothesis generates new cases and runs
  lua5.1 itself (skipped when lua5.1 is not on PATH);
- unit tests of the compiler (regex/Matcher choice, deep patterns).

Regenerate the corpus with `python3 tests/lib/test_lpattern.py` (needs lua5.1).
"""
import io
import json
import math
import os
import random
import shutil
import subprocess

import pytest

from moonpatch.engine import Engine
from moonpatch.lib import lpattern

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, 'lpattern_corpus.json')
LUA51 = shutil.which('lua5.1')

# The drivers print one line per case. They show values with string.byte/char,
# tostring and concatenation only, so that what they print does not depend
# much on the functions under test. PRELUDE is shared with test_string.py.
PRELUDE = r'''
local byte, char, tostring, select, pcall = string.byte, string.char, tostring, select, pcall
local function enc(v)
  if type(v) ~= 'string' then return tostring(v) end
  local out = '"'
  for i = 1, #v do
    local c = byte(v, i)
    if c >= 32 and c < 127 and c ~= 92 and c ~= 34 then out = out .. char(c)
    else out = out .. '\\' .. c .. ';' end
  end
  return out .. '"'
end
local function pack(...)
  local n = select('#', ...)
  local out = ''
  for i = 1, n do out = out .. (i > 1 and ',' or '') .. enc((select(i, ...))) end
  return out
end
local function res(ok, ...)
  if ok then return 'ok ' .. pack(...) end
  return 'error ' .. enc((...))
end
'''

DRIVER = PRELUDE + r'''
local function fcat(...)
  local out = '['
  for i = 1, select('#', ...) do out = out .. enc((select(i, ...))) end
  return out .. ']'
end
local function numkey(t, k) return type(k) == 'number' and 'N' .. k or nil end
local tbl = setmetatable({a = 'A', ab = false, ['1'] = 'one'}, {__index = numkey})
function run(op, s, p, x, y)
  local line
  if op == 'find' then line = res(pcall(string.find, s, p, x, y))
  elseif op == 'match' then line = res(pcall(string.match, s, p, x))
  elseif op == 'gmatch' then
    local ok, it = pcall(string.gmatch, s, p)
    line = ''
    for i = 1, 40 do
      local r = res(pcall(it))
      line = line .. r .. ';'
      if r == 'ok ' or r:sub(1, 5) == 'error' then break end
    end
  else
    local repl = x
    if x == 'F' then repl = fcat elseif x == 'T' then repl = tbl end
    line = res(pcall(string.gsub, s, p, repl, y))
  end
  print(line)
end
'''


def lua_literal(s):
    """A Lua string literal for s that both lexers read the same way."""
    out = ['"']
    for c in s:
        o = ord(c)
        safe = c.isascii() and (c.isalnum() or c in ' _.,;:()[]^$*+?-%=<>!#&|~@{}/')
        out.append(c if safe else '\\%03d' % o)
    return ''.join(out) + '"'


def lua_value(v):
    if v is None:
        return 'nil'
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, float) and v == 0 and math.copysign(1.0, v) < 0:
        return '(-tonumber("0"))'     # a literal -0 is +0 in lua5.1 (constant slot)
    if isinstance(v, (int, float)):
        return repr(v)
    return lua_literal(v)


def program(cases, driver=DRIVER):
    """The driver, then run(...) for each case (a tuple of Lua values)."""
    lines = [driver]
    for case in cases:
        lines.append('run(%s)' % ', '.join(map(lua_value, case)))
    return '\n'.join(lines) + '\n'


def run_lua51(cases, driver=DRIVER):
    r = subprocess.run([LUA51, '-'], input=program(cases, driver).encode('latin-1'),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
    return r.stdout.decode('latin-1').splitlines()


_engine = None


def run_moonpatch(cases, driver=DRIVER):
    global _engine
    if _engine is None:
        _engine = Engine()
    out = io.BytesIO()
    _engine.state.stdout = out
    ok, msg = _engine.do_string(program(cases, driver), '=driver')
    assert ok, msg
    return out.getvalue().decode('latin-1').splitlines()


def write_corpus(path, cases, expected):
    """A JSON corpus with one case per line."""
    with open(path, 'w', encoding='utf-8') as f:
        f.write('{"generated_by": "lua5.1",\n"cases": [\n')
        f.write(',\n'.join(json.dumps(list(c)) for c in cases))
        f.write('],\n"expected": [\n')
        f.write(',\n'.join(json.dumps(e) for e in expected))
        f.write(']}\n')


# ---- case generation --------------------------------------------------------------

ATOMS = ['a', 'b', 'c', 'a', 'b', '.', '%a', '%d', '%s', '%w', '%A', '%S', '%p', '%x', '%l',
         '%u', '%c', '%z', '%Z', '%W', '%D', '%%', '%.', '%-', '%]', '%(', '[ab]', '[^ab]',
         '[a-c]', '[%d_]', '[]]', '[^]a]', '[a-]', '[%a-z]', '[c-a]', '[', ']', '(', ')', '(',
         ')', '()', '%1', '%2', '%0', '%b()', '%bab', '%bxx', '%b', '%f[%w]', '%f[^a]',
         '%f[%z]', '%f[a-c]', '%f[%Z]', '%f', '%fa', '^', '$', '*', '+', '-', '?', '%',
         '\0', ' ', '1', 'x', '%[', '[%]', '[a%]b]']
QUANTS = ['', '', '', '', '*', '+', '-', '?']
SUBJECT_CHARS = 'aabbc1 ()_-.%[]^$x\0\n'
REPLS = ['<%0>', '%1', '%2', '%1-%1', 'x%%y', '%', '%x', '', 'F', 'T', 7.0, '%9']


def random_pattern(rng):
    parts = ['^'] if rng.random() < 0.15 else []
    for _ in range(rng.randrange(0, 7)):
        parts.append(rng.choice(ATOMS) + rng.choice(QUANTS))
    if rng.random() < 0.1:
        parts.append('$')
    return ''.join(parts)


def random_subject(rng):
    return ''.join(rng.choice(SUBJECT_CHARS) for _ in range(rng.randrange(0, 16)))


def random_case(rng):
    op = rng.choice(['find', 'find', 'match', 'gmatch', 'gsub', 'gsub'])
    s, p = random_subject(rng), random_pattern(rng)
    x = y = None
    if op in ('find', 'match') and rng.random() < 0.3:
        x = float(rng.randrange(-5, 8))
    if op == 'find' and rng.random() < 0.1:
        y = True
    if op == 'gsub':
        x = rng.choice(REPLS)
        if rng.random() < 0.2:
            y = float(rng.randrange(-1, 4))
    return (op, s, p, x, y)


# Hand-written cases for what random generation hits rarely.
FIXED_CASES = [
    ('find', 'aaa', 'a?' * 60 + 'a' * 3, None, None),
    ('match', 'x' * 400, '(' + 'x?' * 400 + ')', None, None),
    ('gsub', 'hello world', '%w+', '%0 %0', None),
    ('gsub', 'abc', '%w*', '-', None),
    ('gsub', 'xx', 'x-', '-', None),
    ('gsub', 'abc', '', '-', None),
    ('gmatch', 'abc', '%a*', None, None),
    ('gmatch', 'a^b^c', '^%a', None, None),
    ('find', 'THE (quick) fox', '%f[%a]%a+', 5.0, None),
    ('find', 'a\0b', '\0b', None, None),
    ('find', 'a.b\0c', '.\0c', None, None),
    ('match', 'f(a(b)c)d', '%b()', None, None),
    ('gsub', 'f(a(b)c)d (e)', '%b()', '[%0]', None),
    ('find', 'abc', '', 10.0, None),
    ('find', 'abc', '', -10.0, None),
    ('match', 'hello', '()ll()', None, None),
    ('find', 'aaa', '()%1', None, None),
    ('find', 'xbc', 'x[', None, None),
    ('find', 'abc', 'x[', None, None),
    ('gsub', 'abc', '(', 'x', None),
    ('gsub', 'abc', '(', '%1', None),
    ('gsub', 'abc', 'b', '%', None),
    ('match', 'a' * 40, '(a)' * 33, None, None),
    ('match', 'a' * 40, '(a)' * 32, None, None),
    ('find', 'a+b', 'a+b', None, True),
    ('find', 'a+b', '+', None, None),
    ('gsub', 'abc', '.', 'T', None),
    ('gsub', 'a1b', '()%d()', 'F', None),
    ('gsub', 'a1b', '()', 'T', None),
    ('gsub', 'hello', 'l+', 'F', 0.0),
    ('gsub', 'x=1, y=2', '(%w+)=(%w+)', '%2=%1', None),
    ('gsub', 'abc', '%w', '%1', None),
    ('gsub', 'abc', '%w', '%2', None),
    ('gsub', 'a\nb\n', '$', '!', None),
    ('find', 'a\n', 'a$', None, None),
    ('gsub', 'abc', '^', '-', None),
    ('gsub', 'abc', '$', '-', None),
    ('find', '\255\128', '[\128-\255]+', None, None),
    ('find', '\233', '%a', None, None),
    ('find', '\178', '%d', None, None),
]


def _compare(cases):
    want = run_lua51(cases)
    got = run_moonpatch(cases)
    for case, w, g in zip(cases, want, got):
        assert g == w, 'case %r' % (case,)
    assert len(got) == len(want)


# ---- tests ------------------------------------------------------------------------

def load_corpus():
    with open(CORPUS, encoding='utf-8') as f:
        data = json.load(f)
    return [tuple(c) for c in data['cases']], data['expected']


def test_corpus():
    cases, expected = load_corpus()
    assert len(cases) >= 300
    got = run_moonpatch(cases)
    bad = [(c, w, g) for c, w, g in zip(cases, expected, got) if w != g]
    assert not bad, '%d of %d differ; first: %r' % (len(bad), len(cases), bad[0])
    assert len(got) == len(expected)


@pytest.mark.skipif(LUA51 is None, reason='lua5.1 is not on PATH')
def test_fixed_cases_against_lua51():
    _compare(FIXED_CASES)


def case_strategy(st):
    """Hypothesis strategy for one case (op, subject, pattern, x, y)."""
    atom = st.tuples(st.sampled_from(ATOMS), st.sampled_from(QUANTS)).map(''.join)
    pattern = st.tuples(st.sampled_from(['', '', '', '^']), st.lists(atom, max_size=7),
                        st.sampled_from(['', '', '', '$'])).map(
        lambda t: t[0] + ''.join(t[1]) + t[2])
    subject = st.text(alphabet=SUBJECT_CHARS, max_size=16)
    init = st.one_of(st.none(), st.integers(-5, 8).map(float))
    return st.one_of(
        st.tuples(st.just('find'), subject, pattern, init, st.sampled_from([None, True])),
        st.tuples(st.just('match'), subject, pattern, init, st.none()),
        st.tuples(st.just('gmatch'), subject, pattern, st.none(), st.none()),
        st.tuples(st.just('gsub'), subject, pattern, st.sampled_from(REPLS),
                  st.one_of(st.none(), st.integers(-1, 3).map(float))))


@pytest.mark.skipif(LUA51 is None, reason='lua5.1 is not on PATH')
def test_random_against_lua51():
    hypothesis = pytest.importorskip('hypothesis')
    st = hypothesis.strategies

    # no shrinking: the assertion names the failing case, and each run costs a lua5.1 process
    @hypothesis.settings(max_examples=80, deadline=None, database=None,
                         phases=[hypothesis.Phase.generate],
                         suppress_health_check=list(hypothesis.HealthCheck))
    @hypothesis.given(st.lists(case_strategy(st), min_size=25, max_size=25))
    def check(cases):
        _compare(cases)

    check()


def test_regex_or_matcher():
    # ordinary patterns run as Python regexes; %b, errors and open captures on the Matcher
    assert lpattern.compile_pattern('(%w+)=(%w+)').rx is not None
    assert lpattern.compile_pattern('%f[%w]%w+$').rx is not None
    assert lpattern.compile_pattern('%b()').rx is None
    assert lpattern.compile_pattern('a[').rx is None
    assert lpattern.compile_pattern('(a').rx is None
    assert lpattern.compile_pattern('abc').literal == 'abc'
    assert lpattern.compile_pattern('a.c').literal is None
    # the pattern ends at its first zero byte
    assert lpattern.compile_pattern('a\0+').literal == 'a'


def test_compiled_patterns_are_cached():
    p = lpattern.compile_pattern('%d+x')
    assert lpattern.compile_pattern('%d+x') is p
    # gmatch reads '^' as a character: a separate compilation
    assert lpattern.compile_pattern('^a', gmatch=True) is not lpattern.compile_pattern('^a')
    assert lpattern.compile_pattern('^a', gmatch=True).anchored is False


def _vm(pat):
    items, caps = lpattern.parse(pat.split('\0')[0], 0)
    return lpattern.Matcher(items, len(caps), False)


def test_matcher_deep_patterns_do_not_recurse():
    # 5.1 recurses in C per '?', capture and backtracking step; the Matcher keeps a list
    n = 5000
    m = _vm('a?' * n + 'b%b()').search('a' * n + 'b()', 0)
    assert m.span() == (0, n + 3)
    m = _vm('a?' * n + 'b%b()').search('a' * (n // 2) + 'b()', 0)
    assert m.span() == (0, n // 2 + 3)
    m = _vm('(' * 32 + 'x' + ')' * 32 + '%bxy').search('xxy', 0)
    assert m.span() == (0, 3)
    assert _vm('a-b' * 200 + '%b()').search('ab' * 200 + '()', 0).span() == (0, 402)


def test_matcher_agrees_with_regex_backend():
    rng = random.Random(5)
    for _ in range(3000):
        pat = random_pattern(rng)
        subject = random_subject(rng)
        compiled = lpattern.compile_pattern(pat)
        if compiled.rx is None or compiled.anchored:
            continue
        vm = _vm(pat)
        m1 = compiled.rx.search(subject, 0)
        m2 = vm.search(subject, 0)
        assert (m1 is None) == (m2 is None), (pat, subject)
        if m1 is not None:
            assert m1.span() == m2.span(), (pat, subject)
            for i in range(1, compiled.ncap + 1):
                assert m1.span(i)[0] == m2.start(i), (pat, subject, i)
                if i not in compiled.poscaps:
                    assert m1.group(i) == m2.group(i), (pat, subject, i)


def test_subn_agrees_with_gsub_loop():
    # gsub uses re.subn where Pattern.subn_safe says it walks the subject as 5.1 does
    from moonpatch.lib.string import _gsub_loop
    rng = random.Random(7)
    checked = 0
    for _ in range(4000):
        pat = random_pattern(rng)
        subject = random_subject(rng) * rng.choice([1, 1, 3])
        compiled = lpattern.compile_pattern(pat)
        if not compiled.subn_safe or compiled.poscaps:
            continue
        want = _gsub_loop(subject, compiled, ['<', 0, '>'], len(subject) + 1)
        got = compiled.rx.subn('<\\g<0>>', subject)
        assert (got[0], float(got[1])) == want, (pat, subject)
        checked += 1
    assert checked > 500


def regenerate(n=700, seed=51):
    rng = random.Random(seed)
    cases = list(FIXED_CASES) + [random_case(rng) for _ in range(n)]
    expected = run_lua51(cases)
    assert len(expected) == len(cases)
    write_corpus(CORPUS, cases, expected)
    print('%d cases written to %s' % (len(cases), CORPUS))


if __name__ == '__main__':
    regenerate()


def _naive_balance(s, i, b, e):
    """matchbalance as lstrlib.c scans it."""
    if i >= len(s) or s[i] != b:
        return -1
    cont = 1
    for j in range(i + 1, len(s)):
        if s[j] == e:
            cont -= 1
            if cont == 0:
                return j + 1
        elif s[j] == b:
            cont += 1
    return -1


def test_balance_ends_agree_with_matchbalance():
    rng = random.Random(5)
    for _ in range(300):
        s = ''.join(rng.choice('(()x') for _ in range(rng.randint(0, 40)))
        ends = lpattern.balance_ends(s, '(', ')')
        for i in range(len(s) + 1):
            assert ends.get(i, -1) == _naive_balance(s, i, '(', ')'), (s, i)


def _find_seconds(subject, pat):
    lua = Engine()
    loaded = lua.load('local s, p = ... local t = os.clock() string.find(s, p) '
                      'string.gsub(s, p, "") return os.clock() - t', '=timing')
    ok, r = lua.call(loaded[0], [subject, pat])
    assert ok, r
    return r[0]


@pytest.mark.parametrize('unit, pat', [('(', '%b()'), ('((x)', '%b()'), ('(', 'x%b()'),
                                       ('1', '%f[%a]'), ('a', '^(.-)$'), ('ab', '(a*)')])
def test_matching_is_linear(unit, pat):
    """Where lua5.1 is linear in the subject, so is moonpatch (%b in text
    that never balances was quadratic with a large constant: 200x lua5.1
    at 10^4 characters): 8 times the text may take at most ~3x8 the time."""
    n = 2000
    small = min(_find_seconds(unit * n, pat) for _ in range(3))
    big = _find_seconds(unit * (8 * n), pat)
    assert big < 24 * max(small, 2e-3), (pat, small, big)
