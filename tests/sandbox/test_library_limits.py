"""The limits hold inside library functions whose work grows with their input.

Ticks come at function entries and loop back-edges only; a single library
call can run long or allocate a lot between two of them. Each script here
makes few ticks (well under the budget) and a lot of library work: it must
stop with the limit's error, which pcall cannot catch, and the runtime must
work afterwards. Without the charges the instruction and memory cases run
to their end, and the time cases run seconds past the timeout (or, for the
backtracking patterns, for hours).
"""
import contextlib
import importlib.util
import io
import json
import os
import time

import pytest

from moonpatch import LuaRuntime
from moonpatch.errors import LuaInstructionLimitError, LuaMemoryError, LuaTimeoutError
from moonpatch.lib import lpattern

TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

BIG = "local s = ('x'):rep(2^20) "          # 1 MB, made by one call
NUMBERS = 'local t = {} for i = 1, 20000 do t[i] = (i * 7919) % 20011 end '

# Scripts whose library calls do much more work than their ticks count:
# a budget of 200000 instructions is spent by the library alone.
WORK = {
    'rep': "for i = 1, 100 do local r = ('x'):rep(2^20) end",
    'concat_op': BIG + 'for i = 1, 100 do local r = s .. s end',
    'concat_op_chain': BIG + 'for i = 1, 100 do local r = s .. s .. s .. 1 end',
    'table_concat': BIG + 'local t = {s, s, s} for i = 1, 100 do table.concat(t) end',
    'format_s': BIG + "for i = 1, 100 do string.format('%s%s', s, s) end",
    'format_long_format': "local f = ('a%%'):rep(2^17) for i = 1, 100 do f:format() end",
    'upper': BIG + 'for i = 1, 100 do s:upper() end',
    'lower': BIG + 'for i = 1, 100 do s:lower() end',
    'reverse': BIG + 'for i = 1, 100 do s:reverse() end',
    'sub': BIG + 'for i = 1, 100 do s:sub(2) end',
    'byte': BIG + 'for i = 1, 100 do s:byte(1, 7000) end',
    'char': BIG + 'local b = {s:byte(1, 7000)} for i = 1, 100 do string.char(unpack(b)) end',
    'unpack': 'local t = {} for i = 1, 7000 do t[i] = i end for i = 1, 100 do unpack(t) end',
    'select': "local t = {('x'):byte(1, -1)} for i = 1, 7000 do t[i] = i end "
              'for i = 1, 100 do select(2, unpack(t)) end',
    'find_plain': BIG + "for i = 1, 100 do s:find('y', 1, true) end",
    'find_regex': BIG + "for i = 1, 100 do s:find('x%d') end",
    'match_literal': BIG + "for i = 1, 100 do s:match('y') end",
    'gsub_literal': BIG + "for i = 1, 100 do s:gsub('x', 'xx') end",
    'gsub_pattern': BIG + "for i = 1, 100 do s:gsub('%w', '%0%0') end",
    'gsub_table': BIG + "for i = 1, 100 do s:gsub('x', {}) end",
    'gsub_captures': BIG + "for i = 1, 100 do s:gsub('(x)(%d?)', '%2%1') end",
    'sort': NUMBERS + 'table.sort(t)',
    'sort_with_nan': NUMBERS + 't[500] = 0/0 pcall(table.sort, t)',
    'sort_library_comparator': NUMBERS + 'table.sort(t, rawequal)',
    'insert': NUMBERS + 'for i = 1, 100 do table.insert(t, 1, i) end',
    'remove': NUMBERS + 'for i = 1, 100 do table.remove(t, 1) end',
    'maxn': NUMBERS + 'for i = 1, 100 do table.maxn(t) end',
    'foreachi': NUMBERS + 'for i = 1, 20 do table.foreachi(t, getmetatable) end',
    'foreach': NUMBERS + 'for i = 1, 20 do table.foreach(t, getmetatable) end',
    'pattern_compile': "local p = ('x'):rep(2^20) for i = 1, 100 do p = p .. 'y' p:find(p) end",
}

