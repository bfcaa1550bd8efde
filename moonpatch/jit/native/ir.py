"""The native tier's machine-level IR, in the manner of Ejit.

A program is an iterable of instruction records. Records name real machine registers
(`Reg(n)`, `FReg(n)` with the hardware's own numbers); the target's `Abi` (in x64.py and
arm64.py) says which of them carry arguments and results, which a call may clobber and which
it keeps, so code above this layer picks registers from the Abi and stays portable.

Immediates that are not known when a stencil is assembled are `Patch(name)`: the encoder
emits a fixed-width form for them and reports a `Hole` where the value goes, so the stencil's
bytes can be copied and patched per function.
"""

from typing import NamedTuple, Optional, Tuple, Union


class EncodeError(ValueError):
    """A record an encoder cannot encode (bad operand type, range or name), or a hole that
    cannot take its value; both encoders raise it."""


def check(ok: bool, message: str) -> None:
    """The encoders' test of an operand: EncodeError(message) unless ok."""
    if not ok:
        raise EncodeError(message)


class Reg(NamedTuple):
    """A general-purpose (integer, pointer) register, by its hardware number."""

    n: int


class FReg(NamedTuple):
    """A floating-point register (an SSE2 xmm register, an AArch64 d register)."""

    n: int


class Patch(NamedTuple):
    """An immediate or address filled in when a stencil is copied (see Hole)."""

    name: str


Imm = Union[int, Patch]
Target = Union[int, str, Patch]     # a label name, or an absolute address

# Operations, each checked by the encoders at assembly.
INT_OPS = ("add", "sub", "mul", "and", "or", "xor", "shl", "shr", "sar")
FLOAT_OPS = ("add", "sub", "mul", "div", "min", "max")
FLOAT_UNARY = ("mov", "neg", "abs", "sqrt")
ROUNDINGS = ("floor", "ceil", "trunc")
# Signed and unsigned integer conditions.
INT_CONDS = ("eq", "ne", "lt", "le", "gt", "ge", "ltu", "leu", "gtu", "geu")
# Float conditions follow IEEE 754: an unordered pair (a NaN) makes every one false but
# "ne", so `not (a < b)` and `a >= b` differ exactly as they do in Lua.
FLOAT_CONDS = ("eq", "ne", "lt", "le", "gt", "ge")
# Memory widths; loads of narrow integers extend by sign (i) or zero (u) to 64 bits.
INT_WIDTHS = ("i8", "u8", "i16", "u16", "i32", "u32", "i64")
FLOAT_WIDTHS = ("f32", "f64")
WIDTH_BYTES = {"i8": 1, "u8": 1, "i16": 2, "u16": 2, "i32": 4, "u32": 4, "i64": 8,
               "f32": 4, "f64": 8}


# --- positions ----------------------------------------------------------------------------

class Label(NamedTuple):
    """Marks the position of the next instruction; branches name it."""

    name: str


# --- integer moves and arithmetic (64-bit) --------------------------------------------------

class Mov(NamedTuple):
    dst: Reg
    src: Reg


class MovI(NamedTuple):
    """dst := imm (any 64-bit value; a Patch gives a full-width hole)."""

    dst: Reg
    imm: Imm


class Alu(NamedTuple):
    """dst := a <op> b; shifts take b modulo 64."""

    op: str
    dst: Reg
    a: Reg
    b: Reg


class AluI(NamedTuple):
    """dst := a <op> imm; a shift's count is 0..63."""

    op: str
    dst: Reg
    a: Reg
    imm: int


# --- memory: base + (index << shift) + offset ---------------------------------------------

class Load(NamedTuple):
    """dst := memory[base + (index << shift) + offset] of `width` (FReg for f32/f64; an f32
    is converted to the double the FReg holds). A Patch offset (no index then) is a hole
    for a non-negative multiple of the width below 4096 widths: a stencil's frame slot."""

    width: str
    dst: Union[Reg, FReg]
    base: Reg
    index: Optional[Reg] = None
    shift: int = 0
    offset: Union[int, Patch] = 0


class Store(NamedTuple):
    """memory[base + (index << shift) + offset] := src, `width` bytes of it (an f32 store
    rounds the double in the FReg to single precision). A Patch offset as for Load."""

    width: str
    src: Union[Reg, FReg]
    base: Reg
    index: Optional[Reg] = None
    shift: int = 0
    offset: Union[int, Patch] = 0


