"""The Python embedding API: LuaRuntime and the Python side of Lua values.

    lua = moonpatch.LuaRuntime()
    lua.execute('function add(a, b) return a + b end')
    lua.globals().add(1, 2)          # 3

The API follows lupa's. Every entry point (a runtime method, any use of a
wrapper of a Lua value) takes the runtime's lock and makes its LuaState the
current one for the calling thread, then restores the previous state, so
threads can share a runtime and runtimes can call into each other. Values
cross with bridge.py's conversions. docs/python-api.md is the user's guide.
"""
import codecs
import sys
from array import array

from .bridge import (
    ATTR,
    DEFAULT_CHUNKNAME,
    ITEM,
    Bridge,
    LuaRef,
    ProtocolWrapper,
    PythonCallbackError,
    public_attributes,
    public_class,
)
from .bytecode.proto import Proto
from .engine import new_state
from .errors import (LuaDepthError, LuaError, LuaInstructionLimitError, LuaLimitError,
                     LuaMemoryError, LuaSyntaxError, LuaTimeoutError)
from .loader import load
from .runtime import gc as lua_gc
from .runtime import limits as lua_limits
from .runtime import ops
from .runtime.callstack import error_levels, live_levels
from .runtime.coroutine import Coroutine, resume
from .runtime.errors import finalize, format_traceback, where
from .runtime.state import enter_state, leave_state
from .runtime.table import LuaTable, lua_key
from .runtime.values import LuaFunction, Userdata, typename

LUA_VERSION = (5, 1)
LUA_IMPLEMENTATION = 'moonpatch 0.1 (Lua 5.1, LuaJIT 2.1 dialect)'


