"""Numerals are read in linear time: a long run of digits that turns out to
be malformed (or not a number) must not make the lexer or tonumber
quadratic. Each check times inputs of size n and 8n (best of three); a
quadratic reading takes 64 times longer, a linear one about 8. A check
that fails is timed again (twice at most): the machine may be busy."""
import time

import pytest

from moonpatch import LuaRuntime
from moonpatch.errors import LuaSyntaxError
from moonpatch.frontend.codegen import compile_chunk
from moonpatch.runtime.values import str_to_number

N = 30000
LINEAR = 32         # the largest ratio accepted for 8 times the input


def best_time(fn, arg):
    best = None
    for _ in range(3):
        t = time.perf_counter()
        fn(arg)
        t = time.perf_counter() - t
        best = t if best is None else min(best, t)
    return best


def assert_linear(fn, make):
    small_input, large_input = make(N), make(8 * N)
    for _ in range(3):
        small, large = best_time(fn, small_input), best_time(fn, large_input)
        if large < LINEAR * max(small, 1e-4):
            return
    raise AssertionError('%.4f s for n, %.4f s for 8n' % (small, large))


def compile_source(src):
    try:
        compile_chunk(src, '=x')
    except LuaSyntaxError:
        pass


@pytest.mark.parametrize('make', [
    lambda n: 'x = ' + '1' * n + 'z',
    lambda n: 'x = ' + '1' * n + '.' + '1' * n + 'e',
    lambda n: 'x = .' + '5' * n + 'e+',
    lambda n: 'x = 0x' + 'f' * n + '.' + 'f' * n + 'p-x',
    lambda n: 'x = 0x' + 'f' * n + 'g',
], ids=['digits-name', 'fraction-e', 'dot-fraction', 'hex-float', 'hex-name'])
def test_lexer_numerals_linear(make):
    assert_linear(compile_source, make)


@pytest.mark.parametrize('make', [
    lambda n: '1' * n + 'x',
    lambda n: ' 0x' + 'f' * n + 'g',
    lambda n: '1' * n + '.' + '1' * n + 'e',
    lambda n: '0x.' + 'f' * n + 'p',
], ids=['digits-x', 'hex-g', 'fraction-e', 'hex-fraction-p'])
def test_tonumber_linear(make):
    assert_linear(str_to_number, make)


@pytest.mark.parametrize('base', [2, 7, 10, 16, 36])
def test_tonumber_base_linear(base):
    tonumber = LuaRuntime().eval('tonumber')
    assert_linear(lambda s: tonumber(s, base), lambda n: '1' * n)
    if base != 10:          # base 10 reads as strtod does
        assert tonumber('1' * 100, base) == 2.0 ** 64


def test_overflowing_numerals_are_inf():
    assert str_to_number('0x1p1024') == float('inf')
    assert str_to_number('-0x' + 'f' * 300) == float('-inf')
    assert str_to_number('0x1p-99999999999999999999') == 0.0
