"""The native IR's test corpus: programs with their expected results, for every target.

A `Case` builds its program against a target's `Abi` (`case.build(abi, ext)`), so the same
corpus runs as x86-64 code natively and as AArch64 code under an emulator. A runner:

- passes `args` in registers: the i-th int in abi.args[i], the j-th float in abi.fargs[j]
  (each kind counted on its own, as System V and AAPCS64 both do);
- if `memory` is given, copies it into a 16-byte aligned buffer and passes the buffer's
  address as an extra first integer argument (abi.args[0]; the ints of `args` follow);
- gives `ext`, a dict of absolute addresses, for the names in `externs` (see EXTERNS: C
  functions of libc/libm, or other programs of this corpus, assembled the same way);
- fills every hole the encoder left: with `patches[name]` when the case gives one, else with
  the address of the extern of that name;
- calls the code at offset 0 and reads abi.result when `expect` is an int (a signed 64-bit
  value) or abi.fresult when it is a float, and checks `same(expect, result)`;
- if `memory_after` is given, checks the buffer's bytes after the call.

`expect` and `memory_after` may also be functions of the Abi, for the programs whose shape
depends on how many registers the target has.

Expected values are computed here by Python's own IEEE doubles and 64-bit wrapping, never by
the code under test.
"""

import math
import struct
from typing import Callable, NamedTuple, Optional, Tuple, Union

from moonpatch.jit.native.ir import (
    FLOAT_CONDS, FLOAT_OPS, INT_CONDS, INT_OPS, ROUNDINGS, Alu, AluI, BitsFloat, Branch,
    Call, CallR, Epilogue, FAlu, FBranch, FloatBits, FloatToInt, FMovI, FRound, FSetCond,
    FUnary, IntToFloat, Jump, Label, Lea, Load, Mov, MovI, Patch, Prologue, Ret, SetCond,
    Store)

INT64_MIN, INT64_MAX = -2 ** 63, 2 ** 63 - 1
INF, NAN = math.inf, math.nan


class Case(NamedTuple):
    name: str
    build: Callable                     # build(abi, ext) -> list of IR records
    args: tuple = ()                    # ints and floats, see the module's docstring
    expect: Union[int, float, Callable] = 0
    memory: Optional[bytes] = None
    memory_after: Union[bytes, Callable, None] = None
    patches: Tuple[Tuple[str, int], ...] = ()       # (Patch name, value) pairs
    externs: Tuple[str, ...] = ()


class Extern(NamedTuple):
    """A function that cases call: a C function (`symbol`, computing what `python` does, for
    emulators that stub it) or a program of its own (`build(abi, {})`: it calls nothing)."""

    args: str                           # "i" or "f" per argument
    result: str                         # "i" or "f"
    symbol: Optional[str] = None
    python: Optional[Callable] = None
    build: Optional[Callable] = None


def bits(x: float) -> int:
    """The 64 bits of a double, as an unsigned int."""
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", b % 2 ** 64))[0]


def wrap(v: int) -> int:
    """v as a signed 64-bit integer."""
    return (v + 2 ** 63) % 2 ** 64 - 2 ** 63


def same(expect, got) -> bool:
    """Ints compare as 64-bit values; floats bit for bit (so -0.0 is not 0.0), except that
    any NaN matches any NaN (payloads and signs of NaN differ between targets)."""
    if isinstance(expect, float):
        if expect != expect:
            return got != got
        return bits(expect) == bits(got)
    return wrap(expect) == wrap(got)


def failure(case, abi, outcome, show) -> Optional[str]:
    """What is wrong with one run of case on a target (None: nothing). outcome is the
    runner's (code, expect, result, memory); show(data) lists machine code."""
    code, expect, result, memory = outcome
    after = case.memory_after(abi) if callable(case.memory_after) else case.memory_after
    if not same(expect, result):
        return f"{case.name}: expected {expect!r}, got {result!r}\n" + show(code.data)
    if after is not None and memory != after:
        diff = [i for i in range(len(after)) if memory[i] != after[i]]
        return f"{case.name}: memory differs at {diff}\n" + show(code.data)
    return None


CASES = []


def case(name, build, args=(), expect=0, **kw) -> None:
    CASES.append(Case(name, build, tuple(args), expect, **kw))


def accumulator(abi, *busy):
    """A register to compute a result in while the arguments are still read: abi.result
    unless busy holds it (AAPCS64 passes the first argument in x0, its result register)."""
    return next(r for r in (abi.result,) + abi.args + abi.temps if r not in busy)


def temps(abi, n, *avoid):
    """n integer temporaries, none of them in avoid (nor the result register)."""
    regs = [r for r in abi.temps if r not in avoid and r != abi.result]
    assert len(regs) >= n, f"{abi.name}: not {n} free temporaries"
    return regs[:n]


def ftemps(abi, n, *avoid):
    regs = [r for r in abi.ftemps if r not in avoid and r != abi.fresult]
    assert len(regs) >= n, f"{abi.name}: not {n} free float temporaries"
    return regs[:n]


# --- Python's reference semantics ------------------------------------------------------------

def int_op(op: str, a: int, b: int) -> int:
    if op in ("shl", "shr", "sar"):
        b %= 64
        if op == "shl":
            return wrap(a << b)
        return wrap((a % 2 ** 64) >> b) if op == "shr" else wrap(a) >> b
    return wrap({"add": a + b, "sub": a - b, "mul": a * b, "and": a & b, "or": a | b,
                 "xor": a ^ b}[op])


def float_op(op: str, a: float, b: float) -> float:
    if op == "min":
        return b if b < a else a
    if op == "max":
        return b if b > a else a
    if op == "div" and b == 0:
        if a != a or a == 0:
            return NAN
        return math.copysign(INF, a) * math.copysign(1.0, b)
    return {"add": a + b, "sub": a - b, "mul": a * b, "div": a / b if b else 0.0}[op]


