"""A state's FFI: its C namespace with the memory operations the
conversions and metamethods share (LuaJIT's CTState with lj_cdata.c's
allocation): making cdata, addresses, string buffers, struct fields."""
from cffi import model

from ...common.cdata import CDATA
from ...runtime import ops
from ...runtime.errors import ArgErr, LibErr
from ...runtime.gc import track_userdata
from ...runtime.state import current_state
from ...runtime.table import LuaTable
from ...runtime.values import Userdata
from ..registry import builtin
from . import cdata as cdata_ops
from . import clib
from .convert import cdata_number, from_c, init, reference, to_c
from .ctypes import K_ARRAY, K_FUNC, K_PTR, K_STRUCT, K_VOID, CData, Namespace


def _stdio():
    import cffi
    ffi = cffi.FFI()
    ffi.cdef('int fflush(void *);')
    return ffi.dlopen(None), ffi


_C_STDIO = _stdio()


def from_c_arg(ct, x):
    if ct.kind in (K_STRUCT, K_ARRAY):
        return reference(ct, x, None)
    return from_c(ct, x)

STRING_CACHE = 4096     # strings whose C copies stay alive (see string_buffer)


class CState(Namespace):

    def __init__(self):
        Namespace.__init__(self)
        self.metatypes = {}         # struct model type -> ffi.metatype's table
        self.strings = {}           # Lua string -> its NUL-terminated C copy
        self.uintptr = self.ffi.typeof('uintptr_t')
        self.char_ptr = self.ffi.typeof('char *')
        self.callbacks = []         # the C function pointers made for Lua functions

    # ---- memory --------------------------------------------------------------------

    def address(self, ptr):
        return int(self.ffi.cast(self.uintptr, ptr))

    def null(self, ct):
        return self.ffi.cast(ct.ct, 0)

    def string_buffer(self, s):
        """A C copy of Lua string s that stays put while the string is in
        use, as LuaJIT points into its strings (the copies of the last
        STRING_CACHE strings converted stay alive)."""
        buf = self.strings.get(s)
        if buf is None:
            if len(self.strings) >= STRING_CACHE:
                self.strings.clear()
            buf = self.strings[s] = self.ffi.new('char[]', s.encode('latin-1'))
        return buf

    def enum_value(self, ct, name):
        tp = ct.model
        if name in tp.enumerators:
            return tp.enumvalues[tp.enumerators.index(name)]
        return None

    def member_list(self, ct):
        """(name, CType) of a struct's fields in order, for initializers."""
        tp = ct.model
        if tp.fldnames is None:
            return []
        fields = ct.fields()
        return [(name, fields[name][0]) for name in tp.fldnames if name in fields]

    def field_pointer(self, ptr, name):
        return self.ffi.addressof(ptr[0], name)

    def set_field(self, ct, ptr, key, v):
        cdata_ops.set_field(self, ct, ptr, key, v)

    # ---- the Python API ------------------------------------------------------------

    def from_python(self, obj):
        """The cdata for a cffi object a host passes in, sharing its memory
        (its type must be one this state's declarations name)."""
        ffi = self.ffi
        cffi_type = ffi.typeof(obj)
        ct = self.parse(cffi_type.cname.replace('[]', '[?]'))
        kind = cffi_type.kind
        if kind == 'array':
            return CData(ct, ffi.cast(ct.deref().pointer_to().ct, obj), obj)
        if kind in ('pointer', 'function'):
            return CData(ct, obj)
        if kind in ('struct', 'union'):
            return CData(ct, ffi.addressof(obj), obj)
        return CData(ct, ffi.new(ct.pointer_to().ct, obj))

    # ---- calls -------------------------------------------------------------------

    def call_c(self, fct, fptr, args):
        return clib.call_c(self, fct, fptr, args)

    def flush_c_output(self):
        """fflush(NULL) after a C call, so that what C wrote to stdout comes
        before what Lua writes next (LuaJIT's print shares C's stdout)."""
        _C_STDIO[0].fflush(_C_STDIO[1].NULL)

    def callback(self, ct, fn):
        """A C function pointer of type ct that calls Lua function fn; it
        lives as long as the state (LuaJIT's callbacks are never freed)."""
        fct = ct.deref()
        params = [self.ctype(p, 0) for p in fct.model.args]
        rct = self.ctype(fct.model.result, 0)

        def trampoline(*cargs):
            r = ops.call(fn, [from_c_arg(p, x) for p, x in zip(params, cargs)])
            if rct.kind == K_VOID:
                return None
            return to_c(rct, r[0] if r else None)
        cb = self.ffi.callback(ct.ct, trampoline)
        self.callbacks.append(cb)
        return cb

    # ---- ffi.new -------------------------------------------------------------------

    def construct(self, ct, args, fn_name='new'):
        """ffi.new(ct, ...): fresh zeroed memory for ct, initialized from args
        (a variable-length type takes its length first)."""
        ffi = self.ffi
        kind = ct.kind
        ct = ct.unref()
        if kind == K_VOID or kind == K_FUNC or (kind == K_STRUCT and ct.model.fldnames is None):
            raise LibErr("cannot create cdata of incomplete type '%s'" % ct.name
                         if kind != K_FUNC else "invalid C type")
        if kind == K_ARRAY:
            length = None
            if ct.vla:
                if not args:
                    raise ArgErr(2, 'value expected')
                length = _length(args[0])
                args = args[1:]
                mem = ffi.new(ct.ct, length)
            else:
                mem = ffi.new(ct.ct)
                length = ct.model.length
            ptr = ffi.cast(ct.deref().pointer_to().ct, mem)
            cd = CData(ct, ptr, mem)
            init(ct, ptr, args, length=length)
        elif kind == K_PTR:
            if len(args) > 1:
                raise LibErr("too many initializers for '%s'" % ct.name)
            cd = CData(ct, to_c(ct, args[0]) if args else self.null(ct))
        elif kind == K_STRUCT and _has_flexible_array(ct.model):
            if not args:
                raise ArgErr(2, 'value expected')
            n = _length(args[0])
            mem = ffi.new(ct.pointer_to().ct, {ct.model.fldnames[-1]: n})
            cd = CData(ct, mem)
            init(ct, mem, args[1:])
        else:
            mem = ffi.new(ct.pointer_to().ct)
            cd = CData(ct, mem)
            init(ct, mem, args)
        if kind == K_STRUCT:
            mt = self.metatypes.get(ct.model)
            if mt is not None and mt.hash.get('__gc') is not None:
                self.set_finalizer(cd, mt.hash['__gc'])
        return cd

    # ---- finalizers (ffi.gc) -------------------------------------------------------

    def set_finalizer(self, cd, fn):
        """Run fn(cd) when cd becomes garbage: a userdata only cd refers to,
        whose __gc (runtime/gc.py) calls fn with a cdata for the same
        memory, which the userdata keeps until then."""
        old = cd.gc
        if old is not None:
            old.meta = None
            old.value = None
        cd.gc = None
        if fn is None:
            return
        u = Userdata((cd.ctype, cd.ptr, cd.keep, fn), FINALIZER_META)
        track_userdata(current_state(), u)
        cd.gc = u


def _run_finalizer(args):
    u = args[0]
    if type(u) is Userdata and u.value is not None:
        ct, ptr, keep, fn = u.value
        u.value = None
        ops.call(fn, [CData(ct, ptr, keep)])
    return ()


FINALIZER_META = LuaTable()
FINALIZER_META.hash['__gc'] = builtin(_run_finalizer, '__gc')


def _has_flexible_array(tp):
    return bool(tp.fldtypes) and isinstance(tp.fldtypes[-1], model.ArrayType) and \
        tp.fldtypes[-1].length is None


def _length(v):
    if type(v) is float and v >= 0:
        return int(v)
    if type(v) in CDATA:
        x = cdata_number(v)
        if x is not None and x >= 0:
            return int(x)
    raise LibErr('size of C type is unknown or too large')
