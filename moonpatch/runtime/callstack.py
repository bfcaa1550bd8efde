"""The Lua call stack, read off the Python stack.

moonpatch keeps no call-info stack of its own: every Lua activation is a
Python frame of the interpreter (or of JIT-compiled code) whose locals `cl`
and `pc` say which closure runs and where, and every host function (what Lua
calls a C function) is a Python frame of its gate. Calls therefore cost
nothing extra; the stack is read only when an error is positioned, a
traceback is printed or the debug library asks.

A Level is one activation as Lua sees it. Levels come from a live frame
(walking f_back) or from an exception's traceback (the frames it unwound).
"""
from itertools import chain, repeat

from ..bytecode.opcodes import BY_NAME

_LUA_CODE = {}        # code object -> fn(frame) -> (closure, pc)
_HOST_CODE = {}       # code object -> name of the host function (for listings)
_BOTTOM_CODE = {}     # frames where a coroutine's stack starts: walks stop there;
                      # -> fn(frame) -> the frame of whoever resumed it
_ENTRY_CODE = {}      # code object -> fn(frame) -> True when the stack seen from above
                      # ends there (a sandboxed runtime's entry from the host)
_SPLICE_CODE = {}     # code object -> fn(frame) -> levels to show in its place, or None
_SCRUB_CODE = {}      # code object -> fn(frame): drop what Lua would not keep (gc.py)
_VALUES_CODE = {}     # code object -> fn(frame): the Lua values it holds (gc.py's count)
_REGISTERS_CODE = {}  # code object -> fn(frame) -> (registers, varargs), where not R/va
_BY_LINE_CODE = set()  # codes whose locate(frame, line) reads the pc off the line
# ids of the codes above whose frames are levels, and of bottoms: hashing a
# code object hashes its contents, too slow for call_depth's walks (the
# registries keep the codes alive, so their ids stay theirs)
_LEVEL_IDS = set()
_BOTTOM_IDS = {}

# Lua's own calls; any other way into a function is C's (lua_call, a
# metamethod, a for iterator): lua5.1 counts those in L->nCcalls.


class Level:
    """closure is None for a host function; pc is the index of the next
    instruction of a Lua function (the current one is pc - 1)."""
    __slots__ = ('closure', 'pc', 'frame', 'tailcall')

    def __init__(self, closure, pc, frame, tailcall=False):
        self.closure = closure
        self.pc = pc
        self.frame = frame
        self.tailcall = tailcall

    @property
    def is_lua(self):
        return self.closure is not None

    @property
    def currentline(self):
        if self.closure is None:
            return -1
        lines = self.closure.proto.lines
        pc = self.pc - 1
        return lines[pc] if 0 <= pc < len(lines) else -1

    def __repr__(self):
        return '<Level %s pc=%s>' % (self.closure, self.pc)


def register_lua_code(code, locate, scrub=None, values=None, registers=None, by_line=False):
    """A code object whose frames are Lua activations. locate(frame) says
    which (see _runs_of); scrub and values serve the collector; registers
    (frame) -> (registers, varargs) is the debug library's view of them,
    where registers supports len, [i] and [i] = v (default: the frame's
    locals R and va, the interpreter's). by_line: locate takes a second
    argument, the line the frame is at when an exception unwound it (its
    f_lineno may since have moved on to an except clause that let it pass)."""
    _LUA_CODE[code] = locate
    _LEVEL_IDS.add(id(code))
    if by_line:
        _BY_LINE_CODE.add(code)
    if registers is not None:
        _REGISTERS_CODE[code] = registers
    if scrub is not None:
        _SCRUB_CODE[code] = scrub
    if values is not None:
        _VALUES_CODE[code] = values


def register_host_code(code, name):
    _HOST_CODE[code] = name
    _LEVEL_IDS.add(id(code))


def register_bottom_code(code, resumer):
    _BOTTOM_CODE[code] = resumer
    _BOTTOM_IDS[id(code)] = resumer


def register_entry_code(code, ends_stack):
    _ENTRY_CODE[code] = ends_stack


