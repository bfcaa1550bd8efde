"""How a compiled function's Python frame reads as a Lua frame.

Every tier registers, per code object, a view of its frames (runtime/
callstack.py): which closure runs (the local `cl`; None once a tail call
handed the frame's place to its callee), the pc (from the Python line
number, through the line -> pc table the backend wrote), the registers
(locals r0, r1, ..., or R[i] for those closures capture) and the varargs.
Error positions, tracebacks, the debug library and the collector read
compiled frames only through this view.
"""
import dis

from ..runtime.callstack import call_top, new_object_slot, register_lua_code, write_locals
from ..runtime.hooks import leave_compiled


class RegisterView:
    """A compiled frame's registers as a list: reads come from its locals,
    writes (debug.setlocal) go back into them."""
    __slots__ = ('frame', 'f', 'size', 'captured')

    def __init__(self, frame, size, captured):
        self.frame = frame
        self.f = frame.f_locals
        self.size = size
        self.captured = captured

    def __len__(self):
        return self.size

    def __getitem__(self, i):
        if not 0 <= i < self.size:
            raise IndexError(i)
        if i in self.captured:
            return self.f['R'][i]
        return self.f.get('r%d' % i)

    def __setitem__(self, i, value):
        if i in self.captured:
            self.f['R'][i] = value
        else:
            write_locals(self.frame, {'r%d' % i: value})
            leave_compiled(self.frame)   # the optimizer may have counted on its type


def register_compiled(code, proto, linemap, starts, captured, temporaries):
    """Register the frame view of a compiled function of proto: linemap
    maps a Python line to the pc after the instruction it belongs to,
    starts the first line of each instruction to its pc."""
    size = proto.framesize
    first_offset = {}         # line -> its first bytecode offset, made when first needed

    def pc_of(frame, line=None):
        if line is None:
            line = frame.f_lineno
        if not first_offset:
            for offset, at in dis.findlinestarts(code):
                first_offset.setdefault(at, offset)
        # stopped before an instruction's first line ran (at a hook's line
        # event, or an error raised there): like the interpreter at its
        # fetch, the previous instruction is the current one
        if line in starts and frame.f_lasti == first_offset.get(line) and \
                line == frame.f_lineno:
            return starts[line]
        return linemap[line] if 0 <= line < len(linemap) else 0

    def locate(frame, line=None):
        f = frame.f_locals
        cl = f.get('cl')
        return None if cl is None else (cl, pc_of(frame, line), f.get('tc') or 0)

    def registers(frame):
        return RegisterView(frame, size, captured), frame.f_locals.get('va')

    def values(frame):
        regs, va = registers(frame)
        return frame.f_locals.get('cl'), [regs[i] for i in range(size)], va

    def scrub(frame):
        """Drop what Lua would not keep: temporaries, the stale copies of
        arguments in R, and registers above the arguments of a call the
        frame waits in or the object it is making (as the interpreter's)."""
        f = frame.f_locals
        kill = {name: None for name in temporaries if f.get(name) is not None}
        R = f.get('R')
        if R is not None:
            for i in range(len(R)):
                if i not in captured:
                    R[i] = None
        pc = pc_of(frame)
        if f.get('cl') is not None and pc:
            top = call_top(proto, pc - 1)
            slots = list(range(top, size)) if top is not None else []
            slot = new_object_slot(proto, pc - 1)
            if slot is not None:
                slots.append(slot)
            for i in slots:
                if i in captured:
                    if R is not None and i < len(R):
                        R[i] = None
                elif f.get('r%d' % i) is not None:
                    kill['r%d' % i] = None
        if kill:
            write_locals(frame, kill)

    register_lua_code(code, locate, scrub, values, registers, by_line=True)
