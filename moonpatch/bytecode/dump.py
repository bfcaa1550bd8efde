"""Binary chunks: string.dump's output and load's input, verified on load.

A chunk is a str of code points 0-255 (a Lua string):

    "\\x1bLJ" VERSION flags  proto
    proto:  flags numparams framesize firstline lastline
            ncode code[ncode] (4 bytes each, little endian)
            nkn kn[nkn] (8-byte doubles)   nkgc kgc[nkgc] (tagged)
            nuv (instack index)[nuv]
            [debug: chunkname lines[ncode] uvnames[nuv] nvar (name startpc endpc)[nvar]]

Integers are ULEB128. A chunk may come from anywhere, so undump() checks
every field and every instruction's operands against the prototype
(registers inside the frame, constants of the right kind, jumps inside the
code, comparisons followed by their JMP, no falling off the end), and
rejects the chunk with an error before anything runs.
"""
import struct

from ..errors import LuaSyntaxError
from .opcodes import BY_NAME, OPCODES
from .proto import MAX_SLOTS, Proto, TableTemplate, VarInfo, jump_target

BINARY_SIGNATURE = '\x1bLJ'
VERSION = 0x83          # moonpatch's own format (LuaJIT's are 1 and 2)
FLAG_STRIP = 1
PROTO_VARARG = 1

_K_STR, _K_PROTO, _K_TABLE = 0, 1, 2
_V_NIL, _V_FALSE, _V_TRUE, _V_NUM, _V_STR = range(5)
MAX_DEPTH = 200


# ---- writing ---------------------------------------------------------------------

def _uleb(n, out):
    while True:
        b = n & 0x7f
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return


def _str(s, out):
    _uleb(len(s), out)
    out.extend(s.encode('latin-1'))


def _const(v, out):
    if v is None:
        out.append(_V_NIL)
    elif v is False:
        out.append(_V_FALSE)
    elif v is True:
        out.append(_V_TRUE)
    elif type(v) is float:
        out.append(_V_NUM)
        out.extend(struct.pack('<d', v))
    else:
        out.append(_V_STR)
        _str(v, out)


def _dump_proto(p, strip, out):
    out.append(PROTO_VARARG if p.is_vararg else 0)
    for n in (p.numparams, p.framesize, p.firstline, p.lastline, len(p.code)):
        _uleb(n, out)
    out.extend(struct.pack('<%dI' % len(p.code), *p.code))
    _uleb(len(p.kn), out)
    out.extend(struct.pack('<%dd' % len(p.kn), *p.kn))
    _uleb(len(p.kgc), out)
    for k in p.kgc:
        if type(k) is str:
            out.append(_K_STR)
            _str(k, out)
        elif type(k) is Proto:
            out.append(_K_PROTO)
            _dump_proto(k, strip, out)
        else:
            out.append(_K_TABLE)
            _uleb(k.narray, out)
            _uleb(k.nhash, out)
            _uleb(len(k.items), out)
            for key, value in k.items:
                _const(key, out)
                _const(value, out)
    _uleb(len(p.tnew_sizes), out)
    for pc, (narray, nhash) in sorted(p.tnew_sizes.items()):
        for n in (pc, narray, nhash):
            _uleb(n, out)
    _uleb(len(p.uvdesc), out)
    for instack, idx in p.uvdesc:
        out.append(1 if instack else 0)
        _uleb(idx, out)
    if not strip:
        _str(p.chunkname, out)
        for line in p.lines:
            _uleb(line, out)
        for name in p.uvnames:
            _str(name, out)
        _uleb(len(p.varinfo), out)
        for v in p.varinfo:
            _str(v.name, out)
            _uleb(v.startpc, out)
            _uleb(v.endpc, out)


def dump(proto, strip=False):
    out = bytearray(BINARY_SIGNATURE.encode('latin-1'))
    out.append(VERSION)
    out.append(FLAG_STRIP if strip else 0)
    _dump_proto(proto, strip, out)
    return out.decode('latin-1')


# ---- reading and verifying --------------------------------------------------------