def register_splice_code(code, levels):
    _SPLICE_CODE[code] = levels


def host_function(fn, name=None):
    """Mark a Python function as a host function's gate (a [C] level)."""
    register_host_code(fn.__code__, name or fn.__name__)
    return fn


TAIL = Level(None, 0, None, True)       # a '(tail call)' level: what a reused frame lost


class TAILED:
    """What locate returns for a frame that stands for n '(tail call)'
    levels only (the JIT's trampoline)."""
    __slots__ = ('n',)

    def __init__(self, n):
        self.n = n


def _runs_of(frame, line=None):
    """The levels a Python frame stands for, as (level, tail calls) pairs:
    an activation and the '(tail call)' levels that follow it in Lua 5.1 (the
    calls that reused its frame), so a walk can step over them at once. A
    Lua code's locate(frame) returns None (a frame that hides behind
    another), (closure, pc), or (closure, pc, tail calls[, (closure, pc,
    tail calls) below it])."""
    code = frame.f_code
    locate = _LUA_CODE.get(code)
    if locate is not None:
        where = locate(frame, line) if code in _BY_LINE_CODE else locate(frame)
        if type(where) is TAILED:
            return [(TAIL, where.n - 1)] if where.n > 0 else []
        out = []
        while where is not None:
            out.append((Level(where[0], where[1], frame), where[2] if len(where) > 2 else 0))
            where = where[3] if len(where) > 3 else None
        return out
    if code in _HOST_CODE:
        return ((Level(None, 0, frame), 0),)
    return ()


def _levels_from(runs, skip):
    """The levels of (level, tail calls) runs, less the first `skip`: a run
    of tail calls is stepped over in one go (lua_getstack's ci->tailcalls),
    so reaching level n costs the frames below it, not n."""
    for level, tails in runs:
        if skip > tails:
            skip -= tails + 1
            continue
        if skip == 0:
            yield level
        else:
            tails -= skip - 1
            skip = 0
        yield from repeat(TAIL, tails)


def _levels_of(frame):
    return list(_levels_from(_runs_of(frame), 0))


def _shown_runs(frame, line=None):
    """The runs a frame shows: the levels a splice puts in its place
    (levels unwound by an error, this frame's included; a host function's
    level while a hook runs for it), else its own."""
    splice = _SPLICE_CODE.get(frame.f_code)
    inner = splice(frame) if splice is not None else None
    if inner:
        return [(level, 0) for level in inner]
    return _runs_of(frame, line)


def _live_runs(frame):
    while frame is not None:
        yield from _shown_runs(frame)
        code = frame.f_code
        if code in _BOTTOM_CODE or (code in _ENTRY_CODE and _ENTRY_CODE[code](frame)):
            return
        frame = frame.f_back


def live_levels(frame, skip=0, outermost=None):
    """The levels of the running stack, innermost first, from `frame` out
    (pass sys._getframe()), from level `skip` on; `outermost`: a level to
    add after the last (the host program that runs the main thread)."""
    runs = _live_runs(frame)
    if outermost is not None:
        runs = chain(runs, ((outermost, 0),))
    return _levels_from(runs, skip)


def _traceback_runs(tb):
    frames = []
    while tb is not None:
        frames.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    for frame, line in reversed(frames):
        yield from _shown_runs(frame, line)


def traceback_levels(tb, skip=0):
    """The levels an exception unwound, innermost first, from level `skip` on."""
    return list(_levels_from(_traceback_runs(tb), skip))


def error_levels(exc):
    """The stack as it was where exc was raised, innermost first: the
    unwound frames, then (lazily) the live stack outside the frame that
    caught it."""
    tb = exc.__traceback__
    yield from traceback_levels(tb)
    if tb is not None and tb.tb_frame.f_code not in _BOTTOM_CODE:
        yield from live_levels(tb.tb_frame.f_back)


# ---- frames as the collector sees them ----------------------------------------------

