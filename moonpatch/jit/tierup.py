"""Tier-up: hot counting, call gates and the JIT's per-prototype state.

The interpreter calls `enter(cl, args, may_switch)` (runtime/interp.py) whenever
it starts a closure whose prototype has no cached decoded form, and the
JIT keeps that form out of the cache while it counts calls: each call of a
prototype that is not yet compiled counts down from `hotcall` (112, as
LuaJIT), and at zero the pipeline compiles it. A compiled prototype's old
closures still reach enter() once: it swaps their gate (LuaJIT 1.x's call
gates) so callers never change; `may_switch` is false where the
interpreter must go on in its own frame (a tail call it reuses its frame
for, a hooked or resumed frame). A prototype that will stay interpreted
(the JIT failed, or is off) gets its cached form and so costs the
interpreter nothing more.

Compiled code does not run while a debug hook is set (the gates check the
interpreter's PLAIN flag; a hooked call of a compiled function is
interpreted), and not while the JIT is off for its state.
"""
from types import MethodType

from ..runtime import interp
from ..runtime.closure import interpreter_gate, set_gate_policy
from ..runtime.state import current_state
from . import pipeline

DEFAULT_HOTCALL = 112
DEFAULT_HOTLOOP = 56


class JitState:
    """proto.jit: what the JIT knows of one prototype."""
    __slots__ = ('proto', 'status', 'reason', 'function', 'direct', 'source', 'linemap',
                 'count', 'frame', 'seconds', 'osr', 'loops', 'misses', 'generic',
                 '__weakref__')

    def __init__(self, proto, hotcall):
        self.proto = proto
        self.status = 'none'        # none / ok / failed / delayed
        self.reason = None
        self.function = None
        self.direct = None          # positional arguments, one result (pyjit.Compiled)
        self.source = None
        self.linemap = None
        self.count = hotcall
        self.frame = None           # the interpreter's decoded form
        self.seconds = 0.0
        self.osr = {}               # loop pc -> compiled continuation (None: refused)
        self.loops = {}             # loop pc -> iterations until it is hot
        self.misses = 0             # calls whose arguments were not the expected floats
        self.generic = False        # too many misses: compile without specialising

    def usable(self):
        # (jit.off() flushes every prototype of its state: compiled code is
        # never left for a state with the JIT off)
        return self.function is not None and interp.PLAIN


def _enabled():
    return getattr(current_state(), 'jit_enabled', False)


def _hotcall(state):
    opt = getattr(state, 'jit_opt', None)
    return max(1, opt.params.get('hotcall', DEFAULT_HOTCALL)) if opt else DEFAULT_HOTCALL


def _jit_of(proto):
    j = proto.jit
    if j is None:
        j = proto.jit = JitState(proto, _hotcall(current_state()))
    return j


def swap_gate(cl, j):
    cl.gate = MethodType(j.function, cl)
    cl.direct = j.direct


def gate_for(cl):
    """The gate of a new closure (runtime/closure.py's policy): the
    compiled function at once when its prototype has one and may run."""
    j = cl.proto.jit
    if j is not None and j.function is not None and interp.PLAIN:
        cl.direct = j.direct
        return MethodType(j.function, cl)
    return interpreter_gate(cl)


def compile_now(proto, cl=None, args=None):
    """Run the pipeline on proto (jit.compile, or a hot count reaching
    zero); args: the arguments of the call that made it hot, whose floats
    the code is specialised for (until that fails too often)."""
    j = _jit_of(proto)
    seed = 0
    if args is not None and not j.generic:
        from .hints import seed_of       # (the backend loads at the first compilation)
        seed = seed_of(args[:proto.numparams])
    _compiling.add(proto)
    try:
        c, seconds = pipeline.timed_run(proto, cl, seed=seed, live=args)
    finally:
        _compiling.discard(proto)
    j.seconds += seconds
    if c.failed is None and c.function is not None:
        j.status, j.function, j.source, j.linemap = 'ok', c.function, c.source, c.linemap
        j.direct = c.direct
        j.reason = None
    else:
        j.status, j.reason = 'failed', c.failed or 'no backend'
    state = current_state()
    compiled = getattr(state, 'jit_protos', None)
    if compiled is not None:
        compiled.add(proto)
    return j


_compiling = set()    # prototypes whose compilation is under way


def compiled_callee(f):
    """The JitState of closure f's prototype if it is compiled, else None.
    (A callee is not compiled for its caller: it compiles at its own hot
    count, specialised for the arguments it gets; until then the caller
    reaches it through the direct entry its closure carries.)"""
    j = f.proto.jit
    return j if j is not None and j.status == 'ok' else None


