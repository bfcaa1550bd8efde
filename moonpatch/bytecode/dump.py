"""Binary chunks: string.dump's output and load's input, verified on load.

A chunk is a str of code points 0-255 (a Lua string):

    "\\x1bLJ" VERSION flags  proto
    proto:  flags numparams framesize firstline lastline
            ncode code[ncode] (4 bytes each, little endian)
            nkn kn[nkn] (8-byte doubles)   nkgc kgc[nkgc] (tagged: strings,
            functions, table templates, the boxes of 1LL/1ULL/1i literals)
            nuv (instack index)[nuv]
            [debug: chunkname lines[ncode] uvnames[nuv] nvar (name startpc endpc)[nvar]]

Integers are ULEB128. A chunk may come from anywhere, so undump() checks
every field's range and then every instruction (verify.py), and refuses the
chunk with lua5.1's messages (`name: bad header in precompiled chunk`)
before anything runs.
"""
import struct

from ..common.cnumber import Complex, Int64
from ..errors import LuaSyntaxError
from .opcodes import BY_NAME
from .proto import MAX_SLOTS, Proto, TableTemplate, VarInfo
from .verify import BadChunk, verify

BINARY_MARK = '\x1b'     # a chunk starting with ESC is binary (lua5.1's lua_load)
BINARY_SIGNATURE = '\x1bLJ'
VERSION = 0x84          # moonpatch's own format (LuaJIT's are 1 and 2)
FLAG_STRIP = 1
PROTO_VARARG = 1
_TNEW = BY_NAME['TNEW'].code

_K_STR, _K_PROTO, _K_TABLE, _K_INT64, _K_UINT64, _K_COMPLEX = range(6)
_V_NIL, _V_FALSE, _V_TRUE, _V_NUM, _V_STR = range(5)
MAX_DEPTH = 200         # nested functions (lua5.1: LUAI_MAXCCALLS)
MAX_INT = 2 ** 31 - 1   # any integer field (a C int in lua5.1: lines above all)


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
        elif type(k) is Int64:
            out.append(_K_UINT64 if k.unsigned else _K_INT64)
            out.extend(struct.pack('<Q', k.bits()))
        elif type(k) is Complex:
            out.append(_K_COMPLEX)
            out.extend(struct.pack('<dd', k.re, k.im))
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


# ---- reading ---------------------------------------------------------------------

class _Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def byte(self):
        if self.pos >= len(self.data):
            raise BadChunk('unexpected end')
        b = ord(self.data[self.pos])
        self.pos += 1
        return b

    def uleb(self, limit=MAX_INT):
        """An unsigned integer, at most limit."""
        n = shift = 0
        while True:
            b = self.byte()
            n |= (b & 0x7f) << shift
            if not b & 0x80:
                break
            shift += 7
            if shift == 35:
                raise BadChunk('bad integer', 'integer longer than 5 bytes')
        if n > limit:
            raise BadChunk('bad integer', '%d > %d' % (n, limit))
        return n

    def count(self, size=1):
        """A number of items of at least size bytes each, which the rest
        of the chunk must be able to hold."""
        n = self.uleb()
        if n * size > len(self.data) - self.pos:
            raise BadChunk('unexpected end')
        return n

    def raw(self, n):
        if self.pos + n > len(self.data):
            raise BadChunk('unexpected end')
        s = self.data[self.pos:self.pos + n]
        self.pos += n
        return s

    def str(self):
        return self.raw(self.count())

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
        raise BadChunk('bad constant', 'tag %d' % tag)


