"""AArch64 (A64) encoder for the native tier's IR (ir.py), and the AAPCS64 calling convention.

Registers are the hardware's: Reg(0)..Reg(30) are x0..x30, FReg(n) is dn. A64 gives register
number 31 two meanings: the stack pointer in the forms that address memory or adjust sp (add/sub
immediate, add/sub extended register, load/store bases) and the zero register xzr in all
others. In the IR, Reg(31) is the stack pointer (ABI.sp) and nothing else: it is accepted where
the chosen instruction can read or write sp (Mov, Lea, add/sub in Alu and AluI, and the base of
Load/Store) and rejected elsewhere. Only the encoder itself uses xzr (cmp is subs into xzr, mov
is orr from xzr, cset is csinc of xzr).

Reserved registers, never accepted as operands: x16/x17 (IP0/IP1) are the encoder's scratch
(immediates that do not fit, addresses, call targets), d31 its float scratch (f32 stores), x18
the platform register (never touched). Prologue saves x29/x30 (frame record and link); Call
clobbers x30 and x16. x8 (the indirect-result register) is usable but in no Abi list.

Loads and stores of f32 convert to and from the double in the FReg, since every float operation
of the IR is on doubles.

Holes: a Patch immediate (MovI, FMovI, Call) is a fixed movz+3 movk, kind "a64_movw"; a Patch
target of Jump/Branch/FBranch is a b (+-128 MiB from the copy), kind "a64_b26", behind the
inverted test when conditional; a Patch offset of Load/Store is ldr/str's scaled unsigned
imm12, kind "a64_ldst12". patch() fills them all. Branches to labels are b.cond/cbz (+-1 MiB),
or the inverted test over a b where that does not reach.
"""

import struct
from typing import Dict, List, Optional, Set, Tuple

from moonpatch.jit.native import ir
from moonpatch.jit.native.ir import Abi, Code, EncodeError, FReg, Hole, Patch, Reg, check

ABI = Abi(
    name="aapcs64",
    args=tuple(Reg(n) for n in range(8)),
    fargs=tuple(FReg(n) for n in range(8)),
    result=Reg(0),
    fresult=FReg(0),
    temps=tuple(Reg(n) for n in range(9, 16)),
    saved=tuple(Reg(n) for n in range(19, 29)),
    ftemps=tuple(FReg(n) for n in range(16, 31)),
    fsaved=tuple(FReg(n) for n in range(8, 16)),
    sp=Reg(31),
    scratch=(Reg(16), Reg(17)),
)

SP = ZR = 31            # register number 31 in its two roles
IP0, IP1 = 16, 17       # the encoder's integer scratch
FSCRATCH = 31           # d31, the encoder's float scratch
FP, LR = 29, 30
_RESERVED = (IP0, IP1, 18)
_MASK64 = (1 << 64) - 1

# Condition codes (the cond field of b.cond, csinc, fcsel).
EQ, NE, HS, LO, MI, PL, HI, LS, GE, LT, GT, LE = 0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13
_INT_COND = {"eq": EQ, "ne": NE, "lt": LT, "le": LE, "gt": GT, "ge": GE,
             "ltu": LO, "leu": LS, "gtu": HI, "geu": HS}
# fcmp sets NZCV to 0011 for an unordered pair: these codes are all false for it but NE
# (lt is MI, not LT, and le is LS, not LE, which would be true for NaN).
_FLOAT_COND = {"eq": EQ, "ne": NE, "lt": MI, "le": LS, "gt": GT, "ge": GE}
assert tuple(_INT_COND) == ir.INT_CONDS and tuple(_FLOAT_COND) == ir.FLOAT_CONDS


# --- operands -----------------------------------------------------------------------------


def _x(reg) -> int:
    """An integer register in a position where number 31 would be xzr: sp is refused."""
    check(type(reg) is Reg and type(reg.n) is int and 0 <= reg.n < 31, f"{reg!r}: not x0..x30")
    check(reg.n not in _RESERVED, f"x{reg.n} is reserved for the encoder or the platform")
    return reg.n


def _x_or_sp(reg) -> int:
    """An integer register in a position where number 31 is sp."""
    if type(reg) is Reg and reg.n == SP:
        return SP
    return _x(reg)


def _d(freg) -> int:
    check(type(freg) is FReg and type(freg.n) is int and 0 <= freg.n < 31, f"{freg!r}: not d0..d30")
    return freg.n


def _cond(table: Dict[str, int], cond: str) -> int:
    check(cond in table, f"no condition {cond!r}")
    return table[cond]


def _int64(value) -> int:
    """An immediate of any 64-bit meaning (signed or unsigned), as its 64 bits."""
    check(type(value) in (int, bool) and -(1 << 63) <= value <= _MASK64,
          f"{value!r} is not a 64-bit value")
    return value & _MASK64


