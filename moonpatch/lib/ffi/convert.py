"""Conversions between Lua values and C values (LuaJIT's lj_cconv.c).

to_c(ct, v) gives what cffi stores for a Lua value in a C object of type
ct (a Python int, float, bool, bytes for `char`, a cffi pointer); from_c
gives the Lua value of a C object LuaJIT would: numbers for the numbers
that fit a double, boxed 64-bit integers, booleans, cdata for the rest.
init() fills an aggregate (array, struct) from initializers, tables
included. Errors carry LuaJIT's words: cannot convert 'string' to 'int'.
"""
from ...common.cdata import CDATA
from ...common.cnumber import Complex, Int64, double_to_int64, double_to_uint64
from ...runtime.errors import LibErr
from ...runtime.table import LuaTable
from ...runtime.values import LuaFunction, typename
from .ctypes import (K_ARRAY, K_BOOL, K_COMPLEX, K_ENUM, K_FLOAT, K_FUNC, K_INT, K_PTR,
                     K_STRUCT, K_VOID, CData, CType)

def _int32(x):
    """(int32_t)x as cvttsd2si converts it: nan and values out of range
    give -2^31."""
    if -2147483649.0 < x < 2147483648.0:
        return int(x)
    return -2147483648


def number_to_int(x, size, signed):
    """A double as LuaJIT converts it to an integer of `size` bytes on x64:
    through int32 for narrower and signed 32-bit types, through int64 for
    the others, the result wrapped to the type."""
    if size < 4 or (size == 4 and signed):
        i = _int32(x)
    elif size == 8 and not signed:
        i = double_to_uint64(x)
    else:
        i = double_to_int64(x)
    return wrap(i, size, signed)


def wrap(i, size, signed):
    bits = size * 8
    i &= (1 << bits) - 1
    if signed and i >> (bits - 1):
        i -= 1 << bits
    return i


# What cffi raises for what Lua code can do wrong (a size too large, a value
# its checks refuse): Lua sees a LuaError with cffi's words.
CFFI_ERRORS = (TypeError, ValueError, OverflowError, MemoryError, IndexError, KeyError,
               AttributeError, NotImplementedError)


def c_errors(fn):
    """fn (a library function or metamethod) with cffi's exceptions made Lua errors."""
    def guarded(args):
        try:
            return fn(args)
        except CFFI_ERRORS as e:
            raise LibErr(str(e).split('\n')[0] or type(e).__name__) from None
        except RecursionError:
            raise
        except RuntimeError as e:       # cffi refuses a NULL dereference where C crashes
            raise LibErr(str(e).split('\n')[0]) from None
        except Exception as e:
            if type(e).__module__.startswith(('cffi', '_cffi')):
                raise LibErr(str(e).split('\n')[0]) from None
            raise
    guarded.__name__ = fn.__name__
    guarded.__code__ = guarded.__code__.replace(co_name=fn.__name__)
    return guarded


def conv_error(v, ct):
    return LibErr("cannot convert '%s' to '%s'" % (value_name(v), ct.name))


def value_name(v):
    """How LuaJIT names a value's type in a conversion error."""
    if type(v) is CData:
        return v.ctype.name
    if type(v) is Int64 or type(v) is Complex:
        return v.ctype
    if type(v) is CType:
        return 'ctype<%s>' % v.name
    return typename(v)


# ---- Lua -> C ------------------------------------------------------------------------

def to_c(ct, v, cast=False):
    """The Python value cffi stores for Lua value v in a C `ct`; cast: the
    rules of ffi.cast (any number or pointer to any scalar or pointer)."""
    kind = ct.kind
    tv = type(v)
    if kind == K_INT or kind == K_ENUM:
        if tv is float:
            i = number_to_int(v, ct.size or 4, ct.signed or kind == K_ENUM)
        elif tv is bool:
            i = int(v)
        elif tv is str and kind == K_ENUM and not cast:
            i = ct.ns.enum_value(ct, v)
            if i is None:
                raise conv_error(v, ct)
        elif tv in CDATA:
            i = cdata_integer(v, ct, cast)
        elif tv is str and cast:
            i = ct.ns.address(ct.ns.string_buffer(v))
        else:
            raise conv_error(v, ct)
        if kind == K_ENUM:
            return wrap(i, 4, True)
        if ct.model.name == 'char':
            return bytes((i & 0xff,))
        return wrap(i, ct.size, ct.signed)
    if kind == K_FLOAT:
        if tv is float:
            return v
        if tv is bool:
            return float(v)
        if tv in CDATA:
            x = cdata_number(v)
            if x is not None:
                return x
        raise conv_error(v, ct)
    if kind == K_BOOL:
        if tv is bool:
            return v
        if tv is float:
            return v != 0
        if tv in CDATA:
            x = cdata_number(v)
            if x is not None:
                return x != 0
        raise conv_error(v, ct)
    if kind == K_PTR:
        return to_pointer(ct, v, cast)
    if kind == K_COMPLEX:
        if tv is float:
            return complex(v, 0.0)
        if tv is Complex:
            return complex(v.re, v.im)
        if tv is CData and v.ctype.unref().kind == K_COMPLEX:
            return v.ptr[0]
        if tv in CDATA:
            x = cdata_number(v)
            if x is not None:
                return complex(x, 0.0)
        if tv is LuaTable:
            re, im = v.hash.get(1.0), v.hash.get(2.0)
            return complex(re if type(re) is float else 0.0, im if type(im) is float else 0.0)
        raise conv_error(v, ct)
    raise conv_error(v, ct)


