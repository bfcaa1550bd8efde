"""The native tier's stencils: each supported opcode's machine code, with holes.

The data model is CPython's JIT's (STYLE.md item 7): a `Hole` (ir.Hole: offset, kind, name,
addend) is a place in machine code that a value fills when the code is copied; a `Stencil` is
the bytes of one piece of code with its holes; a `StencilGroup` is the stencils of one opcode,
by variant (a forward or backward branch, the kind of callee). Each stencil is written once,
below, as a program of ir.py records with `Patch` immediates, and assembled once per target,
lazily (`table(target)`), by that target's encoder. The backend (backend.py) copies stencils
one after another and fills their holes with the encoder's patch functions.

Which opcodes have stencils is derived from the one opcode table (bytecode/opcodes.py): an
arithmetic, unary, constant, comparison or test opcode is recognised by its semantics line
(`R(A) := R(B) + N(C)`, `if not (R(A) < R(D)) then JMP`, ...), so its operands and operation
come from the table itself; loops, jumps, returns and calls are the table's FORI, FORL, LOOP,
JMP, RET0, RET1, RET, RETM, CALL and CALLT, and the function entry its FUNCF entry.

Conventions every stencil keeps (the frame model of backend.py):

- Lua register r lives in an 8-byte slot at BASE + 8 * (r + 1), a double (a boolean as 0.0
  or 1.0); BASE itself is the function's slot, where its results go (result i at
  BASE + 8 * i), as LuaJIT puts a frame's results at its function slot. A callee's frame
  starts at the slot of the register that holds it.
- BASE and CTX (the context block: CTX_TICKS, CTX_DEPTH, CTX_FRAME_END, ..., int64 each) stay in
  two callee-saved registers from the entry on; stencils keep no other value in a register
  from one instruction to the next, so every instruction boundary is a place to leave.
- A function returns an int64 status: >= 0, the pc of the return that returned (its results
  are in place); < 0, an exit, `~(pc << 2 | kind)`: the interpreter goes on at pc, every
  register written back. A callee's exit is the caller's EXIT_CALL exit at its call, with the
  callee's status stored in the caller's slot of the callee.

Hole names: a slot offset of register A, A+1, A+2, A+3, B, C or D is "A", "A1", "A2", "A3",
"B", "C", "D" (8 * (register + 1)); "K" a constant's 64 bits; "target" the address of a jump
target; "exit" and "stack" those of exit stubs; "fn" a called function's address; "status"
a returned status; "frame" the bytes of a frame (8 * (framesize + 1)).
"""

import functools
import re
from typing import Dict, NamedTuple, Optional, Tuple

from ...bytecode.opcodes import BY_NAME, ENTRIES, OPCODES
from .ir import (
    Abi, Alu, AluI, Branch, Call, CallR, Epilogue, FAlu, FBranch, FMovI, FReg, FRound, FUnary,
    Hole, Jump, Label, Load, Mov, MovI, Patch, Prologue, Reg, Store)

SLOT = 8
CTX_TICKS, CTX_DEPTH, CTX_FRAME_END = 0, 8, 16     # int64 fields of the context block
CTX_TEMP = 24                                      # a word a stencil keeps across a call
CTX_TICKED = 32                                    # the address of the tick handler
CTX_SIGNALS = 40                                   # PyErr_CheckSignals' (0: none)
CTX_WORDS = 6
EXIT_TICK, EXIT_STACK, EXIT_CALL = 0, 1, 2         # the kinds of exit, in a status's low bits
ONE_BITS = 0x3FF0000000000000                      # the double 1.0: a true boolean's slot


def slot(register: int) -> int:
    """The byte offset of a register's slot from BASE."""
    return SLOT * (register + 1)


def exit_status(pc: int, kind: int) -> int:
    return ~(pc << 2 | kind)


class Stencil(NamedTuple):
    """Machine code with holes: the bytes a copy starts from. `patches` has, per hole, its
    offset, the target's patch function for its kind (encoder.PATCHERS), its name and its
    addend: what copying needs, looked up once."""

    code: bytes
    holes: Tuple[Hole, ...]
    patches: tuple


class StencilGroup(NamedTuple):
    """The stencils of one opcode (or entry, or piece of the tier's own), by variant."""

    name: str
    variants: Dict[str, Stencil]