class Lea(NamedTuple):
    """dst := base + (index << shift) + offset."""

    dst: Reg
    base: Reg
    index: Optional[Reg] = None
    shift: int = 0
    offset: int = 0


# --- doubles (SSE2 / NEON scalar) ----------------------------------------------------------

class FAlu(NamedTuple):
    """dst := a <op> b on doubles. min is `b < a ? b : a` and max `b > a ? b : a`, NaN
    included (lua5.1's math.min/max), whatever the target's own instructions do."""

    op: str
    dst: FReg
    a: FReg
    b: FReg


class FUnary(NamedTuple):
    op: str
    dst: FReg
    src: FReg


class FMovI(NamedTuple):
    """dst := a double constant (a Patch holds its 64 bits)."""

    dst: FReg
    value: Union[float, Patch]


class FRound(NamedTuple):
    """dst := src rounded to an integral double (floor, ceil, trunc)."""

    mode: str
    dst: FReg
    src: FReg


class IntToFloat(NamedTuple):
    """dst := the signed 64-bit integer src as a double."""

    dst: FReg
    src: Reg


class FloatToInt(NamedTuple):
    """dst := src truncated toward zero to a signed 64-bit integer (out of range: the
    target's own answer, which callers must not rely on)."""

    dst: Reg
    src: FReg


class FloatBits(NamedTuple):
    """dst := the 64 bits of the double src."""

    dst: Reg
    src: FReg


class BitsFloat(NamedTuple):
    """dst := the double whose 64 bits are src."""

    dst: FReg
    src: Reg


# --- compares and branches -----------------------------------------------------------------

class SetCond(NamedTuple):
    """dst := 1 if `a cond b` on integers else 0."""

    cond: str
    dst: Reg
    a: Reg
    b: Reg


class FSetCond(NamedTuple):
    """dst := 1 if `a cond b` on doubles else 0."""

    cond: str
    dst: Reg
    a: FReg
    b: FReg


class Jump(NamedTuple):
    target: Target


class Branch(NamedTuple):
    """Go to target if `a cond b` on integers (b a register or a small immediate)."""

    cond: str
    a: Reg
    b: Union[Reg, int]
    target: Target


class FBranch(NamedTuple):
    """Go to target if `a cond b` on doubles."""

    cond: str
    a: FReg
    b: FReg
    target: Target


# --- calls and frames ----------------------------------------------------------------------

class Call(NamedTuple):
    """Call an absolute address (a Patch for one known only when the stencil is copied).
    Arguments are already in the Abi's argument registers; caller-saved ones are lost."""

    target: Union[int, Patch]


class CallR(NamedTuple):
    target: Reg


class Prologue(NamedTuple):
    """Entry of a function: saves `saved` (any registers the code wants kept: the
    callee-saved ones it uses, and others it chooses) and reserves `frame` bytes of stack,
    addressed from the Abi's stack pointer upward."""

    frame: int
    saved: Tuple[Union[Reg, FReg], ...] = ()


class Epilogue(NamedTuple):
    """Undoes the matching Prologue and returns (the result in the Abi's result register)."""

    frame: int
    saved: Tuple[Union[Reg, FReg], ...] = ()


class Ret(NamedTuple):
    """Return with no frame (a leaf that made no Prologue)."""


# --- what encoders produce ----------------------------------------------------------------

class Hole(NamedTuple):
    """A place in assembled bytes to patch: `kind` names the encoding (e.g. "abs64",
    "rel32", "disp32", "a64_movw", "a64_b26", "a64_ldst12"), `name` the Patch or external
    label it stands for, and addend what is added to the value before it is written."""

    offset: int
    kind: str
    name: str
    addend: int = 0


class Code(NamedTuple):
    """Assembled machine code: its bytes, label offsets, and the holes left to patch."""

    data: bytes
    labels: dict
    holes: Tuple[Hole, ...]


class Abi(NamedTuple):
    """A target's calling convention, by register (see x64.ABI and arm64.ABI)."""

    name: str
    args: Tuple[Reg, ...]         # integer arguments, in order
    fargs: Tuple[FReg, ...]       # double arguments, in order
    result: Reg
    fresult: FReg
    temps: Tuple[Reg, ...]        # free for code, clobbered by calls
    saved: Tuple[Reg, ...]        # kept across calls (save them in the Prologue)
    ftemps: Tuple[FReg, ...]
    fsaved: Tuple[FReg, ...]
    sp: Reg
    scratch: Tuple[Union[Reg, FReg], ...]   # the encoder's own; programs never name them
