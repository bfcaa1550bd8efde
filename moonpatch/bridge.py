"""Python <-> Lua values for the embedding API (luaruntime.py).

One Bridge per LuaRuntime. It converts values both ways with the runtime's
string encoding, wraps Python objects as userdata whose metatables belong to
that runtime (so a userdata is recognised as "a Python object of this
runtime" by its metatable alone), turns Python exceptions raised on Lua's
behalf into Lua errors, and builds the `python` table.

Conversions (Lua -> Python / Python -> Lua):
  nil <-> None, booleans <-> bool,
  number -> int when integral and |x| <= 2**53, else float; int/float -> number,
  string -> str (decoded) or bytes (encoding=None); str/bytes -> string,
  a 1LL/1ULL box -> int, a 1i box -> complex,
  table/function/thread/other userdata -> a wrapper of luaruntime.py,
  a Python object's userdata -> that object; any other object -> userdata.
"""
import builtins
import codecs
import sys
import types
import weakref
from collections.abc import Mapping

from .common.cdata import CDATA
from .common.cnumber import Complex, Int64
from .errors import (LuaDepthError, LuaError, LuaInstructionLimitError, LuaLimitError,
                     LuaMemoryError, LuaSyntaxError, LuaTimeoutError)
from .lib.registry import builtin
from .runtime.callstack import live_levels
from .runtime.errors import ArgErr, format_traceback, where
from .runtime.table import LuaTable, lua_key
from .runtime.values import Userdata, typename

MAX_EXACT = 2 ** 53          # beyond this a double no longer holds every integer
ATTR, ITEM = 'attribute', 'item'
DEFAULT_CHUNKNAME = '<python>'
BUILTIN_NAMES_KEPT = ('__import__',)
ASCII_COMPATIBLE = ('utf-8', 'ascii', 'iso8859-1', 'cp1252', None)   # None: UTF-8 for str
# A sandbox never lets these into Lua: from them the host's globals are a step away.
UNREACHABLE_TYPES = (types.FrameType, types.TracebackType, types.CodeType)
PUBLIC_ERRORS = (LuaSyntaxError, LuaMemoryError, LuaInstructionLimitError, LuaTimeoutError,
                 LuaDepthError, LuaLimitError, LuaError)


class LuaRef:
    """Base of the Python-side wrappers of Lua values (luaruntime.py): the
    runtime they belong to and the raw Lua value."""
    __slots__ = ('__weakref__', '_obj', '_runtime')


class ProtocolWrapper:
    """as_attrgetter(obj) / as_itemgetter(obj): obj, to be indexed from Lua by
    attribute or by item whatever its type."""
    __slots__ = ('obj', 'protocol')

    def __init__(self, obj, protocol):
        self.obj = obj
        self.protocol = protocol

    def __repr__(self):
        return f'<{self.protocol} access to {self.obj!r}>'


class PythonCallbackError(LuaError):
    """A Python exception that escaped a callback, travelling through Lua.

    Lua code sees `value`, a string describing the exception with the Lua
    position where it crossed (`chunk:3: ValueError: bad`), so pcall can
    catch it like any error. If the error reaches the Python caller
    unchanged, the API raises `exception`, the original, again.
    """

    def __init__(self, value, exception):
        LuaError.__init__(self, value)
        self.exception = exception


def default_protocol(obj):
    """Containers (anything with __getitem__ that is not a class) are indexed
    by item from Lua, everything else by attribute (as lupa does)."""
    if isinstance(obj, type):
        return ATTR
    return ITEM if hasattr(type(obj), '__getitem__') else ATTR


def public_attributes(obj, name, is_setting):
    """An attribute_filter allowing names that do not start with '_'."""
    if isinstance(name, str) and not name.startswith('_'):
        return name
    raise AttributeError(f'access to attribute {name!r} of a Python object is not allowed')


