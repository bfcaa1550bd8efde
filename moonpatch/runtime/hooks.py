"""Debug hooks (debug.sethook): each thread's settings, the events, and the
switch between the plain and the hooked interpreter.

runtime/interpgen.py explains the design: while any thread has a hook,
execute() runs the hooked variant's code, and the plain frames of a thread
that gets a hook move to it between two instructions (a Python trace
function raises HookSwitch in them). Everything here runs only while hooks
are set; the plain interpreter never calls into this module.
"""
import sys
import weakref

from ..bytecode.opcodes import BY_NAME
from . import ops
from .callstack import _BOTTOM_CODE, Level, frame_location, frame_registers, register_splice_code
from .state import current_state
from .values import LuaFunction

MASK_CALL, MASK_RET, MASK_LINE, MASK_COUNT = 1, 2, 4, 8

# 5.1 enters a numeric for loop by a jump back from its FORLOOP, so the
# first iteration gets a line event even on the line of the `for`.
FORI = BY_NAME['FORI'].code

class HookSwitch(Exception):
    """Raised into a marked plain frame: go on hooked, from the pc in args[0]."""


class Hooks:
    """One thread's hook (5.1 keeps it in the lua_State). func is what
    debug.gethook returns (5.1 remembers it even when the mask is empty);
    left counts down the instructions to the next count event; allow is
    False while a hook runs (hooks do not nest)."""
    __slots__ = ('__weakref__', 'allow', 'cm', 'cnt', 'count', 'func', 'lc', 'left', 'line',
                 'mask', 'owner', 'rm')

    def __init__(self, owner=None):
        self.func = None
        self.allow = True
        self.owner = owner          # weakref to its coroutine; None: a main thread
        self.set(None, 0, 0)

    def live(self):
        """Its hook can still fire (its thread is not dead)."""
        if not self.mask:
            return False
        co = self.owner() if self.owner is not None else None
        return self.owner is None or (co is not None and co.status != 'dead')

    def set(self, func, mask, count):
        self.func = func
        self.mask = mask
        self.count = count
        self.left = count
        self.cm = bool(mask & MASK_CALL)
        self.rm = bool(mask & MASK_RET)
        self.line = bool(mask & MASK_LINE)
        self.cnt = bool(mask & MASK_COUNT)
        self.lc = self.line or self.cnt


_co_hooks = weakref.WeakKeyDictionary()     # coroutine -> Hooks
_active = weakref.WeakSet()                 # the Hooks with a non-empty mask


def hooks_of(state, co):
    """The Hooks of thread co (None: the main thread) of state."""
    if co is None:
        h = getattr(state, 'main_hooks', None)
        if h is None:
            h = state.main_hooks = Hooks()
        return h
    h = _co_hooks.get(co)
    if h is None:
        h = _co_hooks[co] = Hooks(weakref.ref(co))
    return h


def thread_hooks():
    """The running thread's Hooks (each hooked frame reads it once)."""
    state = current_state()
    return hooks_of(state, state.current_co)


# ---- events ------------------------------------------------------------------------

def fire(H, event, line=None):
    """Call the hook function with the event name and line (nil but for
    'line'), unless a hook is already running in this thread."""
    f = H.func
    if not H.allow or f is None:
        return
    H.allow = False
    try:
        ops.call(f, [event, line])      # (a C level, as hookf's lua_call)
    finally:
        H.allow = True


def trace(H, cl, pc, oldpc):
    """luaG_traceexec before the instruction pc - 1 (pc and oldpc count as
    5.1's savedpc does: one past the instruction); returns the new oldpc."""
    if H.cnt:
        H.left -= 1
        if H.left <= 0:
            H.left = H.count
            fire(H, 'count')
    if H.line:
        proto = cl.proto
        lines = proto.lines
        line = lines[pc - 1]
        if pc == 1 or pc <= oldpc or line != lines[oldpc - 1] or (
                pc == oldpc + 1 and proto.code[oldpc - 1] & 0xff == FORI):
            fire(H, 'line', float(line))
    return pc


def hcall(f, args):
    """How ops.call calls while hooks are set, and the hooked interpreter's
    way to call: host functions get their call and return events (even when
    the hook comes while they run)."""
    if type(f) is LuaFunction:
        if f.proto is None:
            return _host_call(thread_hooks(), f, args)
        return f.gate(args)
    return ops.call_value(f, args)


