"""The AArch64 encoder (moonpatch/jit/native/arm64.py).

Each record's instructions are checked against capstone's disassembly over many registers,
offsets and immediates; programs run under unicorn on edge values; holes are patched in copied
bytes and run. capstone and unicorn are test extras (unicorn: CPython only).
"""

import math
import random
import re
import struct

import pytest

from moonpatch.jit.native import arm64
from moonpatch.jit.native.ir import (
    FLOAT_CONDS, INT_CONDS, INT_OPS, WIDTH_BYTES, Alu, AluI, BitsFloat, Call, CallR, Epilogue,
    EncodeError, FAlu, FBranch, FloatBits, FloatToInt, FMovI, FReg, FRound, FSetCond, FUnary,
    Hole,
    IntToFloat, Jump, Label, Lea, Load, Mov, MovI, Patch, Prologue, Reg, Ret, SetCond, Store,
    Branch,
)

from native.cases import CASES, EXTERNS, failure
from native.unicorn_arm64 import (
    CODE, DATA, MASK, RETURN, STACK_TOP, STUB, Machine, bits_of, signed, unicorn)

try:
    import capstone
except ImportError:
    capstone = None

needs_capstone = pytest.mark.skipif(
    capstone is None, reason="capstone (a test extra) is not installed")
needs_unicorn = pytest.mark.skipif(
    unicorn is None, reason="unicorn (a test extra, CPython only) is not installed")

SP = Reg(31)
XS = [Reg(n) for n in range(31) if n not in (16, 17, 18)]     # every x register code may name
DS = [FReg(n) for n in range(31)]                              # d31 is the encoder's
X0, X1, X9, X10, X11, X12 = Reg(0), Reg(1), Reg(9), Reg(10), Reg(11), Reg(12)
D16, D17, D18 = FReg(16), FReg(17), FReg(18)


# --- capstone ----------------------------------------------------------------------------

_disassembler = []


def disasm(program, holes=()):
    """The instructions of an assembled program as capstone writes them (at address 0)."""
    code = arm64.assemble(program)
    assert code.holes == tuple(holes)
    return disasm_bytes(code.data)


def disasm_bytes(data):
    if not _disassembler:
        _disassembler.append(capstone.Cs(capstone.CS_ARCH_ARM64, capstone.CS_MODE_ARM))
    lines = [f"{i.mnemonic} {i.op_str}".strip() for i in _disassembler[0].disasm(bytes(data), 0)]
    assert 4 * len(lines) == len(data), lines             # every word decodes
    return lines


def x(reg):
    return "sp" if reg.n == 31 else f"x{reg.n}"


def imm(value):
    """An immediate as capstone prints it."""
    if -10 < value < 10:
        return f"#{value}"
    return f"#-{-value:#x}" if value < 0 else f"#{value:#x}"


def take_constant(lines, reg):
    """The value leading mov/movk lines leave in reg, and the lines after them."""
    m = re.fullmatch(rf"mov {reg}, #(-?)(0x[0-9a-f]+|\d+)", lines[0])
    assert m, lines
    value = -int(m[2], 0) if m[1] else int(m[2], 0)
    count = 1
    for line in lines[1:]:
        m = re.fullmatch(rf"movk {reg}, #(0x[0-9a-f]+|\d+)(?:, lsl #(\d+))?", line)
        if not m:
            break
        shift = int(m[2] or 0)
        value = value & ~(0xFFFF << shift) | int(m[1], 0) << shift
        count += 1
    return value & MASK, count, lines[count:]


def is_logical_immediate(value):
    """A repeated element of 2..64 bits that holds one cyclic run of ones."""
    if value in (0, MASK):
        return False
    for size in (2, 4, 8, 16, 32, 64):
        element = value & ((1 << size) - 1)
        if all((value >> i) & ((1 << size) - 1) == element for i in range(0, 64, size)):
            text = format(element, f"0{size}b")
            return (text + text[0]).count("01") == 1
    return False


def shortest_constant(value):
    """How many instructions materialise a 64-bit value: a logical immediate (orr), or one
    movz/movn plus a movk per remaining 16-bit piece."""
    pieces = [(value >> s) & 0xFFFF for s in (0, 16, 32, 48)]
    wide = min(max(1, sum(p != 0 for p in pieces)), max(1, sum(p != 0xFFFF for p in pieces)))
    return 1 if wide > 1 and is_logical_immediate(value) else wide


def expect_add(lines, rd, rn, value):
    """Checks the lines that compute rd := rn + value (an add/sub immediate, its two-piece
    form, or a constant in x16) and returns the lines after them."""
    value = signed(value)
    op, amount = ("sub", -value) if value < 0 else ("add", value)
    if amount == 0:
        if rd == rn:
            return lines
        assert lines[0] == f"mov {x(rd)}, {x(rn)}"
    elif amount < 1 << 12:
        assert lines[0] == f"{op} {x(rd)}, {x(rn)}, {imm(amount)}"
    elif amount < 1 << 24:
        assert lines[0] == f"{op} {x(rd)}, {x(rn)}, {imm(amount >> 12)}, lsl #12"
        if amount & 0xFFF:
            assert lines[1] == f"{op} {x(rd)}, {x(rd)}, {imm(amount & 0xFFF)}"
            return lines[2:]
    else:
        constant, count, rest = take_constant(lines, "x16")
        assert constant == value & MASK and count == shortest_constant(constant)
        assert rest[0] == f"add {x(rd)}, {x(rn)}, x16"
        return rest[1:]
    return lines[1:]


CONSTANTS = [0, 1, 9, 10, 0xFFFF, 0x10000, 0x12345678, 0xFFFF0000, 1 << 63, MASK, -1, -2,
             -0x10000, -0x12345, 0x5555555555555555, 0x00FF00FF00FF00FF, 0x0F0F0F0F0F0F0F0F,
             0xFFFFFFFF, 0xFFFFFFFF00000000, 0x7FFFFFFFFFFFFFFF, 0x8000000000000001,
             0xFFFF0000FFFF0000, 0x123400000000, 0xFFFF1234FFFFFFFF, 0x3FF0000000000000,
             0x1111111111111111, 0x1234567890ABCDEF, -0x1234567890ABCDEF, 0xFFFE]
_rng = random.Random(11)
CONSTANTS += [_rng.getrandbits(64) for _ in range(40)]
CONSTANTS += [_rng.getrandbits(16) << _rng.choice((0, 16, 32, 48)) for _ in range(20)]


@needs_capstone
def test_mov_between_registers_and_sp():
    for dst in XS + [SP]:
        for src in XS + [SP]:
            lines = disasm([Mov(dst, src)])
            assert lines == ([] if dst == src else [f"mov {x(dst)}, {x(src)}"])


@needs_capstone
def test_mov_constants_take_the_shortest_sequence():
    for i, value in enumerate(CONSTANTS):
        reg = XS[i % len(XS)]
        constant, count, rest = take_constant(disasm([MovI(reg, value)]), x(reg))
        assert (constant, count, rest) == (value & MASK, shortest_constant(value & MASK), [])


