"""Lua threads (coroutines) on greenlets.

Each coroutine runs its function on a greenlet of its own, so a yield can
happen anywhere below it: inside pcall, metamethods, iterators, sort
comparators (LuaJIT allows all of these; so do we). resume switches into the
coroutine's greenlet, yield switches back to whoever resumed it.

A switch pair costs a few hundred ns on either Python; the bookkeeping
around it is kept to a few slot writes (docs/ARCHITECTURE.md, Coroutines):
the state is cached per coroutine, the greenlet's parent is set only when
the resumer changes, and yield itself marks the coroutine suspended, so
whatever comes back running has ended.
"""
from contextlib import contextmanager

from .callstack import register_bottom_code
from .errors import RuntimeErr, finalize, uncatchable
from .gc import track_thread
from .clevels import C_LEVELS, C_LEVELS_MAX
from .ops import call_value
from .state import current_state
from .table import collectable
from .values import register_type

# greenlet's, imported with the first coroutine: a program that makes none
# does not pay for loading it at start-up
_getcurrent = _Greenlet = _GreenletExit = None


def _import_greenlet():
    global _getcurrent, _Greenlet, _GreenletExit
    import greenlet
    _getcurrent, _Greenlet, _GreenletExit = (greenlet.getcurrent, greenlet.greenlet,
                                             greenlet.GreenletExit)


@collectable
@register_type
class Coroutine:
    __slots__ = ('fn', 'glet', 'status', 'resumer', 'error', 'env', 'c_boundaries', 'c_held',
                 'state', '__weakref__')
    lua_typename = 'thread'

    def __init__(self, fn):
        if _Greenlet is None:
            _import_greenlet()
        state = current_state()
        self.fn = fn
        self.glet = None
        self.status = 'suspended'    # suspended / running / normal / dead
        self.resumer = None          # greenlet to return to on yield (its greenlet's parent)
        self.error = None            # the exception that killed it, for tracebacks
        self.env = thread_env(state)     # lua_newthread: the creator's globals
        self.c_boundaries = 0        # lua5.1 C calls running that a yield cannot cross
        self.c_held = 0              # C levels it yielded inside (pcall, ...): see resume
        self.state = state           # the only one it can run in: runtimes share no objects
        track_thread(self)

    def __repr__(self):
        return '<Lua thread %s>' % self.status


def _body(co, args):
    try:
        return call_value(co.fn, args)
    except _GreenletExit:
        # killed while suspended (close, or collected): the C levels it
        # held were taken off when it yielded, and unwinding took them again
        C_LEVELS.n += co.c_held
        raise


register_bottom_code(_body.__code__, lambda frame: frame.f_locals['co'].resumer.gr_frame)


def thread_env(state):
    """The running thread's global table (lua5.1's gt(L)): the environment
    of new chunks, getfenv(0), and the globals C functions look up."""
    co = state.current_co
    return state.globals if co is None else co.env


def set_thread_env(state, t):
    co = state.current_co
    if co is None:
        state.globals = t
    else:
        co.env = t


def running(state=None):
    """The running coroutine, or None in the main thread."""
    return (state or current_state()).current_co


def resume(co, args, throw=None):
    """Resume co with args: (True, values) or (False, (error value,)).
    throw: an exception to raise at the suspended yield instead (the
    Python API's generator.throw)."""
    if co.status != 'suspended':
        return False, ('cannot resume %s coroutine' % co.status,)
    c = C_LEVELS
    base = c.n
    if base > C_LEVELS_MAX:       # lua_resume's own test, before its level
        return False, ('C stack overflow',)
    state = co.state
    prev = state.current_co
    if prev is not None:
        prev.status = 'normal'
    co.status = 'running'
    state.current_co = co
    here = _getcurrent()
    glet = co.glet
    # one C level for the resume, and those the coroutine holds (LuaJIT
    # lets it yield inside pcall and the like, 5.1 does not), which it
    # gives back to this thread's count when it yields
    c.n = base + 1 + co.c_held
    try:
        if glet is None:
            co.resumer = here
            glet = co.glet = _Greenlet(_body, here)
            values = glet.switch(co, args)
        else:
            if co.resumer is not here:
                glet.parent = here
                co.resumer = here
            values = glet.switch(args) if throw is None else glet.throw(throw)
    except Exception as e:
        co.status = 'dead'
        co.error = e
        return False, (catch(e).value,)
    finally:
        co.c_held = c.n - base - 1 if co.status == 'suspended' else 0
        c.n = base
        state.current_co = prev
        if prev is not None:
            prev.status = 'running'
    if co.status == 'running':      # not suspended by yield_: its function returned
        co.status = 'dead'
    return True, values


@contextmanager
def c_boundary():
    """Code that lua5.1 runs from C with no way to yield back into it (the
    reader of load, which LuaJIT does not let yield either): a yield inside
    fails as it does there."""
    co = current_state().current_co
    if co is None:
        yield
        return
    co.c_boundaries += 1
    try:
        yield
    finally:
        co.c_boundaries -= 1


def catch(exc):
    """The LuaError a protected call (pcall, xpcall, coroutine.resume, an
    error handler) catches for exc. The one place that decides what Lua code
    may catch: every Exception, less the limits (uncatchable),
    which are raised again, as the host's BaseExceptions are by finalize."""
    if uncatchable(exc):
        raise exc
    return finalize(exc)


def yield_(args):
    """Suspend the running coroutine; returns the arguments of the resume
    that continues it."""
    co = current_state().current_co
    if co is None or co.c_boundaries:
        raise RuntimeErr('attempt to yield across metamethod/C-call boundary')
    co.status = 'suspended'
    return co.resumer.switch(args)