class Regs(NamedTuple):
    """The registers stencils use, chosen from a target's Abi."""

    abi: Abi
    base: Reg       # the frame (callee-saved)
    ctx: Reg        # the context block (callee-saved)
    t0: Reg
    t1: Reg
    f: Tuple[FReg, ...]     # four float temporaries


def registers(abi: Abi) -> Regs:
    ints = [r for r in abi.temps if r not in (abi.result,) + abi.args[:2]]
    return Regs(abi, abi.saved[0], abi.saved[1], ints[0], ints[1], abi.ftemps[:4])


def frame_saved(R: Regs) -> tuple:
    return (R.base, R.ctx)


# --- pieces ---------------------------------------------------------------------------------

def load(R: Regs, f: FReg, name: str):
    """A float operand: a register's slot, or the constant K."""
    if name == "K":
        return FMovI(f, Patch("K"))
    return Load("f64", f, R.base, None, 0, Patch(name))


def store(R: Regs, f: FReg, name: str = "A"):
    return Store("f64", f, R.base, None, 0, Patch(name))


def ctx_add(R: Regs, field: int, amount: int) -> list:
    """ctx[field] += amount, the result left in t0."""
    return [Load("i64", R.t0, R.ctx, None, 0, field), AluI("add", R.t0, R.t0, amount),
            Store("i64", R.t0, R.ctx, None, 0, field)]


def tick(R: Regs) -> list:
    """A function entry or loop back-edge takes a tick. None left: Python's pending signal
    handlers run (PyErr_CheckSignals: an exception they raise leaves by the "exit" stub,
    set, for ctypes to raise), then the tick handler (`ticked(ctx)`, backend.py) charges
    the ticks and gives those to go on with, or -1 to leave (a limit reached, a hook)."""
    a0, result = R.abi.args[0], R.abi.result
    return ctx_add(R, CTX_TICKS, -1) + [
        Branch("ge", R.t0, 0, "ticks"),
        Load("i64", R.t1, R.ctx, None, 0, CTX_SIGNALS), Branch("eq", R.t1, 0, "handler"),
        CallR(R.t1), AluI("shl", R.t0, result, 32),         # (an int: -1 or 0)
        Branch("ne", R.t0, 0, Patch("exit")),
        Label("handler"),
        Mov(a0, R.ctx), Load("i64", R.t1, R.ctx, None, 0, CTX_TICKED), CallR(R.t1),
        Branch("lt", result, 0, Patch("exit")),
        Store("i64", result, R.ctx, None, 0, CTX_TICKS),
        Label("ticks")]


def goto(R: Regs, backward: bool) -> list:
    """Go to "target"; a jump back ticks first."""
    return (tick(R) if backward else []) + [Jump(Patch("target"))]


def branch(R: Regs, test, backward: bool) -> list:
    """A conditional jump to "target". test(goal) gives records that go to goal when the
    jump is taken and fall through when not."""
    if not backward:
        return test(Patch("target"))
    return test("taken") + [Jump("fall"), Label("taken"), *goto(R, True), Label("fall")]


# --- opcodes recognised by their semantics line ----------------------------------------------

_BINARY = re.compile(r"R\(A\) := (R\([BC]\)|N\(C\)) ([-+*/%^]) (R\([BC]\)|N\(C\))$")
_UNARY = re.compile(r"R\(A\) := (-|not )?R\(D\)$")
_CONSTANT = re.compile(r"R\(A\) := (D|N\(D\)|P\(D\))( |$)")
_COMPARE = re.compile(r"if (not \()?R\(A\) (<|<=|==|~=) (R\(D\)|N\(D\)|P\(D\))\)? then JMP$")
_TEST = re.compile(r"if (not )?R\(D\) then JMP$")
_NILS = re.compile(r"R\(A\) \.\. R\(D\) := nil$")
_GUARDED = re.compile(r"R\(A\) := (U\(D\)|_ENV\[K\(D\)\]|R\(B\)\[K\(C\)\])$")
_INDEX = re.compile(r"R\(A\) := R\(B\)\[(R\(C\)|C)\]$")
_NEWINDEX = re.compile(r"R\(B\)\[(R\(C\)|K\(C\)|C)\] := R\(A\)$")
FLOAT_OP = {"+": "add", "-": "sub", "*": "mul", "/": "div"}
FLOAT_COND = {"<": "lt", "<=": "le", "==": "eq", "~=": "ne"}


