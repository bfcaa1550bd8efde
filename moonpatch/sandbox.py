"""The sandbox's environment: what an untrusted script may reach.

LuaRuntime(sandbox=True) applies the default Sandbox; a host that wants a
different whitelist passes its own Sandbox. docs/sandbox-environment.md
states the rules (SECURITY.md the promise, docs/sandbox.md the guide).
"""
from .lib.auxlib import check_option, check_table
from .lib.base import function_at, lua_collectgarbage, lua_rawset
from .lib.registry import builtin
from .runtime import ops
from .runtime.callstack import host_function, register_entry_code
from .runtime.errors import LibErr
from .runtime.table import LuaTable
from .runtime.values import AddressNames, LuaFunction

# The globals a sandboxed script keeps, and of each library the fields.
BASE = ('assert', 'error', 'ipairs', 'next', 'pairs', 'pcall', 'print', 'rawequal', 'rawget',
        'rawset', 'select', 'tonumber', 'tostring', 'type', 'unpack', 'xpcall', '_G',
        '_VERSION', 'getmetatable', 'setmetatable', 'loadstring', 'load', 'gcinfo',
        'collectgarbage', 'getfenv', 'setfenv')
LIBRARIES = {
    'string': None, 'table': None, 'math': None, 'coroutine': None, 'bit': None,
    'os': ('clock', 'time', 'date', 'difftime'),
    'debug': ('traceback',),
}
GC_OPTIONS = ('count',)
TABLE_WRITERS = ('insert', 'remove', 'sort')    # library functions that store into arg 1


class Sandbox:
    """The policy of a sandboxed runtime.

    base: the names of the base library's globals the script keeps.
    libraries: library name -> the tuple of its fields kept, or None for
        all of them; a library not named is gone (io, package, jit, ...).
    read_only: the libraries and the string metatable cannot be changed
        by the script (True by default).
    Whatever the whitelist holds, the sandbox loads text chunks only,
    limits getfenv/setfenv to the script's Lua functions, collectgarbage
    to "count", names values without host addresses and keeps Python
    internals out of reach (docs/sandbox-environment.md).
    """

    def __init__(self, base=BASE, libraries=None, read_only=True):
        self.base = tuple(base)
        self.libraries = dict(LIBRARIES if libraries is None else libraries)
        self.read_only = read_only

    def apply(self, runtime):
        """Cut the runtime's globals down to the whitelist and guard them."""
        _register_entries()
        state = runtime._state
        state.binary_chunks = False
        state.address_names = AddressNames()
        runtime._bridge.sandboxed = True
        g = state.globals
        keep = {name: g.hash[name] for name in self.base if name in g.hash}
        libs = {}
        for name, fields in self.libraries.items():
            lib = g.hash.get(name)
            if type(lib) is not LuaTable:
                continue
            if fields is not None:
                cut = LuaTable()
                for f in fields:
                    cut.set(f, lib.hash.get(f))
                lib = cut
            libs[name] = lib
        keep.update(_guarded_base(keep))
        table_lib = libs.get('table')
        if table_lib is not None:
            for name in TABLE_WRITERS:
                f = table_lib.hash.get(name)
                if f is not None:
                    table_lib.set(name, _guard(_check_writable, f.gate, name))
        if self.read_only:
            for lib in libs.values():
                _make_read_only(lib)
            string_meta = state.type_meta.get(str)
            if string_meta is not None:
                _make_read_only(string_meta)
        keep.update(libs)
        for k in list(g.hash):
            if k not in keep:
                g.set(k, None)
        for k, v in keep.items():
            g.set(k, v)
        g.set('_G', g)


# ---- read-only tables ------------------------------------------------------------

def _make_read_only(t):
    """Every store into t fails (ops.READ_ONLY), and its metatable is protected."""
    mt = LuaTable()
    mt.set('__newindex', ops.READ_ONLY)
    mt.set('__metatable', False)
    t.meta = mt


def _check_writable(args):
    """rawset's and the table library's check: the stores that bypass
    __newindex must not reach a read-only table either."""
    if args and ops.is_read_only(args[0]):
        raise LibErr(ops.READ_ONLY_ERROR)


def _guard(check, fn, name):
    """A Lua function that runs check(args) and then fn(args). The check is
    a host function named `name`, so its errors read as the library
    function's own; the gate itself is no level (fn is the [C] level)."""
    host_function(check, name)

    def gate(args):
        check(args)
        return fn(args)
    return LuaFunction(gate, None, None, None, name)


# ---- the base functions the sandbox changes -----------------------------------------

def _guarded_base(keep):
    """Replacements for the base functions kept that reach beyond the script."""
    out = {}
    if 'rawset' in keep:
        out['rawset'] = _guard(_check_writable, lua_rawset, 'rawset')
    if 'collectgarbage' in keep:
        def gc_option(args):
            check_option(args, 1, 'collect', GC_OPTIONS)
        out['collectgarbage'] = _guard(gc_option, lua_collectgarbage, 'collectgarbage')
    if 'getfenv' in keep:
        out['getfenv'] = builtin(sandbox_getfenv, 'getfenv')
    if 'setfenv' in keep:
        out['setfenv'] = builtin(sandbox_setfenv, 'setfenv')
    return out


def sandbox_getfenv(args):
    f, _ = function_at(args, 1)
    return (_script_function(f, "'getfenv' cannot get environment of given object").env,)


def sandbox_setfenv(args):
    t = check_table(args, 2)
    f, _ = function_at(args, None)
    _script_function(f, "'setfenv' cannot change environment of given object").env = t
    return (f,)


def _script_function(f, refusal):
    """f, when getfenv/setfenv may touch it: a Lua function (not a host
    function, not the thread: level 0). The levels a sandboxed script sees
    end at the innermost call from the host (_ends_stack)."""
    if f is None or f.proto is None:
        raise LibErr(refusal)
    return f


def _ends_stack(frame):
    """True at a host API entry (LuaRuntime._call/_protect) into a sandboxed
    runtime: its script sees no level beyond, neither the host's nor
    those of another runtime (getfenv/setfenv, error levels, tracebacks)."""
    runtime = frame.f_locals.get('self')
    return runtime is not None and runtime._bridge.sandboxed


def _register_entries():
    from .luaruntime import LuaRuntime
    for method in (LuaRuntime._call, LuaRuntime._protect):
        register_entry_code(method.__code__, _ends_stack)
