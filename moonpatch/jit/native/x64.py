"""x86-64 encoder for the native tier's IR (ir.py), System V calling convention.

`assemble(program)` turns IR records into machine code in pure Python. The file is laid out
as LuaJIT's lj_emit_x86.h / lj_asm_x86.h are: register and ABI facts, `emit_*` functions that
encode one instruction form each (REX, ModRM, SIB, displacement, immediate), `asm_*` functions
that lower one IR record into those forms, then the assembler loop with branch relaxation and
the `patch_*` functions that fill holes, named by width and kind as CPython's JIT does.

The encoder reserves r11 and xmm15 for itself (ABI.scratch): programs never name them.
"""

import struct
from typing import Dict, List, NamedTuple, Optional, Union

from .ir import (
    FLOAT_CONDS, FLOAT_OPS, FLOAT_UNARY, FLOAT_WIDTHS, INT_CONDS, INT_OPS, INT_WIDTHS, ROUNDINGS,
    Abi, Alu, AluI, BitsFloat, Branch, Call, CallR, Code, EncodeError, Epilogue, FAlu, FBranch,
    FloatBits, FloatToInt, FMovI, FRound, FSetCond, FUnary, Hole, IntToFloat, Jump, Label, Lea,
    Load, Mov, MovI, Patch, Prologue, Reg, FReg, Ret, SetCond, Store, check)

RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI = range(8)
R8, R9, R10, R11, R12, R13, R14, R15 = range(8, 16)
SCRATCH = R11       # the encoder's own GPR: immediates, calls, flag combinations
FSCRATCH = 15       # the encoder's own xmm: operand swaps, f32 stores, FRound without SSE4.1

ABI = Abi(
    name="x64-sysv",
    args=tuple(Reg(n) for n in (RDI, RSI, RDX, RCX, R8, R9)),
    fargs=tuple(FReg(n) for n in range(8)),
    result=Reg(RAX),
    fresult=FReg(0),
    temps=tuple(Reg(n) for n in (RAX, RCX, RDX, RSI, RDI, R8, R9, R10)),
    saved=tuple(Reg(n) for n in (RBX, RBP, R12, R13, R14, R15)),
    ftemps=tuple(FReg(n) for n in range(15)),
    fsaved=(),
    sp=Reg(RSP),
    scratch=(Reg(SCRATCH), FReg(FSCRATCH)),
)

GPR_NAMES = ("rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
             "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15")

# Condition codes (the low nibble of Jcc/SETcc/CMOVcc).
CC_O, CC_B, CC_AE, CC_E, CC_NE, CC_BE, CC_A = 0x0, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7
CC_P, CC_NP = 0xA, 0xB
INT_CC = {"eq": CC_E, "ne": CC_NE, "lt": 0xC, "ge": 0xD, "le": 0xE, "gt": 0xF,
          "ltu": CC_B, "geu": CC_AE, "leu": CC_BE, "gtu": CC_A}
assert set(INT_CC) == set(INT_CONDS)
# ucomisd a, b leaves CF for a < b, ZF for a == b, and all of ZF PF CF for unordered, so
# "a above b" and "a above-or-equal b" are false on NaN; lt/le swap the operands.
FLOAT_CC = {"gt": (False, CC_A), "ge": (False, CC_AE), "lt": (True, CC_A), "le": (True, CC_AE)}
# Group-1 ALU opcodes: (r/m64 op= r64, /digit for the immediate forms).
ALU_RM = {"add": (0x01, 0), "or": (0x09, 1), "and": (0x21, 4), "sub": (0x29, 5),
          "xor": (0x31, 6), "cmp": (0x39, 7)}
SHIFT_DIGIT = {"shl": 4, "shr": 5, "sar": 7}
SSE_OP = {"add": 0x58, "mul": 0x59, "sub": 0x5C, "min": 0x5D, "div": 0x5E, "max": 0x5F}
ROUND_IMM = {"floor": 0x9, "ceil": 0xA, "trunc": 0xB}   # mode | 8: no precision exception
assert set(SSE_OP) == set(FLOAT_OPS) and set(ROUND_IMM) == set(ROUNDINGS)
assert set(ALU_RM) - {"cmp"} | set(SHIFT_DIGIT) | {"mul"} == set(INT_OPS)

# movsx/movzx/mov per load width: (REX.W, opcode); u8, u16 and u32 zero-extend by writing
# the 32-bit register.
LOAD_OP = {"i8": (True, b"\x0f\xbe"), "u8": (False, b"\x0f\xb6"),
           "i16": (True, b"\x0f\xbf"), "u16": (False, b"\x0f\xb7"),
           "i32": (True, b"\x63"), "u32": (False, b"\x8b"), "i64": (True, b"\x8b")}
assert set(LOAD_OP) == set(INT_WIDTHS)

INT32 = (-2 ** 31, 2 ** 31)
INT64 = (-2 ** 63, 2 ** 64)      # signed or unsigned 64-bit values are both accepted
SHORT_JUMP, LONG_JMP, LONG_JCC = 2, 5, 6


