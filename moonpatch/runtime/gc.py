"""Lua's garbage-collection semantics on top of Python's.

Python frees an object the moment its last reference goes; Lua frees it at
a collection. The difference shows in weak tables (an entry must stay until
the collector runs, then vanish if nothing else refers to its weak part)
and in __gc (called at a collection, and for every remaining userdata when
the state closes). So weak tables hold their entries strongly, and a
collection (collectgarbage, or automatically every SWEEP_EVERY new weak
entries) briefly turns the weak parts into weak references, lets Python
collect, and keeps what survived. Finalizers run at the same points.
"""
import gc
import weakref

from .values import pending_finalizers

SWEEP_EVERY = 100000      # weak-table insertions between automatic sweeps

_weak_hashes = {}                    # id -> weakref of every WeakHash (runtime/table.py)
_insertions = [0]


def track_weak(h):
    key = id(h)
    _weak_hashes[key] = weakref.ref(h, lambda _r, key=key: _weak_hashes.pop(key, None))


def note_insertion():
    _insertions[0] += 1
    if _insertions[0] >= SWEEP_EVERY:
        _insertions[0] = 0
        sweep()


def track_userdata(state, u):
    """Remember u so that closing its state can finalize it."""
    tracked = state.userdata
    key = id(u)
    tracked[key] = weakref.ref(u, lambda _r, key=key: tracked.pop(key, None))


def sweep():
    """One full collection: weak entries whose weak part nothing else holds
    disappear; dead userdata get their finalizers queued."""
    hashes = [h for h in (r() for r in list(_weak_hashes.values())) if h is not None]
    for h in hashes:
        h.weaken()
    gc.collect()
    for h in hashes:
        h.strengthen()


def collect():
    sweep()
    run_finalizers()


def run_finalizers():
    """Call __gc for the userdata that died (queued by Userdata.__del__)."""
    from . import ops        # ops builds on table.py, which builds on this module
    while pending_finalizers:
        u = pending_finalizers.pop(0)
        h = u.meta.hash.get('__gc') if u.meta is not None else None
        if h is not None:
            ops.call(h, [u])


def close_state(state):
    """lua_close: finalize every userdata that is still alive, newest first."""
    from . import ops
    collect()
    for ref in reversed(list(state.userdata.values())):
        u = ref()
        if u is not None and u.meta is not None:
            h = u.meta.hash.get('__gc')
            if h is not None:
                u.meta = None          # finalized once
                ops.call(h, [u])
    state.userdata.clear()
