"""Tier 2: native code for numeric Lua: ir.py is the machine-level layer, x64.py and arm64.py
its encoders, pages.py executable memory, stencils.py the opcodes' machine code with holes,
backend.py the compiler that copies and patches them (docs/ARCHITECTURE.md, "Native tier").

This module answers what the host can do: its target (`host_target`), the encoder for it
(`encoder`, imported lazily: x64.py or arm64.py), and whether executable pages work here
(`unavailable_reason`, tried once, for `-jv`).
"""

import ctypes
import functools
import importlib
import os
from typing import Optional

TARGETS = {"x86_64": "x64", "amd64": "x64", "x64": "x64", "aarch64": "arm64", "arm64": "arm64"}


def machine() -> str:
    """The CPU's name as uname gives it (not platform.machine(): importing platform costs
    more than the rest of the tier's start)."""
    return os.uname().machine if hasattr(os, "uname") else os.environ.get(
        "PROCESSOR_ARCHITECTURE", "")


def host_target() -> Optional[str]:
    """"x64" or "arm64" for the CPU we run on, None for any other."""
    return TARGETS.get(machine().lower())


def encoder(target: Optional[str] = None):
    """The encoder module for `target` (default: the host's)."""
    name = target or host_target()
    if name not in TARGETS.values():
        raise ValueError(f"no native encoder for {name!r}")
    return importlib.import_module(f"{__name__}.{name}")


@functools.lru_cache(maxsize=None)
def cpu_features() -> dict:
    """The host CPU's optional features, as keyword arguments of its encoder's assemble()."""
    if host_target() != "x64" or unavailable_reason() is not None:
        return {}
    from . import pages, x64
    probe = pages.load(x64.cpuid_probe()).entry(ctypes.c_uint32)
    return {"sse41": bool(probe() & x64.SSE41_BIT)}


def assemble(program):
    """Assemble for the host, with its CPU's features."""
    return encoder().assemble(program, **cpu_features())


@functools.lru_cache(maxsize=None)
def unavailable_reason() -> Optional[str]:
    """None when native code can run here; else why not, in words for `-jv`."""
    target = host_target()
    if target is None:
        return f"native tier off: no encoder for this CPU ({machine() or 'unknown'})"
    try:
        from . import pages
        enc = encoder(target)
    except ImportError as e:
        return f"native tier off: {e}"
    from .ir import MovI, Ret
    try:
        code = enc.assemble([MovI(enc.ABI.result, 42), Ret()]).data
        answer = pages.load(code).entry(ctypes.c_int64)()
    except OSError as e:
        return f"native tier off: {e}"
    if answer != 42:
        return f"native tier off: a test function returned {answer}, not 42"
    return None


def available() -> bool:
    return unavailable_reason() is None
