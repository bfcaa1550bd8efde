"""The call gates of a function compiled to native code (the pipeline's native pass).

A prototype compiled natively keeps its tier-1 code: its gate and its direct entry (the
signatures of pyjit's) run the native function when they are called for the closure it was
made for, with arguments of the types it was made for, its guards holding, no debug hook set
and the code not flushed; any other call goes to the tier-1 function, which interprets it
where it must (a hook, flushed code) and so never comes back to these gates. The checks are
written out as Python, one comparison per argument and guard, as tier 1 writes its own.
"""

from ...runtime.hooks import share_plain_flag
from ...runtime.values import UpVal
from ..pyjit import DIRECT_ARGS
from ..structure import jumps_back
from .backend import BOOLEAN, NIL, NUMBER

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


def make_gates(native, function, direct) -> Gates:
    """The gates of `native` (backend.NativeFunction) in front of tier 1's `function` and
    `direct` (pyjit.Compiled's), whose LIVE flag (false once flushed) they read too."""
    values = {}

    def pool(v):
        name = values.setdefault(id(v), ('K%d' % len(values), v))[0]
        return name

    np = len(native.argtypes)
    live = function.__closure__[function.__code__.co_freevars.index('LIVE')]
    guards = _guard_checks(native.guards, pool)
    at_gate = ' and '.join(['cl is CLOSURE', 'PLAIN', 'LIVE.cell_contents']
                           + _argument_checks(native.argtypes, 'A[%d]'.__mod__, pool) + guards)
    src = ['def make(%s):' % ', '.join(['ENTER', 'CLOSURE', 'LIVE', 'TIER1', 'TIER1_DIRECT',
                                        'NILS'] + [n for n, _ in values.values()]),
           '    def gate(cl, R, tail=False):',
           '        A = R if len(R) == %d else (R + NILS)[:%d]' % (np, np),
           '        if %s:' % at_gate,
           '            return ENTER(A)',
           '        return TIER1(cl, R, tail)']
    if direct is not None:
        params = ['r%d' % i for i in range(np)] + ['_%d' % i for i in range(np, DIRECT_ARGS)]
        at_direct = ' and '.join(['cl is CLOSURE', 'PLAIN', 'LIVE.cell_contents']
                                 + _argument_checks(native.argtypes, 'r%d'.__mod__, pool)
                                 + guards)
        src += ['    def direct(cl, %s):' % ', '.join(p + '=None' for p in params),
                '        if %s:' % at_direct,
                '            r = ENTER([%s])' % ', '.join(params[:np]),
                '            return r[0] if r else None',
                '        return TIER1_DIRECT(cl, %s)' % ', '.join(params)]
    else:
        src += ['    direct = None']
    src += ['    return gate, direct']
    ns = {}
    exec(compile('\n'.join(src) + '\n', '<native gate %s:%d>' % (
        native.proto.chunkname, native.proto.firstline), 'exec'), _NAMESPACE, ns)
    gate, direct_gate = ns['make'](native.enter, native.closure, live, function, direct,
                                   [None] * np, *[v for _, v in values.values()])
    gate.tier1 = function       # (pyjit.retire flushes it)
    return Gates(gate, direct_gate)
