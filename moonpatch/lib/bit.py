"""LuaJIT's bit library (lib_bit.c): 32-bit operations on numbers, 64-bit
ones when an argument is a boxed 64-bit integer.

Every number argument is converted as LuaJIT's lj_num2bit does it: add
2^52+2^51 and keep the low 32 bits of the double, which rounds to the
nearest integer (ties to even) and wraps modulo 2^32. Results are signed
32-bit integers. Shift counts use their low 5 bits, as x86's shifts do.

With a cdata argument (1LL, 1ULL; a complex number counts by its real
part), LuaJIT 2.1 works on 64 bits (lj_carith_check64): the result is an
int64_t box, a uint64_t one if any argument is unsigned; band/bor/bxor
convert number arguments as C converts a double (truncation, not
num2bit), shifts use their count's low 6 bits, and tohex prints 16 digits
by default.
"""
import struct

from ..common.cdata import CDATA
from ..common.cnumber import MASK64, Complex, Int64, double_to_int64, double_to_uint64
from ..runtime.errors import type_error
from ..runtime.values import str_to_number
from .registry import libfunction

LIB = 'bit'

_DOUBLE = struct.Struct('<d')
_LOW32 = struct.Struct('<iI')        # the low and high words of a double, little-endian
TWO51 = 2251799813685248.0
BIAS = 6755399441055744.0            # 2^52 + 2^51


def num2bit(x):
    """lj_num2bit: a double -> a signed 32-bit int."""
    if -TWO51 < x < TWO51:
        i = int(x)
        if i == x:                   # an integer already: only the wrap is left
            return ((i + 0x80000000) & 0xffffffff) - 0x80000000
    return _LOW32.unpack(_DOUBLE.pack(x + BIAS))[0]


def check_bit(args, n):
    """lj_lib_checkbit: a number (or numeric string) argument as 32 bits."""
    v = args[n - 1] if n <= len(args) else None
    if type(v) is not float:
        x = str_to_number(v) if type(v) is str else None
        if x is None:
            raise type_error(n, 'number', v, n > len(args))
        v = x
    return num2bit(v)


def _signed(i):
    return float(((i + 0x80000000) & 0xffffffff) - 0x80000000)


# The kinds of a 64-bit operation: none (32 bits), int64_t, uint64_t (the
# highest rank: it wins).
NONE, INT64, UINT64 = 0, 1, 2


def check64(args, n):
    """lj_carith_check64: (bits, kind) of argument n: a number (or numeric
    string) as num2bit's 32 bits (kind NONE), a box as its 64 bits."""
    v = args[n - 1] if n <= len(args) else None
    t = type(v)
    if t is Int64:
        return v.bits(), UINT64 if v.unsigned else INT64
    if t is Complex:
        return double_to_int64(v.re) & MASK64, INT64
    return check_bit(args, n) & 0xffffffff, NONE


def _kind(args):
    """The kind of an operation on all of args (each checked)."""
    kind = NONE
    for n in range(1, len(args) + 1):
        kind = max(kind, check64(args, n)[1])
    return kind


def _to64(v, kind):
    """An argument converted to the operation's 64-bit type (lj_cconv_ct_tv)."""
    t = type(v)
    if t is Int64:
        return v.bits()
    x = v.re if t is Complex else v if t is float else str_to_number(v)
    return double_to_uint64(x) if kind == UINT64 else double_to_int64(x) & MASK64


def _box(bits, kind):
    return Int64.wrap(bits, kind == UINT64)


@libfunction(LIB, 'tobit')
def bit_tobit(args):
    return (_signed(check64(args, 1)[0]),)


@libfunction(LIB, 'bnot')
def bit_bnot(args):
    x, kind = check64(args, 1)
    if kind:
        return (_box(~x, kind),)
    return (_signed(~x),)


@libfunction(LIB, 'bswap')
def bit_bswap(args):
    x, kind = check64(args, 1)
    if kind:
        return (_box(int.from_bytes(x.to_bytes(8, 'little'), 'big'), kind),)
    return (_signed(int.from_bytes(x.to_bytes(4, 'little'), 'big')),)


def _nary(name, op):
    def lua_fn(args):
        kind = _kind(args) if args else check64(args, 1)[1]
        if kind:
            r = _to64(args[0], kind)
            for v in args[1:]:
                r = op(r, _to64(v, kind))
            return (_box(r, kind),)
        r = check_bit(args, 1)
        for i in range(2, len(args) + 1):
            r = op(r, check_bit(args, i))
        return (float(r),)
    lua_fn.__name__ = 'bit_' + name
    lua_fn.__code__ = lua_fn.__code__.replace(co_name=lua_fn.__name__)   # one per function
    libfunction(LIB, name)(lua_fn)


_nary('band', int.__and__)
_nary('bor', int.__or__)
_nary('bxor', int.__xor__)


def _shift(name, op32, op64):
    def lua_fn(args):
        x, kind = check64(args, 1)
        n = check64(args, 2)[0]
        if kind:
            return (_box(op64(x, n & 63), kind),)
        return (_signed(op32(x, n & 31)),)
    lua_fn.__name__ = 'bit_' + name
    lua_fn.__code__ = lua_fn.__code__.replace(co_name=lua_fn.__name__)   # one per function
    libfunction(LIB, name)(lua_fn)


def _arshift(bits):
    return lambda x, n: (x - ((x >> (bits - 1)) << bits)) >> n


def _rol(bits):
    return lambda x, n: (x << n) | (x >> (bits - n))


def _ror(bits):
    return lambda x, n: (x >> n) | (x << (bits - n))


_shift('lshift', lambda x, n: x << n, lambda x, n: x << n)
_shift('rshift', lambda x, n: x >> n, lambda x, n: x >> n)
_shift('arshift', _arshift(32), _arshift(64))
_shift('rol', _rol(32), _rol(64))
_shift('ror', _ror(32), _ror(64))


@libfunction(LIB, 'tohex')
def bit_tohex(args):
    """tohex(x [, n]): n hex digits (default 8, 16 for a box), upper case
    for negative n. LuaJIT keeps n modulo 256 as a printf precision, so
    n >= 255 gives the digits without padding and n = 0 (mod 2^32) gives ''."""
    b, kind = check64(args, 1)
    n = ((check64(args, 2)[0] + 0x80000000) & 0xffffffff) - 0x80000000 if len(args) > 1 \
        else 16 if kind else 8
    digits = '%x'
    if n < 0:
        n = ((-n + 0x80000000) & 0xffffffff) - 0x80000000    # -(-2^31) stays -2^31
        digits = '%X'
    if n < 16:
        b &= (1 << (((4 * n + 0x80000000) & 0xffffffff) - 0x80000000 & 63)) - 1
    prec = ((n + 1) & 255) - 1
    s = digits % b
    if prec >= 0:
        s = '' if prec == 0 and b == 0 else s.zfill(prec)
    return (s,)
