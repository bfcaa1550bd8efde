"""The x86-64 encoder: the IR corpus run natively, encodings checked against capstone,
and holes patched in copied code."""

import ctypes
import ctypes.util
import math
import platform
import re
import struct

import pytest

from moonpatch.jit import native
from moonpatch.jit.native import pages, x64
from moonpatch.jit.native.ir import (
    Alu, AluI, BitsFloat, Branch, Call, CallR, Code, Epilogue, FAlu, FBranch, FloatBits,
    FloatToInt, FMovI, FRound, FReg, FSetCond, FUnary, Hole, IntToFloat, Jump, Label, Lea, Load,
    Mov, MovI, Patch, Prologue, Reg, Ret, SetCond, Store)
from native.cases import CASES, EXTERNS, failure

ON_X64 = native.host_target() == "x64" and native.available()
needs_x64 = pytest.mark.skipif(
    not ON_X64, reason=f"runs x86-64 code natively ({platform.machine()}: "
                       f"{native.unavailable_reason() or 'not x86-64'})")


def disassembly(data: bytes) -> str:
    try:
        import capstone
    except ImportError:
        return data.hex()
    md = capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_64)
    return "\n".join(f"  {i.address:4x}  {i.mnemonic} {i.op_str}" for i in md.disasm(data, 0))


# --- (a) the corpus, run natively -----------------------------------------------------------

def c_function_address(symbol: str) -> int:
    for library in ("m", "c"):
        function = getattr(ctypes.CDLL(ctypes.util.find_library(library)), symbol, None)
        if function is not None:
            return ctypes.cast(function, ctypes.c_void_p).value
    raise LookupError(symbol)


class Runner:
    """Runs cases.py's programs as native code through pages.py and ctypes."""

    def __init__(self, sse41: bool):
        self.sse41 = sse41
        self.externs = {}       # name -> (address, pages or None)

    def address(self, name: str) -> int:
        if name not in self.externs:
            extern = EXTERNS[name]
            if extern.symbol:
                self.externs[name] = (c_function_address(extern.symbol), None)
            else:
                program = extern.build(x64.ABI, {})
                p = self.load(x64.assemble(program, sse41=self.sse41), {})
                self.externs[name] = (p.address, p)
        return self.externs[name][0]

    @staticmethod
    def load(code: Code, values: dict) -> pages.ExecPages:
        p = pages.ExecPages(len(code.data))
        data = bytearray(code.data)
        for hole in code.holes:
            x64.patch(data, hole, values[hole.name], p.address)
        p.write(0, data)
        p.seal()
        return p

    def run(self, case):
        """(code, result, memory after) of one case."""
        ext = {name: self.address(name) for name in case.externs}
        code = x64.assemble(case.build(x64.ABI, ext), sse41=self.sse41)
        p = self.load(code, {**ext, **dict(case.patches)})
        ints = [a for a in case.args if isinstance(a, int)]
        floats = [a for a in case.args if isinstance(a, float)]
        buffer = None
        if case.memory is not None:
            buffer = ctypes.create_string_buffer(len(case.memory) + 16)
            address = -(-ctypes.addressof(buffer) // 16) * 16
            ctypes.memmove(address, case.memory, len(case.memory))
            ints.insert(0, address)
        expect = case.expect(x64.ABI) if callable(case.expect) else case.expect
        restype = ctypes.c_double if isinstance(expect, float) else ctypes.c_int64
        function = p.entry(restype, *[ctypes.c_int64] * len(ints),
                           *[ctypes.c_double] * len(floats))
        result = function(*ints, *floats)
        memory = None if buffer is None else ctypes.string_at(address, len(case.memory))
        return code, expect, result, memory


def failures(runner: Runner, group):
    return [f for f in (failure(case, x64.ABI, runner.run(case), disassembly) for case in group)
            if f]


GROUPS = {}
for _case in CASES:
    GROUPS.setdefault(_case.name.split("/")[0], []).append(_case)


@needs_x64
@pytest.mark.parametrize("group", sorted(GROUPS))
def test_corpus_runs_natively(group):
    found = failures(Runner(native.cpu_features()["sse41"]), GROUPS[group])
    assert not found, f"{len(found)} of {len(GROUPS[group])} failed:\n" + "\n".join(found[:5])


@needs_x64
def test_fround_without_sse41():
    """The SSE2 sequence that stands in for roundsd gives roundsd's answers."""
    found = failures(Runner(sse41=False), GROUPS["fround"] + GROUPS["luamod"])
    assert not found, "\n".join(found[:5])


# --- (b) encodings against capstone's disassembly ------------------------------------------

GPRS = [n for n in range(16) if n != x64.SCRATCH]
XMMS = list(range(15))
R64 = x64.GPR_NAMES
R32 = ("eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi") + tuple(f"r{n}d"
                                                                       for n in range(8, 16))
R16 = ("ax", "cx", "dx", "bx", "sp", "bp", "si", "di") + tuple(f"r{n}w" for n in range(8, 16))
R8 = ("al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil") + tuple(f"r{n}b" for n in range(8, 16))
OFFSETS = (0, 1, -1, 8, 127, -128, 128, -129, 0x1234, -0x1234, 2 ** 31 - 1, -2 ** 31)
NUMBER = re.compile(r"(?<![\w.])(-?)(0x[0-9a-f]+|\d+)\b")


def normal(text: str) -> str:
    """Numbers as unsigned 64-bit hex, since capstone prints an immediate signed or not
    depending on the instruction."""
    def hex64(m):
        value = int(m.group(2), 0) * (-1 if m.group(1) else 1)
        return hex(value % 2 ** 64)
    return NUMBER.sub(hex64, text.strip())


@pytest.fixture(scope="module")
def cs():
    capstone = pytest.importorskip("capstone", reason="capstone is not installed (it checks "
                                                      "the encodings)")
    return capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_64)