def operand(text: str) -> str:
    """A hole name for an operand of a semantics line: "B", "C" or "D", "K" for N(..)."""
    return "K" if text.startswith("N(") else text[2]


class Shape(NamedTuple):
    """What an opcode does, as the native tier sees it (from its semantics line)."""

    kind: str           # binary, unm, not, mov, constant, nils, guarded, compare, test, or
                        # the opcode's name
    # guarded: `left` is "U" (an upvalue), "_" (a global) or "R" (a field of R(B))
    op: str = ""        # binary: + - * / % ^; compare: its float condition
    left: str = ""      # binary: operand hole names; compare: the right one in `right`
    right: str = ""
    negate: bool = False


def shape(o) -> Optional[Shape]:
    m = _BINARY.match(o.semantics)
    if m:
        return Shape("binary", m.group(2), operand(m.group(1)), operand(m.group(3)))
    m = _UNARY.match(o.semantics)
    if m:
        return Shape({"-": "unm", "not ": "not", None: "mov"}[m.group(1)])
    m = _CONSTANT.match(o.semantics)
    if m:
        return Shape("constant")
    m = _COMPARE.match(o.semantics)
    if m:
        right = "P" if m.group(3).startswith("P(") else operand(m.group(3))
        return Shape("compare", FLOAT_COND[m.group(2)], "A", right, bool(m.group(1)))
    m = _TEST.match(o.semantics)
    if m:
        return Shape("test", negate=bool(m.group(1)))
    if _NILS.match(o.semantics):
        return Shape("nils")
    m = _GUARDED.match(o.semantics)
    if m:       # an upvalue, a global, a table's field: read behind an identity guard
        return Shape("guarded", left=m.group(1)[0])
    m = _INDEX.match(o.semantics) or _NEWINDEX.match(o.semantics)
    if m:       # a table's entry (and a field that is not a known function or table)
        kind = "index" if m.re is _INDEX else "newindex"
        return Shape(kind, right="R" if m.group(1).startswith("R") else "K")
    if o.name in CONTROL:
        return Shape(MULTRES_CALLS.get(o.name, o.name))
    return None


CONTROL = ("FORI", "FORL", "LOOP", "JMP", "RET0", "RET1", "RET", "RETM", "CALL", "CALLT",
           "CALLM", "CALLMT")
# a call whose last arguments are all the results of the call before it: native where that
# call's results are known, so it is a call of a known number of arguments
MULTRES_CALLS = {"CALLM": "CALL", "CALLMT": "CALLT"}
SHAPES = {o.code: s for o in OPCODES for s in (shape(o),) if s is not None}

# What the table must give (LuaJIT's order invariants, checked at import as STYLE.md asks):
# the 15 arithmetic opcodes and POW, both compare families, all control ones.
assert sum(s.kind == "binary" for s in SHAPES.values()) == 16
assert sum(s.kind == "compare" for s in SHAPES.values()) == 10
assert {s.kind for s in SHAPES.values()} >= (set(CONTROL) - set(MULTRES_CALLS)) | {
    "unm", "not", "mov", "constant", "nils", "test"}
assert sorted(s.left for s in SHAPES.values() if s.kind == "guarded") == ["R", "U", "_"]
assert all(BY_NAME[name].code in SHAPES for name in CONTROL) and "FUNCF" in ENTRIES


# --- the programs ---------------------------------------------------------------------------

def binary(R: Regs, s: Shape) -> list:
    f0, f1, f2 = R.f[:3]
    if s.op == "^":         # through libm's pow: arguments and result in the Abi's registers
        x, y = R.abi.fargs[:2]
        return [load(R, x, s.left), load(R, y, s.right), Call(Patch("fn")),
                store(R, R.abi.fresult)]
    out = [load(R, f0, s.left), load(R, f1, s.right)]
    if s.op == "%":         # a - floor(a / b) * b, as the interpreter (its mod() included)
        out += [FAlu("div", f2, f0, f1), FRound("floor", f2, f2), FAlu("mul", f2, f2, f1),
                FAlu("sub", f0, f0, f2)]
    else:
        out.append(FAlu(FLOAT_OP[s.op], f0, f0, f1))
    return out + [store(R, f0)]


