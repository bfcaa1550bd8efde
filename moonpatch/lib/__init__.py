"""The standard libraries: each module registers its functions under its
library name (registry.py); open_libs() installs them into a state."""
from ..runtime import int64
from . import base, bit, coroutine, debug, ffi, io, jit, math, os, package, string, table
from .registry import open_library

# Order matters only for setup() functions that use other libraries
# (package's setup registers every library opened before it in package.loaded).
MODULES = (coroutine, string, table, math, io, os, debug, bit, jit, package)


def open_libs(state):
    """Install the standard libraries into a fresh state's globals; each
    module may have setup(state, table) for what is not a function."""
    g = base.open_base(state)
    int64.install(state)        # the 1LL and 1i literals need no require "ffi"
    for module in MODULES:
        t = open_library(state, module.LIB)
        setup = getattr(module, 'setup', None)
        if setup is not None:
            setup(state, t)
        g.hash[module.LIB] = t
    ffi.install_preload(state, state.package_table)
    return g