@needs_capstone
def test_mov_patch_is_a_fixed_movz_and_three_movk():
    for reg in XS:
        lines = disasm([Ret(), MovI(reg, Patch("k"))], [Hole(4, "a64_movw", "k")])
        r = x(reg)
        assert lines == ["ret", f"mov {r}, #0", f"movk {r}, #0, lsl #16",
                         f"movk {r}, #0, lsl #32", f"movk {r}, #0, lsl #48"]


ALU_TEXT = {"add": "add", "sub": "sub", "mul": "mul", "and": "and", "or": "orr",
            "xor": "eor", "shl": "lsl", "shr": "lsr", "sar": "asr"}


@needs_capstone
def test_alu_registers():
    rng = random.Random(1)
    triples = [(XS[i], XS[-1 - i], XS[(i * 7) % len(XS)]) for i in range(len(XS))]
    triples += [tuple(rng.choice(XS) for _ in range(3)) for _ in range(20)]
    for op in INT_OPS:
        for d, a, b in triples:
            assert disasm([Alu(op, d, a, b)]) == [f"{ALU_TEXT[op]} {x(d)}, {x(a)}, {x(b)}"]
    # sp as destination or first operand: the extended-register form
    for op in ("add", "sub"):
        assert disasm([Alu(op, SP, SP, Reg(3))]) == [f"{op} sp, sp, x3"]
        assert disasm([Alu(op, Reg(0), SP, Reg(30))]) == [f"{op} x0, sp, x30"]
        assert disasm([Alu(op, SP, Reg(5), Reg(6))]) == [f"{op} sp, x5, x6"]


ADD_IMMEDIATES = [0, 1, 9, 4095, 4096, 4097, 0x5000, 0xFFF000, 0xFFFFFF, 0x123456, 1 << 24,
                  (1 << 24) + 1, 1 << 40, -1, -4095, -4096, -4097, -0x123456, -(1 << 24),
                  -(1 << 63), MASK, 0x1234567890]


@needs_capstone
def test_alu_immediates_add_and_sub():
    pairs = [(Reg(0), Reg(1)), (Reg(5), Reg(5)), (Reg(30), Reg(29)), (SP, SP), (Reg(29), SP),
             (SP, Reg(29))]
    for d, a in pairs:
        for value in ADD_IMMEDIATES:
            assert expect_add(disasm([AluI("add", d, a, value)]), d, a, value) == []
            assert expect_add(disasm([AluI("sub", d, a, value)]), d, a, -value) == []


@needs_capstone
def test_alu_immediates_logical_mul_and_shifts():
    for i, value in enumerate(CONSTANTS):
        d, a = XS[i % len(XS)], XS[(3 * i + 1) % len(XS)]
        for op in ("and", "or", "xor", "mul"):
            lines = disasm([AluI(op, d, a, value)])
            if op != "mul" and is_logical_immediate(value & MASK):
                assert lines == [f"{ALU_TEXT[op]} {x(d)}, {x(a)}, {imm(value & MASK)}"]
            else:
                constant, count, rest = take_constant(lines, "x16")
                assert constant == value & MASK and count == shortest_constant(constant)
                assert rest == [f"{ALU_TEXT[op]} {x(d)}, {x(a)}, x16"]
    for amount in range(64):
        d, a = XS[amount % len(XS)], XS[(amount + 5) % len(XS)]
        for op in ("shl", "shr", "sar"):
            lines = disasm([AluI(op, d, a, amount)])
            if amount == 0:
                assert lines == ([] if d == a else [f"mov {x(d)}, {x(a)}"])
            else:
                assert lines == [f"{ALU_TEXT[op]} {x(d)}, {x(a)}, {imm(amount)}"]


LOAD_TEXT = {"i8": ("ldrsb", "ldursb", "x"), "u8": ("ldrb", "ldurb", "w"),
             "i16": ("ldrsh", "ldursh", "x"), "u16": ("ldrh", "ldurh", "w"),
             "i32": ("ldrsw", "ldursw", "x"), "u32": ("ldr", "ldur", "w"),
             "i64": ("ldr", "ldur", "x"), "f32": ("ldr", "ldur", "s"), "f64": ("ldr", "ldur", "d")}
STORE_TEXT = {"i8": ("strb", "sturb", "w"), "u8": ("strb", "sturb", "w"),
              "i16": ("strh", "sturh", "w"), "u16": ("strh", "sturh", "w"),
              "i32": ("str", "stur", "w"), "u32": ("str", "stur", "w"),
              "i64": ("str", "stur", "x"), "f32": ("str", "stur", "s"), "f64": ("str", "stur", "d")}
OFFSETS = [0, 1, 3, 8, 255, 256, -1, -8, -256, -257, 32760, 32768, 1 << 20, -(1 << 20),
           1 << 40]


def expect_address(lines, base, index, shift, offset, size):
    """Checks the lines that compute an address and returns (the operand text, the lines
    left: the access itself, and whether it is the scaled/register form)."""
    b = x(base)
    if index is not None:
        i = x(index)
        if offset == 0 and shift in (0, size.bit_length() - 1):
            return f"[{b}, {i}" + (f", lsl #{shift}" if shift else "") + "]", lines, True
        if base != SP or shift <= 4:
            assert lines[0] == f"add x16, {b}, {i}" + (f", lsl #{shift}" if shift else "")
            lines = lines[1:]
        else:
            assert lines[:2] == [f"lsl x16, {i}, {imm(shift)}", "add x16, sp, x16"]
            lines = lines[2:]
        b = "x16"
    if offset >= 0 and offset % size == 0 and offset // size < 4096:
        return (f"[{b}, {imm(offset)}]" if offset else f"[{b}]"), lines, True
    if -256 <= offset < 256:
        return f"[{b}, {imm(offset)}]", lines, False
    constant, count, rest = take_constant(lines, "x17")
    assert constant == offset & MASK and count == shortest_constant(constant)
    return f"[{b}, x17]", rest, True


MEMORY_FORMS = ([(None, 0, offset) for offset in OFFSETS]
                + [(Reg(2), shift, offset) for shift in (0, 1, 2, 3, 4, 5, 63)
                   for offset in (0, 16, -5, 1 << 20)])


@needs_capstone
def test_loads_and_stores():
    for width, size in WIDTH_BYTES.items():
        for base in (Reg(0), Reg(7), Reg(30), SP):
            for index, shift, offset in MEMORY_FORMS:
                for store in (False, True):
                    n = 5 if base.n != 5 else 6
                    reg = FReg(n) if width[0] == "f" else Reg(n)
                    record = (Store if store else Load)(width, reg, base, index, shift, offset)
                    lines = disasm([record])
                    scaled_op, unscaled_op, prefix = (STORE_TEXT if store else LOAD_TEXT)[width]
                    if store and width == "f32":
                        assert lines[0] == f"fcvt s31, d{n}"
                        lines, n = lines[1:], 31
                    address, lines, scaled = expect_address(lines, base, index, shift, offset,
                                                            size)
                    op = scaled_op if scaled else unscaled_op
                    assert lines[0] == f"{op} {prefix}{n}, {address}", record
                    lines = lines[1:]
                    if not store and width == "f32":
                        assert lines == [f"fcvt d{n}, s{n}"]
                    else:
                        assert lines == [], record


