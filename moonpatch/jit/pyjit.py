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
`if skip <= pc:`. A function Python cannot take (too deep, too big, a jump
into the middle of a test) is refused with its reason and stays
interpreted.

Tail calls run in constant space: a compiled frame hands a tail call to
the trampoline (tailcall), which calls compiled callees in tail mode, where
their own tail calls come back to it as TailCall records instead of
growing the stack; an interpreted callee runs in the interpreter, which
reuses its frame for further tail calls.
"""
import math

from ..bytecode.decode import operands
from ..bytecode.opcodes import OPCODES
from ..bytecode.proto import Proto
from ..bytecode.template import RUNTIME_NAMES, TEMPORARIES, Tier, evaluate, expand
from ..runtime import ops, table, values
from ..runtime import closure as closure_mod
from ..runtime import interp
from ..runtime.callstack import TAILED, register_lua_code
from ..runtime.hooks import add_switch_points, share_plain_flag
from .frames import register_compiled
from .structure import Refused, structure

INF = math.inf


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
        if fn is None or not j.usable():
            return closure_mod.interpreter_gate(f)(args)
        r = fn(f, args, True)
        if type(r) is not TailCall:
            return r
        f, args = r.f, r.args
        hops += 1


register_lua_code(tailcall.__code__, lambda frame: TAILED(frame.f_locals.get('hops', 1)))


def _namespace():
    ns = {name: getattr(ops, name, None) for name in RUNTIME_NAMES}
    ns.update(BoolKey=table.BoolKey, LuaTable=table.LuaTable, PairsIter=table.PairsIter,
              INF=INF, LuaFunction=values.LuaFunction, new_closure=closure_mod.new_closure,
              call_target=ops.call_target, tailcall=tailcall, TailCall=TailCall)
    missing = [name for name in RUNTIME_NAMES if ns.get(name) is None]
    assert not missing, missing
    return ns


# The globals of all compiled code (their constants are closed over, per
# function); PLAIN is false while a debug hook is set.
NAMESPACE = _namespace()
NAMESPACE['execute'] = interp.execute
share_plain_flag(NAMESPACE)


class JitTier(Tier):
    """The holes in compiled code: operands are constants, registers locals."""

    def __init__(self, captured, pool):
        self.captured = captured
        self.pool = pool            # constant -> name (by identity)
        self.values = None          # the operands of the instruction being copied
        self.jump = None            # the lines of its $JUMP

    def literal(self, v):
        t = type(v)
        if v is None or v is True or v is False or t is int:
            return repr(v)
        if t is float and -INF < v < INF and (v or math.copysign(1.0, v) > 0):
            return repr(v) if v >= 0 else '(%r)' % v
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


    def statement(self, name):
        if name == 'TICK':
            return []
        if name == 'JUMP':
            return self.jump
        if name == 'TAILCALL':
            return TAILCALL
        raise ValueError('$%s has no meaning in compiled code' % name)


# A host function runs as a plain call (lua5.1 keeps the caller's frame for
# a C function called in tail position).
TAILCALL = [
    'if type(f) is not LuaFunction:',
    '    f, args = call_target(f, args)',
    'if f.proto is None:',
    '    return f.gate(args)',
    'if tail:',
    '    return TailCall(f, args)',
    'cl = None                   # the callee takes this frame\'s place',
    'return tailcall(f, args)',
]


def captured_registers(proto):
    """The registers of proto that closures of its child prototypes capture."""
    out = set()
    for k in proto.kgc:
        if type(k) is Proto:
            out.update(idx for instack, idx in k.uvdesc if instack)
    return out


class Emitter:
    """Writes the Python source of one prototype."""

    def __init__(self, proto, entry=None):
        self.proto = proto
        self.entry = entry         # None, or the pc an on-stack replacement starts at
        self.captured = captured_registers(proto)
        self.pool = {}
        self.tier = JitTier(self.captured, self.pool)
        self.lines = []            # (indent, text, pc)
        self.starts = {}           # index in lines -> pc: where a unit's code starts
        self.plan = structure(proto, entry)
        self.uses_skip = bool(self.plan.guarded) or bool(self.plan.skips)

    def emit(self, depth, text, pc):
        self.lines.append((depth, text, pc))

    def emit_all(self, depth, lines, pc):
        for line in lines:
            stripped = line.lstrip(' ')
            self.emit(depth + (len(line) - len(stripped)) // 4, stripped, pc)

    # -- instructions

    def _bind(self, pc):
        op, a, b, c = operands(self.proto, pc)
        o = OPCODES[op]
        if o.is_ad:
            self.tier.values = {'A': a, 'D': b, 'B': b, 'C': c}
        else:
            self.tier.values = {'A': a, 'B': b, 'C': c, 'D': b}
        return o

    def jump_lines(self, src, target, loop):
        """What a jump from src to target does here."""
        if loop is not None and target == loop.head:
            return (['skip = %d' % target] if self.uses_skip else []) + ['continue']
        if loop is not None and not (loop.head <= target <= loop.end):
            return (['skip = %d' % target] if target != loop.end + 1 else []) + ['break']
        return ['skip = %d' % target]

    def cond(self, o):
        t = self.tier
        fast = t.substitute(o.fast)
        if o.guard is None:
            return fast
        return '(%s) if (%s) else (%s)' % (fast, t.substitute(o.guard), t.substitute(o.slow))

    def unit(self, depth, u, loop, jump=True):
        """An instruction (a test with the JMP it takes) on its own; jump:
        whether its jump is emitted (False: a structure took it)."""
        o = self._bind(u.pc)
        self.starts[len(self.lines)] = u.pc
        t = self.tier
        if o.shape == 'test':
            if o.load:
                self.emit_all(depth, expand(o.load, t), u.pc)
            self.emit(depth, 'if %s:' % self.cond(o), u.pc)
            body = (expand(o.taken, t) if o.taken else []) + \
                self.jump_lines(u.pc, u.target, loop)
            self.emit_all(depth + 1, body, u.pc)
            if o.fall:
                self.emit(depth, 'else:', u.pc)
                self.emit_all(depth + 1, expand(o.fall, t), u.pc)
            return
        t.jump = self.jump_lines(u.pc, u.target, loop) if jump and u.target is not None else []
        if o.template.strip():
            lines = expand(o.template, t)
            self.emit_all(depth, lines, u.pc)
        elif o.name != 'LOOP':
            self.emit(depth, 'pass', u.pc)

    def test_if(self, depth, node, loop):
        """A structured if: the test's jump skips the then-part (and, with
        an else-part, goes there)."""
        u = node.unit
        o = self._bind(u.pc)
        t = self.tier
        self.starts[len(self.lines)] = u.pc
        if o.load:
            self.emit_all(depth, expand(o.load, t), u.pc)
        cond = self.cond(o)
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
            if node.first in self.plan.guarded:
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

    def _entry(self):
        """The lines before the first instruction (LuaJIT's FUNCF/FUNCV)."""
        p = self.proto
        np = p.numparams
        head = ['if not PLAIN:            # a hook is set: interpret',
                '    c, cl = cl, None',
                '    return execute(c, R)',
                'U = cl.upvals',
                'tc = 0']
        if p.is_vararg:
            head += ['va = R[%d:]' % np, 'del R[%d:]' % np]
        if self.captured:
            head.append('R += NILS')
        elif np:
            head.append('if len(R) < %d: R += NILS' % np)
        params = [self.tier.regname(i) for i in range(np) if i not in self.captured]
        for name in params:
            head.append('%s = R[%s]' % (name, name[1:]))
        others = [self.tier.regname(i) for i in range(np, p.framesize)
                  if i not in self.captured]
        if others:
            head.append(' = '.join(others) + ' = None')
        head.append('openuv = None')
        if self.uses_skip:
            head.append('skip = 0')
        return head

    def _osr_entry(self):
        """The lines that take over an interpreter frame at a loop: its
        registers (a full frame) become the locals."""
        names = [self.tier.regname(i) for i in range(self.proto.framesize)
                 if i not in self.captured]
        head = ['U = cl.upvals', 'tail = False']
        if names:
            head.append('%s = %s' % (', '.join(names), ', '.join('R[%s]' % n[1:] for n in names)))
        head.append('skip = %d' % self.entry)
        return head

    def source(self):
        p = self.proto
        head = self._entry() if self.entry is None else self._osr_entry()
        # debug.sethook: a frame jumps here and goes on in the hooked
        # interpreter (runtime/hooks.py; Deopt)
        head += ['switch_pc = None',
                 'if switch_pc is not None:',
                 '    c, cl = cl, None        # hide behind the continuation',
                 '    return DEOPT(c, R, locals(), switch_pc)']
        for text in head:
            self.emit(0, text, 0)
        self.switch_line = len(self.lines) - 3
        self.nodes(0, self.plan.nodes, None)
        pool = sorted(self.pool.values(), key=lambda kv: int(kv[0][1:]))
        names = ['NILS', 'DEOPT'] + [name for name, _ in pool]
        signature = '(cl, R, tail=False)' if self.entry is None else \
            '(cl, R, va, openuv, mr, tc)'
        out = ['def make(%s):' % ', '.join(names),
               '    def %s%s:' % (_function_name(p, self.entry), signature)]
        linemap = [0] * (len(out) + 1)     # Python line (1-based) -> pc + 1 (0: the entry)
        starts = {}                        # Python line -> pc of the unit starting there
        for i, (depth, text, pc) in enumerate(self.lines):
            out.append('        ' + '    ' * depth + text)
            linemap.append(pc + 1)
            if i in self.starts:
                starts[len(out)] = self.starts[i]
        out.append('    return %s' % _function_name(p, self.entry))
        switch_line = self.switch_line + 3          # (two header lines, 1-based)
        return '\n'.join(out) + '\n', linemap, starts, switch_line, [v for _, v in pool]


def _function_name(proto, entry=None):
    return 'lua_%d' % proto.firstline if entry is None else \
        'lua_%d_at_%d' % (proto.firstline, entry)


def compile_proto(proto, entry=None):
    """(function, Python source, line -> pc table) for proto, or Refused;
    entry: the pc of an on-stack replacement (the function then takes an
    interpreter frame's state: cl, R, va, openuv, mr, tc)."""
    em = Emitter(proto, entry)
    src, linemap, starts, switch_line, pool = em.source()
    filename = '<jit %s:%d>' % (proto.chunkname, proto.firstline)
    try:
        code = compile(src, filename, 'exec')
    except (SyntaxError, RecursionError, MemoryError, ValueError, OverflowError) as e:
        raise Refused('Python refuses the code: %s' % (getattr(e, 'msg', None) or e))
    exec(code, NAMESPACE)
    nils = [None] * max(proto.framesize, proto.numparams)
    fn = NAMESPACE.pop('make')(nils, Deopt(proto, em.captured), *pool)
    register_compiled(fn.__code__, proto, linemap, starts, em.captured, TEMPORARIES)
    add_switch_points(fn.__code__, lambda frame: starts.get(frame.f_lineno),
                      (switch_line, 'switch_pc'))
    return fn, src, linemap


class Deopt:
    """Leave compiled code: write the registers back into the frame's list
    and go on in the (hooked) interpreter at the instruction the frame was
    about to run."""
    __slots__ = ('proto', 'captured')

    def __init__(self, proto, captured):
        self.proto = proto
        self.captured = captured

    def __call__(self, cl, R, f, pc):
        size = self.proto.framesize
        if len(R) < size:
            R += [None] * (size - len(R))
        for i in range(size):
            if i not in self.captured:
                R[i] = f.get('r%d' % i)
        return interp.execute_hooked(cl, R, (pc, f.get('va'), f.get('openuv'), f.get('mr'), 0))
