"""Python objects in Lua: userdata, callables, attribute policy, the python table."""
import pytest

import moonpatch
from moonpatch import LuaError, LuaRuntime


class Account:
    kind = 'account'

    def __init__(self):
        self.balance = 10
        self._pin = 1234

    def deposit(self, n):
        self.balance += n
        return self.balance


@pytest.fixture
def lua():
    return LuaRuntime()


@pytest.fixture
def open_lua():
    return LuaRuntime(attribute_filter=moonpatch.public_attributes)


def test_objects_are_userdata_and_come_back_unchanged(lua):
    obj = object()
    assert lua.eval('type(...)', obj) == 'userdata'
    assert lua.eval('...', obj) is obj
    lua.globals().o = obj
    assert lua.globals().o is obj
    assert lua.eval('getmetatable(o)') == 'python object'


def test_same_object_same_userdata(lua):
    obj = Account()
    assert lua.eval('rawequal(select(1, ...), select(2, ...))', obj, obj) is True
    lua.execute('t = {} t[select(1, ...)] = "found"', obj)
    assert lua.eval('t[...]', obj) == 'found'
    assert lua.eval('select(1, ...) == select(2, ...)', obj, Account()) is False


def test_tostring_and_len(lua):
    assert lua.eval('tostring(...)', [1, 2]) == '[1, 2]'
    assert lua.eval('#...', {'a': 1, 'b': 2}) == 2


def test_callables(lua):
    assert lua.eval('(...)(2, 3)', lambda a, b: a * b) == 6
    assert lua.eval('(...)("x")', str.upper) == 'X'
    assert lua.eval('(...)()', dict) == {}
    received = []
    lua.eval('(...)(1, 2.5, "s", nil, true, {})', lambda *a: received.extend(a))
    assert received[:5] == [1, 2.5, 's', None, True]
    assert moonpatch.lua_type(received[5]) == 'table'


def test_returned_tuples(lua):
    assert lua.eval('type((...)())', lambda: (1, 2)) == 'userdata'
    unpacking = LuaRuntime(unpack_returned_tuples=True)
    assert unpacking.eval('select("#", (...)())', lambda: (1, 2, 3)) == 3
    assert unpacking.eval('select("#", (...)())', lambda: ()) == 0
    assert unpacking.eval('select("#", (...)())', lambda: None) == 1


def test_containers_are_indexed_by_item(lua):
    d = {'a': 1}
    assert lua.eval('(...).a, (...)["a"], (...).missing', d) == (1, 1, None)
    lua.execute('local d = ... d.b = 2', d)
    assert d == {'a': 1, 'b': 2}
    lst = [10, 20]
    assert lua.eval('(...)[0], (...)[1], (...)[2]', lst) == (10, 20, None)


def test_attributes_are_closed_by_default(lua):
    acct = Account()
    with pytest.raises(AttributeError, match='no attribute_filter'):
        lua.eval('(...).balance', acct)
    with pytest.raises(AttributeError):
        lua.execute('(...).balance = 0', acct)
    assert acct.balance == 10
    # a Lua pcall sees the refusal as an error message
    ok, msg = lua.eval('pcall(function(o) return o.kind end, ...)', acct)
    assert ok is False and 'AttributeError' in msg


def test_public_attributes_filter(open_lua):
    acct = Account()
    assert open_lua.eval('(...).balance, (...).kind, (...).missing', acct) == \
        (10, 'account', None)
    assert open_lua.eval('(...):deposit(5)', acct) == 15       # obj:m() binds once
    assert open_lua.eval('(...).deposit(5)', acct) == 20
    open_lua.execute('(...).balance = 0', acct)
    assert acct.balance == 0
    for code in ('return (...)._pin', 'return (...).__class__', '(...)._pin = 1'):
        with pytest.raises(AttributeError, match='not allowed'):
            open_lua.execute(code, acct)
    assert acct._pin == 1234


def test_attribute_filter_signature_and_renaming():
    calls = []

    def rename(obj, name, is_setting):
        calls.append((name, is_setting))
        return {'money': 'balance'}.get(name, name)
    lua = LuaRuntime(attribute_filter=rename)
    acct = Account()
    assert lua.eval('(...).money', acct) == 10
    lua.execute('(...).money = 3', acct)
    assert acct.balance == 3
    assert calls == [('money', False), ('money', True)]


def test_filter_returning_none_refuses():
    lua = LuaRuntime(attribute_filter=lambda obj, name, setting: None)
    with pytest.raises(AttributeError):
        lua.eval('(...).balance', Account())


