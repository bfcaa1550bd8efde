"""The base library (lbaselib.c): print, type, pcall, load, getfenv, ..."""
import errno
import os
import re
import sys

from ..common.cdata import CDATA
from ..errors import LuaError, LuaSyntaxError
from ..loader import load as load_chunk
from ..runtime import gc as lua_gc
from ..runtime import ops
from ..runtime.coroutine import c_boundary, catch, set_thread_env, thread_env
from ..runtime.callstack import (is_thread_bottom, live_levels, register_splice_code,
                                 traceback_levels)
from ..runtime.clevels import C_LEVEL, C_LEVELS, ErrorHandlingError
from ..runtime.errors import (ArgErr, LibErr, error_value_at, type_error)
from ..runtime.limits import spend
from ..runtime.state import current_state
from ..runtime.table import LuaTable
from ..runtime.values import LuaFunction, Userdata, number_to_str, str_to_number, typename
from .auxlib import (arg, c_int, c_name, check_any, check_cint, check_option,
                     check_stack, check_string, check_table, opt_cint, opt_string)
from .registry import builtin, libfunction, open_library

LIB = '_G'


def write_stdout(state, text):
    """Write to the state's standard output; line by line at a terminal,
    as C's stdout is. Errors are ignored, as print ignores fputs's (a
    stdout Python has not got, its descriptor being closed, is None)."""
    out = state.stdout
    try:
        if out is None:
            out = sys.stdout
            out = getattr(out, 'buffer', out)
            if out is None:
                return
            out.write(text.encode('latin-1'))
            if _is_terminal(out):
                out.flush()
        else:
            out.write(text.encode('latin-1'))
    except (OSError, ValueError):
        pass


_tty = {}


def _is_terminal(stream):
    flag = _tty.get(id(stream))
    if flag is None:
        try:
            flag = stream.isatty()
        except (AttributeError, ValueError):
            flag = False
        _tty[id(stream)] = flag
    return flag


@libfunction(LIB, 'print')
def lua_print(args):
    state = current_state()
    tostring = ops.index(thread_env(state), 'tostring')    # lua_getglobal: the thread's
    builtin = tostring is state.lib_tostring               # no Lua call needed
    parts = []
    for v in args:
        if type(v) is str and builtin:
            s = v
        else:
            if builtin:
                with C_LEVEL:       # the lua_call of tostring this skips
                    s = ops.tostring(v)
            else:
                s = ops.first(ops.call(tostring, [v]))
            if type(s) is float:
                s = number_to_str(s)
            elif type(s) is not str:
                raise LibErr("'tostring' must return a string to 'print'")
        nul = s.find('\0')
        parts.append(s if nul < 0 else s[:nul])      # lua.c writes with fputs
    write_stdout(state, '\t'.join(parts) + '\n')
    return ()


@libfunction(LIB, 'type')
def lua_type(args):
    return (typename(check_any(args, 1)),)


@libfunction(LIB, 'tostring')
def lua_tostring(args):
    return (ops.tostring_charged(check_any(args, 1)),)


_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'
_STRTOUL = {}       # base -> the regular expression of what strtoul reads


def _strtoul(s, base):
    """C's strtoul(s, &end, base) as tonumber uses it: the value, or None
    unless digits run to the end (trailing spaces allowed). Linear in len(s):
    past 64 digits the value is above ULONG_MAX, where strtoul saturates."""
    rx = _STRTOUL.get(base)
    if rx is None:
        rx = _STRTOUL[base] = re.compile(
            r'[ \t\n\v\f\r]*([+-]?)%s([%s]+)[ \t\n\v\f\r]*\Z'
            % ('(?:0x)?' if base == 16 else '', _DIGITS[:base]), re.I)
    m = rx.match(s)
    if m is None:
        return None
    digits = m.group(2).lstrip('0')
    value = min(int(digits[:65] or '0', base), 2 ** 64 - 1)
    if m.group(1) == '-':
        value = (2 ** 64 - value) % 2 ** 64
    return float(value)


@libfunction(LIB, 'tonumber')
def lua_tonumber(args):
    base = opt_cint(args, 2, 10)
    if base == 10:
        v = check_any(args, 1)
        if type(v) is float:
            return (v,)
        if type(v) is str:
            return (str_to_number(v),)
        if type(v) in CDATA:        # common/cdata.py's contract
            return (v.tonumber(),)
        return (None,)
    s = check_string(args, 1)
    if not 2 <= base <= 36:
        raise ArgErr(2, 'base out of range')
    return (_strtoul(s, base),)