@needs_capstone
def test_lea():
    for dst, base in ((Reg(0), Reg(1)), (Reg(3), Reg(3)), (SP, SP), (Reg(29), SP), (SP, Reg(29))):
        for offset in ADD_IMMEDIATES:
            assert expect_add(disasm([Lea(dst, base, offset=offset)]), dst, base, offset) == []
        for shift in (0, 3, 4, 5, 40):
            for offset in (0, 8, -4097, 1 << 33):
                lines = disasm([Lea(dst, base, Reg(2), shift, offset)])
                scaled = f", lsl #{shift}" if shift else ""
                if SP not in (dst, base) or shift <= 4:
                    assert lines[0] == f"add {x(dst)}, {x(base)}, x2{scaled}"
                    lines = lines[1:]
                else:
                    assert lines[:2] == [f"lsl x16, x2, {imm(shift)}",
                                         f"add {x(dst)}, {x(base)}, x16"]
                    lines = lines[2:]
                assert expect_add(lines, dst, dst, offset) == []


FLOAT_TEXT = {"add": "fadd", "sub": "fsub", "mul": "fmul", "div": "fdiv",
              "mov": "fmov", "neg": "fneg", "abs": "fabs", "sqrt": "fsqrt",
              "floor": "frintm", "ceil": "frintp", "trunc": "frintz"}
FLOAT_TRIPLES = [(DS[i], DS[-1 - i], DS[(i * 7) % 31]) for i in range(31)]


@needs_capstone
def test_float_arithmetic_and_conversions():
    for d, a, b in FLOAT_TRIPLES:
        dn, an, bn = (f"d{r.n}" for r in (d, a, b))
        for op in ("add", "sub", "mul", "div"):
            assert disasm([FAlu(op, d, a, b)]) == [f"{FLOAT_TEXT[op]} {dn}, {an}, {bn}"]
        # min is b < a ? b : a and max b > a ? b : a, so an unordered pair gives a
        assert disasm([FAlu("min", d, a, b)]) == [f"fcmp {bn}, {an}", f"fcsel {dn}, {bn}, {an}, mi"]
        assert disasm([FAlu("max", d, a, b)]) == [f"fcmp {bn}, {an}", f"fcsel {dn}, {bn}, {an}, gt"]
        for op in ("mov", "neg", "abs", "sqrt"):
            expected = [] if op == "mov" and d == a else [f"{FLOAT_TEXT[op]} {dn}, {an}"]
            assert disasm([FUnary(op, d, a)]) == expected
        for mode in ("floor", "ceil", "trunc"):
            assert disasm([FRound(mode, d, a)]) == [f"{FLOAT_TEXT[mode]} {dn}, {an}"]
    for reg, freg in zip(XS, DS):
        r, f = x(reg), f"d{freg.n}"
        assert disasm([IntToFloat(freg, reg)]) == [f"scvtf {f}, {r}"]
        assert disasm([FloatToInt(reg, freg)]) == [f"fcvtzs {r}, {f}"]
        assert disasm([FloatBits(reg, freg)]) == [f"fmov {r}, {f}"]
        assert disasm([BitsFloat(freg, reg)]) == [f"fmov {f}, {r}"]


@needs_capstone
def test_float_constants():
    # every fmov immediate: +-(16..31)/16 * 2**(-3..4)
    immediates = [s * m / 16 * 2.0 ** e
                  for s in (1, -1) for m in range(16, 32) for e in range(-3, 5)]
    for i, value in enumerate(immediates):
        d = DS[i % 31]
        assert disasm([FMovI(d, value)]) == [f"fmov d{d.n}, #{value:.8f}"]
    assert disasm([FMovI(FReg(4), 0.0)]) == ["fmov d4, xzr"]
    assert disasm([FMovI(FReg(4), 0)]) == ["fmov d4, xzr"]
    for value in (-0.0, 0.1, 1 / 3, 33.0, 0.0625 * 31 / 16, math.inf, -math.inf, math.nan,
                  5e-324, 1e300, 2.0 ** 53):
        constant, count, rest = take_constant(disasm([FMovI(FReg(30), value)]), "x16")
        assert constant == bits_of(value) and count == shortest_constant(constant)
        assert rest == ["fmov d30, x16"]
    lines = disasm([FMovI(FReg(2), Patch("c"))], [Hole(0, "a64_movw", "c")])
    assert lines == ["mov x16, #0", "movk x16, #0, lsl #16", "movk x16, #0, lsl #32",
                     "movk x16, #0, lsl #48", "fmov d2, x16"]


INT_COND_TEXT = {"eq": "eq", "ne": "ne", "lt": "lt", "le": "le", "gt": "gt", "ge": "ge",
                 "ltu": "lo", "leu": "ls", "gtu": "hi", "geu": "hs"}
# After fcmp, these are false for an unordered pair (NZCV 0011), but ne.
FLOAT_COND_TEXT = {"eq": "eq", "ne": "ne", "lt": "mi", "le": "ls", "gt": "gt", "ge": "ge"}
INVERSE_TEXT = {"eq": "ne", "ne": "eq", "lt": "ge", "ge": "lt", "le": "gt", "gt": "le",
                "lo": "hs", "hs": "lo", "ls": "hi", "hi": "ls", "mi": "pl"}


@needs_capstone
def test_set_cond():
    for i, (d, a, b) in enumerate((XS[i], XS[-1 - i], XS[(i * 5) % len(XS)])
                                  for i in range(len(XS))):
        for cond in INT_CONDS:
            assert disasm([SetCond(cond, d, a, b)]) == [
                f"cmp {x(a)}, {x(b)}", f"cset {x(d)}, {INT_COND_TEXT[cond]}"]
        fa, fb = DS[i], DS[(i * 3 + 2) % 31]
        for cond in FLOAT_CONDS:
            assert disasm([FSetCond(cond, d, fa, fb)]) == [
                f"fcmp d{fa.n}, d{fb.n}", f"cset {x(d)}, {FLOAT_COND_TEXT[cond]}"]


def expect_compare(lines, reg, value):
    """Checks the compare of reg with an immediate and returns the lines after it."""
    value = signed(value)
    for op, amount in (("cmp", value), ("cmn", -value)):
        if 0 <= amount < 4096:
            assert lines[0] == f"{op} {reg}, {imm(amount)}"
            return lines[1:]
        if 0 <= amount < 1 << 24 and not amount & 0xFFF:
            assert lines[0] == f"{op} {reg}, {imm(amount >> 12)}, lsl #12"
            return lines[1:]
    constant, count, rest = take_constant(lines, "x16")
    assert constant == value & MASK and count == shortest_constant(constant)
    assert rest[0] == f"cmp {reg}, x16"
    return rest[1:]


