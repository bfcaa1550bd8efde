"""-jdump's machine code (jit/native/disasm.py): disassembled by capstone for x86-64 and
AArch64, or a hex dump without it, with a comment line where each bytecode instruction's
code starts; and the command line's -jdump."""

import re
import sys

import pytest

from moonpatch.jit import native as native_tier
from moonpatch.jit.native import backend, disasm

from cli.clirun import run
from native.lua_native import FIB

try:
    import capstone
except ImportError:
    capstone = None

needs_capstone = pytest.mark.skipif(capstone is None,
                                    reason="capstone (a test extra) is not installed")
needs_native = pytest.mark.skipif(not native_tier.available(), reason="no native code here")

LOOP = ("return function(n, x) local s = 0 for i = 1, n do s = s + x * i end "
        "if s < 0 then return -s end return s end")
INSTRUCTION = re.compile(r"^([0-9a-f]+)  ((?:[0-9a-f]{2} )+(?:\.\.\. )?) +(\S+)")


class Memory:
    """Where a session for another target puts its functions: nowhere that runs, one after
    another from a made-up address."""

    def __init__(self):
        self.free = 0x10000

    def place(self, size: int):
        placed = type("Placed", (), {"address": self.free, "load": lambda self, code: None})()
        self.free += (size + 15) & ~15
        return placed


def arm64_function(fn, args):
    session = backend.Session("arm64", place=Memory().place, libm=lambda name: 0x5000)
    return backend.compile(fn.proto, list(args), fn, session)


def host_function(fn, args):
    if not native_tier.available():
        pytest.skip("no native code here")
    return backend.compile(fn.proto, list(args), fn)


COMPILE = {"x64": host_function, "arm64": arm64_function}
# mnemonics the code of LOOP has: a double multiply and add, a return
MNEMONICS = {"x64": ("mulsd", "addsd", "ret"), "arm64": ("fmul", "fadd", "ret")}


def instructions(text: str):
    """(address, mnemonic, the comment lines just before it) of each instruction line."""
    out, notes = [], []
    for line in text.splitlines()[1:]:
        if line.startswith(";"):
            notes.append(line)
            continue
        m = INSTRUCTION.match(line)
        assert m, line
        out.append((int(m.group(1), 16), m.group(3), notes))
        notes = []
    return out


@needs_capstone
@pytest.mark.parametrize("target", ["x64", "arm64"])
def test_capstone_disassembles_with_a_mark_at_each_instruction(lua, target):
    if target == "x64" and native_tier.host_target() != "x64":
        pytest.skip("x86-64 code runs on an x86-64 host only")
    fn = lua.function(LOOP)
    native = COMPILE[target](fn, (5.0, 0.5))
    text = disasm.describe(native, target)
    assert text.startswith("---- native %s (%d bytes at 0x%x)\n"
                           % (target, len(native.code), native.address))
    found = instructions(text)
    mnemonics = {m for _, m, _ in found}
    assert all(m in mnemonics for m in MNEMONICS[target]), mnemonics
    assert ".byte" not in mnemonics             # capstone decoded everything
    at = {address - native.address: notes for address, _, notes in found}
    assert at[0] == ["; function entry"]
    # each bytecode instruction's line of the listing marks the first byte of its code
    for pc, offset in native.offsets.items():
        assert any(n.startswith("; %04d " % (pc + 1)) for n in at[offset]), (pc, at[offset])
    assert any(n.startswith("; 0001    KSHORT") for n in at[native.offsets[0]])
    for offset in native.exits:
        assert any(n.startswith("; exit stub: ") for n in at[offset])
    if target == "arm64":
        assert all(b - a == 4 for (a, _, _), (b, _, _) in zip(found, found[1:]))


@pytest.mark.parametrize("target", ["x64", "arm64"])
def test_without_capstone_a_hex_dump_with_the_same_marks(lua, target, monkeypatch):
    monkeypatch.setitem(sys.modules, "capstone", None)      # (its import fails)
    fn = lua.function(LOOP)
    native = COMPILE[target](fn, (5.0, 0.5))
    lines = disasm.describe(native, target).splitlines()
    assert lines[1] == ("; capstone is not installed (pip install 'moonpatch[native]'): "
                        "the code as bytes")
    dumped, marked = b"", {}
    for line in lines[2:]:
        if line.startswith(";"):
            marked.setdefault(len(dumped), []).append(line)
            continue
        address, data = line.split("  ")
        assert int(address, 16) == native.address + len(dumped)
        dumped += bytes.fromhex(data)
    assert dumped == native.code
    assert marked[0] == ["; function entry"]
    for pc, offset in native.offsets.items():
        assert any(n.startswith("; %04d " % (pc + 1)) for n in marked[offset])


def test_the_callees_made_for_a_function_are_shown_after_it(lua):
    fns = lua.functions("local function sq(x) return x * x end "
                        "return function(a) return sq(a) + sq(a + 1) end")
    native = arm64_function(fns[0], (2.0,))
    text = disasm.describe_all(native, "arm64")
    assert text.count("---- native") == 2
    assert "---- native callee test:1 arm64 (" in text


# -- the command line

def moonpatch(*args):
    return run(None, [sys.executable, "-m", "moonpatch", *args])


FIB_CALLS = (FIB.replace("return function", "local fib = function")
             + " local function s(n) return n .. '' end print(fib(fib, 15), s(1))")


@needs_native
def test_jdump_shows_the_machine_code_of_each_native_compilation():
    out, err, status = moonpatch("-jdump", "-Ohotcall=1", "-e", FIB_CALLS)
    assert (status, err) == (0, "") and out.endswith("610\t1\n")
    section = out[out.index("---- native " + native_tier.host_target()):]
    assert "; 0001    KSHORT" in section and "; exit stub: " in section
    if capstone is not None and native_tier.host_target() == "x64":
        assert "addsd" in section and "call" in section
    # s is not native (a string constant), and -jdump says why
    assert "---- not native: unsupported opcode KSTR at pc 1\n" in out


@needs_native
def test_jdump_without_native_code_says_nothing_of_it():
    out, err, status = moonpatch("-jdump", "-Ohotcall=1", "-Onative=0", "-e", FIB_CALLS)
    assert status == 0 and out.count("---- Python") == 3 and "native" not in out