def _read_proto(r, strip, parent_chunkname, depth):
    if depth > MAX_DEPTH:
        raise BadChunk('code too deep')
    p = Proto(parent_chunkname, 0)
    flags = r.byte()
    if flags & ~PROTO_VARARG:
        raise BadChunk('bad code', 'function flags %d' % flags)
    p.is_vararg = bool(flags)
    p.numparams = r.uleb(MAX_SLOTS)
    p.framesize = r.uleb(MAX_SLOTS)
    p.firstline = r.uleb()
    p.lastline = r.uleb()
    ncode = r.count(4)
    p.code.extend(struct.unpack('<%dI' % ncode, r.raw(4 * ncode).encode('latin-1')))
    nkn = r.count(8)
    p.kn.extend(struct.unpack('<%dd' % nkn, r.raw(8 * nkn).encode('latin-1')))
    for _ in range(r.count()):
        tag = r.byte()
        if tag == _K_STR:
            p.kgc.append(r.str())
        elif tag == _K_PROTO:
            p.kgc.append(_read_proto(r, strip, parent_chunkname, depth + 1))
        elif tag == _K_TABLE:
            narray = r.uleb()
            nhash = r.uleb()
            items = []
            for _ in range(r.count(2)):
                key = r.const(False)
                if type(key) is float and key != key:
                    raise BadChunk('bad constant', 'NaN table key')
                items.append((key, r.const(True)))
            p.kgc.append(TableTemplate(items, narray, nhash))
        elif tag in (_K_INT64, _K_UINT64):
            bits = struct.unpack('<Q', r.raw(8).encode('latin-1'))[0]
            p.kgc.append(Int64.wrap(bits, tag == _K_UINT64))
        elif tag == _K_COMPLEX:
            p.kgc.append(Complex(*struct.unpack('<dd', r.raw(16).encode('latin-1'))))
        else:
            raise BadChunk('bad constant', 'tag %d' % tag)
    for _ in range(r.count(3)):
        pc = r.uleb(ncode - 1)
        if p.code[pc] & 0xff != _TNEW:
            raise BadChunk('bad code', 'table sizes of a non-TNEW')
        p.tnew_sizes[pc] = (r.uleb(ncode), r.uleb(ncode))     # items a TNEW stores
    for _ in range(r.count(2)):
        instack = r.byte()
        if instack > 1:
            raise BadChunk('bad code', 'upvalue flag %d' % instack)
        p.uvdesc.append((bool(instack), r.uleb(MAX_SLOTS)))
    if strip:
        p.lines.extend([0] * ncode)
        p.uvnames = ['?'] * len(p.uvdesc)
    else:
        p.chunkname = r.str()
        for _ in range(ncode):
            p.lines.append(r.uleb())
        p.uvnames = [r.str() for _ in p.uvdesc]
        for _ in range(r.count(3)):
            p.varinfo.append(VarInfo(r.str(), r.uleb(ncode), r.uleb(ncode)))
    return p


def read_chunk(data, chunkname):
    """The main Proto of a binary chunk, unverified; raises BadChunk. Bytes
    after the chunk are ignored, as lua5.1 does. The functions of a stripped
    chunk take chunkname as theirs."""
    r = _Reader(data)
    header = r.raw(len(BINARY_SIGNATURE) + 2)
    if header[:-1] != BINARY_SIGNATURE + chr(VERSION) or ord(header[-1]) & ~FLAG_STRIP:
        raise BadChunk('bad header')
    return _read_proto(r, ord(header[-1]) & FLAG_STRIP, chunkname, 0)


def chunk_error_name(chunkname):
    """How lua5.1's luaU_undump names a chunk in its errors: no chunkid()
    formatting, only '@'/'=' dropped, and a name that is the binary string
    itself (loadstring's default) called 'binary string'."""
    name = chunkname.split('\0', 1)[0]
    if name[:1] in ('@', '='):
        return name[1:]
    if name[:1] == BINARY_MARK:
        return 'binary string'
    return name


def undump(data, chunkname):
    """The verified main Proto of binary chunk data; raises LuaSyntaxError
    with lua5.1's message for a malformed or foreign chunk."""
    try:
        p = read_chunk(data, chunkname)
        verify(p)
    except BadChunk as e:
        raise LuaSyntaxError('%s: %s in precompiled chunk'
                             % (chunk_error_name(chunkname), e.why)) from None
    return p
