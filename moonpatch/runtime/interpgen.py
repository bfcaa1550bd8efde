"""Writes runtime/interp.py, the interpreter, from the opcode templates.

    python -m moonpatch.runtime.interpgen          # regenerate interp.py
    python -m moonpatch.runtime.interpgen --check  # exit 1 if it is stale

The interpreter is one Python function with one loop: fetch the operand
tuple, dispatch through a binary tree of `if op < N` tests, run the opcode's
template. Opcodes are numbered for dispatch by how often they execute
(WEIGHTS, measured with the dynamic opcode counts of bench/), and the tree
splits each range where the weights balance, so hot opcodes sit one to three
tests from the top. The generated file is committed, so running the
interpreter generates no code at all; a test checks it is current.

Debug hooks (debug.sethook) cost the plain interpreter nothing. The file
holds three functions made from the same templates:

- execute(cl, R): the plain interpreter, the gate of every Lua closure.
- execute_hooked(cl, R, resume=None): the same instructions plus Lua 5.1's
  hook events: 'call' at entry (for a tail call too, while the caller is
  still visible, as in luaD_precall), 'line' and 'count' before each
  instruction (luaG_traceexec: a new line, a jump back, or the first
  instruction; LOOP, which 5.1 does not have, is not traced), 'return' and
  one 'tail return' per tail call made in the frame before each return
  (callrethooks), and 'call'/'return' around host functions (hooks.hcall).
  Each frame reads its thread's hook record once (hooks are per coroutine).
- execute_resume(cl, R, resume): the plain body again, entered with a saved
  frame state, for hooked frames that go back to plain speed.

Switching (runtime/hooks.py): while any thread has a hook, execute.__code__
is execute_hooked's code, so every closure's gate (a bound method of the
function object) enters the hooked variant from its next call on. A frame
that is already running cannot change its code, so it moves: the frames of
the thread that gets a hook are marked with a Python trace function
(frame.f_trace, the way pdb traces the frames of its callers) that raises
HookSwitch when the frame reaches the instruction fetch, i.e. between two
instructions; the plain function's `except HookSwitch` hands cl, R, pc, va,
openuv, mr and tc to execute_hooked(..., resume=...) and hides itself (cl =
None) behind it. So the lines that follow debug.sethook(f, "l") in the same
function and in its callers fire, as in lua5.1. The plain loop pays only a
try block, which is free in CPython 3.11+ (an exception table entry) and one
block setup per call before; Python tracing is on only until every marked
frame has switched or returned. When the last hook is removed, the code goes
back, and hooked frames move to execute_resume at their next instruction.

Tail calls: each frame counts in tc the tail calls that reused it (one local
store per call), so the call stack shows Lua 5.1's '(tail call)' levels.

Measured (CPU time, fib(22) and a table loop, CPython 3.11, same tree with
and without the try block and tc): no difference beyond noise (< 1%). A
checked flag after every call was the alternative; it is not needed, since
the trace function reaches the frames below the one that set the hook.
While a hook is set, fib runs about 2x slower with a count hook that never
fires, 4x with a line hook calling an empty Lua function.
"""
import hashlib
import os
import sys

from ..bytecode.opcodes import ENTRIES, OPCODES
from ..bytecode.template import Tier, expand, linear

TARGET = os.path.join(os.path.dirname(__file__), 'interp.py')

# Relative execution frequency of each opcode in tenths of a percent:
# `python3 bench/opcount.py` (each benchmark program weighs the same);
# unlisted opcodes weigh 1.
WEIGHTS = {
    'TGETV': 84, 'ADDVV': 74, 'FORL': 68, 'MOV': 64, 'TGETS': 59, 'UGET': 58, 'CALL': 56,
    'MULVV': 46, 'RET1': 42, 'TSETV': 40, 'ISGE': 30, 'KSHORT': 29, 'ADDVN': 29, 'KPRI': 27,
    'SUBVN': 27, 'MODVN': 25, 'JMP': 22, 'SUBVV': 20, 'LOOP': 17, 'GGET': 16, 'MULVN': 15,
    'TSETS': 15, 'ISF': 14, 'IST': 11, 'TGETB': 10, 'ISLT': 9, 'ISGT': 8, 'ISEQV': 7,
    'ISNEN': 6, 'USETV': 5, 'LEN': 5, 'MODVV': 5, 'TNEW': 5, 'ISNEV': 4, 'MULNV': 4, 'FORI': 4,
    'DIVNV': 4, 'ISEQN': 3, 'KSTR': 3, 'ITERL': 3, 'ITERC': 3, 'ADDNV': 3, 'CALLT': 3,
    'TSETB': 2, 'TSETM': 2, 'DIVVN': 2, 'ISEQP': 2, 'DIVVV': 2, 'RET0': 2, 'CALLMT': 2,
    'FNEW': 1, 'CAT': 1, 'ISNEP': 1, 'UCLO': 1, 'NOT': 1, 'CALLM': 1, 'TDUP': 1, 'KNUM': 1,
    'ITERN': 1, 'RET': 1, 'ISNES': 1, 'KNIL': 1, 'ISNEXT': 1, 'POW': 1, 'UNM': 1,
}

