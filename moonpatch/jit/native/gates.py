"""The call gates of a function compiled to native code (the pipeline's native pass).

A prototype compiled natively keeps its tier-1 code: its gate and its direct entry (the
signatures of pyjit's) run the native function when they are called for the closure it was
made for, with arguments of the types it was made for, its guards holding, no debug hook set
and the code not flushed; any other call goes to the tier-1 function, which interprets it
where it must (a hook, flushed code) and so never comes back to these gates. The checks are
written out as Python, one comparison per argument and guard, as tier 1 writes its own.
"""

from ...runtime import interp
from ...runtime.hooks import share_plain_flag
from ...runtime.table import LuaTable
from ...runtime.values import UpVal
from ..pyjit import DIRECT_ARGS
from ..structure import jumps_back
from .backend import BOOLEAN, NIL, NUMBER, TABLE, NotNative

_NAMESPACE = {'__builtins__': __builtins__}
share_plain_flag(_NAMESPACE)


class Gates:
    """The gate and direct entry of a native function (`direct` None if tier 1 has none)."""

    __slots__ = ('function', 'direct')

    def __init__(self, function, direct):
        self.function = function
        self.direct = direct


def worth_entering(native) -> bool:
    """Whether entering `native` from Python can pay for itself: an entry through ctypes
    costs about as much as a few dozen instructions of tier 1, so a function that neither
    loops nor calls (spectral_norm's A(i, j)) stays tier 1's when Python calls it (native
    code still calls its native version)."""
    return bool(native.calls) or jumps_back(native.proto)


def _argument_checks(argtypes, name, pool) -> list:
    checks = []
    for i, t in enumerate(argtypes):
        v = name(i)
        if t is NUMBER:
            checks.append('type(%s) is float' % v)
        elif t is BOOLEAN:
            checks.append('type(%s) is bool' % v)
        elif t is NIL:
            checks.append('%s is None' % v)
        elif t is TABLE:
            checks.append('type(%s) is %s' % (v, pool(LuaTable)))
        elif t is not None:         # a function, by identity
            checks.append('%s is %s' % (v, pool(t.value)))
    return checks


def _guard_checks(guards, pool) -> list:
    checks = []
    for where, key, value in guards:
        if type(where) is UpVal:
            u = pool(where)
            checks.append('%s.regs[%s.slot] is %s' % (u, u, pool(value)))
        else:
            checks.append('%s.hash.get(%s) is %s' % (pool(where), pool(key), pool(value)))
    return checks


class _Source:
    """The Python source of gates: its lines, and the values they name (`pool`)."""

    def __init__(self, native, function):
        self.native = native
        self.values = {}
        self.lines = []
        self.live = None        # (a loop's continuation has no flag: flush() drops it)
        if 'LIVE' in function.__code__.co_freevars:
            self.live = function.__closure__[function.__code__.co_freevars.index('LIVE')]
        self.guards = _guard_checks(native.guards, self.pool)

    def pool(self, v) -> str:
        return self.values.setdefault(id(v), ('K%d' % len(self.values), v))[0]

    def checks(self, argtypes, name) -> str:
        """The condition of entering: its closure, no hook, code not flushed, the types
        and guards it was made for."""
        live = ['LIVE.cell_contents'] if self.live is not None else []
        return ' and '.join(['cl is CLOSURE', 'PLAIN'] + live
                            + _argument_checks(argtypes, name, self.pool) + self.guards)

    def define(self, params, args):
        """Run `make(params, the pooled values)` of the lines with args and those values."""
        src = ['def make(%s):' % ', '.join(params + [n for n, _ in self.values.values()])]
        src += self.lines
        ns = {}
        p = self.native.proto
        exec(compile('\n'.join(src) + '\n', '<native gate %s:%d>' % (
            p.chunkname, p.firstline), 'exec'), _NAMESPACE, ns)
        return ns['make'](*args, *[v for _, v in self.values.values()])