# Patterns that backtrack for hours in C: they must stop at every limit.
BACKTRACKING = {
    'find_issue_example': "string.find(('a'):rep(40), ('a*'):rep(40) .. 'b')",
    'find_1mb_a_star_b': "string.find(('a'):rep(2^20), 'a*b')",
    'match_lazy': "string.match(('a'):rep(2^20), '(a-)b')",
    'gmatch': "for w in ('a'):rep(2^20):gmatch('a*b') do end",
    'gsub': "(('a'):rep(2^20)):gsub('a*b', '')",
    'gsub_function': "(('a'):rep(2^20)):gsub('a*b', print)",
    'find_nested_optional': "string.find(('a'):rep(60), ('a?'):rep(60) .. ('a'):rep(60) .. 'b')",
}

# Single calls that make more than max_memory from inputs within it.
MEMORY = {
    'rep': "local r = ('x'):rep(2^24)",
    'concat_op': BIG + 'local r = s .. s .. s .. s .. s .. s .. s .. s .. s',
    'concat_op_pair': "local s = ('x'):rep(5 * 2^20) local r = s .. s",
    'concat_op_numbers': BIG + 'local r = s .. 1 .. s .. 2 .. s .. 3 .. s .. 4 .. s .. 5 .. s'
                               ' .. 6 .. s .. 7 .. s .. 8 .. s',
    'table_concat': BIG + 'local r = table.concat({s, s, s, s, s, s, s, s, s})',
    'format': BIG + "local r = string.format(('%s'):rep(9), s, s, s, s, s, s, s, s, s)",
    'upper': "local s = ('x'):rep(5 * 2^20) local r = s:upper()",
    'reverse': "local s = ('x'):rep(5 * 2^20) local r = s:reverse()",
    'sub': "local s = ('x'):rep(5 * 2^20) local r = s:sub(2)",
    'gsub_literal': BIG + "local r = s:gsub('x', ('y'):rep(10))",
    'gsub_pattern': BIG + "local r = s:gsub('%w', ('%0'):rep(10))",
    'gsub_function': BIG + "local y = ('y'):rep(10) local r = s:gsub('x', function() return y end)",
    'gsub_captures': BIG + "local r = s:gsub('(x)', ('%1'):rep(7))",
}

LIMITS = {
    'instructions': (dict(max_instructions=200000), LuaInstructionLimitError),
    'time': (dict(timeout=0.2), LuaTimeoutError),
    'memory': (dict(max_memory=8 << 20), LuaMemoryError),
}


def stops(kind, script):
    """Run script under the limit `kind` inside a pcall: it must stop with
    the limit's error (not caught), and the runtime must work after."""
    options, error = LIMITS[kind]
    lua = LuaRuntime(**options)
    with pytest.raises(error):
        lua.execute('pcall(function() %s end) caught = true' % script)
    assert lua.globals().caught is None
    assert lua.execute('return ("ab"):rep(3) .. #{1, 2}') == 'ababab2'


@pytest.mark.parametrize('name', sorted(WORK))
def test_library_work_counts_as_instructions(name):
    stops('instructions', WORK[name])


@pytest.mark.parametrize('name', sorted(BACKTRACKING))
def test_backtracking_stops_at_the_instruction_limit(name):
    stops('instructions', BACKTRACKING[name])


@pytest.mark.parametrize('name', sorted(BACKTRACKING))
def test_backtracking_stops_at_the_timeout(name):
    stops('time', BACKTRACKING[name])


@pytest.mark.parametrize('name', sorted(BACKTRACKING))
def test_backtracking_stops_at_a_deadline_given_per_call(name):
    lua = LuaRuntime(max_memory=64 << 20)
    with pytest.raises(LuaTimeoutError):
        lua.execute(BACKTRACKING[name], timeout=0.1)


@pytest.mark.parametrize('name', ['rep', 'upper', 'concat_op', 'gsub_pattern', 'sort'])
def test_long_library_calls_reach_the_clock(name):
    """Fewer ticks than the clock is looked at (every limits.INTERVAL), and
    each call long: the calls must look at it."""
    script = 'for i = 1, 1e9 do %s end' % WORK[name].replace('for i = 1, 100 do', 'do')
    stops('time', script)


@pytest.mark.parametrize('name', sorted(MEMORY))
def test_library_results_are_charged_before_they_are_made(name):
    stops('memory', MEMORY[name])


def test_a_memory_limit_gives_the_partial_result_back():
    lua = LuaRuntime(max_memory=8 << 20)
    with pytest.raises(LuaMemoryError):
        lua.execute(MEMORY['gsub_pattern'])
    lua.execute(BIG + 'keep = s:upper()')       # 2 MB live: fits again


# ---- without limits (and under generous ones) the results are Lua's -------------------

