"""lj_num2bit (2^52+2^51 added, low 32 bits kept): values printed by luajit's
bit.tobit, and the fast path for integers agreeing with the exact one."""
import random

import pytest

from moonpatch.lib.bit import _DOUBLE, _LOW32, BIAS, num2bit

LUAJIT_TOBIT = [
    (0.5, 0), (1.5, 2), (2.5, 2), (-0.5, 0), (-1.5, -2), (2.0 ** 31, -2147483648),
    (2.0 ** 32 + 1, 1), (-1.0, -1), (2.0 ** 52 + 1, 0), (2.0 ** 53 + 2, 1), (1e300, -2013235812),
    (-2.0 ** 60 - 3, 0), (4294967295.5, 0), (float('inf'), 0), (float('nan'), 0),
    (5e-324, 0), (6755399441055744.0, 0), (-6755399441055744.0, 0),
]


@pytest.mark.parametrize('x,expected', LUAJIT_TOBIT)
def test_tobit_matches_luajit(x, expected):
    assert num2bit(x) == expected


def test_integer_fast_path_equals_the_double_trick():
    rng = random.Random(1)
    for _ in range(2000):
        x = float(rng.randrange(-2 ** 51 + 1, 2 ** 51))
        assert num2bit(x) == _LOW32.unpack(_DOUBLE.pack(x + BIAS))[0]
