"""Executable memory for native code: mapped with mmap, written while readable and writable,
then made readable and executable with mprotect, never writable and executable at once (W^X).

An `ExecPages` owns its mapping and unmaps it when it dies; a ctypes entry function made by
`entry()` holds its pages, so the code lives as long as something can call it.
"""

import ctypes
import mmap
import os
import sys
import weakref
from typing import Callable, Optional

from . import host_target

PAGE = mmap.PAGESIZE


class PagesError(OSError):
    """Executable pages cannot be had here (the message says why)."""


def _libc_function(name: str, restype, argtypes) -> Optional[Callable]:
    """A libc function through ctypes, or None where there is none (Windows)."""
    if sys.platform == "win32":
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    func = getattr(libc, name, None)
    if func is not None:
        func.restype, func.argtypes = restype, argtypes
    return func


_mmap = _libc_function("mmap", ctypes.c_void_p, (ctypes.c_void_p, ctypes.c_size_t,
                                                 ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                                 ctypes.c_long))
_munmap = _libc_function("munmap", ctypes.c_int, (ctypes.c_void_p, ctypes.c_size_t))
_mprotect = _libc_function("mprotect", ctypes.c_int, (ctypes.c_void_p, ctypes.c_size_t,
                                                      ctypes.c_int))
MAP_FAILED = 2 ** (8 * ctypes.sizeof(ctypes.c_void_p)) - 1


def _find_icache_flush() -> Optional[Callable[[int, int], None]]:
    """`flush(address, size)` for the instruction cache, where the CPU needs one: AArch64
    does not keep it coherent with stores (x86-64 does, and gets a no-op)."""
    if host_target() != "arm64":
        return lambda address, size: None
    if sys.platform == "darwin":
        libsystem = ctypes.CDLL("/usr/lib/libSystem.dylib")
        invalidate = libsystem.sys_icache_invalidate
        invalidate.restype, invalidate.argtypes = None, (ctypes.c_void_p, ctypes.c_size_t)
        return invalidate
    from ctypes.util import find_library
    for name in (None, find_library("gcc_s")):
        try:
            clear = ctypes.CDLL(name).__clear_cache
        except (OSError, AttributeError):
            continue
        clear.restype, clear.argtypes = None, (ctypes.c_void_p, ctypes.c_void_p)
        return lambda address, size: clear(address, address + size)
    return None


_icache_flush = _find_icache_flush()


def _unmap(address: int, size: int) -> None:
    _munmap(address, size)


class ExecPages:
    """A private anonymous mapping of whole pages: writable until `seal()`, then executable."""

    def __init__(self, size: int):
        if _mmap is None or _mprotect is None or _munmap is None:
            raise PagesError("no mmap/mprotect on this platform")
        self.size = max(PAGE, -(-size // PAGE) * PAGE)
        address = _mmap(None, self.size, mmap.PROT_READ | mmap.PROT_WRITE,
                        mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS, -1, 0)
        if address is None or address == MAP_FAILED:
            raise PagesError(f"mmap failed: {_errno_text()}")
        self.address = address
        self.sealed = False
        self._free = weakref.finalize(self, _unmap, address, self.size)

    def write(self, offset: int, data: bytes) -> None:
        if self.sealed:
            raise PagesError("the pages are executable now, and so never writable again")
        if not 0 <= offset <= self.size - len(data):
            raise PagesError(f"{len(data)} bytes at {offset} do not fit in {self.size}")
        ctypes.memmove(self.address + offset, bytes(data), len(data))

    def seal(self) -> None:
        """Make the pages read-only and executable (and the CPU see what was written)."""
        if _icache_flush is None:
            raise PagesError("no instruction-cache flush (__clear_cache) on this host")
        if _mprotect(self.address, self.size, mmap.PROT_READ | mmap.PROT_EXEC) != 0:
            raise PagesError(f"mprotect(PROT_EXEC) refused (hardened host?): {_errno_text()}")
        self.sealed = True
        _icache_flush(self.address, self.size)

    def entry(self, restype, *argtypes, offset: int = 0):
        """A ctypes function for the code at `offset`; it keeps these pages alive."""
        if not self.sealed:
            raise PagesError("seal() the pages before running them")
        # (PYFUNCTYPE: the GIL stays held, so nothing else runs Python meanwhile, such as a
        # thread that changes limits.TICKS, which the code reads and gives back)
        function = ctypes.PYFUNCTYPE(restype, *argtypes)(self.address + offset)
        function.pages = self
        return function

    def free(self) -> None:
        """Unmap now (nothing may run the code any more)."""
        self._free()

    @property
    def alive(self) -> bool:
        return self._free.alive


def load(code: bytes) -> ExecPages:
    """Executable pages holding `code` at offset 0."""
    pages = ExecPages(len(code))
    pages.write(0, code)
    pages.seal()
    return pages


def _errno_text() -> str:
    number = ctypes.get_errno()
    return f"{os.strerror(number)} (errno {number})"
