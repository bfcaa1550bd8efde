"""Instruction words -> operand tuples, the form the tiers execute.

Each instruction becomes (op, a, b, c) with every operand already turned into
what the opcode's template means by it (opcodes.py): constants are looked up,
KSHORT values and TGETB/TSETB keys become floats, TNEW's D becomes Lua 5.1's
(array size, hash size), and jump offsets become absolute indices. For an
AD instruction b holds D; c holds the jump target of a jump instruction, or,
for a comparison, test or ITERN, the target of the JMP/ITERL that follows
it. The interpreter's tuples end with the index of the
next instruction, which saves it an addition per instruction.
"""
from .opcodes import OPCODES, BY_NAME
from .proto import ins_a, ins_b, ins_c, ins_d, jump_target, table_sizes

_PRIMITIVES = (None, False, True)
_TNEW = BY_NAME['TNEW'].code
_KEY_AS_NUMBER = (BY_NAME['TGETB'].code, BY_NAME['TSETB'].code)
_MODE_OF_A = [op.ma for op in OPCODES]
_MODE_OF_CD = [op.mc for op in OPCODES]
_IS_AD = [op.is_ad for op in OPCODES]
_JUMPS_WITH_NEXT = [op.jumps_with_next for op in OPCODES]


def _constant(proto, mode, v):
    if mode == 'lits':
        return float(v - 0x10000 if v >= 0x8000 else v)
    if mode == 'num':
        return proto.kn[v]
    if mode in ('str', 'func', 'tab', 'cdata'):
        return proto.kgc[v]
    if mode == 'pri':
        return _PRIMITIVES[v]
    return v


def _tnew_sizes(proto, pc, d):
    """TNEW's table sizes: Lua 5.1's, which the code generator recorded
    beside LuaJIT's D (array slots + 1 | log2 hash slots << 11)."""
    counts = proto.tnew_sizes.get(pc)
    if counts is None:
        narr, hbits = d & 0x7ff, d >> 11
        counts = (max(narr - 1, 0), 1 << (hbits - 1) if hbits else 0)
    return table_sizes(*counts)


def operands(proto, pc):
    """(op, a, b, c) of instruction pc with the raw opcode number."""
    code = proto.code
    ins = code[pc]
    op = ins & 0xff
    a = ins_a(ins)
    mode = _MODE_OF_CD[op]
    if _IS_AD[op]:
        d = ins_d(ins)
        if mode == 'jump':
            t = jump_target(pc, ins)
            return op, a, t, t
        c = jump_target(pc + 1, code[pc + 1]) if _JUMPS_WITH_NEXT[op] else None
        if op == _TNEW:
            return op, a, _tnew_sizes(proto, pc, d), c
        return op, a, _constant(proto, mode, d), c
    c = ins_c(ins)
    if op in _KEY_AS_NUMBER:
        c = float(c)
    else:
        c = _constant(proto, mode, c)
    if _JUMPS_WITH_NEXT[op]:       # ITERN: B is a count, the target is the ITERL's
        return op, a, ins_b(ins), jump_target(pc + 1, code[pc + 1])
    return op, a, ins_b(ins), c


def decode(proto, dispatch_id):
    """The interpreter's (op, a, b, c, next pc) tuples of all of proto's
    instructions, each opcode replaced by dispatch_id[opcode]."""
    out = []
    for pc in range(len(proto.code)):
        op, a, b, c = operands(proto, pc)
        out.append((dispatch_id[op], a, b, c, pc + 1))
    return out