# The interpreter's decoded instruction is (op, a, b, c): D is stored in b,
# jump targets in c.
_LETTERS = {'A': 'a', 'B': 'b', 'C': 'c', 'D': 'b'}


def _index(terms):
    """A register number from linear() terms, as interpreter code."""
    text = ''
    for key, n in sorted(terms.items(), key=lambda kv: kv[0] == ''):
        if n == 0:
            continue
        name = _LETTERS[key] if key else str(abs(n))
        if key and abs(n) != 1:
            name = '%d*%s' % (abs(n), name)
        text += ('-' if n < 0 else '+' if text else '') + name
    return text or '0'


class InterpTier(Tier):
    """The holes in the plain interpreter: registers are the list R."""

    def operand(self, letter):
        return _LETTERS[letter]

    def reg(self, expr):
        return 'R[%s]' % _index(linear(expr))

    def range(self, start, count):
        first = linear(start)
        last = dict(first)
        for key, n in linear(count).items():
            last[key] = last.get(key, 0) + n
        return 'R[%s:%s]' % (_index(first), _index(last))

    range_target = range

    def entry_hole(self, name):
        return {'ARGS': 'R', 'NP': 'nfixed'}[name]

    def statement(self, name):
        if name == 'TAILCALL':
            return expand(ENTRIES['TAILCALL'].template, self)
        return {'JUMP': _lines(JUMP.format(tick=_indent_text(TICK, 4))), 'SKIP': ['pc += 1'],
                'FRAME': ['R += nils'],
                # the frame goes on with the callee (tc: '(tail call)' levels)
                'REUSE': [LEFTOVER, 'tc += 1', 'cl = f', 'R = args', 'break']}[name]

    def ret(self, value):
        return [LEFTOVER] + super().ret(value)


class HookedTier(InterpTier):
    """The hooked interpreter: host functions are called through hcall (their
    call and return events), the return events run before every return, and
    a pairs() loop calls next while call or return events are wanted."""

    def call(self, target, f, args):
        return [f'{target} = hcall({f}, {args})']

    def ret(self, value):
        return RETHOOK.rstrip('\n').split('\n') + super().ret(value)

    def calls_unseen(self):
        return 'not (H.cm or H.rm)'

    def statement(self, name):
        if name == 'JUMP':          # no hot loops while hooked; each iteration counts
            return _lines(JUMP.format(tick=_indent_text(ENTRY_TICK, 4)))
        if name == 'REUSE':         # the callee's call hook sees the caller (tcall)
            return ['tcall = (cl, pc)', 'cl = f', 'R = args', 'break']
        return super().statement(name)


_PLAIN, _HOOKED = InterpTier(), HookedTier()


def _lines(text):
    return text.rstrip('\n').split('\n')


def _indent_text(text, n):
    return ''.join(' ' * n + line + '\n' for line in _lines(text))

# A jump: a jump back is a loop's back edge, where the loop ticks.
JUMP = """\
if c < pc:
    pc = c
{tick}else:
    pc = c
"""

# A loop's tick (pc: where the loop goes on): every HOTLOOP iterations in a
# frame, loop_hot (the JIT's, see FOOTER) may hand back compiled code that
# goes on from pc with this frame's state, which then hides behind it.
TICK = """\
hot -= 1
if hot < 0:
    hot, osr = loop_hot(cl, pc, R)
    if osr is not None:
        c, cl = cl, None
        return osr(c, R, locals().get('va'), openuv, locals().get('mr'), tc)
"""

# Leaving a frame (a return, a tail call that reuses it): the loop
# iterations not yet handed over count.
LEFTOVER = 'if LIMITED: TICKS[0] -= HOTLOOP - hot'

# A function entry: one tick while a budget is armed (runtime/limits.py).
ENTRY_TICK = """\
if LIMITED:
    TICKS[0] -= 1
    if TICKS[0] < 0:
        tick()
"""