def fits(value: int, bounds) -> bool:
    return bounds[0] <= value < bounds[1]


def fits8(value: int) -> bool:
    return -128 <= value < 128


def as_int(value, what: str, bounds=INT64) -> int:
    check(type(value) is int, f"{what} must be an int, not {value!r}")
    check(fits(value, bounds), f"{what} {value} is out of range")
    return value


def gpr(r, what: str = "register") -> int:
    check(type(r) is Reg, f"{what} must be a Reg, not {r!r}")
    check(type(r.n) is int and 0 <= r.n < 16, f"{what} {r!r}: x86-64 has r0..r15")
    check(r.n != SCRATCH, f"{what} r11 is the encoder's scratch register")
    return r.n


def xmm(r, what: str = "register") -> int:
    check(type(r) is FReg, f"{what} must be an FReg, not {r!r}")
    check(type(r.n) is int and 0 <= r.n < 16, f"{what} {r!r}: x86-64 has xmm0..xmm15")
    check(r.n != FSCRATCH, f"{what} xmm15 is the encoder's scratch register")
    return r.n


# --- instruction forms ----------------------------------------------------------------------

def rex(w: bool, reg: int, index: int, base: int, force: bool = False) -> bytes:
    """The REX prefix, omitted when it would be 0x40 (unless a byte register needs it)."""
    value = 0x40 | w << 3 | (reg >> 3) << 2 | (index >> 3) << 1 | base >> 3
    return bytes((value,)) if value != 0x40 or force else b""


def byte_rex(*regs: int) -> bool:
    """spl, bpl, sil and dil exist only with a REX prefix (without it 4-7 are ah..bh)."""
    return any(4 <= r < 8 for r in regs)


def emit_rr(op: bytes, reg: int, rm: int, w: bool = True, pre: bytes = b"",
            force_rex: bool = False) -> bytes:
    """Register-direct form: ModRM with mod=11."""
    return pre + rex(w, reg, 0, rm, force_rex) + op + bytes((0xC0 | (reg & 7) << 3 | rm & 7,))


def emit_mem(reg: int, base: int, index: Optional[int], shift: int, offset) -> bytes:
    """ModRM [+ SIB] [+ disp8/disp32] for [base + (index << shift) + offset]; a Patch
    offset gets a zero disp32, always the last four bytes of the instruction."""
    if isinstance(offset, Patch):
        mod, disp = 2, bytes(4)
    elif offset == 0 and base & 7 != RBP:   # mod=00 with rbp/r13 means something else
        mod, disp = 0, b""
    elif fits8(offset):
        mod, disp = 1, struct.pack("<b", offset)
    else:
        mod, disp = 2, struct.pack("<i", offset)
    if index is None:
        if base & 7 == RSP:                 # rm=100 means "a SIB follows": rsp/r12 need one
            return bytes((mod << 6 | (reg & 7) << 3 | 4, 0x24)) + disp
        return bytes((mod << 6 | (reg & 7) << 3 | base & 7,)) + disp
    return bytes((mod << 6 | (reg & 7) << 3 | 4, shift << 6 | (index & 7) << 3 | base & 7)) + disp


class Mem(NamedTuple):
    """A checked memory operand: base + (index << shift) + offset."""

    base: int
    index: Optional[int]
    shift: int
    offset: Union[int, Patch]


def mem_operand(base, index, shift, offset) -> Mem:
    b = gpr(base, "base")
    i = None if index is None else gpr(index, "index")
    check(type(shift) is int and 0 <= shift <= 3, f"shift {shift!r}: x86-64 scales by 1..8")
    if isinstance(offset, Patch):
        check(i is None, "a Patch offset takes no index")
    else:
        as_int(offset, "offset", INT32)
    if i == RSP:                            # rsp cannot be an index; swap it into the base
        check(shift == 0 and b != RSP, "rsp can only be an index with shift 0 and another base")
        b, i = i, b
    return Mem(b, i, shift, offset)


def emit_rm(op: bytes, reg: int, m: Mem, w: bool = True, pre: bytes = b"",
            force_rex: bool = False) -> bytes:
    """Memory form: reg field plus [base + index*scale + disp]."""
    return (pre + rex(w, reg, m.index or 0, m.base, force_rex) + op
            + emit_mem(reg, m.base, m.index, m.shift, m.offset))


def emit_mov_rr(dst: int, src: int) -> bytes:
    return b"" if dst == src else emit_rr(b"\x89", src, dst)


def emit_movaps(dst: int, src: int) -> bytes:
    return b"" if dst == src else emit_rr(b"\x0f\x28", dst, src, w=False)


def emit_sse(op: int, dst: int, src: int, pre: bytes = b"\xf2") -> bytes:
    """Scalar-double SSE2 form xmm, xmm (F2 0F op)."""
    return emit_rr(bytes((0x0F, op)), dst, src, w=False, pre=pre)


def emit_movabs(dst: int, imm: int) -> bytes:
    return rex(True, 0, 0, dst) + bytes((0xB8 | dst & 7,)) + struct.pack("<Q", imm % 2 ** 64)


