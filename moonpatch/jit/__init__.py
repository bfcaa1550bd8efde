"""The JIT (tier 1): hot Lua functions compiled to specialised Python.

Importing it installs the tier-up hook in the interpreter (tierup.py) and
the backend pass in the pipeline (pipeline.py); the `jit` library
(lib/jit.py) is its Lua face. See docs/ARCHITECTURE.md for the path a
function takes.
"""
from . import observers, pipeline, pyjit, tierup  # noqa: F401 (observers adds its pass)


def _backend(c):
    compiled = pyjit.compile_proto(c.proto, c.entry, c.closure, c.seed)
    c.function, c.direct, c.hints = compiled.function, compiled.direct, compiled.hints
    c.source, c.linemap = compiled.source, compiled.linemap


pipeline.add_pass(0, 'backend', _backend)
tierup.install()