class LuaRuntime:
    """One Lua universe with the standard libraries, usable from Python.

    Options as lupa's: `encoding` (None: Lua strings come back as bytes),
    `source_encoding` (of code given as str; default: encoding),
    `attribute_filter(obj, name, is_setting) -> name` or
    `attribute_handlers=(getter, setter)` (without either, Lua cannot read
    or write attributes of Python objects), `register_eval` /
    `register_builtins` (python.eval / python.builtins), and
    `unpack_returned_tuples`. Beyond lupa: `encoding_errors` (how
    undecodable Lua strings convert; default 'surrogateescape', which
    round-trips any bytes), `overflow_handler(int)` for ints beyond 2**53,
    which a double cannot hold, and the sandbox (docs/sandbox.md):
    `sandbox` (True or a Sandbox policy: the restricted environment) and
    the limits `max_memory` (bytes), `max_instructions`, `timeout`
    (seconds) and `max_depth` (nested calls), which each entry from Python
    starts afresh (execute and eval take them per call too, and `limited()`
    for any other use); `isolated=True` gives an IsolatedRuntime, a worker
    process under operating-system limits (docs/isolated.md). `ffi=False`
    leaves out LuaJIT's ffi library (docs/ffi.md), which a sandbox never has.
    """

    def __new__(cls, *args, isolated=False, **options):
        if isolated:        # a worker process under OS limits (docs/isolated.md)
            from .isolated import IsolatedRuntime
            return IsolatedRuntime(*args, **options)
        return object.__new__(cls)

    def __init__(self, encoding='UTF-8', source_encoding=None, attribute_filter=None,
                 attribute_handlers=None, register_eval=True, register_builtins=True,
                 unpack_returned_tuples=False, max_memory=None, overflow_handler=None,
                 encoding_errors='surrogateescape', sandbox=False, max_instructions=None,
                 timeout=None, max_depth=None, isolated=False, ffi=True):
        if attribute_filter is not None and attribute_handlers is not None:
            raise ValueError('attribute_filter and attribute_handlers are mutually exclusive')
        if attribute_filter is not None and not callable(attribute_filter):
            raise ValueError('attribute_filter must be callable')
        if attribute_handlers is not None:
            if len(attribute_handlers) != 2:
                raise ValueError('attribute_handlers must be a (getter, setter) pair')
            for h in attribute_handlers:
                if h is not None and not callable(h):
                    raise ValueError('attribute handlers must be callable or None')
        _check_limits(max_instructions, timeout, max_depth)
        if sandbox:
            register_eval = register_builtins = False
        import threading        # (not at the command line's start-up)
        self._lock = threading.RLock()
        self._state = new_state(ffi=ffi and not sandbox)     # raw memory: never in a sandbox
        if sandbox or max_instructions is not None or timeout is not None or \
                max_depth is not None or max_memory is not None:
            self._state.limits = lua_limits.Limits(max_instructions, timeout, max_depth)
        self._bridge = Bridge(self, PROXY_TYPES, encoding, encoding_errors, attribute_filter,
                              attribute_handlers, unpack_returned_tuples, overflow_handler)
        self._source_encoding = source_encoding and codecs.lookup(source_encoding).name
        state = self._state
        state.stdout = _TextOut('stdout', self._bridge.encoding)
        state.stderr = _TextOut('stderr', self._bridge.encoding)
        with _Entry(self):
            if register_eval or register_builtins:
                state.globals.hash['python'] = self._bridge.python_table(register_eval,
                                                                         register_builtins)
            if sandbox:
                from .sandbox import Sandbox
                policy = sandbox if isinstance(sandbox, Sandbox) else Sandbox()
                policy.apply(self)
        self.set_max_memory(max_memory)

    lua_version = LUA_VERSION
    lua_implementation = LUA_IMPLEMENTATION

    def __repr__(self):
        return f'<LuaRuntime at {id(self):#x}>'

    # ---- running code ---------------------------------------------------------------

    def execute(self, lua_code, *args, name=None, mode='bt', max_instructions=None,
                timeout=None, max_depth=None):
        """Run a chunk with `...` = args; its results as a call gives them
        (None, one value, or a tuple). The limits, if given, apply to this
        call on top of the runtime's."""
        with self.limited(max_instructions, timeout, max_depth):
            f = self._load(lua_code, name, mode)
            return self._results(self._call(f, self._args(args)))

    def eval(self, lua_code, *args, name=None, mode='bt', max_instructions=None, timeout=None,
             max_depth=None):
        """The value of a Lua expression (`...` = args)."""
        prefix = b'return ' if isinstance(lua_code, (bytes, bytearray)) else 'return '
        return self.execute(prefix + lua_code, *args, name=name, mode=mode,
                            max_instructions=max_instructions, timeout=timeout,
                            max_depth=max_depth)

    def compile(self, lua_code, name=None, mode='bt'):
        """A chunk as a Lua function, not run."""
        with _Entry(self):
            return self._bridge.to_py(self._load(lua_code, name, mode))

    def limited(self, max_instructions=None, timeout=None, max_depth=None):
        """A context in which every use of this runtime from Python (calls
        of Lua functions included) shares one budget: the runtime's limits,
        lowered by those given here.

            with lua.limited(timeout=0.5):
                handler(request)
        """
        _check_limits(max_instructions, timeout, max_depth)
        if (max_instructions is not None or timeout is not None or max_depth is not None) \
                and self._state.limits is None:
            self._add_limits()
        return _Entry(self, (max_instructions, timeout, max_depth))

    def _add_limits(self):
        """Limits come to a runtime that had none: its compiled code, made
        without ticks, is forgotten (it compiles again, ticking)."""
        with _Entry(self):
            self._state.limits = lua_limits.Limits()
            jit = sys.modules.get('moonpatch.jit.tierup')
            for proto in list(getattr(self._state, 'jit_protos', ())):
                jit.flush(proto)

    def require(self, modulename):
        """Lua's require(modulename)."""
        with _Entry(self):
            req = self._state.globals.hash.get('require')
            if req is None:
                raise LuaError(f"module '{modulename}' not found: no 'require' function")
            return self._results(self._call(req, [self._bridge.to_lua(modulename)]))

    # ---- tables ---------------------------------------------------------------------

    def globals(self):
        """The table of globals."""
        with _Entry(self):
            return self._bridge.to_py(self._state.globals)

    def table(self, *items, **kwargs):
        """A new table: items at 1, 2, ..., then the keyword items."""
        return self.table_from(items, kwargs)

    def table_from(self, *args, recursive=False):
        """A new table from mappings (their items) and iterables (appended in
        order). recursive=True converts nested dicts, lists and tuples too,
        keeping shared parts shared and cycles as cycles."""
        with _Entry(self):
            return self._bridge.to_py(self._bridge.table_from(args, recursive))

    # ---- memory -----------------------------------------------------------------------

    def gccollect(self):
        """A full garbage collection (and the __gc metamethods that are due)."""
        with _Entry(self):
            self._protect(lua_gc.collect)

    def get_memory_used(self, total=False):
        """An estimate, in bytes, of the memory the Lua values of this runtime
        hold (those reachable from its globals, registry and metatables)."""
        with _Entry(self):
            return heap_size(self._state)

    @property
    def max_memory(self):
        return self._state.gc.limit

    def set_max_memory(self, max_memory, total=False):
        """Set (None: remove) the memory limit, in bytes: the memory of the
        Lua values (as runtime/gc.py counts it, charged as they are made).
        A script that goes past it gets LuaMemoryError ('not enough
        memory'), which it cannot catch."""
        if max_memory is not None and (not isinstance(max_memory, int) or max_memory <= 0):
            raise ValueError('max_memory must be a positive int or None')
        if max_memory is not None and self._state.limits is None:
            self._add_limits()          # armed entries charge every string
        with _Entry(self):
            self._state.gc.limit = max_memory

    # ---- inside an entry: loading, calling, errors -------------------------------------

    def _load(self, lua_code, name, mode):
        bridge = self._bridge
        text = bridge.source_to_lua(lua_code, self._source_encoding)
        chunkname = DEFAULT_CHUNKNAME if name is None else bridge.to_lua(name)
        if not self._state.binary_chunks:       # a sandbox: text only, from the host too
            mode = mode.replace('b', '')
        try:
            return load(text, chunkname, self._state.globals, mode)
        except LuaSyntaxError as e:
            err = LuaSyntaxError(bridge.to_py(e.value))
        raise err

    def _args(self, args):
        to_lua = self._bridge.to_lua
        return [to_lua(a) for a in args]

    def _results(self, r):
        n = len(r)
        if n == 0:
            return None
        to_py = self._bridge.to_py
        if n == 1:
            return to_py(r[0])
        return tuple(to_py(v) for v in r)

    def _call(self, f, args):
        try:
            return ops.call(f, args)
        except BaseException as e:  # noqa: BLE001 (translated, or re-raised unchanged)
            err = e
        raise self._python_error(err)

    def _protect(self, fn, *args):
        """fn(*args), with Lua errors translated for Python."""
        try:
            return fn(*args)
        except BaseException as e:  # noqa: BLE001 (translated, or re-raised unchanged)
            err = e
        raise self._python_error(err)

    def _python_error(self, e):
        """The exception the Python caller sees for e, raised in Lua code:
        the original exception of a Python callback, or a LuaError (of the
        public class) with the error value converted and the traceback apart."""
        if not isinstance(e, Exception):
            return e                # KeyboardInterrupt, SystemExit, ...: unchanged
        import greenlet     # (here and below: not at the command line's start-up)
        if isinstance(e, greenlet.error):
            return LuaError('cannot resume a coroutine in a Python thread other '
                            'than the one it runs in')
        err = finalize(e)
        if isinstance(err, PythonCallbackError):
            return err.exception
        try:
            value = self._bridge.to_py(err.value)
        except (UnicodeError, TypeError):
            value = err.value
        out = public_class(err)(value, format_traceback(error_levels(e)))
        if isinstance(err, LuaLimitError):
            out.catchable = err.catchable
        out._raw = err              # bridge.lua_error: back into Lua unchanged
        out._runtime = self
        return out


