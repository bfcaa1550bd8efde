"""The math library (lmathlib.c), with C's results where Python raises.

Python's math module raises on domain errors and overflow; C returns a NaN
or an infinity, and lua5.1 prints a NaN as 'nan' or '-nan' by its sign bit.
Each wrapper below returns what glibc returns on x86-64 (checked against
lua5.1's output, see tests/lua/mathlib/).

math.random is LuaJIT 2.1's generator (lib_math.c: a combined Tausworthe
generator with 4x64 bits of state, period 2^223), so a seeded sequence is the
one luajit prints. lua5.1 uses the C library's rand() instead, whose sequence
no Lua program should depend on. Arguments are checked as 5.1 does it
(integers, 'interval is empty', 'wrong number of arguments').
"""
import math
import struct
from math import isnan

from ..common.luanumber import INF, NAN, NEG_NAN
from ..common.luanumber import pow as c_pow
from ..runtime.errors import ArgErr, LibErr
from .auxlib import check_cint, check_number
from .registry import builtin, direct_entry, libfunction

LIB = 'math'

_floor = math.floor
_ceil = math.ceil
TWO52 = 4503599627370496.0       # from here on every double is an integer
RADIANS_PER_DEGREE = math.pi / 180.0


def _num(args):
    """luaL_checknumber(L, 1), with the common case inline."""
    x = args[0] if args else None
    return x if type(x) is float else check_number(args, 1)


def _direct(lua_fn, fn, on_error=None):
    """A direct entry for compiled code: fn on one float, lua_fn otherwise.
    Without on_error, fn is total on floats: compiled code may call it
    itself on a float (the entry's on_float)."""
    def direct(f, *args):
        x = args[0] if args else None
        if type(x) is float:
            try:
                return fn(x)
            except (ValueError, OverflowError):
                return on_error(x)
        return lua_fn(list(args))[0]
    direct_entry(lua_fn, direct, fn if on_error is None else None)


def _direct2(lua_fn, fn):
    """A direct entry for compiled code: fn on two floats, lua_fn otherwise."""
    def direct(f, *args):
        if len(args) == 2:
            x, y = args
            if type(x) is float and type(y) is float:
                return fn(x, y)
        return lua_fn(list(args))[0]
    direct_entry(lua_fn, direct)


# ---- rounding -------------------------------------------------------------------

def c_floor(x):
    if -TWO52 < x < TWO52:
        r = float(_floor(x))
        return r if r or x != 0.0 else x          # floor(-0) is -0
    return x                                      # integral, infinite or nan


def c_ceil(x):
    if -TWO52 < x < TWO52:
        r = float(_ceil(x))
        if r == 0.0 and x < 0.0:                  # ceil(-0.5) is -0
            return -0.0
        return r if r else x                      # ceil(-0) is -0
    return x


@libfunction(LIB, 'floor')
def m_floor(args):
    return (c_floor(_num(args)),)


@libfunction(LIB, 'ceil')
def m_ceil(args):
    return (c_ceil(_num(args)),)


@libfunction(LIB, 'abs')
def m_abs(args):
    return (abs(_num(args)),)


_direct(m_floor, c_floor)
_direct(m_ceil, c_ceil)
_direct(m_abs, abs)


@libfunction(LIB, 'modf')
def m_modf(args):
    fp, ip = math.modf(_num(args))
    return (ip, fp)


@libfunction(LIB, 'fmod')
def m_fmod(args):
    x = _num(args)
    y = check_number(args, 2)
    try:
        return (math.fmod(x, y),)
    except ValueError:          # fmod(x, 0), fmod(inf, y)
        return (NEG_NAN,)


# ---- functions of one argument ------------------------------------------------------
# on_error(x): C's result where Python raises ValueError/OverflowError

def _unary(name, fn, on_error):
    def lua_fn(args):
        x = args[0] if args else None
        if type(x) is not float:
            x = check_number(args, 1)
        try:
            return (fn(x),)
        except (ValueError, OverflowError):
            return (on_error(x),)
    lua_fn.__name__ = 'm_' + name
    lua_fn.__code__ = lua_fn.__code__.replace(co_name=lua_fn.__name__)   # one per function
    libfunction(LIB, name)(lua_fn)
    _direct(lua_fn, fn, on_error)




_unary('sin', math.sin, lambda x: NEG_NAN)
_unary('cos', math.cos, lambda x: NEG_NAN)
_unary('tan', math.tan, lambda x: NEG_NAN)
_unary('asin', math.asin, lambda x: NAN)
_unary('acos', math.acos, lambda x: NAN)
_unary('atan', math.atan, lambda x: NAN)
_unary('sinh', math.sinh, lambda x: math.copysign(INF, x))
_unary('cosh', math.cosh, lambda x: INF)
_unary('tanh', math.tanh, lambda x: NAN)
_unary('exp', math.exp, lambda x: INF)
_unary('sqrt', math.sqrt, lambda x: NEG_NAN)
_unary('log', math.log, lambda x: -INF if x == 0.0 else NEG_NAN)
_unary('log10', math.log10, lambda x: -INF if x == 0.0 else NAN)


