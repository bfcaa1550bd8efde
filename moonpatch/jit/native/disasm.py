"""A native function's machine code as text, for -jdump (jit/observers.py).

The code is disassembled by capstone (an optional extra: `pip install 'moonpatch[native]'`)
for x86-64 or AArch64, one line per instruction (address, bytes, mnemonic, operands); without
capstone it is a hex dump. Either way a comment line marks where the code of each bytecode
instruction starts (its line of the bytecode listing, numbered as the listing numbers it), of
the function's entry and of each exit stub, from the offsets the backend records
(NativeFunction.offsets and .exits).
"""

from typing import Dict, List, Optional

from ...bytecode.listing import line as listing_line
from ...common.chunkid import chunkid
from . import host_target
from .stencils import EXIT_CALL, EXIT_STACK, EXIT_TICK

INSTALL = "pip install 'moonpatch[native]'"
EXIT_KINDS = {EXIT_TICK: "a tick that stops, going on at %04d",
              EXIT_STACK: "the frame stack or the call depth full, at %04d",
              EXIT_CALL: "a callee's exit, at the call %04d"}
BYTES_SHOWN = {"x64": 10, "arm64": 4}     # the bytes column's width (x86-64's longest: 15)
DUMP_WIDTH = 16             # bytes per line of a hex dump


def capstone_for(target: str):
    """A capstone disassembler for target ("x64" or "arm64"), or None without capstone."""
    try:
        import capstone
    except ImportError:
        return None
    if target == "x64":
        md = capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_64)
    else:       # (capstone 6 renamed ARM64 to AARCH64)
        arch = getattr(capstone, "CS_ARCH_ARM64", None)
        if arch is None:
            arch = capstone.CS_ARCH_AARCH64
        md = capstone.Cs(arch, capstone.CS_MODE_ARM)
    md.skipdata = True      # (go on past bytes it cannot decode)
    return md


def marks(native) -> Dict[int, List[str]]:
    """{offset in the code: comment lines that go before it}."""
    out: Dict[int, List[str]] = {0: ["; function entry"]}
    for pc, offset in sorted(native.offsets.items()):
        out.setdefault(offset, []).append("; " + listing_line(native.proto, pc).rstrip())
    for offset, (kind, pc) in sorted(native.exits.items()):
        out.setdefault(offset, []).append("; exit stub: " + EXIT_KINDS[kind] % (pc + 1))
    return out


def _bytes_column(data: bytes, width: int) -> str:
    shown = data[:width].hex(" ")
    return (shown + " ..." if len(data) > width else shown).ljust(3 * width + 3)


def disassembly(code: bytes, address: int, target: str, notes: Dict[int, List[str]],
                md) -> List[str]:
    """The lines of code (loaded at address) as capstone reads it, with the comment lines
    `notes` before the instruction at (or first after) each offset."""
    width = BYTES_SHOWN[target]
    out: List[str] = []
    pending = sorted(notes.items())
    for insn in md.disasm(code, address):
        offset = insn.address - address
        while pending and pending[0][0] <= offset:
            out.extend(pending.pop(0)[1])
        out.append(("%x  %s%-7s %s" % (insn.address, _bytes_column(bytes(insn.bytes), width),
                                       insn.mnemonic, insn.op_str)).rstrip())
    for _, lines in pending:        # (marks at the very end: code capstone did not reach)
        out.extend(lines)
    return out


def hex_dump(code: bytes, address: int, notes: Dict[int, List[str]]) -> List[str]:
    """The lines of a hex dump of code, a line broken at each offset that has notes."""
    out: List[str] = []
    starts = sorted(set(notes) | {len(code)})
    for i, start in enumerate(starts[:-1]):
        out.extend(notes[start])
        for at in range(start, starts[i + 1], DUMP_WIDTH):
            chunk = code[at:min(at + DUMP_WIDTH, starts[i + 1])]
            out.append("%x  %s" % (address + at, chunk.hex(" ")))
    return out


def describe(native, target: Optional[str] = None, title: str = "native") -> str:
    """The -jdump section of a native function: a header line, then its code."""
    target = target or host_target()
    header = "---- %s %s (%d bytes at 0x%x)" % (title, target, len(native.code), native.address)
    notes = marks(native)
    md = capstone_for(target)
    if md is None:
        body = ["; capstone is not installed (%s): the code as bytes" % INSTALL]
        body += hex_dump(native.code, native.address, notes)
    else:
        body = disassembly(native.code, native.address, target, notes, md)
    return "\n".join([header] + body) + "\n"


def describe_all(native, target: Optional[str] = None) -> str:
    """describe() of native and of every native function its code calls (made for it in the
    same compilation), each once."""
    out = [describe(native, target)]
    seen = {id(native)}
    todo = list(native.callees)
    while todo:
        callee = todo.pop(0)
        if id(callee) in seen:
            continue
        seen.add(id(callee))
        p = callee.proto
        out.append(describe(callee, target, "native callee %s:%d" % (
            chunkid(p.chunkname), p.firstline)))
        todo.extend(callee.callees)
    return "".join(out)