class _Reader:
    def __init__(self, data, chunkname):
        self.data = data
        self.pos = 0
        self.chunkname = chunkname

    def fail(self, what='truncated precompiled chunk'):
        from ..frontend.lexer import chunkid
        raise LuaSyntaxError('%s: bad binary format (%s)' % (chunkid(self.chunkname), what))

    def byte(self):
        if self.pos >= len(self.data):
            self.fail()
        b = ord(self.data[self.pos])
        self.pos += 1
        return b

    def uleb(self, limit=1 << 32):
        n = shift = 0
        while True:
            b = self.byte()
            n |= (b & 0x7f) << shift
            if not b & 0x80:
                break
            shift += 7
            if shift > 35:
                self.fail('bad integer')
        if n > limit:
            self.fail('value out of range')
        return n

    def raw(self, n):
        if self.pos + n > len(self.data):
            self.fail()
        s = self.data[self.pos:self.pos + n]
        self.pos += n
        return s

    def str(self):
        return self.raw(self.uleb(len(self.data)))

    def const(self, allow_nil):
        tag = self.byte()
        if tag == _V_NIL and allow_nil:
            return None
        if tag in (_V_FALSE, _V_TRUE):
            return tag == _V_TRUE
        if tag == _V_NUM:
            return struct.unpack('<d', self.raw(8).encode('latin-1'))[0]
        if tag == _V_STR:
            return self.str()
        self.fail('bad constant')


def _read_proto(r, strip, parent_chunkname, depth):
    if depth > MAX_DEPTH:
        r.fail('functions nested too deeply')
    p = Proto(parent_chunkname, 0)
    p.is_vararg = bool(r.byte() & PROTO_VARARG)
    p.numparams = r.uleb(MAX_SLOTS)
    p.framesize = r.uleb(MAX_SLOTS)
    p.firstline = r.uleb()
    p.lastline = r.uleb()
    ncode = r.uleb(1 << 24)
    if p.framesize < 1 or p.numparams > p.framesize or ncode < 1:
        r.fail('bad function header')
    p.code.extend(struct.unpack('<%dI' % ncode, r.raw(4 * ncode).encode('latin-1')))
    nkn = r.uleb(1 << 24)
    p.kn.extend(struct.unpack('<%dd' % nkn, r.raw(8 * nkn).encode('latin-1')))
    for _ in range(r.uleb(1 << 24)):
        tag = r.byte()
        if tag == _K_STR:
            p.kgc.append(r.str())
        elif tag == _K_PROTO:
            p.kgc.append(_read_proto(r, strip, parent_chunkname, depth + 1))
        elif tag == _K_TABLE:
            narray = r.uleb(1 << 24)
            nhash = r.uleb(1 << 24)
            items = []
            for _ in range(r.uleb(1 << 24)):
                key = r.const(False)
                if type(key) is float and key != key:
                    r.fail('bad table key')
                items.append((key, r.const(True)))
            p.kgc.append(TableTemplate(items, narray, nhash))
        else:
            r.fail('bad constant')
    for _ in range(r.uleb(ncode)):
        pc = r.uleb(ncode - 1)
        if p.code[pc] & 0xff != _TNEW:
            r.fail('bad table size')
        p.tnew_sizes[pc] = (r.uleb(1 << 24), r.uleb(1 << 24))
    for _ in range(r.uleb(MAX_SLOTS)):
        instack = r.byte()
        if instack > 1:
            r.fail('bad upvalue')
        p.uvdesc.append((bool(instack), r.uleb(MAX_SLOTS)))
    if strip:
        p.lines.extend([0] * ncode)
        p.uvnames = ['?'] * len(p.uvdesc)
    else:
        p.chunkname = r.str()
        for _ in range(ncode):
            p.lines.append(r.uleb(1 << 31))
        p.uvnames = [r.str() for _ in p.uvdesc]
        for _ in range(r.uleb(1 << 24)):
            p.varinfo.append(VarInfo(r.str(), r.uleb(ncode), r.uleb(ncode)))
    return p


def undump(data, chunkname):
    """The Proto of a binary chunk, after verifying all of it."""
    r = _Reader(data, chunkname)
    if r.raw(len(BINARY_SIGNATURE)) != BINARY_SIGNATURE:
        r.fail('bad signature')
    if r.byte() != VERSION:
        r.fail('version mismatch')
    flags = r.byte()
    if flags & ~FLAG_STRIP:
        r.fail('bad flags')
    p = _read_proto(r, flags & FLAG_STRIP, chunkname, 0)
    if r.pos != len(data):
        r.fail('trailing garbage')
    verify(p, r)
    return p


# ---- the verifier --------------------------------------------------------------------

_ENDS_FLOW = {BY_NAME[n].code for n in ('RET', 'RET0', 'RET1', 'RETM', 'CALLT', 'CALLMT',
                                        'JMP', 'UCLO')}
