"""The debug library (ldblib.c), as Lua 5.1 has it.

moonpatch keeps no CallInfo stack: a stack level is read off the Python
frames (runtime/callstack.py), a Lua function's locals are its frame's
register list R, and hooks live in runtime/hooks.py (the interpreter switch
is explained in runtime/interpgen.py). Levels count as in 5.1: 0 is the
debug function itself, and a frame reused by tail calls is followed by one
'(tail call)' level per tail call.
"""
import sys
from itertools import chain, islice, repeat

from ..bytecode import opcodes as bc
from ..bytecode.decode import operands
from ..common.chunkid import chunkid
from ..runtime import hooks, ops
from ..runtime.callstack import TAIL, Level, frame_registers, live_levels, traceback_levels
from ..runtime.coroutine import Coroutine, catch
from ..runtime.errors import ArgErr, LibErr, call_name, format_traceback, type_error
from ..runtime.state import current_state
from ..runtime.table import LuaTable, PairsIter
from ..runtime.values import LuaFunction, Userdata, number_to_str, str_to_number, typename
from .auxlib import (MAX_STRING, arg, c_int, check_any, check_cint, check_string, opt_cint,
                     opt_string, to_integer)
from .base import load_or_error, set_metatable
from .registry import libfunction

LIB = 'debug'

HOST = Level(None, 0, None)             # the host that runs the main thread (lua.c's pmain)


# ---- threads and levels ----------------------------------------------------------------

def _thread(args):
    """getthread: (a thread other than the running one, or None; how many
    arguments it takes)."""
    if args and type(args[0]) is Coroutine:
        co = args[0]
        return (None if co is current_state().current_co else co), 1
    return None, 0


def _levels(co, frame, skip=0):
    """The levels of thread co (None: the running one, whose level 0 is
    `frame`, the calling library function), innermost first, from level
    `skip` on."""
    if co is None:
        host = HOST if current_state().current_co is None else None
        return live_levels(frame, skip, host)
    if co.status == 'dead':
        return iter(traceback_levels(co.error.__traceback__, skip) if co.error is not None else ())
    if co.glet is None or co.glet.gr_frame is None:
        return iter(())                     # not started: no levels yet
    return live_levels(co.glet.gr_frame, skip)


def _level(co, frame, n):
    """lua_getstack: (level n, the level that called it), or None."""
    if n < 0:
        return TAIL, None
    pair = list(islice(_levels(co, frame, n), 2))
    if not pair:
        return None
    return pair[0], (pair[1] if len(pair) > 1 else None)


def _isnumber(v):
    return type(v) is float or (type(v) is str and str_to_number(v) is not None)


def _tonumber(v):
    return v if type(v) is float else str_to_number(v)


def _call_site(caller):
    """(op, a) of the instruction a Lua level is executing."""
    op, a, _, _ = operands(caller.closure.proto, caller.pc - 1)
    return op, a


_CALL_OPS = (bc.CALL, bc.CALLM, bc.CALLT, bc.CALLMT)
_ITER_OPS = (bc.ITERC, bc.ITERN)


def _host_function(level, caller):
    """The function object of a host function's level."""
    frame = level.frame
    if frame is None:
        return None
    f = hooks.host_call_function(frame)
    if f is not None:
        return f
    code = frame.f_code
    if caller is not None and caller.is_lua and caller.frame is not None:
        op, a = _call_site(caller)
        slot = a if op in _CALL_OPS else a - 3 if op in _ITER_OPS else None
        if slot is not None:
            f = frame_registers(caller.frame)[0][slot]
            if type(f) is LuaFunction and getattr(f.gate, '__code__', None) is code:
                return f
    state = current_state()
    for t in (state.globals, *[v for v in state.globals.hash.values() if type(v) is LuaTable]):
        for v in t.hash.values():
            if type(v) is LuaFunction and getattr(v.gate, '__code__', None) is code:
                return v
    return None


def _function_of(level, caller):
    if level.tailcall:
        return None
    return level.closure if level.is_lua else _host_function(level, caller)