def listing(cs, data: bytes):
    lines, size = [], 0
    for insn in cs.disasm(data, 0):
        lines.append(normal(f"{insn.mnemonic} {insn.op_str}"))
        size += insn.size
    assert size == len(data), f"capstone stops at byte {size}: {data[size:].hex()}"
    return lines


def check_each(cs, pairs, sse41=True):
    """Assemble each (record or records, expected lines) and compare with capstone; END in
    a line stands for the code's length (where a label at the end is)."""
    for records, lines in pairs:
        records = records if isinstance(records, list) else [records]
        data = x64.assemble(records, sse41=sse41).data
        got = listing(cs, data)
        want = [normal(line.replace("END", str(len(data))))
                for line in ([lines] if isinstance(lines, str) else lines)]
        assert got == want, f"{records}"


def mem(base, index=None, shift=0, offset=0) -> str:
    text = R64[base]
    if index is not None:
        text += f" + {R64[index]}" + (f"*{1 << shift}" if shift else "")
    if offset:
        text += f" + {offset:#x}" if offset > 0 else f" - {-offset:#x}"
    return f"[{text}]"


def addressings():
    """(base, index, shift, offset) with every register as base and as index (rsp cannot
    index), disp 0, 8-bit and 32-bit, positive and negative."""
    for k, base in enumerate(GPRS):
        for offset in OFFSETS:
            yield base, None, 0, offset
        for j, index in enumerate(i for i in GPRS if i != x64.RSP):
            yield base, index, (j + k) % 4, OFFSETS[(j + 3 * k) % len(OFFSETS)]


LOAD_TEXT = {"i8": ("movsx", R64, "byte"), "u8": ("movzx", R32, "byte"),
             "i16": ("movsx", R64, "word"), "u16": ("movzx", R32, "word"),
             "i32": ("movsxd", R64, "dword"), "u32": ("mov", R32, "dword"),
             "i64": ("mov", R64, "qword")}
STORE_TEXT = {"i8": (R8, "byte"), "u8": (R8, "byte"), "i16": (R16, "word"),
              "u16": (R16, "word"), "i32": (R32, "dword"), "u32": (R32, "dword"),
              "i64": (R64, "qword")}


