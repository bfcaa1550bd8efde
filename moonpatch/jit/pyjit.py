"""Tier 1: a Lua prototype compiled to one Python function.

The function is made by copying each instruction's template from the opcode
table (bytecode/opcodes.py) with its operands and constants patched in:
registers become Python locals (r0, r1, ...), except those an inner closure
captures, which stay in the frame's register list R so upvalues keep
working; constants without a Python literal (inf, nan, -0, prototypes,
table templates) come from a pool the function closes over. It is
compile()d once and shared by every closure of the prototype; its
signature is the interpreter's, fn(closure, args[, tail]).

Control flow (jit/structure.py finds it) becomes Python control flow:
loops are `while True:` with `continue` at their back edge, conditional
forward jumps over a single-entry region are `if`s, and the jumps left
over set `skip` to their target, so the code they jump over is guarded by
`if skip <= pc:`; flow no Python loop takes (gotos) is one loop over
guarded units, which a jump back starts again. A function Python cannot
take (too deep, too big, a jump into the middle of a test) is refused with
its reason and stays interpreted.

Tail calls run in constant space: a compiled frame hands a tail call to
the trampoline (tailcall), which calls compiled callees in tail mode, where
their own tail calls come back to it as TailCall records instead of
growing the stack; an interpreted callee runs in the interpreter, which
reuses its frame for further tail calls.
"""
import functools
import math
import re
import sys
import types

from ..bytecode.decode import operands
from ..bytecode.opcodes import BY_NAME, ENTRIES, OPCODES
from ..bytecode.proto import Proto
from ..bytecode.template import RUNTIME_NAMES, TEMPORARIES, Tier, evaluate, expand
from ..runtime import ops, table, values
from ..runtime import closure as closure_mod
from ..runtime import interp
from ..runtime.callstack import TAILED, register_lua_code
from ..runtime.hooks import add_switch_points, share_plain_flag
from ..runtime.limits import LOOP_TICKS, TICKS, tick
from ..runtime.state import current_state
from .frames import register_compiled
from .hints import TABLE, read_registers, unassigned_reads, written_registers
from .structure import Refused, jumps_back, structure
from .tierup import compiled_callee, interpret, unspecialised

INF = math.inf
ON_PYPY = sys.implementation.name == 'pypy'
# A direct entry takes at least this many arguments (those past its
# parameters are dropped, as Lua drops them); a call with more arguments
# that does not know its callee goes through the gate. (No *args: a Python
# function that has them is called the slow way.)
DIRECT_ARGS = 4
CALL, UGET, GGET, TGETS, MOV, FORI, FORL, KSHORT, KNUM = (BY_NAME[name].code for name in (
    'CALL', 'UGET', 'GGET', 'TGETS', 'MOV', 'FORI', 'FORL', 'KSHORT', 'KNUM'))


class TailCall:
    """A tail call a compiled function in tail mode hands back to the
    trampoline."""
    __slots__ = ('f', 'args')

    def __init__(self, f, args):
        self.f = f
        self.args = args


def tailcall(f, args):
    """Run the tail call f(args) and whatever tail calls it makes, in this
    one frame (which shows as the '(tail call)' levels they replaced)."""
    hops = 1
    while True:
        p = f.proto
        if p is None:
            return f.gate(args)
        j = p.jit
        fn = j.function if j is not None else None
        if fn is None:        # (compiled code checks for hooks itself)
            return interp.execute(f, args)
        r = fn(f, args, True)
        if type(r) is not TailCall:
            return r
        f, args = r.f, r.args
        hops += 1


register_lua_code(tailcall.__code__, lambda frame: TAILED(frame.f_locals.get('hops', 1)))


def _namespace():
    # A module's dict, not a plain one: PyPy's JIT makes the globals of a
    # module dict constants, and looks a plain dict up at every use (fib
    # ran 6x slower on PyPy).
    ns = types.ModuleType(__name__ + '.compiled').__dict__
    ns.update({name: getattr(ops, name, None) for name in RUNTIME_NAMES})
    ns.update(BoolKey=table.BoolKey, LuaTable=table.LuaTable, PairsIter=table.PairsIter,
              INF=INF, floor=math.floor, LuaFunction=values.LuaFunction,
              new_closure=closure_mod.new_closure,
              call_target=ops.call_target, tailcall=tailcall, TailCall=TailCall)
    missing = [name for name in RUNTIME_NAMES if ns.get(name) is None]
    assert not missing, missing
    return ns


