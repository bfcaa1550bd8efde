"""table.sort is lua5.1's auxsort: the same comparator calls in the same order.
The call logs below were printed by lua5.1 (a comparator that records its
arguments), see also tests/lua/tablelib/sort_calls.lua."""
import random

import pytest

from moonpatch.engine import Engine
from moonpatch.lib.table import SORT_ERROR, auxsort
from moonpatch.runtime.errors import LibErr

# (input, calls as 'a<b') captured from lua5.1
LUA51_CALLS = [
    ([2, 1], ['1<2']),
    ([3, 2, 1], ['1<3', '2<1', '3<2']),
    ([3, 1, 2], ['2<3', '1<2']),
    ([4, 3, 2, 1, 5], ['5<4', '2<4', '3<4', '1<4', '4<4', '4<1', '1<2', '3<1', '2<3']),
    ([9, 8, 7, 6, 5, 4, 3, 2, 1],
     ['1<9', '5<1', '9<5', '8<5', '5<3', '7<5', '5<4', '6<5', '5<2', '6<5', '5<2', '9<7',
      '8<7', '9<8', '6<8', '8<8', '8<6', '6<7', '2<1', '3<1', '2<3', '4<2', '2<4', '2<1',
      '3<4']),
]


def sort_logged(values, lt=lambda a, b: a < b):
    a = [None] + list(values) + [None]
    calls = []

    def logged(x, y):
        calls.append(f'{x}<{y}')
        return lt(x, y)
    auxsort(a, 1, len(values), logged)
    return a[1:-1], calls


@pytest.mark.parametrize('values,calls', LUA51_CALLS)
def test_call_sequence_matches_lua51(values, calls):
    got, log = sort_logged(values)
    assert got == sorted(values)
    assert log == calls


def test_call_sequence_through_lua_matches_lua51():
    lua = Engine()
    code = ('local log = {} local t = {4, 3, 2, 1, 5} '
            'table.sort(t, function(a, b) log[#log + 1] = a .. "<" .. b return a < b end) '
            'return table.concat(log, " "), table.concat(t, " ")')
    f = lua.globals.hash.get('loadstring').gate([code])[0]
    log, result = f.gate([])
    assert log == '5<4 2<4 3<4 1<4 4<4 4<1 1<2 3<1 2<3'
    assert result == '1 2 3 4 5'


@pytest.mark.parametrize('n', [0, 1, 2, 3, 4, 5, 10, 100, 1000])
def test_sorts_like_python(n):
    rng = random.Random(n)
    values = [rng.randrange(50) for _ in range(n)]
    assert sort_logged(values)[0] == sorted(values)


def test_always_true_comparator_is_detected():
    a = [None, 4, 3, 2, 1, None]
    with pytest.raises(LibErr) as e:
        auxsort(a, 1, 4, lambda x, y: True)
    assert e.value.msg == SORT_ERROR


def test_bad_comparator_reads_one_past_the_end():
    # with '<=' on equal values the scan runs past a[up]: lua5.1 compares with t[n+1]
    a = [None, 5, 5, 1, 5, 5, 5, 5, None]
    seen = []

    def le(x, y):
        seen.append((x, y))
        if x is None or y is None:
            raise TypeError('compared with nil')
        return x <= y
    with pytest.raises(TypeError):
        auxsort(a, 1, 7, le)
    assert seen[-1] == (None, 5)


def test_comparator_may_yield():
    lua = Engine()
    code = ('local co = coroutine.wrap(function() local t = {3, 1, 2} '
            'table.sort(t, function(a, b) coroutine.yield(a) return a < b end) '
            'return "done", table.concat(t, " ") end) '
            'local n, r = 0 repeat n = n + 1 r = {co()} until r[1] == "done" return n, r[2]')
    f = lua.globals.hash.get('loadstring').gate([code])[0]
    n, result = f.gate([])
    assert result == '1 2 3'
    assert n == 3          # lua5.1 compares twice for {3, 1, 2}: two yields, then the end