@pytest.mark.parametrize("width", sorted(LOAD_TEXT) + ["f32", "f64"])
def test_load_store_encodings(cs, width):
    pairs = []
    for k, (base, index, shift, offset) in enumerate(addressings()):
        m = mem(base, index, shift, offset)
        where = (Reg(base), None if index is None else Reg(index), shift, offset)
        if width in LOAD_TEXT:
            mnemonic, names, size = LOAD_TEXT[width]
            r = GPRS[k % len(GPRS)]
            pairs.append((Load(width, Reg(r), *where), f"{mnemonic} {names[r]}, {size} ptr {m}"))
            names, size = STORE_TEXT[width]
            pairs.append((Store(width, Reg(r), *where), f"mov {size} ptr {m}, {names[r]}"))
        else:
            x = XMMS[k % len(XMMS)]
            if width == "f64":
                pairs.append((Load(width, FReg(x), *where), f"movsd xmm{x}, qword ptr {m}"))
                pairs.append((Store(width, FReg(x), *where), f"movsd qword ptr {m}, xmm{x}"))
            else:
                pairs.append((Load(width, FReg(x), *where), f"cvtss2sd xmm{x}, dword ptr {m}"))
                pairs.append((Store(width, FReg(x), *where),
                              [f"cvtsd2ss xmm15, xmm{x}", f"movss dword ptr {m}, xmm15"]))
        if width == "i64":
            r = GPRS[(k + 5) % len(GPRS)]
            pairs.append((Lea(Reg(r), *where), f"lea {R64[r]}, {m}"))
    check_each(cs, pairs)


def test_rsp_as_index_swaps_into_the_base(cs):
    check_each(cs, [(Load("i64", Reg(0), Reg(3), Reg(x64.RSP), 0, 8), "mov rax, qword ptr "
                     + mem(x64.RSP, 3, 0, 8)),
                    (Lea(Reg(0), Reg(13), Reg(x64.RSP)), "lea rax, " + mem(x64.RSP, 13))])


def test_register_forms(cs):
    pairs = []
    for d in GPRS:
        for s in GPRS:
            pairs.append((Mov(Reg(d), Reg(s)), [] if d == s else f"mov {R64[d]}, {R64[s]}"))
    for r in GPRS:
        for x in XMMS:
            pairs += [(IntToFloat(FReg(x), Reg(r)), f"cvtsi2sd xmm{x}, {R64[r]}"),
                      (FloatToInt(Reg(r), FReg(x)), f"cvttsd2si {R64[r]}, xmm{x}"),
                      (FloatBits(Reg(r), FReg(x)), f"movq {R64[r]}, xmm{x}"),
                      (BitsFloat(FReg(x), Reg(r)), f"movq xmm{x}, {R64[r]}")]
        pairs.append((CallR(Reg(r)), f"call {R64[r]}"))
    for d in XMMS:
        for s in XMMS:
            pairs += [(FUnary("mov", FReg(d), FReg(s)), [] if d == s else f"movaps xmm{d}, xmm{s}"),
                      (FUnary("sqrt", FReg(d), FReg(s)), f"sqrtsd xmm{d}, xmm{s}"),
                      (FUnary("neg", FReg(d), FReg(s)),
                       [f"movq r11, xmm{s}", "btc r11, 63", f"movq xmm{d}, r11"]),
                      (FUnary("abs", FReg(d), FReg(s)),
                       [f"movq r11, xmm{s}", "btr r11, 63", f"movq xmm{d}, r11"])]
            for mode, imm in (("floor", 9), ("ceil", 10), ("trunc", 11)):
                pairs.append((FRound(mode, FReg(d), FReg(s)), f"roundsd xmm{d}, xmm{s}, {imm}"))
            if d != s:
                for op in ("add", "sub", "mul", "div"):
                    pairs.append((FAlu(op, FReg(d), FReg(d), FReg(s)), f"{op}sd xmm{d}, xmm{s}"))
                for op in ("min", "max"):    # dst = b: `b < a ? b : a` is minsd b, a
                    pairs.append((FAlu(op, FReg(d), FReg(s), FReg(d)), f"{op}sd xmm{d}, xmm{s}"))
    check_each(cs, pairs)