def enter(cl, args, may_switch):
    """The interpreter's entry hook (see the module docstring): None to
    have the caller run cl through its (new) gate, else the decoded form to
    interpret. The arguments of the call that makes a prototype hot are
    what its code is specialised for."""
    proto = cl.proto
    j = _jit_of(proto)
    if j.frame is None:
        j.frame = interp.decode_frame(proto)
    if j.status == 'ok':
        if may_switch and j.usable():
            swap_gate(cl, j)
            return None
        return j.frame
    if j.status == 'none' and _enabled() and interp.PLAIN:
        if not args and proto.numparams and not may_switch:
            return j.frame      # a frame resumed in its middle (native code left it)
        j.count -= 1
        if j.count > 0:
            return j.frame
        compile_now(proto, cl, args)
        if j.status == 'ok':
            if may_switch:
                swap_gate(cl, j)
                return None
            return j.frame
    if j.status != 'ok':
        proto.decoded = j.frame      # stays interpreted: full speed from now on
        parked = getattr(current_state(), 'jit_parked', None)
        if parked is not None:
            parked.add(proto)
    return j.frame


def flush(proto):
    """Forget proto's compiled code: its closures go back to the interpreter
    (each at its next call, through interpret below: closures are not
    tracked, which would cost every closure made a weak reference)."""
    j = proto.jit
    if j is None:
        return
    if j.function is not None:
        from .pyjit import retire
        retire(j.function)
    j.status, j.function, j.source, j.linemap, j.reason = 'none', None, None, None, None
    j.direct = None
    j.osr.clear()
    j.loops.clear()
    j.count = _hotcall(current_state())
    proto.decoded = None


OFF_REASON = 'turned off by jit.off(func)'


def set_enabled(proto, on):
    """jit.on/off(func): a prototype the JIT may compile or not."""
    j = _jit_of(proto)
    if not on:
        flush(proto)
        j.status, j.reason = 'failed', OFF_REASON
    elif j.reason == OFF_REASON:
        j.status, j.reason = 'none', None
        proto.decoded = None


def interpret(cl, args):
    """A compiled entry's way back to the interpreter, when a hook is set
    or its code was flushed: then the closure takes the interpreter's gate
    again (its direct entry with it)."""
    j = cl.proto.jit
    gate = cl.gate
    if j is None or getattr(gate, '__func__', None) is not j.function:
        cl.gate = interpreter_gate(cl)
        cl.direct = None
    return interp.execute(cl, args)


def unpark(state):
    """The JIT was turned on: prototypes parked as interpreted count again."""
    for proto in list(getattr(state, 'jit_parked', ())):
        j = proto.jit
        if j is not None and j.status == 'none':
            proto.decoded = None
    state.jit_parked.clear()


NEVER = 1 << 30
MISSES = 20       # unexpected argument types before a prototype is recompiled generic


def unspecialised(cl, R, va):
    """A compiled entry's arguments are not the floats it was made for:
    interpret this call (registers R, varargs va); after MISSES such calls,
    flush the code so that the prototype compiles again without them."""
    proto = cl.proto
    j = proto.jit
    j.misses += 1
    if j.misses >= MISSES and not j.generic:
        j.generic = True
        flush(proto)
    if len(R) < proto.framesize:
        R += [None] * (proto.framesize - len(R))
    return interp.execute_resume(cl, R, (0, va, None, None, 0))


def loop_hot(cl, pc, R):
    """The interpreter's loop tick: a loop of cl goes on at pc after
    interp.HOTLOOP + 1 more iterations in this frame (registers R). A loop
    is hot after hotloop iterations, counted per loop (as LuaJIT's hot
    counters are per location). Returns (iterations to the next tick, the
    compiled continuation from pc or None), the continuation made for the
    registers that hold floats now."""
    if not (_enabled() and interp.PLAIN):
        return NEVER, None
    proto = cl.proto
    j = _jit_of(proto)
    if j.status == 'failed':
        return NEVER, None
    if pc not in j.osr:     # (the function itself compiles when its calls make it hot)
        left = j.loops.get(pc, _hotloop[0]) - interp.HOTLOOP - 1
        if left > 0:
            j.loops[pc] = left
            return NEVER, None
        from .hints import seed_of
        seed = seed_of(R)
        c, seconds = pipeline.timed_run(proto, cl, entry=pc, seed=seed, live=R)
        j.seconds += seconds
        j.osr[pc] = c.function if c.failed is None else None
    return NEVER, j.osr[pc]


_hotloop = [DEFAULT_HOTLOOP]


def set_hotloop(n):
    """jit.opt.start('hotloop=n'): iterations until a loop is hot."""
    _hotloop[0] = max(1, n)
    interp.set_entry(enter, loop_hot, _hotloop[0])


def install():
    """Make the interpreter report calls and hot loops to the JIT, and new
    closures of compiled prototypes enter their compiled code."""
    set_hotloop(DEFAULT_HOTLOOP)
    set_gate_policy(gate_for)