class Bridge:
    def __init__(self, runtime, proxy_types, encoding='UTF-8', encoding_errors='surrogateescape',
                 attribute_filter=None, attribute_handlers=None, unpack_returned_tuples=False,
                 overflow_handler=None):
        self.runtime = runtime
        self.proxy_types = proxy_types       # Lua type -> wrapper class
        if encoding is not None:
            encoding = codecs.lookup(encoding).name
        self.encoding = encoding
        self.errors = encoding_errors
        self.ascii_same = encoding in ASCII_COMPATIBLE   # ASCII text needs no recoding
        self.attribute_filter = attribute_filter
        self.getter, self.setter = attribute_handlers or (None, None)
        self.unpack_tuples = unpack_returned_tuples
        self.overflow_handler = overflow_handler
        self.sandboxed = False      # sandbox.py sets it: names and objects Lua never reaches
        self.wrappers = weakref.WeakValueDictionary()   # (id(obj), protocol) -> Userdata
        self.meta = self._object_metas()
        self.metas = tuple(self.meta.values())

    # ---- strings ---------------------------------------------------------------

    def str_to_lua(self, s):
        if self.ascii_same and s.isascii():
            return s
        return s.encode(self.encoding or 'utf-8', self.errors).decode('latin-1')

    def str_to_py(self, s):
        if self.encoding is None:
            return s.encode('latin-1')
        if self.ascii_same and s.isascii():
            return s
        return s.encode('latin-1').decode(self.encoding, self.errors)

    def source_to_lua(self, code, source_encoding):
        """Lua source text (or a binary chunk) from a str or bytes."""
        if isinstance(code, (bytes, bytearray)):
            return bytes(code).decode('latin-1')
        if isinstance(code, str):
            enc = source_encoding or self.encoding or 'utf-8'
            if code.isascii() and enc in ASCII_COMPATIBLE:
                return code
            return code.encode(enc, self.errors).decode('latin-1')
        raise TypeError(f'Lua code must be str or bytes, not {type(code).__name__}')

    # ---- values ----------------------------------------------------------------

    def to_lua(self, v):
        t = type(v)
        if v is None or t is bool or t is float:
            return v
        if t is int:
            return self.int_to_lua(v)
        if t is str:
            return self.str_to_lua(v)
        if t is bytes:
            return v.decode('latin-1')
        if isinstance(v, LuaRef):
            if v._runtime is not self.runtime:
                raise LuaError('cannot mix objects from different Lua runtimes')
            return v._obj
        if isinstance(v, int):            # subclasses (IntEnum, ...); bool handled above
            return self.int_to_lua(int(v))
        if isinstance(v, float):
            return float(v)
        if isinstance(v, str):
            return self.str_to_lua(str(v))
        if isinstance(v, (bytes, bytearray)):
            return bytes(v).decode('latin-1')
        if t is ProtocolWrapper:
            return self.wrap(v.obj, v.protocol)
        if t.__module__ == '_cffi_backend' and self.runtime._state.ffi is not None:
            return self.runtime._state.ffi.from_python(v)      # shares the memory
        if self.sandboxed and isinstance(v, UNREACHABLE_TYPES):
            raise LuaError(f'a Python {type(v).__name__} object cannot enter the sandbox')
        return self.wrap(v, default_protocol(v))

    def int_to_lua(self, i):
        if -MAX_EXACT <= i <= MAX_EXACT or self.overflow_handler is None:
            try:
                return float(i)
            except OverflowError:
                raise OverflowError('int too large to convert to a Lua number') from None
        v = self.overflow_handler(i)
        if type(v) is int:
            return float(v)
        return self.to_lua(v)

    def to_py(self, v):
        t = type(v)
        if t is float:
            if v.is_integer() and -MAX_EXACT <= v <= MAX_EXACT:
                return int(v)
            return v
        if t is str:
            return self.str_to_py(v)
        if v is None or t is bool:
            return v
        if t is Userdata and v.meta in self.metas:
            return v.value
        if t is Int64:                    # a 1LL box: the integer it holds
            return v.value
        if t is Complex:
            return complex(v.re, v.im)
        if t in CDATA and hasattr(v, 'to_python'):
            return v.to_python()            # the ffi's cdata: a cffi object (docs/ffi.md)
        cls = self.proxy_types.get(t)
        if cls is None:
            raise TypeError(f'no Python form for {v!r}')
        return cls(self.runtime, v)

    def wrap(self, obj, protocol):
        """The userdata of obj: the same one each time while Lua holds it, so
        it works as a table key and `==` is identity."""
        key = (id(obj), protocol)
        u = self.wrappers.get(key)
        if u is None or u.value is not obj:
            u = Userdata(obj, self.meta[protocol])
            self.wrappers[key] = u
        return u

    def python_object(self, args, n):
        """Argument n of a `python.*` function, which must be a Python object."""
        u = args[n - 1] if n <= len(args) else None
        if type(u) is not Userdata or u.meta not in self.metas:
            raise ArgErr(n, 'Python object expected')
        return u.value

    def results(self, r):
        """The Lua results of a Python callback's return value."""
        if self.unpack_tuples and type(r) is tuple:
            return [self.to_lua(x) for x in r]
        return (self.to_lua(r),)

    # ---- attributes ---------------------------------------------------------------

    def attribute_name(self, key):
        name = self.to_py(key)
        return name.decode('utf-8', 'surrogateescape') if type(name) is bytes else name

    def get_attribute(self, obj, key):
        name = self.sandbox_check(self.attribute_name(key))
        if self.getter is not None:
            return self.getter(obj, name)
        name = self._allowed(obj, name, False)
        return getattr(obj, name, None)

    def set_attribute(self, obj, key, value):
        name = self.sandbox_check(self.attribute_name(key))
        if self.setter is not None:
            self.setter(obj, name, value)
            return
        setattr(obj, self._allowed(obj, name, True), value)

    def sandbox_check(self, name):
        """In a sandbox, names starting with '__' (__class__, __globals__,
        __subclasses__, ...) are refused whatever the filter or handlers say,
        asked for or answered by a filter."""
        if self.sandboxed and isinstance(name, str) and name.startswith('__'):
            raise AttributeError(f'access to attribute {name!r} is not allowed in a sandbox')
        return name

    def host_text(self, text, obj=None):
        """Text made by Python for Lua (str() of an object, an exception's
        message): in a sandbox, the addresses in it become obj's tostring
        name, or a mark for any other object's."""
        if not self.sandboxed:
            return text
        address = id(obj.value) if obj is not None else None
        return self.runtime._state.address_names.hide(text, obj, address)

    def _allowed(self, obj, name, is_setting):
        if self.attribute_filter is None:
            raise AttributeError('attributes of Python objects are not accessible from Lua '
                                 '(the runtime has no attribute_filter or attribute_handlers)')
        if not isinstance(name, str):
            raise TypeError(f'attribute name must be a string, not {type(name).__name__}')
        allowed = self.attribute_filter(obj, name, is_setting)
        if not isinstance(allowed, str):     # a filter may also answer None: refused
            raise AttributeError(f'access to attribute {name!r} is not allowed')  # noqa: TRY004
        return self.sandbox_check(allowed)

    # ---- host functions and the errors of Python code run for Lua -----------------

    def host(self, fn, name):
        """A Lua function running fn(args) -> results, Python code run on
        Lua's behalf: its exceptions become Lua errors (PythonCallbackError)
        and the memory limit is checked on the way in."""
        bridge = self

        def gate(args):
            try:
                return fn(args)
            except LuaError as e:
                err = bridge.lua_error(e)
                if err is e:
                    raise               # as it is: a new raise would add this level again
                raise err from None
            except (RecursionError, MemoryError):
                raise                       # Lua's 'stack overflow' / 'not enough memory'
            except Exception as e:  # noqa: BLE001 (any exception becomes a Lua error)
                raise bridge.callback_error(e, sys._getframe())
        return builtin(gate, name)

    def lua_error(self, e):
        """A LuaError coming out of Python code, as Lua should see it: an
        error the API raised for this runtime continues as the Lua error it
        was; one raised by the host carries its value converted."""
        if e.pending:
            return e
        origin = getattr(e, '_runtime', None)
        if origin is self.runtime:
            return e._raw
        if origin is None and type(e.value) is str and e.value.isascii():
            return e
        try:
            value = self.to_lua(e.value)
        except LuaError:
            value = self.str_to_lua(str(e))
        return public_class(e)(value)

    def callback_error(self, exc, frame):
        """The Lua error for a Python exception escaping code that Lua called
        (frame: the host function's frame). Records where it crossed on the
        exception: `lua_traceback`, and a note (PEP 678)."""
        levels = list(live_levels(frame))
        caller = levels[1] if len(levels) > 1 else None
        return self.crossing_error(exc, where(caller), levels)

    def crossing_error(self, exc, position, levels):
        tb = format_traceback(levels)
        if getattr(exc, 'lua_traceback', None) is None:
            try:
                exc.lua_traceback = tb
            except AttributeError:
                pass
        at = position.rstrip(': ')
        note = f"raised into Lua{' at ' + at if at else ''}\n{tb}"
        add_note(exc, note)
        try:
            text = f'{position}{type(exc).__name__}: {self.host_text(str(exc))}'
            value = self.str_to_lua(text)
        except Exception:  # noqa: BLE001 (a broken __str__ must not hide the exception)
            value = self.str_to_lua(f'{position}{type(exc).__name__}')
        return PythonCallbackError(value, exc)

    # ---- metatables of Python objects ------------------------------------------------

    def _object_metas(self):
        """The two metatables of Python objects: indexed by attribute or by
        item; the other metamethods are shared (so __eq works across them)."""
        bridge = self
        to_py, to_lua = self.to_py, self.to_lua

        def item_index(args):
            obj = args[0].value
            try:
                v = obj[to_py(args[1])]
            except (KeyError, IndexError):
                v = None                  # a missing key reads as nil, as in a table
            return (to_lua(v),)

        def item_newindex(args):
            args[0].value[to_py(args[1])] = to_py(args[2])
            return ()

        def attr_index(args):
            return (to_lua(bridge.get_attribute(args[0].value, args[1])),)

        def attr_newindex(args):
            bridge.set_attribute(args[0].value, args[1], to_py(args[2]))
            return ()

        def call(args):
            fn = args[0].value
            rest = args[1:]
            if rest and _binds(fn, rest[0]):   # obj:method(...) on a bound method
                rest = rest[1:]
            return bridge.results(fn(*[to_py(a) for a in rest]))

        def tostring(args):
            return (bridge.str_to_lua(bridge.host_text(str(args[0].value), args[0])),)

        def length(args):
            return (float(len(args[0].value)),)

        def eq(args):
            a, b = to_py(args[0]), to_py(args[1])
            return (a is b or bool(a == b),)

        shared = {name: self.host(fn, name) for name, fn in (
            ('__call', call), ('__tostring', tostring), ('__len', length), ('__eq', eq))}
        metas = {}
        for protocol, index, newindex in ((ATTR, attr_index, attr_newindex),
                                          (ITEM, item_index, item_newindex)):
            mt = LuaTable(dict(shared))
            mt.hash['__index'] = self.host(index, '__index')
            mt.hash['__newindex'] = self.host(newindex, '__newindex')
            mt.hash['__metatable'] = 'python object'
            metas[protocol] = mt
        return metas

    # ---- the `python` table ----------------------------------------------------------

    def python_table(self, register_eval, register_builtins):
        """The `python` global: eval and builtins as the options say, and the
        helpers that only act on Python objects Lua was given."""
        bridge = self
        to_py, to_lua = self.to_py, self.to_lua
        t = LuaTable()

        def getter(protocol):
            def fn(args):
                return (bridge.wrap(bridge.python_object(args, 1), protocol),)
            return fn

        def as_function(args):
            obj = bridge.python_object(args, 1)

            def call(args):
                return bridge.results(obj(*[to_py(a) for a in args]))
            return (bridge.host(call, 'python function'),)

        def iterator(step):
            def fn(args):
                it = iter(bridge.python_object(args, 1))

                def next_value(_args):
                    for v in it:
                        return step(v)
                    return (None,)
                return (bridge.host(next_value, 'iterator'),)
            return fn

        def enumerate_(args):
            it = iter(bridge.python_object(args, 1))
            start = to_py(args[1]) if len(args) > 1 and args[1] is not None else 0
            count = [start]

            def next_pair(_args):
                for v in it:
                    i = count[0]
                    count[0] = i + 1
                    return (to_lua(i), to_lua(v))
                return (None,)
            return (bridge.host(next_pair, 'enumerate'),)

        def iteritems(args):
            obj = bridge.python_object(args, 1)
            it = iter(obj.items())

            def next_item(_args):
                for k, v in it:
                    return (to_lua(k), to_lua(v))
                return (None,)
            return (bridge.host(next_item, 'iteritems'),)

        def unpacked(v):
            if type(v) is tuple:
                return [to_lua(x) for x in v]
            return (to_lua(v),)

        funcs = {
            'as_attrgetter': getter(ATTR),
            'as_itemgetter': getter(ITEM),
            'as_function': as_function,
            'iter': iterator(lambda v: (to_lua(v),)),
            'iterex': iterator(unpacked),
            'enumerate': enumerate_,
            'iteritems': iteritems,
        }
        if register_eval:
            def eval_(args):
                if not args or type(args[0]) is not str:
                    raise ArgErr(1, 'string expected')
                return (to_lua(eval(to_py(args[0]), {'__builtins__': builtins})),)
            funcs['eval'] = eval_
        for name, fn in funcs.items():
            t.hash[name] = self.host(fn, name)
        t.hash['none'] = self.wrap(None, ATTR)
        if register_builtins:
            b = LuaTable()
            for name, value in vars(builtins).items():
                if value is not None and (not name.startswith('_') or name in BUILTIN_NAMES_KEPT):
                    b.hash[self.str_to_lua(name)] = to_lua(value)
            t.hash['builtins'] = b
        return t

    # ---- whole structures ----------------------------------------------------------

    def table_from(self, sources, recursive):
        """One table from mappings (their pairs) and iterables (appended to
        the array part). recursive: nested dicts, lists and tuples become
        tables too; an object met twice becomes one table (cycles included)."""
        memo = {}                 # id(container) -> (table, container)
        todo = []
        t = LuaTable()
        if recursive:
            for src in sources:   # a source nested in itself is this table
                memo[id(src)] = (t, src)
        self._fill(t, sources, memo, todo, recursive)
        while todo:
            table, obj = todo.pop()
            self._fill(table, (obj,), memo, todo, recursive)
        return t

    def _fill(self, t, sources, memo, todo, recursive):
        n = 0
        for src in sources:
            if isinstance(src, LuaRef):
                obj = self.to_lua(src)
                if type(obj) is not LuaTable:
                    raise TypeError('table_from() takes mappings, iterables and Lua tables, '
                                    f'not a Lua {typename(obj)}')
                for k, v in list(obj.hash.items()):
                    t.set(lua_key(k), v)
            elif isinstance(src, Mapping):
                for k, v in src.items():
                    t.set(self.to_lua(k), self._nested(v, memo, todo, recursive))
            else:
                for v in src:
                    n += 1
                    t.set(float(n), self._nested(v, memo, todo, recursive))

    def _nested(self, v, memo, todo, recursive):
        if recursive and (isinstance(v, (list, tuple, Mapping)) and not isinstance(v, LuaRef)):
            entry = memo.get(id(v))
            if entry is None:
                entry = memo[id(v)] = (LuaTable(), v)
                todo.append(entry)
            return entry[0]
        return self.to_lua(v)

    def to_python(self, v, max_depth):
        """Tables -> lists (keys exactly 1..n) or dicts, recursively; other
        values as to_py gives them. A table met twice gives one object; a
        table that contains itself, or nesting deeper than max_depth, is a
        ValueError. Iterative (an explicit stack of the tables being
        converted), so any depth the limit allows converts."""
        if type(v) is not LuaTable:
            return self.to_py(v)
        memo = {}                 # id(table) -> its conversion, once complete
        active = {}               # id(table) -> its frame, while being converted
        root = self._python_frame(v, None, None)
        active[id(v)] = root
        stack = [root]
        while stack:
            frame = stack[-1]
            table, out, items, depth = frame[0], frame[1], frame[2], frame[3]
            for k, item in items:
                if type(item) is not LuaTable:
                    out[k] = self.to_py(item)
                    continue
                key = id(item)
                if key in active:
                    raise ValueError(f'to_python: cycle: {_path(frame, k)} refers back to a '
                                     'table that contains it')
                done = memo.get(key)
                if done is not None:
                    out[k] = done
                    continue
                if depth + 1 > max_depth:
                    raise ValueError(f'to_python: tables nested deeper than {max_depth} '
                                     f'levels (at {_path(frame, k)})')
                child = self._python_frame(item, frame, k)
                out[k] = child[1]
                active[key] = child
                stack.append(child)
                break
            else:
                stack.pop()
                del active[id(table)]
                memo[id(table)] = out
        return root[1]

    def _python_frame(self, t, parent, key):
        """[table, its Python container, iterator of (container key, value),
        depth, parent frame, key in the parent] for to_python."""
        pairs = [(lua_key(k), item) for k, item in list(t.hash.items())]
        n = len(pairs)
        if n and all(type(k) is float for k, _ in pairs) and \
                {k for k, _ in pairs} == {float(i) for i in range(1, n + 1)}:
            out = [None] * n
            items = ((int(k) - 1, item) for k, item in pairs)
        else:
            out = {}
            items = ((self.to_py(k), item) for k, item in pairs)
        depth = 0 if parent is None else parent[3] + 1
        return [t, out, items, depth, parent, key]