def test_integer_alu_encodings(cs):
    pairs = []
    for k, d in enumerate(GPRS):
        s = GPRS[(k + 3) % len(GPRS)]
        for op in ("add", "sub", "and", "or", "xor"):
            pairs.append((Alu(op, Reg(d), Reg(d), Reg(s)), f"{op} {R64[d]}, {R64[s]}"))
        pairs.append((Alu("mul", Reg(d), Reg(d), Reg(s)), f"imul {R64[d]}, {R64[s]}"))
        for imm in (0, 1, -1, 127, -128, 128, -129, 2 ** 31 - 1, -2 ** 31):
            for op in ("add", "sub", "and", "or", "xor"):
                pairs.append((AluI(op, Reg(d), Reg(d), imm), f"{op} {R64[d]}, {imm}"))
            pairs.append((AluI("mul", Reg(d), Reg(s), imm), f"imul {R64[d]}, {R64[s]}, {imm}"))
            pairs.append(([Branch("eq", Reg(d), imm, "x"), Label("x")],
                          [f"cmp {R64[d]}, {imm}", "je END"]))
        for op, mnemonic in (("shl", "shl"), ("shr", "shr"), ("sar", "sar")):
            for count in (0, 1, 32, 63):
                pairs.append((AluI(op, Reg(d), Reg(d), count),
                              f"{mnemonic} {R64[d]}, {count}"))
            if d != x64.RCX:
                pairs.append((Alu(op, Reg(d), Reg(d), Reg(x64.RCX)), f"{mnemonic} {R64[d]}, cl"))
        for value in (1, 9, 2 ** 32 - 1):
            pairs.append((MovI(Reg(d), value), f"mov {R32[d]}, {value}"))
        pairs += [(MovI(Reg(d), 0), f"xor {R32[d]}, {R32[d]}"),
                  (MovI(Reg(d), -1), f"mov {R64[d]}, -1"),
                  (MovI(Reg(d), -2 ** 31), f"mov {R64[d]}, {-2 ** 31}"),
                  (MovI(Reg(d), 2 ** 32), f"movabs {R64[d]}, {2 ** 32}"),
                  (MovI(Reg(d), -2 ** 31 - 1), f"movabs {R64[d]}, {-2 ** 31 - 1}"),
                  (MovI(Reg(d), 2 ** 64 - 2), f"mov {R64[d]}, -2")]
        for cond, cc in (("eq", "e"), ("ne", "ne"), ("lt", "l"), ("le", "le"), ("gt", "g"),
                         ("ge", "ge"), ("ltu", "b"), ("leu", "be"), ("gtu", "a"),
                         ("geu", "ae")):
            pairs.append((SetCond(cond, Reg(d), Reg(s), Reg(d)),
                          [f"cmp {R64[s]}, {R64[d]}", f"set{cc} {R8[d]}",
                           f"movzx {R32[d]}, {R8[d]}"]))
    check_each(cs, pairs)