def emit_mov_ri(dst: int, imm: int) -> bytes:
    """The shortest mov of a 64-bit constant: xor, mov r32 (zero-extends), sign-extended
    imm32, or movabs."""
    imm = (imm + 2 ** 63) % 2 ** 64 - 2 ** 63
    if imm == 0:
        return emit_rr(b"\x31", dst, dst, w=False)
    if 0 < imm < 2 ** 32:
        return rex(False, 0, 0, dst) + bytes((0xB8 | dst & 7,)) + struct.pack("<I", imm)
    if fits(imm, INT32):
        return emit_rr(b"\xc7", 0, dst) + struct.pack("<i", imm)
    return emit_movabs(dst, imm)


def emit_alu_ri(digit: int, dst: int, imm: int) -> bytes:
    """Group-1 op r/m64, imm8/imm32 (sign-extended)."""
    if fits8(imm):
        return emit_rr(b"\x83", digit, dst) + struct.pack("<b", imm)
    return emit_rr(b"\x81", digit, dst) + struct.pack("<i", imm)


def emit_shift_ri(digit: int, dst: int, count: int) -> bytes:
    return emit_rr(b"\xc1", digit, dst) + bytes((count,))


def emit_setcc(cc: int, dst: int) -> bytes:
    return emit_rr(bytes((0x0F, 0x90 | cc)), 0, dst, w=False, force_rex=byte_rex(dst))


def emit_movzx_byte(dst: int) -> bytes:
    """movzx r32, r8 (same register): the result of a setcc, zero-extended to 64 bits."""
    return emit_rr(b"\x0f\xb6", dst, dst, w=False, force_rex=byte_rex(dst))


def emit_movq_to_gpr(dst: int, src: int) -> bytes:
    return emit_rr(b"\x0f\x7e", src, dst, pre=b"\x66")


def emit_movq_to_xmm(dst: int, src: int) -> bytes:
    return emit_rr(b"\x0f\x6e", dst, src, pre=b"\x66")


def emit_ucomisd(a: int, b: int) -> bytes:
    return emit_rr(b"\x0f\x2e", a, b, w=False, pre=b"\x66")


def emit_cvtsi2sd(dst: int, src: int) -> bytes:
    return emit_rr(b"\x0f\x2a", dst, src, pre=b"\xf2")


def emit_cvttsd2si(dst: int, src: int) -> bytes:
    return emit_rr(b"\x0f\x2c", dst, src, pre=b"\xf2")


def emit_call_r(target: int) -> bytes:
    return emit_rr(b"\xff", 2, target, w=False)


def emit_jmp_r(target: int) -> bytes:
    return emit_rr(b"\xff", 4, target, w=False)


def emit_push(r: int) -> bytes:
    return rex(False, 0, 0, r) + bytes((0x50 | r & 7,))


def emit_pop(r: int) -> bytes:
    return rex(False, 0, 0, r) + bytes((0x58 | r & 7,))


RET = b"\xc3"
CPUID = b"\x0f\xa2"


# --- the assembler: byte pieces, relaxable jumps, labels --------------------------------------

class Jmp(NamedTuple):
    """A jump to a label (cc None: unconditional), short or long as the distance allows."""

    cc: Optional[int]
    label: object


class Piece(NamedTuple):
    data: bytes
    holes: tuple = ()          # (offset within data, kind, name, addend)