# --- immediates encodable in one instruction ----------------------------------------------

def _bitmask_imm(value: int) -> Optional[Tuple[int, int, int]]:
    """(N, immr, imms) of a logical immediate, or None: a rotated run of ones repeated in
    elements of 2, 4, ..., 64 bits."""
    if value in (0, _MASK64):
        return None
    size = 64
    while size > 2:
        half = size // 2
        if value & ((1 << half) - 1) != (value >> half) & ((1 << half) - 1):
            break
        size = half
    mask = (1 << size) - 1
    element = value & mask
    ones = bin(element).count("1")
    run = (1 << ones) - 1
    for immr in range(size):
        if ((run >> immr) | (run << (size - immr))) & mask == element:
            imms = ((~(size - 1) << 1) | (ones - 1)) & 0x3F
            return (1 if size == 64 else 0), immr, imms
    return None


def _vfp_expand(imm8: int) -> int:
    """The double bits fmov's 8-bit immediate stands for (VFPExpandImm)."""
    sign, b, cd, efgh = imm8 >> 7, (imm8 >> 6) & 1, (imm8 >> 4) & 3, imm8 & 15
    exponent = (b ^ 1) << 10 | (0xFF if b else 0) << 2 | cd
    return sign << 63 | exponent << 52 | efgh << 48


_FMOV_IMM = {_vfp_expand(imm8): imm8 for imm8 in range(256)}