def cdata_number(v):
    """The Lua number of a numeric cdata (boxed integers included), or None."""
    if type(v) is not CData:
        return v.tonumber()
    ct = v.ctype.unref()
    kind = ct.kind
    if kind in (K_INT, K_ENUM, K_FLOAT, K_BOOL):
        x = v.ptr[0]
        if type(x) is bytes:
            x = wrap(x[0], 1, ct.signed)
        return float(x)
    if kind == K_COMPLEX:
        return v.ptr[0].real
    return None


def cdata_integer(v, ct, cast):
    """The integer a cdata converts to for integer type ct."""
    if type(v) is Int64:
        return v.value
    if type(v) is not CData:
        raise conv_error(v, ct)
    inner = v.ctype.unref()
    kind = inner.kind
    if kind == K_INT or kind == K_ENUM or kind == K_BOOL:
        x = v.ptr[0]
        return wrap(x[0], 1, inner.signed) if type(x) is bytes else int(x)
    if kind == K_FLOAT:
        return number_to_int(float(v.ptr[0]), ct.size or 4, ct.signed)
    if cast and kind in (K_PTR, K_ARRAY, K_FUNC, K_STRUCT):
        return ct.ns.address(pointer_of(v))
    raise conv_error(v, ct)


def pointer_of(v):
    """The cffi pointer a pointer-like cdata stands for: a pointer's value,
    the first element of an array, the address of a struct or function."""
    return v.ptr


def to_pointer(ct, v, cast):
    ns = ct.ns
    tv = type(v)
    if v is None:
        return ns.null(ct)
    if tv in CDATA:
        if tv is not CData:
            if cast and tv is Int64:
                return ns.ffi.cast(ct.ct, v.bits())
            raise conv_error(v, ct)
        src = v.ctype.unref()
        kind = src.kind
        if kind in (K_PTR, K_ARRAY, K_FUNC, K_STRUCT):
            if not cast and not pointer_compatible(ct, src):
                raise conv_error(v, ct)
            return ns.ffi.cast(ct.ct, v.ptr)
        if kind in (K_INT, K_ENUM) and cast:
            return ns.ffi.cast(ct.ct, cdata_integer(v, src, True))
        raise conv_error(v, ct)
    if tv is str:
        target = ct.deref()
        if cast or (target.kind == K_INT and target.size == 1) or target.kind == K_VOID:
            return ns.ffi.cast(ct.ct, ns.string_buffer(v))
        raise conv_error(v, ct)
    if tv is float and cast:
        return ns.ffi.cast(ct.ct, number_to_int(v, 8, False))
    if tv is LuaFunction and ct.deref().kind == K_FUNC:
        return ns.callback(ct, v)
    raise conv_error(v, ct)


def pointer_compatible(dst, src):
    """May a pointer to src's elements convert to dst without a cast
    (lj_cconv_ct_ct's pointer rules: void * either way, the same element
    type, qualifiers only added)?"""
    d = dst.deref()
    s = src.deref() if src.kind in (K_PTR, K_ARRAY) else src
    if src.kind == K_FUNC:
        return d.kind == K_VOID or (d.model == src.model)
    if d.kind == K_VOID or s.kind == K_VOID:
        return not (s.const and not d.const)
    if s.const and not d.const:
        return False
    if d.model == s.model:
        return True
    return d.kind == K_INT and s.kind == K_INT and d.size == s.size and \
        (d.signed == s.signed or d.size == 1)


# ---- C -> Lua ------------------------------------------------------------------------

def from_c(ct, x, keep=None):
    """The Lua value of C value x (as cffi read it) of scalar or pointer type ct."""
    kind = ct.kind
    if kind == K_INT:
        if type(x) is bytes:
            return float(wrap(x[0], 1, ct.signed))
        if ct.size == 8:
            return Int64(x, not ct.signed)
        return float(x)
    if kind == K_FLOAT:
        return float(x)
    if kind == K_ENUM:                  # LuaJIT boxes enum values
        return CData(ct, ct.ns.ffi.new(ct.pointer_to().ct, x))
    if kind == K_BOOL:
        return bool(x)
    if kind == K_PTR:
        return CData(ct, x)
    if kind == K_COMPLEX:
        return Complex(x.real, x.imag)
    raise LibErr("cannot convert '%s' to a Lua value" % ct.name)