def int_cond(cond: str, a: int, b: int) -> bool:
    if cond.endswith("u"):
        a, b, cond = a % 2 ** 64, b % 2 ** 64, cond[:-1]
    return {"eq": a == b, "ne": a != b, "lt": a < b, "le": a <= b, "gt": a > b,
            "ge": a >= b}[cond]


def float_cond(cond: str, a: float, b: float) -> bool:
    return {"eq": a == b, "ne": a != b, "lt": a < b, "le": a <= b, "gt": a > b,
            "ge": a >= b}[cond]


def rounded(mode: str, x: float) -> float:
    if x != x or x in (INF, -INF):
        return x
    r = float({"floor": math.floor, "ceil": math.ceil, "trunc": math.trunc}[mode](x))
    return math.copysign(r, x) if r == 0 else r


def c_floor(x: float) -> float:
    return rounded("floor", x)


# --- integer moves and arithmetic ------------------------------------------------------------

MOVI_VALUES = (0, 1, -1, 127, 128, 2 ** 31 - 1, 2 ** 31, -2 ** 31, -2 ** 31 - 1, 2 ** 32 - 1,
               2 ** 32, 0x923456789ABCDEF0 - 2 ** 64, INT64_MAX, INT64_MIN, 2 ** 64 - 1)
for v in MOVI_VALUES:
    case(f"movi/{v:#x}", lambda abi, ext, v=v: [MovI(abi.result, v), Ret()], expect=wrap(v))
for v in (0x1122334455667788, -5, 0):
    case(f"movi/patch/{v}", lambda abi, ext: [MovI(abi.result, Patch("k")), Ret()],
         expect=v, patches=(("k", v),))
case("mov/arg1", lambda abi, ext: [Mov(abi.result, abi.args[1]), Ret()], (5, 42), 42)
case("mov/arg5", lambda abi, ext: [Mov(abi.result, abi.args[5]), Ret()],
     (1, 2, 3, 4, 5, -6), -6)

INT_PAIRS = ((5, 3), (-7, 2), (INT64_MAX, 1), (INT64_MIN, -1),
             (0x123456789ABCDEF, 0x7EDCBA9876543210), (-1, 63), (1, 64), (1, -1), (-5, 65),
             (INT64_MIN, 63), (3, 0), (-0x1234567, -0x89ABC))
for op in INT_OPS:
    for a, b in INT_PAIRS:
        case(f"alu/{op}/{a},{b}",
             lambda abi, ext, op=op: [Alu(op, abi.result, abi.args[0], abi.args[1]), Ret()],
             (a, b), int_op(op, a, b))
    # Every aliasing of dst, a and b.
    a, b = -0x123456789, 67
    case(f"alu/{op}/dst=a", lambda abi, ext, op=op: [
        Alu(op, abi.args[0], abi.args[0], abi.args[1]), Mov(abi.result, abi.args[0]), Ret()],
        (a, b), int_op(op, a, b))
    case(f"alu/{op}/dst=b", lambda abi, ext, op=op: [
        Alu(op, abi.args[1], abi.args[0], abi.args[1]), Mov(abi.result, abi.args[1]), Ret()],
        (a, b), int_op(op, a, b))
    case(f"alu/{op}/a=b", lambda abi, ext, op=op: [
        Alu(op, abi.result, abi.args[1], abi.args[1]), Ret()], (a, b), int_op(op, b, b))
    case(f"alu/{op}/dst=a=b", lambda abi, ext, op=op: [
        Alu(op, abi.args[1], abi.args[1], abi.args[1]), Mov(abi.result, abi.args[1]), Ret()],
        (a, b), int_op(op, b, b))


def rotations(abi):
    """(dst, a, b) over every rotation of the temporaries, aliased and not (on x86-64 this
    puts rcx, the shift count's register, in every role)."""
    regs = [r for r in abi.temps if r != abi.result]
    n = len(regs)
    for i in range(n):
        x, y, z = regs[i], regs[(i + 1) % n], regs[(i + 2) % n]
        yield from ((x, y, z), (x, x, y), (x, y, x), (y, x, y), (x, z, z), (z, z, z))


def alu_rotations(abi, op, a, b):
    out = [MovI(abi.result, 0)]
    for dst, ra, rb in rotations(abi):
        out += [MovI(ra, a), MovI(rb, b), Alu(op, dst, ra, rb),
                AluI("mul", abi.result, abi.result, 3), Alu("add", abi.result, abi.result, dst)]
    return out + [Ret()]


def expect_rotations(op, a, b):
    def expect(abi):
        acc = 0
        for dst, ra, rb in rotations(abi):
            acc = wrap(acc * 3 + (int_op(op, b, b) if ra == rb else int_op(op, a, b)))
        return acc
    return expect


ALUI_IMMS = (0, 1, -1, 127, 128, -128, -129, 2 ** 31 - 1, -2 ** 31, 2 ** 31, 0x123456789,
             -0x123456789A, INT64_MIN)
for op in INT_OPS:
    imms = (0, 1, 7, 31, 32, 63) if op in ("shl", "shr", "sar") else ALUI_IMMS
    for a in (0x0123456789ABCDEF, -5):
        for imm in imms:
            case(f"alui/{op}/{a},{imm}", lambda abi, ext, op=op, imm=imm: [
                AluI(op, abi.result, abi.args[0], imm), Ret()], (a,), int_op(op, a, imm))
            case(f"alui/{op}/dst=a/{a},{imm}", lambda abi, ext, op=op, imm=imm: [
                AluI(op, abi.args[0], abi.args[0], imm), Mov(abi.result, abi.args[0]), Ret()],
                (a,), int_op(op, a, imm))