def _path(frame, key):
    """'table[1]['x']': where entry `key` of a to_python frame is."""
    parts = []
    while frame is not None:
        parts.append(f'[{key + 1}]' if type(frame[1]) is list else f'[{key!r}]')
        frame, key = frame[4], frame[5]
    return 'table' + ''.join(reversed(parts))


def public_class(e):
    """The class of the public API an error is shown as (runtime-internal
    subclasses such as RuntimeErr show as LuaError)."""
    for cls in type(e).__mro__:
        if cls in PUBLIC_ERRORS:
            return cls
    return LuaError


def _binds(fn, first):
    """True when fn is a method bound to the Python object `first` stands for
    (Lua's obj:m() passes obj again)."""
    target = getattr(fn, '__self__', None)
    if target is None or isinstance(target, types.ModuleType):
        return False
    return type(first) is Userdata and first.value is target


def add_note(exc, note):
    """PEP 678's add_note, also on Pythons before 3.11 (which keep but do not
    print __notes__)."""
    try:
        if hasattr(exc, 'add_note'):
            exc.add_note(note)
        else:
            notes = getattr(exc, '__notes__', None)
            if notes is None:
                exc.__notes__ = notes = []
            notes.append(note)
    except (AttributeError, TypeError):
        pass


__all__ = [
    'ATTR',
    'DEFAULT_CHUNKNAME',
    'ITEM',
    'Bridge',
    'LuaRef',
    'ProtocolWrapper',
    'PythonCallbackError',
    'add_note',
    'default_protocol',
    'public_attributes',
    'public_class',
]