# The globals of all compiled code (their constants are closed over, per
# function); PLAIN is false while a debug hook is set.
NAMESPACE = _namespace()
NAMESPACE['INTERPRET'] = interpret
NAMESPACE['execute_resume'] = interp.execute_resume
NAMESPACE['UNSPECIALISED'] = unspecialised
NAMESPACE.update(TICKS=TICKS, tick=tick)


def _loop_tick():
    """A compiled loop's tick, every LOOP_TICKS + 1 iterations of a frame."""
    TICKS[0] -= LOOP_TICKS + 1
    if TICKS[0] < 0:
        tick()
    return LOOP_TICKS


NAMESPACE['LOOP_TICK'] = _loop_tick
LOOP_TICK_LINES = ['hot -= 1', 'if hot < 0:', '    hot = LOOP_TICK()']
# metamethod events that cannot happen on floats
_FLOAT_EVENTS = frozenset(('add', 'sub', 'mul', 'div', 'mod', 'pow', 'unm', 'lt', 'le', 'eq'))
share_plain_flag(NAMESPACE)


class JitTier(Tier):
    """The holes in compiled code: operands are constants, registers locals."""

    def __init__(self, captured, pool, hints, steps):
        self.captured = captured
        self.pool = pool            # constant -> name (by identity)
        self.hints = hints          # the optimizer's, or None
        self.steps = steps          # {pc of a FORL: its constant step}
        self.pc = None              # the instruction being copied
        self.values = None          # its operands
        self.jump = None            # the lines of its $JUMP
        self.single = None          # a direct entry (one result) or not; None: both
        self.numparams = 0
        self.frame = []             # the lines of $FRAME
        self.ticking = False        # the code ticks: its state has limits
        self.loops = False          # the prototype has a jump back

    def literal(self, v):
        t = type(v)
        if v is None or v is True or v is False or t is int:
            return repr(v)
        # (negative float literals go to the pool: PyPy folds some, such as
        # -9.223372036854776e+18, into an int)
        if t is float and 0.0 <= v < INF and math.copysign(1.0, v) > 0:
            return repr(v)
        if t is str:
            return repr(v)
        if t is tuple and all(type(x) is int for x in v):
            return repr(v)
        key = (t, v) if t is float else id(v)
        name = self.pool.get(key)
        if name is None:
            name = self.pool[key] = ('K%d' % len(self.pool), v)
        return name[0]

    def operand(self, letter):
        return self.literal(self.values[letter])

    def regname(self, n):
        return 'R[%d]' % n if n in self.captured else 'r%d' % n

    def _int(self, expr):
        return evaluate(expr, self.values)

    def reg(self, expr):
        return self.regname(self._int(expr))

    def _names(self, start, count):
        first = self._int(start)
        return [self.regname(i) for i in range(first, first + self._int(count))]

    def range(self, start, count):
        return '[%s]' % ', '.join(self._names(start, count))

    def range_target(self, start, count):
        names = self._names(start, count)
        return ', '.join(names) + ',' if names else '_'

    def static(self, cond):
        return bool(eval(self.substitute(cond), {}))

    def is_type(self, var, typename, expr):
        h, reg = self.hints, self._int(expr)
        if h is not None and (typename == 'float' and h.known(self.pc, reg) or
                              typename == 'LuaTable' and h.known_table(self.pc, reg)):
            return 'True'
        return super().is_type(var, typename, expr)

    def small_string(self):
        # code that ticks runs only with limits armed: it charges every string
        return '0' if self.ticking else str(ops.SMALL_STRING)

    def floor(self, x):
        # PyPy's JIT compiles math.floor and not float floor division (10x
        # slower in a loop); floor gives an int, and `or` keeps -0's sign
        if ON_PYPY:
            return '(floor(%s) or 0.0 * %s)' % (x, x)
        return super().floor(x)

    def _known_floats(self, regs):
        h = self.hints
        return h is not None and all(h.known(self.pc, r) for r in regs)

    def floats(self, exprs):
        return str(self._known_floats([self._int(e) for e in exprs]))

    def step_up(self, expr):
        a = self._int(expr)
        return str(self.steps.get(self.pc, 0.0) > 0.0 and self._known_floats((a, a + 1, a + 2)))


    def entry_hole(self, name):
        return {'ARGS': 'R', 'NP': str(self.numparams)}[name]

    def statement(self, name):
        if name == 'JUMP':
            return self.jump
        if name == 'TAILCALL':
            return expand(ENTRIES['TAILCALL'].template, self)
        if name == 'REUSE':
            # the trampoline takes the call (in tail mode: the one that called us)
            if self.single is None:
                return [_BOTH + 'reuse']
            if self.single:
                return ['cl = None', 'r = tailcall(f, args)', 'return r[0] if r else None']
            return ['if tail:', '    return TailCall(f, args)',
                    'cl = None                   # the callee takes this frame\'s place',
                    'return tailcall(f, args)']
        if name == 'FRAME':
            return self.frame
        raise ValueError('$%s has no meaning in compiled code' % name)

    def ret(self, value):
        """A direct entry (single) returns the first result alone."""
        if self.single is None:
            return [_BOTH + 'ret ' + value]
        if not self.single:
            return super().ret(value)
        m = re.match(r'^\((.+),\)$', value)
        if m:
            return ['return ' + m.group(1)]
        if value == 'r':
            return ['return r[0] if r else None']
        if value in ('()', '[]', ''):
            return ['return None']
        m = re.match(r'^\[([^,\]]+)[,\]]', value)
        if m:
            return ['return ' + m.group(1)]
        return ['r = ' + value, 'return r[0] if r else None']