class Assembler:
    """Collects pieces, jumps and label marks; `code()` lays them out."""

    def __init__(self, sse41: bool):
        self.sse41 = sse41
        self.items: List[object] = []
        self.labels: Dict[object, int] = {}   # label -> index in items
        self.locals = 0

    def emit(self, *parts: bytes) -> None:
        self.items.append(Piece(b"".join(parts)))

    def emit_mem(self, m: Mem, *parts: bytes) -> None:
        """An instruction (or a few) whose last one addresses m: a Patch offset leaves its
        disp32, the last four bytes, as a hole."""
        data = b"".join(parts)
        if isinstance(m.offset, Patch):
            self.items.append(Piece(data, ((len(data) - 4, "disp32", m.offset.name, 0),)))
        else:
            self.items.append(Piece(data))

    def emit_hole(self, before: bytes, kind: str, name: str, addend: int, width: int,
                  after: bytes = b"") -> None:
        """Bytes with a zero-filled field of `width` bytes that a Hole will fill."""
        hole = (len(before), kind, name, addend)
        self.items.append(Piece(before + bytes(width) + after, (hole,)))

    def label(self, name) -> None:
        check(name not in self.labels, f"label {name!r} is defined twice")
        self.labels[name] = len(self.items)
        self.items.append(Label(name))

    def local(self):
        """A label of the encoder's own, which cannot collide with the program's (str)."""
        self.locals += 1
        return ("local", self.locals)

    def jump(self, cc: Optional[int], target) -> None:
        """A jump to a label, an external label or Patch (rel32 hole), or an address."""
        if isinstance(target, (str, tuple)):    # a Patch too: it never names a label here
            self.items.append(Jmp(cc, target))
            return
        address = as_int(target, "jump target", (0, 2 ** 64))
        if cc is None:
            self.emit(emit_movabs(SCRATCH, address), emit_jmp_r(SCRATCH))
            return
        go, skip = self.local(), self.local()
        self.items.append(Jmp(cc, go))
        self.items.append(Jmp(None, skip))
        self.label(go)
        self.emit(emit_movabs(SCRATCH, address), emit_jmp_r(SCRATCH))
        self.label(skip)

    def code(self) -> Code:
        short = self.relax()
        data, holes, labels = bytearray(), [], {}
        offsets = self.layout(short)
        for item, at in zip(self.items, offsets):
            if isinstance(item, Label):
                if isinstance(item.name, str):
                    labels[item.name] = at
            elif isinstance(item, Piece):
                holes.extend(Hole(at + off, kind, name, addend)
                             for off, kind, name, addend in item.holes)
                data += item.data
            elif item.label in self.labels:
                size = SHORT_JUMP if short[id(item)] else self.long_size(item)
                disp = offsets[self.labels[item.label]] - (at + size)
                data += self.encode_jump(item, disp, size)
            else:                           # outside the program: a rel32 hole
                data += self.encode_jump(item, 0, self.long_size(item))
                name = item.label.name if isinstance(item.label, Patch) else item.label
                holes.append(Hole(len(data) - 4, "rel32", name, -4))
        return Code(bytes(data), labels, tuple(holes))

    @staticmethod
    def long_size(jmp: Jmp) -> int:
        return LONG_JMP if jmp.cc is None else LONG_JCC

    @staticmethod
    def encode_jump(jmp: Jmp, disp: int, size: int) -> bytes:
        if size == SHORT_JUMP:
            return bytes((0xEB if jmp.cc is None else 0x70 | jmp.cc,)) + struct.pack("<b", disp)
        op = b"\xe9" if jmp.cc is None else bytes((0x0F, 0x80 | jmp.cc))
        return op + struct.pack("<i", disp)

    def layout(self, short: dict) -> List[int]:
        offsets, at = [], 0
        for item in self.items:
            offsets.append(at)
            if isinstance(item, Piece):
                at += len(item.data)
            elif isinstance(item, Jmp):
                at += SHORT_JUMP if short.get(id(item)) else self.long_size(item)
        return offsets

    def relax(self) -> dict:
        """Start every jump to a known label short and lengthen the ones that do not fit
        until none changes (lengthening only grows distances, so this ends)."""
        short = {id(item): True for item in self.items
                 if isinstance(item, Jmp) and item.label in self.labels}
        changed = True
        while changed:
            changed = False
            offsets = self.layout(short)
            for item, at in zip(self.items, offsets):
                if short.get(id(item)):
                    disp = offsets[self.labels[item.label]] - (at + SHORT_JUMP)
                    if not fits8(disp):
                        short[id(item)] = False
                        changed = True
        return short


# --- lowering each record ----------------------------------------------------------------------

def asm_label(a: Assembler, r: Label) -> None:
    check(isinstance(r.name, str), f"label name must be a str, not {r.name!r}")
    a.label(r.name)


def asm_mov(a: Assembler, r: Mov) -> None:
    a.emit(emit_mov_rr(gpr(r.dst, "dst"), gpr(r.src, "src")))


def asm_movi(a: Assembler, r: MovI) -> None:
    dst = gpr(r.dst, "dst")
    if isinstance(r.imm, Patch):
        a.emit_hole(rex(True, 0, 0, dst) + bytes((0xB8 | dst & 7,)), "abs64", r.imm.name, 0, 8)
    else:
        a.emit(emit_mov_ri(dst, as_int(r.imm, "imm")))


def asm_alu(a: Assembler, r: Alu) -> None:
    check(r.op in INT_OPS, f"unknown integer op {r.op!r}")
    dst, x, y = gpr(r.dst, "dst"), gpr(r.a, "a"), gpr(r.b, "b")
    if r.op in SHIFT_DIGIT:
        a.emit(*lower_shift(SHIFT_DIGIT[r.op], dst, x, y))
    else:
        a.emit(*lower_alu(r.op, dst, x, y))


def emit_alu_rr(op: str, dst: int, src: int) -> bytes:
    """dst op= src for add sub and or xor mul cmp."""
    if op == "mul":
        return emit_rr(b"\x0f\xaf", dst, src)
    return emit_rr(bytes((ALU_RM[op][0],)), src, dst)


def lower_alu(op: str, dst: int, x: int, y: int) -> List[bytes]:
    """dst := x op y with two-operand instructions."""
    if dst == x:
        return [emit_alu_rr(op, dst, y)]
    if dst == y and op != "sub":            # the others commute
        return [emit_alu_rr(op, dst, x)]
    if dst == y:                            # dst := x - dst as -dst + x
        return [emit_rr(b"\xf7", 3, dst), emit_alu_rr("add", dst, x)]
    return [emit_mov_rr(dst, x), emit_alu_rr(op, dst, y)]