class _Entry:
    """An API entry: the runtime's lock, its state current for this thread
    (the previous one restored on exit), no running coroutine (Lua code
    called from Python cannot yield to a coroutine that called Python), and
    a budget armed when the runtime has limits (runtime/limits.py: the
    outermost entry starts it; `limits` lowers it)."""
    __slots__ = ('co', 'prev', 'runtime', 'limits', 'armed')

    def __init__(self, runtime, limits=(None, None, None)):
        self.runtime = runtime
        self.limits = limits

    def __enter__(self):
        rt = self.runtime
        rt._lock.acquire()
        state = rt._state
        self.prev = enter_state(state)
        self.co = state.current_co
        state.current_co = None
        self.armed = state.limits
        if self.armed is not None:
            lua_limits.arm(self.armed, *self.limits)
        return self

    def __exit__(self, *exc):
        rt = self.runtime
        if self.armed is not None:
            lua_limits.disarm(self.armed)
        rt._state.current_co = self.co
        leave_state(self.prev)
        rt._lock.release()


class _TextOut:
    """print()'s stream for a runtime: Python's current sys.stdout/stderr,
    also when it is a text stream without a binary buffer (StringIO,
    notebooks, redirect_stdout)."""

    def __init__(self, name, encoding):
        self.name = name
        self.encoding = encoding or 'utf-8'

    def write(self, data):
        out = getattr(sys, self.name)
        buf = getattr(out, 'buffer', None)
        if buf is not None:
            out.flush()                 # keep the order of Python's own writes
            buf.write(data)
            if getattr(out, 'line_buffering', False):
                buf.flush()
        else:
            out.write(data.decode(self.encoding, 'replace'))
        return len(data)

    def flush(self):
        out = getattr(sys, self.name)
        out.flush()

    def __getattr__(self, name):
        if name == 'buffer':            # write() is the binary interface
            raise AttributeError(name)
        out = getattr(sys, self.name)
        return getattr(getattr(out, 'buffer', out), name)