# --- memory ----------------------------------------------------------------------------------

def memory_image() -> bytes:
    """512 bytes: words with high bits set and clear at many alignments, then doubles and
    floats of edge values at known offsets."""
    mem = bytearray((i * 151 + 7) % 256 for i in range(512))
    struct.pack_into("<8d", mem, 256, -0.0, INF, NAN, 5e-324, 1e308, -1.5, 2.2250738585072014e-308,
                     -INF)
    struct.pack_into("<8f", mem, 320, 1.5, -0.0, 1e-45, 3.4028234663852886e38, INF, NAN,
                     -2.75, 1.1754942106924411e-38)
    return bytes(mem)


MEM = memory_image()
LOAD_FORMATS = {"i8": "b", "u8": "B", "i16": "h", "u16": "H", "i32": "i", "u32": "I",
                "i64": "q", "f32": "f", "f64": "d"}


def loaded(width: str, offset: int):
    return struct.unpack_from("<" + LOAD_FORMATS[width], MEM, offset)[0]


def load_program(abi, width, index, shift, offset, base_add):
    """Load from ptr + base_add + (index << shift) + offset; the result in the result reg."""
    ptr = abi.args[0]
    base, idx = temps(abi, 2, ptr)
    dst = abi.fresult if width.startswith("f") else abi.result
    out = [AluI("add", base, ptr, base_add)]
    if index is not None:
        out.append(MovI(idx, index))
    return out + [Load(width, dst, base, idx if index is not None else None, shift, offset),
                  Ret()]


# (base_add, index, shift, offset): no index and an index, disp 0, 8-bit, 32-bit, negative.
ADDRESSINGS = ((0, None, 0, 0), (0, None, 0, 3), (0, None, 0, 127), (0, None, 0, 200),
               (400, None, 0, -1), (400, None, 0, -130), (0, 5, 0, 0), (0, 3, 1, 1),
               (0, 7, 2, -4), (8, 9, 3, 0), (400, 2, 3, -300), (0, 1, 0, 250),
               (100, -3, 2, 0), (300, 0, 3, -128))
for width in LOAD_FORMATS:
    for base_add, index, shift, offset in ADDRESSINGS:
        at = base_add + (index or 0) * (1 << shift) + offset
        case(f"load/{width}/{base_add}+{index}<<{shift}{offset:+}",
             lambda abi, ext, w=width, i=index, s=shift, o=offset, b=base_add:
             load_program(abi, w, i, s, o, b), (), loaded(width, at), memory=MEM)
for k in range(8):
    case(f"load/f64/edge{k}", lambda abi, ext, k=k: [
        Load("f64", abi.fresult, abi.args[0], None, 0, 256 + 8 * k), Ret()],
        (), loaded("f64", 256 + 8 * k), memory=MEM)
    case(f"load/f32/edge{k}", lambda abi, ext, k=k: [
        Load("f32", abi.fresult, abi.args[0], None, 0, 320 + 4 * k), Ret()],
        (), loaded("f32", 320 + 4 * k), memory=MEM)

STORE_VALUES = {"i8": (0x1234, -1, 0x80), "u8": (0xFF, 0x7F),
                "i16": (-2, 0x12345678), "u16": (0xBEEF,),
                "i32": (-0x7FFFFFFF, 0x123456789), "u32": (0xDEADBEEF,),
                "i64": (INT64_MIN, 0x0102030405060708),
                "f32": (1.1, -0.0, INF, -INF, 5e-324, 1e-40, 3.4028234663852886e38, -2.5),
                "f64": (1.1, -0.0, INF, NAN, 5e-324, -1e308)}
STORE_PACK = {"i8": "B", "u8": "B", "i16": "H", "u16": "H", "i32": "I", "u32": "I",
              "i64": "Q", "f32": "f", "f64": "d"}


def stored(width: str, value, offset: int) -> bytes:
    mem = bytearray(MEM)
    if width.startswith("f"):
        struct.pack_into("<" + STORE_PACK[width], mem, offset, value)
    else:
        size = struct.calcsize(STORE_PACK[width])
        struct.pack_into("<" + STORE_PACK[width], mem, offset, value % 2 ** (8 * size))
    return bytes(mem)


def store_program(abi, width, value, index, shift, offset, base_add):
    ptr = abi.args[0]
    base, idx, src = temps(abi, 3, ptr)
    out = [AluI("add", base, ptr, base_add)]
    if width.startswith("f"):
        src = ftemps(abi, 1)[0]
        out.append(FMovI(src, value))
    else:
        out.append(MovI(src, value))
    if index is not None:
        out.append(MovI(idx, index))
    return out + [Store(width, src, base, idx if index is not None else None, shift, offset),
                  MovI(abi.result, 7), Ret()]


for width, values in STORE_VALUES.items():
    for value in values:
        for base_add, index, shift, offset in ADDRESSINGS[::3]:
            at = base_add + (index or 0) * (1 << shift) + offset
            case(f"store/{width}/{value}/{base_add}+{index}<<{shift}{offset:+}",
                 lambda abi, ext, w=width, v=value, i=index, s=shift, o=offset, b=base_add:
                 store_program(abi, w, v, i, s, o, b),
                 (), 7, memory=MEM, memory_after=stored(width, value, at))

# Patch offsets: a frame slot's hole (disp32, a64_ldst12), filled when the case runs.
for width, at in (("f64", 256 + 8 * 3), ("i64", 0), ("i64", 504), ("u8", 77), ("f32", 328)):
    case(f"load/patch/{width}+{at}", lambda abi, ext, w=width: [
        Load(w, abi.fresult if w.startswith("f") else abi.result, abi.args[0], None, 0,
             Patch("slot")), Ret()], (), loaded(width, at), memory=MEM,
        patches=(("slot", at),))
