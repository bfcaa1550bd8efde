"""LuaJIT's ffi library on cffi (docs/ffi.md).

This package is imported with the standard libraries, so it stays light:
it only offers `require("ffi")` (package.preload.ffi, as LuaJIT preloads
it) when the state allows the ffi and cffi can be imported. The library
itself (library.py and what it uses) loads at the first require. Without
cffi there is no preload, as in a LuaJIT built without the FFI, and
require("ffi") fails with the usual "module 'ffi' not found".
"""
import importlib.util

from ..registry import builtin

LIB = 'ffi'
_CFFI = []          # [bool]: whether cffi can be imported (looked up once)


def cffi_available():
    if not _CFFI:
        try:
            found = importlib.util.find_spec('cffi') is not None
        except (ImportError, ValueError):
            found = False
        _CFFI.append(found)
    return _CFFI[0]


def _load_ffi(args):
    from .library import open_ffi
    return open_ffi(args)


def install_preload(state, package_table):
    """package.preload.ffi, where the state allows it and cffi is there."""
    if state.ffi_allowed and cffi_available():
        preload = package_table.hash['preload']
        preload.hash[LIB] = builtin(_load_ffi, LIB, state.globals)
