"""The optimizer: which registers hold plain floats or tables, per instruction.

An abstract interpretation over the units of jit/structure.py (a forward
dataflow to a fixed point): the state before an instruction is the set of
registers known to hold a float (bit i) or a table (bit TABLE + i), as a
bit mask. Facts come from constants, from arithmetic whose operands are
known floats (its fast path always runs and gives a float), from numeric
for loops (FORI leaves its control registers floats, or raises), from
table constructors, and from the seed: the types the live arguments (or
the live frame, when a loop became hot) had; the compiled code checks them
once at its entry and interprets the call if they differ. Where control
flow joins, only what holds on every path stays known.

Registers a closure captures are never known (a callee may assign them),
and debug.setlocal on a compiled frame sends it back to the interpreter.
The backend drops a fast path's type test where its operands are known.
"""
import functools
import re

from ..bytecode.decode import operands
from ..bytecode.opcodes import BY_NAME, OPCODES
from ..bytecode.proto import ins_a, ins_b, ins_c, ins_d
from ..bytecode.template import evaluate
from ..runtime.table import LuaTable
from .structure import successors

_LOAD = re.compile(r'(\w+) = \$R\(([^()]*)\)')
_FLOAT_CONSTANTS = {BY_NAME[name].code for name in ('KSHORT', 'KNUM')}
_ARITH = {BY_NAME[name].code for name in (
    'ADDVN', 'SUBVN', 'MULVN', 'DIVVN', 'MODVN', 'ADDNV', 'SUBNV', 'MULNV', 'DIVNV', 'MODNV',
    'ADDVV', 'SUBVV', 'MULVV', 'DIVVV', 'MODVV', 'POW', 'UNM')}
MOV, FORI, FORL, TNEW, TDUP = (BY_NAME[name].code for name in (
    'MOV', 'FORI', 'FORL', 'TNEW', 'TDUP'))
TABLE = 256          # the offset of the table bits (a frame has at most 250 registers)


def seed_of(values):
    """The seed mask of a frame's live values: which are floats and tables."""
    mask = 0
    for i, v in enumerate(values):
        t = type(v)
        if t is float:
            mask |= 1 << i
        elif t is LuaTable:
            mask |= 1 << (TABLE + i)
    return mask


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
        """Register reg holds a float before instruction pc."""
        mask = self.before.get(pc)
        return mask is not None and (mask >> reg) & 1 == 1

    def known_table(self, pc, reg):
        """Register reg holds a table before instruction pc."""
        return self.known(pc, TABLE + reg)

    def describe(self):
        """One line per instruction with known floats (for -jdump)."""
        lines = []
        for pc in sorted(self.before):
            kinds = _describe(self.before[pc])
            if kinds:
                lines.append('%04d  %s' % (pc + 1, kinds))
        if self.seed:
            lines.insert(0, 'entry checks %s' % _describe(self.seed))
        return '\n'.join(lines)


def _describe(mask):
    out = []
    for kind, shift in (('floats', 0), ('tables', TABLE)):
        part = (mask >> shift) & ((1 << TABLE) - 1)
        regs = [str(i) for i in range(part.bit_length()) if (part >> i) & 1]
        if regs:
            out.append('%s: %s' % (kind, ' '.join(regs)))
    return '  '.join(out)


@functools.lru_cache(maxsize=8192)
def _registers(ins, writes):
    """The registers an instruction word reads or writes: its register
    expressions need only the raw operand fields (no constant or jump is
    a register), so the answer is the word's, cached for every compile."""
    o = OPCODES[ins & 0xff]
    b = ins_b(ins) if o.mb != 'none' else ins_d(ins)     # (an AD instruction's D)
    env = {'A': ins_a(ins), 'B': b, 'C': ins_c(ins), 'D': b}
    out = set()
    for kind, expr in (o.writes if writes else o.reads):
        if kind == 'R':
            out.add(evaluate(expr, env))
        else:
            start, count = expr.split(',')
            first = evaluate(start, env)
            out.update(range(first, first + evaluate(count, env)))
    return frozenset(out)


def written_registers(proto, pc):
    """The registers instruction pc assigns."""
    return _registers(proto.code[pc], True)


def read_registers(proto, pc):
    """The registers instruction pc reads."""
    return _registers(proto.code[pc], False)


class _Flow:
    """A forward dataflow of register masks, intersected where paths join;
    step(pc, mask) is the mask after instruction pc."""
    def __init__(self, units, step):
        self.units = units
        self.step = step

    def run(self, start, seed):
        before = {start: seed}
        work = [start]
        while work:
            pc = work.pop()
            u = self.units[pc]
            mask = before[pc]
            for q in range(u.pc, u.next):
                mask = self.step(q, mask)
            for succ in successors(u, self.units):
                old = before.get(succ)
                new = mask if old is None else old & mask
                if new != old:
                    before[succ] = new
                    work.append(succ)
        return before


def _step(proto, pc, mask, captured):
    """The mask after instruction pc, from the mask before it."""
    inputs = mask
    op, a, b, c = operands(proto, pc)
    o = OPCODES[op]
    env = {'A': a, 'B': b, 'C': c, 'D': b}
    known = ()          # the bits this instruction sets
    if op in _FLOAT_CONSTANTS:
        known = (a,)
    elif op in _ARITH:
        if all((inputs >> evaluate(e, env)) & 1 for e in loads(o).values()):
            known = (a,)
    elif op == MOV:
        known = tuple(shift + a for shift in (0, TABLE) if (inputs >> (shift + b)) & 1)
    elif op == FORI or op == FORL:
        known = (a, a + 1, a + 2, a + 3)
    elif op == TNEW or op == TDUP:
        known = (TABLE + a,)
    for reg in written_registers(proto, pc):
        mask &= ~((1 << reg) | (1 << (TABLE + reg)))
    for bit in known:
        if bit % TABLE not in captured:
            mask |= 1 << bit
    return mask


def analyse(proto, units, captured, entry=None, seed=0):
    """The Hints of proto from its entry (0, or the loop pc of an on-stack
    replacement with the seed mask)."""
    seed &= ~sum((1 << i) | (1 << (TABLE + i)) for i in captured)
    start = entry or 0
    flow = _Flow(units, lambda pc, mask: _step(proto, pc, mask, captured))
    return Hints(flow.run(start, seed), seed)


def unassigned_reads(proto, units, start, assigned):
    """The registers some instruction may read before any instruction
    assigned them, starting at pc start with the registers in the mask
    assigned set: those the compiled code must set to nil first."""
    def step(pc, mask):
        for reg in written_registers(proto, pc):
            mask |= 1 << reg
        return mask

    out = set()
    for pc, mask in _Flow(units, step).run(start, assigned).items():
        for q in range(pc, units[pc].next):
            out.update(r for r in read_registers(proto, q) if not (mask >> r) & 1)
            mask = step(q, mask)
    return out