def _indented(depth, lines):
    """(depth, text) of lines indented by four spaces a level, at depth."""
    for line in lines:
        text = line.lstrip(' ')
        yield depth + (len(line) - len(text)) // 4, text


# A line written once for the gate and the direct entry, whose form depends
# on which (a return, a tail call): both() gives each its own.
_BOTH = '\0'


def both(text, tier, single):
    """The lines of a line written for both functions, in one of them."""
    if not text.startswith(_BOTH):
        return [text]
    tier.single = single
    kind, _, value = text[1:].partition(' ')
    lines = tier.statement('REUSE') if kind == 'reuse' else tier.ret(value)
    tier.single = None
    if tier.ticking and tier.loops:     # the loop iterations not yet handed over count
        lines = ['TICKS[0] -= %d - hot' % LOOP_TICKS] + lines
    return lines


class Pieces:
    """An opcode's pieces as the backend copies them: where its load only
    copies registers into temporaries (x = $R(B); y = $R(C)), the registers
    themselves stand in the other pieces and there is no load."""
    __slots__ = ('name', 'code', 'shape', 'load', 'guard', 'fast', 'slow', 'target', 'taken',
                 'fall', 'template', 'is_ad')

    def __init__(self, op):
        for name in self.__slots__:
            setattr(self, name, getattr(op, name))
        copies = [_COPY.match(stmt.strip()) for stmt in (op.load or '').split(';')]
        if op.load and all(copies) and all((piece or '').count('\n') <= 1
                                           for piece in (op.taken, op.fall)):
            names = {m.group(1): m.group(2) for m in copies}
            word = re.compile(r'\b(%s)\b' % '|'.join(names))
            for piece in ('guard', 'fast', 'slow', 'taken', 'fall'):
                text = getattr(op, piece)
                if text is not None:
                    setattr(self, piece, word.sub(lambda m: names[m.group(1)], text))
            self.load = None


_COPY = re.compile(r'^(\w+) = (\$R\([^()]*\))$')


@functools.lru_cache(maxsize=None)
def inlined(op):
    """The Pieces of op."""
    return Pieces(op)


def constant_steps(proto, plan):
    """{pc of a FORL: the constant step of its loop} where the loop's FORI
    is in the compiled code and a constant set the step just before it
    (only FORI writes the step register after that; a debug.setlocal
    sends the frame back to the interpreter)."""
    out = {}
    for u in plan.units.values():
        if u.op != FORL:
            continue
        fori = u.target - 1
        op, a, _, _ = operands(proto, fori)
        if op != FORI or fori not in plan.live:
            continue
        q = last_write(proto, plan.targets, fori, a + 2)
        if q is not None:
            op, qa, qd, _ = operands(proto, q)
            if op in (KSHORT, KNUM) and qa == a + 2:
                out[u.pc] = qd
    return out


def last_write(proto, targets, pc, reg):
    """The pc of the instruction that last set register reg before pc in
    pc's straight run of code (no jump target or block end between), or
    None."""
    q = pc - 1
    while q >= 0 and q + 1 not in targets:
        if reg in written_registers(proto, q):
            return q
        if OPCODES[operands(proto, q)[0]].ends_block:
            return None
        q -= 1
    return None


def captured_registers(proto):
    """The registers of proto that closures of its child prototypes capture."""
    out = set()
    for k in proto.kgc:
        if type(k) is Proto:
            out.update(idx for instack, idx in k.uvdesc if instack)
    return out


