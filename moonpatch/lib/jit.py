"""The jit module (LuaJIT's lib_jit.c): the Lua face of the JIT (moonpatch/jit).

It takes every argument LuaJIT takes and rejects what LuaJIT rejects, and it
keeps the settings in the LuaState:
  state.jit_enabled      jit.on() / jit.off() (the engine as a whole); off is
                         the interpreter alone, which generates no code
  state.jit_func_modes   {proto: (on, scope)} from jit.on/off(func [, recursive]),
                         scope 'func', 'all' (true: with its sub-functions) or
                         'sub' (false: only its sub-functions)
  state.jit_handlers     {event: handler} from jit.attach(handler, event)
  state.jit_opt          JitOptions: the level flags and parameters of jit.opt.start
  state.jit_protos       the prototypes the JIT compiled or tried (jit.flush)
  state.jit_parked       the prototypes left interpreted while it was off
Besides LuaJIT's functions, jit.compile(func) compiles a function now and
jit.status(func) tells a function's status: "none", "ok", "failed" (with
the reason) or "delayed".
"""
import os
import sys
import weakref

from ..jit import tierup
from ..runtime.callstack import live_levels
from ..runtime.errors import LibErr, type_error
from ..runtime.state import current_state
from ..runtime.table import LuaTable
from ..runtime.values import LuaFunction
from .auxlib import arg, c_name, check_function, check_int, check_string, opt_string
from .registry import builtin, libfunction

LIB = 'jit'
VERSION = 'LuaJIT 2.1.0-beta3'
VERSION_NUM = 20100.0

# LuaJIT's optimisation flags (JIT_F_OPTSTRING) and what -O1/-O2/-O3 turn on
OPT_FLAGS = ('fold', 'cse', 'dce', 'fwd', 'dse', 'narrow', 'loop', 'abc', 'sink', 'fuse')
_O1 = frozenset(('fold', 'cse', 'dce'))
_O2 = _O1 | {'narrow', 'loop'}
_O3 = _O2 | {'fwd', 'dse', 'abc', 'sink', 'fuse'}
OPT_LEVELS = {'0': frozenset(), '1': _O1, '2': _O2, '3': _O3}
# JIT_P_STRING: the parameters and their defaults, in LuaJIT's order
OPT_PARAMS = (('maxtrace', 1000), ('maxrecord', 4000), ('maxirconst', 500),
              ('maxside', 100), ('maxsnap', 500), ('minstitch', 0), ('hotloop', 56),
              ('hotexit', 10), ('tryside', 4), ('instunroll', 4), ('loopunroll', 15),
              ('callunroll', 3), ('recunroll', 2), ('sizemcode', 64), ('maxmcode', 512),
              ('hotcall', tierup.DEFAULT_HOTCALL),     # moonpatch's: calls until compiled
              ('native', 1))      # moonpatch's: 0 no native code, 2 leaves too (gates.py)


class JitOptions:
    """The optimisation flags and parameters jit.opt.start sets."""

    def __init__(self):
        self.flags = set(_O3)
        self.params = dict(OPT_PARAMS)

    def set_level(self, s):
        """jitopt_level: a single digit; 3 and up mean -O3."""
        if len(s) == 1 and '0' <= s <= '9':
            self.flags = set(OPT_LEVELS.get(s, _O3))
            return True
        return False

    def set_flag(self, s):
        """jitopt_flag: [+|-|no|no-]name."""
        on = True
        if s[:1] == '+':
            s = s[1:]
        elif s[:1] == '-':
            s, on = s[1:], False
        elif s[:2] == 'no':
            s, on = s[3:] if s[2:3] == '-' else s[2:], False
        if s not in OPT_FLAGS:
            return False
        if on:
            self.flags.add(s)
        else:
            self.flags.discard(s)
        return True

    def set_param(self, s):
        """jitopt_param: name=digits (C's int arithmetic, wrapping)."""
        name, eq, value = s.partition('=')
        if not eq or name not in self.params or value.strip('0123456789'):
            return False
        n = 0
        for c in value:
            n = ((n * 10 + ord(c) - 48 + 0x80000000) & 0xffffffff) - 0x80000000
        self.params[name] = n
        return True


def _uname():
    """os.uname(), or platform's equivalent where there is none (Windows);
    importing platform costs the start-up of every program."""
    if hasattr(os, 'uname'):
        return os.uname()
    import platform
    u = platform.uname()
    return type('uname', (), {'sysname': u.system, 'machine': u.machine})


def _os_name():
    s = _uname().sysname
    return {'Linux': 'Linux', 'Darwin': 'OSX', 'Windows': 'Windows'}.get(
        s, 'BSD' if 'BSD' in s else ('POSIX' if s else 'Other'))