def test_lowerings(cs):
    """Records that take several instructions, in each of their register arrangements."""
    rax, rcx, rdx, rbx, xmm1, xmm2, xmm3 = Reg(0), Reg(1), Reg(2), Reg(3), FReg(1), FReg(2), \
        FReg(3)
    check_each(cs, [
        (Alu("add", rax, rcx, rdx), ["mov rax, rcx", "add rax, rdx"]),
        (Alu("add", rax, rcx, rax), "add rax, rcx"),
        (Alu("sub", rax, rcx, rax), ["neg rax", "add rax, rcx"]),
        (Alu("mul", rax, rcx, rax), "imul rax, rcx"),
        (AluI("add", rax, rcx, 5), ["mov rax, rcx", "add rax, 5"]),
        (AluI("xor", rax, rcx, 2 ** 40), ["movabs r11, 0x10000000000", "mov rax, rcx",
                                          "xor rax, r11"]),
        (AluI("sub", rax, rax, 2 ** 63), ["movabs r11, 0x8000000000000000", "sub rax, r11"]),
        (AluI("shl", rax, rcx, 3), ["mov rax, rcx", "shl rax, 3"]),
        (Alu("shl", rax, rbx, rcx), ["mov rax, rbx", "shl rax, cl"]),
        (Alu("sar", rcx, rbx, rcx), ["mov r11, rbx", "sar r11, cl", "mov rcx, r11"]),
        (Alu("shr", rax, rbx, rdx), ["xchg rcx, rdx", "mov r11, rbx", "shr r11, cl",
                                     "xchg rcx, rdx", "mov rax, r11"]),
        (Alu("shl", rax, rcx, rdx), ["xchg rcx, rdx", "mov r11, rdx", "shl r11, cl",
                                     "xchg rcx, rdx", "mov rax, r11"]),
        (Alu("shl", rax, rdx, rdx), ["xchg rcx, rdx", "mov r11, rcx", "shl r11, cl",
                                     "xchg rcx, rdx", "mov rax, r11"]),
        (FAlu("add", xmm1, xmm2, xmm3), ["movaps xmm1, xmm2", "addsd xmm1, xmm3"]),
        (FAlu("mul", xmm1, xmm2, xmm1), "mulsd xmm1, xmm2"),
        (FAlu("div", xmm1, xmm2, xmm1), ["movaps xmm15, xmm1", "movaps xmm1, xmm2",
                                         "divsd xmm1, xmm15"]),
        (FAlu("min", xmm1, xmm2, xmm3), ["movaps xmm1, xmm3", "minsd xmm1, xmm2"]),
        (FAlu("max", xmm1, xmm1, xmm3), ["movaps xmm15, xmm3", "maxsd xmm15, xmm1",
                                         "movaps xmm1, xmm15"]),
        (FMovI(xmm1, 0.0), "xorps xmm1, xmm1"),
        (FMovI(xmm1, -0.0), ["movabs r11, 0x8000000000000000", "movq xmm1, r11"]),
        (FSetCond("gt", rdx, xmm1, xmm2), ["ucomisd xmm1, xmm2", "seta dl", "movzx edx, dl"]),
        (FSetCond("ge", rdx, xmm1, xmm2), ["ucomisd xmm1, xmm2", "setae dl", "movzx edx, dl"]),
        (FSetCond("lt", rdx, xmm1, xmm2), ["ucomisd xmm2, xmm1", "seta dl", "movzx edx, dl"]),
        (FSetCond("le", rdx, xmm1, xmm2), ["ucomisd xmm2, xmm1", "setae dl", "movzx edx, dl"]),
        (FSetCond("eq", Reg(6), xmm1, xmm2), ["ucomisd xmm1, xmm2", "sete sil", "setnp r11b",
                                              "and sil, r11b", "movzx esi, sil"]),
        (FSetCond("ne", Reg(6), xmm1, xmm2), ["ucomisd xmm1, xmm2", "setne sil", "setp r11b",
                                              "or sil, r11b", "movzx esi, sil"]),
        ([FBranch("eq", xmm1, xmm2, "x"), Label("x")], ["ucomisd xmm1, xmm2", "jp END",
                                                        "je END"]),
        ([FBranch("ne", xmm1, xmm2, "x"), Label("x")], ["ucomisd xmm1, xmm2", "jp END",
                                                        "jne END"]),
        ([FBranch("lt", xmm1, xmm2, "x"), Label("x")], ["ucomisd xmm2, xmm1", "ja END"]),
        ([Branch("gtu", rax, Reg(12), "x"), Label("x")], ["cmp rax, r12", "ja END"]),
        ([Branch("lt", rax, 2 ** 40, "x"), Label("x")], ["movabs r11, 0x10000000000",
                                                          "cmp rax, r11", "jl END"]),
        (Jump(0x1234), ["movabs r11, 0x1234", "jmp r11"]),
        ([Branch("eq", rax, 0, 0x1234)], ["cmp rax, 0", "je 8", "jmp END",
                                          "movabs r11, 0x1234", "jmp r11"]),
        (Call(0x123456789), ["movabs r11, 0x123456789", "call r11"]),
        (Call(Patch("f")), ["movabs r11, 0", "call r11"]),
        (MovI(Reg(15), Patch("k")), "movabs r15, 0"),
        (FMovI(FReg(9), Patch("c")), ["movabs r11, 0", "movq xmm9, r11"]),
        (Ret(), "ret"),
        (Prologue(0), "sub rsp, 8"),
        (Prologue(8, (rbx,)), ["push rbx", "sub rsp, 0x10"]),
        (Prologue(16, (rbx, Reg(12))), ["push rbx", "push r12", "sub rsp, 0x18"]),
        (Prologue(0, (rbx, Reg(5), Reg(12), Reg(13), Reg(14), Reg(15))),
         ["push rbx", "push rbp", "push r12", "push r13", "push r14", "push r15",
          "sub rsp, 8"]),
        (Prologue(0, (rbx,)), "push rbx"),
        (Prologue(20, (FReg(14), rbx)), ["push rbx", "sub rsp, 0x20",
                                         "movsd qword ptr [rsp + 0x18], xmm14"]),
        (Epilogue(20, (FReg(14), rbx)), ["movsd xmm14, qword ptr [rsp + 0x18]",
                                         "add rsp, 0x20", "pop rbx", "ret"]),
        (Epilogue(16, (rbx, Reg(12))), ["add rsp, 0x18", "pop r12", "pop rbx", "ret"]),
    ])