class Emitter:
    """Writes the Python source of one prototype."""

    def __init__(self, proto, entry=None, closure=None, hints=None, live=None):
        self.proto = proto
        self.entry = entry         # None, or the pc an on-stack replacement starts at
        self.closure = closure     # the live closure (its upvalues and globals), or None
        self.live = live           # the live registers (or arguments), or None
        self.direct_name = _function_name(proto) + '_direct'
        self.captured = captured_registers(proto)
        self.pool = {}
        self.lines = []            # (indent, text, pc)
        self.starts = {}           # index in lines -> pc: where a unit's code starts
        self.plan = structure(proto, entry)
        self.hints = hints         # the optimizer's (jit/hints.py), or None
        self.tier = JitTier(self.captured, self.pool, hints, constant_steps(proto, self.plan))
        # code made for a state with limits ticks (runtime/limits.py); other
        # states' code costs nothing for them
        self.tier.ticking = getattr(current_state(), 'limits', None) is not None
        self.tier.loops = jumps_back(proto)
        self.uses_skip = bool(self.plan.guarded)     # (no guard: no one reads skip)
        # registers some path reads before writing (the parameters and the
        # captured registers are set at an entry; an on-stack replacement
        # sets them all): the prologue sets them nil
        assigned = sum(1 << i for i in range(proto.numparams)) | \
            sum(1 << i for i in self.captured)
        self.unset = [] if entry is not None else \
            sorted(unassigned_reads(proto, self.plan.units, 0, assigned))

    def emit(self, depth, text, pc):
        self.lines.append((depth, text, pc))

    def emit_all(self, depth, lines, pc):
        for line_depth, text in _indented(depth, lines):
            self.emit(line_depth, text, pc)

    # -- instructions

    def _bind(self, pc):
        op, a, b, c = operands(self.proto, pc)
        o = inlined(OPCODES[op])
        self.tier.pc = pc
        if o.is_ad:
            self.tier.values = {'A': a, 'D': b, 'B': b, 'C': c}
        else:
            self.tier.values = {'A': a, 'B': b, 'C': c, 'D': b}
        return o

    def jump_lines(self, src, target, loop):
        """What a jump from src to target does here; a jump back ticks."""
        tick = LOOP_TICK_LINES if self.tier.ticking and target <= src else []
        if self.plan.flat:
            return tick + ['skip = %d' % target] + (['continue'] if target <= src else [])
        skip = ['skip = %d' % target] if self.uses_skip else []
        if loop is not None and target == loop.head:
            # (skip only matters to the loop's own guards: code after the
            # loop lies past any target inside it)
            guarded = any(loop.head <= n.first <= loop.end and n.loop is not loop
                          for n in self.plan.guarded)
            return tick + (skip if guarded else []) + ['continue']
        if loop is not None and not (loop.head <= target <= loop.end):
            return (skip if target != loop.end + 1 else []) + ['break']
        return tick + skip

    def guard(self, o, pc):
        """The type test of o's fast path less what the optimizer knows
        (None: the fast path alone)."""
        if o.guard is None:
            return None
        terms = []
        for term in o.guard.split(' and '):
            m = re.match(r'^type\(\$R\(([^()]*)\)\) is float$', term)
            if m and self.hints is not None and \
                    self.hints.known(pc, evaluate(m.group(1), self.tier.values)):
                continue
            terms.append(term)
        return self.tier.substitute(' and '.join(terms)) if terms else None

    def cond(self, o, pc):
        t = self.tier
        fast = t.substitute(o.fast)
        guard = self.guard(o, pc)
        if guard is None:
            return fast
        return '(%s) if (%s) else (%s)' % (fast, guard, t.substitute(o.slow))

    def value(self, o, pc):
        """A value opcode's lines, its type test trimmed by the optimizer."""
        t = self.tier
        lines = expand(o.load, t) if o.load else []
        target, fast = t.substitute(o.target), t.substitute(o.fast)
        guard = self.guard(o, pc)
        if guard is None:
            return lines + ['%s = %s' % (target, fast)]
        return lines + ['if %s: %s = %s' % (guard, target, fast),
                        'else: %s = %s' % (target, t.substitute(o.slow))]

    def unit(self, depth, u, loop, jump=True):
        """An instruction (a test with the JMP it takes) on its own; jump:
        whether its jump is emitted (False: a structure took it)."""
        o = self._bind(u.pc)
        self.starts[len(self.lines)] = u.pc
        t = self.tier
        if o.shape == 'test':
            if o.load:
                self.emit_all(depth, expand(o.load, t), u.pc)
            self.emit(depth, 'if %s:' % self.cond(o, u.pc), u.pc)
            body = (expand(o.taken, t) if o.taken else []) + \
                self.jump_lines(u.pc, u.target, loop)
            self.emit_all(depth + 1, body or ['pass'], u.pc)
            if o.fall:
                self.emit(depth, 'else:', u.pc)
                self.emit_all(depth + 1, expand(o.fall, t), u.pc)
            return
        t.jump = self.jump_lines(u.pc, u.target, loop) if jump and u.target is not None else []
        if o.shape == 'value':
            lines = self.value(o, u.pc)
        else:
            lines = expand(o.template, t) if o.template.strip() else []
        direct = None
        if o.code == CALL and t.values['B'] in (1, 2):      # no result or one
            direct = self.direct_call(u.pc, t.values['A'], t.values['C'] - 1,
                                      t.values['B'] == 2)
        if direct:
            self.emit_all(depth, direct, u.pc)
            self.emit(depth, 'else:', u.pc)
            depth += 1
        if lines:
            self.emit_all(depth, lines, u.pc)
        elif o.name != 'LOOP':
            self.emit(depth, 'pass', u.pc)

    def callee(self, pc, a):
        """The value register a holds at instruction pc if the closure being
        compiled set it from an upvalue, a global or a field of one of those
        just before (the arguments between), as it is now (math.floor);
        None if unknown."""
        q = last_write(self.proto, self.plan.targets, pc, a)
        if q is None:
            return None
        op, qa, qb, qc = operands(self.proto, q)
        if qa != a:
            return None
        if op == TGETS:
            t = self.callee(q, qb)
            return t.hash.get(qc) if type(t) is table.LuaTable and t.meta is None else None
        if op == MOV:
            live = self.live
            return live[qb] if live is not None and qb < len(live) else None
        cl = self.closure
        if op == UGET and cl is not None:
            u = cl.upvals[qb]
            return u.regs[u.slot]
        if op == GGET and cl is not None and type(cl.env) is table.LuaTable:
            return cl.env.hash.get(qb)
        return None

    def direct_call(self, pc, a, nargs, wanted):
        """The lines of a call into a direct entry, the generic call to follow
        in an else branch (None: no direct entry can take it). A callee the
        compiling closure sees (itself, or a prototype compiled already) is
        checked by its prototype and its entry called by name with the
        arguments it has parameters for; any other value called, by the
        direct entry its closure carries once its prototype is compiled."""
        f = self.callee(pc, a)
        name = self.tier.regname(a)
        regs = [self.tier.regname(a + 1 + i) for i in range(nargs)]
        result = name + ' = ' if wanted else ''
        if type(f) is values.LuaFunction and f.proto is None and f.direct is not None:
            lines = []                                  # a library function
            on_float = getattr(f.direct, 'on_float', None)
            if on_float is not None and nargs == 1:     # on one float: its Python function
                known = self.tier.is_type(regs[0], 'float', str(a + 1))
                test = '' if known == 'True' else ' and ' + known
                lines += ['if %s is %s%s:' % (name, self.tier.literal(f), test),
                          '    %s%s(%s)' % (result, self.tier.literal(on_float), regs[0])]
                if known == 'True':
                    return lines
                lines.append('elif %s is %s:' % (name, self.tier.literal(f)))
            else:
                lines.append('if %s is %s:' % (name, self.tier.literal(f)))
            return lines + ['    %s%s(%s)' % (result, self.tier.literal(f.direct),
                                              ', '.join([name] + regs))]
        entry = None
        if type(f) is values.LuaFunction and f.proto is not None:
            if f.proto is self.proto and self.has_direct_entry():
                entry = self.direct_name
            else:
                j = compiled_callee(f)
                if j is not None and j.direct is not None:
                    entry = self.tier.literal(j.direct)
        if entry is not None:
            args = ', '.join([name] + regs[:f.proto.numparams])
            return ['if type(%s) is LuaFunction and %s.proto is %s:'
                    % (name, name, self.tier.literal(f.proto)),
                    '    %s%s(%s)' % (result, entry, args)]
        if nargs > DIRECT_ARGS:
            return None
        return ['if type(%s) is LuaFunction and %s.direct is not None:' % (name, name),
                '    %s%s.direct(%s)' % (result, name, ', '.join([name] + regs))]

    def test_if(self, depth, node, loop):
        """A structured if: the test's jump skips the then-part (and, with
        an else-part, goes there)."""
        u = node.unit
        o = self._bind(u.pc)
        t = self.tier
        self.starts[len(self.lines)] = u.pc
        if o.load:
            self.emit_all(depth, expand(o.load, t), u.pc)
        cond = self.cond(o, u.pc)
        if node.orelse is None and not o.taken:
            self.emit(depth, 'if not (%s):' % cond, u.pc)
            if o.fall:
                self.emit_all(depth + 1, expand(o.fall, t), u.pc)
            self.nodes(depth + 1, node.then, loop)
            return
        self.emit(depth, 'if %s:' % cond, u.pc)
        if o.taken:
            self.emit_all(depth + 1, expand(o.taken, t), u.pc)
        self.nodes(depth + 1, node.orelse or [], loop)
        self.emit(depth, 'else:', u.pc)
        if o.fall:
            self.emit_all(depth + 1, expand(o.fall, t), u.pc)
        self.nodes(depth + 1, node.then, loop)

    def nodes(self, depth, nodes, loop):
        start = len(self.lines)
        for node in nodes:
            inner = depth
            if node in self.plan.guarded:
                self.emit(depth, 'if skip <= %d:' % node.last, node.first)
                inner = depth + 1
            if node.kind == 'unit':
                self.unit(inner, node.unit, loop, jump=not node.taken_by_structure)
            elif node.kind == 'if':
                self.test_if(inner, node, loop)
            else:                              # a loop
                self.emit(inner, 'while True:', node.first)
                self.nodes(inner + 1, node.body, node.loop)
                self.emit(inner + 1, 'break', node.last)
        if len(self.lines) == start:
            self.emit(depth, 'pass', nodes[0].first if nodes else 0)

    # -- the function

    def _entry(self, used):
        """The gate's lines before the first instruction (LuaJIT's FUNCF/
        FUNCV): the argument list becomes the registers."""
        p = self.proto
        np = p.numparams
        head = ['if not (PLAIN and LIVE):     # a hook is set, or the code was flushed',
                '    c, cl = cl, None',
                '    return INTERPRET(c, R)']
        head += self._entry_tick()
        frame = []
        if self.captured:
            frame.append('R += NILS')
        elif np:
            frame.append('if len(R) < %d: R += NILS' % np)
        params = [self.tier.regname(i) for i in range(np) if i not in self.captured]
        for name in params:
            frame.append('%s = R[%s]' % (name, name[1:]))
        self.tier.numparams, self.tier.frame = np, frame
        head += expand(ENTRIES['FUNCV' if p.is_vararg else 'FUNCF'].template, self.tier)
        checks = self._seed_checks()
        if checks:     # the argument types the code was made for; else interpret
            head += ['if not (%s):' % checks, '    c, cl = cl, None',
                     '    return UNSPECIALISED(c, R, %s)' % ('va' if p.is_vararg else 'None')]
        return head + self._locals(used)

    def _seed_checks(self):
        seed = self.hints.seed if self.hints is not None else 0
        size = self.proto.framesize
        return ' and '.join(['type(r%d) is float' % i for i in range(size) if (seed >> i) & 1] +
                            ['type(r%d) is LuaTable' % i for i in range(size)
                             if (seed >> (TABLE + i)) & 1])

    def _entry_tick(self):
        if not self.tier.ticking or self._is_leaf():
            return []
        return ['TICKS[0] -= 1', 'if TICKS[0] < 0:', '    tick()']

    def _is_leaf(self):
        """Whether the function can neither loop nor run other code (calls,
        metamethods: its arithmetic and comparisons are on known floats):
        it then runs a bounded number of instructions, which its caller's
        ticks stand for, and makes no tick of its own. (It can be one level
        past max_depth: nothing can be called from there.)"""
        p, h = self.proto, self.hints
        if jumps_back(p):
            return False
        for pc, ins in enumerate(p.code):
            o = OPCODES[ins & 0xff]
            if o.may_call and not (o.event in _FLOAT_EVENTS and h is not None and
                                   all(h.known(pc, r) for r in read_registers(p, pc))):
                return False
        return True

    def _hot(self, used):
        """The frame's loop tick count (runtime/limits.py)."""
        return ['hot = %d' % LOOP_TICKS] if 'hot' in used else []

    def _locals(self, used):
        """What the body needs set before its first instruction: the names
        it uses of the frame's (U, R, tail, openuv, skip), and nil in the
        registers it may read before assigning them (the parameters, and
        every register a closure captures, are set: self.unset)."""
        head = ['U = cl.upvals'] if 'U' in used else []
        if self.entry is None and self.tier.single and 'R' in used:
            head.append('R = None                  # no register a closure captures')
        if self.tier.single and 'tail' in used:
            head.append('tail = False')
        names = [self.tier.regname(i) for i in self.unset]
        if names:
            head.append(' = '.join(names) + ' = None')
        if 'openuv' in used:
            head.append('openuv = None')
        if self.uses_skip:
            head.append('skip = 0')
        return head + self._hot(used)

    def _direct_entry(self, used):
        """The direct entry's lines: the arguments come as Python arguments
        and one result goes back (for calls that want one)."""
        np = self.proto.numparams
        args = ', '.join('r%d' % i for i in range(np))
        head = ['if not (PLAIN and LIVE):',
                '    c, cl = cl, None',
                '    r = INTERPRET(c, [%s])' % args,
                '    return r[0] if r else None'] + self._entry_tick()
        checks = self._seed_checks()
        if checks:
            head += ['if not (%s):' % checks, '    c, cl = cl, None',
                     '    r = UNSPECIALISED(c, [%s], None)' % args,
                     '    return r[0] if r else None']
        return head + self._locals(used)

    def _osr_entry(self, used):
        """The lines that take over an interpreter frame at a loop: its
        registers (a full frame) become the locals."""
        names = [self.tier.regname(i) for i in range(self.proto.framesize)
                 if i not in self.captured]
        head = ['U = cl.upvals'] if 'U' in used else []
        if 'tail' in used:
            head.append('tail = False')
        # a few at a time: a statement that holds a whole frame on Python's value stack
        # leaves CPython unable to move the frame's line (debug.sethook switches frames
        # by setting f_lineno: "stack is too deep to analyze" past 21 values)
        for i in range(0, len(names), 8):
            part = names[i:i + 8]
            head.append('%s = %s' % (', '.join(part), ', '.join('R[%s]' % n[1:] for n in part)))
        head += ['if not PLAIN:            # a hook came while this was being compiled',
                 '    c, cl = cl, None',
                 '    return DEOPT(c, R, locals(), %d)' % self.entry,
                 'skip = %d' % self.entry] + self._hot(used)
        checks = self._seed_checks()
        if checks:      # the types the code was made for; else interpret this time
            head += ['if not (%s):' % checks,
                     '    c, cl = cl, None',
                     '    return execute_resume(c, R, (%d, va, openuv, mr, tc))' % self.entry]
        return head

    def has_direct_entry(self):
        p = self.proto
        return self.entry is None and not p.is_vararg and not self.captured

    def _body(self):
        """The instructions' lines, written once for every function of the
        prototype (returns and tail calls in both forms)."""
        if self.lines:
            return self.lines, self.starts
        if self.plan.flat:
            self.emit(0, 'while True:                 # (flow no Python loop takes)', 0)
            self.nodes(1, self.plan.nodes, None)
            self.emit(1, 'break', self.plan.nodes[-1].last)
        else:
            self.nodes(0, self.plan.nodes, None)
        return self.lines, self.starts

    def _function(self, name, signature, make_head, single):
        """The lines of one function of the prototype: (depth, text, pc),
        the indices of lines that start an instruction, and of its switch
        line. make_head(names the body uses) gives the lines before it."""
        lines, first = self._body()
        body, starts = [], {}
        for i, (depth, text, pc) in enumerate(lines):
            if i in first:
                starts[len(body)] = first[i]
            for line_depth, line in _indented(depth, both(text, self.tier, single)):
                body.append((line_depth, line, pc))
        self.tier.single = single          # (for make_head)
        used = set(re.findall(r'[A-Za-z_]\w*', '\n'.join(text for _, text, _ in body)))
        # debug.sethook: a frame jumps to the switch line and goes on in the
        # hooked interpreter (runtime/hooks.py; Deopt)
        deopt = 'DEOPT(c, %s, locals(), switch_pc)' % ('None' if single else 'R')
        head = make_head(used) + ['switch_pc = None',
                                  'if switch_pc is not None:',
                                  '    c, cl = cl, None        # hide behind the continuation']
        head += ['    r = ' + deopt, '    return r[0] if r else None'] if single else \
            ['    return ' + deopt]
        switch = head.index('if switch_pc is not None:')
        self.tier.single = None
        lines = [(0, text, 0) for text in head] + body
        starts = {i + len(head): pc for i, pc in starts.items()}
        return name, signature, lines, starts, switch

    def source(self):
        """(Python source, line -> pc + 1, line -> pc of the instruction it
        starts, [(function name, its switch line)], constants)."""
        p = self.proto
        functions = []
        if self.entry is not None:
            functions.append(self._function(_function_name(p, self.entry),
                                             '(cl, R, va, openuv, mr, tc)',
                                             self._osr_entry, False))
        else:
            functions.append(self._function(_function_name(p), '(cl, R, tail=False)',
                                            self._entry, False))
            if self.has_direct_entry():
                params = ['r%d=None' % i for i in range(p.numparams)]
                params += ['_%d=None' % i for i in range(p.numparams, DIRECT_ARGS)]
                functions.append(self._function(self.direct_name,
                                                '(%s)' % ', '.join(['cl'] + params),
                                                self._direct_entry, True))
        pool = sorted(self.pool.values(), key=lambda kv: int(kv[0][1:]))
        out = ['def make(%s):' % ', '.join(['NILS', 'DEOPT'] + [n for n, _ in pool]),
               '    LIVE = True             # false once flushed (retire)']
        linemap = [0, 0, 0]                # Python line (1-based) -> pc + 1 (0: the entry)
        starts = {}                        # Python line -> pc of the unit starting there
        entries = []
        for name, signature, lines, unit_starts, switch in functions:
            out.append('    def %s%s:' % (name, signature))
            linemap.append(0)
            entries.append((name, len(out) + 1 + switch))
            for i, (depth, text, pc) in enumerate(lines):
                out.append('        ' + '    ' * depth + text)
                linemap.append(pc + 1)
                if i in unit_starts:
                    starts[len(out)] = unit_starts[i]
        out.append('    return %s' % ', '.join(name for name, _ in entries))
        return '\n'.join(out) + '\n', linemap, starts, entries, [v for _, v in pool]


