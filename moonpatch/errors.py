"""The exceptions moonpatch raises to its callers.

This module sits below every layer (the front end raises syntax errors, the
runtime raises the rest), so it imports nothing from the package.
"""


class LuaError(Exception):
    """A Lua error: `value` is the Lua error value, unchanged (any Lua type).

    `traceback` is a Lua-style traceback string, or None when none was taken.
    """
    pending = False     # runtime/errors.py: True until the message is positioned

    def __init__(self, value, traceback=None):
        Exception.__init__(self, value)
        self.value = value
        self.traceback = traceback

    def __str__(self):
        v = self.value
        if isinstance(v, str):
            return v
        if isinstance(v, bytes):            # the Python API with encoding=None
            return v.decode('utf-8', 'replace')
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return '%.14g' % v
        return 'error object is a %s value' % _typename(v)


class LuaSyntaxError(LuaError):
    """A chunk failed to compile; `value` is Lua's message (`input:1: ... near 'x'`)."""


class LuaLimitError(LuaError):
    """A limit (memory, instructions, time, call depth) stopped the program.

    Lua code cannot catch it (pcall, xpcall, coroutine.resume, ...): it
    unwinds to the host. `catchable` is true only for LuaMemoryError when no
    memory limit was set, where Lua's own 'not enough memory' is an
    ordinary error, as in lua5.1.
    """
    catchable = False


class LuaMemoryError(LuaLimitError):
    """Out of memory ('not enough memory'): the runtime's max_memory was
    reached (uncatchable), or Python ran out (catchable, as lua5.1's)."""


class LuaInstructionLimitError(LuaLimitError):
    """max_instructions was reached."""


class LuaTimeoutError(LuaLimitError):
    """The timeout passed."""


class LuaDepthError(LuaLimitError):
    """max_depth was reached: Lua calls, metamethods and coroutines nested too deep."""


def _typename(v):
    # Local copy of the type naming so this module stays dependency-free.
    if v is None:
        return 'nil'
    if v is True or v is False:
        return 'boolean'
    return getattr(type(v), 'lua_typename', 'userdata')