def _cdata_pairs(args, event):
    """pairs/ipairs of a cdata: its __pairs/__ipairs metamethod's results
    (LuaJIT's ffh_pairs), or None."""
    if args and type(args[0]) in CDATA:
        h = ops.metamethod(args[0], event)
        if h is not None:
            return ops.call(h, args[:1])
    return None


@libfunction(LIB, 'ipairs')
def lua_ipairs(args):
    r = _cdata_pairs(args, '__ipairs')
    if r is not None:
        return r
    t = check_table(args, 1)
    return (_ipairs_iter, t, 0.0)


def _ipairs_aux(args):
    t = check_table(args, 1)
    i = check_cint(args, 2) + 1
    v = t.hash.get(float(i))
    return () if v is None else (float(i), v)


@libfunction(LIB, 'pairs')
def lua_pairs(args):
    r = _cdata_pairs(args, '__pairs')
    if r is not None:
        return r
    t = check_table(args, 1)
    return (current_state().globals_next, t, None)


@libfunction(LIB, 'select')
def lua_select(args):
    n = len(args)
    if n and type(args[0]) is str and args[0][:1] == '#':     # 5.1 looks at the first char
        return (float(n - 1),)
    i = check_cint(args, 1)
    if i < 0:
        i = n + i
    elif i > n:
        i = n
    if i < 1:
        raise ArgErr(1, 'index out of range')
    spend(n - i)
    return args[i:]


@libfunction(LIB, 'rawget')
def lua_rawget(args):
    t = check_table(args, 1)
    return (t.get(check_any(args, 2)),)


@libfunction(LIB, 'rawset')
def lua_rawset(args):
    t = check_table(args, 1)
    check_any(args, 2)
    t.set(args[1], check_any(args, 3))
    return (t,)


@libfunction(LIB, 'rawequal')
def lua_rawequal(args):
    check_any(args, 1)
    check_any(args, 2)
    return (ops.raw_equal(args[0], args[1]),)


def set_metatable(t, mt):
    """lua_setmetatable for a table, following __mode into the hash."""
    from ..runtime.table import set_weak_mode
    t.meta = mt
    set_weak_mode(t, None if mt is None else mt.hash.get('__mode'))


@libfunction(LIB, 'setmetatable')
def lua_setmetatable(args):
    t = check_table(args, 1)
    mt = arg(args, 2)
    if len(args) < 2 or (mt is not None and type(mt) is not LuaTable):
        raise ArgErr(2, 'nil or table expected')
    if t.meta is not None and t.meta.hash.get('__metatable') is not None:
        raise LibErr('cannot change a protected metatable')
    set_metatable(t, mt)
    return (t,)


@libfunction(LIB, 'getmetatable')
def lua_getmetatable(args):
    mt = ops.getmetatable(check_any(args, 1))
    if mt is None:
        return (None,)
    protected = mt.hash.get('__metatable')
    return (mt if protected is None else protected,)


@libfunction(LIB, 'assert')
def lua_assert(args):
    v = check_any(args, 1)
    if v is None or v is False:
        raise LibErr(opt_string(args, 2, 'assertion failed!'))
    return args


@libfunction(LIB, 'error')
def lua_error(args):
    msg = arg(args, 1)
    level = opt_cint(args, 2, 1)
    if type(msg) is float and level > 0:      # concatenated with its position
        msg = number_to_str(msg)
    raise LuaError(error_value_at(msg, level))


@libfunction(LIB, 'pcall')
def lua_pcall(args):
    check_any(args, 1)
    f = args.pop(0)
    try:
        r = ops.call(f, args)
    except Exception as e:
        return (False, catch(e).value)
    return (True, *r)


@libfunction(LIB, 'xpcall')
def lua_xpcall(args):
    check_any(args, 2)
    f, handler = args[0], args[1]
    try:
        r = ops.call(f, [])                 # 5.1 passes no arguments (5.2 would)
    except Exception as e:
        err = catch(e)
        error_levels = traceback_levels(err.__traceback__)   # seen by the handler
        c_levels = C_LEVELS.n
        try:
            return (False, ops.first(_handle(handler, err, c_levels + 1)))
        except ErrorHandlingError:
            return (False, 'error in error handling')
        finally:
            error_levels = None  # noqa: F841 (read through the frame by callstack)
            C_LEVELS.n = c_levels
    return (True, *r)


def _handle(handler, err, level):
    """The handler's results for err, called where lua5.1 calls it: at the
    C level of the error. An error in the handler is handled by it again,
    one level deeper, until the levels run out (ErrorHandlingError)."""
    while True:
        C_LEVELS.n = getattr(err, 'c_levels', level)
        try:
            return ops.call(handler, [err.value])
        except ErrorHandlingError:
            raise
        except Exception as e:
            err = catch(e)
            level = C_LEVELS.n + 1