@needs_capstone
def test_branches_to_labels():
    for cond in INT_CONDS:
        cc = INT_COND_TEXT[cond]
        assert disasm([Label("top"), Branch(cond, Reg(3), Reg(30), "top"), Jump("top")]) == [
            "cmp x3, x30", f"b.{cc} #0", "b #0"]
        assert disasm([Branch(cond, Reg(3), Reg(4), "end"), Ret(), Label("end")]) == [
            "cmp x3, x4", f"b.{cc} #0xc", "ret"]
        for value in (0, 1, 4095, 4096, 0x5000, 4097, -1, -4095, -4096, -0x7000, -4097,
                      1 << 40, MASK):
            lines = disasm([Label("top"), Ret(), Branch(cond, Reg(8), value, "top")])
            if value == 0 and cond in ("eq", "ne"):
                assert lines == ["ret", f"cb{'z' if cond == 'eq' else 'nz'} x8, #0"]
                continue
            rest = expect_compare(lines[1:], "x8", value)
            assert rest == [f"b.{cc} #0"]
    for cond in FLOAT_CONDS:
        assert disasm([FBranch(cond, FReg(0), FReg(30), "next"), Label("next")]) == [
            "fcmp d0, d30", f"b.{FLOAT_COND_TEXT[cond]} #8"]


@needs_capstone
def test_branches_to_addresses_and_patches():
    # an absolute address: the inverted test skips a jump through x16
    lines = disasm([Branch("ltu", Reg(1), Reg(2), 0x123456789)])
    assert lines[:2] == ["cmp x1, x2", f"b.hs {imm(4 * len(lines))}"]
    assert take_constant(lines[2:], "x16")[::2] == (0x123456789, ["br x16"])
    assert disasm([Jump(0xFFFF0000)]) == ["mov x16, #0xffff0000", "br x16"]
    # a patched target: b with a 26-bit hole, behind the inverted test if conditional
    assert disasm([Ret(), Jump(Patch("t"))], [Hole(4, "a64_b26", "t")]) == ["ret", "b #4"]
    assert disasm([FBranch("lt", FReg(1), FReg(2), Patch("t"))], [Hole(8, "a64_b26", "t")]) == [
        "fcmp d1, d2", "b.pl #0xc", "b #8"]
    assert disasm([Branch("eq", Reg(5), 0, Patch("t"))], [Hole(4, "a64_b26", "t")]) == [
        "cbnz x5, #8", "b #4"]


@needs_capstone
def test_calls():
    for address in (0, 0x1000, 0xFFFF800012345678, 0x7FFF12345000):
        lines = disasm([Call(address)])
        assert take_constant(lines, "x16")[::2] == (address, ["blr x16"])
    assert disasm([Call(Patch("f"))], [Hole(0, "a64_movw", "f")]) == [
        "mov x16, #0", "movk x16, #0, lsl #16", "movk x16, #0, lsl #32",
        "movk x16, #0, lsl #48", "blr x16"]
    for reg in XS:
        assert disasm([CallR(reg)]) == [f"blr {x(reg)}"]


FRAMES = [0, 8, 16, 100, 4095, 4096, 5000, 1 << 20, (1 << 24) + 8]
SAVED_SETS = [(), (Reg(19),), (Reg(19), Reg(20)), (Reg(28), Reg(19), Reg(21), FReg(8)),
              tuple(FReg(n) for n in range(8, 16)), tuple(Reg(n) for n in range(19, 29)),
              (FReg(9), Reg(20), FReg(15)), (Reg(9), FReg(30), Reg(0))]


@needs_capstone
def test_prologue_and_epilogue():
    for frame in FRAMES:
        for saved in SAVED_SETS:
            xs = [f"x{r.n}" for r in saved if type(r) is Reg]
            ds = [f"d{r.n}" for r in saved if type(r) is FReg]
            pushes = []
            for regs in (xs, ds):
                pushes += [(regs[i:i + 2]) for i in range(0, len(regs), 2)]
            size = (frame + 15) // 16 * 16
            lines = disasm([Prologue(frame, saved)])
            assert lines[:2] == ["stp x29, x30, [sp, #-0x10]!", "mov x29, sp"]
            lines = lines[2:]
            for push, line in zip(pushes, lines):
                assert line == (f"stp {push[0]}, {push[1]}, [sp, #-0x10]!" if len(push) == 2
                                else f"str {push[0]}, [sp, #-0x10]!")
            assert expect_add(lines[len(pushes):], SP, SP, -size) == []
            lines = expect_add(disasm([Epilogue(frame, saved)]), SP, SP, size)
            for push, line in zip(reversed(pushes), lines):
                assert line == (f"ldp {push[0]}, {push[1]}, [sp], #0x10" if len(push) == 2
                                else f"ldr {push[0]}, [sp], #0x10")
            assert lines[len(pushes):] == ["ldp x29, x30, [sp], #0x10", "ret"]


@needs_capstone
def test_labels_are_byte_offsets():
    code = arm64.assemble([Label("a"), MovI(Reg(0), 0x12345), Label("b"), Ret(), Label("c")])
    assert code.labels == {"a": 0, "b": 8, "c": 12}


BAD_RECORDS = [
    MovI(Reg(16), 1), Mov(Reg(0), Reg(17)), Mov(Reg(18), Reg(0)), MovI(SP, 1),
    MovI(Reg(0), 1 << 64), MovI(Reg(0), -(1 << 63) - 1), MovI(Reg(0), 1.5), MovI(FReg(0), 1),
    Alu("mul", SP, Reg(0), Reg(1)), Alu("add", Reg(0), Reg(1), SP),
    Alu("rol", Reg(0), Reg(1), Reg(2)), Alu("add", FReg(0), Reg(1), Reg(2)),
    AluI("shl", Reg(0), Reg(1), 64), AluI("sar", Reg(0), Reg(1), -1),
    AluI("and", SP, Reg(1), 1), AluI("add", Reg(0), Reg(1), 1 << 64),
    Load("i64", SP, Reg(0)), Load("f64", Reg(0), Reg(1)), Load("i64", FReg(0), Reg(1)),
    Load("i24", Reg(0), Reg(1)), Load("i64", Reg(0), Reg(1), shift=3),
    Load("i64", Reg(0), Reg(1), SP), Load("i64", Reg(0), Reg(1), Reg(2), 64),
    Store("i64", SP, Reg(0)), Store("f32", FReg(31), Reg(0)), Lea(Reg(0), Reg(1), shift=2),
    FAlu("add", FReg(31), FReg(0), FReg(1)), FAlu("pow", FReg(0), FReg(0), FReg(1)),
    FAlu("add", Reg(0), FReg(0), FReg(1)), FUnary("exp", FReg(0), FReg(1)),
    FRound("nearest", FReg(0), FReg(1)), FMovI(FReg(0), "1"), IntToFloat(FReg(0), FReg(1)),
    FloatToInt(Reg(31), FReg(0)), SetCond("ltu", SP, Reg(0), Reg(1)),
    SetCond("lo", Reg(0), Reg(1), Reg(2)),
    FSetCond("ltu", Reg(0), FReg(0), FReg(1)), Branch("lt", Reg(0), FReg(1), "x"),
    Branch("lt", Reg(0), Reg(1), "nowhere"), Jump("nowhere"), FBranch("gtu", FReg(0), FReg(1), "x"),
    Call(-(1 << 63) - 1), CallR(Reg(16)), Prologue(16, (Reg(30),)), Prologue(16, (FReg(31),)),
    Prologue(16, (Reg(19), Reg(19))), Prologue(-16), Epilogue(16, (Reg(29),)),
    Prologue(0, (SP,)), Prologue(0, (Reg(17),)), Prologue(0, [Reg(19)]), Label(3), "ret",
]


