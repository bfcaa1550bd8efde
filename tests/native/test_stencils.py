"""Every stencil run natively on x86-64 and compared with the interpreter on edge values."""

import itertools

import pytest

from moonpatch.bytecode.decode import operands
from moonpatch.bytecode.opcodes import OPCODES
from moonpatch.jit import native
from moonpatch.jit.native import stencils

from native.lua_native import INF, NAN, VALUES, check, compiled

pytestmark = pytest.mark.skipif(native.host_target() != "x64" or not native.available(),
                                reason="runs x86-64 code natively")

CONSTANTS = ("0", "(-0)", "1.5", "-2", "3", "0.1", "1e308", "(1/0)")
PAIRS = list(itertools.product(VALUES, VALUES))
BOOLS = (True, False)


def opcodes(fn) -> set:
    return {OPCODES[operands(fn.proto, pc)[0]].name for pc in range(len(fn.proto.code))}


# --- what each test compiles: (source, argument samples) --------------------------------------

def binary_cases():
    for op in "+-*/%^":
        yield f"return function(a, b) return a {op} b end", PAIRS
        for k in CONSTANTS:
            yield f"return function(a) return a {op} {k} end", [(v,) for v in VALUES]
            yield f"return function(a) return {k} {op} a end", [(v,) for v in VALUES]


UNARY = [("return function(a) return -a end", [(v,) for v in VALUES]),
         ("return function(a) local b = a return b, a end", [(v,) for v in VALUES]),
         ("return function(a) return not a end", [(v,) for v in VALUES[:3]] + [(True,)]),
         ("return function(a) return not a end", [(False,)]),
         ("return function(a) local x, y, z return x, not x, 1.5, 100000, -7, true, false, "
          "nil end", [(1.0,)])]

COMPARES = [
    ("return function(a, b) if a < b then return 1 end return 2 end", PAIRS),
    ("return function(a, b) if a <= b then return 1 end return 2 end", PAIRS),
    ("return function(a, b) if a > b then return 1 end return 2 end", PAIRS),
    ("return function(a, b) if a >= b then return 1 end return 2 end", PAIRS),
    ("return function(a, b) if a == b then return 1 end return 2 end", PAIRS),
    ("return function(a, b) if a ~= b then return 1 end return 2 end", PAIRS),
    ("return function(a, b) return a < b, a <= b, a > b, a >= b, a == b, a ~= b end", PAIRS),
    ("return function(a) return a == 2, a ~= 2, a == -0.5, a ~= 0 end", [(v,) for v in VALUES]
     + [(2.0,), (-0.5,)]),
    ("return function(a, b) return a == b, a ~= b, not a, not b end",
     list(itertools.product(BOOLS, BOOLS))),
    ("return function(a) if a then return 1 end return 2 end", [(True,)]),
    ("return function(a) if a then return 1 end return 2 end", [(False,)]),
    ("return function(a) if not a then return 1 end return 2 end", [(False,)]),
    ("return function(a) return a == true, a == false, a ~= true, a ~= false, a == nil, "
     "a ~= nil end", [(True,)]),
    ("return function(a) return a == true, a == false, a ~= true, a ~= false, a == nil, "
     "a ~= nil end", [(False,)]),
    ("return function(a) return a == true, a ~= false, a == nil, a ~= nil end", [(2.0,)]),
    ("return function(a) local b return b == nil, b ~= nil, b == a, b ~= false, a == b end",
     [(1.0,)]),
]

# Jumps back, which tick: `repeat ... until n > 20 or C` jumps back on C's negation.
NUMBER_CONDITIONS = ("n < a", "n <= a", "n > a", "n >= a", "not (n < a)", "not (n <= a)",
                     "not (n > a)", "not (n >= a)", "n == a", "n ~= a", "n == 5", "n ~= 5")
BOOLEAN_CONDITIONS = ("b", "not b", "b == true", "b == false", "b ~= true", "b ~= false")
LOOPS = [(f"return function(a) local n = 0 repeat n = n + 1 until n > 20 or {c} return n end",
          [(v,) for v in (0.0, 1.0, 5.0, 10.5, NAN, -INF)]) for c in NUMBER_CONDITIONS]
LOOPS += [(f"return function(a) local n = 0 repeat n = n + 1 local b = n > a until n > 20 or "
           f"{c} return n end", [(v,) for v in (3.0, -1.0, NAN)]) for c in BOOLEAN_CONDITIONS]
LOOPS += [("return function(a) local n = 0 while a do n = n + 1 if n > 5 then a = false end "
           "end return n end", [(True,)])]

FORS = [
    ("return function(a, b, s) local n, sum = 0, 0 for i = a, b, s do n = n + 1 sum = sum + i "
     "if n >= 1000 then break end end return n, sum end",
     [(1.0, 10.0, 1.0), (1.0, 10.0, 0.5), (10.0, 1.0, -1.0), (1.0, 0.0, 1.0), (0.0, 1.0, 0.1),
      (1.0, 3.0, -0.0), (10.0, 1.0, 0.0), (1.0, 10.0, 0.0), (1.0, INF, 1e307),
      (-INF, INF, INF), (1.0, NAN, 1.0), (NAN, 1.0, 1.0), (1.0, 5.0, NAN), (5.0, 1.0, NAN),
      (0.0, -INF, -1e308), (1e16, 1e16 + 10, 1.0), (-0.0, 0.0, 1.0), (0.0, -0.0, -1.0),
      (1.0, 1.0, 1.0), (5e-324, 1e-323, 5e-324)]),
    ("return function(n) local s = 0 for i = 1, n do for j = i, 1, -1 do s = s + j end end "
     "return s end", [(0.0,), (1.0,), (10.0,), (-1.0,)]),
]




def all_cases():
    return list(binary_cases()) + UNARY + COMPARES + LOOPS + FORS


# --- the tests ------------------------------------------------------------------------------

@pytest.mark.parametrize("op", "+-*/%^")
def test_arithmetic(lua, op):
    for src, samples in binary_cases():
        if f" {op} " in src:
            fn = lua.function(src)
            check(compiled(fn, samples[0]), fn, samples)


@pytest.mark.parametrize("group", ["unary", "compare", "loop", "for"])
def test_stencils_on_edge_values(lua, group):
    cases = {"unary": UNARY, "compare": COMPARES, "loop": LOOPS, "for": FORS}[group]
    for src, samples in cases:
        fn = lua.function(src)
        check(compiled(fn, samples[0]), fn, samples)


def test_the_cases_use_every_stencil(lua):
    """What the tests above compile copies every stencil of the table at least once (less
    the calls, which test_backend.py runs, and the tables' entries, which
    test_native_tier.py's native_tables.lua does)."""
    used = set()
    names = set()
    for src, samples in all_cases():
        fn = lua.function(src)
        used |= compiled(fn, samples[0]).used
        names |= opcodes(fn)
    table = stencils.table("x64")
    every = {(g.name, v) for g in table.values() for v in g.variants}
    calls = {("CALL", v) for v in table["CALL"].variants} | {("CALLT", "self"), ("EXIT", "call")}
    tables = {(g, v) for g in ("TGET", "TSET") if g in table for v in table[g].variants}
    assert every - calls - tables - used == set()      # (tables: test_native_tier.py)
    binary = {OPCODES[code].name for code, s in stencils.SHAPES.items() if s.kind == "binary"}
    assert binary <= names