# Before each return of the hooked variant (callrethooks).
RETHOOK = """\
if H.rm:
    fire(H, 'return')
    while tc and H.rm:
        tc -= 1
        fire(H, 'tail return')
"""

HEADER = '''\
# Generated by moonpatch/runtime/interpgen.py from bytecode/opcodes.py: do not edit.
# Inputs digest: {digest}
"""Tier 0: the bytecode interpreter (see runtime/interpgen.py)."""
from ..bytecode.decode import decode
from .callstack import call_top, new_object_slot, register_lua_code, write_locals
from .closure import new_closure, set_interpreter
from .limits import LOOP_TICKS, TICKS, tick
from .hooks import HookSwitch, fire, hcall, install_interpreter, switched, thread_hooks, trace
from .ops import (CDATA, SMALL_STRING, arith, call, call_target, call_value, cdata_eq,
                  close_upvals, concat, div, equals, for_prep, index, index_meta, is_next, le,
                  length, lt, mod, pow, set_multi, setindex, table_from_template, unm)
from .table import BoolKey, LuaTable, PairsIter
from .values import INF, LuaFunction, Userdata

# dispatch number of each opcode (decode() puts these in the operand tuples)
DISPATCH = {dispatch}

PLAIN = True        # no thread has a hook (runtime/hooks.py sets this)
LIMITED = False     # a budget is armed (runtime/limits.py sets this): entries tick
SMALL_CAT = SMALL_STRING    # strings CAT makes without charging them (0 while armed)
'''

# What every call (and tail call) does before its first instruction.
# enter() (the JIT's tier-up hook, see FOOTER) is asked only while a
# prototype has no cached decoded form, with the call's arguments;
# may_switch: whether this frame may hand the call to a compiled function.
PROLOGUE = '''\
{entry_tick}frame = cl.proto.decoded
if frame is None:
    frame = enter(cl, R, {may_switch})
    if frame is None:
        return cl.gate(R)
code, nils, nfixed = frame
hot = HOTLOOP
U = cl.upvals
if nfixed >= 0:           # a vararg function
{funcv}
else:
{funcf}
openuv = None
pc = 0
'''

FETCH = '''\
op, a, b, c, pc = code[pc]
'''

PLAIN_HEAD = '''
def execute(cl, R):
    """Run closure cl with argument list R (which becomes its registers);
    return its results as a sequence."""
    tc = 0                        # tail calls that reused this frame
    while True:                   # once per call, again for each tail call
'''

RESUME_HEAD = '''
def execute_resume(cl, R, resume):
    """execute() entered in the middle of a frame: resume is the state
    (pc, va, openuv, mr, tc) a hooked frame had when the last hook went."""
    tc = 0
    while True:
        if resume is not None:
            Rr = R
            R = []
'''

RESUME_STATE = '''\
if resume is not None:
    R = Rr
    pc, va, openuv, mr, tc = resume
    resume = None
'''

# The plain variants' way out when debug.sethook marked the frame (hooks.py).
SWITCH = '''\
except HookSwitch:
    switched()
    c, cl = cl, None          # hide this frame behind its continuation
    return execute_hooked(c, R, (pc, locals().get('va'), openuv, locals().get('mr'), tc))
'''

HOOKED_HEAD = '''
def execute_hooked(cl, R, resume=None):
    """execute() with debug hooks (see runtime/interpgen.py); resume: a
    plain frame's state (pc, va, openuv, mr, tc) to go on from."""
    H = thread_hooks()            # this thread's hook settings
    tc = 0
    tcall = None
    while True:
        if resume is not None:
            Rr = R
            R = []
'''

HOOKED_ENTRY = '''\
if resume is None:
    oldpc = 0
    if H.cm:
        pc = 1                    # 5.1 shows the first instruction as current
        fire(H, 'call')
        pc = 0
    if tcall is not None:
        tcall = None
        tc += 1
else:
    R = Rr
    pc, va, openuv, mr, tc = resume
    oldpc = pc
    resume = None
'''

HOOKED_STEP = '''\
if H.lc:
    if op != {loop}: oldpc = trace(H, cl, pc, oldpc)
elif PLAIN:                       # the last hook went: back to plain speed
    c, cl = cl, None
    return execute_resume(c, R, (pc - 1, locals().get('va'), openuv, locals().get('mr'), tc))
else:
    oldpc = pc
'''