def _function_name(proto, entry=None):
    return 'lua_%d' % proto.firstline if entry is None else \
        'lua_%d_at_%d' % (proto.firstline, entry)


class Compiled:
    """What the backend made of a prototype: the gate's function (or the
    on-stack replacement's), the direct entry (or None), the source and its
    line -> pc table."""
    __slots__ = ('function', 'direct', 'source', 'linemap')

    def __init__(self, function, direct, source, linemap):
        self.function = function
        self.direct = direct
        self.source = source
        self.linemap = linemap


def compile_proto(proto, entry=None, closure=None, hints=None, live=None):
    """The Compiled code of proto, or Refused. entry: the pc of an on-stack
    replacement (its function then takes an interpreter frame's state: cl,
    R, va, openuv, mr, tc); closure and live (its registers or arguments):
    the values that say which calls may go straight to a known callee."""
    em = Emitter(proto, entry, closure, hints, live)
    src, linemap, starts, entries, pool = em.source()
    filename = '<jit %s:%d>' % (proto.chunkname, proto.firstline)
    try:
        code = compile(src, filename, 'exec')
    except (SyntaxError, RecursionError, MemoryError, ValueError, OverflowError) as e:
        raise Refused('Python refuses the code: %s' % (getattr(e, 'msg', None) or e))
    exec(code, NAMESPACE)
    nils = [None] * max(proto.framesize, proto.numparams)
    fns = NAMESPACE.pop('make')(nils, Deopt(proto, em.captured), *pool)
    if type(fns) is not tuple:
        fns = (fns,)
    for fn, (name, switch_line) in zip(fns, entries):
        register_compiled(fn.__code__, proto, linemap, starts, em.captured, TEMPORARIES)
        add_switch_points(fn.__code__, lambda frame: starts.get(frame.f_lineno),
                          (switch_line, 'switch_pc'))
    return Compiled(fns[0], fns[1] if len(fns) > 1 else None, src, linemap)


def retire(fn):
    """Make a compiled function (and the others of its prototype, which
    share the flag) send its calls back to the interpreter. (A native gate
    names the tier-1 function it stands in front of: jit/native/gates.py.)"""
    fn = getattr(fn, 'tier1', fn)
    code = fn.__code__
    if 'LIVE' in code.co_freevars:
        fn.__closure__[code.co_freevars.index('LIVE')].cell_contents = False


class Deopt:
    """Leave compiled code: write the registers back into the frame's list
    (a new one for a direct entry, R None) and go on in the (hooked)
    interpreter at the instruction the frame was about to run."""
    __slots__ = ('proto', 'captured')

    def __init__(self, proto, captured):
        self.proto = proto
        self.captured = captured

    def __call__(self, cl, R, f, pc):
        size = self.proto.framesize
        if R is None:
            R = []
        if len(R) < size:
            R += [None] * (size - len(R))
        for i in range(size):
            if i not in self.captured:
                R[i] = f.get('r%d' % i)
        return interp.execute_hooked(cl, R, (pc, f.get('va'), f.get('openuv'), f.get('mr'), 0))