# ---- the Python side of Lua values -----------------------------------------------------

_SLOTS = ('_runtime', '_obj', '_start_args')   # unset only in objects copy/pickle made


class _LuaObject(LuaRef):
    """A Lua value in Python: indexing, calling, len() (`#`) and str()
    (tostring) act as in Lua, with the runtime's conversions."""
    __slots__ = ()

    def __init__(self, runtime, obj):
        object.__setattr__(self, '_runtime', runtime)
        object.__setattr__(self, '_obj', obj)

    def _enter(self):
        return _Entry(self._runtime)

    def __repr__(self):
        return f'<Lua {typename(self._obj)} at {id(self._obj):#x}>'

    def __str__(self):
        with self._enter() as e:
            if ops.metamethod(self._obj, '__tostring') is None:
                return repr(self)
            s = e.runtime._protect(ops.tostring, self._obj)
            s = e.runtime._bridge.to_py(s)
        if isinstance(s, bytes):
            return s.decode('utf-8', 'replace')
        return s if isinstance(s, str) else repr(self)

    def __eq__(self, other):
        return isinstance(other, LuaRef) and other._obj is self._obj

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(id(self._obj))

    def __bool__(self):
        return True

    def __reduce_ex__(self, protocol):
        raise TypeError(f'a Lua {typename(self._obj)} cannot be pickled or copied '
                        '(to_python() makes plain data of a table)')

    def __call__(self, *args):
        with self._enter() as e:
            rt = e.runtime
            return rt._results(rt._call(self._obj, rt._args(args)))

    def __iter__(self):
        raise TypeError(f"a Lua {typename(self._obj)} is not iterable")

    def _length(self):
        """Lua's #: for tables and for userdata with __len (functions and
        threads have no len(), so that list() and the like work on them)."""
        with self._enter() as e:
            n = e.runtime._protect(ops.length, self._obj)
            return e.runtime._bridge.to_py(n)

    def __getitem__(self, key):
        with self._enter() as e:
            bridge = e.runtime._bridge
            v = e.runtime._protect(ops.index, self._obj, bridge.to_lua(key))
            return bridge.to_py(v)

    def __setitem__(self, key, value):
        with self._enter() as e:
            bridge = e.runtime._bridge
            e.runtime._protect(ops.setindex, self._obj, bridge.to_lua(key), bridge.to_lua(value))

    def __delitem__(self, key):
        self.__setitem__(key, None)

    def __getattr__(self, name):
        if (name[:2] == '__' and name[-2:] == '__') or name in _SLOTS:
            raise AttributeError(name)        # Python's protocols, never Lua fields
        return self.__getitem__(name)

    def __setattr__(self, name, value):
        self.__setitem__(name, value)

    def __delattr__(self, name):
        self.__setitem__(name, None)