def set_constant(R: Regs) -> list:
    """R(A) := the 64 bits K (a number, or a boolean's 0.0 / 1.0)."""
    return [MovI(R.t0, Patch("K")), Store("i64", R.t0, R.base, None, 0, Patch("A"))]


def move(R: Regs) -> list:
    """R(A) := R(D), any type's slot (also a result into place: A is then its offset)."""
    return [Load("i64", R.t0, R.base, None, 0, Patch("D")),
            Store("i64", R.t0, R.base, None, 0, Patch("A"))]


def compare(R: Regs, s: Shape, backward: bool) -> list:
    """ISLT and friends on floats (booleans too for == and ~=): an unordered pair makes
    lt, le and eq false and ne true, so the negated ones (ISGE, ISGT) jump on NaN."""
    f0, f1 = R.f[:2]
    operands = [load(R, f0, "A"), load(R, f1, s.right)]
    if not s.negate:
        return operands + branch(R, lambda goal: [FBranch(s.op, f0, f1, goal)], backward)
    # not (a < b): over the jump when a < b
    return operands + [FBranch(s.op, f0, f1, "fall"), *goto(R, backward), Label("fall")]


def test_bool(R: Regs, when_true: bool, backward: bool) -> list:
    """Jump when the boolean in slot D is true (or false)."""
    cond = "ne" if when_true else "eq"
    return [Load("i64", R.t0, R.base, None, 0, Patch("D"))] + branch(
        R, lambda goal: [Branch(cond, R.t0, 0, goal)], backward)


def numeric_for(R: Regs, prepare: bool) -> list:
    """FORI (prepare) and FORL as the opcode table's templates: x := (x - s) + s at FORI,
    x := x + s at FORL; go on while x <= limit for a step > 0, else while limit <= x (a NaN
    step counts down; NaN anywhere stops)."""
    f0, f1, f2, f3 = R.f
    out = [load(R, f0, "A"), load(R, f1, "A1"), load(R, f2, "A2")]
    if prepare:
        out += [FAlu("sub", f0, f0, f2), FAlu("add", f0, f0, f2)]
    else:
        out.append(FAlu("add", f0, f0, f2))
    out += [FMovI(f3, 0.0), FBranch("gt", f2, f3, "up"),
            FBranch("le", f1, f0, "go"), Jump("stop"),
            Label("up"), FBranch("le", f0, f1, "go"),
            Label("stop")]
    if prepare:     # no iteration: to the loop's end
        return out + [Jump(Patch("target")), Label("go"), store(R, f0), store(R, f0, "A3")]
    return out + [Jump("done"), Label("go"), store(R, f0), store(R, f0, "A3"),
                  *goto(R, True), Label("done")]


def call_native(R: Regs) -> list:
    """Call a native function on the frame from R(A)'s slot; its exit is ours ("exit")."""
    abi = R.abi
    return [MovI(R.t0, Patch("A")), Alu("add", abi.args[0], R.base, R.t0),
            Mov(abi.args[1], R.ctx), Call(Patch("fn")), Branch("lt", abi.result, 0,
                                                               Patch("exit"))]


def call_libm(R: Regs, nargs: int) -> list:
    """R(A) := fn(R(A+1) [, R(A+2)]), a C function of doubles."""
    loads = [load(R, R.abi.fargs[i], "A%d" % (i + 1)) for i in range(nargs)]
    return loads + [Call(Patch("fn")), store(R, R.abi.fresult)]


def call_inline(R: Regs, intrinsic: str) -> list:
    """R(A) := math.sqrt/abs/floor/ceil(R(A+1)), math.min/max(R(A+1), R(A+2))."""
    f0, f1 = R.f[:2]
    out = [load(R, f0, "A1")]
    if intrinsic in ("min", "max"):
        out += [load(R, f1, "A2"), FAlu(intrinsic, f0, f0, f1)]
    elif intrinsic in ("floor", "ceil"):
        out.append(FRound(intrinsic, f0, f0))
    else:
        out.append(FUnary(intrinsic, f0, f0))
    return out + [store(R, f0)]


INLINE = ("sqrt", "abs", "floor", "ceil", "min", "max")


