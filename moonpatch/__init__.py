"""moonpatch: a Lua 5.1 engine (LuaJIT 2.1 dialect) written in Python."""
from .errors import LuaError, LuaLimitError, LuaMemoryError, LuaSyntaxError
from .runtime.stack import raise_recursion_limit

raise_recursion_limit()

__all__ = ['LuaError', 'LuaSyntaxError', 'LuaMemoryError', 'LuaLimitError']