FOOTER = '''

def decode_frame(proto):
    """What a call of proto needs: the decoded instructions, the nils that
    extend the arguments to a full frame, and the number of fixed
    parameters of a vararg function (-1 for the others)."""
    return (decode(proto, DISPATCH), [None] * proto.framesize,
            proto.numparams if proto.is_vararg else -1)


def enter(cl, args, may_switch):
    """Without a JIT: decode a prototype at its first call, once."""
    frame = cl.proto.decoded = decode_frame(cl.proto)
    return frame


def no_loop_hot(cl, pc, R):
    """Without a JIT: (iterations until the next tick, no compiled code)."""
    return LOOP_TICKS, None


# A frame's loops tick every HOTLOOP iterations: the JIT's hot loop count,
# and LOOP_TICKS at most, so that no frame runs long without handing its
# iterations over (to limits armed since it started, too).
HOTLOOP = LOOP_TICKS
_defaults = (enter, no_loop_hot)
_jit_loop_hot = no_loop_hot


def loop_hot(cl, pc, R):
    """A loop's tick, every HOTLOOP + 1 iterations of a frame: charge them
    while a budget is armed, then ask the JIT."""
    if LIMITED:
        TICKS[0] -= HOTLOOP + 1
        if TICKS[0] < 0:
            tick()
    hot, osr = _jit_loop_hot(cl, pc, R)
    return (hot if hot < HOTLOOP else HOTLOOP), osr


def set_entry(fn, loop_fn=None, hotloop=None):
    """Install the JIT's hooks (jit/tierup.py): its entry hook, its hot
    loop hook and its hot loop count; None: the defaults."""
    global enter, _jit_loop_hot, HOTLOOP
    enter = fn or _defaults[0]
    _jit_loop_hot = loop_fn or _defaults[1]
    HOTLOOP = min(hotloop or LOOP_TICKS, LOOP_TICKS)


def set_limited(on):
    """A budget is armed, or the last one went (runtime/limits.py)."""
    global LIMITED, SMALL_CAT
    LIMITED = on
    SMALL_CAT = 0 if on else SMALL_STRING


def _locate(frame):
    """(closure, pc, tail calls) of an interpreter frame; None for a frame
    that hides behind the continuation it switched to, or that failed (a
    stack overflow) before its first instruction."""
    f = frame.f_locals
    cl = f['cl']
    pc = f.get('pc')
    return None if cl is None or pc is None else (cl, pc, f['tc'])


def _locate_hooked(frame):
    f = frame.f_locals
    cl = f['cl']
    pc = f.get('pc')
    if cl is None or pc is None:
        return None
    if f.get('tcall') is not None:    # in the call hook of a tail call
        return (cl, pc, 0, f['tcall'] + (f['tc'],))
    return (cl, pc, f.get('tc', 0))


# What a frame holds for Lua; its other locals are the templates'
# temporaries, which no instruction reads after the one that set them, but
# in a hooked frame, where a hook may run between a result list (r, mr) and
# the instruction that takes it.
_FRAME_STATE = frozenset(('cl', 'R', 'tc', 'code', 'nils', 'nfixed', 'U', 'va', 'openuv',
                          'pc', 'op', 'a', 'b', 'c', 'resume', 'Rr', 'H', 'tcall', 'oldpc',
                          'hot', 'frame'))
_HOOKED_FRAME_STATE = _FRAME_STATE | {{'r', 'mr'}}


def _scrub(frame, state=_FRAME_STATE):
    """Before a collection: drop what a frame holds that Lua would not, the
    temporaries, and the registers above the arguments of a call it waits
    in or is about to make (lgc.c's traversestack clears the stack above
    L->top), or that get the object being made."""
    f = frame.f_locals
    write_locals(frame, {{name: None for name in f if name not in state}})
    cl, pc, R = f.get('cl'), f.get('pc'), f.get('R')
    if cl is not None and pc:
        top = call_top(cl.proto, pc - 1)
        if top is not None and top < len(R):
            R[top:] = [None] * (len(R) - top)
        slot = new_object_slot(cl.proto, pc - 1)
        if slot is not None and slot < len(R):
            R[slot] = None


def _scrub_hooked(frame):
    _scrub(frame, _HOOKED_FRAME_STATE)


def _frame_values(frame):
    f = frame.f_locals
    return f.get('cl'), f.get('R'), f.get('va')


register_lua_code(execute.__code__, _locate, _scrub, _frame_values)
register_lua_code(execute_resume.__code__, _locate, _scrub, _frame_values)
register_lua_code(execute_hooked.__code__, _locate_hooked, _scrub_hooked, _frame_values)
install_interpreter(globals(), {fetch_lines})
set_interpreter(execute)
'''


def dispatch_order():
    """Opcodes sorted hottest first: their dispatch numbers."""
    return sorted(OPCODES, key=lambda op: (-WEIGHTS.get(op.name, 1), op.code))