for width, value, at in (("f64", -0.0, 256), ("i64", -2, 504), ("u16", 0xBEEF, 10)):
    case(f"store/patch/{width}+{at}", lambda abi, ext, w=width, v=value:
         store_program(abi, w, v, None, 0, Patch("slot"), 0),
         (), 7, memory=MEM, memory_after=stored(width, value, at), patches=(("slot", at),))

LEA_FORMS = ((None, 0, 0), (None, 0, -8), (None, 0, 100000), (1, 0, 0), (1, 1, 5),
             (1, 2, -5), (1, 3, 1000), (1, 3, -100000))
for index, shift, offset in LEA_FORMS:
    base, idx = 1000, -7
    expect = base + (idx << shift if index is not None else 0) + offset
    case(f"lea/{index}<<{shift}{offset:+}", lambda abi, ext, i=index, s=shift, o=offset: [
        Lea(abi.result, abi.args[0], abi.args[i] if i is not None else None, s, o), Ret()],
        (base, idx), expect)


# --- doubles ---------------------------------------------------------------------------------

FLOAT_VALUES = (0.0, -0.0, 1.5, -2.25, 3.0, INF, -INF, NAN, 1e308, -1e308, 5e-324,
                2.2250738585072014e-308, 1e-310)
for op in FLOAT_OPS:
    for a in FLOAT_VALUES:
        for b in FLOAT_VALUES:
            case(f"falu/{op}/{a!r},{b!r}", lambda abi, ext, op=op: [
                FAlu(op, abi.fresult, abi.fargs[0], abi.fargs[1]), Ret()],
                (a, b), float_op(op, a, b))
    for a, b in ((1.5, -0.0), (-0.0, 0.0), (NAN, 2.0), (2.0, NAN), (5e-324, -3.0)):
        case(f"falu/{op}/dst=a/{a!r},{b!r}", lambda abi, ext, op=op: [
            FAlu(op, abi.fargs[0], abi.fargs[0], abi.fargs[1]),
            FUnary("mov", abi.fresult, abi.fargs[0]), Ret()], (a, b), float_op(op, a, b))
        case(f"falu/{op}/dst=b/{a!r},{b!r}", lambda abi, ext, op=op: [
            FAlu(op, abi.fargs[1], abi.fargs[0], abi.fargs[1]),
            FUnary("mov", abi.fresult, abi.fargs[1]), Ret()], (a, b), float_op(op, a, b))
        case(f"falu/{op}/away/{a!r},{b!r}", lambda abi, ext, op=op: [
            FAlu(op, abi.fargs[3], abi.fargs[1], abi.fargs[2]),
            FUnary("mov", abi.fresult, abi.fargs[3]), Ret()], (9.0, a, b, 9.0),
            float_op(op, a, b))
        case(f"falu/{op}/a=b/{a!r}", lambda abi, ext, op=op: [
            FAlu(op, abi.fresult, abi.fargs[1], abi.fargs[1]), Ret()], (b, a),
            float_op(op, a, a))


def f_unary(op: str, x: float) -> float:
    if op == "sqrt":
        return math.sqrt(x) if not x < 0 else NAN
    return {"mov": x, "neg": -x, "abs": math.fabs(x)}[op]


for op in ("mov", "neg", "abs", "sqrt"):
    for x in FLOAT_VALUES + (-1.0, 2.0, -5e-324):
        case(f"funary/{op}/{x!r}", lambda abi, ext, op=op: [
            FUnary(op, abi.fresult, abi.fargs[1]), Ret()], (7.0, x), f_unary(op, x))
        case(f"funary/{op}/dst=src/{x!r}", lambda abi, ext, op=op: [
            FUnary(op, abi.fargs[0], abi.fargs[0]), FUnary("mov", abi.fresult, abi.fargs[0]),
            Ret()], (x,), f_unary(op, x))

for x in FLOAT_VALUES + (0.1, -5e-324):
    case(f"fmovi/{x!r}", lambda abi, ext, x=x: [FMovI(abi.fresult, x), Ret()], (), x)
    case(f"fmovi/patch/{x!r}", lambda abi, ext: [FMovI(abi.fresult, Patch("c")), Ret()], (),
         x, patches=(("c", bits(x)),))

ROUND_VALUES = (0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.0, -0.0, INF, -INF, NAN, 1e308, -1e308,
                4503599627370495.5, -4503599627370495.5, 4503599627370497.0, 9.3e18, -9.3e18,
                float(INT64_MIN), 5e-324, -5e-324, 0.9999999999999999,
                -0.9999999999999999, 3.0, -3.0)
for mode in ROUNDINGS:
    for x in ROUND_VALUES:
        case(f"fround/{mode}/{x!r}", lambda abi, ext, mode=mode: [
            FRound(mode, abi.fresult, abi.fargs[1]), Ret()], (0.0, x), rounded(mode, x))
        case(f"fround/{mode}/dst=src/{x!r}", lambda abi, ext, mode=mode: [
            FRound(mode, abi.fargs[0], abi.fargs[0]), FUnary("mov", abi.fresult, abi.fargs[0]),
            Ret()], (x,), rounded(mode, x))

for v in (0, 1, -1, 2 ** 53 + 1, -(2 ** 53) - 1, 2 ** 62 + 2 ** 9 + 1, INT64_MAX, INT64_MIN,
          123456789):
    case(f"inttofloat/{v}", lambda abi, ext: [IntToFloat(abi.fresult, abi.args[0]), Ret()],
         (v,), float(v))