class _LuaTable(_LuaObject):
    """A Lua table as a mapping: keys(), values(), items() and iteration
    (over keys) see the raw contents; [] and attributes use __index /
    __newindex; len() is `#`."""
    __slots__ = ()
    lua_typename = 'table'

    def _pairs(self):
        """A snapshot of the raw pairs, converted."""
        with self._enter() as e:
            to_py = e.runtime._bridge.to_py
            return [(to_py(lua_key(k)), to_py(v)) for k, v in list(self._obj.hash.items())]

    __len__ = _LuaObject._length

    def __iter__(self):
        return (k for k, _ in self._pairs())

    def keys(self):
        return self.__iter__()

    def values(self):
        return (v for _, v in self._pairs())

    def items(self):
        return iter(self._pairs())

    def __contains__(self, key):
        with self._enter() as e:
            k = e.runtime._bridge.to_lua(key)
            return k is not None and self._obj.get(k) is not None

    def get(self, key, default=None):
        v = self.__getitem__(key)
        return default if v is None else v


class _LuaFunction(_LuaObject):
    """A Lua function: calling it returns None, one value or a tuple."""
    __slots__ = ()
    lua_typename = 'function'

    def coroutine(self, *args):
        """A new coroutine running this function, as a generator; args are
        passed on its first resume."""
        with self._enter() as e:
            co = Coroutine(self._obj)
            return _LuaThread(e.runtime, co, args)


