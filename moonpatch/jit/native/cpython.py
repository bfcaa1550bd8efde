"""What native code needs to read and write Lua tables in CPython's own memory.

A Lua table is a LuaTable whose `hash` is a dict (runtime/table.py); a number is a float.
Native code looks a key up with PyDict_GetItem (a float key goes through one scratch float
object, owned here and never shown to Lua), reads a float's value at its ob_fval, and
writes a number over an existing float: in place where the dict holds the only reference
to it (nobody can see the change), else through a new float and PyDict_SetItem. Anything
else (no entry, another type, a new key) leaves native code for the interpreter, which does
what Lua does (__index, __newindex, a table's growth).

Only on CPython with the GIL (the layout and these functions are its C API; native code
runs holding the GIL, so the scratch object needs no lock); `reason` says why not.
"""

import ctypes
import sys

from ...runtime.table import LuaTable

OB_REFCNT, OB_TYPE = 0, 8


def _reason():
    if sys.implementation.name != "cpython":
        return "native code reads tables on CPython only"
    if getattr(sys, "_is_gil_enabled", lambda: True)() is False:
        return "native code does not read tables without the GIL"
    if ctypes.sizeof(ctypes.c_void_p) != 8 or float.__basicsize__ != 24:
        return "native code reads tables of 64-bit CPython only"
    return None


reason = _reason()


def _hash_offset() -> int:
    """Where a LuaTable keeps its dict: the slot that holds it, found in a new one."""
    t = LuaTable()
    for offset in range(16, type(t).__basicsize__, 8):
        if ctypes.c_void_p.from_address(id(t) + offset).value == id(t.hash):
            return offset
    raise RuntimeError("LuaTable.hash not found")


if reason is None:
    FLOAT_VALUE = float.__basicsize__ - 8       # ob_fval, after the object header
    HASH = _hash_offset()
    FLOAT_TYPE, TABLE_TYPE = id(float), id(LuaTable)
    SCRATCH = float("nan")                      # the key of lookups by a number
    SCRATCH_ADDRESS = id(SCRATCH)
    API = {name: ctypes.cast(getattr(ctypes.pythonapi, name), ctypes.c_void_p).value
           for name in ("PyDict_GetItem", "PyDict_SetItem", "PyFloat_FromDouble",
                        "Py_DecRef")}


def table_at(address: int):
    """The LuaTable at address (a slot's pointer: some frame or table holds it)."""
    return ctypes.cast(address, ctypes.py_object).value