@pytest.mark.parametrize("record, size", [
    (AluI("add", Reg(0), Reg(0), 1), 4), (AluI("add", Reg(0), Reg(0), 128), 7),
    (AluI("mul", Reg(0), Reg(1), -128), 4), (AluI("mul", Reg(0), Reg(1), 128), 7),
    (Branch("eq", Reg(0), -128, "x"), 4 + 6), (Branch("eq", Reg(0), 128, "x"), 7 + 6),
    (MovI(Reg(0), 0), 2), (MovI(Reg(0), 1), 5), (MovI(Reg(0), -1), 7), (MovI(Reg(0), 2 ** 32), 10),
    (Load("i64", Reg(0), Reg(1)), 3), (Load("i64", Reg(0), Reg(1), None, 0, 8), 4),
    (Load("i64", Reg(0), Reg(1), None, 0, 128), 7), (Load("i64", Reg(0), Reg(5)), 4),
    (Load("i64", Reg(0), Reg(13)), 4), (Load("i64", Reg(0), Reg(4)), 4),
    (Load("i64", Reg(0), Reg(12), None, 0, -128), 5), (Load("u32", Reg(0), Reg(1)), 2),
    (Load("i64", Reg(0), Reg(1), Reg(2), 3), 4), (Load("i64", Reg(0), Reg(5), Reg(2), 3), 5),
])
def test_shortest_forms(record, size):
    """The short encodings are chosen where they fit (capstone's text does not show it)."""
    assert len(x64.assemble([record]).data) == size


def test_fround_sse2_sequence(cs):
    """Without SSE4.1: truncate through r11, step toward the rounding, keep the sign of 0."""
    got = listing(cs, x64.assemble([FRound("floor", FReg(1), FReg(2))], sse41=False).data)
    assert [line.split()[0] for line in got] == [
        "cvttsd2si", "cmp", "jo", "cvtsi2sd", "ucomisd", "jbe", "sub", "cvtsi2sd", "test",
        "jne", "movq", "shr", "shl", "movq", "movaps", "jmp", "movaps"]


def test_jumps_are_short_where_they_fit(cs):
    for n, size in ((0, 2), (127, 2), (128, 5)):
        code = x64.assemble([Jump("x"), *[Ret()] * n, Label("x")])
        assert len(code.data) == size + n and code.labels["x"] == size + n
        assert listing(cs, code.data)[0] == normal(f"jmp {size + n}")
    for n, size in ((123, 2), (124, 6)):    # backward: the cmp's and jump's bytes count too
        code = x64.assemble([Label("x"), *[Ret()] * n, Branch("eq", Reg(0), Reg(1), "x")])
        assert len(code.data) == n + 3 + size
        assert listing(cs, code.data)[-1] == normal("je 0")
    # The second jump must be long, which pushes the first one's target out of short reach.
    code = x64.assemble([Jump("a"), Jump("b"), *[Ret()] * 125, Label("a"), *[Ret()] * 200,
                         Label("b")])
    lines = listing(cs, code.data)
    assert lines[:2] == [normal(f"jmp {code.labels['a']}"), normal(f"jmp {code.labels['b']}")]
    assert code.labels["a"] == 5 + 5 + 125


# --- (c) holes --------------------------------------------------------------------------------

def patched(code: Code, p: pages.ExecPages, values: dict, offset: int = 0) -> None:
    data = bytearray(code.data)
    for hole in code.holes:
        x64.patch(data, hole, values[hole.name], p.address + offset)
    p.write(offset, data)


