"""Lua's garbage collector, on top of Python's.

Python frees an object when its last reference goes; Lua frees it at a
collection. The difference shows in weak tables (an entry stays until the
collector runs, then goes if nothing else refers to its weak part), in
__gc, and in the memory count. Each state has a Collector:

- Weak tables hold their entries strongly. A collection turns their weak
  parts into weak references, lets Python collect, and keeps what survived.
- Before that, every Lua frame of the state's threads drops what Lua would
  not keep (callstack.scrub): the interpreter's temporaries, and the
  registers above the top of the call a frame waits in, which lgc.c's
  traversestack clears. So only what Lua can reach keeps an entry alive.
- A userdata with __gc that dies is resurrected into `pending`
  (Userdata.__del__). A collection runs the finalizers of those it found,
  newest first, as lua5.1's GCTM does; a weak key to one stays until the
  next collection (its finalizer can still look it up), a weak value goes.
- `total` counts Lua's memory in bytes: allocations charge it (tables and
  their growth, closures, userdata, threads, concatenated strings), and a
  full collection sets it to what the state can still reach (estimate_live,
  by lua5.1's object sizes). A state with weak tables or finalizers due
  sweeps them as it allocates (every AUTO_BYTES, or as much as was alive,
  if more); the count is brought down when it is read past `threshold`
  (pause% of what was alive, 200% by default), and collectgarbage("step")
  does lua5.1's incremental steps, a cycle being as much work as memory.
"""
import gc
import sys
import weakref

from ..errors import LuaMemoryError
from .callstack import frame_values, lua_frames, scrub
from .state import current_state

GRANULE = 1 << 16             # bytes allocated between two looks at the threshold
AUTO_BYTES = 8 << 20          # at least this much allocation between automatic sweeps
BUDGET = [GRANULE]            # counts down as objects are made (see charge)

# What Python holds for each kind of Lua value on a 64-bit CPython 3.11,
# measured with tracemalloc (the count is what max_memory limits, so it
# follows the host's memory, not lua5.1's lobject.h: a table's slot is a
# dict entry with a float key, 72 bytes where lua5.1 takes 16)
TABLE_BYTES = 190             # the LuaTable and its dict, as it is made
SLOT_BYTES = 72               # an array slot: a dict entry and its float key
NODE_BYTES = 48               # a hash slot
CLOSURE_BYTES = 200           # the LuaFunction, its gate and upvalue list
UPVAL_BYTES = 170             # an UpVal with its cell
USERDATA_BYTES = 100
THREAD_BYTES = 4000           # a coroutine: its greenlet and first frames
STRING_BYTES = 49             # a str's header
STATE_BYTES = 16000           # what the state takes besides its tables and strings
if sys.implementation.name == 'pypy':
    # PyPy 7.3 (64-bit), measured with gc.get_stats() after a collection:
    # a dict that holds anything starts with room for 16 entries, floats
    # in a dict's keys and values are unboxed
    TABLE_BYTES = 360
    SLOT_BYTES = 52
    NODE_BYTES = 40
    CLOSURE_BYTES = 145
    UPVAL_BYTES = 225
    STRING_BYTES = 66

STEP_BYTES = 1024             # lgc.c's GCSTEPSIZE


class Collector:
    """One state's collector (lgc.c's part of global_State)."""

    def __init__(self):
        self.total = STATE_BYTES      # totalbytes
        self.estimate = STATE_BYTES   # what was alive after the last collection
        self.threshold = 2 * STATE_BYTES
        self.pause = 200
        self.stepmul = 200
        self.progress = None          # work done in the cycle "step" runs, or None
        self.work = 0                 # the work of that cycle: the memory in use
        self.debt = 0                 # gcdept: what steps owe
        self.since = 0                # allocated since the last sweep
        self.busy = False             # collecting or finalizing: no collection inside
        self.weak = {}                # id -> weakref of weak tables' hashes
        self.userdata = {}            # id -> weakref of userdata to finalize at close
        self.pending = []             # dead userdata whose __gc is due
        self.serial = 0               # creation order of finalizable userdata
        self.threads = weakref.WeakSet()
        self.limit = None             # max_memory: bytes total may not pass

    def set_threshold(self):
        """setthreshold: the next collection when total is pause% of estimate."""
        self.threshold = self.estimate * self.pause // 100


def charge(n):
    """Count n bytes of new Lua objects (without collecting: the caller may be
    in the middle of an update)."""
    BUDGET[0] -= n