@libfunction(LIB, 'deg')
def m_deg(args):
    return (_num(args) / RADIANS_PER_DEGREE,)


@libfunction(LIB, 'rad')
def m_rad(args):
    return (_num(args) * RADIANS_PER_DEGREE,)


@libfunction(LIB, 'frexp')
def m_frexp(args):
    m, e = math.frexp(_num(args))
    return (m, float(e))


@libfunction(LIB, 'ldexp')
def m_ldexp(args):
    x = _num(args)
    e = check_cint(args, 2)
    try:
        return (math.ldexp(x, e),)
    except OverflowError:
        return (math.copysign(INF, x),)


@libfunction(LIB, 'pow')
def m_pow(args):
    return (c_pow(_num(args), check_number(args, 2)),)


@libfunction(LIB, 'atan2')
def m_atan2(args):
    y = _num(args)
    x = check_number(args, 2)
    if isnan(x):                           # glibc propagates a nan operand, x's first
        return (x,)
    if isnan(y):
        return (y,)
    return (math.atan2(y, x),)


@libfunction(LIB, 'min')
def m_min(args):
    dmin = _num(args)
    for i in range(2, len(args) + 1):
        d = args[i - 1]
        if type(d) is not float:
            d = check_number(args, i)
        dmin = min(dmin, d)           # keeps dmin unless d < dmin, as C's loop
    return (dmin,)


@libfunction(LIB, 'max')
def m_max(args):
    dmax = _num(args)
    for i in range(2, len(args) + 1):
        d = args[i - 1]
        if type(d) is not float:
            d = check_number(args, i)
        dmax = max(dmax, d)
    return (dmax,)


_direct2(m_min, min)
_direct2(m_max, max)


# ---- LuaJIT's PRNG --------------------------------------------------------------------

M64 = 0xffffffffffffffff
_DOUBLE = struct.Struct('<d')
_U64 = struct.Struct('<Q')
# (k, q, s) of the four LFSR generators (L'Ecuyer 1991, table 3, 1st entry)
TW223 = ((63, 31, 18), (58, 19, 28), (55, 24, 7), (47, 21, 8))
_TW223_MASKS = tuple((M64 << (64 - k)) & M64 for k, _q, _s in TW223)


class RandomState:
    """lib_math.c's RandomState: four 64-bit generators; unseeded, it is
    seeded with 0.0 on first use, as LuaJIT does."""
    __slots__ = ('gen',)

    def __init__(self):
        self.gen = None

    def seed(self, d):
        """random_init: spread a double over the four generators."""
        gen = []
        r = 0x11090601                   # 64-k[i] as four 8-bit constants
        for _ in range(4):
            m = 1 << (r & 255)
            r >>= 8
            d = d * 3.14159265358979323846 + 2.7182818284590452354
            u = _U64.unpack(_DOUBLE.pack(d))[0]
            if u < m:
                u += m                   # the k[i] top bits must not all be zero
            gen.append(u)
        self.gen = gen
        for _ in range(10):
            self.step()

    def step(self):
        """lj_math_random_step: the next 52 random bits as a double in [1, 2)."""
        gen = self.gen
        if gen is None:
            self.seed(0.0)
            gen = self.gen
        r = 0
        for i in range(4):
            k, q, s = TW223[i]
            z = gen[i]
            z = ((((z << q) & M64) ^ z) >> (k - s)) ^ (((z & _TW223_MASKS[i]) << s) & M64)
            r ^= z
            gen[i] = z
        return _DOUBLE.unpack(_U64.pack((r & 0x000fffffffffffff) | 0x3ff0000000000000))[0]

    def random(self):
        """A double in [0, 1)."""
        return self.step() - 1.0


def _random(rs, args):
    d = rs.random()
    n = len(args)
    if n == 0:
        return (d,)
    if n == 1:
        u = check_cint(args, 1)
        if u < 1:
            raise ArgErr(1, 'interval is empty')
        return (c_floor(d * u) + 1.0,)
    if n == 2:
        lo = check_cint(args, 1)
        u = check_cint(args, 2)
        if lo > u:
            raise ArgErr(2, 'interval is empty')
        return (c_floor(d * (u - lo + 1.0)) + lo,)
    raise LibErr('wrong number of arguments')


def _randomseed(rs, args):
    rs.seed(check_number(args, 1))
    return ()


def setup(state, t):
    """Constants, math.mod (5.1's LUA_COMPAT_MOD) and the random functions,
    which share one RandomState per Lua state."""
    h = t.hash
    h['pi'] = math.pi
    h['huge'] = INF
    h['mod'] = h['fmod']
    rs = RandomState()
    state.random_state = rs
    h['random'] = builtin(lambda args: _random(rs, args), 'random', state.globals)
    h['randomseed'] = builtin(lambda args: _randomseed(rs, args), 'randomseed', state.globals)
