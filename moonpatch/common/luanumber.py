"""Lua's float arithmetic where Python's differs from C's: / % ^.

Python raises on a zero divisor, an overflowing or domain-violating power;
C, and so Lua 5.1, gives an infinity or a nan (x86's 0/0 is a negative nan,
which lua5.1 prints as '-nan'). The front end folds constants with these
functions and the runtime computes with them, so a folded constant and a
computed value agree to the bit.
"""
import math

NAN = float('nan')
NEG_NAN = -NAN        # what x86 gives for 0/0 and inf-inf; lua5.1 prints it as -nan
INF = float('inf')


def _floor(x):
    """C's floor(): infinities, nan and zeros (-0 included) are unchanged."""
    return float(math.floor(x)) if x and -INF < x < INF else x


def div(a, b):
    """a / b with IEEE results for a zero divisor, as C computes them."""
    if b:
        return a / b
    if a != a or a == 0:
        return a if a != a else NEG_NAN
    return math.copysign(INF, a) * math.copysign(1.0, b)


def mod(a, b):
    """Lua 5.1's luai_nummod: a - floor(a/b)*b, in C's floating point."""
    return a - _floor(div(a, b)) * b


def _odd_integer(y):
    return y == math.floor(y) and math.fmod(y, 2.0) != 0 if -INF < y < INF else False


def pow(a, b):
    """C's pow(): overflow gives inf, a negative base with a fractional
    exponent gives nan, zero to a negative power gives inf."""
    if a != a or b != b:
        return _nan_pow(a, b)
    try:
        return math.pow(a, b)
    except OverflowError:
        return -INF if a < 0 and _odd_integer(b) else INF
    except ValueError:
        if a == 0:
            return -INF if math.copysign(1.0, a) < 0 and _odd_integer(b) else INF
        return NEG_NAN


def _nan_pow(x, y):
    """glibc's pow() when x or y is nan (Python returns x or y as they
    are): a negative nan to an odd power comes out positive."""
    if y == 0.0 or x == 1.0:
        return 1.0
    if y != y:
        return y if x == x else x
    if math.copysign(1.0, x) < 0 and _odd_integer(y):
        return NAN
    return x
