"""The native backend: a numeric Lua function as machine code, by copy and patch.

`compile(proto, args, closure=None)` makes a `NativeFunction` of a prototype for arguments of
the types `args` has (numbers, booleans, and functions by identity), or raises `NotNative`
with the reason (`unsupported opcode GGET at pc 7`). Calling it runs the machine code and
returns Lua's results as a list; where the machine code cannot go on, the interpreter does.

- Frame. A native function works on a frame of 8-byte slots in memory, one per Lua
  register, after the function's own slot (stencils.py: register r at BASE + 8 * (r + 1)).
  A slot holds a double; a boolean is 0.0 or 1.0, its type known statically. Each register's
  type at each instruction comes from an abstract interpretation (`Analysis`), which is the
  optimizer's (jit/hints.py: floats from constants, arithmetic and loops) plus booleans, nil,
  the results of calls, and functions and tables known by identity: an argument, or what an
  upvalue, a global or a field of a known table holds (`local function fib` calling itself,
  math.sqrt). Native code runs no Lua code, so none of those changes while it runs: the
  entry from Python checks them (`guards`) and interprets a call where one differs. A nil
  or a known value has no slot content; a register of no known type is never read (such
  code is refused).
- Calls. A callee's frame starts at the slot of the register that holds it (its arguments
  are already in place, as the bytecode put them), so a call is the native `call` of the
  callee's entry with BASE + 8 * (A + 1), and the callee's results land in R(A)... . A callee
  is compiled for the argument types its call site has (recursion: the function itself, with
  the result types assumed from its other returns and then checked). A tail call to itself
  is a jump to its start; a call for all results is native where a RETM returns them.
  math.sqrt/abs/floor/ceil/min/max are instructions; sin, cos, exp, log, fmod, pow (and `^`)
  are libm calls.
- Return protocol. The machine code returns an int64 status (stencils.py): >= 0, the pc of
  the return whose results are at the frame's start; < 0, an exit at a pc, with every
  register in its slot. Exits: a tick that finds the context's counter below zero (function
  entries and jumps back tick, as in every tier: limits.TICKS goes into the context and comes
  back), a call deeper than MAX_DEPTH or a frame past the frame stack's end. A callee's exit is
  its caller's exit at the call, the callee's status kept in the caller's slot of it, so the
  Python side finds every frame of the chain. It reads their registers back as Lua values,
  then resumes them in the interpreter innermost first (execute_resume, the protocol of
  tier 1's Deopt): each caller goes on after its call with the results of its callee.
- Stencils (stencils.py) are assembled once per target; compiling a function lays out the
  stencils of its instructions, then copies each into one buffer and fills its holes with
  the encoder's patch functions, and loads the buffer into executable pages (pages.py).
"""

import ctypes
import functools
import struct
import threading
from typing import Dict, List, Optional, Tuple

from ...bytecode.decode import operands
from ...bytecode.opcodes import BY_NAME, OPCODES
from ...runtime import interp
from ...runtime.closure import load_closure
from ...runtime import limits
from ...runtime.limits import TICKS
from ...runtime.table import LuaTable
from ...runtime.values import LuaFunction, UpVal
from .. import hints
from ..pyjit import captured_registers
from ..structure import units as unit_map
from . import cpython, encoder, host_target, loops, unavailable_reason
from .pages import ExecPages
from .stencils import (
    CTX_DEPTH, CTX_FRAME_END, CTX_SIGNALS, CTX_TICKED, CTX_TICKS, CTX_WORDS, EXIT_CALL, EXIT_STACK,
    EXIT_TICK, INLINE, ONE_BITS, SHAPES, SLOT, exit_status, slot, table)

MAX_DEPTH = 20000           # native calls in one entry from Python (Lua 5.1's LUAI_MAXCALLS)
STACK_SLOTS = 1 << 17       # the frame stack of a thread: 1 MiB
KPRI, KNIL = BY_NAME['KPRI'].code, BY_NAME['KNIL'].code
CALL, CALLM, RETM = BY_NAME['CALL'].code, BY_NAME['CALLM'].code, BY_NAME['RETM'].code
CALLT, CALLMT = BY_NAME['CALLT'].code, BY_NAME['CALLMT'].code
CALLS, TAIL_CALLS = (CALL, CALLM), (CALLT, CALLMT)
MATH_LIBM = {"sin": 1, "cos": 1, "tan": 1, "asin": 1, "acos": 1, "atan": 1, "sinh": 1,
             "cosh": 1, "tanh": 1, "exp": 1, "log": 1, "log10": 1, "fmod": 2, "atan2": 2,
             "pow": 2}
MATH_INLINE = {name: 2 if name in ("min", "max") else 1 for name in INLINE}


class NotNative(Exception):
    """The prototype does not compile to native code; the message says why."""


# --- types ----------------------------------------------------------------------------------

class Type:
    """What a register is known to hold: a number, a boolean or nil (Const: one value)."""

    __slots__ = ("name", "kind")

    def __init__(self, name: str, kind: int):
        self.name = name
        self.kind = kind        # the bit plane of the analysis' masks

    def __repr__(self):
        return self.name


NUMBER = Type("number", 0)      # plane 0 and 1 are the optimizer's floats and tables
BOOLEAN = Type("boolean", 2)
NIL = Type("nil", 3)
TABLE = Type("table", 4)        # any table: its slot holds the object's address (CPython)
CONST_PLANE = 5                 # the k-th known value of a function is plane 5 + k
KNOWN = (NUMBER, BOOLEAN, NIL, TABLE)
PLANE = hints.TABLE             # bits per plane (a frame has at most 250 registers)