def test_bad_records_are_refused():
    for record in BAD_RECORDS:
        with pytest.raises(EncodeError):
            arm64.assemble([Label("x"), record])
    with pytest.raises(EncodeError, match="label 'x' is defined twice"):
        arm64.assemble([Label("x"), Label("x")])
    with pytest.raises(EncodeError, match="features"):
        arm64.assemble([Ret()], sse41=True)


def test_abi_keeps_the_reserved_registers_out():
    abi = arm64.ABI
    named = set(abi.args + abi.temps + abi.saved + (abi.result,))
    assert not named & {Reg(16), Reg(17), Reg(18), Reg(29), Reg(30), Reg(31)}
    assert FReg(31) not in abi.ftemps + abi.fsaved + abi.fargs
    assert abi.sp == SP and abi.scratch == (Reg(16), Reg(17))
    assert len(set(abi.ftemps + abi.fsaved + abi.fargs)) == 31


# --- unicorn ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def machine():
    if unicorn is None:
        pytest.skip("unicorn (a test extra, CPython only) is not installed")
    return Machine()


def data_base():
    """A program prefix that points x12 at DATA."""
    return [MovI(X12, DATA)]


def table(values):
    return struct.pack(f"<{len(values)}Q", *(v & MASK for v in values))


def same_double(got, want):
    return (math.isnan(got) and math.isnan(want)) or bits_of(got) == bits_of(want)


INT_VALUES = [0, 1, 2, 63, 64, 65, -1, -2, 0x7FFFFFFFFFFFFFFF, -(1 << 63), 0x12345678,
              0xFFFFFFFF, -0x12345678ABCDEF, 0x8000000000000001]


def int_reference(op, a, b):
    a, b = a & MASK, b & MASK
    return {"add": a + b, "sub": a - b, "mul": a * b, "and": a & b, "or": a | b,
            "xor": a ^ b, "shl": a << (b % 64), "shr": a >> (b % 64),
            "sar": signed(a) >> (b % 64)}[op] & MASK


def test_movi_values_under_unicorn(machine):
    program = data_base()
    for i, value in enumerate(CONSTANTS):
        reg = arm64.ABI.temps[i % 3]
        program += [MovI(reg, value), Store("i64", reg, X12, offset=8 * i)]
    machine.run(program + [Ret()])
    assert machine.words(len(CONSTANTS)) == [v & MASK for v in CONSTANTS]


def test_alu_under_unicorn(machine):
    pairs = [(a, b) for a in INT_VALUES for b in INT_VALUES]
    for op in INT_OPS:
        program = data_base()
        for i in range(len(pairs)):
            program += [Load("i64", X9, X12, offset=16 * i),
                        Load("i64", X10, X12, offset=16 * i + 8),
                        Alu(op, X11, X9, X10), Store("i64", X11, X12, offset=16 * i)]
        machine.run(program + [Ret()], data=table([v for pair in pairs for v in pair]))
        got = machine.words(2 * len(pairs))[::2]
        assert got == [int_reference(op, a, b) for a, b in pairs], op


def test_alu_immediates_under_unicorn(machine):
    immediates = ADD_IMMEDIATES + CONSTANTS
    for op in INT_OPS:
        program = data_base() + [Load("i64", X9, X12)]
        values = [v % 64 for v in immediates] if op in ("shl", "shr", "sar") else immediates
        for i, value in enumerate(values):
            program += [AluI(op, X10, X9, value), Store("i64", X10, X12, offset=8 + 8 * i)]
        for a in (0x0123456789ABCDEF, -3):
            machine.run(program + [Ret()], data=table([a]))
            assert machine.words(len(values), 8) == [int_reference(op, a, v) for v in values], op
    # sp as destination and source: sp moves by the immediate and back
    program = [Mov(X9, SP), AluI("sub", SP, SP, 0x12340), AluI("add", X10, SP, 0x123),
               Alu("sub", X0, X9, X10), AluI("add", SP, SP, 0x12340), Mov(X10, SP),
               Alu("sub", X11, X9, X10),
               Alu("add", X0, X0, X11), Ret()]
    assert machine.run(program).x(0) == 0x12340 - 0x123


def int_condition(cond, a, b):
    sa, sb, ua, ub = signed(a), signed(b), a & MASK, b & MASK
    return {"eq": ua == ub, "ne": ua != ub, "lt": sa < sb, "le": sa <= sb, "gt": sa > sb,
            "ge": sa >= sb, "ltu": ua < ub, "leu": ua <= ub, "gtu": ua > ub, "geu": ua >= ub}[cond]


def test_int_compares_under_unicorn(machine):
    values = [0, 1, -1, 5, -5, 4095, 4096, -4096, 0x5000, 0x7FFFFFFFFFFFFFFF, -(1 << 63),
              1 << 40]
    pairs = [(a, b) for a in values for b in values]
    for cond in INT_CONDS:
        program = data_base()
        for i, (_, b) in enumerate(pairs):
            program += [Load("i64", X9, X12, offset=8 * i), MovI(X10, b),
                        SetCond(cond, X11, X9, X10), AluI("shl", X11, X11, 1),
                        Branch(cond, X9, X10, f"reg{i}"), AluI("or", X11, X11, 4),
                        Label(f"reg{i}"), Branch(cond, X9, b, f"imm{i}"),
                        AluI("or", X11, X11, 8), Label(f"imm{i}"),
                        Store("i64", X11, X12, offset=8 * i)]
        machine.run(program + [Ret()], data=table([a for a, _ in pairs]))
        want = [2 if int_condition(cond, a, b) else 12 for a, b in pairs]
        assert machine.words(len(pairs)) == want, cond


FLOAT_VALUES = [0.0, -0.0, 1.0, -1.5, 2.5, -2.5, 0.5, -0.5, 3.7, -3.7, 1e308, -1e308,
                5e-324, -5e-324, 2.2250738585072014e-308, 2.0 ** 52 + 0.5, 2.0 ** 53,
                math.inf, -math.inf, math.nan]


def float_reference(op, a, b):
    if op == "min":
        return b if b < a else a
    if op == "max":
        return b if b > a else a
    if op == "div" and b == 0:
        if a == 0 or math.isnan(a):
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1, b)
    return {"add": a + b, "sub": a - b, "mul": a * b, "div": a / (b or 1)}[op]


def float_condition(cond, a, b):
    return {"eq": a == b, "ne": a != b, "lt": a < b, "le": a <= b, "gt": a > b,
            "ge": a >= b}[cond]