register_splice_code(lua_xpcall.__code__, lambda frame: frame.f_locals.get('error_levels'))


@libfunction(LIB, 'unpack')
def lua_unpack(args):
    t = check_table(args, 1)
    i = opt_cint(args, 2, 1)
    e = opt_cint(args, 3, None) if arg(args, 3) is not None else c_int(int(t.length()))
    if i > e:
        return ()
    if not check_stack(len(args), e - i + 1):
        raise LibErr('too many results to unpack')
    spend(e - i + 1)
    g = t.hash.get
    return [g(float(k)) for k in range(i, e + 1)]


def _read_pieces(reader):
    """The Lua function reader as the loader reads it (lua5.1's
    generic_reader): a string (a number becomes one) or nil; anything else
    is an error. It runs as called from C, where it cannot yield."""
    def read():
        with c_boundary():
            piece = ops.first(ops.call(reader, []))
        if piece is None or type(piece) is str:
            return piece
        if type(piece) is float:
            return number_to_str(piece)
        raise LibErr('reader function must return a string')
    return read


def load_or_error(chunk, chunkname, mode='bt', env=None, skip_shebang=False):
    """(function,) or (nil, message): what load/loadstring/loadfile return
    for a chunk (a string, or a reader: loader.load). An error the reader
    raises is the message once the message handler of the protected call
    around load has seen it, as lua5.1's lua_load passes it through errfunc."""
    state = current_state()
    if not state.binary_chunks:
        mode = mode.replace('b', '')
    try:
        f = load_chunk(chunk, chunkname, thread_env(state) if env is None else env, mode,
                       skip_shebang)
    except LuaSyntaxError as e:
        return (None, e.value)
    except Exception as e:
        err = catch(e)
        handler = _message_handler(sys._getframe(1))
        if handler is None:
            return (None, err.value)
        error_levels = traceback_levels(err.__traceback__)     # seen by the handler
        try:
            return (None, ops.first(handler([err.value])))
        except Exception as e2:
            catch(e2)
            return (None, 'error in error handling')
        finally:
            error_levels = None  # noqa: F841 (read through the frame by callstack)
    return (f,)


register_splice_code(load_or_error.__code__, lambda frame: frame.f_locals.get('error_levels'))


_docall_codes = set()


def register_docall_code(code):
    """Frames running `code` are lua.c's docall, whose message handler adds a
    traceback (to an error in load's reader). The command line registers its
    own (engine.py, a layer above the libraries)."""
    _docall_codes.add(code)


def _message_handler(frame):
    """The errfunc lua5.1 has where `frame` runs, as a function of the
    message list: xpcall's handler, lua.c's traceback under the command
    line, or None (in pcall, a coroutine, a call from the host API)."""
    while frame is not None:
        code = frame.f_code
        if code is lua_xpcall.__code__:
            handler = frame.f_locals['handler']
            return lambda args: ops.call(handler, args)
        if code is lua_pcall.__code__:
            return None
        if code in _docall_codes:
            return _lua_c_traceback
        if is_thread_bottom(frame):
            return None                 # resume has no message handler
        frame = frame.f_back
    return None


def _lua_c_traceback(args):
    """lua.c's message handler: debug.traceback(msg) for a string message,
    from the level that raised it (lua.c passes 2 to skip itself too)."""
    msg = args[0]
    debug = current_state().globals.hash.get('debug')
    if type(msg) not in (str, float) or type(debug) is not LuaTable:
        return (msg,)
    traceback = debug.hash.get('traceback')
    if type(traceback) is not LuaFunction:
        return (msg,)
    return ops.call(traceback, [msg, 1.0])


@libfunction(LIB, 'load')
def lua_load(args):
    chunk = arg(args, 1)
    mode = opt_string(args, 3, 'bt')
    env = arg(args, 4)
    if type(chunk) is str:
        name = opt_string(args, 2, chunk)
        return load_or_error(chunk, name, mode, env)
    if type(chunk) is not LuaFunction:
        raise type_error(1, 'function', chunk, len(args) < 1)
    name = opt_string(args, 2, '=(load)')
    return load_or_error(_read_pieces(chunk), name, mode, env)


@libfunction(LIB, 'loadstring')
def lua_loadstring(args):
    s = check_string(args, 1)
    return load_or_error(s, opt_string(args, 2, s))


def read_source_file(filename):
    """(text, chunkname) of a Lua file (None: stdin), or raise LibErr-free
    OSError for the caller to report."""
    if filename is None:
        if sys.stdin is None:           # its descriptor was closed
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        return sys.stdin.buffer.read().decode('latin-1'), '=stdin'
    with open(filename.encode('latin-1'), 'rb') as f:
        return f.read().decode('latin-1'), '@' + filename


