"""The native backend: whole Lua functions natively on x86-64, against the interpreter:
calls, recursion, math functions, exits (ticks, depth) that resume in the interpreter, and
the reasons it refuses a function."""

import math

import pytest

from moonpatch.errors import LuaError
from moonpatch.jit import native
from moonpatch.jit.native import backend

from native.lua_native import (
    FIB, INF, MANDEL, NAN, VALUES, Lua, check, compiled, interpreted, same)

pytestmark = pytest.mark.skipif(native.host_target() != "x64" or not native.available(),
                                reason="runs x86-64 code natively")


def test_results_of_every_type(lua):
    fn = lua.function("return function(a, b) if a > b then return a, a > 1, nil end "
                      "if a == b then return end return b, false end")
    check(compiled(fn, (1.0, 2.0)), fn, [(3.0, 2.0), (2.0, 2.0), (1.0, 2.0), (NAN, 1.0)])


def test_recursion_through_an_argument(lua, resumes):
    """fib calls the function it is given, itself: a native call of its own code, with
    the results its other return gives (a number) assumed, then checked."""
    fib = lua.function(FIB)
    nf = compiled(fib, (fib, 20.0))
    assert nf.calls and all(callee is nf for callee, _ in nf.calls.values())
    check(nf, fib, [(fib, n) for n in (0.0, 1.0, 2.0, 10.0, 20.0, -1.0, 2.5, -INF)])
    assert resumes[0] == 0


def test_tail_calls_of_itself_run_in_constant_space(lua, resumes, monkeypatch):
    fn = lua.function("return function(f, n, acc) if n <= 0 then return acc end "
                      "return f(f, n - 1, acc + n) end")
    monkeypatch.setattr(backend, "MAX_DEPTH", 10)
    nf = compiled(fn, (fn, 1.0, 0.0))
    assert nf.run([fn, 100000.0, 0.0]) == [5000050000.0]
    assert resumes[0] == 0


def test_calls_between_native_functions(lua):
    square, sum_of, twice = lua.functions(
        "local function square(x) return x * x end "
        "local function sum_of(f, n) local s = 0 for i = 1, n do s = s + f(i) end return s end "
        "local function twice(g, f, n) local a = g(f, n) local b = g(f, n + 1) return a + b, "
        "a < b end "
        "return square, sum_of, twice")
    nf = compiled(twice, (sum_of, square, 1.0))
    check(nf, twice, [(sum_of, square, n) for n in (0.0, 1.0, 10.0, 100.5, NAN)])
    callees = {callee.proto for callee, _ in nf.calls.values()}
    assert callees == {sum_of.proto}
    assert {c.proto for c, _ in nf.callees[0].calls.values()} == {square.proto}


MATH_1 = ("sqrt", "abs", "floor", "ceil", "sin", "cos", "tan", "asin", "acos", "atan", "sinh",
          "cosh", "tanh", "exp", "log", "log10")
MATH_2 = ("min", "max", "pow", "fmod", "atan2")
MORE = (0.5, -0.5, 2.0, -2.0, 1e-5, 710.0, -745.5, 4503599627370495.5, -4503599627370497.0)


@pytest.mark.parametrize("name", MATH_1)
def test_math_functions_of_one_argument(lua, name):
    f = lua.global_function("math." + name)
    for src in ("return function(f, x) return f(x) end",
                "return function(f, x) local y = f(x) f(x) return y, y end"):
        fn = lua.function(src)
        check(compiled(fn, (f, 1.0)), fn, [(f, x) for x in VALUES + MORE])


@pytest.mark.parametrize("name", MATH_2)
def test_math_functions_of_two_arguments(lua, name):
    f = lua.global_function("math." + name)
    fn = lua.function("return function(f, x, y) local z = f(x, y) return z, f(y, x) end")
    values = VALUES[:12] + MORE[:5]
    check(compiled(fn, (f, 1.0, 1.0)), fn, [(f, x, y) for x in values for y in values])


def test_series_integrate_with_cos_passed_in(lua):
    fn = lua.function("return function(f, a, b, n) local h = (b - a) / n local s = 0 "
                      "for i = 0, n - 1 do s = s + f(a + (i + 0.5) * h) end return s * h end")
    cos = lua.global_function("math.cos")
    check(compiled(fn, (cos, 0.0, 1.0, 1.0)), fn, [(cos, 0.0, math.pi / 2, 1000.0),
                                                    (cos, -1.0, 2.0, 3.0)])


def test_exits_mid_loop_and_mid_recursion_resume_identically(resumes, monkeypatch):
    """Under an instruction budget the context's ticks run out every 1000 or so; where
    the tick handler says to leave (a hook set, a limit reached: here always), the
    machine code leaves mid-loop (or deep in a recursion, every frame of it) and the
    interpreter finishes with the same results."""
    ticked = backend.ticked

    def leave(ctx):
        ticked(ctx)
        return -1
    monkeypatch.setattr(backend, "ticked", leave)
    limited = Lua(max_instructions=10 ** 12)
    try:
        mandel, fib = limited.function(MANDEL), limited.function(FIB)
        check(compiled(mandel, (1.0, 1.0)), mandel, [(30.0, 50.0)])
        check(compiled(fib, (fib, 1.0)), fib, [(fib, 18.0)])
        both, total = limited.functions(         # an exit in a call for all results
            "local function total(n) local s = 0 for i = 1, n do s = s + i end return s end "
            "return function(f, n) return n, f(n) end, total")
        check(compiled(both, (total, 1.0)), both, [(total, 3000.0)])
    finally:
        limited.close()
    assert resumes[0] >= 3