def _name(level, caller):
    """getfuncname: (name, namewhat) of a level, from the instruction
    that called it."""
    if level.tailcall:
        return '', ''
    if caller is None or not caller.is_lua:
        return None, ''
    kind, name = call_name(caller.closure.proto, caller.pc - 1)
    return (name, kind) if kind else (None, '')


# Lua 5.1's C functions that are closures (their upvalue counts)
_HOST_NUPS = {('lib.base', 'lua_pairs'): 1, ('lib.base', 'lua_ipairs'): 1,
              ('lib.base', 'lua_newproxy'): 1, ('lib.coroutine', 'wrapped'): 1,
              ('lib.string', 'gmatch_aux'): 3}


def _nups(f):
    if f.proto is not None:
        return len(f.upvals)
    code = getattr(f.gate, '__code__', None)
    if code is None:
        return 0
    module = getattr(f.gate, '__module__', '') or ''
    return _HOST_NUPS.get((module.replace('moonpatch.', '', 1), code.co_name), 0)


# ---- getinfo ---------------------------------------------------------------------------

_OPTIONS = 'SlunLf'


@libfunction(LIB, 'getinfo')
def db_getinfo(args):
    co, n = _thread(args)
    opts = opt_string(args, n + 2, 'flnSu')
    what = arg(args, n + 1)
    level = caller = None
    if _isnumber(what):
        found = _level(co, sys._getframe(), c_int(to_integer(_tonumber(what))))
        if found is None:
            return (None,)
        level, caller = found
        f = _function_of(level, caller)
    elif type(what) is LuaFunction:
        f = what
    else:
        raise ArgErr(n + 1, 'function or level expected')
    tail = level is not None and level.tailcall
    if not tail and any(ch not in _OPTIONS for ch in opts):
        raise ArgErr(n + 2, 'invalid option')
    t = LuaTable()
    h = t.hash
    if 'S' in opts:
        if tail:
            src, what, first, last = '=(tail call)', 'tail', -1, -1
        elif f is None or f.proto is None:
            src, what, first, last = '=[C]', 'C', -1, -1
        else:
            p = f.proto
            src = p.chunkname
            first = p.firstline
            what = 'main' if first == 0 else 'Lua'
            last = p.lastline if first else 0
        h['source'] = src
        h['short_src'] = chunkid(src)
        h['linedefined'] = float(first)
        h['lastlinedefined'] = float(last)
        h['what'] = what
    if 'l' in opts:
        h['currentline'] = float(level.currentline if level is not None else -1)
    if 'u' in opts:
        h['nups'] = float(_nups(f) if f is not None else 0)
    if 'n' in opts:
        name, namewhat = _name(level, caller) if level is not None else (None, '')
        if name is not None:
            h['name'] = name
        h['namewhat'] = namewhat
    if 'L' in opts and f is not None and f.proto is not None:
        h['activelines'] = _active_lines(f.proto)
    if 'f' in opts and f is not None:
        h['func'] = f
    return (t,)


def _active_lines(proto):
    """The lines that have code; a function's final return (which 5.1
    always compiles) is on the line of its `end`."""
    t = LuaTable()
    for line in proto.lines:
        t.set(float(line), True)
    if proto.firstline:
        t.set(float(proto.lastline), True)
    return t


# ---- locals and upvalues ---------------------------------------------------------------

def _local(level, n, own_args):
    """findlocal: (name, registers, index) of local n of a level, or None.
    Beyond the named locals, the slots below the function being called are
    '(*temporary)'. A vararg function has 5.1's compatibility local `arg`
    after its parameters (registers is then a one-element list)."""
    if level.tailcall:
        return None
    if not level.is_lua:
        if own_args is not None and 0 < n <= len(own_args):   # the debug function itself
            return '(*temporary)', own_args, n - 1
        return None
    if level.frame is None or n <= 0:
        return None
    proto = level.closure.proto
    R, va = frame_registers(level.frame)
    if proto.is_vararg and proto.firstline:
        if n == proto.numparams + 1:
            return 'arg', [_compat_arg(proto, va)], 0
        if n > proto.numparams + 1:
            n -= 1
    name = proto.local_name(n - 1, level.pc - 1)
    if name is None:
        op, a = _call_site(level)
        limit = a if op in _CALL_OPS or op in _ITER_OPS else proto.framesize
        if n > limit or n > len(R):
            return None
        name = '(*temporary)'
    if type(R[n - 1]) is PairsIter:     # pairs() loop state: 5.1's control is the last key
        return name, [R[n]], 0
    return name, R, n - 1


