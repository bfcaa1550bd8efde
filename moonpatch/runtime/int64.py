"""The operators of LuaJIT's boxed numbers (common/cnumber.py's Int64 and
Complex): the metatable every state gives them, as the ffi library's
metatable does in LuaJIT (lj_carith.c, lj_cdata.c, lib_ffi.c's __index,
__eq, ... on cdata).

Arithmetic and comparisons convert both operands to one 64-bit type, as C
does: uint64_t if either is one, else int64_t, a number converted the way
x86-64 converts a double; results wrap modulo 2^64, division and % by zero
give -2^63 (LuaJIT's choice, not a trap). Complex numbers have no
arithmetic and compare equal only to themselves. An operand of another
cdata class (the ffi's) hands the operation to that class's metamethod,
which knows these boxes.
"""
import math

from ..common.cdata import CDATA
from ..common.cnumber import (INT64_MIN, MASK64, Complex, Int64, double_to_int64,
                              double_to_uint64)
from .callstack import host_function
from .errors import LibErr
from .ops import call, metamethod
from .table import LuaTable
from .values import LuaFunction, typename

BOXES = (Int64, Complex)


def ctype_name(v):
    """How LuaJIT's messages name a value: its C type for cdata."""
    ctype = getattr(v, 'ctype', None)
    return ctype if type(v) in CDATA and ctype is not None else typename(v)


def _foreign(a, b):
    """A cdata operand of a class other than these boxes, or None."""
    for v in (a, b):
        if type(v) in CDATA and type(v) not in BOXES:
            return v
    return None


def _delegate(v, event, args):
    """The metamethod of v's class for event, called with args."""
    h = metamethod(v, event)
    if h is None:
        raise LibErr("'%s' has no '%s' metamethod" % (ctype_name(v), event))
    return tuple(call(h, args)[:1]) or (None,)


def _common(a, b):
    """(x, y, unsigned): a and b as the bits of their common 64-bit type
    (carith_int64), or None when one is not an integer or a number."""
    ta, tb = type(a), type(b)
    if not ((ta is Int64 or ta is float) and (tb is Int64 or tb is float)):
        return None
    unsigned = (ta is Int64 and a.unsigned) or (tb is Int64 and b.unsigned)
    return _bits(a, unsigned), _bits(b, unsigned), unsigned


def _bits(v, unsigned):
    if type(v) is Int64:
        return v.value & MASK64
    return double_to_uint64(v) if unsigned else double_to_int64(v) & MASK64


def _signed(x):
    return x - (1 << 64) if x >> 63 else x


def _div(x, y, unsigned):
    """lj_carith_divi64/divu64: C's truncating division; by zero, and
    INT64_MIN / -1, give INT64_MIN."""
    if y == 0:
        return 1 << 63
    if unsigned:
        return x // y
    x, y = _signed(x), _signed(y)
    if x == INT64_MIN and y == -1:
        return 1 << 63
    q = abs(x) // abs(y)
    return -q if (x < 0) != (y < 0) else q


def _mod(x, y, unsigned):
    """lj_carith_modi64/modu64: C's remainder (the sign of x); by zero it
    gives INT64_MIN."""
    if y == 0:
        return 1 << 63
    if unsigned:
        return x % y
    x, y = _signed(x), _signed(y)
    r = abs(x) % abs(y)
    return -r if x < 0 else r


def _pow(x, k, unsigned):
    """lj_carith_powi64/powu64: x^k modulo 2^64; a negative k (int64_t)
    gives 0, except for the bases 0, 1 and -1."""
    if not unsigned and k >> 63:
        x = _signed(x)
        if x == 0:
            return (1 << 63) - 1
        if x == 1:
            return 1
        if x == -1:
            return -1 if k & 1 else 1
        return 0
    return pow(x, k, 1 << 64)


_ARITH = {
    '__add': lambda x, y, u: x + y,
    '__sub': lambda x, y, u: x - y,
    '__mul': lambda x, y, u: x * y,
    '__div': _div,
    '__mod': _mod,
    '__pow': _pow,
    '__unm': lambda x, y, u: -x,
}


def _arith(event):
    def metamethod(args):
        a = args[0] if args else None
        b = args[1] if len(args) > 1 else None
        other = _foreign(a, b)
        if other is not None:
            return _delegate(other, event, [a, b])
        common = _common(a, b)
        if common is None:
            raise LibErr("attempt to perform arithmetic on '%s' and '%s'"
                         % (ctype_name(a), ctype_name(b)))
        x, y, unsigned = common
        return (Int64.wrap(_ARITH[event](x, y, unsigned), unsigned),)
    return metamethod


