"""moonpatch: a Lua 5.1 engine (LuaJIT 2.1 dialect) written in Python.

The Python API (docs/python-api.md) is lupa's: LuaRuntime, LuaError,
lua_type, as_attrgetter, as_itemgetter, unpacks_lua_table, ...
"""
from .errors import (LuaDepthError, LuaError, LuaInstructionLimitError, LuaLimitError,
                     LuaMemoryError, LuaSyntaxError, LuaTimeoutError)
from .luaruntime import (
    LuaRuntime,
    _LuaFunction,
    _LuaObject,
    _LuaTable,
    _LuaThread,
    _LuaUserdata,
    as_attrgetter,
    as_itemgetter,
    lua_type,
    public_attributes,
    to_python,
    unpacks_lua_table,
    unpacks_lua_table_method,
)
from .runtime.stack import raise_recursion_limit
from .sandbox import Sandbox

raise_recursion_limit()


def __getattr__(name):
    # isolated.py loads multiprocessing and threading: only for the hosts that use it
    if name in ('IsolatedRuntime', 'SandboxPool'):
        from . import isolated
        return getattr(isolated, name)
    raise AttributeError(f"module 'moonpatch' has no attribute {name!r}")


__all__ = ['IsolatedRuntime', 'LuaDepthError', 'LuaError', 'LuaInstructionLimitError',
           'LuaLimitError', 'LuaMemoryError', 'LuaRuntime', 'LuaSyntaxError', 'LuaTimeoutError',
           'Sandbox', 'SandboxPool', '_LuaFunction', '_LuaObject', '_LuaTable', '_LuaThread',
           '_LuaUserdata', 'as_attrgetter', 'as_itemgetter', 'lua_type', 'public_attributes',
           'to_python', 'unpacks_lua_table', 'unpacks_lua_table_method']