class _LuaThread(_LuaObject):
    """A Lua coroutine as a Python generator: next() / send(v) resume it
    (a tuple sent is several values), yields come out as one value or a
    tuple, the function's return ends it (StopIteration.value); throw()
    raises an exception at the yield, close() abandons it."""
    __slots__ = ('_start_args',)
    lua_typename = 'thread'

    def __init__(self, runtime, obj, args=()):
        _LuaObject.__init__(self, runtime, obj)
        object.__setattr__(self, '_start_args', tuple(args))

    def __call__(self, *args):
        """lupa's spelling: set the arguments of the first resume."""
        object.__setattr__(self, '_start_args', args)
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    @property
    def status(self):
        return self._obj.status

    def send(self, value):
        co = self._obj
        if co.glet is None:
            if value is not None:
                raise TypeError("can't send non-None value to a just-started generator")
            args = self._start_args
        elif value is None:
            args = ()
        else:
            args = value if type(value) is tuple else (value,)
        return self._resume(args)

    def throw(self, typ, val=None, tb=None):
        if isinstance(typ, BaseException):
            exc = typ
        elif isinstance(val, BaseException):
            exc = val
        else:
            exc = typ() if val is None else typ(val)
        if tb is not None:
            exc = exc.with_traceback(tb)
        return self._resume((), exc)

    def close(self):
        """Abandon the coroutine: its suspended Lua code is unwound (nothing
        in it runs) and it is dead."""
        with self._enter() as e:
            co = self._obj
            if co.status == 'running' or co.status == 'normal':
                raise LuaError(f'cannot close a {co.status} coroutine')
            g = co.glet
            co.status = 'dead'
            if g is None or g.dead or not _same_thread(g):
                return
            state = e.runtime._state
            state.current_co = co
            import greenlet
            g.parent = greenlet.getcurrent()
            try:
                g.throw(greenlet.GreenletExit)
            finally:
                state.current_co = None

    def _resume(self, args, exc=None):
        with self._enter() as e:
            rt = e.runtime
            co = self._obj
            if exc is not None and (co.glet is None or co.status == 'dead'):
                co.status = 'dead'
                raise exc
            if co.status == 'dead':
                raise StopIteration
            if co.glet is not None and not _same_thread(co.glet):
                raise LuaError('cannot resume a coroutine in a Python thread other than '
                               'the one it runs in')
            throw = None
            if exc is not None:
                frame = co.glet.gr_frame
                levels = list(live_levels(frame)) if frame is not None else []
                throw = rt._bridge.crossing_error(exc, _where(levels), levels)
            try:
                ok, values = resume(co, rt._args(args), throw)
            except BaseException as x:  # noqa: BLE001 (translated, or re-raised unchanged)
                err = rt._python_error(x)
            else:
                err = None
            if err is None and not ok:
                if co.status != 'dead':
                    err = LuaError(rt._bridge.to_py(values[0]))
                else:
                    err = rt._python_error(co.error)
            if err is not None:
                raise err
            result = rt._results(values)
            if co.status == 'dead':
                raise StopIteration(result)
            return result


class _LuaUserdata(_LuaObject):
    """A userdata that is not a Python object (e.g. from newproxy)."""
    __slots__ = ()
    lua_typename = 'userdata'
    __len__ = _LuaObject._length


PROXY_TYPES = {LuaTable: _LuaTable, LuaFunction: _LuaFunction, Coroutine: _LuaThread,
               Userdata: _LuaUserdata}


def _same_thread(g):
    """True when greenlet g belongs to the calling thread (greenlets cannot
    switch across threads)."""
    import greenlet

    def root(x):
        while x.parent is not None:
            x = x.parent
        return x
    return root(g) is root(greenlet.getcurrent())


def _where(levels):
    """The position of the innermost Lua level ('' if none)."""
    for level in levels:
        if level.is_lua:
            return where(level)
    return ''


def _check_limits(max_instructions, timeout, max_depth):
    for name, value in (('max_instructions', max_instructions), ('max_depth', max_depth)):
        if value is not None and (not isinstance(value, int) or value <= 0):
            raise ValueError(f'{name} must be a positive int or None')
    if timeout is not None and (not isinstance(timeout, (int, float)) or not timeout > 0):
        raise ValueError('timeout must be a positive number of seconds or None')


# ---- module-level helpers ----------------------------------------------------------------

def lua_type(obj):
    """'table', 'function', 'thread' or 'userdata' for a Lua object, None for
    anything else (Python values, including those that convert to Lua)."""
    if isinstance(obj, _LuaObject):
        return typename(obj._obj)
    return None


def as_attrgetter(obj):
    """obj, to be indexed by attribute from Lua (still subject to the
    runtime's attribute_filter / attribute_handlers)."""
    return ProtocolWrapper(obj, ATTR)


def as_itemgetter(obj):
    """obj, to be indexed by item from Lua (obj[key])."""
    return ProtocolWrapper(obj, ITEM)


def _unpack_args(args):
    """(args, kwargs) from a single Lua table argument: its 1..#t items are
    positional, its string keys keyword arguments."""
    if len(args) != 1 or not isinstance(args[0], _LuaTable):
        return args, {}
    t = args[0]
    n = len(t)
    positional = []
    kwargs = {}
    for k, v in t.items():
        if isinstance(k, int) and 1 <= k <= n:
            continue
        if isinstance(k, bytes):          # a runtime with encoding=None
            k = k.decode('utf-8', 'surrogateescape')
        if not isinstance(k, str):
            raise TypeError(f'table key {k!r} is neither an array index nor a keyword name')
        kwargs[k] = v
    for i in range(1, n + 1):
        positional.append(t[i])
    return tuple(positional), kwargs


