"""LuaJIT's boxed numbers: 64-bit integers and complex numbers.

The values of the `1LL`, `1ULL` and `12.5i` literals (the lexer makes them,
binary chunks hold them), of LuaJIT's bit library on 64-bit arguments, and
of the ffi's int64_t/uint64_t/complex results. They are cdata
(common/cdata.py); their operators are runtime/int64.py. Here is only what
the value is and the conversions of C (lj_cconv.c, on x86-64) that every
layer shares.
"""
from .cdata import Cdata

MASK64 = (1 << 64) - 1
INT64_MIN = -(1 << 63)
TWO63 = 9223372036854775808.0
TWO64 = 18446744073709551616.0


class Int64(Cdata):
    """An int64_t (unsigned False) or a uint64_t: value is the Python int it
    holds, in -2^63..2^63-1 or 0..2^64-1. Immutable."""
    __slots__ = ('value', 'unsigned', '__weakref__')

    def __init__(self, value, unsigned=False):
        self.value = value
        self.unsigned = unsigned

    @classmethod
    def wrap(cls, i, unsigned=False):
        """The box of the int i modulo 2^64."""
        i &= MASK64
        if not unsigned and i >> 63:
            i -= 1 << 64
        return cls(i, unsigned)

    @property
    def ctype(self):
        return 'uint64_t' if self.unsigned else 'int64_t'

    def bits(self):
        """The 64 bits, as an unsigned int."""
        return self.value & MASK64

    def tonumber(self):
        return float(self.value)

    def __repr__(self):
        return '%d%s' % (self.value, 'ULL' if self.unsigned else 'LL')


class Complex(Cdata):
    """A complex double (LuaJIT's `complex`). Immutable."""
    __slots__ = ('re', 'im', '__weakref__')
    ctype = 'complex'

    def __init__(self, re, im):
        self.re = re
        self.im = im

    def tonumber(self):
        return self.re

    def __repr__(self):
        return 'Complex(%r, %r)' % (self.re, self.im)


def double_to_int64(x):
    """(int64_t)x as x86-64 converts it (cvttsd2si): truncation; nan and
    values out of range give -2^63."""
    if -TWO63 <= x < TWO63:
        return int(x)
    return INT64_MIN


def double_to_uint64(x):
    """lj_num2u64 as LuaJIT on x86-64 computes it: below 2^63 a truncation
    in which every value at or below -1 (and nan) gives 2^63; from 2^63 on,
    x - 2^64 converted as an int64_t."""
    if x >= TWO63:
        return double_to_int64(x - TWO64) & MASK64
    if -1.0 < x:
        return int(x)
    return 1 << 63
