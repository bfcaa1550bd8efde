"""The table: keys, borders and traversal (runtime/table.py)."""
import pytest

from moonpatch.errors import LuaError
from moonpatch.runtime.table import LuaTable


def table(*values, **fields):
    t = LuaTable()
    for i, v in enumerate(values, 1):
        t.set(float(i), v)
    for k, v in fields.items():
        t.set(k, v)
    return t


def test_booleans_and_numbers_are_different_keys():
    t = LuaTable()
    t.set(1.0, 'one')
    t.set(True, 'yes')
    t.set(0.0, 'zero')
    t.set(False, 'no')
    assert (t.get(1.0), t.get(True), t.get(0.0), t.get(False)) == ('one', 'yes', 'zero', 'no')


def test_integer_from_python_is_the_same_key_as_the_float():
    t = LuaTable()
    t.set(3, 'x')
    assert t.get(3.0) == 'x' and type(next(iter(t.hash))) is float


def test_nil_and_nan_keys_are_errors():
    t = LuaTable()
    with pytest.raises(LuaError):
        t.set(None, 1)
    with pytest.raises(LuaError):
        t.set(float('nan'), 1)
    assert t.get(float('nan')) is None and t.get(None) is None


def test_assigning_nil_removes_the_key():
    t = table(1.0, 2.0)
    t.set(2.0, None)
    assert t.hash == {1.0: 1.0}


def test_length_of_sequences_grows_and_shrinks():
    t = LuaTable()
    for i in range(1, 1001):
        t.set(float(i), i)
        assert t.length() == i
    for i in range(1000, 0, -1):
        t.set(float(i), None)
        assert t.length() == i - 1


def test_length_is_a_border_for_tables_with_holes():
    t = table(1, 2, 3, None, 5)
    n = t.length()
    assert t.get(n + 1.0) is None and (n == 0 or t.get(n) is not None)


def test_the_array_size_decides_the_border():
    t = LuaTable(None, 2)          # {nil, 1}: the array part has two slots
    t.set(2.0, 1.0)
    assert t.length() == 2.0
    t = LuaTable(None, 3)          # {nil, 1, nil}: a border inside the array part
    t.set(2.0, 1.0)
    assert t.length() == 0.0


def collect(t):
    out, k = [], None
    while True:
        r = t.next(k)
        if r is None:
            return out
        k = r[0]
        out.append(r)


def test_next_visits_every_key_once():
    t = table(10, 20, 30, x='a', y='b')
    t.set(True, 'yes')
    assert sorted(map(repr, collect(t))) == sorted(map(repr, [
        (1.0, 10), (2.0, 20), (3.0, 30), ('x', 'a'), ('y', 'b'), (True, 'yes')]))


def test_clearing_fields_during_traversal_is_allowed():
    t = table(*range(1, 50))
    k = None
    seen = 0
    while True:
        r = t.next(k)
        if r is None:
            break
        k = r[0]
        t.set(k, None)
        seen += 1
    assert seen == 49 and t.hash == {}


def test_next_with_an_unknown_key_is_an_error():
    with pytest.raises(LuaError):
        table(1).next('nope')
