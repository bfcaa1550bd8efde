"""C levels: lua5.1's count of calls from C into Lua (nCcalls).

lua5.1 counts every call that C code makes (lua_call and lua_pcall from
library functions, metamethods, hooks, finalizers, coroutine.resume) and
says 'C stack overflow' at 200 of them, however deep the Lua stack is
otherwise. Here the host's calls into Lua go through ops.call (or CLevel),
which count them the same way.
"""
from _thread import _local     # threading.local, without threading's start-up cost

from ..errors import LuaError
from .errors import RuntimeErr


class _CLevels(_local):
    n = 0


# How many calls the host (library functions, metamethods, the API) has
# made into Lua that are still running in this thread: lua5.1's nCcalls,
# less lua.c's own call of the main chunk (parser.HOST_CCALLS). It is a
# thread's, as the C stack is; a coroutine carries what it holds across a
# yield (runtime/coroutine.py). The parser's limits start from it.
C_LEVELS = _CLevels()
# lua5.1 says 'C stack overflow' when a call would make nCcalls reach
# LUAI_MAXCCALLS (200): at 198 here, with lua.c's level and the new call.
C_LEVELS_MAX = 200 - 2
ERROR_HANDLING_LEVELS = 200 >> 3    # what error handlers may still use past it


class ErrorHandlingError(LuaError):
    """lua5.1's LUA_ERRERR: error handlers went too deep."""

    def __init__(self):
        LuaError.__init__(self, 'error in error handling')


def check_c_levels(n):
    """A call from C at n levels, n >= C_LEVELS_MAX: only an error handler
    of a C stack overflow (which runs past the limit) may go on, and not
    far (luaD_call)."""
    if n == C_LEVELS_MAX:
        err = RuntimeErr('C stack overflow')
        err.c_levels = n + 1        # where xpcall's handler runs, as in lua5.1
        raise err
    if n >= C_LEVELS_MAX + ERROR_HANDLING_LEVELS:
        raise ErrorHandlingError()


class _CLevel:
    """`with C_LEVEL:` around library code that calls Lua functions many
    times at one level (sort's comparator, gsub's replacement function)."""
    __slots__ = ()

    def __enter__(self):
        c = C_LEVELS
        if c.n >= C_LEVELS_MAX:
            check_c_levels(c.n)
        c.n += 1

    def __exit__(self, *exc):
        C_LEVELS.n -= 1


C_LEVEL = _CLevel()
