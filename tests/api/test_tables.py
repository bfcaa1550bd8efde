"""Lua tables seen from Python, table_from(recursive=True) and to_python."""
import pytest

import moonpatch
from moonpatch import LuaError, LuaRuntime


@pytest.fixture
def lua():
    return LuaRuntime()


def test_mapping_methods(lua):
    t = lua.eval('{10, 20, x = "y"}')
    assert sorted(t.keys(), key=str) == [1, 2, 'x']
    assert sorted(t.values(), key=str) == [10, 20, 'y']
    assert dict(t.items()) == {1: 10, 2: 20, 'x': 'y'}
    assert set(t) == {1, 2, 'x'}
    assert 'x' in t and 3 not in t and None not in t
    assert t.get('x') == 'y' and t.get('nope', 5) == 5


def test_len_is_the_length_operator(lua):
    assert len(lua.eval('{1, 2, 3, x = 1}')) == 3
    assert len(lua.table()) == 0
    assert bool(lua.table()) is True          # a table is true, as in Lua


def test_item_and_attribute_access(lua):
    t = lua.table()
    t['a'] = 1
    t.b = 2
    t[1] = 'one'
    assert (t.a, t['b'], t[1], t.missing) == (1, 2, 'one', None)
    del t['a']
    del t.b
    assert dict(t.items()) == {1: 'one'}


def test_metamethods_apply_to_item_access(lua):
    t = lua.eval('setmetatable({}, {__index = function(t, k) return k .. "!" end})')
    assert t.hello == 'hello!'
    assert 'hello' not in t                   # `in` is raw presence
    log = lua.eval('''setmetatable({}, {__newindex = function(t, k, v)
        rawset(t, k, v * 2) end})''')
    log.x = 21
    assert log.x == 42


def test_python_protocol_names_are_not_lua_fields(lua):
    t = lua.table()
    with pytest.raises(AttributeError):
        getattr(t, '__deepcopy__')  # noqa: B009 (the attribute lookup is the test)
    assert not hasattr(t, '__array__')


def test_nil_key_is_a_lua_error(lua):
    with pytest.raises(LuaError, match='table index is nil'):
        lua.table()[None] = 1


def test_equality_and_hash_follow_the_lua_object(lua):
    lua.execute('t = {}')
    a, b = lua.globals().t, lua.eval('t')
    assert a == b and hash(a) == hash(b) and a is not b
    assert a != lua.table()
    assert len({a, b}) == 1


def test_str_and_repr(lua):
    t = lua.table()
    assert repr(t).startswith('<Lua table at 0x')
    assert str(t) == repr(t)
    t2 = lua.eval('setmetatable({}, {__tostring = function() return "custom" end})')
    assert str(t2) == 'custom'


def test_iteration_tolerates_changes(lua):
    t = lua.table_from(range(10))
    for k in t:
        t[k] = None
    assert len(t) == 0


# ---- table_from(recursive=True) ------------------------------------------------------------

def test_recursive_nested(lua):
    t = lua.table_from({'a': [1, {'b': (2, 3)}]}, recursive=True)
    assert lua.eval('(...).a[2].b[2]', t) == 3
    assert moonpatch.lua_type(t.a) == 'table'


def test_recursive_shared_substructure_is_one_table(lua):
    shared = [1, 2]
    t = lua.table_from({'x': shared, 'y': shared, 'z': [1, 2]}, recursive=True)
    assert lua.eval('rawequal((...).x, (...).y)', t) is True
    assert lua.eval('rawequal((...).x, (...).z)', t) is False


def test_recursive_cycles(lua):
    a = {'name': 'a'}
    b = {'name': 'b', 'a': a}
    a['b'] = b
    a['self'] = a
    t = lua.table_from(a, recursive=True)
    assert lua.eval('(...).b.a == ... and (...).self == ... and (...).b.a.b.name', t) == 'b'
    lst = [1]
    lst.append(lst)
    t = lua.table_from(lst, recursive=True)
    assert lua.eval('(...)[2][2][2] == ...', t) is True


def test_recursive_keeps_lua_tables_and_objects(lua):
    inner = lua.table(1)
    obj = object()
    t = lua.table_from({'t': inner, 'o': obj, 's': {1, 2}}, recursive=True)
    assert t.t == inner
    assert t.o is obj
    assert lua.eval('type((...).s)', t) == 'userdata'   # sets are not converted


def test_recursive_deep_nesting_needs_no_recursion(lua):
    deep = []
    for _ in range(5000):
        deep = [deep]
    t = lua.table_from(deep, recursive=True)
    assert lua.eval('''(function(t) local n = 0
        while t[1] do t = t[1]; n = n + 1 end return n end)(...)''', t) == 5000


# ---- to_python -------------------------------------------------------------------------------

def test_to_python_lists_and_dicts(lua):
    data = moonpatch.to_python(lua.eval('{1, "two", {k = {3}}, {}}'))
    assert data == [1, 'two', {'k': [3]}, {}]
    assert moonpatch.to_python(lua.eval('{[1] = 1, [3] = 3}')) == {1: 1, 3: 3}
    assert moonpatch.to_python(lua.eval('{[1.5] = true}')) == {1.5: True}
    assert moonpatch.to_python(5) == 5


def test_to_python_shared_tables_stay_shared(lua):
    out = moonpatch.to_python(lua.eval('(function() local s = {1} return {s, s} end)()'))
    assert out == [[1], [1]] and out[0] is out[1]


def test_to_python_cycle_is_a_clear_error(lua):
    t = lua.eval('(function() local t = {x = {}} t.x.back = t return t end)()')
    with pytest.raises(ValueError, match=r"cycle: table\['x'\]\['back'\]"):
        moonpatch.to_python(t)


def test_to_python_depth_limit(lua):
    t = lua.eval('(function() local t = {} for i = 1, 50 do t = {t} end return t end)()')
    assert len(str(moonpatch.to_python(t))) > 50
    with pytest.raises(ValueError, match='nested deeper than 10'):
        moonpatch.to_python(t, max_depth=10)


def test_to_python_any_depth_the_limit_allows(lua):
    """Iterative: 10^5 levels convert (Python's recursion limit would stop a
    recursive walk), and the depth error names the path without building it
    at every level."""
    n = 100000
    t = lua.eval('(function(n) local t = {} for i = 1, n do t = {t, x = i} end return t end)(...)',
                 n)
    out = moonpatch.to_python(t, max_depth=n + 1)
    depth = 0
    while out:
        assert out['x'] == n - depth
        out = out[1]
        depth += 1
    assert depth == n
    with pytest.raises(ValueError, match=r'deeper than 99990 levels \(at table\[1\]\[1\]'):
        moonpatch.to_python(t, max_depth=n - 10)


def test_to_python_keeps_functions_as_wrappers(lua):
    out = moonpatch.to_python(lua.eval('{f = function() return 1 end}'))
    assert out['f']() == 1


def test_round_trip(lua):
    data = {'name': 'x', 'list': [1, 2.5, 'é', True], 'nested': {'k': [{}]}}
    data['nested']['k'] = [{'deep': 1}]
    assert moonpatch.to_python(lua.table_from(data, recursive=True)) == data