_TNEW = BY_NAME['TNEW'].code
_USES_MULTRES = {BY_NAME[n].code for n in ('CALLM', 'CALLMT', 'RETM', 'TSETM')}
_KINDS = {'str': str, 'func': Proto, 'tab': TableTemplate}


def _makes_multres(ins):
    op = OPCODES[ins & 0xff].name
    return op in ('CALL', 'CALLM', 'VARG') and ins >> 24 == 0


def verify(p, r, nuv_parent=None, framesize_parent=None):
    """Check every instruction of p (and of its children) can only touch
    what exists; raises through r.fail otherwise."""
    fs = p.framesize
    code = p.code
    n = len(code)
    jump_targets = set()
    for pc in range(n):
        ins = code[pc]
        opc = ins & 0xff
        if opc >= len(OPCODES):
            r.fail('bad opcode')
        op = OPCODES[opc]
        a, b, c, d = (ins >> 8) & 0xff, ins >> 24, (ins >> 16) & 0xff, ins >> 16
        regs = []                      # (first, last) register ranges used
        name = op.name
        if op.ma in ('dst', 'var', 'base'):
            regs.append((a, a))
        if op.ma == 'uv' and a >= len(p.uvdesc):
            r.fail('bad upvalue index')
        if not op.is_ad and op.mb == 'var':
            regs.append((b, b))
        mc = op.mc
        if mc in ('var', 'dst', 'base'):
            regs.append((c if not op.is_ad else d, c if not op.is_ad else d))
        elif mc == 'rbase' and name == 'CAT':
            if b > c:
                r.fail('bad concatenation')
            regs.append((b, c))
        elif mc == 'num':
            if (d if op.is_ad else c) >= len(p.kn):
                r.fail('bad constant index')
        elif mc in _KINDS:
            k = d if op.is_ad else c
            if k >= len(p.kgc) or type(p.kgc[k]) is not _KINDS[mc]:
                r.fail('bad constant index')
        elif mc == 'pri' and d > 2:
            r.fail('bad constant')
        elif mc == 'uv' and d >= len(p.uvdesc):
            r.fail('bad upvalue index')
        elif mc == 'jump':
            t = jump_target(pc, ins)
            if not 0 <= t < n:
                r.fail('bad jump')
            jump_targets.add(t)
        # ranges of the multi-register instructions
        if name == 'KNIL':
            regs.append((a, d))
        elif name in ('CALL', 'CALLM'):
            regs.append((a, a + (c if name == 'CALLM' else max(c - 1, 0))))
            if b >= 2:
                regs.append((a, a + b - 2))
        elif name in ('ITERC', 'ITERN'):
            regs.append((a - 3, a + max(b - 2, 1)))
        elif name in ('CALLT', 'CALLMT'):
            regs.append((a, a + (d if name == 'CALLMT' else max(d - 1, 0))))
        elif name == 'VARG':
            if not p.is_vararg:
                r.fail('vararg in a fixed-argument function')
            if b:
                regs.append((a, a + max(b - 2, 0)))
        elif name in ('RET', 'RETM'):
            last = a + (d - 1 if name == 'RETM' else d - 2)
            if last >= a:
                regs.append((a, last))
        elif name == 'RET1':
            regs.append((a, a))
        elif name in ('FORI', 'FORL'):
            regs.append((a, a + 3))
        elif name in ('ITERL', 'TSETM'):
            regs.append((a - 1, a))
        elif name == 'ISNEXT':
            regs.append((a - 3, a))
        for first, last in regs:
            if first < 0 or last >= fs or first > last:
                r.fail('register out of range')
        if op.jumps_with_next:
            follow = 'ITERL' if name == 'ITERN' else 'JMP'
            nxt = code[pc + 1] & 0xff if pc + 1 < n else len(OPCODES)
            if nxt >= len(OPCODES) or OPCODES[nxt].name != follow:
                r.fail('test without its jump')
        if opc in _USES_MULTRES and (pc == 0 or not _makes_multres(code[pc - 1])):
            r.fail('multiple results used without being produced')
        if name == 'FNEW':
            child = p.kgc[d]
            for instack, idx in child.uvdesc:
                if (instack and idx >= fs) or (not instack and idx >= len(p.uvdesc)):
                    r.fail('bad upvalue')
    if code[n - 1] & 0xff not in _ENDS_FLOW:
        r.fail('code falls off the end')
    for t in jump_targets:
        if code[t] & 0xff in _USES_MULTRES:
            r.fail('jump into a multiple-results sequence')
    for k in p.kgc:
        if type(k) is Proto:
            verify(k, r)