def _compat_arg(proto, va):
    """The `arg` table 5.1 makes for a vararg function that does not use
    `...` (nil for one that does)."""
    if any(ins & 0xff == bc.VARG for ins in proto.code):
        return None
    t = LuaTable()
    for i, v in enumerate(va or ()):
        if v is not None:
            t.set(float(i + 1), v)
    t.hash['n'] = float(len(va or ()))
    return t


def _stack_level(args, n, co):
    found = _level(co, sys._getframe(1), check_cint(args, n + 1))
    if found is None:
        raise ArgErr(n + 1, 'level out of range')
    return found[0]


@libfunction(LIB, 'getlocal')
def db_getlocal(args):
    co, n = _thread(args)
    level = _stack_level(args, n, co)
    own = args if co is None and level.frame is sys._getframe() else None
    found = _local(level, check_cint(args, n + 2), own)
    if found is None:
        return (None,)
    name, regs, i = found
    return (name, regs[i])


@libfunction(LIB, 'setlocal')
def db_setlocal(args):
    co, n = _thread(args)
    level = _stack_level(args, n, co)
    value = check_any(args, n + 3)
    own = args if co is None and level.frame is sys._getframe() else None
    found = _local(level, check_cint(args, n + 2), own)
    if found is None:
        return (None,)
    name, regs, i = found
    regs[i] = value
    return (name,)


def _upvalue(args):
    """auxupvalue: the upvalue cell of a Lua function, or None."""
    idx = check_cint(args, 2)
    f = arg(args, 1)
    if type(f) is not LuaFunction:
        raise_type(1, 'function', f, len(args) < 1)
    if f.proto is None:
        return None, None               # C upvalues are not touched from Lua
    names = f.proto.uvnames
    if not 1 <= idx <= len(names):
        return None, None
    return names[idx - 1], f.upvals[idx - 1]


def raise_type(n, expected, v, absent):
    raise type_error(n, expected, v, absent)


@libfunction(LIB, 'getupvalue')
def db_getupvalue(args):
    name, uv = _upvalue(args)
    if name is None:
        return ()
    return (name, uv.regs[uv.slot])


@libfunction(LIB, 'setupvalue')
def db_setupvalue(args):
    value = check_any(args, 3)
    name, uv = _upvalue(args)
    if name is None:
        return ()
    uv.regs[uv.slot] = value
    return (name,)


# ---- hooks -----------------------------------------------------------------------------

def _target(co):
    """(the thread object hooks are kept for, its innermost frame or None)."""
    if co is None:
        return current_state().current_co, sys._getframe(1)
    glet = co.glet
    return co, (glet.gr_frame if glet is not None and not glet.dead else None)


@libfunction(LIB, 'sethook')
def db_sethook(args):
    co, n = _thread(args)
    f = arg(args, n + 1)
    if f is None:
        func, mask, count = None, 0, 0
    else:
        smask = check_string(args, n + 2)
        if type(f) is not LuaFunction:
            raise_type(n + 1, 'function', f, False)
        count = opt_cint(args, n + 3, 0)
        func = f
        mask = ((hooks.MASK_CALL if 'c' in smask else 0) | (hooks.MASK_RET if 'r' in smask else 0)
                | (hooks.MASK_LINE if 'l' in smask else 0) | (hooks.MASK_COUNT if count > 0 else 0))
    thread, top = _target(co)
    H = hooks.set_hook(current_state(), thread, func, mask, count, top,
                       db_sethook.__code__ if co is None else None)
    # 5.1 sends the return event of sethook itself (hcall does, if it called us)
    if co is None and H.rm and not hooks.called_by_host_call(sys._getframe()):
        hooks.fire(H, 'return')
    return ()


