"""moonpatch: a Lua 5.1 engine (LuaJIT 2.1 dialect) written in Python.

The Python API (docs/python-api.md) is lupa's: LuaRuntime, LuaError,
lua_type, as_attrgetter, as_itemgetter, unpacks_lua_table, ...
"""
from .errors import LuaError, LuaLimitError, LuaMemoryError, LuaSyntaxError
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

__all__ = ['LuaError', 'LuaLimitError', 'LuaMemoryError', 'LuaRuntime', 'LuaSyntaxError',
           'Sandbox', '_LuaFunction', '_LuaObject', '_LuaTable', '_LuaThread', '_LuaUserdata',
           'as_attrgetter', 'as_itemgetter', 'lua_type', 'public_attributes', 'to_python',
           'unpacks_lua_table', 'unpacks_lua_table_method']