def load(ct, ptr, i, keep):
    """Element i of the C array at cffi pointer ptr, of type ct, as Lua sees
    it: a value, or a reference cdata for aggregates (keeping `keep`)."""
    kind = ct.kind
    if kind == K_STRUCT or kind == K_ARRAY:
        return reference(ct, ptr + i if i else ptr, keep)
    return from_c(ct, ptr[i])


def reference(ct, ptr, keep):
    """A cdata `ct &` for the C object at cffi pointer ptr (an array's: a
    pointer to its first element)."""
    if ct.kind == K_ARRAY:
        ptr = ct.ns.ffi.cast(ct.deref().pointer_to().ct, ptr)
    return CData(ct.as_ref(), ptr, keep)


def store(ct, ptr, i, v):
    """Element i of the C array at cffi pointer ptr (of type ct) = Lua v."""
    kind = ct.kind
    if kind == K_STRUCT or kind == K_ARRAY:
        init(ct, ptr + i if i else ptr, [v], assign=True)
    elif ct.const:
        raise LibErr("attempt to write to constant location")
    else:
        ptr[i] = to_c(ct, v)


# ---- aggregates (lj_cconv_ct_init) --------------------------------------------------------

def init(ct, ptr, args, assign=False, length=None):
    """Fill the aggregate or scalar at cffi pointer ptr (type ct *) from the
    initializers args, as ffi.new and assignments do; memory starts zeroed
    for ffi.new (assign: not zeroed first, one value replaces it all)."""
    if not args:
        if assign:
            raise conv_error(None, ct)
        return
    kind = ct.kind
    if kind == K_ARRAY:
        _init_array(ct, ptr, args, assign, length)
    elif kind == K_STRUCT:
        _init_struct(ct, ptr, args, assign)
    else:
        if len(args) > 1:
            raise LibErr("too many initializers for '%s'" % ct.name)
        ptr[0] = to_c(ct, args[0])


def _same_aggregate(ct, v):
    return type(v) is CData and v.ctype.unref().model == ct.model


def _init_array(ct, ptr, args, assign, length):
    item = ct.deref()
    n = length if length is not None else (ct.model.length or 0)
    ns = ct.ns
    ptr = ns.ffi.cast(item.pointer_to().ct, ptr)
    first = args[0]
    if len(args) == 1:
        if type(first) is LuaTable:
            _array_from_table(ct, item, ptr, first, n, assign)
            return
        if type(first) is str and item.kind == K_INT and item.size == 1:
            data = (first.encode('latin-1') + b'\0')[:n]      # cut to fit, as LuaJIT does
            ns.ffi.memmove(ptr, data, len(data))
            if assign and len(data) < n:
                ns.ffi.memmove(ptr + len(data), bytes(n - len(data)), n - len(data))
            return
        if type(first) is CData and first.ctype.unref().kind == K_ARRAY:
            if not _same_aggregate(ct, first):
                raise conv_error(first, ct)
            ns.ffi.memmove(ptr, first.ptr, n * item.size)
            return
        for i in range(n):          # one scalar fills every element
            store(item, ptr, i, first)
        return
    if len(args) > n:
        raise LibErr("too many initializers for '%s'" % ct.name)
    for i, v in enumerate(args):
        store(item, ptr, i, v)


def _array_from_table(ct, item, ptr, t, n, assign):
    get = t.get
    start = 0 if get(0.0) is not None else 1
    i = 0
    while True:
        v = get(float(start + i))
        if v is None:
            break
        if i >= n:
            raise LibErr("too many initializers for '%s'" % ct.name)
        store(item, ptr, i, v)
        i += 1
    if i == 1:                      # a single element is replicated
        for j in range(1, n):
            ct.ns.ffi.memmove(ptr + j, ptr, item.size)
    elif assign and i < n:
        ct.ns.ffi.memmove(ptr + i, bytes((n - i) * item.size), (n - i) * item.size)


def _init_struct(ct, ptr, args, assign):
    ns = ct.ns
    first = args[0]
    if len(args) == 1 and _same_aggregate(ct, first):
        ns.ffi.memmove(ptr, first.ptr, ct.size)
        return
    if assign and type(first) is not LuaTable:
        raise conv_error(first, ct)
    if assign:
        ns.ffi.memmove(ptr, bytes(ct.size), ct.size)
    fields = ns.member_list(ct)
    if len(args) == 1 and type(first) is LuaTable:
        t = first
        get = t.get
        pos = 0.0 if get(0.0) is not None else 1.0
        for name, fct in fields:
            v = get(name)
            if v is None:
                v = get(pos)
                if v is None:
                    continue
                pos += 1.0
            ns.set_field(ct, ptr, name, v)
        return
    if len(args) > len(fields):
        raise LibErr("too many initializers for '%s'" % ct.name)
    for (name, fct), v in zip(fields, args):
        ns.set_field(ct, ptr, name, v)