def make_gates(native, function, direct) -> Gates:
    """The gates of `native` (backend.NativeFunction) in front of tier 1's `function` and
    `direct` (pyjit.Compiled's), whose LIVE flag (false once flushed) they read too."""
    source = _Source(native, function)
    np = len(native.argtypes)
    source.lines = [
        '    def gate(cl, R, tail=False):',
        '        A = R if len(R) == %d else (R + NILS)[:%d]' % (np, np),
        '        if %s:' % source.checks(native.argtypes, 'A[%d]'.__mod__),
        '            return ENTER(A)',
        '        return TIER1(cl, R, tail)']
    if direct is not None:
        params = ['r%d' % i for i in range(np)] + ['_%d' % i for i in range(np, DIRECT_ARGS)]
        source.lines += [
            '    def direct(cl, %s):' % ', '.join(p + '=None' for p in params),
            '        if %s:' % source.checks(native.argtypes, 'r%d'.__mod__),
            '            r = ENTER([%s])' % ', '.join(params[:np]),
            '            return r[0] if r else None',
            '        return TIER1_DIRECT(cl, %s)' % ', '.join(params)]
    else:
        source.lines += ['    direct = None']
    source.lines += ['    return gate, direct']
    gate, direct_gate = source.define(
        ['ENTER', 'CLOSURE', 'LIVE', 'TIER1', 'TIER1_DIRECT', 'NILS'],
        [native.enter, native.closure, source.live, function, direct, [None] * np])
    gate.tier1 = function       # (pyjit.retire flushes it)
    return Gates(gate, direct_gate)


LOOP_VERSIONS = 4       # native versions of one loop, for the types its frames had


def make_loop_gates(first, tier1, compile_version, install):
    """The continuation of a hot loop made native (`first`): a frame whose live registers
    have other types (a function passed in, a table) gets a version compiled for them,
    up to LOOP_VERSIONS; each version's gate tries the one before it, and the first's
    makes the next (`compile_version(R)`, which may raise backend.NotNative) or goes to
    tier 1's continuation `tier1`. `install(gate)` puts the newest in front. While the
    interpreter finishes a frame the loop's native code left, the loop is tier 1's:
    entering again from there would nest a Python call per exit."""
    made = [first]
    head = []
    busy = [False]

    def enter(native):
        def enter_loop(R, va, openuv, tc):
            busy[0] = True
            try:
                return native.enter_loop(R, va, openuv, tc)
            finally:
                busy[0] = False
        return enter_loop

    def another(cl, R, va, openuv, mr, tc):
        if cl is first.closure and len(made) < LOOP_VERSIONS and interp.PLAIN:
            try:
                native = compile_version(R)
            except NotNative:
                made.append(None)
            else:
                made.append(native)
                head.append(make_loop_gate(native, enter(native), head[-1], tier1, busy))
                install(head[-1])
                return head[-1](cl, R, va, openuv, mr, tc)
        return tier1(cl, R, va, openuv, mr, tc)

    head.append(make_loop_gate(first, enter(first), another, tier1, busy))
    head[-1].tier1 = tier1
    return head[-1]


def make_loop_gate(native, enter, other, tier1, busy):
    """The gate of one version of a native loop: `enter(R, va, openuv, tc)` when the
    frame's live registers are of the types `native` was made for, else `other` (another
    version's gate); tier 1's continuation while `busy[0]`."""
    source = _Source(native, tier1)
    source.lines = [
        '    def loop(cl, R, va, openuv, mr, tc):',
        '        if BUSY[0]:',
        '            return TIER1(cl, R, va, openuv, mr, tc)',
        '        if %s:' % source.checks(native.argtypes, 'R[%d]'.__mod__),
        '            return ENTER(R, va, openuv, tc)',
        '        return OTHER(cl, R, va, openuv, mr, tc)',
        '    return loop']
    return source.define(['ENTER', 'CLOSURE', 'OTHER', 'TIER1', 'BUSY'],
                         [enter, native.closure, other, tier1, busy])