def entry(R: Regs) -> list:
    """FUNCF: keep BASE and CTX; a call deeper than CTX_DEPTH allows, or a frame past
    CTX_FRAME_END, leaves at once ("stack"); then the entry's tick."""
    abi = R.abi
    return ([Prologue(0, frame_saved(R)), Mov(R.base, abi.args[0]), Mov(R.ctx, abi.args[1])]
            + ctx_add(R, CTX_DEPTH, -1) + [Branch("lt", R.t0, 0, Patch("stack")),
                                           MovI(R.t1, Patch("frame")),
                                           Alu("add", R.t1, R.base, R.t1),
                                           Load("i64", R.t0, R.ctx, None, 0, CTX_FRAME_END),
                                           Branch("gtu", R.t1, R.t0, Patch("stack"))]
            + tick(R))


def leave(R: Regs) -> list:
    """Return "status" (the results are in place): the depth the entry took comes back."""
    return ctx_add(R, CTX_DEPTH, 1) + [MovI(R.abi.result, Patch("status")),
                                        Epilogue(0, frame_saved(R))]


def exit_stub(R: Regs, from_call: bool) -> list:
    """Leave with "status"; after a callee's exit, its status goes to its slot first."""
    result = R.abi.result
    keep = [Store("i64", result, R.base, None, 0, Patch("A"))] if from_call else []
    return keep + [MovI(result, Patch("status")), Epilogue(0, frame_saved(R))]


# --- tables (on CPython: cpython.py) ----------------------------------------------------

def table_lookup(R: Regs, api, base: str, key: str) -> list:
    """The entry of table and key, PyDict_GetItem's borrowed reference, in the Abi's result
    register (none: the "exit" stub). The table is R(B)'s pointer ("slot") or the object
    "table"; the key R(C)'s number, through the scratch float, or the object "key"."""
    a0, a1 = R.abi.args[:2]
    out = ([Load("i64", R.t0, R.base, None, 0, Patch("B"))] if base == "slot" else
           [MovI(R.t0, Patch("table"))])
    out.append(Load("i64", a0, R.t0, None, 0, api.HASH))
    if key == "slot":
        out += [load(R, R.f[0], "C"), MovI(a1, api.SCRATCH_ADDRESS),
                Store("f64", R.f[0], a1, None, 0, api.FLOAT_VALUE)]
    else:
        out.append(MovI(a1, Patch("key")))
    return out + [Call(api.API["PyDict_GetItem"]),
                  Branch("eq", R.abi.result, 0, Patch("exit"))]


def is_type(R: Regs, api, obj: Reg, address: int) -> list:
    """Leave by "exit" unless the object at obj is of the type at address."""
    return [Load("i64", R.t0, obj, None, 0, api.OB_TYPE), MovI(R.t1, address),
            Branch("ne", R.t0, R.t1, Patch("exit"))]


def table_get(R: Regs, api, base: str, key: str, value: str) -> list:
    """R(A) := the entry, a number (its double) or a table (its pointer)."""
    result = R.abi.result
    out = table_lookup(R, api, base, key)
    if value == "number":
        return out + is_type(R, api, result, api.FLOAT_TYPE) + [
            Load("f64", R.f[0], result, None, 0, api.FLOAT_VALUE), store(R, R.f[0])]
    return out + is_type(R, api, result, api.TABLE_TYPE) + [
        Store("i64", result, R.base, None, 0, Patch("A"))]


def table_set(R: Regs, api, base: str, key: str) -> list:
    """The entry := R(A)'s number, over a number already there: in place where the table
    holds the only reference to that float, else a new one through PyDict_SetItem."""
    result, abi = R.abi.result, R.abi
    a0, a1, a2 = abi.args[:3]
    out = table_lookup(R, api, base, key) + is_type(R, api, result, api.FLOAT_TYPE)
    out += [Load("i64", R.t0, result, None, 0, api.OB_REFCNT), Branch("ne", R.t0, 1, "shared"),
            load(R, R.f[0], "A"), Store("f64", R.f[0], result, None, 0, api.FLOAT_VALUE),
            Jump("done"),
            Label("shared"), load(R, abi.fargs[0], "A"), Call(api.API["PyFloat_FromDouble"]),
            Branch("eq", result, 0, Patch("exit")),     # (MemoryError set: ctypes raises it)
            Store("i64", result, R.ctx, None, 0, CTX_TEMP)]
    out += ([Load("i64", R.t0, R.base, None, 0, Patch("B"))] if base == "slot" else
            [MovI(R.t0, Patch("table"))])
    out += [Load("i64", a0, R.t0, None, 0, api.HASH),
            MovI(a1, api.SCRATCH_ADDRESS) if key == "slot" else MovI(a1, Patch("key")),
            Load("i64", a2, R.ctx, None, 0, CTX_TEMP), Call(api.API["PyDict_SetItem"]),
            Load("i64", a0, R.ctx, None, 0, CTX_TEMP), Call(api.API["Py_DecRef"]),
            Label("done")]
    return out