@needs_x64
def test_holes_patched_in_copies():
    """One stencil with a constant, a double, a call and a jump left open, copied twice and
    patched differently; the jump goes to code outside the stencil (rel32)."""
    abi = x64.ABI
    stencil = x64.assemble([
        Prologue(0), MovI(abi.args[0], Patch("k")), FMovI(abi.fargs[0], Patch("c")),
        Call(Patch("f")), Epilogue(0),
        Label("other"), Branch("gt", abi.args[0], 0, Patch("exit")), Jump("fallthrough")])
    assert sorted((h.kind, h.name) for h in stencil.holes) == [
        ("abs64", "c"), ("abs64", "f"), ("abs64", "k"), ("rel32", "exit"),
        ("rel32", "fallthrough")]
    floor = c_function_address("floor")
    returns = x64.assemble([MovI(abi.result, 41), Ret(), MovI(abi.result, 42), Ret()])
    p = pages.ExecPages(4096)
    p.write(2048, returns.data)
    patched(stencil, p, {"k": 1, "c": struct.unpack("<Q", struct.pack("<d", -2.5))[0],
                         "f": floor, "exit": p.address + 2048,
                         "fallthrough": p.address + 2048 + 6}, offset=0)
    patched(stencil, p, {"k": -1, "c": 0x7FF0000000000000, "f": floor,
                         "exit": p.address + 2048, "fallthrough": p.address + 2048 + 6},
            offset=1024)
    p.seal()
    assert p.entry(ctypes.c_double)() == -3.0
    assert p.entry(ctypes.c_double, offset=1024)() == math.inf
    other = stencil.labels["other"]
    assert p.entry(ctypes.c_int64, ctypes.c_int64, offset=other)(5) == 41
    assert p.entry(ctypes.c_int64, ctypes.c_int64, offset=other)(-5) == 42
    assert p.entry(ctypes.c_int64, ctypes.c_int64, offset=1024 + other)(0) == 42


def test_a_patch_target_is_a_hole_even_where_a_label_has_its_name():
    code = x64.assemble([Label("x"), Jump(Patch("x")), Branch("eq", Reg(0), 0, Patch("x"))])
    assert [(h.kind, h.name) for h in code.holes] == [("rel32", "x"), ("rel32", "x")]


def test_patch_checks_ranges():
    data = bytearray(16)
    x64.patch(data, Hole(0, "abs64", "k"), -1, 0)
    assert data[:8] == b"\xff" * 8
    x64.patch(data, Hole(8, "rel32", "t", -4), 0x1000, 0x1000)
    assert struct.unpack_from("<i", data, 8)[0] == -12
    with pytest.raises(x64.EncodeError, match="rel32"):
        x64.patch(data, Hole(8, "rel32", "t", -4), 2 ** 32, 0)
    with pytest.raises(x64.EncodeError, match="abs64"):
        x64.patch(data, Hole(0, "abs64", "k"), 2 ** 64, 0)
    with pytest.raises(x64.EncodeError, match="kind"):
        x64.patch(data, Hole(0, "a64_b26", "k"), 0, 0)
    x64.patch(data, Hole(4, "disp32", "slot", 8), -16, 0x1000)     # absolute: base unused
    assert struct.unpack_from("<i", data, 4)[0] == -8
    with pytest.raises(x64.EncodeError, match="disp32"):
        x64.patch(data, Hole(4, "disp32", "slot"), 2 ** 31, 0)


def test_a_patch_offset_is_the_last_disp32(cs):
    for record, text in (
            (Load("f64", FReg(1), Reg(3), None, 0, Patch("s")),
             "movsd xmm1, qword ptr [rbx + 0x7b]"),
            (Store("i64", Reg(0), Reg(13), None, 0, Patch("s")), "mov qword ptr [r13 + 0x7b], rax"),
            (Store("u8", Reg(6), Reg(4), None, 0, Patch("s")), "mov byte ptr [rsp + 0x7b], sil"),
            (Store("f32", FReg(2), Reg(0), None, 0, Patch("s")),
             "movss dword ptr [rax + 0x7b], xmm15")):
        code = x64.assemble([record])
        (hole,) = code.holes
        assert (hole.kind, hole.name, hole.offset) == ("disp32", "s", len(code.data) - 4)
        data = bytearray(code.data)
        x64.patch(data, hole, 123, 0)
        assert listing(cs, data)[-1] == normal(text)
    with pytest.raises(x64.EncodeError, match="no index"):
        x64.assemble([Load("i64", Reg(0), Reg(3), Reg(1), 0, Patch("s"))])
    with pytest.raises(x64.EncodeError, match="Lea takes no Patch"):
        x64.assemble([Lea(Reg(0), Reg(3), None, 0, Patch("s"))])


