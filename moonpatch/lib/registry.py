"""Library functions, registered by declaration (LuaJIT's LJLIB_CF).

    @libfunction('string', 'rep')
    def str_rep(args): ...

records the function under its library; open_library() builds the Lua table
of a library for one state. A library function takes the argument list (it
owns it) and returns a sequence of results; it is a host function, so it is
one [C] level in tracebacks and error positions.
"""
from ..runtime.callstack import host_function
from ..runtime.table import LuaTable
from ..runtime.values import LuaFunction

_LIBRARIES = {}      # library name -> {lua name: python function}
_DIRECT = {}         # python function -> its direct entry (f, *args) -> first result


def direct_entry(fn, entry, on_float=None):
    """Give library function fn a direct entry for compiled code: called as
    entry(function object, *args), it returns the first result (jit/pyjit.py
    calls it instead of the gate, skipping the argument list and the result
    tuple). It must behave as fn does, errors included: the usual way is a
    fast path for plain floats and fn itself for everything else.
    on_float: a Python function that gives fn's result for one float
    argument and never raises, which compiled code may call itself."""
    entry.on_float = on_float
    _DIRECT[fn] = entry


def libfunction(lib, name):
    def register(fn):
        host_function(fn, name)
        _LIBRARIES.setdefault(lib, {})[name] = fn
        return fn
    return register


def builtin(fn, name, env=None):
    """A Lua function object for a Python function with the library calling
    convention (for closures made at run time, e.g. by coroutine.wrap)."""
    host_function(fn, name)
    return LuaFunction(fn, None, None, env, name)


def open_library(state, lib, table=None):
    """Fill (or make) the table of library `lib` with its functions."""
    t = LuaTable() if table is None else table
    for name, fn in _LIBRARIES.get(lib, {}).items():
        f = t.hash[name] = LuaFunction(fn, None, None, state.globals, name)
        f.direct = _DIRECT.get(fn)
    return t


def library_names():
    return list(_LIBRARIES)