def test_float_arithmetic_under_unicorn(machine):
    pairs = [(a, b) for a in FLOAT_VALUES for b in FLOAT_VALUES]
    data = struct.pack(f"<{2 * len(pairs)}d", *(v for pair in pairs for v in pair))
    for op in ("add", "sub", "mul", "div", "min", "max"):
        program = data_base()
        for i in range(len(pairs)):
            program += [Load("f64", D16, X12, offset=16 * i),
                        Load("f64", D17, X12, offset=16 * i + 8),
                        FAlu(op, D18, D16, D17), Store("f64", D18, X12, offset=16 * i)]
        machine.run(program + [Ret()], data=data)
        got = machine.doubles(2 * len(pairs))[::2]
        for (a, b), result in zip(pairs, got):
            assert same_double(result, float_reference(op, a, b)), (op, a, b, result)
    # min and max with the destination one of the operands
    program = [FAlu("min", FReg(0), FReg(0), FReg(1)), FAlu("max", FReg(1), FReg(2), FReg(1)),
               FAlu("sub", FReg(0), FReg(0), FReg(1)), Ret()]
    assert machine.run(program, ds=(3.0, 2.0, 10.0)).d() == 2.0 - 10.0
    assert math.isnan(machine.run(program, ds=(math.nan, 2.0, 10.0)).d())


def test_float_compares_under_unicorn(machine):
    pairs = [(a, b) for a in FLOAT_VALUES for b in FLOAT_VALUES]
    data = struct.pack(f"<{2 * len(pairs)}d", *(v for pair in pairs for v in pair))
    for cond in FLOAT_CONDS:
        program = data_base()
        for i in range(len(pairs)):
            program += [Load("f64", D16, X12, offset=16 * i),
                        Load("f64", D17, X12, offset=16 * i + 8),
                        FSetCond(cond, X11, D16, D17), AluI("shl", X11, X11, 1),
                        FBranch(cond, D16, D17, f"t{i}"), AluI("or", X11, X11, 4), Label(f"t{i}"),
                        Store("i64", X11, X12, offset=16 * i)]
        machine.run(program + [Ret()], data=data)
        want = [2 if float_condition(cond, a, b) else 4 for a, b in pairs]
        assert machine.words(2 * len(pairs))[::2] == want, cond


def round_reference(mode, value):
    if not math.isfinite(value):
        return value
    result = float({"floor": math.floor, "ceil": math.ceil, "trunc": math.trunc}[mode](value))
    return math.copysign(result, value) if result == 0 else result


def test_float_unary_rounding_and_constants_under_unicorn(machine):
    data = struct.pack(f"<{len(FLOAT_VALUES)}d", *FLOAT_VALUES)
    unary = {"mov": lambda v: v, "neg": lambda v: -v, "abs": abs,
             "sqrt": lambda v: math.nan if v < 0 or math.isnan(v) else math.sqrt(v)}
    for op, reference in [(op, unary[op]) for op in unary] + [
            (mode, lambda v, m=mode: round_reference(m, v)) for mode in ("floor", "ceil", "trunc")]:
        program = data_base()
        for i in range(len(FLOAT_VALUES)):
            record = FUnary(op, D17, D16) if op in unary else FRound(op, D17, D16)
            program += [Load("f64", D16, X12, offset=8 * i), record,
                        Store("f64", D17, X12, offset=8 * i)]
        machine.run(program + [Ret()], data=data)
        for value, result in zip(FLOAT_VALUES, machine.doubles(len(FLOAT_VALUES))):
            assert same_double(result, reference(value)), (op, value, result)
    constants = FLOAT_VALUES + [0.1, 1 / 3, 31.0, -0.125, 0.0625 * 31 / 16, 1e-300]
    program = data_base()
    for i, value in enumerate(constants):
        program += [FMovI(FReg(i % 31), value), Store("f64", FReg(i % 31), X12, offset=8 * i)]
    machine.run(program + [Ret()])
    assert [w for w in machine.words(len(constants))] == [bits_of(v) for v in constants]


def test_conversions_under_unicorn(machine):
    ints = [0, 1, -1, 3, -7, 1 << 53, (1 << 53) + 1, (1 << 62) + 513, -(1 << 63),
            0x7FFFFFFFFFFFFFFF, 123456789]
    doubles = [0.0, -0.0, 0.9, -0.9, 1.5, -2.5, 1e18, -1e18, 2.0 ** 62, 4503599627370497.0]
    program = data_base()
    for i in range(len(ints)):
        program += [Load("i64", X9, X12, offset=8 * i), IntToFloat(D16, X9),
                    Store("f64", D16, X12, offset=8 * i)]
    for i in range(len(ints), len(ints) + len(doubles)):
        program += [Load("f64", D16, X12, offset=8 * i), FloatToInt(X9, D16),
                    Store("i64", X9, X12, offset=8 * i)]
    program += [FloatBits(X9, FReg(0)), AluI("xor", X9, X9, 1 << 63), BitsFloat(FReg(0), X9),
                Ret()]
    data = table(ints) + struct.pack(f"<{len(doubles)}d", *doubles)
    machine.run(program, data=data, ds=(2.5,))
    assert machine.doubles(len(ints)) == [float(v) for v in ints]
    assert machine.words(len(doubles), 8 * len(ints)) == [int(v) & MASK for v in doubles]
    assert machine.d() == -2.5


def test_loads_and_stores_under_unicorn(machine):
    data = bytes(range(0x80, 0x100)) + bytes(range(0x80))
    for width, size in WIDTH_BYTES.items():
        if width[0] == "f":
            continue
        for index, shift, offset in MEMORY_FORMS:
            # x12 = DATA + 0x40 and x2 = 3
            address = 0x40 + offset + (3 << shift if index is not None else 0)
            if not 0 <= address <= 0x100 - size:
                continue
            program = [MovI(X12, DATA + 0x40), MovI(Reg(2), 3),
                       Load(width, X9, X12, index, shift, offset), Ret()]
            raw = int.from_bytes(data[address:address + size], "little")
            want = raw - (1 << 8 * size) if width[0] == "i" and raw >> (8 * size - 1) else raw
            assert machine.run(program, data=data).x(9) == want & MASK, (width, shift, offset)
    # stores of every width, then the 64-bit word that holds them
    program = [MovI(X9, -0x0123456789ABCDEF), FMovI(D16, -2.75)]
    for i, width in enumerate(WIDTH_BYTES):
        src = D16 if width[0] == "f" else X9
        program += [Lea(X12, SP, offset=-0x1000 + 8 * i), Store(width, src, X12),
                    Load("i64", X10, X12), MovI(X11, DATA), Store("i64", X10, X11, offset=8 * i)]
    machine.run(program + [Ret()])
    got = machine.words(len(WIDTH_BYTES))
    for width, word in zip(WIDTH_BYTES, got):
        size = WIDTH_BYTES[width]
        if width == "f32":
            want = struct.unpack("<I", struct.pack("<f", -2.75))[0]
        elif width == "f64":
            want = bits_of(-2.75)
        else:
            want = -0x0123456789ABCDEF & ((1 << 8 * size) - 1)
        assert word & ((1 << 8 * size) - 1) == want, width
    # f32 loads convert to double
    program = [MovI(X12, DATA), Load("f32", D16, X12, offset=4), FAlu("add", FReg(0), D16, D16),
               Ret()]
    assert machine.run(program, data=struct.pack("<ff", 0, 1.25)).d() == 2.5