def _arch_name():
    m = _uname().machine.lower()
    if m in ('x86_64', 'amd64'):
        return 'x64'
    if m in ('i386', 'i486', 'i586', 'i686', 'x86'):
        return 'x86'
    if m in ('aarch64', 'arm64'):
        return 'arm64' if sys.byteorder == 'little' else 'arm64be'
    if m.startswith('arm'):
        return 'arm'
    if m.startswith(('ppc', 'powerpc')):
        return 'ppc'
    if m.startswith('mips'):
        return m
    return m or 'unknown'


def _setmode(args, on):
    """setjitmode: ([nil]) is the engine, (func|true [, recursive]) a
    function: true is the Lua function that called us."""
    state = current_state()
    f = arg(args, 1)
    if f is None:
        if on is True:
            state.jit_enabled = True
            tierup.unpark(state)
        elif on is False:
            state.jit_enabled = False
            _flush_all(state)
        else:
            _flush_all(state)
        return ()
    if f is True:
        caller = next(live_levels(sys._getframe(1), 1), None)   # [0]: this library function
        f = caller.closure if caller is not None and caller.is_lua else None
    if type(f) is not LuaFunction or f.proto is None:
        raise type_error(1, 'function', arg(args, 1))
    rec = arg(args, 2)
    scope = 'all' if rec is True else ('sub' if rec is False else 'func')
    protos = [f.proto] if scope != 'sub' else []
    if scope != 'func':
        protos += _descendants(f.proto)
    for proto in protos:
        if on is None:
            tierup.flush(proto)
        else:
            tierup.set_enabled(proto, on)
    if on is not None:
        state.jit_func_modes[f.proto] = (on, scope)
    return ()


def _descendants(proto):
    out = []
    for child in proto.children():
        out.append(child)
        out += _descendants(child)
    return out


def _flush_all(state):
    for proto in list(state.jit_protos):
        tierup.flush(proto)
    state.jit_protos.clear()


@libfunction(LIB, 'on')
def jit_on(args):
    return _setmode(args, True)


@libfunction(LIB, 'off')
def jit_off(args):
    return _setmode(args, False)


@libfunction(LIB, 'flush')
def jit_flush(args):
    if args and type(args[0]) is float:      # flush(traceno)
        check_int(args, 1)
        return ()
    return _setmode(args, None)


@libfunction(LIB, 'status')
def jit_status(args):
    """status(): whether the JIT is on, then the optimisation flags (as
    LuaJIT); status(func): that function's status and failure reason."""
    f = arg(args, 1)
    if type(f) is LuaFunction and f.proto is not None:
        j = f.proto.jit
        if j is None:
            return ('none',)
        return (j.status, j.reason) if j.reason else (j.status,)
    state = current_state()
    return (bool(state.jit_enabled),) + tuple(
        flag for flag in OPT_FLAGS if flag in state.jit_opt.flags)


@libfunction(LIB, 'compile')
def jit_compile(args):
    """compile(func): compile a Lua function now; returns its status."""
    f = check_function(args, 1)
    if f.proto is None:
        return ('failed', 'not a Lua function')
    j = tierup.compile_now(f.proto, f)
    if j.status == 'ok':
        tierup.swap_gate(f, j)
    return (j.status, j.reason) if j.reason else (j.status,)


@libfunction(LIB, 'attach')
def jit_attach(args):
    """attach(handler, event) attaches, attach(handler) detaches it."""
    fn = check_function(args, 1)
    event = opt_string(args, 2, None)
    handlers = current_state().jit_handlers
    if event is not None:
        handlers[event] = fn
    else:
        for ev in [ev for ev, h in handlers.items() if h is fn]:
            del handlers[ev]
    return ()


def jit_opt_start(args):
    """jit.opt.start(...): no arguments restore the defaults; each argument
    is a level ('0'..'9'), a flag ('+fold', '-cse', 'nodce') or a parameter
    ('hotloop=56')."""
    opts = current_state().jit_opt
    if not args:
        opts.flags = set(_O3)
        return ()
    for i in range(1, len(args) + 1):
        s = c_name(check_string(args, i))
        if not (opts.set_level(s) or opts.set_flag(s) or opts.set_param(s)):
            raise LibErr(f"unknown or malformed optimization flag '{s}'")
    tierup.set_hotloop(opts.params['hotloop'])
    return ()


def setup(state, t):
    h = t.hash
    h['version'] = VERSION
    h['version_num'] = VERSION_NUM
    h['os'] = _os_name()
    h['arch'] = _arch_name()
    opt = LuaTable()
    opt.hash['start'] = builtin(jit_opt_start, 'start', state.globals)
    h['opt'] = opt
    state.jit_enabled = True
    state.jit_protos = weakref.WeakSet()
    state.jit_parked = weakref.WeakSet()
    state.jit_func_modes = {}
    state.jit_handlers = {}
    state.jit_opt = JitOptions()
    tierup.set_hotloop(state.jit_opt.params['hotloop'])   # (the interpreter's, per process)
