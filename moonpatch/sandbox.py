"""The sandbox's environment: what an untrusted script may reach.

LuaRuntime(sandbox=True) applies the default Sandbox; a host that wants a
different whitelist passes its own Sandbox. (SECURITY.md states the
promise; docs/sandbox.md is the user's guide.)
"""

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


class Sandbox:
    """A whitelist of globals and library fields (None: the whole library)."""

    def __init__(self, base=BASE, libraries=None):
        self.base = tuple(base)
        self.libraries = dict(LIBRARIES if libraries is None else libraries)

    def apply(self, runtime):
        """Cut the runtime's globals down to the whitelist."""
        g = runtime._state.globals.hash
        keep = {}
        for name in self.base:
            if name in g:
                keep[name] = g[name]
        for name, fields in self.libraries.items():
            lib = g.get(name)
            if lib is None:
                continue
            if fields is not None:
                from .runtime.table import LuaTable
                cut = LuaTable()
                for f in fields:
                    v = lib.hash.get(f)
                    if v is not None:
                        cut.hash[f] = v
                lib = cut
            keep[name] = lib
        g.clear()
        g.update(keep)
        g['_G'] = runtime._state.globals
