"""LuaJIT's bit library (lib_bit.c): 32-bit operations on numbers.

Every argument is converted as LuaJIT's lj_num2bit does it: add 2^52+2^51
and keep the low 32 bits of the double, which rounds to the nearest
integer (ties to even) and wraps modulo 2^32. Results are signed 32-bit
integers. Shift counts use their low 5 bits, as x86's shifts do.
"""
import struct

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


@libfunction(LIB, 'tobit')
def bit_tobit(args):
    return (float(check_bit(args, 1)),)


@libfunction(LIB, 'bnot')
def bit_bnot(args):
    return (float(~check_bit(args, 1)),)


@libfunction(LIB, 'bswap')
def bit_bswap(args):
    b = check_bit(args, 1) & 0xffffffff
    return (_signed(int.from_bytes(b.to_bytes(4, 'little'), 'big')),)


def _nary(name, op):
    def lua_fn(args):
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


def _shift(name, op):
    def lua_fn(args):
        x = check_bit(args, 1)
        n = check_bit(args, 2) & 31
        return (_signed(op(x & 0xffffffff, n)),)
    lua_fn.__name__ = 'bit_' + name
    lua_fn.__code__ = lua_fn.__code__.replace(co_name=lua_fn.__name__)   # one per function
    libfunction(LIB, name)(lua_fn)


_shift('lshift', lambda x, n: x << n)
_shift('rshift', lambda x, n: x >> n)
_shift('arshift', lambda x, n: (x - ((x & 0x80000000) << 1)) >> n)
_shift('rol', lambda x, n: (x << n) | (x >> (32 - n)))
_shift('ror', lambda x, n: (x >> n) | (x << (32 - n)))


@libfunction(LIB, 'tohex')
def bit_tohex(args):
    """tohex(x [, n]): n hex digits (default 8), upper case for negative n.
    LuaJIT keeps n modulo 256 as a printf precision, so n >= 255 gives the
    digits without padding and n = 0 (mod 2^32) gives ''."""
    b = check_bit(args, 1) & 0xffffffff
    n = check_bit(args, 2) if len(args) > 1 else 8
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
