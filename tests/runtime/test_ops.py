"""Arithmetic, comparison and concatenation slow paths (runtime/ops.py),
with the results lua5.1 gives."""
import pytest

from moonpatch.errors import LuaError
from moonpatch.runtime import ops


def test_arith_coerces_strings():
    assert ops.arith('10', 1.0, '__add') == 11.0
    assert ops.arith('0x10', '1', '__mul') == 16.0


def test_arith_error_names_the_bad_operand():
    with pytest.raises(LuaError) as e:
        ops.arith(1.0, 'abc', '__add')
    assert e.value.which == 1 and 'perform arithmetic on a string value' in str(e.value)


def test_comparisons():
    assert ops.lt(1.0, 2.0) and ops.lt('a', 'b') and not ops.lt('b', 'a')
    assert ops.le('a', 'a') and ops.lt('Z', 'a') and ops.lt('', '\x00')
    with pytest.raises(LuaError) as e:
        ops.lt(1.0, 'x')
    assert str(e.value) == 'attempt to compare number with string'
    with pytest.raises(LuaError) as e:
        ops.lt(None, None)
    assert str(e.value) == 'attempt to compare two nil values'


def test_equality_is_raw_for_different_types():
    assert not ops.equals(1.0, '1') and not ops.equals(True, 1.0)
    nan = float('nan')
    assert not ops.equals(nan, nan) and ops.equals(2.0, 2.0)


def test_concat_formats_numbers_like_tostring():
    assert ops.concat(['a', 1.0, 2.5, 'b']) == 'a12.5b'
    with pytest.raises(LuaError) as e:
        ops.concat(['a', None])
    assert 'attempt to concatenate a nil value' in str(e.value)