def lower_shift(digit: int, dst: int, x: int, count: int) -> List[bytes]:
    """Variable shifts count in cl (masked to 6 bits by the CPU: the IR's modulo 64)."""
    if count == RCX and dst != RCX:
        return [emit_mov_rr(dst, x), emit_rr(b"\xd3", digit, dst)]
    # Swap the count into rcx, shift a copy in r11, swap back, then write dst.
    out = []
    if count != RCX:
        out.append(emit_rr(b"\x87", count, RCX))
        x = {RCX: count, count: RCX}.get(x, x)
    out += [emit_mov_rr(SCRATCH, x), emit_rr(b"\xd3", digit, SCRATCH)]
    if count != RCX:
        out.append(emit_rr(b"\x87", count, RCX))
    out.append(emit_mov_rr(dst, SCRATCH))
    return out


def asm_alui(a: Assembler, r: AluI) -> None:
    check(r.op in INT_OPS, f"unknown integer op {r.op!r}")
    dst, x = gpr(r.dst, "dst"), gpr(r.a, "a")
    imm = as_int(r.imm, "imm")
    if r.op in SHIFT_DIGIT:
        check(0 <= imm < 64, f"shift count {imm}: not 0..63")
        a.emit(emit_mov_rr(dst, x), emit_shift_ri(SHIFT_DIGIT[r.op], dst, imm))
        return
    imm = (imm + 2 ** 63) % 2 ** 64 - 2 ** 63
    if not fits(imm, INT32):                # no imm64 forms: the constant goes through r11
        a.emit(emit_movabs(SCRATCH, imm), *lower_alu(r.op, dst, x, SCRATCH))
    elif r.op == "mul":
        if fits8(imm):
            a.emit(emit_rr(b"\x6b", dst, x), struct.pack("<b", imm))
        else:
            a.emit(emit_rr(b"\x69", dst, x), struct.pack("<i", imm))
    else:
        a.emit(emit_mov_rr(dst, x), emit_alu_ri(ALU_RM[r.op][1], dst, imm))


# --- memory ----------------------------------------------------------------------------------

def asm_load(a: Assembler, r: Load) -> None:
    m = mem_operand(r.base, r.index, r.shift, r.offset)
    if r.width in FLOAT_WIDTHS:
        op = b"\xf2\x0f\x10" if r.width == "f64" else b"\xf3\x0f\x5a"    # movsd, cvtss2sd
        a.emit_mem(m, emit_rm(op[1:], xmm(r.dst, "dst"), m, w=False, pre=op[:1]))
        return
    check(r.width in INT_WIDTHS, f"unknown width {r.width!r}")
    w, op = LOAD_OP[r.width]
    a.emit_mem(m, emit_rm(op, gpr(r.dst, "dst"), m, w=w))


def asm_store(a: Assembler, r: Store) -> None:
    m = mem_operand(r.base, r.index, r.shift, r.offset)
    if r.width == "f64":
        a.emit_mem(m, emit_rm(b"\x0f\x11", xmm(r.src, "src"), m, w=False, pre=b"\xf2"))
    elif r.width == "f32":                  # cvtsd2ss xmm15, src; movss [m], xmm15
        a.emit_mem(m, emit_sse(0x5A, FSCRATCH, xmm(r.src, "src")),
                   emit_rm(b"\x0f\x11", FSCRATCH, m, w=False, pre=b"\xf3"))
    else:
        check(r.width in INT_WIDTHS, f"unknown width {r.width!r}")
        src = gpr(r.src, "src")
        size = {"8": 1, "16": 2, "32": 4, "64": 8}[r.width[1:]]
        if size == 1:
            a.emit_mem(m, emit_rm(b"\x88", src, m, w=False, force_rex=byte_rex(src)))
        else:
            a.emit_mem(m, emit_rm(b"\x89", src, m, w=size == 8,
                                  pre=b"\x66" if size == 2 else b""))


def asm_lea(a: Assembler, r: Lea) -> None:
    check(not isinstance(r.offset, Patch), "Lea takes no Patch offset")
    a.emit(emit_rm(b"\x8d", gpr(r.dst, "dst"), mem_operand(r.base, r.index, r.shift, r.offset)))


# --- doubles ---------------------------------------------------------------------------------

def asm_falu(a: Assembler, r: FAlu) -> None:
    check(r.op in FLOAT_OPS, f"unknown float op {r.op!r}")
    dst, x, y = xmm(r.dst, "dst"), xmm(r.a, "a"), xmm(r.b, "b")
    op = SSE_OP[r.op]
    if r.op in ("min", "max"):
        # minsd d, s is `d < s ? d : s`, else s (NaN or equal included): with d = b and
        # s = a that is exactly the IR's `b < a ? b : a` (and max likewise).
        if dst == y:
            a.emit(emit_sse(op, dst, x))
        elif dst != x:
            a.emit(emit_movaps(dst, y), emit_sse(op, dst, x))
        else:
            a.emit(emit_movaps(FSCRATCH, y), emit_sse(op, FSCRATCH, x),
                   emit_movaps(dst, FSCRATCH))
    elif dst == x:
        a.emit(emit_sse(op, dst, y))
    elif dst == y and r.op in ("add", "mul"):
        a.emit(emit_sse(op, dst, x))
    elif dst == y:
        a.emit(emit_movaps(FSCRATCH, y), emit_movaps(dst, x), emit_sse(op, dst, FSCRATCH))
    else:
        a.emit(emit_movaps(dst, x), emit_sse(op, dst, y))


