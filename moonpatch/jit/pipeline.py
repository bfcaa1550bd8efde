"""The compilation pipeline (LuaJIT 1.x's jit.* passes).

Compiling a prototype runs a list of passes ordered by priority, highest
first: the optimizer (+50) before the backend (0), the native tier (-10)
after it, observers such as the dump (-99) last. A pass returns nothing or
raises Refused; after a pass failed, only passes with an odd priority still
run (observers that want to see failures too). Handlers attached with jit.attach(fn, 'bc') see each
prototype before it is compiled and with (fn, 'trace') each result.

The result is the prototype's JitState: status 'ok' with the compiled
function, or 'failed' with the reason, and the compile time.
"""
import time

from .structure import Refused


class Compilation:
    """What the passes share while one prototype compiles."""
    __slots__ = ('proto', 'closure', 'entry', 'seed', 'live', 'hints', 'function', 'direct',
                 'source', 'linemap', 'failed', 'started', 'native', 'native_refused')

    def __init__(self, proto, closure, entry=None, seed=0, live=None):
        self.proto = proto
        self.closure = closure      # the closure whose call made it hot (its live values)
        self.entry = entry          # the loop pc of an on-stack replacement, or None
        self.seed = seed            # registers (a bit mask) that hold floats at the entry
        self.live = live            # the live registers (or arguments) at the entry
        self.hints = None           # the optimizer's findings
        self.function = None
        self.direct = None          # the direct entry: positional arguments, one result
        self.source = None
        self.linemap = None
        self.failed = None          # the reason, once a pass refused
        self.native = None          # the native function behind the gates (jit/native/)
        self.native_refused = None  # why there is none, if the native pass tried
        self.started = time.perf_counter()


_PASSES = []       # (priority, name, fn(Compilation))


def add_pass(priority, name, fn):
    """Add (or replace) a pass of the pipeline."""
    remove_pass(name)
    _PASSES.append((priority, name, fn))
    _PASSES.sort(key=lambda p: -p[0])


def remove_pass(name):
    _PASSES[:] = [p for p in _PASSES if p[1] != name]


def run(proto, closure, entry=None, seed=0, live=None):
    """Run the pipeline on proto; returns the Compilation."""
    c = Compilation(proto, closure, entry, seed, live)
    for priority, name, fn in list(_PASSES):
        if c.failed is not None and priority % 2 == 0:
            continue
        try:
            fn(c)
        except Refused as e:
            if c.failed is None:
                c.failed = '%s: %s' % (name, e)
    return c


def timed_run(proto, closure, entry=None, seed=0, live=None):
    """run() and the seconds it took."""
    c = run(proto, closure, entry, seed, live)
    return c, time.perf_counter() - c.started
