"""Lua's garbage-collection semantics on top of Python's.

Python frees an object the moment its last reference goes; Lua frees it at
a collection. The difference shows in weak tables (an entry must stay until
the collector runs, then vanish if nothing else refers to its weak part)
and in __gc (called at a collection, and for every remaining userdata when
the state closes). So weak tables hold their entries strongly, and a
collection (collectgarbage, or automatically every SWEEP_EVERY insertions
into weak tables) briefly turns the weak parts into weak references, lets
Python collect, and keeps what survived. Finalizers run at the same points.
Each state (runtime) has its own weak tables and finalizers.
"""
import gc
import weakref

from .state import current_state

SWEEP_EVERY = 100000      # weak-table insertions between automatic sweeps


def _track(registry, obj):
    key = id(obj)
    registry[key] = weakref.ref(obj, lambda _r, key=key: registry.pop(key, None))


def track_weak(h):
    """Register a weak table's hash with the running state."""
    _track(current_state().weak_hashes, h)


def track_userdata(state, u):
    """Make state finalize u: when it dies (its __gc then runs at the next
    collection) and when the state closes."""
    u.owner = state
    _track(state.userdata, u)


def note_insertion():
    state = current_state()
    state.weak_insertions += 1
    if state.weak_insertions >= SWEEP_EVERY:
        state.weak_insertions = 0
        sweep(state)


def _alive(registry):
    return [o for o in (r() for r in list(registry.values())) if o is not None]


def sweep(state):
    """One full collection: the weak entries whose weak part nothing else
    holds disappear; dead userdata get their finalizers queued."""
    hashes = _alive(state.weak_hashes)
    for h in hashes:
        h.weaken()
    gc.collect()
    for h in hashes:
        h.strengthen()


def collect(state=None):
    state = state or current_state()
    sweep(state)
    run_finalizers(state)


def run_finalizers(state):
    """Call __gc for the userdata of this state that died since the last
    collection (Userdata.__del__ queued them)."""
    from . import ops        # ops builds on table.py, which builds on this module
    due = state.pending_finalizers
    while due:
        u = due.pop(0)
        h = u.meta.hash.get('__gc') if u.meta is not None else None
        if h is not None:
            ops.call(h, [u])


def close_state(state):
    """lua_close: finalize every userdata that is still alive, newest first."""
    from . import ops
    collect(state)
    for u in reversed(_alive(state.userdata)):
        if u.meta is not None:
            h = u.meta.hash.get('__gc')
            if h is not None:
                u.meta = None          # finalized once
                ops.call(h, [u])
    state.userdata.clear()