def asm_funary(a: Assembler, r: FUnary) -> None:
    check(r.op in FLOAT_UNARY, f"unknown float unary op {r.op!r}")
    dst, src = xmm(r.dst, "dst"), xmm(r.src, "src")
    if r.op == "mov":
        a.emit(emit_movaps(dst, src))
    elif r.op == "sqrt":
        a.emit(emit_sse(0x51, dst, src))
    else:                                   # flip (btc) or clear (btr) the sign bit in r11
        a.emit(emit_movq_to_gpr(SCRATCH, src),
               emit_rr(b"\x0f\xba", 7 if r.op == "neg" else 6, SCRATCH) + b"\x3f",
               emit_movq_to_xmm(dst, SCRATCH))


def asm_fmovi(a: Assembler, r: FMovI) -> None:
    dst = xmm(r.dst, "dst")
    if isinstance(r.value, Patch):
        a.emit_hole(rex(True, 0, 0, SCRATCH) + bytes((0xB8 | SCRATCH & 7,)), "abs64",
                    r.value.name, 0, 8, emit_movq_to_xmm(dst, SCRATCH))
        return
    check(type(r.value) in (float, int), f"value must be a float, not {r.value!r}")
    bits = struct.unpack("<Q", struct.pack("<d", r.value))[0]
    if bits == 0:
        a.emit(emit_rr(b"\x0f\x57", dst, dst, w=False))             # xorps
    else:
        a.emit(emit_movabs(SCRATCH, bits), emit_movq_to_xmm(dst, SCRATCH))


def asm_fround(a: Assembler, r: FRound) -> None:
    check(r.mode in ROUNDINGS, f"unknown rounding {r.mode!r}")
    dst, src = xmm(r.dst, "dst"), xmm(r.src, "src")
    if a.sse41:
        a.emit(emit_rr(b"\x0f\x3a\x0b", dst, src, w=False, pre=b"\x66"),
               bytes((ROUND_IMM[r.mode],)))
    else:
        lower_round_sse2(a, r.mode, dst, src)


def lower_round_sse2(a: Assembler, mode: str, dst: int, src: int) -> None:
    """FRound without SSE4.1's roundsd: truncate through a 64-bit integer, step by one toward
    the rounding's direction, and give a zero result the sign of src."""
    keep, sign, move = a.local(), a.local(), a.local()
    # cmp r11, 1 overflows only for INT64_MIN: cvttsd2si's answer for NaN, inf and
    # |src| >= 2**63, which are all integral already (as is -2**63 itself).
    a.emit(emit_cvttsd2si(SCRATCH, src), emit_alu_ri(7, SCRATCH, 1))
    a.jump(CC_O, keep)
    a.emit(emit_cvtsi2sd(FSCRATCH, SCRATCH))
    if mode != "trunc":                     # floor: trunc > src; ceil: trunc < src
        a.emit(emit_ucomisd(FSCRATCH, src) if mode == "floor" else emit_ucomisd(src, FSCRATCH))
        a.jump(CC_BE, sign)
        a.emit(emit_alu_ri(5 if mode == "floor" else 0, SCRATCH, 1),
               emit_cvtsi2sd(FSCRATCH, SCRATCH))
    a.label(sign)
    a.emit(emit_rr(b"\x85", SCRATCH, SCRATCH))                         # test r11, r11
    a.jump(CC_NE, move)
    a.emit(emit_movq_to_gpr(SCRATCH, src), emit_shift_ri(5, SCRATCH, 63),
           emit_shift_ri(4, SCRATCH, 63), emit_movq_to_xmm(FSCRATCH, SCRATCH))
    a.label(move)
    a.emit(emit_movaps(dst, FSCRATCH))
    if dst == src:
        a.label(keep)
    else:
        done = a.local()
        a.jump(None, done)
        a.label(keep)
        a.emit(emit_movaps(dst, src))
        a.label(done)


def asm_inttofloat(a: Assembler, r: IntToFloat) -> None:
    a.emit(emit_cvtsi2sd(xmm(r.dst, "dst"), gpr(r.src, "src")))


def asm_floattoint(a: Assembler, r: FloatToInt) -> None:
    a.emit(emit_cvttsd2si(gpr(r.dst, "dst"), xmm(r.src, "src")))


def asm_floatbits(a: Assembler, r: FloatBits) -> None:
    a.emit(emit_movq_to_gpr(gpr(r.dst, "dst"), xmm(r.src, "src")))


def asm_bitsfloat(a: Assembler, r: BitsFloat) -> None:
    a.emit(emit_movq_to_xmm(xmm(r.dst, "dst"), gpr(r.src, "src")))


# --- compares and branches -------------------------------------------------------------------