@libfunction(LIB, 'gethook')
def db_gethook(args):
    co, _ = _thread(args)
    state = current_state()
    H = hooks.hooks_of(state, state.current_co if co is None else co)
    mask = H.mask
    smask = ('c' if mask & hooks.MASK_CALL else '') + ('r' if mask & hooks.MASK_RET else '') + \
        ('l' if mask & hooks.MASK_LINE else '')
    return (H.func, smask, float(H.count))


# ---- traceback -------------------------------------------------------------------------

@libfunction(LIB, 'traceback')
def db_traceback(args):
    co, n = _thread(args)
    stack = list(args)                  # db_errorfb works on the Lua stack: so do we
    if len(stack) > n + 1 and _isnumber(stack[n + 1]):
        level = c_int(to_integer(_tonumber(stack[n + 1])))     # (int)lua_tointeger
        stack.pop()
    else:
        level = 1 if co is None else 0
    if len(stack) == n:
        stack.append('')
    elif type(stack[n]) is not str and type(stack[n]) is not float:
        return (stack[-1],)             # the message is not a string: returned as it is
    else:
        stack.append('\n')
    if level < 0:
        # levels below 0 are lost tail calls to lua_getstack: 5.1 lists them all
        if -level * len('\n\t(tail call): ?') > MAX_STRING:
            raise MemoryError('debug.traceback result too large')
        entries = chain(repeat(TAIL, -level), _levels(co, sys._getframe()))
    else:
        entries = _levels(co, sys._getframe(), level)
    stack.append(format_traceback(entries, level0=level))
    return (ops.concat(stack[n:]),)


# ---- metatables, registry, environments ------------------------------------------------

@libfunction(LIB, 'getmetatable')
def db_getmetatable(args):
    return (ops.getmetatable(check_any(args, 1)),)


@libfunction(LIB, 'setmetatable')
def db_setmetatable(args):
    mt = arg(args, 2)
    if len(args) < 2 or (mt is not None and type(mt) is not LuaTable):
        raise ArgErr(2, 'nil or table expected')
    v = args[0]
    t = type(v)
    if t is LuaTable:
        set_metatable(v, mt)
    elif t is Userdata:
        v.meta = mt
    else:
        metas = current_state().type_meta
        if mt is None:
            metas.pop(t, None)
        else:
            metas[t] = mt
    return (True,)


@libfunction(LIB, 'getregistry')
def db_getregistry(args):
    return (current_state().registry,)


@libfunction(LIB, 'getfenv')
def db_getfenv(args):
    v = check_any(args, 1)
    t = type(v)
    state = current_state()
    if t is LuaFunction or t is Userdata:
        return (state.globals if v.env is None else v.env,)
    if t is Coroutine:
        return (v.env,)
    return (None,)


@libfunction(LIB, 'setfenv')
def db_setfenv(args):
    env = arg(args, 2)
    if type(env) is not LuaTable:
        raise_type(2, 'table', env, len(args) < 2)
    v = args[0]
    t = type(v)
    if t is LuaFunction or t is Userdata:
        v.env = env
    elif t is Coroutine:
        v.env = env
    else:
        raise LibErr("'setfenv' cannot change environment of given object")
    return (v,)


# ---- debug.debug -----------------------------------------------------------------------

@libfunction(LIB, 'debug')
def db_debug(args):
    """Read commands from stdin and run them, until 'cont' or end of input."""
    state = current_state()
    err = state.stderr or sys.stderr
    err = getattr(err, 'buffer', err)
    stdin = sys.stdin.buffer
    while True:
        err.write(b'lua_debug> ')
        err.flush()
        line = stdin.readline(249)          # fgets into a 250-byte buffer
        if not line or line == b'cont\n':
            return ()
        loaded = load_or_error(line.decode('latin-1'), '=(debug command)')
        msg = loaded[1] if loaded[0] is None else None
        if msg is None:
            try:
                ops.call(loaded[0], [])
                continue
            except Exception as e:  # noqa: BLE001 (catch() lets host errors through)
                msg = catch(e).value
        if type(msg) is float:
            msg = number_to_str(msg)
        elif type(msg) is not str:
            msg = f'(error object is a {typename(msg)} value)'
        err.write(msg.encode('latin-1') + b'\n')
        err.flush()
