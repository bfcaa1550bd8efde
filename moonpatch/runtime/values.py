"""Lua values that are not plain Python values, and the conversions of 5.1.

nil is None, booleans are True/False, numbers are floats, strings are str
holding code points 0-255 (one per byte). Tables live in table.py, threads in
coroutine.py. This module names every Lua type and converts numbers and
strings into each other exactly as Lua 5.1 does.
"""
import math
import re
import weakref

from ..common.luanumber import INF, NAN


class LuaFunction:
    """A Lua closure (proto is set) or a host function (proto is None).

    Every call goes through `gate(args) -> results`: args is a list the
    callee owns, results a sequence the caller must not modify. For a closure
    the gate runs the interpreter (or, once compiled, the JIT's code); for a
    host function it is the Python function itself.
    """
    __slots__ = ('gate', 'direct', 'proto', 'upvals', 'env', 'name', '__weakref__')
    lua_typename = 'function'

    def __init__(self, gate, proto, upvals, env, name=None):
        self.gate = gate
        self.direct = None      # compiled code's direct entry: (closure, *args) -> first result
        self.proto = proto
        self.upvals = upvals
        self.env = env
        self.name = name

    def __repr__(self):
        if self.proto is None:
            return '<Lua builtin %s>' % self.name
        return '<Lua function %s:%d>' % (self.proto.chunkname, self.proto.firstline)


class UpVal:
    """An upvalue: the value lives in regs[slot]. While the variable's frame
    is live, regs is that frame's register list; closing it moves the value
    into a one-element list of its own."""
    __slots__ = ('regs', 'slot')

    def __init__(self, regs, slot):
        self.regs = regs
        self.slot = slot

    def close(self):
        self.regs = [self.regs[self.slot]]
        self.slot = 0


class Userdata:
    """A full userdata: an opaque host value with a metatable and environment.
    `owner` is the state that finalizes it (runtime/gc.py), if any, and
    `serial` its place in the order finalizers run in."""
    __slots__ = ('value', 'meta', 'env', 'owner', 'serial', '__weakref__')
    lua_typename = 'userdata'

    def __init__(self, value=None, meta=None, env=None):
        self.value = value
        self.meta = meta
        self.env = env
        self.owner = None
        self.serial = 0

    def __del__(self):
        # Resurrect into the owner's queue: __gc runs at the next collection.
        mt = self.meta
        if self.owner is not None and mt is not None and mt.hash.get('__gc') is not None:
            self.owner.gc.pending.append(self)


class AddressNames:
    """What tostring shows in place of a value's address in a sandbox: a
    per-runtime counter, the same for a value as long as it lives, so no
    address of the host process reaches the script."""
    __slots__ = ('numbers', 'count')

    def __init__(self):
        self.numbers = {}       # id(value) -> (weak reference to it, its number)
        self.count = 0

    def name(self, v):
        key = id(v)
        entry = self.numbers.get(key)
        if entry is None or entry[0]() is not v:
            self.count += 1
            numbers = self.numbers

            def forget(ref):    # the id may be reused once the value is gone
                if numbers.get(key, (None,))[0] is ref:
                    del numbers[key]
            entry = numbers[key] = (weakref.ref(v, forget), self.count)
        return '0x%08x' % entry[1]

    def hide(self, text, value=None, address=None):
        """text made by Python (a repr, an exception's message) without host
        addresses: `address` shows as value's name, any other as a mark."""
        def name(m):
            return self.name(value) if int(m.group(), 16) == address else '0x(hidden)'
        return HOST_ADDRESS.sub(name, text)


HOST_ADDRESS = re.compile('0x[0-9a-fA-F]{8,}')      # how Python's reprs show id()


_TYPENAMES = {type(None): 'nil', bool: 'boolean', float: 'number', str: 'string',
              LuaFunction: 'function', Userdata: 'userdata'}


def register_type(cls):
    """Let typename() know a class (tables, threads) by its lua_typename."""
    _TYPENAMES[cls] = cls.lua_typename
    return cls


def typename(v):
    return _TYPENAMES.get(type(v)) or getattr(type(v), 'lua_typename', 'userdata')


# ---- numbers and strings ----------------------------------------------------

def number_to_str(x):
    """tostring() of a number: C's %.14g, with glibc's spelling of nan."""
    if x != x:
        return '-nan' if math.copysign(1.0, x) < 0 else 'nan'
    return '%.14g' % x


# What C's strtod reads (lua5.1's luaO_str2d), surrounded by spaces. Each
# numeral part has one reading only (digits, then '.' and digits), so a long
# run of digits that ends badly fails in linear time.
_SPACE = '[ \t\n\v\f\r]*'
_NUMERAL = (
    _SPACE + r'([+-]?)(?:(0x(?:[0-9a-f]+(?:\.[0-9a-f]*)?|\.[0-9a-f]+)(?:p[+-]?[0-9]+)?)'
    r'|((?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[+-]?[0-9]+)?|inf(?:inity)?)'
    r'|(nan)(?:\([0-9a-z_]*\))?)' + _SPACE + r'\Z')


def _match_numeral(s):
    """_NUMERAL's match, compiled when a string is first read as a number
    (a program that reads none does not pay for it at start-up): it
    replaces itself by the compiled pattern's match."""
    global _match_numeral
    _match_numeral = re.compile(_NUMERAL, re.I).match
    return _match_numeral(s)


def str_to_number(s):
    """Lua 5.1's string -> number conversion (C strtod, hex, surrounding
    whitespace), or None when s is not a numeral."""
    if '\0' in s:
        s = s[:s.index('\0')]          # the C string ends there
    m = _match_numeral(s)
    if m is None:
        return None
    sign, hexa, decimal, _ = m.groups()
    if hexa is not None:
        try:
            value = float.fromhex(hexa)
        except OverflowError:           # strtod gives HUGE_VAL
            value = INF
    elif decimal is not None:
        value = float(decimal)
    else:
        value = NAN
    return -value if sign == '-' else value


def tonumber(v):
    """The number v is or converts to (for arithmetic), or None."""
    if type(v) is float:
        return v
    if type(v) is str:
        return str_to_number(v)
    return None


def tostr(v):
    """The string v is or converts to (for concatenation), or None."""
    if type(v) is str:
        return v
    if type(v) is float:
        return number_to_str(v)
    return None