def _tree(ops, lo, hi, indent, out, hooked=False):
    """Emit the dispatch for dispatch numbers lo..hi-1 (ops[lo:hi])."""
    pad = '    ' * indent
    if hi - lo == 1:
        op = ops[lo]
        out.append('%s# %s: %s' % (pad, op.name, op.semantics))
        lines = expand(op.template, _HOOKED if hooked else _PLAIN)
        out.extend(pad + line for line in lines)
        return
    weights = [WEIGHTS.get(op.name, 1) for op in ops[lo:hi]]
    total = sum(weights)
    acc, split, best = 0, lo + 1, None
    for i in range(lo, hi - 1):
        acc += weights[i - lo]
        diff = abs(total - 2 * acc)
        if best is None or diff < best:
            best, split = diff, i + 1
    out.append('%sif op < %d:' % (pad, split))
    _tree(ops, lo, split, indent + 1, out, hooked)
    out.append('%selse:' % pad)
    _tree(ops, split, hi, indent + 1, out, hooked)


def _block(text, indent):
    return ['    ' * indent + line if line else '' for line in text.rstrip('\n').split('\n')]


def _function(ops, variant, counting=False):
    """One interpreter function: 'plain' (execute), 'resume' (execute_resume)
    or 'hooked' (execute_hooked); counting adds COUNTS[op] += 1 to the plain
    loop (bench/opcount.py)."""
    out = _block({'plain': PLAIN_HEAD, 'resume': RESUME_HEAD,
                  'hooked': HOOKED_HEAD}[variant], 0)
    may_switch = {'plain': 'tc == 0', 'resume': 'False', 'hooked': 'False'}[variant]
    entries = {kind: '\n'.join('    ' + line for line in expand(ENTRIES[kind].template, _PLAIN))
               for kind in ('FUNCV', 'FUNCF')}
    out += _block(PROLOGUE.format(may_switch=may_switch, funcv=entries['FUNCV'],
                                  funcf=entries['FUNCF'], entry_tick=ENTRY_TICK), 2)
    if variant == 'hooked':
        loop = [op.name for op in ops].index('LOOP')
        out += _block(HOOKED_ENTRY, 2)
        out += _block('while True:', 2)
        out += _block(FETCH, 3)
        out += _block(HOOKED_STEP.format(loop=loop), 3)
        _tree(ops, 0, len(ops), 3, out, hooked=True)
        return out
    if variant == 'resume':
        out += _block(RESUME_STATE, 2)
    out += _block('try:\n    while True:', 2)
    out += _block(FETCH + ('COUNTS[op] += 1\n' if counting else ''), 4)
    _tree(ops, 0, len(ops), 4, out)
    out += _block(SWITCH, 2)
    return out


def digest():
    h = hashlib.sha256()
    for name in ('bytecode/opcodes.py', 'bytecode/template.py', 'runtime/interpgen.py'):
        path = os.path.join(os.path.dirname(os.path.dirname(__file__)), name)
        with open(path, 'rb') as f:
            h.update(f.read())
    return h.hexdigest()[:16]


def generate(counting=False):
    """The source of interp.py; with counting, a variant whose plain loop
    counts executed opcodes in COUNTS (never written to disk)."""
    ops = dispatch_order()
    dispatch = [0] * len(OPCODES)
    for i, op in enumerate(ops):
        dispatch[op.code] = i
    out = [HEADER.format(digest=digest(), dispatch=dispatch).rstrip('\n'), '']
    fetch_lines = {}
    for name, variant in (('execute', 'plain'), ('execute_hooked', 'hooked'),
                          ('execute_resume', 'resume')):
        start = len('\n'.join(out).split('\n'))
        body = _function(ops, variant, counting and variant == 'plain')
        if variant != 'hooked':     # where hooks.py's tracer switches a frame
            fetch = body.index('    ' * 4 + FETCH.split('\n')[0])
            fetch_lines[name] = start + fetch + 1
        out += body + ['']
    lines = ', '.join(f'{name}.__code__: {line}' for name, line in fetch_lines.items())
    return '\n'.join(out) + FOOTER.format(fetch_lines='{' + lines + '}')


def write():
    text = generate()
    tmp = TARGET + '.tmp'
    with open(tmp, 'w') as f:
        f.write(text)
    os.replace(tmp, TARGET)


def is_current():
    try:
        with open(TARGET) as f:
            return f.read() == generate()
    except OSError:
        return False


if __name__ == '__main__':
    if '--check' in sys.argv:
        sys.exit(0 if is_current() else 1)
    write()