def emit_cmp(x: int, y: Union[Reg, int]) -> bytes:
    """cmp x, y with y a register or any 64-bit constant (through r11 beyond imm32)."""
    if isinstance(y, Reg):
        return emit_alu_rr("cmp", x, gpr(y, "b"))
    imm = as_int(y, "b")
    imm = (imm + 2 ** 63) % 2 ** 64 - 2 ** 63
    if fits(imm, INT32):
        return emit_alu_ri(ALU_RM["cmp"][1], x, imm)
    return emit_movabs(SCRATCH, imm) + emit_alu_rr("cmp", x, SCRATCH)


def asm_setcond(a: Assembler, r: SetCond) -> None:
    check(r.cond in INT_CONDS, f"unknown integer condition {r.cond!r}")
    dst = gpr(r.dst, "dst")
    a.emit(emit_alu_rr("cmp", gpr(r.a, "a"), gpr(r.b, "b")),
           emit_setcc(INT_CC[r.cond], dst), emit_movzx_byte(dst))


def asm_branch(a: Assembler, r: Branch) -> None:
    check(r.cond in INT_CONDS, f"unknown integer condition {r.cond!r}")
    check(isinstance(r.b, Reg) or type(r.b) is int, f"b must be a Reg or an int, not {r.b!r}")
    a.emit(emit_cmp(gpr(r.a, "a"), r.b))
    a.jump(INT_CC[r.cond], target(r.target))


def float_compare(cond: str, x: FReg, y: FReg) -> bytes:
    check(cond in FLOAT_CONDS, f"unknown float condition {cond!r}")
    x, y = xmm(x, "a"), xmm(y, "b")
    swap = FLOAT_CC[cond][0] if cond in FLOAT_CC else False
    return emit_ucomisd(y, x) if swap else emit_ucomisd(x, y)


def asm_fsetcond(a: Assembler, r: FSetCond) -> None:
    dst = gpr(r.dst, "dst")
    a.emit(float_compare(r.cond, r.a, r.b))
    if r.cond in FLOAT_CC:
        a.emit(emit_setcc(FLOAT_CC[r.cond][1], dst))
    else:   # eq is ZF and not PF (unordered); ne is not ZF or PF
        eq = r.cond == "eq"
        a.emit(emit_setcc(CC_E if eq else CC_NE, dst), emit_setcc(CC_NP if eq else CC_P, SCRATCH),
               emit_rr(b"\x20" if eq else b"\x08", SCRATCH, dst, w=False,
                       force_rex=byte_rex(dst)))
    a.emit(emit_movzx_byte(dst))


def asm_fbranch(a: Assembler, r: FBranch) -> None:
    a.emit(float_compare(r.cond, r.a, r.b))
    goal = target(r.target)
    if r.cond in FLOAT_CC:
        a.jump(FLOAT_CC[r.cond][1], goal)
    elif r.cond == "eq":
        skip = a.local()
        a.jump(CC_P, skip)
        a.jump(CC_E, goal)
        a.label(skip)
    else:
        a.jump(CC_P, goal)
        a.jump(CC_NE, goal)


def target(t) -> Union[int, str, Patch]:
    check(isinstance(t, (str, Patch)) or type(t) is int,
          f"target must be a label, a Patch or an address, not {t!r}")
    return t


def asm_jump(a: Assembler, r: Jump) -> None:
    a.jump(None, target(r.target))


# --- calls and frames ------------------------------------------------------------------------

def asm_call(a: Assembler, r: Call) -> None:
    if isinstance(r.target, Patch):
        a.emit_hole(emit_movabs(SCRATCH, 0)[:2], "abs64", r.target.name, 0, 8,
                    emit_call_r(SCRATCH))
    else:
        address = as_int(r.target, "call target", (0, 2 ** 64))
        a.emit(emit_movabs(SCRATCH, address), emit_call_r(SCRATCH))


def asm_callr(a: Assembler, r: CallR) -> None:
    a.emit(emit_call_r(gpr(r.target, "target")))


class Frame(NamedTuple):
    """Where a Prologue puts things: pushed GPRs, then `size` bytes below them holding the
    frame at [rsp, frame) and saved xmm registers at [rsp + fregs_at + 8k]."""

    gprs: tuple
    fregs: tuple
    fregs_at: int
    size: int