def allocation_point(request=0):
    """Called where an object was made and BUDGET ran out: account what was
    made, and collect when the threshold is reached (luaC_checkGC).
    request: bytes charged for a value not made yet (reserve)."""
    try:
        state = current_state()
    except RuntimeError:
        state = None
    if state is None:             # a table made outside any state
        BUDGET[0] = GRANULE
        return
    c = state.gc
    _account(c)
    if c.limit is not None and c.total > c.limit:
        check_limit(state, request)
    if (c.weak or c.pending) and c.since >= max(AUTO_BYTES, c.estimate) and not c.busy:
        sweep(state)


def check_limit(state, request=0):
    """Past max_memory, a full collection; still past it, 'not enough
    memory' (luaM_realloc's luaD_throw(LUA_ERRMEM) after its emergency
    collection), which Lua code cannot catch. request: bytes charged for a
    value not made yet, which the collection's recount cannot see."""
    c = state.gc
    _account(c)
    if c.total > c.limit and not c.busy:
        full_collect(state)
        c.total += request
    if c.total > c.limit:
        raise LuaMemoryError('not enough memory')


def reserve(n, held=0):
    """About to make n bytes of Lua values (a string, a table's slots):
    charge them now; a large request is checked against max_memory at once,
    before anything is allocated. held: bytes the caller has made for the
    same value and holds where a collection cannot see them (a result built
    in pieces), counted again after one."""
    BUDGET[0] -= n
    if BUDGET[0] < 0 or n >= GRANULE:
        allocation_point(n + held)


def _account(c):
    """Charge c with what was made since the budget was last reset."""
    spent = GRANULE - BUDGET[0]
    BUDGET[0] = GRANULE
    c.total += spent
    c.since += spent


def _track(registry, obj):
    key = id(obj)
    registry[key] = weakref.ref(obj, lambda _r, key=key: registry.pop(key, None))


def track_weak(h):
    """Register a weak table's hash with the running state."""
    _track(current_state().gc.weak, h)


def track_userdata(state, u):
    """Make state finalize u: when it dies (its __gc then runs at the next
    collection) and when the state closes."""
    c = state.gc
    u.owner = state
    c.serial += 1
    u.serial = c.serial
    _track(c.userdata, u)
    charge(USERDATA_BYTES)


def track_thread(co):
    """A new coroutine of the running state (its frames are scrubbed too)."""
    current_state().gc.threads.add(co)
    charge(THREAD_BYTES)


def _alive(registry):
    return [o for o in (r() for r in list(registry.values())) if o is not None]


# ---- a full collection -----------------------------------------------------------

def full_collect(state):
    """luaC_fullgc: everything unreachable goes, the count falls to what is
    alive; then the finalizers of the userdata found dead run (their errors
    propagate, as lua5.1's do)."""
    sweep(state, recount=True)


def sweep(state, recount=False):
    """A collection: scrub the state's frames, let Python collect with the
    weak tables weakened, run the finalizers due; with recount, also set the
    count to what is alive (a full collection)."""
    c = state.gc
    if c.busy:
        return
    c.busy = True
    try:
        _account(c)
        for frame in _stacks(state):
            scrub(frame)
        found = _collect_weakened(c)
        c.since = 0
        if recount:
            c.estimate = c.total = estimate_live(state)
            c.progress = None
            c.debt = 0
            c.set_threshold()
    finally:
        c.busy = False
    run_finalizers(state, found)


def _collect_weakened(c):
    """Let Python collect with the weak parts of weak tables weakened; the
    userdata whose finalizers are now due, newest first."""
    hashes = _alive(c.weak)
    for h in hashes:
        h.weaken()
    gc.collect()
    found, c.pending = c.pending, []
    revived = {id(u): u for u in found}
    for h in hashes:
        h.strengthen(revived)
    found.sort(key=lambda u: u.serial, reverse=True)
    return found


def run_finalizers(state, due):
    """GCTM for each userdata of `due` in order; one that raises leaves the
    rest for the next collection."""
    c = state.gc
    c.busy = True
    try:
        while due:
            u = due.pop(0)
            c.userdata.pop(id(u), None)       # finalized once
            try:
                _finalize(u)
            except BaseException:
                c.pending[:0] = due
                raise
    finally:
        c.busy = False


def _finalize(u):
    """GCTM: call u's __gc with u (its metatable still set)."""
    from . import ops        # ops builds on table.py, which builds on this module
    h = u.meta.hash.get('__gc') if u.meta is not None else None
    if h is not None:
        ops.call(h, [u])