def _host_call(H, f, args):
    """While its call and return hooks run, this frame is the host
    function's [C] level (phase 1); while the function runs, its own frame
    is (phase 0)."""
    phase = 1
    if H.cm:
        fire(H, 'call')
    phase = 0
    r = f.gate(args)
    phase = 1  # noqa: F841 (read through the frame by the splice below)
    if H.rm:
        fire(H, 'return')
    return r


def host_event(H, f, event):
    """An event of host function f sent from outside its call (its return,
    when it was already running as the hook came): this frame is its level."""
    phase = 1  # noqa: F841 (read through the frame by the splice below)
    fire(H, event)


def called_by_host_call(frame):
    """True when frame (a host function's) was called by _host_call, which
    then sends its return event."""
    return frame.f_back is not None and frame.f_back.f_code is _host_call.__code__


def host_call_function(frame):
    """The host function a _host_call or host_event frame stands for, or None."""
    if frame is not None and frame.f_code in _HOST_EVENT_CODES:
        return frame.f_locals.get('f')
    return None


_HOST_EVENT_CODES = (_host_call.__code__, host_event.__code__)
for _code in _HOST_EVENT_CODES:
    register_splice_code(_code, lambda frame: [Level(None, 0, frame)]
                         if frame.f_locals.get('phase') else None)


# ---- switching interpreters ----------------------------------------------------------

_interp = {}            # the interpreter module's globals
_switch_points = {}     # code that moves to the hooked interpreter -> fn(frame) ->
                        # the pc it would fetch next if it is between two instructions
_switch_jumps = {}      # code -> (line, local name): it switches by a jump there
_plain_code = None
_hooked_code = None
_pending = []           # plain frames marked to switch
_returns = {}           # id(frame) -> (frame, pc, host function it was calling when marked)
_prev_trace = None      # the Python trace function we replaced


def install_interpreter(namespace, fetch_lines):
    """interp.py registers its functions (at import)."""
    global _plain_code, _hooked_code
    _interp.clear()
    _interp.update(namespace=namespace)
    for code, line in fetch_lines.items():
        add_switch_points(code, lambda frame, line=line:
                          frame.f_locals['pc'] if frame.f_lineno == line else None)
    _plain_code = namespace['execute'].__code__
    _hooked_code = namespace['execute_hooked'].__code__


def set_hook(state, co, func, mask, count, top=None, caller=None):
    """debug.sethook for thread co (None: the main thread); top is the
    innermost Python frame of that thread (None when it is not running
    and not suspended); caller, the code of a host function whose return
    event is not to be sent for it (sethook sends its own). Returns the
    thread's Hooks."""
    H = hooks_of(state, co)
    if func is None:
        mask = 0
    H.set(func, mask, count)
    if mask:
        _active.add(H)
        # a state dropped with its hook set must not leave every other
        # state running hooked
        weakref.finalize(state, _recheck)
    else:
        _active.discard(H)
    if any(h.live() for h in _active):
        _use_hooked()
        if mask and top is not None:
            _mark(top, caller)
    else:
        _use_plain()
    return H


def forget_state(state):
    """A closed state's hooks can fire no more (Engine.close, LuaRuntime)."""
    H = getattr(state, 'main_hooks', None)
    if H is not None:
        H.set(None, 0, 0)
        _active.discard(H)
    _recheck()


def _recheck():
    if _interp and not any(h.live() for h in _active):
        _use_plain()


_plain_flags = []     # other namespaces with a PLAIN flag: compiled code's (jit/pyjit.py)


def share_plain_flag(ns):
    """Keep ns['PLAIN'] equal to the interpreter's: no thread has a hook."""
    _plain_flags.append(ns)
    ns['PLAIN'] = _interp['namespace']['PLAIN']


def _set_plain(value):
    _interp['namespace']['PLAIN'] = value
    for ns in _plain_flags:
        ns['PLAIN'] = value


def _use_hooked():
    ns = _interp['namespace']
    execute = ns['execute']
    if execute.__code__ is not _hooked_code:
        execute.__defaults__ = (None,)
        execute.__code__ = _hooked_code
        _set_plain(False)
        ops.dispatch = hcall


def _use_plain():
    ns = _interp['namespace']
    execute = ns['execute']
    if execute.__code__ is not _plain_code:
        execute.__code__ = _plain_code
        execute.__defaults__ = None
        _set_plain(True)
        ops.dispatch = ops.call_value
    for frame in _pending:
        frame.f_trace = None
    del _pending[:]
    _returns.clear()
    _disarm()