def test_a_tick_that_stops_raises_the_limit_error():
    for how in ("native", "interpreted"):
        limited = Lua(max_instructions=5000)
        try:
            fn = limited.function("return function(n) local s = 0 for i = 1, n do s = s + i "
                                  "end return s end")
            nf = compiled(fn, (1.0,))
            with pytest.raises(LuaError, match="instruction limit"):
                nf.run([1e9]) if how == "native" else interpreted(fn, (1e9,))
        finally:
            limited.close()


def test_too_deep_a_recursion_goes_on_in_the_interpreter(lua, resumes, monkeypatch):
    fn = lua.function("return function(f, n) if n <= 0 then return 0 end "
                      "return 1 + f(f, n - 1) end")
    monkeypatch.setattr(backend, "MAX_DEPTH", 30)
    check(compiled(fn, (fn, 1.0)), fn, [(fn, 100.0), (fn, 29.0)])
    assert resumes[0] == 1


def test_other_argument_types_run_interpreted(lua, resumes):
    fn = lua.function("return function(a, b) return a + b end")
    nf = compiled(fn, (1.0, 2.0))
    assert same(nf.run(["1", 2.0]), [3.0]) and same(nf.run([1.0, 2.0, 3.0]), [3.0])
    assert resumes[0] == 0


@pytest.mark.parametrize("src, args, reason", [
    ("return function(a) return a + x end", (1.0,),
     "GGET of a value that is not a function or table at pc 0"),
    ("return function(...) return ... end", (), "a vararg function"),
    ("return function(a) return a .. 'x' end", (1.0,), "unsupported opcode"),
    ("return function(a, b) return a + b end", (1.0, "x"), "unknown type in register 1 at pc"),
    ("return function(a) return a < true end", (1.0,), "a boolean in register 1 at pc 1"),
    ("return function(f, a) return f(a) + 1 end", (print, 1.0),
     "a call of a function that is not known native at pc 2"),
    ("return function(f, a) return f(a) end", (print, 1.0), "a tail call of a function"),
    ("return function(f, a) local x, y = f(f, a) return x end", ("fib", 1.0),
     "its callee at pc 3: UGET of a value that is not a function or table at pc 0"),
    ("return function(a) return #a end", (1.0,), "unsupported opcode LEN at pc 0"),
    ("return function(a) local t = {} return a end", (1.0,), "unsupported opcode TNEW"),
    ("return function(f, n) if n < 1 then return true end return f(f, n - 1) + 1 end",
     ("self", 1.0), "a boolean in register 2 at pc 9"),
    ("return function(f, n) if n < 1 then return 1 end local r = f(f, n - 1) return r, r end",
     ("self", 1.0), "recursive calls whose result types differ"),
])
def test_refusals_say_why(lua, src, args, reason):
    fn = lua.function(src)
    args = [lua.global_function("print") if a is print else fn if a == "self" else
            lua.global_function("math.sqrt") if a == "sqrt" else
            lua.function("local g return function(x) return g end") if a == "fib" else a
            for a in args]
    with pytest.raises(backend.NotNative, match=reason):
        compiled(fn, args)


def test_values_the_frame_cannot_hold_are_known_by_type(lua):
    """A nil, or a function known by identity, needs no slot: it is put back on the way
    out (a return, or an exit)."""
    fn = lua.function("return function(f, n) local a, b = nil, f for i = 1, n do end "
                      "return a, b, n end")
    nf = compiled(fn, (fn, 1.0))
    check(nf, fn, [(fn, 3.0), (fn, -INF)])


GUARDED = """
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
function gfib(n) if n < 2 then return n end return gfib(n - 1) + gfib(n - 2) end
local g = math.sqrt
local function norm(x, y) return g(x * x + y * y) + math.floor(x), math.max(x, y) end
local function set_g(f) g = f end
return fib, gfib, norm, set_g"""


def test_functions_read_from_upvalues_and_globals_behind_guards(lua, resumes):
    """A local function that calls itself through its upvalue, a global one through the
    global, math.* through the global table: constants while native code runs (it runs
    no Lua code), checked at each entry from Python, which interprets a call where one
    changed."""
    fib, gfib, norm, set_g = lua.functions(GUARDED)
    for fn in (fib, gfib):
        nf = compiled(fn, (1.0,))
        assert [callee for callee, _ in nf.calls.values()] == [nf, nf]
        check(nf, fn, [(n,) for n in (0.0, 1.0, 15.0, 2.5)])
    nf = compiled(norm, (1.0, 1.0))
    assert len(nf.guards) == 4         # g, math (twice: one guard), floor, max
    check(nf, norm, [(3.0, 4.0), (-2.5, NAN), (INF, 1.0)])
    assert resumes[0] == 0
    set_g.gate([lua.global_function("math.abs")])
    check(nf, norm, [(3.0, 4.0)])
    assert nf.run([3.0, 4.0]) == [28.0, 4.0]
    globals_ = lua.runtime._state.globals.hash
    nf = compiled(gfib, (1.0,))
    globals_["gfib"] = fib
    check(nf, gfib, [(10.0,)])


def test_registers_past_the_frame_are_refused(lua):
    """What a verified chunk never has, should one get here: no slot outside the frame."""
    fn = lua.function("return function(a, b) local c = a + b return c end")
    fn.proto.framesize = 2
    with pytest.raises(backend.NotNative, match="a register past the frame at pc 0"):
        compiled(fn, (1.0, 2.0))
