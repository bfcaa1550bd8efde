"""The state one Lua universe shares: globals, registry, type metatables.

Each LuaRuntime owns one LuaState. Code that needs it without being handed it
(the string metatable behind ("x"):rep(3), print's output stream) finds the
state of the runtime the current thread is running through current_state().
"""
from _thread import _local     # threading.local, without threading's start-up cost

_tls = _local()


class LuaState:
    def __init__(self):
        from .gc import Collector
        from .table import LuaTable
        self.gc = Collector()        # made first: the tables below charge it
        self.globals = LuaTable()    # the main thread's environment (setfenv(0, t) changes it)
        self.registry = LuaTable()
        self.type_meta = {}          # Python type -> metatable (str: the string metatable)
        self.stdout = None           # a binary file; None: the current sys.stdout
        self.stderr = None
        self.current_co = None       # the running coroutine (None: the main thread)
        self.globals_next = None     # the `next` function pairs() returns
        self.proxy_metas = set()     # ids of metatables made by newproxy(true)
        self.limits = None           # runtime/limits.py's Limits: compiled code ticks
        self.binary_chunks = True    # may load/loadstring take binary chunks (sandbox: no)
        self.address_names = None    # values.AddressNames: tostring shows no host address
        self.ffi_allowed = True      # may require("ffi") load the ffi (not in a sandbox)
        self.ffi = None              # lib/ffi's CState once required


def current_state():
    try:
        return _tls.state
    except AttributeError:
        raise RuntimeError('no Lua state is active in this thread') from None


def enter_state(state):
    """Make state current for this thread; returns the one to restore."""
    prev = getattr(_tls, 'state', None)
    _tls.state = state
    return prev


def leave_state(prev):
    _tls.state = prev
