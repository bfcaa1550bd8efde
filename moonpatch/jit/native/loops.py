"""Loops entered on the stack: where their native code may leave, and what must go back.

A hot loop of a frame the interpreter runs (an on-stack replacement, entered at the loop's
head) is compiled with the rest of its function that the head reaches. An instruction
native code cannot run becomes a side exit to the interpreter, unless it lies in a loop
around the head: there it would leave at every iteration, so such a loop stays tier 1's.
A return is always a side exit (the interpreter returns for the frame).

At an exit, the registers native code knows the type of go back to the frame from their
slots; the others keep the frame's values. A register the loop writes whose type is not
known at an exit (a number on one path, nil on another) cannot go back, so it must be dead
there: `liveness` finds the registers read before they are written again.
"""

from typing import Dict, List, Tuple

from .. import hints
from ..structure import successors


def loops_around(units, entry: int) -> List[Tuple[int, int]]:
    """The (head, last pc) of the loops whose range holds entry (a jump back to a head)."""
    return [(u.target, u.next - 1) for u in units.values()
            if u.target is not None and u.target <= u.pc and u.target <= entry < u.next]


def reached(units, entry: int, side_exits) -> set:
    """The pcs of the units native code runs from entry: none past a side exit (the
    interpreter runs what follows one)."""
    seen = {entry}
    work = [entry]
    while work:
        pc = work.pop()
        if pc not in side_exits:
            for succ in successors(units[pc], units):
                if succ not in seen:
                    seen.add(succ)
                    work.append(succ)
    return seen


def register_mask(registers) -> int:
    out = 0
    for r in registers:
        out |= 1 << r
    return out


def liveness(proto, units) -> Dict[int, int]:
    """{unit pc: the registers (a bit mask) that some path from it reads before writing}."""
    effects = {}        # unit pc -> [(reads, writes)] of its instructions, the last first
    for pc, u in units.items():
        effects[pc] = [(register_mask(hints.read_registers(proto, q)),
                        register_mask(hints.written_registers(proto, q)))
                       for q in range(u.next - 1, u.pc - 1, -1)]
    before = {pc: 0 for pc in units}
    changed = True
    while changed:          # (a backward dataflow; a few rounds over a function's units)
        changed = False
        for pc in sorted(units, reverse=True):
            live = 0
            for succ in successors(units[pc], units):
                live |= before[succ]
            for reads, writes in effects[pc]:
                live = (live & ~writes) | reads
            if live != before[pc]:
                before[pc] = live
                changed = True
    return before


def written(proto, units, pcs) -> int:
    """The registers (a bit mask) the units at pcs may write."""
    out = 0
    for pc in pcs:
        for q in range(pc, units[pc].next):
            out |= register_mask(hints.written_registers(proto, q))
    return out
