"""Number/string conversions and type names (runtime/values.py)."""
import math

import pytest

from moonpatch.common.luanumber import NEG_NAN
from moonpatch.runtime.values import number_to_str, str_to_number, tonumber, tostr, typename


@pytest.mark.parametrize('x,text', [
    (3.0, '3'), (-0.0, '-0'), (0.1, '0.1'), (1e15, '1e+15'), (1e16, '1e+16'),
    (2.0 ** 53, '9.007199254741e+15'), (123456789012345.0, '1.2345678901234e+14'),
    (math.inf, 'inf'), (-math.inf, '-inf'), (NEG_NAN, '-nan'), (-NEG_NAN, 'nan'),
    (1 / 3, '0.33333333333333'),
])
def test_number_to_str_is_percent_14g(x, text):
    assert number_to_str(x) == text


@pytest.mark.parametrize('text,value', [
    ('10', 10.0), ('  10  ', 10.0), ('0x10', 16.0), ('0X1F', 31.0), ('-0x10', -16.0),
    ('1e5', 1e5), ('.5', 0.5), ('5.', 5.0), ('0x1p4', 16.0), ('0x1.8', 1.5), ('+5', 5.0),
    ('\t5\n', 5.0), ('inf', math.inf), ('-inf', -math.inf), ('INFINITY', math.inf),
    ('1.5e3', 1500.0), ('0xffffffffff', 1099511627775.0),
])
def test_str_to_number_accepts_what_strtod_does(text, value):
    assert str_to_number(text) == value


@pytest.mark.parametrize('text', ['', '  ', '1e', '10a', '0x', '1 2', '1e+', '- 5', '0x-1', 'abc'])
def test_str_to_number_rejects(text):
    assert str_to_number(text) is None


def test_nan_string_converts_to_nan():
    assert math.isnan(str_to_number('nan'))


def test_coercions():
    assert tonumber('0x10') == 16.0 and tonumber(3.5) == 3.5 and tonumber(True) is None
    assert tostr(2.0) == '2' and tostr('x') == 'x' and tostr(None) is None


def test_typenames():
    from moonpatch.runtime.table import LuaTable
    assert [typename(v) for v in (None, True, 1.0, 's', LuaTable())] == \
        ['nil', 'boolean', 'number', 'string', 'table']
