"""The native backend's AArch64 code: whole functions compiled for AArch64 and run under
unicorn (a test extra), against the interpreter; an exit deep in a recursion included."""

import struct

import pytest

from moonpatch.jit.native import arm64, backend
from moonpatch.jit.native.ir import MovI, Ret

from native.lua_native import FIB, INF, MANDEL, NAN, VALUES, Lua, interpreted, same
from native.unicorn_arm64 import CODE, DATA, STUB, Machine, signed, unicorn

pytestmark = pytest.mark.skipif(unicorn is None,
                                reason="unicorn (a test extra, CPython only) is not installed")

CTX = DATA + 0xF000         # the frame stack below it, the context block here


class Words:
    """8-byte words of the emulator's memory, as ctypes arrays are indexed."""

    def __init__(self, uc, address: int, fmt: str):
        self.uc, self.address, self.fmt = uc, address, fmt

    def __getitem__(self, i):
        return struct.unpack(self.fmt, self.uc.mem_read(self.address + 8 * i, 8))[0]

    def __setitem__(self, i, value):
        self.uc.mem_write(self.address + 8 * i, struct.pack(self.fmt, value))


class EmulatedStack:
    """backend.FrameStack in the emulator's memory."""

    def __init__(self, uc):
        self.doubles, self.ints = Words(uc, DATA, "<d"), Words(uc, DATA, "<q")
        self.address, self.end = DATA, CTX
        self.ctx, self.ctx_address = Words(uc, CTX, "<q"), CTX
        self.resumed = self.budget = self.running = self.given = 0
        self.raised = None
        # the tick handler: -1, leave (the host's calls back into Python)
        uc.mem_write(STUB, arm64.assemble([MovI(arm64.ABI.result, -1), Ret()]).data)
        self.tick_handler = STUB
        self.signal_check = 0


class Emulator:
    """Where a session puts its functions: one after another from CODE."""

    def __init__(self):
        self.machine = Machine()
        self.free = CODE
        self.stack = EmulatedStack(self.machine.uc)

    def place(self, size: int):
        emulator, address = self, self.free
        self.free += (size + 15) & ~15

        class Placed:
            def load(self, code: bytes):
                emulator.machine.uc.mem_write(address, code)
                return lambda base, ctx: signed(emulator.machine.run(
                    code, xs=(base, ctx), data=None, address=address).x(0))
        placed = Placed()
        placed.address = address
        return placed

    def compile(self, fn, args):
        session = backend.Session("arm64", place=self.place, libm=self.no_libm)
        return backend.compile(fn.proto, list(args), fn, session)

    @staticmethod
    def no_libm(name):
        raise backend.NotNative("no C library under the emulator")


@pytest.fixture(scope="module")
def emulator():
    return Emulator()


def any_nan(values):
    """NaNs made from numbers (0/0, inf - inf) are negative on x86-64, positive on AArch64;
    the interpreter here runs on the host's."""
    return [NAN if v != v else v for v in values]


def check(emulator, fn, arg_lists):
    native = emulator.compile(fn, arg_lists[0])
    for args in arg_lists:
        want = interpreted(fn, args)
        got = native.run(list(args), emulator.stack)
        assert same(any_nan(want), any_nan(got)), f"{args!r}: interpreter {want!r}, native {got!r}"


def test_arithmetic_and_compares(emulator, lua):
    fn = lua.function("return function(a, b) return a + b, a - b, a * b, a / b, a % b, -a, "
                      "a < b, a <= b, a == b, not (a < b), a % 3, 2 - b end")
    values = VALUES[::2]
    check(emulator, fn, [(a, b) for a in values for b in values])


def test_loops_and_intrinsics(emulator, lua):
    sqrt, floor = lua.global_function("math.sqrt"), lua.global_function("math.floor")
    fn = lua.function("return function(sqrt, floor, a, b, s) local n, t = 0, 0 "
                      "for i = a, b, s do n = n + 1 t = t + sqrt(i) + floor(i / 3) "
                      "if n > 100 then break end end return n, t end")
    check(emulator, fn, [(sqrt, floor, a, b, s) for a, b, s in (
        (1.0, 10.0, 1.0), (10.0, 1.0, -0.5), (1.0, 0.0, 1.0), (0.0, INF, 1e300),
        (1.0, NAN, 1.0))])
    mandel = lua.function(MANDEL)
    check(emulator, mandel, [(8.0, 20.0)])


def test_recursion(emulator, lua):
    fib = lua.function(FIB)
    check(emulator, fib, [(fib, n) for n in (0.0, 1.0, 12.0)])


def test_an_exit_deep_in_a_recursion(resumes):
    limited = Lua(max_instructions=10 ** 12)
    try:
        fib = limited.function(FIB)
        emulator = Emulator()
        native = emulator.compile(fib, (fib, 1.0))
        assert same(native.run([fib, 16.0], emulator.stack), [987.0])
    finally:
        limited.close()
    assert resumes[0] == 1
