"""Function prototypes and the instruction word format.

A Proto is what the code generator makes of one function and what every tier
runs: the instructions (array('I')), their source lines, the constants, the
upvalue descriptors and the debug names. It holds no runtime objects, so it
can be dumped to bytes and loaded back unchanged.
"""
from array import array

BIAS_J = 0x8000          # jump offsets are stored biased (LuaJIT's BCBIAS_J)
MAX_SLOTS = 250          # registers per function (LuaJIT's LJ_MAX_SLOTS is 250 too)


def ins_abc(op, a, b, c):
    return op | (a << 8) | (c << 16) | (b << 24)


def ins_ad(op, a, d):
    return op | (a << 8) | (d << 16)


def ins_op(ins):
    return ins & 0xff


def ins_a(ins):
    return (ins >> 8) & 0xff


def ins_b(ins):
    return ins >> 24


def ins_c(ins):
    return (ins >> 16) & 0xff


def ins_d(ins):
    return ins >> 16


def jump_target(pc, ins):
    """The absolute index a jump-mode instruction at pc goes to."""
    return pc + 1 + (ins >> 16) - BIAS_J


class TableTemplate:
    """The constant part of a table constructor, copied by TDUP.

    items: (key, value) pairs of constants (str, float, bool; values may be
    None only for array positions that the constructor fills later).
    narr: the number of positional items (Lua sizes the array part by it,
    which decides what # answers for a constructor with holes).
    `cache` is for the runtime: the ready-made hash it copies.
    """
    __slots__ = ('items', 'narr', 'cache')

    def __init__(self, items, narr=0):
        self.items = items
        self.narr = narr
        self.cache = None


class VarInfo:
    """A named local live in [startpc, endpc); registers are given to the
    live locals in declaration order, as in Lua 5.1's debug info."""
    __slots__ = ('name', 'startpc', 'endpc')

    def __init__(self, name, startpc, endpc):
        self.name = name
        self.startpc = startpc
        self.endpc = endpc


class Proto:
    __slots__ = ('code', 'lines', 'kgc', 'kn', 'numparams', 'is_vararg', 'framesize',
                 'uvdesc', 'uvnames', 'varinfo', 'chunkname', 'firstline', 'lastline',
                 'decoded', 'jit')

    def __init__(self, chunkname, firstline):
        self.code = array('I')
        self.lines = array('i')    # source line per instruction
        self.kgc = []              # str, Proto and TableTemplate constants
        self.kn = []               # number constants (floats)
        self.numparams = 0
        self.is_vararg = False
        self.framesize = 1
        self.uvdesc = []           # per upvalue: (instack, index in parent)
        self.uvnames = []
        self.varinfo = []          # VarInfo in declaration order
        self.chunkname = chunkname
        self.firstline = firstline
        self.lastline = firstline
        self.decoded = None        # the interpreter's cache: decoded code and frame shape
        self.jit = None            # per-function JIT state, owned by the jit layer

    def children(self):
        return [k for k in self.kgc if type(k) is Proto]

    def local_name(self, slot, pc):
        """Name of the local in register `slot` at instruction pc, or None."""
        n = -1
        for v in self.varinfo:
            if v.startpc > pc:
                break
            if pc < v.endpc:
                n += 1
                if n == slot:
                    return v.name
        return None

    def __repr__(self):
        return '<Proto %s:%d>' % (self.chunkname, self.firstline)
