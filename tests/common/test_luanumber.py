"""Lua's / % ^ on floats (common/luanumber.py), with the results lua5.1 gives
(C's double arithmetic on x86-64)."""
import math

import pytest

from moonpatch.common.luanumber import div, mod, pow
from moonpatch.runtime.values import number_to_str

INF = math.inf


def show(x):
    return number_to_str(x)


@pytest.mark.parametrize('a,b,text', [
    (1.0, 0.0, 'inf'), (-1.0, 0.0, '-inf'), (1.0, -0.0, '-inf'), (0.0, 0.0, '-nan'),
    (6.0, 3.0, '2'), (1.0, 3.0, '0.33333333333333'),
])
def test_division(a, b, text):
    assert show(div(a, b)) == text


@pytest.mark.parametrize('a,b,text', [
    (5.0, 3.0, '2'), (-5.0, 3.0, '1'), (5.0, -3.0, '-1'), (-5.0, -3.0, '-2'),
    (5.5, 2.0, '1.5'), (5.0, 0.0, '-nan'), (-5.0, 0.0, '-nan'), (INF, 2.0, '-nan'),
    (5.0, INF, '-nan'),
])
def test_modulo_is_a_minus_floor_a_over_b_times_b(a, b, text):
    assert show(mod(a, b)) == text


@pytest.mark.parametrize('a,b,text', [
    (2.0, 10.0, '1024'), (2.0, 0.5, '1.4142135623731'), (-8.0, 1.0 / 3, '-nan'),
    (0.0, -1.0, 'inf'), (-0.0, -1.0, '-inf'), (10.0, 400.0, 'inf'), (-10.0, 401.0, '-inf'),
    (2.0, -1080.0, '0'),
])
def test_power_is_c_pow(a, b, text):
    assert show(pow(a, b)) == text