def estimate_live(state):
    """The bytes of what the state can reach, by the sizes above: from its
    registry, globals, type metatables and threads (their frames' registers,
    varargs and closures), through tables, functions, upvalues, userdata
    and strings (each object once: Lua would intern equal strings, Python
    holds each one made, and the count follows the host)."""
    from .table import LuaTable
    from .values import LuaFunction, UpVal, Userdata
    total = STATE_BYTES
    seen = set()
    todo = [state.registry, state.globals, list(state.type_meta.values())]
    for frame in _stacks(state):
        todo.extend(frame_values(frame))
    for co in list(state.gc.threads):
        todo.append(co.fn)
        todo.append(co.env)
    pop, extend = todo.pop, todo.extend
    while todo:
        o = pop()
        t = type(o)
        if t is str:
            if id(o) not in seen:
                seen.add(id(o))
                total += STRING_BYTES + len(o)
            continue
        if t is float or o is None or t is bool or id(o) in seen:
            continue
        seen.add(id(o))
        if t is LuaTable:
            hsize = o.hsize
            if o.hfree < 0 and len(o.hash) > hsize:      # its nodes are not counted yet
                hsize = 1 << (len(o.hash) - 1).bit_length()
            total += TABLE_BYTES + SLOT_BYTES * o.asize + NODE_BYTES * hsize
            extend(o.hash)
            extend(o.hash.values())
            todo.append(o.meta)
        elif t is LuaFunction:
            total += CLOSURE_BYTES + UPVAL_BYTES * len(o.upvals or ())
            extend(o.upvals or ())
            todo.append(o.env)
        elif t is UpVal:
            todo.append(o.regs[o.slot])
        elif t is list or t is tuple:
            extend(o)
        elif t is Userdata:
            total += USERDATA_BYTES
            todo.append(o.meta)
            todo.append(o.env)
        elif getattr(t, 'lua_typename', None) == 'thread':
            total += THREAD_BYTES
        elif t.__name__ == 'BoolKey':
            continue
    return total


def _stacks(state):
    """The Lua frames of the state's threads."""
    yield from lua_frames(sys._getframe())
    for co in list(state.gc.threads):
        glet = co.glet
        if co.status == 'suspended' and glet is not None and not glet.dead:
            yield from lua_frames(glet.gr_frame)


# ---- collectgarbage ---------------------------------------------------------------

def collect(state=None):
    """collectgarbage('collect')."""
    full_collect(state or current_state())


def count(state=None):
    """collectgarbage('count') in bytes. A collection that allocation would
    have started by now (but that had nothing else to do) happens first."""
    state = state or current_state()
    c = state.gc
    _account(c)
    if c.total >= c.threshold and not c.busy:
        full_collect(state)
    return c.total


def step(state, kbytes):
    """collectgarbage('step', kbytes): lua_gc's LUA_GCSTEP. Each luaC_step
    does stepmul% of GCSTEPSIZE*10 units of work, and a cycle is as much work
    as the memory in use; True when this call finished a cycle."""
    c = state.gc
    _account(c)
    a = kbytes << 10 if kbytes >= 0 else float('inf')    # lu_mem: a negative is huge
    threshold = c.total - a if a <= c.total else 0
    if c.progress is None:
        c.progress = 0
        c.work = c.total
    while threshold <= c.total:
        c.debt += c.total - threshold
        c.progress += (STEP_BYTES // 100) * c.stepmul if c.stepmul else c.work
        if c.progress >= c.work:
            full_collect(state)
            return True
        if c.debt < STEP_BYTES:
            threshold = c.total + STEP_BYTES
        else:
            c.debt -= STEP_BYTES
            threshold = c.total
    c.threshold = threshold
    return False


def stop(state):
    state.gc.threshold = float('inf')


def restart(state):
    c = state.gc
    _account(c)
    c.threshold = c.total


def set_pause(state, pause):
    c = state.gc
    old, c.pause = c.pause, pause
    return old


def set_stepmul(state, stepmul):
    c = state.gc
    old, c.stepmul = c.stepmul, stepmul
    return old


# ---- lua_close --------------------------------------------------------------------

def close_state(state):
    """lua_close: finalize every userdata that is still alive, newest first,
    once each; an error in one skips only that one (lua5.1 ignores it)."""
    c = state.gc
    due = sorted(set(_alive(c.userdata)) | set(c.pending), key=lambda u: u.serial,
                 reverse=True)
    c.pending = []
    c.userdata.clear()
    c.busy = True
    for u in due:
        try:
            _finalize(u)
        except Exception:
            pass
    c.busy = False
