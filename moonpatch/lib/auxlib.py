"""Argument checking for library functions, as Lua 5.1's lauxlib does it.

Arguments are numbered from 1 as in Lua; `args` is the argument list. A
missing argument is 'no value', which Lua distinguishes from nil in its
messages: `bad argument #1 to 'rep' (string expected, got no value)`.
"""
from ..runtime.errors import ArgErr, LibErr, type_error
from ..runtime.table import LuaTable
from ..runtime.values import LuaFunction, number_to_str, str_to_number, typename

LLONG_MIN = -2 ** 63
MAXCSTACK = 8000        # LUAI_MAXCSTACK: the values a C function may push (lua_checkstack)
# The longest string a library function builds from a short input (string.rep,
# debug.traceback); longer ones are 'not enough memory' at once, where
# lua5.1 would take gigabytes first.
MAX_STRING = 2 ** 28


def arg_error(n, msg):
    """luaL_argerror: raise ArgErr(...) with what this returns."""
    return ArgErr(n, msg)


def lib_error(msg):
    """luaL_error: a message positioned at the caller."""
    return LibErr(msg)


def to_integer(x):
    """C's (lua_Integer)x for a double on x86-64 (luaL_checkinteger):
    truncation, LLONG_MIN when out of range or NaN."""
    if -9.223372036854775808e18 <= x < 9.223372036854775808e18:
        return int(x)
    return LLONG_MIN


def c_int(n):
    """C's (int) of a lua_Integer: the low 32 bits, signed (luaL_checkint)."""
    return ((n + 0x80000000) & 0xffffffff) - 0x80000000


def check_cint(args, n):
    """luaL_checkint: a C int (32 bits, wrapping)."""
    return c_int(to_integer(check_number(args, n)))


def opt_cint(args, n, default):
    if n > len(args) or args[n - 1] is None:
        return default
    return check_cint(args, n)


def check_any(args, n):
    if n > len(args):
        raise ArgErr(n, 'value expected')
    return args[n - 1]


def check_table(args, n):
    v = args[n - 1] if n <= len(args) else None
    if type(v) is not LuaTable:
        raise type_error(n, 'table', v, n > len(args))
    return v


def check_function(args, n):
    v = args[n - 1] if n <= len(args) else None
    if type(v) is not LuaFunction:
        raise type_error(n, 'function', v, n > len(args))
    return v


def check_number(args, n):
    v = args[n - 1] if n <= len(args) else None
    if type(v) is float:
        return v
    if type(v) is str:
        x = str_to_number(v)
        if x is not None:
            return x
    raise type_error(n, 'number', v, n > len(args))


def opt_number(args, n, default):
    if n > len(args) or args[n - 1] is None:
        return default
    return check_number(args, n)


def check_int(args, n):
    return to_integer(check_number(args, n))


def opt_int(args, n, default):
    if n > len(args) or args[n - 1] is None:
        return default
    return to_integer(check_number(args, n))


def check_string(args, n):
    """luaL_checklstring: strings, and numbers converted to strings."""
    v = args[n - 1] if n <= len(args) else None
    if type(v) is str:
        return v
    if type(v) is float:
        return number_to_str(v)
    raise type_error(n, 'string', v, n > len(args))


def opt_string(args, n, default):
    if n > len(args) or args[n - 1] is None:
        return default
    return check_string(args, n)


def check_stack(held, n):
    """lua_checkstack: whether a C function holding `held` values may push
    n more (LUAI_MAXCSTACK counts both)."""
    return n <= MAXCSTACK and held + n <= MAXCSTACK


def c_name(s):
    """A Lua string as C's char* sees it (a file name, an option, a
    command): up to the first NUL."""
    i = s.find('\0')
    return s if i < 0 else s[:i]


def check_option(args, n, default, options):
    """luaL_checkoption: the name compared as a C string."""
    name = c_name(opt_string(args, n, default) if default is not None else check_string(args, n))
    if name not in options:
        raise ArgErr(n, "invalid option '%s'" % name)
    return name


def check_type(args, n, tname):
    """luaL_checktype for the types without a dedicated checker."""
    v = args[n - 1] if n <= len(args) else None
    if typename(v) != tname or n > len(args):
        raise type_error(n, tname, v, n > len(args))
    return v


def arg(args, n):
    """Argument n, or None when absent."""
    return args[n - 1] if n <= len(args) else None