for x in (0.0, -0.0, 1.9, -1.9, 0.5, -0.5, 1e18, -1e18, 9.2233720368547748e18,
          float(INT64_MIN), 5e-324, 4503599627370497.0):
    case(f"floattoint/{x!r}", lambda abi, ext: [FloatToInt(abi.result, abi.fargs[0]), Ret()],
         (x,), int(x))
for b in (0, bits(-0.0), bits(1.5), bits(INF), 0x7FF8000000000000, 0x7FF0000000000001,
          0xFFF8000000000123, 1, 0x000FFFFFFFFFFFFF):
    # Moves keep every bit, even of signalling and negative NaNs.
    case(f"bits/roundtrip/{b:#x}", lambda abi, ext: [
        BitsFloat(abi.ftemps[1], abi.args[0]), FUnary("mov", abi.ftemps[2], abi.ftemps[1]),
        FloatBits(abi.result, abi.ftemps[2]), Ret()], (wrap(b),), wrap(b))
    case(f"bitsfloat/{b:#x}", lambda abi, ext: [BitsFloat(abi.fresult, abi.args[0]), Ret()],
         (wrap(b),), from_bits(b))
for x in (-0.0, 1.5, INF, -5e-324):
    case(f"floatbits/{x!r}", lambda abi, ext: [FloatBits(abi.result, abi.fargs[0]), Ret()],
         (x,), wrap(bits(x)))


# --- compares and branches -------------------------------------------------------------------

COND_PAIRS = ((1, 2), (2, 1), (2, 2), (-1, 1), (1, -1), (INT64_MIN, INT64_MAX),
              (INT64_MAX, INT64_MIN), (0, -1), (-1, -1))
for cond in INT_CONDS:
    for a, b in COND_PAIRS:
        case(f"setcond/{cond}/{a},{b}", lambda abi, ext, c=cond: [
            SetCond(c, abi.result, abi.args[0], abi.args[1]), Ret()],
            (a, b), int(int_cond(cond, a, b)))
        case(f"setcond/{cond}/dst=a/{a},{b}", lambda abi, ext, c=cond: [
            SetCond(c, abi.args[0], abi.args[0], abi.args[1]), Mov(abi.result, abi.args[0]),
            Ret()], (a, b), int(int_cond(cond, a, b)))
        case(f"setcond/{cond}/dst=b/{a},{b}", lambda abi, ext, c=cond: [
            SetCond(c, abi.args[1], abi.args[0], abi.args[1]), Mov(abi.result, abi.args[1]),
            Ret()], (a, b), int(int_cond(cond, a, b)))


def branch_forward(abi, cond, b, branch=Branch):
    """result := 1 if the branch is taken, through a forward branch (the result is set
    after the compare, which may read the result register as an argument)."""
    x = abi.args[0] if branch is Branch else abi.fargs[0]
    return [branch(cond, x, b, "yes"), MovI(abi.result, 0), Ret(),
            Label("yes"), MovI(abi.result, 1), Ret()]


def branch_backward(abi, cond, b, branch=Branch):
    x = abi.args[0] if branch is Branch else abi.fargs[0]
    return [Jump("test"), Label("yes"), MovI(abi.result, 1), Ret(),
            Label("test"), branch(cond, x, b, "yes"), MovI(abi.result, 0), Ret()]


for cond in INT_CONDS:
    for a, b in COND_PAIRS:
        case(f"branch/{cond}/{a},{b}",
             lambda abi, ext, c=cond: branch_forward(abi, c, abi.args[1]),
             (a, b), int(int_cond(cond, a, b)))
    for a in (-101, -100, -1, 0, 1, 99, 100, INT64_MIN, INT64_MAX):
        for b in (-100, -1, 0, 1, 100):
            case(f"branch/{cond}/imm/{a},{b}",
                 lambda abi, ext, c=cond, b=b: branch_backward(abi, c, b),
                 (a,), int(int_cond(cond, a, b)))

FCMP_VALUES = (NAN, -INF, -1.0, -0.0, 0.0, 5e-324, 1.0, INF)
for cond in FLOAT_CONDS:
    for a in FCMP_VALUES:
        for b in FCMP_VALUES:
            expect = int(float_cond(cond, a, b))
            case(f"fsetcond/{cond}/{a!r},{b!r}", lambda abi, ext, c=cond: [
                FSetCond(c, abi.result, abi.fargs[0], abi.fargs[1]), Ret()], (a, b), expect)
            case(f"fbranch/{cond}/{a!r},{b!r}", lambda abi, ext, c=cond: branch_forward(
                abi, c, abi.fargs[1], FBranch), (a, b), expect)
            case(f"fbranch/{cond}/back/{a!r},{b!r}", lambda abi, ext, c=cond: branch_backward(
                abi, c, abi.fargs[1], FBranch), (a, b), expect)
    case(f"fsetcond/{cond}/a=a/nan", lambda abi, ext, c=cond: [
        FSetCond(c, abi.result, abi.fargs[0], abi.fargs[0]), Ret()], (NAN,), int(cond == "ne"))


def padding(acc, n):
    """n instructions that add 1 to acc each, to push a branch past short reach."""
    return [AluI("add", acc, acc, 1) for _ in range(n)]


def counted(abi, body):
    """A program that counts in a register apart from the first argument, built by
    body(acc), then returns the count."""
    acc = accumulator(abi, abi.args[0])
    return [MovI(acc, 0), *body(acc), Mov(abi.result, acc), Ret()]


for taken in (0, 1):
    case(f"branch/far/forward/{taken}", lambda abi, ext: counted(abi, lambda acc: [
        Branch("ne", abi.args[0], 0, "far"), *padding(acc, 60), Label("far")]),
        (taken,), 0 if taken else 60)
    case(f"fbranch/far/forward/eq/{taken}", lambda abi, ext: counted(abi, lambda acc: [
        FBranch("eq", abi.fargs[0], abi.fargs[1], "far"), *padding(acc, 60), Label("far")]),
        (1.0, 1.0 if taken else NAN), 0 if taken else 60)