def test_addressing_forms_under_unicorn(machine):
    # each form reads the word at DATA + 0x2000 + 8*k, which holds k
    words = table(range(0x10000 // 8))
    cases = []
    for shift in (0, 1, 2, 3, 4, 5, 9):
        for offset in (0, 8, -8, -256, 256, 0x800, -0x1000, 0x1000 - 8, 24):
            for base_in_sp in (False, True):
                cases.append((shift, offset, base_in_sp))
    for shift, offset, base_in_sp in cases:
        k = 0x400 + 3
        index = (k * 8 - offset - 0x1000) >> shift
        if index << shift != k * 8 - offset - 0x1000:
            continue
        base = SP if base_in_sp else X12
        program = ([MovI(X12, DATA + 0x1000), MovI(Reg(2), index)]
                   + ([Mov(X11, SP), Mov(SP, X12)] if base_in_sp else [])
                   + [Load("i64", X9, base, Reg(2), shift, offset),
                      Lea(X10, base, Reg(2), shift, offset)]
                   + ([Mov(SP, X11)] if base_in_sp else []) + [Ret()])
        machine.run(program, data=words)
        assert machine.x(9) == k and machine.x(10) == DATA + 8 * k, (shift, offset, base_in_sp)
    for offset in (0, 8, 32760, 32768, 0x1238, -0x1000, -256, 255 * 8):
        program = [MovI(X12, DATA + 0x1000), Load("i64", X9, X12, offset=offset), Ret()]
        want = (0x1000 + offset) // 8
        assert machine.run(program, data=words).x(9) == want, offset


def test_frames_calls_and_callee_saved_registers_under_unicorn(machine):
    saved = arm64.ABI.saved + arm64.ABI.fsaved
    # a stub that clobbers every temp, and a callee-saved register it saves
    stub = [Prologue(24, (Reg(19),)), MovI(Reg(19), 0xBAD), Store("i64", Reg(19), SP, offset=16)]
    stub += [MovI(r, 0xDEAD) for r in arm64.ABI.temps]
    stub += [FMovI(r, -1.0) for r in arm64.ABI.ftemps]
    stub += [AluI("add", X0, X0, 100), Epilogue(24, (Reg(19),))]
    # the caller keeps its frame record's two words and sp % 16 in its frame across two calls
    program = [Prologue(40, saved), Load("i64", X10, Reg(29)), Load("i64", X11, Reg(29), offset=8),
               Store("i64", X10, SP), Store("i64", X11, SP, offset=8), Mov(X9, SP),
               AluI("and", X9, X9, 15), Store("i64", X9, SP, offset=32)]
    program += [MovI(r, 0xC0FFEE) for r in arm64.ABI.saved]
    program += [FMovI(r, 7.5) for r in arm64.ABI.fsaved]
    program += [MovI(X0, 1), Call(STUB), MovI(X9, STUB), CallR(X9), MovI(X12, DATA)]
    for offset in (0, 8, 32):
        program += [Load("i64", X9, SP, offset=offset), Store("i64", X9, X12, offset=offset)]
    program.append(Epilogue(40, saved))
    machine.run(program, stubs=[(STUB, stub)])
    assert machine.x(0) == 201
    assert machine.words(5) == [0x5EED0000 + 29, RETURN, 0, 0, 0]
    assert machine.x(31) == STACK_TOP and machine.x(29) == 0x5EED0000 + 29
    for reg in saved:
        if type(reg) is Reg:
            assert machine.x(reg.n) == 0x5EED0000 + reg.n
        else:
            assert machine.d(reg.n) == 1000.0 + reg.n


def test_recursion_under_unicorn(machine):
    """fib through Call of its own patched address, with x19 kept across calls."""
    fib = [Prologue(0, (Reg(19), Reg(20))), Branch("lt", X0, 2, "small"),
           Mov(Reg(19), X0), AluI("sub", X0, Reg(19), 1), Call(Patch("fib")), Mov(Reg(20), X0),
           AluI("sub", X0, Reg(19), 2), Call(Patch("fib")), Alu("add", X0, X0, Reg(20)),
           Label("small"), Epilogue(0, (Reg(19), Reg(20)))]
    code = arm64.assemble(fib)
    data = bytearray(code.data)
    for hole in code.holes:
        arm64.patch(data, hole, STUB, STUB)
    machine.run(data, xs=(15,), address=STUB)
    assert machine.x(0) == 610


def test_holes_patched_in_copied_code_under_unicorn(machine):
    stencil = arm64.assemble([MovI(X0, Patch("k")), FMovI(FReg(0), Patch("f")),
                              AluI("add", X0, X0, 1), Ret()])
    for value, double in ((0xDEADBEEFCAFEBABE, 3.25), (-5, -0.0), (0, math.inf)):
        data = bytearray(stencil.data)
        for hole in stencil.holes:
            arm64.patch(data, hole, value if hole.name == "k" else bits_of(double), CODE)
        machine.run(data)
        assert machine.x(0) == (value + 1) & MASK and same_double(machine.d(), double)
    # a jump and a conditional branch to a patched absolute address, from a copy elsewhere
    stub = [MovI(X0, 77), Ret()]
    stencil = arm64.assemble([FBranch("lt", FReg(0), FReg(1), Patch("then")), MovI(X0, 5),
                              Jump(Patch("done"))])
    for address in (CODE + 0x1000, CODE + 0x3FF000):
        data = bytearray(stencil.data)
        for hole in stencil.holes:
            arm64.patch(data, hole, STUB if hole.name == "then" else RETURN,
                        address)
        assert machine.run(data, ds=(1.0, 2.0), stubs=[(STUB, stub)], address=address).x() == 77
        assert machine.run(data, ds=(3.0, 2.0), stubs=[(STUB, stub)], address=address).x() == 5
        assert machine.run(data, ds=(math.nan, 2.0), stubs=[(STUB, stub)],
                           address=address).x() == 5
    # a call through a patched address
    stencil = arm64.assemble([Prologue(0), Call(Patch("f")), AluI("add", X0, X0, 1), Epilogue(0)])
    data = bytearray(stencil.data)
    arm64.patch(data, stencil.holes[0], STUB, CODE)
    assert machine.run(data, stubs=[(STUB, stub)]).x() == 78


def test_patch_checks_its_hole():
    code = arm64.assemble([Jump(Patch("t")), MovI(X0, Patch("k"))])
    data = bytearray(code.data)
    jump, move = code.holes
    with pytest.raises(EncodeError, match="a64_b26"):
        arm64.patch(data, jump, 1 << 27, 0)                # beyond 128 MiB
    with pytest.raises(EncodeError, match="a64_b26"):
        arm64.patch(data, jump, 6, 0)                      # not a whole instruction
    with pytest.raises(EncodeError, match="not a b"):
        arm64.patch(data, jump._replace(offset=4), 8, 0)   # not a b
    with pytest.raises(EncodeError, match="not movz"):
        arm64.patch(data, move._replace(offset=0), 8, 0)   # not movz+movk
    with pytest.raises(EncodeError, match="kind"):
        arm64.patch(data, Hole(0, "rel32", "t"), 8, 0)
    arm64.patch(data, jump, -(1 << 27), 0)
    arm64.patch(data, move, -3, 0)
    words = struct.unpack("<5I", data)
    assert words[0] == 0x16000000                       # b -128 MiB
    assert [(w >> 5) & 0xFFFF for w in words[1:]] == [0xFFFD, 0xFFFF, 0xFFFF, 0xFFFF]


@needs_capstone
def test_a_patch_offset_is_a_scaled_imm12():
    code = arm64.assemble([Load("f64", FReg(1), X9, None, 0, Patch("s")),
                           Store("u16", X0, SP, None, 0, Patch("t"))])
    data = bytearray(code.data)
    assert [(h.kind, h.name, h.offset) for h in code.holes] == [
        ("a64_ldst12", "s", 0), ("a64_ldst12", "t", 4)]
    arm64.patch(data, code.holes[0], 8 * 4095, 0)
    arm64.patch(data, code.holes[1], 6, 0)
    assert disasm_bytes(data) == ["ldr d1, [x9, #0x7ff8]", "strh w0, [sp, #6]"]
    with pytest.raises(EncodeError, match="8-byte access"):
        arm64.patch(data, code.holes[0], 12, 0)               # not a multiple of 8
    with pytest.raises(EncodeError, match="8-byte access"):
        arm64.patch(data, code.holes[0], 8 * 4096, 0)         # beyond imm12
    with pytest.raises(EncodeError, match="8-byte access"):
        arm64.patch(data, code.holes[0], -8, 0)
    with pytest.raises(EncodeError, match="not ldr/str"):
        arm64.patch(bytearray(arm64.assemble([Ret()]).data), code.holes[0], 8, 0)
    with pytest.raises(EncodeError, match="no index"):
        arm64.assemble([Load("i64", X0, X9, X10, 0, Patch("s"))])


def test_far_conditional_branches_are_relaxed(machine):
    """A conditional branch beyond b.cond's 1 MiB becomes the inverted test over a b."""
    filler = [Ret()] * ((1 << 18) + 4)
    program = ([Branch("eq", X0, 0, "far"), Branch("lt", X0, X1, "far"), MovI(X0, 1),
                Jump("skip")] + filler + [Label("far"), MovI(X0, 2), Label("skip"),
                Branch("ne", X1, 0, "near"), Ret(), Label("near"), AluI("add", X0, X0, 10), Ret()])
    code = arm64.assemble(program)
    words = struct.unpack_from("<5I", code.data)
    assert code.labels["far"] - code.labels["skip"] == -4
    assert words[0] & 0xFF00001F == 0xB5000000 and words[1] >> 26 == 0x05     # cbnz x0; b
    assert words[3] & 0xFF00001F == 0x5400000A and words[4] >> 26 == 0x05     # b.ge; b
    assert machine.run(code.data, xs=(0, 5)).x() == 12
    assert machine.run(code.data, xs=(3, 5)).x() == 12
    assert machine.run(code.data, xs=(7, 5)).x() == 11
    assert machine.run(code.data, xs=(7, 0)).x() == 1


# --- the shared corpus (cases.py) under unicorn ---------------------------------------------

EXTERN_AT = 0x900000        # each extern function at EXTERN_AT + 0x1000 * k
# The C functions the corpus calls, written in the IR (libm is not inside unicorn); exact
# for these. pow has none: a hook on its address computes Extern.python, standing for libm.
C_IN_IR = {
    "floor": lambda abi: [FRound("floor", abi.fresult, abi.fargs[0]), Ret()],
    "llabs": lambda abi: [Branch("ge", abi.args[0], 0, "done"), MovI(X9, 0),
                          Alu("sub", abi.result, X9, abi.args[0]), Label("done"), Ret()],
}


class CorpusRunner:
    """Runs cases.py's programs on a Machine, with the externs the corpus calls."""

    def __init__(self, machine):
        self.machine = machine
        uc = machine.uc
        uc.mem_map(EXTERN_AT, 0x1000 * len(EXTERNS))
        self.externs = {}
        for k, (name, extern) in enumerate(sorted(EXTERNS.items())):
            address = self.externs[name] = EXTERN_AT + 0x1000 * k
            if extern.build is not None:
                program = extern.build(arm64.ABI, {})
            elif name in C_IN_IR:
                program = C_IN_IR[name](arm64.ABI)
            else:
                program = [Ret()]
                uc.hook_add(unicorn.UC_HOOK_CODE, self.python_extern, extern, address, address)
            uc.mem_write(address, arm64.assemble(program).data)

    def python_extern(self, uc, address, size, extern):
        """Computes an extern in Python at its ret, by the Abi: arguments of each kind
        counted on their own, the result in x0 or d0."""
        machine, args, ints, floats = self.machine, [], 0, 0
        for kind in extern.args:
            if kind == "i":
                args.append(signed(machine.x(ints)))
                ints += 1
            else:
                args.append(machine.d(floats))
                floats += 1
        result = extern.python(*args)
        if extern.result == "i":
            uc.reg_write(machine.xreg(0), result & MASK)
        else:
            uc.reg_write(machine.dreg(0), bits_of(result))

    def run(self, case):
        """(the code, the expected result, the result, the memory after) of one case."""
        abi = arm64.ABI
        ext = {name: self.externs[name] for name in case.externs}
        code = arm64.assemble(case.build(abi, ext))
        data = bytearray(code.data)
        values = {**ext, **dict(case.patches)}
        for hole in code.holes:
            arm64.patch(data, hole, values[hole.name], CODE)
        ints = [a for a in case.args if isinstance(a, int)]
        floats = [a for a in case.args if isinstance(a, float)]
        if case.memory is not None:
            ints.insert(0, DATA)
        machine = self.machine.run(data, {reg.n: v for reg, v in zip(abi.args, ints)}, floats,
                                   data=case.memory)
        expect = case.expect(abi) if callable(case.expect) else case.expect
        result = machine.d() if isinstance(expect, float) else signed(machine.x())
        memory = None
        if case.memory is not None:
            memory = bytes(machine.uc.mem_read(DATA, len(case.memory)))
        return code, expect, result, memory


def listing(data):
    if capstone is None:
        return data.hex()
    cs = capstone.Cs(capstone.CS_ARCH_ARM64, capstone.CS_MODE_ARM)
    return "\n".join(f"  {i.address:4x}  {i.mnemonic} {i.op_str}" for i in cs.disasm(data, 0))


CASE_GROUPS = {}
for _case in CASES:
    CASE_GROUPS.setdefault(_case.name.split("/")[0], []).append(_case)


@pytest.fixture(scope="module")
def corpus(machine):
    return CorpusRunner(machine)


@pytest.mark.parametrize("group", sorted(CASE_GROUPS))
def test_corpus_under_unicorn(corpus, group):
    found = [f for f in (failure(case, arm64.ABI, corpus.run(case), listing)
                         for case in CASE_GROUPS[group]) if f]
    assert not found, f"{len(found)} of {len(CASE_GROUPS[group])} failed:\n" + "\n".join(found[:5])