def add_switch_points(code, point, jump=None):
    """Frames of code (the plain interpreter's, compiled code's) move to the
    hooked interpreter when a hook is set: point(frame) is the pc of the
    instruction the frame is about to run where it may switch (between two
    instructions), else None. The frame switches by catching HookSwitch, or
    with jump = (line, name), by going on at that line with the pc in its
    local `name` (compiled code: a try block would cost its error positions
    the line an exception passed at)."""
    _switch_points[code] = point
    if jump is not None:
        _switch_jumps[code] = jump


def leave_compiled(frame):
    """Send a compiled frame to the interpreter at its next instruction
    (debug.setlocal changed a register the compiled code may have made
    assumptions about), as a hook being set would."""
    if not any(f is frame for f in _pending):
        frame.f_trace = _tracer
        frame.f_trace_lines = True
        _pending.append(frame)
        _arm()


def _mark(frame, caller=None):
    """Mark the plain interpreter frames of a thread, innermost first, and
    note the host function each one is calling (its return is an event)."""
    while frame is not None:
        code = frame.f_code
        where = frame_location(frame) if code in _switch_points else None
        if where is None and code in _switch_points and frame.f_locals.get('cl') is not None:
            where = (frame.f_locals['cl'], 0)     # on its way in: no pc yet
        if type(where) is tuple and not any(f is frame for f in _pending):
            frame.f_trace = _tracer
            frame.f_trace_lines = True
            _pending.append(frame)
            callee = _callee(frame, where)
            if callee is not None and getattr(callee.gate, '__code__', None) is not caller:
                _returns[id(frame)] = (frame, where[1], callee)
        if code in _BOTTOM_CODE:
            break
        frame = frame.f_back
    if _pending:
        _arm()


_CALL_SLOT = {BY_NAME[name].code: 0 for name in ('CALL', 'CALLM')}
_CALL_SLOT.update({BY_NAME[name].code: -3 for name in ('ITERC', 'ITERN')})


def _callee(frame, where):
    """The host function a plain frame is calling, if it is calling one (a
    frame a signal marked on its way in has no pc yet)."""
    cl, pc = where[0], where[1] or 0
    ins = cl.proto.code[pc - 1] if pc > 0 else 0
    offset = _CALL_SLOT.get(ins & 0xff)
    if offset is None:
        return None
    f = frame_registers(frame)[0][((ins >> 8) & 0xff) + offset]
    return f if type(f) is LuaFunction and f.proto is None else None


def _forget(frame):
    _returns.pop(id(frame), None)
    for i, f in enumerate(_pending):
        if f is frame:
            del _pending[i]
            return


def _tracer(frame, event, arg):
    """The trace function of a marked frame: switch it at the next fetch,
    sending first the return event of the host function it was calling."""
    if event == 'line':
        pc = _switch_points[frame.f_code](frame)
        if pc is not None:
            call = _returns.get(id(frame))
            _forget(frame)
            if call is not None and call[0] is frame and pc == call[1]:
                H = thread_hooks()
                if H.rm:
                    host_event(H, call[2], 'return')
            jump = _switch_jumps.get(frame.f_code)
            if jump is None:
                raise HookSwitch(pc)    # (Python turns tracing off; switched() rearms)
            frame.f_locals[jump[1]] = pc    # (written back when the tracer returns)
            frame.f_lineno = jump[0]
            if not _pending:
                _disarm()
            return None
    elif event == 'return':
        _forget(frame)
        if not _pending:
            _disarm()
    return _tracer


def _no_trace(frame, event, arg):
    """The thread's trace function while frames are marked: new frames are
    not traced (it returns None)."""


def _arm():
    global _prev_trace
    current = sys.gettrace()
    if current is not _no_trace:
        _prev_trace = current
        sys.settrace(_no_trace)


def _disarm():
    global _prev_trace
    if sys.gettrace() is _no_trace:
        sys.settrace(_prev_trace)
    _prev_trace = None


def switched():
    """A marked frame has switched (its tracer raised, which turned Python
    tracing off): trace on while other frames wait."""
    global _prev_trace
    if _pending:
        sys.settrace(_no_trace)
    else:
        sys.settrace(_prev_trace)
        _prev_trace = None
