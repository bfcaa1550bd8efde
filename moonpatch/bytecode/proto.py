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


def fb_size(n):
    """luaO_fb2int(luaO_int2fb(n)): the size Lua 5.1's NEWTABLE asks for,
    n rounded up to 3 significant bits."""
    e = 0
    while n >= 16:
        n = (n + 1) >> 1
        e += 1
    return n << e


def table_sizes(narray, nhash):
    """(array size, hash nodes) Lua 5.1 gives a constructor with narray
    positional and nhash keyed items: its array size decides what # answers
    for a constructor with holes."""
    nh = fb_size(nhash)
    return fb_size(narray), (1 << (nh - 1).bit_length()) if nh else 0


class TableTemplate:
    """The constant part of a table constructor, copied by TDUP.

    items: (key, value) pairs of constants (str, float, bool, or None for a
    nil), stored in this order. narray, nhash: the constructor's counts of
    positional items (less a multiple-result last one) and keyed items,
    which Lua 5.1 sizes the table by. `cache` is for the runtime: the
    ready-made table it copies.
    """
    __slots__ = ('items', 'narray', 'nhash', 'cache')

    def __init__(self, items, narray=0, nhash=0):
        self.items = items
        self.narray = narray
        self.nhash = nhash
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
                 'tnew_sizes', 'decoded', 'jit', '__weakref__')

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
        self.tnew_sizes = {}       # pc of a TNEW -> (narray, nhash), as TableTemplate's
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