class Const:
    """A known value (a function), by identity."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        return type(other) is Const and other.value is self.value

    def __hash__(self):
        return id(self.value)

    def __repr__(self):
        if type(self.value) is LuaTable:        # (a refusal's reason may name one)
            return "table %x" % id(self.value)
        return "function %s" % (self.value.name or "%x" % id(self.value))


def type_of_value(v, tables=False):
    """The type native code knows v by (None: no type it can use); a function is known by
    identity, and a table too if `tables` (a live register of a loop's frame), else as any
    table where native code can read tables."""
    t = type(v)
    if t is float:
        return NUMBER
    if t is bool:
        return BOOLEAN
    if v is None:
        return NIL
    if t is LuaTable:
        return Const(v) if tables else TABLE if cpython.reason is None else None
    return Const(v) if t is LuaFunction else None


def matches(t, v) -> bool:
    if t is NUMBER:
        return type(v) is float
    if t is BOOLEAN:
        return type(v) is bool
    if t is NIL:
        return v is None
    if t is TABLE:
        return type(v) is LuaTable
    return t is None or v is t.value        # (a register of no type is never read)


def to_lua(t, x: float):
    """A slot's double as the Lua value of type t (not TABLE: see slot_value)."""
    if t is NUMBER:
        return x
    if t is BOOLEAN:
        return x != 0.0
    return None if t is NIL else t.value


def slot_value(stack, index: int, t):
    """The Lua value of type t in the frame stack's slot `index`."""
    if t is TABLE:
        return cpython.table_at(stack.ints[index])
    return to_lua(t, stack.doubles[index])


def set_slot(stack, index: int, t, v) -> None:
    """Put the Lua value v of type t in the frame stack's slot `index` (a constant, nil or a
    register of no type needs none)."""
    if t is NUMBER:
        stack.doubles[index] = v
    elif t is BOOLEAN:
        stack.doubles[index] = 1.0 if v else 0.0
    elif t is TABLE:
        stack.ints[index] = id(v)


def holds(guard) -> bool:
    """A guard (upvalue, None, value) or (table, key, value) still sees its value."""
    where, key, value = guard
    if type(where) is UpVal:
        return where.regs[where.slot] is value
    return where.hash.get(key) is value


def bits(x: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def math_function(f) -> Optional[str]:
    """The name of a function of the math library (lib/math.py, not imported: it sits above
    the JIT), or None."""
    if (type(f) is LuaFunction and f.proto is None
            and getattr(f.gate, "__module__", None) == "moonpatch.lib.math"
            and (f.name in MATH_LIBM or f.name in MATH_INLINE)):
        return f.name
    return None


@functools.lru_cache(maxsize=None)
def libm():
    """The C math library: the process's own symbols where the host links it, which
    spares ctypes.util's search (an import and a subprocess, 30 ms)."""
    for name in (None, "libm.so.6"):
        try:
            lib = ctypes.CDLL(name)
            lib.sin
            return lib
        except (OSError, AttributeError):
            pass
    from ctypes.util import find_library
    return ctypes.CDLL(find_library("m"))


@functools.lru_cache(maxsize=None)
def libm_address(name: str) -> int:
    return ctypes.cast(getattr(libm(), name), ctypes.c_void_p).value


# --- the analysis ---------------------------------------------------------------------------

class Callee:
    """What a call at some pc calls: a native function (`native`), the function being
    compiled (`itself`), or a math function (`math`: its name)."""

    __slots__ = ("native", "itself", "math", "results")

    def __init__(self, native=None, itself=False, math=None, results=()):
        self.native = native
        self.itself = itself
        self.math = math
        self.results = results      # the types of its results (None: not known yet)


class Analysis:
    """The types of a closure's registers before each instruction, for one signature (the
    types of the arguments); `assumed` are the results its calls of itself give. Functions
    and tables it reads from upvalues, globals and their fields are constants, each with
    the guard that the entry from Python checks (`guards`): native code runs no Lua code,
    so none of them changes while it runs."""

    def __init__(self, session, closure, argtypes, assumed, entry=None):
        proto = closure.proto
        self.session = session
        self.closure = closure
        self.proto = proto
        self.argtypes = argtypes    # a loop's: the type of every register (None: unknown)
        self.assumed = assumed
        self.entry = entry          # the pc of a loop entered on the stack, or None
        self.consts: List[Const] = []
        self.guards = set()
        self.ops = [operands(proto, pc) for pc in range(len(proto.code))]    # decoded once
        self.units = unit_map(proto)
        for u in self.units.values():
            if u.target is not None and u.target not in self.units:
                raise NotNative("a jump into the middle of a test (pc %d)" % u.target)
        self.self_calls = False
        self.multres: Dict[int, tuple] = {}     # pc of a call for all results -> their types
        seed = 0
        for r in range(proto.framesize):
            t = argtypes[r] if r < len(argtypes) else NIL
            seed |= self.bit(t, r)
        self.before = hints._Flow(self.units, self.step).run(entry or 0, seed)

    def plane(self, t) -> int:
        if type(t) is Const:
            if t not in self.consts:
                self.consts.append(t)
            return CONST_PLANE + self.consts.index(t)
        return t.kind

    def bit(self, t, r: int) -> int:
        return 0 if t is None else 1 << (self.plane(t) * PLANE + r)

    def everything(self, r: int) -> int:
        return sum(1 << (p * PLANE + r) for p in range(CONST_PLANE + len(self.consts)))

    def ours(self, r: int) -> int:
        """The bits of r beyond the optimizer's."""
        return sum(1 << (p * PLANE + r) for p in range(BOOLEAN.kind,
                                                        CONST_PLANE + len(self.consts)))

    def type_of(self, mask: int, r: int):
        for t in KNOWN:
            if (mask >> (t.kind * PLANE + r)) & 1:
                return t
        for k, c in enumerate(self.consts):
            if (mask >> ((CONST_PLANE + k) * PLANE + r)) & 1:
                return c
        return None

    def step(self, pc: int, mask: int) -> int:
        """The mask after instruction pc: the optimizer's floats, then the rest."""
        out = hints._step(self.proto, pc, mask, ())
        for r in hints.written_registers(self.proto, pc):
            out &= ~self.ours(r)
        op, a, b, c = self.ops[pc]
        s = SHAPES.get(op)
        kind = s.kind if s is not None else None
        if op == KPRI:
            out |= self.bit(NIL if b is None else BOOLEAN, a)
        elif op == KNIL:
            for r in range(a, b + 1):
                out |= self.bit(NIL, r)
        elif kind == "not":
            out |= self.bit(BOOLEAN, a)
        elif kind == "mov":
            t = self.type_of(mask, b)
            if t is not NUMBER:
                out |= self.bit(t, a)
        elif kind == "guarded":
            known = self.guarded(pc, mask)
            out |= self.bit(known if known is not None or s.left != "R" else
                            self.entry_type(pc, mask), a)
        elif kind == "index":
            out |= self.bit(self.entry_type(pc, mask), a)
        elif op in CALLS:
            for r in range(a, self.proto.framesize):     # the callee's frame: garbage
                out &= ~self.everything(r)
            callee = self.callee(pc, mask)
            wanted = self.wanted(pc, callee)
            if b == 0 and wanted is not None:
                self.multres[pc] = callee.results   # (for the CALLM or RETM after it)
            for i in range(wanted or 0):
                t = callee.results[i] if i < len(callee.results) else NIL
                out |= self.bit(t, a + i)
        return out

    def wanted(self, pc: int, callee: Optional[Callee]) -> Optional[int]:
        """How many results the call at pc puts in registers: B - 1, or for a call for
        all results (B = 0) that the next RETM returns or CALLM passes on, all the callee
        gives; None if that is not known."""
        if callee is None or callee.results is None:
            return None
        op, a, b, c = self.ops[pc]
        if b > 0:
            return b - 1
        nop, na, nb, nc = self.ops[pc + 1] if pc + 1 < len(self.ops) else (None,) * 4
        if (nop == RETM and na + nb == a or nop == CALLM and na + 1 + nc == a
                or nop == CALLMT and na + 1 + nb == a):
            return len(callee.results)
        return None

    def arguments(self, pc: int) -> Optional[int]:
        """How many arguments the call at pc passes (None: not known)."""
        op, a, b, c = self.ops[pc]
        if op in (CALL, CALLT):
            return (c if op == CALL else b) - 1
        types = self.multres.get(pc - 1)
        return None if types is None else (c if op == CALLM else b) + len(types)

    def guarded(self, pc: int, mask: int) -> Optional[Const]:
        """The function or table an upvalue, a global or a field of a known table holds
        now (its guard noted), or None."""
        op, a, b, c = self.ops[pc]
        where = SHAPES[op].left
        if where == "U":
            guard = (self.closure.upvals[b], None)
        elif where == "_":
            guard = (self.closure.env, b)
        else:
            table = self.type_of(mask, b)
            guard = (table.value if type(table) is Const else None, c)
        if type(guard[0]) is UpVal:
            value = guard[0].regs[guard[0].slot]
        elif type(guard[0]) is LuaTable:
            value = guard[0].hash.get(guard[1])
        else:
            return None
        if type(value) not in (LuaFunction, LuaTable):
            return None
        self.guards.add(guard + (value,))
        return Const(value)

    def table_base(self, pc: int, mask: int):
        """The table R(B) of a table access at pc: TABLE, a known table, or None."""
        t = self.type_of(mask, self.ops[pc][2])
        if t is TABLE or type(t) is Const and type(t.value) is LuaTable:
            return t
        return None

    def entry_type(self, pc: int, mask: int):
        """What a table access at pc reads, if native code reads it: a number, or a table
        where the table is known and holds tables (nbody's bodies[i])."""
        base = self.table_base(pc, mask)
        if base is None or cpython.reason is not None:
            return None
        if base is not TABLE:
            first = next(iter(base.value.hash.values()), None)
            return TABLE if type(first) is LuaTable else NUMBER
        return NUMBER

    def callee(self, pc: int, mask: int) -> Optional[Callee]:
        """What the call at pc calls, or None if it is no function native code can call;
        a callee that does not compile raises NotNative."""
        op, a, b, c = self.ops[pc]
        nargs = self.arguments(pc)
        fn = self.type_of(mask, a)
        if type(fn) is not Const or nargs is None:
            return None
        args = tuple(self.type_of(mask, a + 1 + i) for i in range(nargs))
        f = fn.value
        name = math_function(f)
        if name is not None:
            need = MATH_INLINE.get(name) or MATH_LIBM[name]
            if nargs < need or any(t is not NUMBER for t in args[:need]) or (
                    name in ("min", "max") and nargs != 2):
                return None
            return Callee(math=name, results=(NUMBER,))
        if type(f) is not LuaFunction or f.proto is None or None in args:
            return None
        if f is self.closure and args == self.argtypes and self.entry is None:
            self.self_calls = True
            return Callee(itself=True, results=self.assumed)
        try:
            native = self.session.function(f, args)
            if native.signature is None:
                raise NotNative("it returns different types or counts")
        except NotNative as e:
            if self.entry is not None:
                return None         # (a loop leaves native code at the call instead)
            raise NotNative("its callee at pc %d: %s" % (pc, e)) from None
        return Callee(native, results=native.signature)

    def returns(self):
        """{pc: types of the results} of every return that runs (a tail call included); a
        loop has none (its frame's returns are the interpreter's)."""
        out = {}
        if self.entry is not None:
            return out
        for pc, mask in self.before.items():
            op, a, b, c = self.ops[pc]
            name = OPCODES[op].name
            if name in ("RET0", "RET1", "RET"):
                n = {"RET0": 0, "RET1": 1}.get(name, b - 1)
                out[pc] = tuple(self.type_of(mask, a + i) for i in range(n))
            elif op == RETM and pc - 1 in self.before:      # after a call for all results
                callee = self.callee(pc - 1, self.before[pc - 1])
                n = self.wanted(pc - 1, callee)
                if n is not None and self.ops[pc - 1][2] == 0:
                    out[pc] = tuple(self.type_of(mask, a + i) for i in range(b + n))
            elif op in TAIL_CALLS:  # (a call of itself is no return; unknown callees are
                callee = self.callee(pc, mask)      # refused when it is emitted)
                if callee is not None and not callee.itself:
                    out[pc] = callee.results
        return out


def signature(returns: dict):
    """The result types every return gives, if they all give the same."""
    found = set(returns.values())
    if len(found) != 1:
        return None
    (types,) = found
    return None if None in types else types


# --- compiling ------------------------------------------------------------------------------

def compile(proto, args, closure=None, session=None) -> "NativeFunction":
    """proto compiled for calls with arguments of the types of `args`; `closure` (one of
    proto's) is what the interpreter runs after an exit (by default a new one: the code
    compiled reads no upvalue and no global)."""
    if session is None:
        reason = unavailable_reason()
        if reason is not None:
            raise NotNative(reason)
        session = Session(host_target())
    if closure is None:
        closure = load_closure(proto, None)
    return session.function(closure, tuple(type_of_value(v) for v in args))


def compile_loop(proto, entry: int, live, closure, session=None) -> "NativeFunction":
    """closure's code from the head of a hot loop (`entry`) on, for its frame's registers
    `live` (loops.py): `enter_loop` takes the frame over and lets the interpreter finish it."""
    if session is None:
        reason = unavailable_reason()
        if reason is not None:
            raise NotNative(reason)
        session = Session(host_target())
    return session.loop(closure, entry, live)


class HostPages:
    """Where a host's native function lives: executable pages, entered through ctypes."""

    def __init__(self, size: int):
        self.pages = ExecPages(size)
        self.address = self.pages.address

    def load(self, code: bytes):
        self.pages.write(0, code)
        self.pages.seal()
        return self.pages.entry(ctypes.c_int64, ctypes.c_void_p, ctypes.c_void_p)


class Session:
    """One compilation, with the native functions made for its callees (by prototype and
    argument types: a recursive callee is made once). `place(size)` gives the memory a
    function goes to (an object with `address` and `load(code) -> entry`), `libm(name)` the
    address of a C function: the host's by default, an emulator's in tests."""

    def __init__(self, target: str, place=HostPages, libm=None):
        self.target = target
        self.encoder = encoder(target)
        self.stencils = table(target)
        self.place = place
        self.libm = libm or libm_address
        self.made: Dict[tuple, "NativeFunction"] = {}
        self.making: set = set()

    def function(self, closure, argtypes) -> "NativeFunction":
        key = (closure, argtypes)
        made = self.made.get(key)
        if made is not None:
            return made
        if key in self.making:
            raise NotNative("mutual recursion between functions")
        self.making.add(key)
        try:
            made = self.made[key] = self.compile(closure, argtypes)
        finally:
            self.making.discard(key)
        return made

    def loop(self, closure, entry: int, live) -> "NativeFunction":
        """See compile_loop(). A register dead at the head has no type (it may hold
        anything when the loop is entered again)."""
        proto = closure.proto
        units = unit_map(proto)
        if entry not in units:
            raise NotNative("a loop head inside an instruction pair (pc %d)" % entry)
        alive = loops.liveness(proto, units)
        kept = alive[entry] | loops.register_mask(captured_registers(proto))
        types = tuple(type_of_value(live[r], tables=True)
                      if (kept >> r) & 1 and r < len(live) else None
                      for r in range(proto.framesize))
        analysis = Analysis(self, closure, types, None, entry)
        native = NativeFunction(closure, types, analysis, {}, None)
        native.entry_pc = entry
        native.live = alive
        Emitter(self, native, analysis).emit()
        native.guards = tuple(analysis.guards.union(*(c.guards for c in native.callees)))
        return native

    def compile(self, closure, argtypes) -> "NativeFunction":
        proto = closure.proto
        if proto.is_vararg:
            raise NotNative("a vararg function")
        analysis = Analysis(self, closure, argtypes, None)
        rets = analysis.returns()
        assumed = None
        if analysis.self_calls:
            # its calls of itself give what its other returns give: assume, then check
            known = {t for t in rets.values() if None not in t}
            if len(known) == 1:
                (assumed,) = known
                analysis = Analysis(self, closure, argtypes, assumed)
                rets = analysis.returns()
        native = NativeFunction(closure, argtypes, analysis, rets, signature(rets))
        Emitter(self, native, analysis).emit()      # (refuses at the first instruction it can't)
        if assumed is not None and native.signature != assumed:
            raise NotNative("recursive calls whose result types differ")
        native.guards = tuple(analysis.guards.union(*(c.guards for c in native.callees)))
        return native


class NativeFunction:
    """A prototype compiled for one signature. Call it with the arguments (or `run(args)`
    with their list): the results come back as a list."""

    def __init__(self, closure, argtypes, analysis, rets, signature):
        self.closure = closure
        self.proto = closure.proto
        self.argtypes = argtypes
        self.analysis = analysis
        self.rets = rets
        self.signature = signature
        self.calls: Dict[int, Tuple["NativeFunction", int]] = {}   # pc -> (native callee, A)
        self.callees: List["NativeFunction"] = []       # (their code must outlive ours)
        self.pages = None
        self.address = 0
        self.code = b""
        self.entry = None
        self.instructions = 0       # the bytecode instructions compiled
        self.offsets = {}           # pc -> where its code starts in `code`
        self.exits = {}             # where an exit stub starts -> (kind, pc) it leaves at
        self.used = set()           # (group, variant) of the stencils it copied
        self.guards = ()            # what its code and its callees' assume (see holds())
        self.entry_pc = None        # a loop's head (argtypes: its frame's registers)
        self.live = None            # a loop's: {unit pc: registers live there}
        self.side_exits = set()     # a loop's: the pcs where it leaves for the interpreter
        self.keep = []              # the key objects its code names by address

    def __call__(self, *args):
        return self.run(list(args))

    def run(self, args: list, stack=None) -> list:
        """Lua's results of a call with the argument list args (which it may keep), on the
        thread's frame stack (or `stack`, with the interface of FrameStack)."""
        if not self.accepts(args):
            return list(self.closure.gate(args))        # not what it was made for
        return self.enter(args, stack)

    def accepts(self, args: list) -> bool:
        """Whether args are of the types it was made for, and its guards hold."""
        return len(args) == len(self.argtypes) and all(
            matches(t, v) for t, v in zip(self.argtypes, args)) and all(
            holds(g) for g in self.guards)

    def enter(self, args: list, stack=None) -> list:
        """run() for arguments it accepts (the caller checked)."""
        stack = stack or frame_stack()
        for i, (t, v) in enumerate(zip(self.argtypes, args)):
            set_slot(stack, 1 + i, t, v)
        status = self.run_code(stack)
        if status >= 0:
            return [slot_value(stack, i, t) for i, t in enumerate(self.rets[status])]
        return self.resume(status, stack)

    def enter_loop(self, R: list, va, openuv, tc) -> list:
        """Take over the interpreter's frame R (its varargs, open upvalues and tail call
        count with it) at the loop's head; the results of the function."""
        stack = frame_stack()
        for r, t in enumerate(self.argtypes):
            set_slot(stack, 1 + r, t, R[r])
        return self.resume(self.run_code(stack, 1), stack, (R, va, openuv, tc))

    def run_code(self, stack, shown: int = 0) -> int:
        """Run the machine code on the frame at the stack's start: its status. `shown`:
        whether the Python stack has a frame for it already (a loop's interpreter frame)."""
        ctx = stack.ctx
        ctx[CTX_TICKS // SLOT] = stack.given = min(TICKS[0], SIGNAL_TICKS)
        ctx[CTX_DEPTH // SLOT] = MAX_DEPTH - stack.resumed
        ctx[CTX_FRAME_END // SLOT] = stack.end
        ctx[CTX_TICKED // SLOT] = stack.tick_handler
        ctx[CTX_SIGNALS // SLOT] = stack.signal_check
        stack.budget = MAX_DEPTH - stack.resumed - shown
        try:
            status = self.entry(stack.address, stack.ctx_address)
        except ctypes.ArgumentError as e:
            # ctypes turns a RecursionError in converting an argument (Python's stack
            # full, a Lua stack overflow) into this, by its message alone
            if "RecursionError" in str(e):
                raise RecursionError(str(e)) from None
            raise
        TICKS[0] -= stack.given - ctx[CTX_TICKS // SLOT]
        raised, stack.raised = stack.raised, None
        if raised is not None:
            raise raised
        return status

    def registers(self, stack, at: int, pc: int, R: Optional[list] = None) -> list:
        """The registers of this function's frame (function slot at index at) before pc:
        into R, where those of no known type keep their values, else a new list."""
        a = self.analysis
        mask = a.before[pc]
        out = [None] * self.proto.framesize if R is None else R
        for r in range(self.proto.framesize):
            t = a.type_of(mask, r)
            if t is not None:
                out[r] = slot_value(stack, at + 1 + r, t)
        return out

    def resume(self, status: int, stack, frame=None) -> list:
        """An exit: find the frames it left, read their registers, and let the
        interpreter finish them, the innermost first; `frame` is (R, va, openuv, tc) of
        the interpreter's frame a loop took over."""
        frames = []
        native, at = self, 0
        while True:
            pc, kind = ~status >> 2, ~status & 3
            frames.append((native, at, pc, kind))
            if kind != EXIT_CALL:
                break
            callee, a = native.calls[pc]
            status = stack.ints[at + 1 + a]
            native, at = callee, at + 1 + a
        states = [None if kind == EXIT_CALL and native.analysis.ops[pc][0] in TAIL_CALLS else
                  native.registers(stack, at, pc + (kind == EXIT_CALL),
                                   frame[0] if frame and i == 0 else None)
                  for i, (native, at, pc, kind) in enumerate(frames)]
        # the frames waiting to finish count towards the depth of native calls made
        # meanwhile (else a recursion that exits at MAX_DEPTH and enters again would never
        # overflow) and towards a sandbox's max_depth (limits.hidden_depth)
        outside = stack.resumed
        stack.resumed += len(frames)
        try:
            return self.finish(frames, states, stack, frame)
        finally:
            stack.resumed = outside

    @staticmethod
    def finish(frames, states, stack, frame=None) -> list:
        """Interpret the frames an exit left (registers `states`), the innermost first."""
        results = None
        outer = (None, None, 0) if frame is None else frame[1:]
        # a side exit at a CALLM or RETM after a native call for all results: the
        # interpreter keeps those results apart (mr), native code in the slots after A
        pending = {}
        for native, at, pc, kind in frames:
            types = native.analysis.multres.get(pc - 1) if kind != EXIT_CALL else None
            pending[at] = None if types is None else [
                slot_value(stack, at + 1 + native.analysis.ops[pc - 1][1] + i, t)
                for i, t in enumerate(types)]
        for (native, at, pc, kind), R in zip(reversed(frames), reversed(states)):
            stack.resumed -= 1          # (it runs as the interpreter's frame now)
            mr = pending[at]
            if kind == EXIT_CALL:
                op, a, b, c = native.analysis.ops[pc]
                if op in TAIL_CALLS:
                    continue            # the callee's results are the frame's
                if b == 0:
                    mr = list(results)  # for the RETM or CALLM that follows
                else:
                    wanted = b - 1
                    R[a:a + wanted] = (list(results[:wanted])
                                       + [None] * (wanted - len(results)))
                pc += 1
            va, openuv, tc = outer if at == 0 else (None, None, 0)
            run = interp.execute_resume if interp.PLAIN else interp.execute_hooked
            results = run(native.closure, R, (pc, va, openuv, mr, tc))
        return list(results)


class FrameStack:
    """A thread's frame slots and context block."""

    def __init__(self, slots: int):
        self.doubles = (ctypes.c_double * slots)()
        self.ints = (ctypes.c_int64 * slots).from_buffer(self.doubles)
        self.address = ctypes.addressof(self.doubles)
        self.end = self.address + 8 * slots
        self.ctx = (ctypes.c_int64 * CTX_WORDS)()
        self.ctx_address = ctypes.addressof(self.ctx)
        self.resumed = 0        # native frames that left and are being interpreted
        self.budget = 0         # CTX_DEPTH at the running entry, less a frame Python shows
        self.given = 0          # the ticks the running code last got (counted from there)
        self.raised = None      # what the tick handler caught, raised when the code returns
        self.tick_handler = TICKED_ADDRESS
        self.signal_check = SIGNAL_CHECK
        self.running = 0        # native frames running, while the tick handler runs


_local = threading.local()


def frame_stack() -> FrameStack:
    stack = getattr(_local, "stack", None)
    if stack is None:
        stack = _local.stack = FrameStack(STACK_SLOTS)
    return stack


def hidden_frames() -> int:
    """Lua frames of native code the Python stack does not show (limits.hidden_depth):
    those that left and wait for the ones they called to finish, and, while the tick
    handler runs, those running."""
    stack = getattr(_local, "stack", None)
    return 0 if stack is None else stack.resumed + stack.running


limits.hidden_depth = hidden_frames


# Native code calls the tick handler at least this often, budget or not: Python runs
# signal handlers there (Ctrl-C's hook, a host's SIGALRM), which machine code never does.
SIGNAL_TICKS = 1 << 20


def ticked(ctx_address: int) -> int:
    """The tick handler native code calls when its ticks run out (after Python's signal
    handlers: stencils.tick): charge them (a limit reached raises in limits.tick) and give
    the ticks to go on with; -1 to leave instead: for an exception, which run_code raises
    when the code has returned, or a hook set meanwhile (Ctrl-C's), which the interpreter,
    where the code leaves, runs. Native code runs no Lua code: it goes on where it was."""
    stack = frame_stack()
    ctx = stack.ctx
    left = ctx[CTX_TICKS // SLOT]
    TICKS[0] -= stack.given - left
    stack.given = left
    stack.running = stack.budget - ctx[CTX_DEPTH // SLOT]
    try:
        if TICKS[0] < 0:
            limits.tick()
    except BaseException as e:      # (a ctypes callback cannot raise)
        stack.raised = e
        return -1
    finally:
        stack.running = 0
    if not interp.PLAIN:
        return -1
    stack.given = min(TICKS[0], SIGNAL_TICKS)
    return stack.given


# (through the module's name: a test makes native code leave at every handler call)
TICK_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.c_void_p)(lambda ctx: ticked(ctx))
TICKED_ADDRESS = ctypes.cast(TICK_HANDLER, ctypes.c_void_p).value
# (in C: a pending handler's exception must not meet the first line of a Python callback,
# which cannot raise it; the entry, a PYFUNCTYPE, raises what is set when the code returns)
SIGNAL_CHECK = (ctypes.cast(ctypes.pythonapi.PyErr_CheckSignals, ctypes.c_void_p).value
                if hasattr(ctypes, "pythonapi") else 0)


# --- emitting ---------------------------------------------------------------------------------

class Emitter:
    """Lays out a function's stencils, copies them and fills their holes."""

    def __init__(self, session: Session, native: NativeFunction, analysis: Analysis):
        self.session = session
        self.stencils = session.stencils
        self.native = native
        self.analysis = analysis
        self.proto = native.proto
        self.pieces: List[tuple] = []       # (stencil, values)
        self.size = 0
        self.labels: Dict[object, int] = {}
        self.stubs: Dict[tuple, dict] = {}  # (kind, pc) -> the exit stub's values
        self.hot: List[Tuple[int, int]] = []    # a loop's: the loops around its head
        self.at = -1                # the instruction being emitted (-1: the entry)
        self.exits: List[tuple] = []            # (the pc of a jump to a stub, its key)

    def add(self, group: str, variant: str = "", **values) -> None:
        stencil = self.stencils[group].variants[variant]
        self.pieces.append((stencil, values))
        self.native.used.add((group, variant))
        self.size += len(stencil.code)

    def stub(self, kind: int, pc: int, **values):
        """The exit stub that leaves at pc (made once per place)."""
        key = (kind, pc)
        if key not in self.stubs:
            self.stubs[key] = dict(values, status=exit_status(pc, kind))
        self.exits.append((self.at, key))
        return ("stub", key)

    def emit(self) -> None:
        proto = self.proto
        start = self.native.entry_pc or 0
        self.add("FUNCF", frame=slot(proto.framesize), stack=self.stub(EXIT_STACK, start),
                 exit=self.stub(EXIT_TICK, start))
        if start:
            self.add("JMP", "fwd", target=("pc", start))
            self.hot = loops.loops_around(self.analysis.units, start)
        for pc in sorted(self.analysis.before):
            self.labels[pc] = self.size
            self.at = pc
            if start:
                self.loop_instruction(pc, self.analysis.before[pc])
            else:
                self.instruction(pc, self.analysis.before[pc])
        if start:
            self.check_exits()
        for key, values in self.stubs.items():
            self.labels[("stub", key)] = self.size
            self.add("EXIT", "call" if key[0] == EXIT_CALL else "", **values)
        self.native.instructions = len(self.analysis.before)
        self.load()

    def load(self) -> None:
        """Copy and patch into the function's memory, then load it there."""
        native = self.native
        pages = self.session.place(self.size)
        base = pages.address
        code = bytearray(self.size)
        labels = self.labels
        at = 0
        for stencil, values in self.pieces:
            n = len(stencil.code)
            code[at:at + n] = stencil.code
            for offset, patcher, name, addend in stencil.patches:
                value = values[name]
                if type(value) is tuple:
                    value = base + (labels[value] if value[0] == "stub" else labels[value[1]])
                elif value is None:
                    value = base            # a call of the function itself
                patcher(code, at + offset, value + addend, base + at + offset)
            at += n
        native.pages, native.address, native.code = pages, base, bytes(code)
        native.entry = pages.load(native.code)
        # where each instruction's code and each exit stub starts, for -jdump (disasm.py)
        native.offsets = {k: v for k, v in labels.items() if type(k) is int}
        native.exits = {v: k[1] for k, v in labels.items() if type(k) is tuple}

    # -- a loop's

    def loop_instruction(self, pc: int, mask: int) -> None:
        """An instruction of a loop's code, or a side exit where it cannot be native."""
        s = SHAPES.get(self.analysis.ops[pc][0])
        if s is None or s.kind not in ("RET0", "RET1", "RET", "RETM", "CALLT"):
            pieces, size = len(self.pieces), self.size
            try:
                return self.instruction(pc, mask)
            except NotNative as e:
                if any(head <= pc <= last for head, last in self.hot):
                    raise NotNative("%s, in the loop" % e) from None
            del self.pieces[pieces:]
            self.size = size
        self.native.side_exits.add(pc)
        self.add("JMP", "fwd", target=self.stub(EXIT_TICK, pc))

    def check_exits(self) -> None:
        """A register the loop writes that has no type where it leaves must be dead
        there (loops.py), and one closures capture is never dead."""
        a = self.analysis
        runs = loops.reached(a.units, self.native.entry_pc, self.native.side_exits)
        written = loops.written(self.proto, a.units, runs - self.native.side_exits)
        captured = loops.register_mask(captured_registers(self.proto))
        for source, (kind, pc) in self.exits:
            if source not in runs and source != -1:      # (-1: the entry's)
                continue
            at = pc + 1 if kind == EXIT_CALL else pc
            mask = a.before.get(at)
            if mask is None:
                continue
            live = (self.native.live[at] | captured) & written
            for r in range(self.proto.framesize):
                if (live >> r) & 1 and a.type_of(mask, r) is None:
                    raise NotNative("register %d, of no known type, is live where native "
                                    "code leaves (pc %d)" % (r, at))

    # -- one instruction

    def refuse(self, pc: int, why: str):
        raise NotNative("%s at pc %d" % (why, pc))

    def need(self, pc: int, mask: int, registers, *allowed) -> list:
        types = [self.analysis.type_of(mask, r) for r in registers]
        for r, t in zip(registers, types):
            if t not in allowed:
                self.refuse(pc, "%s in register %d" % ("a value of unknown type" if t is None
                                                       else "a %s" % t, r))
        return types

    def jump(self, pc: int, target: int) -> None:
        """An unconditional jump (a jump back ticks)."""
        if target != pc + 1:
            self.add_jump("JMP", "", pc, target)

    def way(self, pc: int, target: int):
        """(variant, target and exit values) of a jump from the unit at pc."""
        if target <= pc:
            return "back", {"target": ("pc", target), "exit": self.stub(EXIT_TICK, target)}
        return "fwd", {"target": ("pc", target)}

    def add_jump(self, group: str, prefix: str, pc: int, target: int, **values) -> None:
        variant, jump = self.way(pc, target)
        self.add(group, prefix + variant, **values, **jump)

    def instruction(self, pc: int, mask: int) -> None:
        op, a, b, c = self.analysis.ops[pc]
        o = OPCODES[op]
        s = SHAPES.get(op)
        if s is None:
            self.refuse(pc, "unsupported opcode %s" % o.name)
        size = self.proto.framesize     # (a loaded chunk is verified; the slots must be too)
        if any(r >= size for r in hints.read_registers(self.proto, pc)
               | hints.written_registers(self.proto, pc)):
            self.refuse(pc, "a register past the frame")
        kind = s.kind
        if kind == "binary":
            regs = [{"B": b, "C": c}[n] for n in (s.left, s.right) if n != "K"]
            self.need(pc, mask, regs, NUMBER)
            values = {"A": slot(a), "B": slot(b)}
            if "K" in (s.left, s.right):
                values["K"] = bits(c)
            else:
                values["C"] = slot(c)
            if s.op == "^":
                values["fn"] = self.session.libm("pow")
            self.add(o.name, **values)
        elif kind == "unm":
            self.need(pc, mask, [b], NUMBER)
            self.add(o.name, A=slot(a), D=slot(b))
        elif kind == "mov":
            if self.analysis.type_of(mask, b) in (NUMBER, BOOLEAN, TABLE):
                self.add(o.name, A=slot(a), D=slot(b))
        elif kind == "nils":
            pass                    # (nil has no slot content)
        elif kind == "guarded":     # (a known function or table has none either)
            if self.analysis.guarded(pc, mask) is not None:
                pass
            elif s.left == "R" and self.analysis.table_base(pc, mask) is not None:
                self.table_access(pc, mask, o, "K", a, b, c, True)
            else:
                self.refuse(pc, "%s of a value that is not a function or table" % o.name)
        elif kind in ("index", "newindex"):
            self.table_access(pc, mask, o, s.right, a, b, c, kind == "index")
        elif kind == "constant":
            if b is not None:       # (nil has no slot content)
                self.add(o.name, A=slot(a), K=bits(b) if type(b) is float else
                         ONE_BITS if b else 0)
        elif kind == "not":
            t = self.analysis.type_of(mask, b)
            if t is BOOLEAN:
                self.add(o.name, "bool", A=slot(a), D=slot(b))
            elif t is None:
                self.refuse(pc, "a value of unknown type in register %d" % b)
            else:
                self.add(o.name, "constant", A=slot(a), K=ONE_BITS if t is NIL else 0)
        elif kind == "compare":
            self.compare(pc, mask, o, s, a, b, c)
        elif kind == "test":
            t = self.need(pc, mask, [b], *KNOWN, *self.analysis.consts)[0]
            if t is BOOLEAN:
                self.add_jump(o.name, "", pc, c, D=slot(b))
            elif (t is not NIL) != s.negate:
                self.jump(pc, c)
        elif kind in ("FORI", "FORL"):
            self.need(pc, mask, [a, a + 1, a + 2], NUMBER)
            values = dict(A=slot(a), A1=slot(a + 1), A2=slot(a + 2), A3=slot(a + 3),
                          target=("pc", b))
            if kind == "FORL":
                values["exit"] = self.stub(EXIT_TICK, b)
            self.add(o.name, **values)
        elif kind == "JMP":
            self.jump(pc, b)
        elif kind in ("RET0", "RET1", "RET", "RETM"):
            types = self.native.rets.get(pc)
            if types is None:
                self.refuse(pc, "a return of results not known")
            self.need(pc, mask, range(a, a + len(types)), *KNOWN, *self.analysis.consts)
            self.ret(pc, a, types)
        elif kind == "CALL":
            self.call(pc, mask, a, b)
        elif kind == "CALLT":
            self.tail_call(pc, mask, a, b)
        # LOOP: nothing to do

    def compare(self, pc, mask, o, s, a, b, c) -> None:
        t = self.need(pc, mask, [a], *KNOWN, *self.analysis.consts)[0]
        if s.right == "P":              # against nil, false or true
            if t is BOOLEAN and b is not None:
                jump_when = b if s.op == "eq" else not b
                self.add_jump(o.name, "%s." % ("true" if jump_when else "false"), pc, c,
                              D=slot(a))
            elif (t is NIL and b is None) == (s.op == "eq"):
                self.jump(pc, c)
            return
        if s.right == "K":
            u = NUMBER
        else:
            u = self.need(pc, mask, [b], *KNOWN, *self.analysis.consts)[0]
        if s.op in ("lt", "le"):
            self.need(pc, mask, [a, b], NUMBER)
        elif TABLE in (t, u) and all(x is TABLE or type(x) is Const and type(x.value)
                                     is LuaTable for x in (t, u)):
            self.refuse(pc, "a comparison of tables")   # (which two is not known)
        elif t != u or t not in (NUMBER, BOOLEAN):          # decided by the types
            if (type(t) is Const and type(u) is Const and t != u
                    and type(t.value) is LuaTable and type(u.value) is LuaTable):
                # (two tables may be equal by an __eq, which a metatable set later may add)
                self.refuse(pc, "a comparison of two tables")
            if (t == u) == (s.op == "eq"):
                self.jump(pc, c)
            return
        values = {"A": slot(a)}
        if s.right == "K":
            values["K"] = bits(b)
        else:
            values["D"] = slot(b)
        self.add_jump(o.name, "", pc, c, **values)

    def table_access(self, pc: int, mask: int, o, key: str, a: int, b: int, c, get: bool):
        """R(A) := R(B)[key] (get) or R(B)[key] := R(A), the key R(C) ("R") or a constant:
        through CPython's dict (cpython.py); anything else leaves for the interpreter."""
        if cpython.reason is not None:
            self.refuse(pc, "%s: %s" % (o.name, cpython.reason))
        base = self.analysis.table_base(pc, mask)
        if base is None:
            self.need(pc, mask, [b], TABLE)
        values = {"A": slot(a), "exit": self.stub(EXIT_TICK, pc)}
        if base is TABLE:
            way, values["B"] = "slot", slot(b)
        else:
            way, values["table"] = "table", id(base.value)
        if key == "R":
            self.need(pc, mask, [c], NUMBER)
            way, values["C"] = way + ".slot", slot(c)
        else:
            constant = float(c) if type(c) is int else c    # (TGETB's byte, a K's string)
            self.native.keep.append(constant)
            way, values["key"] = way + ".key", id(constant)
        if get:
            t = self.analysis.entry_type(pc, mask)
            if t is None:
                self.refuse(pc, "%s of a value of no known type" % o.name)
            self.add("TGET", way + (".number" if t is NUMBER else ".table"), **values)
        else:
            self.need(pc, mask, [a], NUMBER)
            self.add("TSET", way, **values)

    def ret(self, pc: int, a: int, types) -> None:
        for i, t in enumerate(types):
            if t in (NUMBER, BOOLEAN, TABLE):   # result i to BASE + 8 * i, the slot of "i - 1"
                self.add("MOV", A=slot(i - 1), D=slot(a + i))
        self.add("LEAVE", status=pc)

    def call(self, pc: int, mask: int, a: int, b: int) -> None:
        """CALL (results wanted: b - 1; b = 0: all of them, for the RETM that follows)."""
        callee = self.analysis.callee(pc, mask)
        if callee is None:
            self.refuse(pc, "a call of a function that is not known native")
        if b == 0:
            wanted = self.analysis.wanted(pc, callee)
            if wanted is None:
                self.refuse(pc, "a call for all results")
            b = 1 + wanted
        name = callee.math
        if name is not None:
            if b > 1:
                group = name if name in MATH_INLINE else "libm%d" % MATH_LIBM[name]
                values = dict(A=slot(a), A1=slot(a + 1), A2=slot(a + 2))
                if name in MATH_LIBM:
                    values["fn"] = self.session.libm(name)
                self.add("CALL", group, **values)
            return
        if callee.itself:
            self.native.calls[pc] = (self.native, a)
            fn = None
        else:
            self.native.calls[pc] = (callee.native, a)
            self.native.callees.append(callee.native)
            fn = callee.native.address
        self.add("CALL", "native", A=slot(a), fn=fn, exit=self.stub(EXIT_CALL, pc, A=slot(a)))

    def tail_call(self, pc: int, mask: int, a: int, b: int) -> None:
        callee = self.analysis.callee(pc, mask)
        if callee is None:
            self.refuse(pc, "a tail call of a function that is not known native")
        if callee.itself:           # a jump to its start, which ticks as an entry
            for i, t in enumerate(self.native.argtypes):
                if t in (NUMBER, BOOLEAN):
                    self.add("MOV", A=slot(i), D=slot(a + 1 + i))
            self.add("CALLT", "self", target=("pc", 0), exit=self.stub(EXIT_TICK, 0))
            return
        self.call(pc, mask, a, 1 + len(callee.results))
        self.ret(pc, a, self.native.rets[pc])