def loadfile(filename, mode='bt', env=None):
    if filename is not None:
        filename = c_name(filename)       # luaL_loadfile's C string
    try:
        text, chunkname = read_source_file(filename)
    except OSError as e:
        if filename is None:            # stdin is not opened, only read
            return (None, 'cannot read stdin: %s' % e.strerror)
        what = 'open' if not isinstance(e, IsADirectoryError) else 'read'
        return (None, 'cannot %s %s: %s' % (what, filename, e.strerror))
    return load_or_error(text, chunkname, mode, env, skip_shebang=True)


@libfunction(LIB, 'loadfile')
def lua_loadfile(args):
    return loadfile(opt_string(args, 1, None), opt_string(args, 2, 'bt'), arg(args, 3))


@libfunction(LIB, 'dofile')
def lua_dofile(args):
    r = loadfile(opt_string(args, 1, None))
    if r[0] is None:
        raise LuaError(r[1])
    return ops.call(r[0], [])


def function_at(args, default_level):
    """getfenv/setfenv's first argument: a function, or the function running
    at a stack level (None for a host function's level)."""
    f = arg(args, 1)
    if type(f) is LuaFunction:
        return f, None
    level = (opt_cint(args, 1, default_level) if default_level is not None
             else check_cint(args, 1))
    if level < 0:
        raise ArgErr(1, 'level must be non-negative')
    if level == 0:
        return None, 0
    lv = next(live_levels(sys._getframe(1), level), None)   # [0] is getfenv/setfenv itself
    if lv is None:
        raise ArgErr(1, 'invalid level')
    if lv.tailcall:
        raise LibErr('no function environment for tail call at level %d' % level)
    return lv.closure, level


@libfunction(LIB, 'getfenv')
def lua_getfenv(args):
    f, _ = function_at(args, 1)
    if f is None or f.proto is None:      # a C function: LUA_GLOBALSINDEX, the thread's
        return (thread_env(current_state()),)
    return (f.env,)


@libfunction(LIB, 'setfenv')
def lua_setfenv(args):
    t = check_table(args, 2)
    f, level = function_at(args, None)
    if level == 0 and (args[0] if type(args[0]) is float else str_to_number(args[0])) == 0:
        set_thread_env(current_state(), t)     # exactly 0 (not a level cast to 0): the thread
        return ()
    if f is None or f.proto is None:
        raise LibErr("'setfenv' cannot change environment of given object")
    f.env = t
    return (f,)


GC_OPTIONS = ('stop', 'restart', 'collect', 'count', 'step', 'setpause', 'setstepmul')


@libfunction(LIB, 'collectgarbage')
def lua_collectgarbage(args):
    opt = check_option(args, 1, 'collect', GC_OPTIONS)
    ex = opt_cint(args, 2, 0)
    state = current_state()
    if opt == 'count':
        return (lua_gc.count(state) / 1024.0,)
    if opt == 'step':
        return (lua_gc.step(state, ex),)
    if opt == 'setpause':
        return (float(lua_gc.set_pause(state, ex)),)
    if opt == 'setstepmul':
        return (float(lua_gc.set_stepmul(state, ex)),)
    {'stop': lua_gc.stop, 'restart': lua_gc.restart, 'collect': lua_gc.collect}[opt](state)
    return (0.0,)


@libfunction(LIB, 'gcinfo')
def lua_gcinfo(args):
    return (float(lua_gc.count(current_state()) >> 10),)


@libfunction(LIB, 'newproxy')
def lua_newproxy(args):
    state = current_state()
    v = arg(args, 1)
    u = Userdata()
    lua_gc.track_userdata(state, u)
    if v is True:
        u.meta = LuaTable()
        state.proxy_metas.add(id(u.meta))
    elif type(v) is Userdata:
        if v.meta is None or id(v.meta) not in state.proxy_metas:
            raise ArgErr(1, 'boolean or proxy expected')
        u.meta = v.meta
    elif v is not None and v is not False:
        raise ArgErr(1, 'boolean or proxy expected')
    return (u,)


def open_base(state):
    g = state.globals
    open_library(state, LIB, g)
    g.hash['next'] = LuaFunction(ops.lua_next, None, None, g, 'next')
    state.globals_next = g.hash['next']
    g.hash['_G'] = g
    g.hash['_VERSION'] = 'Lua 5.1'
    state.lib_tostring = g.hash['tostring']
    return g


_ipairs_iter = builtin(_ipairs_aux, 'ipairs_aux')