def test_attribute_handlers():
    log = []

    def getter(obj, name):
        log.append(('get', name))
        return name.upper()

    def setter(obj, name, value):
        log.append(('set', name, value))
    lua = LuaRuntime(attribute_handlers=(getter, setter))
    assert lua.execute('local o = ... o.x = 5 return o.abc', Account()) == 'ABC'
    assert log == [('set', 'x', 5), ('get', 'abc')]


def test_protocol_wrappers(lua, open_lua):
    d = {'items': 1}
    assert lua.eval('(...).items', moonpatch.as_itemgetter(d)) == 1
    acct = Account()
    assert lua.eval('(...).balance', moonpatch.as_itemgetter({'balance': 'item'})) == 'item'
    with pytest.raises(AttributeError):          # attribute access still needs a filter
        lua.eval('(...).balance', moonpatch.as_attrgetter(acct))
    assert open_lua.eval('(...).items', moonpatch.as_attrgetter(d)) is not None
    assert open_lua.eval('python.as_attrgetter(...).get', d) is not None
    assert lua.eval('python.as_itemgetter(...).k', {'k': 2}) == 2


def test_unpacks_lua_table(lua):
    @moonpatch.unpacks_lua_table
    def f(a, b=0, *, c=0):
        return a + b + c
    assert lua.eval('(...){1, 2, c = 3}', f) == 6
    assert lua.eval('(...)(1, 2)', f) == 3            # not a single table: unchanged

    class Box:
        @moonpatch.unpacks_lua_table_method
        def area(self, w, h):
            return w * h
    assert lua.eval('(...){w = 2, h = 5}', Box().area) == 10


# ---- the python table ------------------------------------------------------------------------

def test_python_table_presence():
    assert LuaRuntime().eval('type(python.eval), type(python.builtins)') == \
        ('function', 'table')
    no_eval = LuaRuntime(register_eval=False)
    assert no_eval.eval('python.eval') is None
    assert no_eval.eval('type(python.builtins)') == 'table'
    no_builtins = LuaRuntime(register_builtins=False)
    assert no_builtins.eval('python.builtins') is None
    assert no_builtins.eval('python.eval("1 + 1")') == 2
    assert LuaRuntime(register_eval=False, register_builtins=False).eval('python') is None


def test_python_eval_and_builtins(lua):
    assert lua.eval('python.eval("[1, 2]")') == [1, 2]
    assert lua.eval('python.builtins.len("abc")') == 3
    assert lua.eval('python.builtins.sorted(...)[0]', [3, 1, 2]) == 1
    assert lua.eval('python.builtins._private') is None
    with pytest.raises(ZeroDivisionError):
        lua.eval('python.eval("1/0")')


def test_python_iterators(lua):
    assert lua.execute('local s = 0 for x in python.iter(...) do s = s + x end return s',
                       [1, 2, 3]) == 6
    assert lua.execute('''local s = 0 for a, b in python.iterex(...) do s = s + a * b end
        return s''', [(1, 2), (3, 4)]) == 14
    assert lua.execute('''local out = {}
        for i, x in python.enumerate(...) do out[#out + 1] = i .. x end
        return out[1], out[2]''', ['a', 'b']) == ('0a', '1b')
    assert lua.execute('''local n = 0 for i, x in python.enumerate(..., 5) do n = i end
        return n''', ['a', 'b']) == 6
    assert lua.execute('''local t = {} for k, v in python.iteritems(...) do t[k] = v end
        return t.a, t.b''', {'a': 1, 'b': 2}) == (1, 2)


def test_python_as_function(lua):
    f = lua.eval('python.as_function(...)', lambda x: x + 1)
    assert moonpatch.lua_type(f) == 'function'
    assert lua.eval('type(python.as_function(...))', len) == 'function'
    assert f(1) == 2
    co = lua.eval('''coroutine.wrap(function(f) coroutine.yield(f(1)) end)''')
    assert co(lua.eval('python.as_function(...)', lambda x: x * 10)) == 10


def test_python_none(lua):
    assert lua.eval('python.none') is None
    assert lua.eval('python.none == nil, type(python.none)') == (False, 'userdata')
    t = lua.eval('{python.none, python.none}')
    assert len(t) == 2 and t[1] is None


def test_python_helpers_check_their_argument(lua):
    with pytest.raises(LuaError, match="bad argument #1 to 'iter' \\(Python object expected\\)"):
        lua.execute('for x in python.iter("abc") do end')
