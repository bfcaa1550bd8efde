"""A bytecode listing in the format of `luajit -bl` (LuaJIT's jit/bc.lua)."""
from ..common.chunkid import chunkid
from .opcodes import OPCODES
from .proto import Proto, jump_target


def _ctl(c):
    return {'\n': '\\n', '\r': '\\r', '\t': '\\t'}.get(c) or '\\%03d' % ord(c)


def _quote(s):
    body = ''.join(_ctl(c) if ord(c) < 32 or ord(c) == 127 else c for c in s)
    return '"%.40s"~' % body if len(s) > 40 else '"%s"' % body


def _number(x):
    """jit/bc.lua prints a number constant with LuaJIT's tostring: %.14g,
    also for inf, -inf, -0 and (any) nan."""
    return '%.14g' % x


def targets(proto):
    """Indices of the instructions some jump goes to."""
    out = set()
    for pc, ins in enumerate(proto.code):
        if OPCODES[ins & 0xff].mc == 'jump':
            out.add(jump_target(pc, ins))
    return out


def line(proto, pc, is_target=False):
    """One listing line (without newline) for instruction pc (0-based)."""
    ins = proto.code[pc]
    op = OPCODES[ins & 0xff]
    a = (ins >> 8) & 0xff
    d = ins >> 16
    s = '%04d %s %-6s %3s ' % (pc + 1, '=>' if is_target else '  ', op.name,
                               '' if op.ma == 'none' else a)
    if op.mc == 'jump':
        return '%s=> %04d' % (s, jump_target(pc, ins) + 1)
    if not op.is_ad:
        d &= 0xff
    elif op.mc == 'none':
        return s.rstrip(' ') + ' '
    kc = None
    if op.mc == 'str':
        kc = _quote(proto.kgc[d])
    elif op.mc == 'num':
        kc = _number(proto.kn[d])
    elif op.mc == 'func':
        child = proto.kgc[d]
        kc = '%s:%d' % (chunkid(child.chunkname), child.firstline)
    elif op.mc == 'uv':
        kc = proto.uvnames[d] if d < len(proto.uvnames) else '?'
    if op.ma == 'uv':
        ka = proto.uvnames[a] if a < len(proto.uvnames) else '?'
        kc = ka + ' ; ' + kc if kc else ka
    if not op.is_ad:
        b = ins >> 24
        if kc:
            return '%s%3d %3d  ; %s' % (s, b, d, kc)
        return '%s%3d %3d' % (s, b, d)
    if kc:
        return '%s%3d      ; %s' % (s, d, kc)
    if op.mc == 'lits' and d > 32767:
        d -= 65536
    return '%s%3d' % (s, d)


def listing(proto):
    """The listing of proto and, before it, of every function nested in it."""
    out = []
    for k in proto.kgc:
        if type(k) is Proto:
            out.append(listing(k))
    jt = targets(proto)
    out.append('-- BYTECODE -- %s:%d-%d\n' % (chunkid(proto.chunkname), proto.firstline,
                                             proto.lastline))
    for pc in range(len(proto.code)):
        out.append(line(proto, pc, pc in jt) + '\n')
    out.append('\n')
    return ''.join(out)