case("loop/sum", lambda abi, ext: counted(abi, lambda acc: [
    Label("loop"), Alu("add", acc, acc, abi.args[0]), AluI("sub", abi.args[0], abi.args[0], 1),
    Branch("gt", abi.args[0], 0, "loop")]), (100000,), 100000 * 100001 // 2)
case("loop/jump-back", lambda abi, ext: counted(abi, lambda acc: [
    Label("top"), AluI("add", acc, acc, 1), Branch("ge", acc, abi.args[0], "done"),
    Jump("top"), Label("done")]), (10,), 10)
case("loop/far-backward", lambda abi, ext: counted(abi, lambda acc: [
    Label("loop"), *padding(acc, 50), AluI("sub", abi.args[0], abi.args[0], 1),
    Branch("ne", abi.args[0], 0, "loop")]), (7,), 350)


def float_loop_expect(step, limit):
    x, n = 0.0, 0
    while x < limit:
        x += step
        n += 1
    return n


case("loop/float", lambda abi, ext: [
    MovI(abi.result, 0), FMovI(abi.ftemps[3], 0.0), Jump("test"), Label("loop"),
    FAlu("add", abi.ftemps[3], abi.ftemps[3], abi.fargs[0]),
    AluI("add", abi.result, abi.result, 1), Label("test"),
    FBranch("lt", abi.ftemps[3], abi.fargs[1], "loop"), Ret()], (0.1, 100.0),
    float_loop_expect(0.1, 100.0))
case("loop/float/nan-limit", lambda abi, ext: [
    MovI(abi.result, 0), FMovI(abi.ftemps[3], 0.0), Jump("test"), Label("loop"),
    AluI("add", abi.result, abi.result, 1), Label("test"),
    FBranch("lt", abi.ftemps[3], abi.fargs[1], "loop"), Ret()], (0.1, NAN), 0)


# --- calls and frames ------------------------------------------------------------------------

def sum3(abi, ext):
    a, b, c = abi.args[:3]
    return [Alu("add", abi.result, a, b), Alu("add", abi.result, abi.result, c), Ret()]


def fmuladd(abi, ext):
    a, b, c = abi.fargs[:3]
    return [FAlu("mul", abi.fresult, a, b), FAlu("add", abi.fresult, abi.fresult, c), Ret()]


CLOBBER_FRAME = 40


def clobber(abi, ext):
    """A callee that keeps what the Abi says a callee keeps, and clobbers all of that (and
    every temporary) in between."""
    saved = tuple(abi.saved) + tuple(abi.fsaved)
    out = [Prologue(CLOBBER_FRAME, saved)]
    out += [MovI(r, -0x5A5A5A5A5A5A5A5B) for r in abi.saved + abi.temps]
    out += [FMovI(f, -1.25e300) for f in abi.fsaved + abi.ftemps]
    out += [Store("i64", abi.saved[0], abi.sp, None, 0, CLOBBER_FRAME - 8),
            MovI(abi.result, 0), Epilogue(CLOBBER_FRAME, saved)]
    return out


def fkeep(abi, ext):
    """A callee that saves two float temporaries it is not obliged to, and clobbers them."""
    saved = tuple(abi.ftemps[-2:])
    return [Prologue(8, saved), *[FMovI(f, 3e-300) for f in saved], Epilogue(8, saved)]


def sp_mod16(abi, ext):
    """sp modulo 16 after a Prologue: 0 if the caller kept the stack aligned at the call."""
    return [Prologue(0), Lea(abi.result, abi.sp), AluI("and", abi.result, abi.result, 15),
            Epilogue(0)]


EXTERNS = {
    "floor": Extern("f", "f", symbol="floor", python=c_floor),
    "pow": Extern("ff", "f", symbol="pow", python=math.pow),
    "llabs": Extern("i", "i", symbol="llabs", python=abs),
    "sum3": Extern("iii", "i", build=sum3),
    "fmuladd": Extern("fff", "f", build=fmuladd),
    "clobber": Extern("", "i", build=clobber),
    "fkeep": Extern("", "i", build=fkeep),
    "sp_mod16": Extern("", "i", build=sp_mod16),
}

for x in (2.5, -2.5, -0.0, -0.5, NAN, -INF, 1e308, -5e-324):
    case(f"call/floor/{x!r}", lambda abi, ext: [
        Prologue(0), Call(ext["floor"]), Epilogue(0)], (x,), c_floor(x), externs=("floor",))
    case(f"callr/floor/{x!r}", lambda abi, ext: [
        Prologue(8), MovI(temps(abi, 1)[0], ext["floor"]), CallR(temps(abi, 1)[0]),
        Epilogue(8)], (x,), c_floor(x), externs=("floor",))
for x, y in ((2.0, 10.0), (2.0, 0.5), (-2.0, 3.0), (NAN, 0.0), (1.0, NAN), (10.0, 308.0),
             (-0.0, 3.0), (2.0, -1074.0)):
    case(f"call/pow/{x!r},{y!r}", lambda abi, ext: [
        Prologue(16, abi.saved[:1]), Call(ext["pow"]), Epilogue(16, abi.saved[:1])],
        (x, y), math.pow(x, y), externs=("pow",))
    case(f"call/patch/pow/{x!r},{y!r}", lambda abi, ext: [
        Prologue(0, abi.saved[:2]), Call(Patch("pow")), Epilogue(0, abi.saved[:2])],
        (x, y), math.pow(x, y), externs=("pow",))
for v in (-5, 5, INT64_MAX, -INT64_MAX):
    case(f"call/llabs/{v}", lambda abi, ext: [
        Prologue(24), Call(ext["llabs"]), Epilogue(24)], (v,), abs(v), externs=("llabs",))
case("call/nested", lambda abi, ext: [
    Prologue(8), MovI(abi.args[2], 1000), Call(ext["sum3"]), AluI("mul", abi.result,
                                                                   abi.result, 2),
    Epilogue(8)], (3, 4), 2014, externs=("sum3",))
case("call/nested/float", lambda abi, ext: [
    Prologue(0), FMovI(abi.fargs[2], 0.25), Call(ext["fmuladd"]),
    FAlu("add", abi.fresult, abi.fresult, abi.fresult), Epilogue(0)], (1.5, -3.0),
    (1.5 * -3.0 + 0.25) * 2, externs=("fmuladd",))
case("call/twice", lambda abi, ext: [
    Prologue(8, abi.saved[:1]), Call(ext["floor"]), FUnary("neg", abi.fargs[0], abi.fresult),
    Call(ext["floor"]), Epilogue(8, abi.saved[:1])], (2.5,), -2.0, externs=("floor",))


def keeps_saved(abi, ext):
    """Values in every callee-saved register survive a call that clobbers them all; the
    result mixes them all."""
    saved = tuple(abi.saved) + tuple(abi.fsaved)
    out = [Prologue(16, saved)]
    out += [MovI(r, 0x1001 * (k + 1)) for k, r in enumerate(abi.saved)]
    out += [FMovI(f, k + 0.5) for k, f in enumerate(abi.fsaved)]
    out += [Call(ext["clobber"]), MovI(abi.result, 0)]
    for r in abi.saved:
        out += [AluI("mul", abi.result, abi.result, 7), Alu("add", abi.result, abi.result, r)]
    for f in abi.fsaved:
        t = temps(abi, 1)[0]
        out += [FloatBits(t, f), AluI("mul", abi.result, abi.result, 7),
                Alu("xor", abi.result, abi.result, t)]
    return out + [Epilogue(16, saved)]


def keeps_saved_expect(abi):
    acc = 0
    for k in range(len(abi.saved)):
        acc = wrap(acc * 7 + 0x1001 * (k + 1))
    for k in range(len(abi.fsaved)):
        acc = wrap(acc * 7) ^ wrap(bits(k + 0.5))
    return acc


case("call/keeps-saved", keeps_saved, (), keeps_saved_expect, externs=("clobber",))
case("call/keeps-saved-floats", lambda abi, ext: [
    Prologue(0), FMovI(abi.ftemps[-1], 1.25), FMovI(abi.ftemps[-2], -7.5), Call(ext["fkeep"]),
    FAlu("sub", abi.fresult, abi.ftemps[-1], abi.ftemps[-2]), Epilogue(0)], (), 8.75,
    externs=("fkeep",))

def aligned(abi, n_saved, frame, call):
    """sp modulo 16 after a Prologue with n_saved registers and a frame, or that of a
    callee's after a call from there."""
    saved = (tuple(abi.saved) + tuple(abi.fsaved))[:n_saved]
    if call:
        return [Prologue(frame, saved), Call(call), Epilogue(frame, saved)]
    return [Prologue(frame, saved), Lea(abi.result, abi.sp),
            AluI("and", abi.result, abi.result, 15), Epilogue(frame, saved)]


for n_saved in range(0, 7):
    for frame in (0, 8, 16, 24, 100):
        case(f"frame/aligned/{n_saved}/{frame}",
             lambda abi, ext, n=n_saved, f=frame: aligned(abi, n, f, None), (), 0)
        case(f"frame/aligned-call/{n_saved}/{frame}",
             lambda abi, ext, n=n_saved, f=frame: aligned(abi, n, f, ext["sp_mod16"]), (), 0,
             externs=("sp_mod16",))


def frame_slots(abi, ext):
    """Frame slots from sp upward hold what is stored there, across a call."""
    out = [Prologue(48, abi.saved[:1])]
    out += [Store("i64", abi.args[k], abi.sp, None, 0, 8 * k) for k in range(3)]
    out += [Store("f64", abi.fargs[0], abi.sp, None, 0, 40), Call(ext["clobber"])]
    out += [Load("i64", abi.args[k], abi.sp, None, 0, 8 * k) for k in range(3)]
    t = temps(abi, 1)[0]
    out += [Call(ext["sum3"]), Load("f64", abi.fargs[1], abi.sp, None, 0, 40),
            FloatToInt(t, abi.fargs[1]), Alu("add", abi.result, abi.result, t)]
    return out + [Epilogue(48, abi.saved[:1])]


case("frame/slots", frame_slots, (1, 20, 300, 4000.0), 4321, externs=("clobber", "sum3"))


# --- every register --------------------------------------------------------------------------

def all_gprs(abi):
    return [r for r in abi.temps + abi.saved if r != abi.result]


def every_gpr(abi, ext):
    """A distinct value in every register the Abi lets code use; the result mixes them."""
    out = [Prologue(0, abi.saved)]
    out += [MovI(r, 0x10001 * (k + 3)) for k, r in enumerate(all_gprs(abi))]
    out.append(MovI(abi.result, 1))
    for r in all_gprs(abi):
        out += [AluI("mul", abi.result, abi.result, 31), Alu("add", abi.result, abi.result, r)]
    return out + [Epilogue(0, abi.saved)]


def every_gpr_expect(abi):
    acc = 1
    for k in range(len(all_gprs(abi))):
        acc = wrap(acc * 31 + 0x10001 * (k + 3))
    return acc


case("regs/every-gpr", every_gpr, (), every_gpr_expect)


def every_freg(abi, ext):
    regs = [f for f in abi.ftemps + abi.fsaved if f != abi.fresult]
    out = [Prologue(0, abi.fsaved)]
    out += [FMovI(f, k + 0.25) for k, f in enumerate(regs)]
    out.append(FMovI(abi.fresult, 0.0))
    for f in regs:
        out += [FAlu("add", abi.fresult, abi.fresult, abi.fresult),
                FAlu("add", abi.fresult, abi.fresult, f)]
    return out + [Epilogue(0, abi.fsaved)]


def every_freg_expect(abi):
    acc = 0.0
    for k in range(len([f for f in abi.ftemps + abi.fsaved if f != abi.fresult])):
        acc = acc + acc + (k + 0.25)
    return acc


case("regs/every-freg", every_freg, (), every_freg_expect)


def every_base(abi, ext):
    """Each register in turn as the base of a load (and as its destination)."""
    ptr = abi.args[0]
    regs = [r for r in all_gprs(abi) if r != ptr]
    acc = accumulator(abi, ptr, *regs)
    out = [Prologue(0, abi.saved), MovI(acc, 0)]
    for k, r in enumerate(regs):
        out += [Mov(r, ptr), Load("i64", r, r, None, 0, 8 * (k % 32)), Alu("xor", acc, acc, r)]
    return out + [Mov(abi.result, acc), Epilogue(0, abi.saved)]


def every_base_expect(abi):
    acc = 0
    for k in range(len([r for r in all_gprs(abi) if r != abi.args[0]])):
        acc ^= loaded("i64", 8 * (k % 32))
    return acc


case("regs/every-base", every_base, (), every_base_expect, memory=MEM)


def every_base_index(abi, ext):
    """Each register in turn as the base, with no offset (rbp and r13 need a disp8 on
    x86-64), alone and with the next register as the index."""
    ptr = abi.args[0]
    regs = [r for r in all_gprs(abi) if r != ptr]
    acc = accumulator(abi, ptr, *regs)
    out = [Prologue(0, abi.saved), MovI(acc, 0)]
    for k, r in enumerate(regs):
        q = regs[(k + 1) % len(regs)]
        out += [AluI("add", r, ptr, 8 * (k % 16)), Load("i64", q, r), Alu("add", acc, acc, q),
                AluI("add", r, ptr, 4), MovI(q, k % 16), Load("i32", q, r, q, 3),
                Alu("add", acc, acc, q)]
    return out + [Mov(abi.result, acc), Epilogue(0, abi.saved)]


def every_base_index_expect(abi):
    n = len([r for r in all_gprs(abi) if r != abi.args[0]])
    return wrap(sum(loaded("i64", 8 * (k % 16)) + loaded("i32", 4 + 8 * (k % 16))
                    for k in range(n)))


case("regs/every-base-index", every_base_index, (), every_base_index_expect, memory=MEM)


def every_index(abi, ext):
    ptr = abi.args[0]
    regs = [r for r in all_gprs(abi) if r != ptr]
    acc = accumulator(abi, ptr, *regs)
    out = [Prologue(0, abi.saved), MovI(acc, 0)]
    for k, r in enumerate(regs):
        out += [MovI(r, k % 16), Load("u32", r, ptr, r, 2, 3), Alu("add", acc, acc, r)]
    return out + [Mov(abi.result, acc), Epilogue(0, abi.saved)]


def every_index_expect(abi):
    n = len([r for r in all_gprs(abi) if r != abi.args[0]])
    return sum(loaded("u32", 4 * (k % 16) + 3) for k in range(n))


case("regs/every-index", every_index, (), every_index_expect, memory=MEM)


def every_byte_store(abi, ext):
    """Each register in turn stores its low byte (spl/bpl/sil/dil need a REX on x86-64)."""
    ptr = abi.args[0]
    out = [Prologue(0, abi.saved)]
    for k, r in enumerate(r for r in all_gprs(abi) + [abi.result] if r != ptr):
        out += [MovI(r, 0x7700 + k), Store("u8", r, ptr, None, 0, 64 + k)]
    return out + [MovI(abi.result, 7), Epilogue(0, abi.saved)]


def every_byte_store_after(abi):
    mem = bytearray(MEM)
    regs = [r for r in all_gprs(abi) + [abi.result] if r != abi.args[0]]
    for k in range(len(regs)):
        mem[64 + k] = k
    return bytes(mem)


case("regs/every-byte-store", every_byte_store, (), 7, memory=MEM,
     memory_after=every_byte_store_after)
case("regs/shift-rotations", lambda abi, ext: alu_rotations(abi, "shl", -0x123456789, 67),
     (), expect_rotations("shl", -0x123456789, 67))
case("regs/sar-rotations", lambda abi, ext: alu_rotations(abi, "sar", -0x123456789, -2),
     (), expect_rotations("sar", -0x123456789, -2))
case("regs/sub-rotations", lambda abi, ext: alu_rotations(abi, "sub", 5, 0x1000000001),
     (), expect_rotations("sub", 5, 0x1000000001))


# --- a composite: Lua's float modulo ---------------------------------------------------------

def lua_mod(abi, ext):
    a, b = abi.fargs[:2]
    t = ftemps(abi, 1, a, b)[0]
    return [FAlu("div", t, a, b), FRound("floor", t, t), FAlu("mul", t, t, b),
            FAlu("sub", abi.fresult, a, t), Ret()]


for a, b in ((5.5, 2.0), (-5.5, 2.0), (5.5, -2.0), (1.0, 0.0), (INF, 2.0), (-0.0, 2.0),
             (3.0, INF), (NAN, 1.0)):
    t = rounded("floor", a / b if b else math.copysign(INF, a)) * b
    case(f"luamod/{a!r},{b!r}", lua_mod, (a, b), a - t if t == t else NAN)


names = [c.name for c in CASES]
assert len(set(names)) == len(names), "case names repeat"