# --- bad input ----------------------------------------------------------------------------------

@pytest.mark.parametrize("record, message", [
    (Mov(Reg(0), Reg(11)), "r11 is the encoder's scratch"),
    (FUnary("mov", FReg(15), FReg(0)), "xmm15 is the encoder's scratch"),
    (Mov(Reg(0), FReg(1)), "src must be a Reg"),
    (Mov(Reg(16), Reg(0)), "r0..r15"),
    (Mov(Reg("a"), Reg(0)), "r0..r15"),
    (FAlu("add", FReg(0), Reg(1), FReg(2)), "a must be an FReg"),
    (Alu("div", Reg(0), Reg(1), Reg(2)), "unknown integer op 'div'"),
    (AluI("add", Reg(0), Reg(1), 2 ** 64), "out of range"),
    (AluI("add", Reg(0), Reg(1), True), "must be an int"),
    (AluI("add", Reg(0), Reg(1), Patch("k")), "must be an int"),
    (FAlu("pow", FReg(0), FReg(1), FReg(2)), "unknown float op"),
    (FUnary("exp", FReg(0), FReg(1)), "unknown float unary op"),
    (FRound("round", FReg(0), FReg(1)), "unknown rounding"),
    (Load("i128", Reg(0), Reg(1)), "unknown width"),
    (Load("f64", Reg(0), Reg(1)), "dst must be an FReg"),
    (Store("i32", FReg(0), Reg(1)), "src must be a Reg"),
    (Load("i64", Reg(0), Reg(1), Reg(2), 4), "scales by 1..8"),
    (Load("i64", Reg(0), Reg(1), None, 0, 2 ** 31), "offset .* out of range"),
    (Load("i64", Reg(0), Reg(1), Reg(4), 1), "rsp can only be an index"),
    (Load("i64", Reg(0), Reg(4), Reg(4)), "rsp can only be an index"),
    (MovI(Reg(0), 1.5), "imm must be an int"),
    (FMovI(FReg(0), "1.5"), "value must be a float"),
    (SetCond("lt", Reg(0), Reg(1), 3), "b must be a Reg"),
    (FSetCond("lg", Reg(0), FReg(1), FReg(2)), "unknown float condition"),
    (Branch("ult", Reg(0), Reg(1), "x"), "unknown integer condition"),
    (Branch("eq", Reg(0), 1.0, "x"), "b must be a Reg or an int"),
    (Jump(1.5), "target must be"),
    (Jump(-1), "out of range"),
    (Call("floor"), "call target must be an int"),
    (CallR(Reg(11)), "scratch"),
    (Prologue(-8), "frame -8 is out of range"),
    (Prologue(0, (Reg(3), Reg(3))), "repeat"),
    (Prologue(0, (Reg(4),)), "rsp cannot be saved"),
    (Prologue(0, [Reg(3)]), "must be a tuple"),
    (Label(3), "label name must be a str"),
    (AluI("shl", Reg(0), Reg(1), 64), "shift count 64"),
    (AluI("sar", Reg(0), Reg(1), -1), "shift count -1"),
    ("ret", "not an IR record"),
])
def test_bad_records_raise_clear_errors(record, message):
    with pytest.raises(x64.EncodeError, match=message):
        x64.assemble([record])


def test_a_label_defined_twice():
    with pytest.raises(x64.EncodeError, match="label 'x' is defined twice"):
        x64.assemble([Label("x"), Ret(), Label("x")])


def test_unknown_features_are_refused():
    with pytest.raises(x64.EncodeError, match="features"):
        x64.assemble([Ret()], neon=True)