def unpacks_lua_table(func):
    """A decorator: when Lua calls func with one table, its array items
    become the positional arguments and its string keys keyword arguments."""
    import functools

    @functools.wraps(func)
    def wrapper(*args):
        args, kwargs = _unpack_args(args)
        return func(*args, **kwargs)
    return wrapper


def unpacks_lua_table_method(meth):
    """unpacks_lua_table for methods (the table follows self)."""
    import functools

    @functools.wraps(meth)
    def wrapper(self, *args):
        args, kwargs = _unpack_args(args)
        return meth(self, *args, **kwargs)
    return wrapper


def to_python(obj, max_depth=100):
    """A Lua table as plain Python data, recursively: a list for a sequence
    (keys exactly 1..n), a dict otherwise. A table met twice becomes one
    object; cycles and nesting deeper than max_depth raise ValueError.
    Values that are not tables convert as usual (functions stay wrappers)."""
    if not isinstance(obj, _LuaObject):
        return obj
    with obj._enter() as e:
        return e.runtime._bridge.to_python(obj._obj, max_depth)


# ---- memory estimate ------------------------------------------------------------------------

def _estimated_size(v):
    """sys.getsizeof where the host has none (PyPy raises TypeError): CPython's sizes, roughly."""
    if isinstance(v, str):
        return 49 + len(v)
    if isinstance(v, (bytes, bytearray)):
        return 33 + len(v)
    if isinstance(v, dict):
        return 64 + 48 * len(v)
    if isinstance(v, (list, tuple)):
        return 56 + 8 * len(v)
    if isinstance(v, array):
        return 64 + v.itemsize * len(v)
    return 24 if isinstance(v, float) else 56


def heap_size(state):
    """Bytes held by the Lua values reachable from a state's roots, as
    sys.getsizeof counts them (the values of userdata shallowly; the locals
    of suspended coroutines are not seen)."""
    getsizeof = sys.getsizeof if sys.implementation.name == 'cpython' else _estimated_size
    float_size = getsizeof(0.0)
    seen = set()
    stack = [state.globals, state.registry, *state.type_meta.values()]
    total = 0
    while stack:
        v = stack.pop()
        t = type(v)
        if t is float:
            total += float_size
            continue
        if v is None or t is bool or id(v) in seen:
            continue
        seen.add(id(v))
        if t is str:
            total += getsizeof(v)
        elif t is LuaTable:
            h = v.hash
            total += getsizeof(v) + getsizeof(h)
            for k, val in list(h.items()):
                stack.append(k)
                stack.append(val)
            stack.append(v.meta)
        elif t is LuaFunction:
            total += getsizeof(v)
            stack.append(v.env)
            stack.append(v.proto)
            for u in v.upvals or ():
                stack.append(u.regs[u.slot])
        elif t is Proto:
            total += getsizeof(v.code) + getsizeof(v.lines)
            stack.extend(v.kgc)
        elif t is Userdata:
            total += getsizeof(v) + getsizeof(v.value)
            stack.append(v.meta)
            stack.append(v.env)
        elif t is Coroutine:
            total += getsizeof(v)
            stack.append(v.fn)
    return total


__all__ = [
    'LuaDepthError',
    'LuaError',
    'LuaInstructionLimitError',
    'LuaLimitError',
    'LuaMemoryError',
    'LuaRuntime',
    'LuaSyntaxError',
    'LuaTimeoutError',
    'as_attrgetter',
    'as_itemgetter',
    'heap_size',
    'lua_type',
    'public_attributes',
    'to_python',
    'unpacks_lua_table',
    'unpacks_lua_table_method',
]