def frame_layout(frame, saved) -> Frame:
    as_int(frame, "frame", (0, 2 ** 31 - 2 ** 12))
    check(isinstance(saved, tuple), f"saved must be a tuple, not {saved!r}")
    check(len(set(saved)) == len(saved), f"saved registers repeat: {saved!r}")
    gprs = tuple(gpr(r, "saved") for r in saved if not isinstance(r, FReg))
    fregs = tuple(xmm(r, "saved") for r in saved if isinstance(r, FReg))
    check(RSP not in gprs, "rsp cannot be saved")
    fregs_at = -(-frame // 8) * 8
    size = fregs_at + 8 * len(fregs)
    # The call pushed 8 bytes; pushes and size must bring rsp back to a multiple of 16.
    size += (8 + 8 * len(gprs) + size) % 16
    return Frame(gprs, fregs, fregs_at, size)


def asm_prologue(a: Assembler, r: Prologue) -> None:
    f = frame_layout(r.frame, r.saved)
    a.emit(*(emit_push(g) for g in f.gprs))
    if f.size:
        a.emit(emit_alu_ri(ALU_RM["sub"][1], RSP, f.size))
    for k, x in enumerate(f.fregs):
        a.emit(emit_rm(b"\x0f\x11", x, Mem(RSP, None, 0, f.fregs_at + 8 * k), w=False,
                       pre=b"\xf2"))


def asm_epilogue(a: Assembler, r: Epilogue) -> None:
    f = frame_layout(r.frame, r.saved)
    for k, x in enumerate(f.fregs):
        a.emit(emit_rm(b"\x0f\x10", x, Mem(RSP, None, 0, f.fregs_at + 8 * k), w=False,
                       pre=b"\xf2"))
    if f.size:
        a.emit(emit_alu_ri(ALU_RM["add"][1], RSP, f.size))
    a.emit(*(emit_pop(g) for g in reversed(f.gprs)), RET)


def asm_ret(a: Assembler, r: Ret) -> None:
    a.emit(RET)


LOWER = {
    Label: asm_label, Mov: asm_mov, MovI: asm_movi, Alu: asm_alu, AluI: asm_alui,
    Load: asm_load, Store: asm_store, Lea: asm_lea, FAlu: asm_falu, FUnary: asm_funary,
    FMovI: asm_fmovi, FRound: asm_fround, IntToFloat: asm_inttofloat,
    FloatToInt: asm_floattoint, FloatBits: asm_floatbits, BitsFloat: asm_bitsfloat,
    SetCond: asm_setcond, FSetCond: asm_fsetcond, Jump: asm_jump, Branch: asm_branch,
    FBranch: asm_fbranch, Call: asm_call, CallR: asm_callr, Prologue: asm_prologue,
    Epilogue: asm_epilogue, Ret: asm_ret,
}


FEATURES = {"sse41": True}     # what assemble() assumes of the CPU unless told otherwise


def assemble(program, **features) -> Code:
    """Encode an iterable of IR records. `features` are the CPU's optional ones, as
    native.cpu_features() gives them: `sse41` says it has SSE4.1 (roundsd); without it
    FRound is a longer SSE2 sequence."""
    check(set(features) <= set(FEATURES), f"unknown x86-64 features {sorted(features)}")
    a = Assembler(**{**FEATURES, **features})
    for record in program:
        lower = LOWER.get(type(record))
        if lower is None:
            raise EncodeError(f"not an IR record: {record!r}")
        try:
            lower(a, record)
        except EncodeError as e:
            raise EncodeError(f"{record!r}: {e}") from None
    return a.code()


# --- holes ------------------------------------------------------------------------------------

# Each takes the copy, the field's offset in it, the value (addend included) and the address
# the field will have (which only relative kinds use); each checks the range first.

_PACK_U64 = struct.Struct("<Q").pack_into
_PACK_I32 = struct.Struct("<i").pack_into

def patch_64(data: bytearray, offset: int, value: int, where: int) -> None:
    """abs64: any 64-bit value, signed or unsigned."""
    if type(value) is not int or not -2 ** 63 <= value < 2 ** 64:
        raise EncodeError(f"abs64 value {value!r} is out of range")
    _PACK_U64(data, offset, value & 0xFFFFFFFFFFFFFFFF)


def patch_32r(data: bytearray, offset: int, value: int, where: int) -> None:
    """rel32: the displacement from where to value."""
    if type(value) is not int or not -2 ** 31 <= value - where < 2 ** 31:
        raise EncodeError(f"rel32 displacement to {value!r} from {where:#x} is out of range")
    _PACK_I32(data, offset, value - where)


def patch_32(data: bytearray, offset: int, value: int, where: int) -> None:
    """disp32: a signed 32-bit value."""
    if type(value) is not int or not -2 ** 31 <= value < 2 ** 31:
        raise EncodeError(f"disp32 value {value!r} is out of range")
    _PACK_I32(data, offset, value)


PATCHERS = {"abs64": patch_64, "rel32": patch_32r, "disp32": patch_32}


def patch(data: bytearray, hole: Hole, value: int, base: int) -> None:
    """Fill `hole` of code copied into `data`, which will run at address `base`, with
    `value` (a constant, or the address a jump or call goes to) plus the hole's addend."""
    patcher = PATCHERS.get(hole.kind)
    check(patcher is not None, f"unknown hole kind {hole.kind!r}")
    patcher(data, hole.offset, value + hole.addend, base + hole.offset)


# --- what the CPU has -------------------------------------------------------------------------

SSE41_BIT = 1 << 19     # in ECX of CPUID leaf 1


def cpuid_probe() -> bytes:
    """Code for `uint32_t probe(void)`: ECX of CPUID leaf 1 (rbx is callee-saved)."""
    return (emit_push(RBX) + emit_mov_ri(RAX, 1) + emit_mov_ri(RCX, 0) + CPUID
            + emit_rr(b"\x89", RCX, RAX, w=False) + emit_pop(RBX) + RET)