def _double_bits(value: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", value))[0]


# --- instruction forms: each returns one 32-bit word ---------------------------------------

def _addsub_imm(sub: int, flags: int, rd: int, rn: int, imm12: int, lsl12: int = 0) -> int:
    assert 0 <= imm12 < 4096
    return 0x91000000 | sub << 30 | flags << 29 | lsl12 << 22 | imm12 << 10 | rn << 5 | rd


def _addsub_shifted(sub: int, flags: int, rd: int, rn: int, rm: int, lsl: int = 0) -> int:
    """rd, rn, rm in the xzr role."""
    assert 0 <= lsl < 64
    return 0x8B000000 | sub << 30 | flags << 29 | rm << 16 | lsl << 10 | rn << 5 | rd


def _addsub_extended(sub: int, flags: int, rd: int, rn: int, rm: int, lsl: int = 0) -> int:
    """rm extended by uxtx (unchanged): rn (and rd without flags) in the sp role."""
    assert 0 <= lsl <= 4
    return 0x8B206000 | sub << 30 | flags << 29 | rm << 16 | lsl << 10 | rn << 5 | rd


_LOGIC = {"and": 0, "or": 1, "xor": 2}


def _logical_shifted(opc: int, rd: int, rn: int, rm: int) -> int:
    return 0x8A000000 | opc << 29 | rm << 16 | rn << 5 | rd


def _logical_imm(opc: int, rd: int, rn: int, nrs: Tuple[int, int, int]) -> int:
    n, immr, imms = nrs
    return 0x92000000 | opc << 29 | n << 22 | immr << 16 | imms << 10 | rn << 5 | rd


_MOVN, _MOVZ, _MOVK = 0, 2, 3


def _move_wide(opc: int, rd: int, imm16: int, hw: int) -> int:
    assert 0 <= imm16 < 0x10000 and 0 <= hw < 4
    return 0x92800000 | opc << 29 | hw << 21 | imm16 << 5 | rd


def _madd(rd: int, rn: int, rm: int, ra: int) -> int:
    return 0x9B000000 | rm << 16 | ra << 10 | rn << 5 | rd


_SHIFT_VARIABLE = {"shl": 0x9AC02000, "shr": 0x9AC02400, "sar": 0x9AC02800}


def _shift_variable(op: str, rd: int, rn: int, rm: int) -> int:
    return _SHIFT_VARIABLE[op] | rm << 16 | rn << 5 | rd


def _bitfield(signed: bool, rd: int, rn: int, immr: int, imms: int) -> int:
    """sbfm/ubfm on x registers (the forms of asr, lsr and lsl by an immediate)."""
    assert 0 <= immr < 64 and 0 <= imms < 64
    return (0x93400000 if signed else 0xD3400000) | immr << 16 | imms << 10 | rn << 5 | rd


def _csinc(rd: int, rn: int, rm: int, cond: int) -> int:
    return 0x9A800400 | rm << 16 | cond << 12 | rn << 5 | rd


_FP_BINARY = {"add": 0x1E602800, "sub": 0x1E603800, "mul": 0x1E600800, "div": 0x1E601800}
_FP_UNARY = {"mov": 0x1E604000, "abs": 0x1E60C000, "neg": 0x1E614000, "sqrt": 0x1E61C000,
             "floor": 0x1E654000, "ceil": 0x1E64C000, "trunc": 0x1E65C000,   # frintm/p/z
             "cvt_sd": 0x1E624000, "cvt_ds": 0x1E22C000}                     # fcvt s<-d, d<-s
_FP_INT = {"scvtf": 0x9E620000, "fcvtzs": 0x9E780000, "fmov_xd": 0x9E660000,
           "fmov_dx": 0x9E670000}


def _fp_binary(base: int, rd: int, rn: int, rm: int) -> int:
    return base | rm << 16 | rn << 5 | rd


def _fp_unary(base: int, rd: int, rn: int) -> int:
    return base | rn << 5 | rd


def _fcmp(rn: int, rm: int) -> int:
    return 0x1E602000 | rm << 16 | rn << 5


def _fcsel(rd: int, rn: int, rm: int, cond: int) -> int:
    return 0x1E600C00 | rm << 16 | cond << 12 | rn << 5 | rd


def _fmov_imm(rd: int, imm8: int) -> int:
    return 0x1E601000 | imm8 << 13 | rd


# Loads and stores by (log2 size, V: a SIMD&FP register, opc); narrow signed loads extend to x.
_LOAD = {"i8": (0, 0, 2), "u8": (0, 0, 1), "i16": (1, 0, 2), "u16": (1, 0, 1),
         "i32": (2, 0, 2), "u32": (2, 0, 1), "i64": (3, 0, 1), "f32": (2, 1, 1), "f64": (3, 1, 1)}
_STORE = {"i8": (0, 0, 0), "u8": (0, 0, 0), "i16": (1, 0, 0), "u16": (1, 0, 0),
          "i32": (2, 0, 0), "u32": (2, 0, 0), "i64": (3, 0, 0), "f32": (2, 1, 0), "f64": (3, 1, 0)}
assert set(_LOAD) == set(_STORE) == set(ir.WIDTH_BYTES)


def _ldst_scaled(form, rt: int, rn: int, imm12: int) -> int:
    """[rn, #imm12 << size]: rn in the sp role."""
    size, v, opc = form
    assert 0 <= imm12 < 4096
    return 0x39000000 | size << 30 | v << 26 | opc << 22 | imm12 << 10 | rn << 5 | rt


def _ldst_unscaled(form, rt: int, rn: int, imm9: int) -> int:
    """ldur/stur [rn, #imm9]."""
    size, v, opc = form
    assert -256 <= imm9 < 256
    return 0x38000000 | size << 30 | v << 26 | opc << 22 | (imm9 & 0x1FF) << 12 | rn << 5 | rt


def _ldst_register(form, rt: int, rn: int, rm: int, scaled: bool) -> int:
    """[rn, rm, lsl #size] (scaled) or [rn, rm]."""
    size, v, opc = form
    return (0x38206800 | size << 30 | v << 26 | opc << 22 | rm << 16 | scaled << 12
            | rn << 5 | rt)


# Frame pushes and pops on sp: pairs and single registers, x and d.
_STP_X_PRE, _LDP_X_POST, _STP_D_PRE, _LDP_D_POST = 0xA9800000, 0xA8C00000, 0x6D800000, 0x6CC00000
_STR_X_PRE, _LDR_X_POST, _STR_D_PRE, _LDR_D_POST = 0xF8000C00, 0xF8400400, 0xFC000C00, 0xFC400400


def _pair_indexed(base: int, rt: int, rt2: int, rn: int, offset: int) -> int:
    assert offset % 8 == 0 and -512 <= offset < 512
    return base | ((offset // 8) & 0x7F) << 15 | rt2 << 10 | rn << 5 | rt


def _single_indexed(base: int, rt: int, rn: int, offset: int) -> int:
    assert -256 <= offset < 256
    return base | (offset & 0x1FF) << 12 | rn << 5 | rt


_B, _B_COND, _CBZ, _CBNZ = 0x14000000, 0x54000000, 0xB4000000, 0xB5000000
_RET = 0xD65F03C0


def _branch_reg(link: bool, rn: int) -> int:
    """blr rn (link) or br rn."""
    return (0xD63F0000 if link else 0xD61F0000) | rn << 5


# A conditional branch is its form and low field (b.cond with its condition, cbz/cbnz with
# the register tested); the 19-bit word offset goes in between.
Test = Tuple[int, int]


def _test_word(test: Test, words: int) -> int:
    assert -(1 << 18) <= words < (1 << 18)
    return test[0] | (words & 0x7FFFF) << 5 | test[1]


def _invert(test: Test) -> Test:
    form, low = test
    return (form, low ^ 1) if form == _B_COND else (form ^ (_CBZ ^ _CBNZ), low)


# --- lowering records to instructions ------------------------------------------------------

class _Assembler:
    """One pass over a program. A branch to a label gets its short form (b.cond, cbz) unless
    an earlier pass found it out of range and put its record index in long_branches."""

    def __init__(self, long_branches: Set[int]):
        self.words: List[int] = []
        self.labels: Dict[str, int] = {}
        self.holes: List[Hole] = []
        self.fixups: List[Tuple[int, int, str, int]] = []   # word, offset bits, label, record
        self.long_branches = long_branches
        self.record = 0

    def emit(self, *words: int) -> None:
        self.words.extend(words)

    def hole(self, kind: str, name: str) -> None:
        self.holes.append(Hole(4 * len(self.words), kind, name))

    # -- integer moves and arithmetic

    def move(self, rd: int, rn: int) -> None:
        if rd == rn:
            return
        if SP in (rd, rn):
            self.emit(_addsub_imm(0, 0, rd, rn, 0))
        else:
            self.emit(_logical_shifted(_LOGIC["or"], rd, ZR, rn))

    def move_const(self, rd: int, value: int) -> None:
        """The shortest of movz+movk, movn+movk and orr of a logical immediate."""
        halves = [(value >> (16 * i)) & 0xFFFF for i in range(4)]
        set_halves = [i for i in range(4) if halves[i] != 0]
        clear_halves = [i for i in range(4) if halves[i] != 0xFFFF]
        if min(len(set_halves), len(clear_halves)) > 1:
            nrs = _bitmask_imm(value)
            if nrs:
                self.emit(_logical_imm(_LOGIC["or"], rd, ZR, nrs))
                return
        if len(clear_halves) < len(set_halves):
            first = clear_halves[0] if clear_halves else 0
            self.emit(_move_wide(_MOVN, rd, halves[first] ^ 0xFFFF, first))
            rest = clear_halves[1:]
        else:
            first = set_halves[0] if set_halves else 0
            self.emit(_move_wide(_MOVZ, rd, halves[first], first))
            rest = set_halves[1:]
        for i in rest:
            self.emit(_move_wide(_MOVK, rd, halves[i], i))

    def move_patch(self, rd: int, name: str) -> None:
        """A fixed movz+3 movk the hole's value fills."""
        self.hole("a64_movw", name)
        self.emit(_move_wide(_MOVZ, rd, 0, 0), *(_move_wide(_MOVK, rd, 0, i) for i in (1, 2, 3)))

    def add_const(self, rd: int, rn: int, value: int) -> None:
        """rd := rn + value (64-bit wrap-around); rd and rn in the sp role."""
        value &= _MASK64
        sub = value >= 1 << 63
        amount = (-value) & _MASK64 if sub else value
        if amount == 0:
            self.move(rd, rn)
        elif amount < 1 << 12:
            self.emit(_addsub_imm(sub, 0, rd, rn, amount))
        elif amount < 1 << 24:
            self.emit(_addsub_imm(sub, 0, rd, rn, amount >> 12, 1))
            if amount & 0xFFF:
                self.emit(_addsub_imm(sub, 0, rd, rd, amount & 0xFFF))
        else:
            self.move_const(IP0, value)
            self.add_reg(0, rd, rn, IP0, 0)

    def add_reg(self, sub: int, rd: int, rn: int, rm: int, lsl: int) -> None:
        """rd := rn +/- (rm << lsl); rd and rn in the sp role."""
        if SP not in (rd, rn):
            self.emit(_addsub_shifted(sub, 0, rd, rn, rm, lsl))
        elif lsl <= 4:
            self.emit(_addsub_extended(sub, 0, rd, rn, rm, lsl))
        else:
            self.emit(_bitfield(False, IP0, rm, -lsl % 64, 63 - lsl))
            self.emit(_addsub_extended(sub, 0, rd, rn, IP0))

    def shift_const(self, op: str, rd: int, rn: int, amount: int) -> None:
        check(type(amount) is int and 0 <= amount < 64, f"shift count {amount!r}: not 0..63")
        if amount == 0:
            self.move(rd, rn)
        elif op == "shl":
            self.emit(_bitfield(False, rd, rn, -amount % 64, 63 - amount))
        else:
            self.emit(_bitfield(op == "sar", rd, rn, amount, 63))

    def compare_const(self, rn: int, value: int) -> None:
        """cmp rn, #value, as cmn for a small negative one (the same flags)."""
        negated = (-value) & _MASK64
        for sub, amount in ((1, value), (0, negated)):
            if amount < 1 << 12:
                self.emit(_addsub_imm(sub, 1, ZR, rn, amount))
                return
            if amount < 1 << 24 and not amount & 0xFFF:
                self.emit(_addsub_imm(sub, 1, ZR, rn, amount >> 12, 1))
                return
        self.move_const(IP0, value)
        self.emit(_addsub_shifted(1, 1, ZR, rn, IP0))

    # -- memory

    def memory(self, form, rt: int, rec) -> None:
        """A load or store of rt at base + (index << shift) + offset."""
        size = form[0]
        rn = _x_or_sp(rec.base)
        offset = rec.offset
        if type(offset) is Patch:
            check(rec.index is None, "a Patch offset takes no index")
            self.hole("a64_ldst12", offset.name)
            self.emit(_ldst_scaled(form, rt, rn, 0))
            return
        check(type(offset) is int and -(1 << 63) <= offset < 1 << 63, f"offset {offset!r}")
        check(type(rec.shift) is int and 0 <= rec.shift < 64, f"shift {rec.shift!r}: not 0..63")
        if rec.index is None:
            check(rec.shift == 0, "a shift without an index")
        else:
            rm = _x(rec.index)
            if offset == 0 and rec.shift in (0, size):
                self.emit(_ldst_register(form, rt, rn, rm, rec.shift != 0))
                return
            self.add_reg(0, IP0, rn, rm, rec.shift)
            rn = IP0
        if offset >= 0 and offset % (1 << size) == 0 and offset >> size < 4096:
            self.emit(_ldst_scaled(form, rt, rn, offset >> size))
        elif -256 <= offset < 256:
            self.emit(_ldst_unscaled(form, rt, rn, offset))
        else:
            self.move_const(IP1, offset & _MASK64)
            self.emit(_ldst_register(form, rt, rn, IP1, False))

    # -- branches

    def jump(self, target) -> None:
        if type(target) is str:
            self.fixups.append((len(self.words), 26, target, self.record))
            self.emit(_B)
        elif type(target) is Patch:
            self.hole("a64_b26", target.name)
            self.emit(_B)
        else:
            self.move_const(IP0, _int64(target))
            self.emit(_branch_reg(False, IP0))

    def jump_if(self, test: Test, target) -> None:
        """A short conditional branch to a label, else the inverted test over a jump."""
        if type(target) is str and self.record not in self.long_branches:
            self.fixups.append((len(self.words), 19, target, self.record))
            self.emit(_test_word(test, 0))
            return
        skip = len(self.words)
        self.emit(0)
        self.jump(target)
        self.words[skip] = _test_word(_invert(test), len(self.words) - skip)

    def resolve(self) -> Set[int]:
        """Fills branches to labels; returns the records whose short branch cannot reach."""
        too_far = set()
        for at, bits, label, record in self.fixups:
            check(label in self.labels, f"branch to undefined label {label!r}")
            delta = self.labels[label] // 4 - at
            if not -(1 << (bits - 1)) <= delta < 1 << (bits - 1):
                check(bits == 19, f"branch to {label!r} beyond 128 MiB")
                too_far.add(record)
            elif bits == 26:
                self.words[at] |= delta & 0x3FFFFFF
            else:
                self.words[at] |= (delta & 0x7FFFF) << 5
        return too_far

    def code(self) -> Code:
        data = struct.pack("<%dI" % len(self.words), *self.words)
        return Code(data, dict(self.labels), tuple(self.holes))


# --- one lowering per record ---------------------------------------------------------------

def _label(asm: _Assembler, rec: ir.Label) -> None:
    check(type(rec.name) is str, f"label name must be a str, not {rec.name!r}")
    check(rec.name not in asm.labels, f"label {rec.name!r} is defined twice")
    asm.labels[rec.name] = 4 * len(asm.words)


def _mov(asm: _Assembler, rec: ir.Mov) -> None:
    asm.move(_x_or_sp(rec.dst), _x_or_sp(rec.src))


def _mov_imm(asm: _Assembler, rec: ir.MovI) -> None:
    if type(rec.imm) is Patch:
        asm.move_patch(_x(rec.dst), rec.imm.name)
    else:
        asm.move_const(_x(rec.dst), _int64(rec.imm))


def _alu(asm: _Assembler, rec: ir.Alu) -> None:
    op = rec.op
    check(op in ir.INT_OPS, f"unknown integer op {op!r}")
    if op in ("add", "sub"):
        asm.add_reg(op == "sub", _x_or_sp(rec.dst), _x_or_sp(rec.a), _x(rec.b), 0)
    elif op == "mul":
        asm.emit(_madd(_x(rec.dst), _x(rec.a), _x(rec.b), ZR))
    elif op in _LOGIC:
        asm.emit(_logical_shifted(_LOGIC[op], _x(rec.dst), _x(rec.a), _x(rec.b)))
    else:
        asm.emit(_shift_variable(op, _x(rec.dst), _x(rec.a), _x(rec.b)))


def _alu_imm(asm: _Assembler, rec: ir.AluI) -> None:
    op = rec.op
    check(op in ir.INT_OPS, f"unknown integer op {op!r}")
    if op in ("add", "sub"):
        value = _int64(rec.imm)
        asm.add_const(_x_or_sp(rec.dst), _x_or_sp(rec.a), -value if op == "sub" else value)
        return
    rd, rn = _x(rec.dst), _x(rec.a)
    if op in ("shl", "shr", "sar"):
        asm.shift_const(op, rd, rn, rec.imm)
        return
    value = _int64(rec.imm)
    nrs = _bitmask_imm(value) if op in _LOGIC else None
    if nrs:
        asm.emit(_logical_imm(_LOGIC[op], rd, rn, nrs))
        return
    asm.move_const(IP0, value)
    if op == "mul":
        asm.emit(_madd(rd, rn, IP0, ZR))
    else:
        asm.emit(_logical_shifted(_LOGIC[op], rd, rn, IP0))


def _load(asm: _Assembler, rec: ir.Load) -> None:
    check(rec.width in ir.WIDTH_BYTES, f"unknown width {rec.width!r}")
    if rec.width in ir.FLOAT_WIDTHS:
        rt = _d(rec.dst)
        asm.memory(_LOAD[rec.width], rt, rec)
        if rec.width == "f32":
            asm.emit(_fp_unary(_FP_UNARY["cvt_ds"], rt, rt))
    else:
        asm.memory(_LOAD[rec.width], _x(rec.dst), rec)


def _store(asm: _Assembler, rec: ir.Store) -> None:
    check(rec.width in ir.WIDTH_BYTES, f"unknown width {rec.width!r}")
    if rec.width == "f32":
        asm.emit(_fp_unary(_FP_UNARY["cvt_sd"], FSCRATCH, _d(rec.src)))
        asm.memory(_STORE["f32"], FSCRATCH, rec)
    elif rec.width == "f64":
        asm.memory(_STORE["f64"], _d(rec.src), rec)
    else:
        asm.memory(_STORE[rec.width], _x(rec.src), rec)


def _lea(asm: _Assembler, rec: ir.Lea) -> None:
    rd, rn = _x_or_sp(rec.dst), _x_or_sp(rec.base)
    check(type(rec.offset) is int, f"offset {rec.offset!r}: not an int (Lea takes no Patch)")
    if rec.index is None:
        check(rec.shift == 0, "a shift without an index")
        asm.add_const(rd, rn, rec.offset)
        return
    check(type(rec.shift) is int and 0 <= rec.shift < 64, f"shift {rec.shift!r}: not 0..63")
    asm.add_reg(0, rd, rn, _x(rec.index), rec.shift)
    asm.add_const(rd, rd, rec.offset)


def _float_alu(asm: _Assembler, rec: ir.FAlu) -> None:
    check(rec.op in ir.FLOAT_OPS, f"unknown float op {rec.op!r}")
    rd, rn, rm = _d(rec.dst), _d(rec.a), _d(rec.b)
    if rec.op in ("min", "max"):
        # b < a ? b : a (b > a ? b : a); unordered leaves a, as lua5.1's math.min/max.
        asm.emit(_fcmp(rm, rn), _fcsel(rd, rm, rn, MI if rec.op == "min" else GT))
    else:
        asm.emit(_fp_binary(_FP_BINARY[rec.op], rd, rn, rm))


def _float_unary(asm: _Assembler, rec: ir.FUnary) -> None:
    check(rec.op in ir.FLOAT_UNARY, f"unknown float unary op {rec.op!r}")
    rd, rn = _d(rec.dst), _d(rec.src)
    if not (rec.op == "mov" and rd == rn):
        asm.emit(_fp_unary(_FP_UNARY[rec.op], rd, rn))


def _float_const(asm: _Assembler, rec: ir.FMovI) -> None:
    rd = _d(rec.dst)
    if type(rec.value) is Patch:
        asm.move_patch(IP0, rec.value.name)
        asm.emit(_fp_unary(_FP_INT["fmov_dx"], rd, IP0))
        return
    check(type(rec.value) in (float, int), f"value must be a float, not {rec.value!r}")
    bits = _double_bits(float(rec.value))
    if bits in _FMOV_IMM:
        asm.emit(_fmov_imm(rd, _FMOV_IMM[bits]))
    elif bits == 0:
        asm.emit(_fp_unary(_FP_INT["fmov_dx"], rd, ZR))
    else:
        asm.move_const(IP0, bits)
        asm.emit(_fp_unary(_FP_INT["fmov_dx"], rd, IP0))


def _float_round(asm: _Assembler, rec: ir.FRound) -> None:
    check(rec.mode in ir.ROUNDINGS, f"unknown rounding {rec.mode!r}")
    asm.emit(_fp_unary(_FP_UNARY[rec.mode], _d(rec.dst), _d(rec.src)))


def _int_to_float(asm: _Assembler, rec: ir.IntToFloat) -> None:
    asm.emit(_fp_unary(_FP_INT["scvtf"], _d(rec.dst), _x(rec.src)))


def _float_to_int(asm: _Assembler, rec: ir.FloatToInt) -> None:
    asm.emit(_fp_unary(_FP_INT["fcvtzs"], _x(rec.dst), _d(rec.src)))


def _float_bits(asm: _Assembler, rec: ir.FloatBits) -> None:
    asm.emit(_fp_unary(_FP_INT["fmov_xd"], _x(rec.dst), _d(rec.src)))


def _bits_float(asm: _Assembler, rec: ir.BitsFloat) -> None:
    asm.emit(_fp_unary(_FP_INT["fmov_dx"], _d(rec.dst), _x(rec.src)))


def _set_cond(asm: _Assembler, rec: ir.SetCond) -> None:
    cond = _cond(_INT_COND, rec.cond)
    asm.emit(_addsub_shifted(1, 1, ZR, _x(rec.a), _x(rec.b)),
             _csinc(_x(rec.dst), ZR, ZR, cond ^ 1))                  # cset

def _float_set_cond(asm: _Assembler, rec: ir.FSetCond) -> None:
    cond = _cond(_FLOAT_COND, rec.cond)
    asm.emit(_fcmp(_d(rec.a), _d(rec.b)), _csinc(_x(rec.dst), ZR, ZR, cond ^ 1))


def _jump(asm: _Assembler, rec: ir.Jump) -> None:
    asm.jump(rec.target)


def _branch(asm: _Assembler, rec: ir.Branch) -> None:
    cond = _cond(_INT_COND, rec.cond)
    rn = _x(rec.a)
    if type(rec.b) is Reg:
        asm.emit(_addsub_shifted(1, 1, ZR, rn, _x(rec.b)))
    elif rec.b == 0 and rec.cond in ("eq", "ne"):
        asm.jump_if((_CBZ if rec.cond == "eq" else _CBNZ, rn), rec.target)
        return
    else:
        asm.compare_const(rn, _int64(rec.b))
    asm.jump_if((_B_COND, cond), rec.target)


def _float_branch(asm: _Assembler, rec: ir.FBranch) -> None:
    asm.emit(_fcmp(_d(rec.a), _d(rec.b)))
    asm.jump_if((_B_COND, _cond(_FLOAT_COND, rec.cond)), rec.target)


def _call(asm: _Assembler, rec: ir.Call) -> None:
    if type(rec.target) is Patch:
        asm.move_patch(IP0, rec.target.name)
    else:
        asm.move_const(IP0, _int64(rec.target))
    asm.emit(_branch_reg(True, IP0))


def _call_reg(asm: _Assembler, rec: ir.CallR) -> None:
    asm.emit(_branch_reg(True, _x(rec.target)))


def _frame_parts(rec) -> Tuple[int, List[Tuple[int, ...]], List[Tuple[int, ...]]]:
    """The frame rounded up to 16 bytes, and the saved x and d registers in pairs."""
    check(type(rec.frame) is int and rec.frame >= 0, f"frame {rec.frame!r}")
    check(isinstance(rec.saved, tuple) and len(set(rec.saved)) == len(rec.saved),
          f"saved registers repeat or are not a tuple: {rec.saved!r}")
    # Usually callee-saved registers, but any may be kept; x29/x30 always are.
    xs = [_x(r) for r in rec.saved if type(r) is not FReg]
    ds = [_d(r) for r in rec.saved if type(r) is FReg]
    check(FP not in xs and LR not in xs, "x29 and x30 are saved by every Prologue")

    def pairs(regs):
        return [tuple(regs[i:i + 2]) for i in range(0, len(regs), 2)]
    return (rec.frame + 15) & ~15, pairs(xs), pairs(ds)


def _prologue(asm: _Assembler, rec: ir.Prologue) -> None:
    frame, xpairs, dpairs = _frame_parts(rec)
    asm.emit(_pair_indexed(_STP_X_PRE, FP, LR, SP, -16), _addsub_imm(0, 0, FP, SP, 0))
    for pairs, pair_op, single_op in ((xpairs, _STP_X_PRE, _STR_X_PRE),
                                      (dpairs, _STP_D_PRE, _STR_D_PRE)):
        for pair in pairs:
            if len(pair) == 2:
                asm.emit(_pair_indexed(pair_op, pair[0], pair[1], SP, -16))
            else:
                asm.emit(_single_indexed(single_op, pair[0], SP, -16))
    asm.add_const(SP, SP, -frame)


def _epilogue(asm: _Assembler, rec: ir.Epilogue) -> None:
    frame, xpairs, dpairs = _frame_parts(rec)
    asm.add_const(SP, SP, frame)
    for pairs, pair_op, single_op in ((dpairs, _LDP_D_POST, _LDR_D_POST),
                                      (xpairs, _LDP_X_POST, _LDR_X_POST)):
        for pair in reversed(pairs):
            if len(pair) == 2:
                asm.emit(_pair_indexed(pair_op, pair[0], pair[1], SP, 16))
            else:
                asm.emit(_single_indexed(single_op, pair[0], SP, 16))
    asm.emit(_pair_indexed(_LDP_X_POST, FP, LR, SP, 16), _RET)


def _ret(asm: _Assembler, rec: ir.Ret) -> None:
    asm.emit(_RET)


_LOWER = {
    ir.Label: _label, ir.Mov: _mov, ir.MovI: _mov_imm, ir.Alu: _alu, ir.AluI: _alu_imm,
    ir.Load: _load, ir.Store: _store, ir.Lea: _lea, ir.FAlu: _float_alu,
    ir.FUnary: _float_unary, ir.FMovI: _float_const, ir.FRound: _float_round,
    ir.IntToFloat: _int_to_float, ir.FloatToInt: _float_to_int, ir.FloatBits: _float_bits,
    ir.BitsFloat: _bits_float, ir.SetCond: _set_cond, ir.FSetCond: _float_set_cond,
    ir.Jump: _jump, ir.Branch: _branch, ir.FBranch: _float_branch, ir.Call: _call,
    ir.CallR: _call_reg, ir.Prologue: _prologue, ir.Epilogue: _epilogue, ir.Ret: _ret,
}


def assemble(program, **features) -> Code:
    """Encodes a program (an iterable of ir records) as AArch64 machine code. `features`
    are the optional CPU features the code may use, as native.cpu_features() gives them:
    none yet on AArch64, whose base ISA has all the IR needs."""
    check(not features, f"unknown AArch64 features {sorted(features)}")
    records = list(program)
    long_branches: Set[int] = set()
    while True:
        asm = _Assembler(long_branches)
        for asm.record, rec in enumerate(records):
            lower = _LOWER.get(type(rec))
            check(lower is not None, f"not an IR record: {rec!r}")
            try:
                lower(asm, rec)
            except EncodeError as e:
                raise EncodeError(f"{rec!r}: {e}") from None
        too_far = asm.resolve()
        if not too_far:
            return asm.code()
        long_branches |= too_far     # only grows, so the passes end


# --- holes ---------------------------------------------------------------------------------

def patch(data: bytearray, hole: Hole, value: int, base: int) -> None:
    """Fill `hole` of code copied into `data`, which will run at address `base`, with
    `value` (a constant, or the address a jump or call goes to) plus the hole's addend."""
    patcher = PATCHERS.get(hole.kind)
    check(patcher is not None, f"unknown hole kind {hole.kind!r}")
    patcher(data, hole.offset, value + hole.addend, base + hole.offset)


# Each takes the copy, the field's offset in it, the value (addend included) and the address
# the field will have (which only a64_b26 uses); each checks the value and the instruction
# before it writes.

def patch_movw(code: bytearray, offset: int, value: int, where: int) -> None:
    """a64_movw: the four 16-bit pieces of a 64-bit value into movz, movk, movk, movk."""
    if type(value) is not int or not -(1 << 63) <= value <= _MASK64:
        raise EncodeError(f"a64_movw value {value!r} is not a 64-bit value")
    words = list(struct.unpack_from("<4I", code, offset))
    for i, word in enumerate(words):
        if word & 0xFFE00000 != (0xD2800000 if i == 0 else 0xF2800000) | i << 21:
            raise EncodeError(f"a64_movw hole at {offset + 4 * i} is not movz+movk: "
                              f"{word:#x}")
        words[i] = word & ~(0xFFFF << 5) | ((value >> (16 * i)) & 0xFFFF) << 5
    struct.pack_into("<4I", code, offset, *words)


def patch_b26(code: bytearray, offset: int, value: int, where: int) -> None:
    """a64_b26: b to the absolute address value, from the branch at address where."""
    delta = value - where
    if delta % 4 or not -(1 << 27) <= delta < 1 << 27:
        raise EncodeError(f"a64_b26 from {where:#x} to {value:#x} is out of range")
    (word,) = struct.unpack_from("<I", code, offset)
    if word & 0xFC000000 != _B:
        raise EncodeError(f"a64_b26 hole at {offset} is not a b: {word:#x}")
    struct.pack_into("<I", code, offset, _B | (delta >> 2) & 0x3FFFFFF)


def patch_ldst12(code: bytearray, offset: int, value: int, where: int) -> None:
    """a64_ldst12: a byte offset into the scaled unsigned imm12 of ldr/str [xn, #imm]."""
    (word,) = struct.unpack_from("<I", code, offset)
    if word & 0x3B000000 != 0x39000000:
        raise EncodeError(f"a64_ldst12 hole at {offset} is not ldr/str: {word:#x}")
    size = word >> 30
    if type(value) is not int or value < 0 or value % (1 << size) or value >> size >= 4096:
        raise EncodeError(f"a64_ldst12 offset {value!r} for a {1 << size}-byte access")
    struct.pack_into("<I", code, offset, word & ~(0xFFF << 10) | (value >> size) << 10)


PATCHERS = {"a64_movw": patch_movw, "a64_b26": patch_b26, "a64_ldst12": patch_ldst12}