def run_with_stdout(lua, source, chunkname):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        lua.execute(source, name=chunkname)
    return out.getvalue()


def test_large_results_program_under_limits():
    """tests/lua/stringlib/large_results.lua gives lua5.1's output under
    limits too, where its patterns on long subjects run on the Matcher."""
    path = os.path.join(TESTS, 'lua', 'stringlib', 'large_results.lua')
    with open(path, encoding='latin-1') as f:
        source = f.read()
    with open(path[:-4] + '.expected', encoding='latin-1') as f:
        expected = f.read()
    lua = LuaRuntime(encoding='latin-1', max_instructions=10 ** 9, max_memory=1 << 30,
                     timeout=600)
    assert run_with_stdout(lua, source, '@large_results.lua') == expected


def _lpattern_tests():
    spec = importlib.util.spec_from_file_location(
        'lpattern_tests', os.path.join(TESTS, 'lib', 'test_lpattern.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pattern_corpus_on_the_matcher(monkeypatch):
    """The lua5.1 corpus of tests/lib gives the same results where a budget
    sends every pattern with repeats to the Matcher."""
    tests = _lpattern_tests()
    with open(tests.CORPUS, encoding='utf-8') as f:
        corpus = json.load(f)
    cases = [tuple(c) for c in corpus['cases']]
    monkeypatch.setattr(lpattern, 'RE_STEPS_BITS', 0)
    lpattern._cache.clear()
    lpattern._gcache.clear()
    lua = LuaRuntime(encoding='latin-1', max_instructions=10 ** 9)
    got = run_with_stdout(lua, tests.program(cases, tests.DRIVER), '=driver').splitlines()
    bad = [(c, w, g) for c, w, g in zip(cases, corpus['expected'], got) if w != g]
    assert not bad, '%d of %d differ; first: %r' % (len(bad), len(cases), bad[0])
    assert len(got) == len(corpus['expected'])


def test_regex_runs_where_its_worst_case_is_short():
    """Under a budget the regex keeps subjects where its backtracking is
    bounded (short subjects, short runs of the repeats' characters, and
    patterns without repeats); the Matcher takes the rest."""
    lua = LuaRuntime(max_instructions=10 ** 9)
    words = 'abc ' * 250_000                  # 1 MB, runs of 3 letters
    with lua.limited():
        short = lpattern.compile_pattern('a*b')
        assert short.searcher('a' * 100) is short.scan
        assert short.searcher('a' * 10 ** 6) == short.matcher.search
        assert short.searcher(words) is short.scan
        fixed = lpattern.compile_pattern('a.b')
        assert fixed.searcher('a' * 10 ** 6) is fixed.scan
        nested = lpattern.compile_pattern('%a*%a*%a*%a*%a*%a*%a*%a*%a*%a*%a*%a*b')
        assert nested.searcher(words) == nested.matcher.search
        # the first repeat's choices are those of the run where it starts
        mails = ''.join('user%d@host.org ' % i for i in range(20000))
        pair = lpattern.compile_pattern('(%w+)@(%w+)')
        assert pair.searcher(mails) is pair.scan
        assert pair.searcher('a' * 10 ** 5 + '@') == pair.matcher.search
        # and each choice of an optional item before it starts one more time
        optional = lpattern.compile_pattern('a?' * 12 + 'a*b')
        assert optional.searcher('a' * 1000) == optional.matcher.search
    assert short.searcher('a' * 10 ** 6) == short.search          # no budget: the regex


def test_instruction_charges_are_proportional():
    """The charge follows the work: a call on 8 times the input costs about
    8 times the instructions (one per 64 bytes or per element)."""
    def spent(script):
        for budget in (2 ** k for k in range(10, 30)):
            try:
                LuaRuntime(max_instructions=budget).execute(script)
                return budget
            except LuaInstructionLimitError:
                pass
    small = spent("local s = ('x'):rep(2^17) local r = s:upper()")
    large = spent("local s = ('x'):rep(2^20) local r = s:upper()")
    assert 4 <= large / small <= 16


def test_no_charge_is_seen_without_limits():
    """An unlimited runtime runs the same heavy calls to their end."""
    lua = LuaRuntime()
    start = time.perf_counter()
    assert lua.execute("return #(('x'):rep(2^20):upper() .. ('y'):rep(2^20))") == 2 ** 21
    assert lua.execute("return string.find(('a'):rep(4000) .. 'b', 'a*b')") == (1, 4001)
    assert time.perf_counter() - start < 10