def _compare(event):
    def metamethod(args):
        a = args[0] if args else None
        b = args[1] if len(args) > 1 else None
        other = _foreign(a, b)
        if other is not None:
            return _delegate(other, event, [a, b])
        common = _common(a, b)
        if common is None:
            if event == '__eq':         # never an error: identical boxes only
                return (a is b,)
            raise LibErr("attempt to compare '%s' with '%s'" % (ctype_name(a), ctype_name(b)))
        x, y, unsigned = common
        if event == '__eq':
            return (x == y,)
        if not unsigned:
            x, y = _signed(x), _signed(y)
        return (x < y if event == '__lt' else x <= y,)
    return metamethod


def box_concat(args):
    a = args[0] if args else None
    b = args[1] if len(args) > 1 else None
    other = _foreign(a, b)
    if other is not None:
        return _delegate(other, '__concat', [a, b])
    raise LibErr("attempt to concatenate '%s' and '%s'" % (ctype_name(a), ctype_name(b)))


def box_len(args):
    raise LibErr("attempt to get length of '%s'" % ctype_name(args[0] if args else None))


def box_tostring(args):
    v = args[0] if args else None
    if type(v) is Int64:
        return (repr(v),)
    if type(v) is Complex:
        return (complex_repr(v),)
    return _delegate(v, '__tostring', [v])


def complex_repr(c):
    """lj_ctype_repr_complex: 're+imi' by LuaJIT's %.14g, 'I' after a
    non-finite imaginary part, '+' unless its sign bit is set (a nan: '+')."""
    im = c.im
    sign = '' if math.copysign(1.0, im) < 0 and im == im else '+'
    text = '%.14g%s%.14g' % (c.re, sign, im)
    return text + ('I' if text[-1] >= 'a' else 'i')


def _key_error(v, key):
    if type(key) is str:
        return LibErr("'%s' has no member named '%s'" % (ctype_name(v), key))
    return LibErr("'%s' cannot be indexed with '%s'" % (ctype_name(v), ctype_name(key)))


_COMPLEX_PARTS = {'re': 0, 'im': 1}


def box_index(args):
    v = args[0] if args else None
    key = args[1] if len(args) > 1 else None
    if type(v) is Complex:
        part = _COMPLEX_PARTS.get(key) if type(key) is str else (
            double_to_int64(key) if type(key) is float else None)
        if part is not None:
            # (LuaJIT reads any index of the array of two doubles, past its end too)
            return (v.re if part == 0 else v.im if part == 1 else 0.0,)
    raise _key_error(v, key)


def box_newindex(args):
    v = args[0] if args else None
    key = args[1] if len(args) > 1 else None
    if type(v) is Complex and (type(key) is float or key in _COMPLEX_PARTS):
        raise LibErr('attempt to write to constant location')
    raise _key_error(v, key)


def box_call(args):
    raise LibErr("'%s' is not callable" % ctype_name(args[0] if args else None))


def _no_iteration(event):
    def metamethod(args):
        raise LibErr("'%s' has no '%s' metamethod" % (ctype_name(args[0] if args else None),
                                                      event))
    return metamethod


METAMETHODS = dict(
    {event: _arith(event) for event in _ARITH},
    __eq=_compare('__eq'), __lt=_compare('__lt'), __le=_compare('__le'),
    __concat=box_concat, __len=box_len, __tostring=box_tostring, __index=box_index,
    __newindex=box_newindex, __call=box_call, __pairs=_no_iteration('__pairs'),
    __ipairs=_no_iteration('__ipairs'))
for _event, _fn in METAMETHODS.items():
    _fn.__code__ = _fn.__code__.replace(co_name=_event)     # one code object per metamethod
    host_function(_fn, _event)


def install(state):
    """Give state the boxes' metatable (getmetatable says 'ffi', as for
    every cdata in LuaJIT)."""
    mt = LuaTable()
    for event, fn in METAMETHODS.items():
        mt.set(event, LuaFunction(fn, None, None, state.globals, event))
    mt.set('__metatable', 'ffi')
    for cls in BOXES:
        state.type_meta[cls] = mt