def is_thread_bottom(frame):
    """Whether frame starts a coroutine's stack (what is below it belongs to
    whoever resumed it; on PyPy f_back goes on into it)."""
    return frame.f_code in _BOTTOM_CODE


def lua_frames(frame):
    """The Lua frames from `frame` out, across the coroutines that resumed
    this one."""
    while frame is not None:
        code = frame.f_code
        if code in _LUA_CODE:
            yield frame
        frame = _BOTTOM_CODE[code](frame) if code in _BOTTOM_CODE else frame.f_back


def call_depth(frame):
    """The Lua and host functions active from `frame` out, across the
    coroutines that resumed this one (the sandbox's max_depth)."""
    n = 0
    while frame is not None:
        code = id(frame.f_code)
        if code in _LEVEL_IDS:
            n += 1
        frame = _BOTTOM_IDS[code](frame) if code in _BOTTOM_IDS else frame.f_back
    return n


def scrub(frame):
    """Before a collection: let a Lua frame drop what Lua would not keep."""
    fn = _SCRUB_CODE.get(frame.f_code)
    if fn is not None:
        fn(frame)


def frame_values(frame):
    """The Lua values a Lua frame holds (its closure, registers, varargs)."""
    fn = _VALUES_CODE.get(frame.f_code)
    return fn(frame) if fn is not None else ()


def frame_location(frame):
    """What a Lua frame's view says it is (see _runs_of), or None."""
    locate = _LUA_CODE.get(frame.f_code)
    return locate(frame) if locate is not None else None


def frame_registers(frame):
    """(registers, varargs) of a Lua frame, for reading and writing them."""
    fn = _REGISTERS_CODE.get(frame.f_code)
    if fn is not None:
        return fn(frame)
    f = frame.f_locals
    return f['R'], f.get('va')


def call_top(proto, pc):
    """The stack top lua5.1 has while instruction pc calls out through a call
    instruction (L->top: the function and its arguments), or None for any
    other instruction (the whole frame is live)."""
    ins = proto.code[pc]
    op = ins & 0xff
    a = (ins >> 8) & 0xff
    if op in _TOP_C:
        return a + ((ins >> 16) & 0xff) + _TOP_C[op]
    if op in _TOP_D:
        return a + (ins >> 16) + _TOP_D[op]
    if op in _TOP_ITER:
        return a                # the loop variables are written by the call
    return None


def new_object_slot(proto, pc):
    """The register instruction pc stores the object it makes in, if it is
    TNEW, TDUP or FNEW: lua5.1 stores it before it may collect."""
    ins = proto.code[pc]
    return (ins >> 8) & 0xff if ins & 0xff in _MAKES_OBJECT else None


_MAKES_OBJECT = frozenset(BY_NAME[name].code for name in ('TNEW', 'TDUP', 'FNEW'))
_TOP_C = {BY_NAME['CALL'].code: 0, BY_NAME['CALLM'].code: 1}
_TOP_D = {BY_NAME['CALLT'].code: 0, BY_NAME['CALLMT'].code: 1}
_TOP_ITER = frozenset((BY_NAME['ITERC'].code, BY_NAME['ITERN'].code))


def write_locals(frame, values):
    """Set local variables of a suspended Python frame (name -> value)."""
    global _locals_to_fast
    f = frame.f_locals
    for name, value in values.items():
        f[name] = value
    if _locals_to_fast is None:
        _locals_to_fast = _frame_writer()
    _locals_to_fast(frame)


def _frame_writer():
    """What makes f_locals writes reach the frame (ctypes is imported only
    when a collection first needs it)."""
    import sys
    if sys.implementation.name == 'pypy':
        import __pypy__
        return __pypy__.locals_to_fast
    if sys.version_info >= (3, 13):
        return lambda frame: None   # f_locals writes through (PEP 667)
    import ctypes
    to_fast = ctypes.pythonapi.PyFrame_LocalsToFast
    to_fast.argtypes = (ctypes.py_object, ctypes.c_int)
    to_fast.restype = None
    return lambda frame: to_fast(frame, 0)


_locals_to_fast = None
