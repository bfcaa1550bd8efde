"""The optimizer: which registers hold plain floats, per instruction.

An abstract interpretation over the units of jit/structure.py (a forward
dataflow to a fixed point): the state before an instruction is the set of
registers known to hold a float, as a bit mask. Facts come from constants,
from arithmetic whose operands are known floats (its fast path always runs
and gives a float), from numeric for loops (FORI leaves its control
registers floats, or raises), and from the seed: the registers the live
frame held floats in when a loop became hot (the on-stack replacement
checks them once at its entry and interprets the call if they differ).
Where control flow joins, only what holds on every path stays known.

Registers a closure captures are never known (a callee may assign them),
and debug.setlocal on a compiled frame sends it back to the interpreter.
The backend drops a fast path's type test where its operands are known.
"""
import re

from ..bytecode.decode import operands
from ..bytecode.opcodes import BY_NAME, OPCODES
from ..bytecode.template import evaluate

_LOAD = re.compile(r'(\w+) = \$R\(([^()]*)\)')
_FLOAT_CONSTANTS = {BY_NAME[name].code for name in ('KSHORT', 'KNUM')}
_ARITH = {BY_NAME[name].code for name in (
    'ADDVN', 'SUBVN', 'MULVN', 'DIVVN', 'MODVN', 'ADDNV', 'SUBNV', 'MULNV', 'DIVNV', 'MODNV',
    'ADDVV', 'SUBVV', 'MULVV', 'DIVVV', 'MODVV', 'POW', 'UNM')}
MOV, FORI, FORL = (BY_NAME[name].code for name in ('MOV', 'FORI', 'FORL'))


def loads(op):
    """{temporary: register operand expression} of an opcode's load."""
    return dict(_LOAD.findall(op.load or ''))


class Hints:
    """The optimizer's result: before[pc] is the mask of registers known to
    hold floats before instruction pc (units only); seed the mask the entry
    checks."""
    __slots__ = ('before', 'seed')

    def __init__(self, before, seed):
        self.before = before
        self.seed = seed

    def known(self, pc, reg):
        mask = self.before.get(pc)
        return mask is not None and (mask >> reg) & 1 == 1

    def describe(self):
        """One line per instruction with known floats (for -jdump)."""
        lines = []
        for pc in sorted(self.before):
            mask = self.before[pc]
            regs = [str(i) for i in range(mask.bit_length()) if (mask >> i) & 1]
            if regs:
                lines.append('%04d  floats: %s' % (pc + 1, ' '.join(regs)))
        if self.seed:
            lines.insert(0, 'entry checks floats in: %s' % ' '.join(
                str(i) for i in range(self.seed.bit_length()) if (self.seed >> i) & 1))
        return '\n'.join(lines)


def written_registers(proto, pc):
    """The registers instruction pc assigns."""
    op, a, b, c = operands(proto, pc)
    env = {'A': a, 'B': b, 'C': c, 'D': b}
    out = set()
    for kind, expr in OPCODES[op].writes:
        if kind == 'R':
            out.add(evaluate(expr, env))
        else:
            start, count = expr.split(',')
            first = evaluate(start, env)
            out.update(range(first, first + evaluate(count, env)))
    return out


class _Flow:
    def __init__(self, proto, units, captured):
        self.proto = proto
        self.units = units
        self.captured = captured

    def run(self, start, seed):
        before = {start: seed}
        work = [start]
        while work:
            pc = work.pop()
            u = self.units[pc]
            mask = before[pc]
            for q in range(u.pc, u.next):
                mask = self._through(q, mask)
            for succ in self._successors(u):
                old = before.get(succ)
                new = mask if old is None else old & mask
                if new != old:
                    before[succ] = new
                    work.append(succ)
        return before

    def _through(self, pc, mask):
        return _step(self.proto, pc, mask, self.captured)

    def _successors(self, u):
        o = OPCODES[u.op]
        out = []
        if u.target is not None:
            out.append(u.target)
        ends = (u.target is not None and not u.cond) or '$TAILCALL' in o.template or \
            re.search(r'^return\b', o.template, re.M) is not None
        if not ends and u.next in self.units:
            out.append(u.next)
        return out


def _step(proto, pc, mask, captured):
    """The mask after instruction pc, from the mask before it."""
    inputs = mask
    op, a, b, c = operands(proto, pc)
    o = OPCODES[op]
    env = {'A': a, 'B': b, 'C': c, 'D': b}
    floats = ()
    if op in _FLOAT_CONSTANTS:
        floats = (a,)
    elif op in _ARITH:
        if all((inputs >> evaluate(e, env)) & 1 for e in loads(o).values()):
            floats = (a,)
    elif op == MOV and (inputs >> b) & 1:
        floats = (a,)
    elif op == FORI or op == FORL:
        floats = (a, a + 1, a + 2, a + 3)
    for reg in written_registers(proto, pc):
        mask &= ~(1 << reg)
    for reg in floats:
        if reg not in captured:
            mask |= 1 << reg
    return mask


def analyse(proto, units, captured, entry=None, seed=0):
    """The Hints of proto from its entry (0, or the loop pc of an on-stack
    replacement with the seed mask)."""
    seed &= ~sum(1 << i for i in captured)
    start = entry or 0
    return Hints(_Flow(proto, units, captured).run(start, seed), seed)