def table_groups(R: Regs) -> Dict[str, Dict[str, list]]:
    """TGET and TSET by "base.key[.value]" (see table_lookup), where CPython's are."""
    from . import cpython as api
    if api.reason is not None:
        return {}
    ways = [(base, key) for base in ("slot", "table") for key in ("slot", "key")]
    # (an entry is read as a table where the table is known: backend's entry_type)
    return {"TGET": {"%s.%s.%s" % (b, k, v): table_get(R, api, b, k, v)
                     for b, k in ways for v in ("number", "table") if b == "table" or
                     v == "number"},
            "TSET": {"%s.%s" % (b, k): table_set(R, api, b, k) for b, k in ways}}


def groups(R: Regs) -> Dict[str, Dict[str, list]]:
    """Every stencil's program, by group and variant."""
    out: Dict[str, Dict[str, list]] = {}
    for code, s in SHAPES.items():
        name = OPCODES[code].name
        if s.kind == "binary":
            out[name] = {"": binary(R, s)}
        elif s.kind == "unm":
            out[name] = {"": [load(R, R.f[0], "D"), FUnary("neg", R.f[0], R.f[0]),
                              store(R, R.f[0])]}
        elif s.kind == "not":       # of a boolean: 1 - x; of anything else a constant
            f0, f1 = R.f[:2]
            out[name] = {"bool": [load(R, f0, "D"), FMovI(f1, 1.0), FAlu("sub", f0, f1, f0),
                                  store(R, f0)], "constant": set_constant(R)}
        elif s.kind == "mov":
            out[name] = {"": move(R)}
        elif s.kind == "constant":
            out[name] = {"": set_constant(R)}
        elif s.kind == "compare" and s.right == "P":    # a boolean against true or false
            out[name] = {"%s.%s" % (when, way): test_bool(R, when == "true", way == "back")
                         for when in ("true", "false") for way in ("fwd", "back")}
        elif s.kind == "compare":
            out[name] = {way: compare(R, s, way == "back") for way in ("fwd", "back")}
        elif s.kind == "test":
            out[name] = {way: test_bool(R, not s.negate, way == "back")
                         for way in ("fwd", "back")}
        elif s.kind in ("FORI", "FORL"):
            out[name] = {"": numeric_for(R, s.kind == "FORI")}
        elif s.kind == "JMP":
            out[name] = {way: goto(R, way == "back") for way in ("fwd", "back")}
        elif s.kind == "CALL":      # (CALLM's are CALL's)
            out[s.kind] = {"native": call_native(R), "libm1": call_libm(R, 1),
                           "libm2": call_libm(R, 2),
                           **{fn: call_inline(R, fn) for fn in INLINE}}
        elif s.kind == "CALLT":     # to itself: a jump to its start, a function entry
            out[s.kind] = {"self": goto(R, True)}
    out.update(table_groups(R))
    out["FUNCF"] = {"": entry(R)}
    out["LEAVE"] = {"": leave(R)}
    out["EXIT"] = {"": exit_stub(R, False), "call": exit_stub(R, True)}
    return out


@functools.lru_cache(maxsize=None)
def table(target: str) -> Dict[str, StencilGroup]:
    """The stencils of a target ("x64" or "arm64"), assembled on first use; the host's with
    the features its CPU has."""
    from . import cpu_features, encoder, host_target
    enc = encoder(target)
    features = cpu_features() if target == host_target() else {}
    R = registers(enc.ABI)
    out = {}
    for name, variants in groups(R).items():
        stencils = {}
        for variant, program in variants.items():
            code = enc.assemble(program, **features)
            patches = tuple((h.offset, enc.PATCHERS[h.kind], h.name, h.addend)
                            for h in code.holes)
            stencils[variant] = Stencil(code.data, code.holes, patches)
        out[name] = StencilGroup(name, stencils)
    return out
