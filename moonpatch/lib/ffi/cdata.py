"""C data as Lua values (LuaJIT's cdata objects) and their metamethods.

A CData is a C type and a cffi pointer: to the storage of a scalar, a
struct or an array (its first element), or, for pointers and functions,
the pointer itself. `keep` holds the memory it points into when that is
not `ptr` itself (an array's allocation, the struct a field reference came
from), so cffi frees memory only when nothing refers to it. Every cdata,
C types included, shares one metatable in state.type_meta
(common/cdata.py's contract); its functions do LuaJIT's indexing,
arithmetic, comparisons and calls, and defer to ffi.metatype's metatable
where LuaJIT does (lib_ffi.c, lj_cdata.c, lj_carith.c).
"""
from ...common.cdata import CDATA
from ...common.cnumber import Int64
from ...runtime import ops
from ...runtime.errors import LibErr
from ...runtime.table import LuaTable
from ...runtime.values import LuaFunction, number_to_str, typename
from ..registry import builtin
from .convert import c_errors, from_c, init, load, number_to_int, reference, store, to_c
from .ctypes import (K_ARRAY, K_BOOL, K_COMPLEX, K_ENUM, K_FLOAT, K_FUNC, K_INT, K_PTR,
                     K_STRUCT, CData, CType)


def is_numeric(ct):
    return ct.kind in (K_INT, K_ENUM, K_FLOAT, K_BOOL)


def metatable_of(ct):
    """The ffi.metatype table for a struct, or a pointer or reference to one."""
    base = ct.unref()
    if base.kind == K_PTR:
        base = base.deref()
    if base.kind == K_STRUCT:
        return base.ns.metatypes.get(base.model)
    return None


def _meta(v, event):
    if type(v) is CData:
        mt = metatable_of(v.ctype)
        if mt is not None:
            return mt.hash.get(event)
    elif type(v) is CType and v.kind == K_STRUCT:
        mt = v.ns.metatypes.get(v.model)
        if mt is not None:
            return mt.hash.get(event)
    return None


def name_of(v):
    """The type name LuaJIT's operator errors show for an operand."""
    if type(v) is CData:
        return v.ctype.name
    if type(v) is CType:
        return v.name
    if type(v) in CDATA:
        return v.ctype
    return typename(v)


def address(v):
    return v.ctype.ns.address(v.ptr)


# ---- indexing -------------------------------------------------------------------------

def index_integer(key):
    """A number or integer cdata used as an index, as an int (None if not)."""
    if type(key) is float:
        return number_to_int(key, 8, True)
    if type(key) in CDATA:
        if type(key) is CData:
            ct = key.ctype.unref()
            if ct.kind in (K_INT, K_ENUM):
                x = key.ptr[0]
                return x[0] if type(x) is bytes else int(x)
            return None
        return key.value if type(key) is Int64 else None
    return None


def _element(cd, base, i):
    item = base.deref()
    if item.size == 0 and item.kind != K_PTR:
        raise LibErr('size of C type is unknown or too large')
    keep = cd.keep if base.kind == K_PTR else (cd.keep or cd.ptr)
    return item, keep


def cdata_index(args):
    cd = args[0]
    key = args[1] if len(args) > 1 else None
    if type(cd) is CType:
        h = _meta(cd, '__index')
        return _meta_index(h, cd, key, cd)
    ct = cd.ctype
    base = ct.unref()
    kind = base.kind
    if kind == K_PTR or kind == K_ARRAY:
        i = index_integer(key)
        if i is not None:
            item, keep = _element(cd, base, i)
            return (load(item, cd.ptr, i, keep),)
        if type(key) is str and kind == K_PTR and base.deref().kind == K_STRUCT:
            _check_not_null(cd)
            return (_get_field(base.deref(), cd.ptr, key, cd.keep, cd),)
    elif kind == K_STRUCT:
        if type(key) is str:
            return (_get_field(base, cd.ptr, key, cd.keep or cd.ptr, cd),)
    elif kind == K_COMPLEX and key in ('re', 'im'):
        return (getattr(cd.ptr[0], 'real' if key == 're' else 'imag'),)
    h = _meta(cd, '__index')
    return _meta_index(h, cd, key, cd)


def _check_not_null(cd):
    """A field through a NULL pointer is an error (LuaJIT crashes; cffi would)."""
    if not cd.ptr:
        raise LibErr("attempt to index a NULL pointer of type '%s'" % cd.ctype.name)


def _meta_index(h, cd, key, shown):
    if h is None:
        raise _index_error(shown, key)
    if type(h) is LuaFunction:
        return (ops.first(ops.call(h, [cd, key])),)
    return (ops.index(h, key),)


def _index_error(cd, key):
    ct = cd if type(cd) is CType else cd.ctype
    if type(key) is str:
        return LibErr("'%s' has no member named '%s'" % (ct.name, key))
    return LibErr("'%s' cannot be indexed with '%s'" % (ct.name, name_of(key)))


def _get_field(ct, ptr, key, keep, cd):
    field = ct.fields().get(key)
    if field is None:
        h = _meta(cd, '__index')
        return _meta_index(h, cd, key, cd)[0]
    fct = field[0]
    if fct.kind == K_STRUCT or fct.kind == K_ARRAY:
        return reference(fct, ct.ns.field_pointer(ptr, key), keep)
    return from_c(fct, getattr(ptr, key))


def cdata_newindex(args):
    cd, key, v = (list(args) + [None, None, None])[:3]
    if type(cd) is CType:
        h = _meta(cd, '__newindex')
        return _meta_newindex(h, cd, key, v)
    base = cd.ctype.unref()
    kind = base.kind
    if kind == K_PTR or kind == K_ARRAY:
        i = index_integer(key)
        if i is not None:
            item = base.deref()
            if kind == K_ARRAY and base.const:
                raise LibErr('attempt to write to constant location')
            store(item, cd.ptr, i, v)
            return ()
        if type(key) is str and kind == K_PTR and base.deref().kind == K_STRUCT:
            _check_not_null(cd)
            return _set_field(base.deref(), cd.ptr, key, v, cd)
    elif kind == K_STRUCT and type(key) is str:
        return _set_field(base, cd.ptr, key, v, cd)
    elif kind == K_COMPLEX and key in ('re', 'im'):
        raise LibErr('attempt to write to constant location')
    h = _meta(cd, '__newindex')
    return _meta_newindex(h, cd, key, v)


def _meta_newindex(h, cd, key, v):
    if h is None:
        raise _index_error(cd, key)
    if type(h) is LuaFunction:
        ops.call(h, [cd, key, v])
    else:
        ops.setindex(h, key, v)
    return ()


def _set_field(ct, ptr, key, v, cd):
    field = ct.fields().get(key)
    if field is None:
        h = _meta(cd, '__newindex')
        return _meta_newindex(h, cd, key, v)
    if field[0].const or ct.const:
        raise LibErr('attempt to write to constant location')
    ct.ns.set_field(ct, ptr, key, v)
    return ()


def set_field(ns, ct, ptr, key, v):
    """Field key of the struct at ptr = Lua value v."""
    fct, _, bits = ct.fields()[key]
    if fct.kind == K_STRUCT or fct.kind == K_ARRAY:
        init(fct, ns.field_pointer(ptr, key), [v], assign=True)
        return
    x = to_c(fct, v)
    if bits >= 0 and type(x) is int:        # C keeps the low bits of a bit field
        x &= (1 << bits) - 1
        if fct.signed and bits and x >> (bits - 1):
            x -= 1 << bits
    setattr(ptr, key, x)


# ---- arithmetic (lj_carith.c) ------------------------------------------------------------

def _pointer_like(v):
    if type(v) is CData:
        k = v.ctype.unref().kind
        if k == K_PTR or k == K_ARRAY:
            return v.ctype.unref()
    return None


def _decayed(cd, base):
    """The pointer type and cffi pointer an array or pointer operand stands for."""
    if base.kind == K_ARRAY:
        return base.deref().pointer_to(), cd.ptr
    return base, cd.ptr


def _int_operand(v):
    if type(v) is float:
        return number_to_int(v, 8, True)
    return index_integer(v)


def _pointer_arith(a, b, event):
    pa, pb = _pointer_like(a), _pointer_like(b)
    if pa is not None and pb is not None:
        if event != '__sub':
            return None
        ta, ptr_a = _decayed(a, pa)
        tb, ptr_b = _decayed(b, pb)
        item = ta.deref()
        if item.model != tb.deref().model:
            return None
        size = item.size or 1
        return float((ta.ns.address(ptr_a) - tb.ns.address(ptr_b)) // size)
    if pa is None and event == '__add' and pb is not None:
        a, b, pa = b, a, pb
    if pa is None or event not in ('__add', '__sub'):
        return None
    n = _int_operand(b)
    if n is None:
        return None
    if event == '__sub':
        n = -n
    t, ptr = _decayed(a, pa)
    if t.deref().size == 0 and t.deref().kind != K_PTR:
        raise LibErr('size of C type is unknown or too large')
    return CData(t, ptr + n, a.keep if pa.kind == K_PTR else (a.keep or a.ptr))


def _as_int64(v):
    """A numeric cdata as LuaJIT's integer arithmetic takes it: an int64_t,
    or a uint64_t for uint64_t (other values are left as they are)."""
    if type(v) is CData:
        ct = v.ctype.unref()
        if ct.kind == K_FLOAT:
            return Int64(number_to_int(float(v.ptr[0]), 8, True))
        x = v.ptr[0]
        x = from_c_signed(ct, x[0]) if type(x) is bytes else int(x)
        return Int64(x, ct.kind == K_INT and ct.size == 8 and not ct.signed)
    return v


def from_c_signed(ct, x):
    if ct.kind == K_INT and ct.size == 1 and ct.signed and x > 127:
        return x - 256
    return int(x)


def _arith(event):
    def metamethod(args):
        a = args[0] if args else None
        b = args[1] if len(args) > 1 else None
        r = _pointer_arith(a, b, event)
        if r is not None:
            return (r,)
        h = _meta(a, event) or _meta(b, event)
        if h is not None:
            return (ops.first(ops.call(h, [a, b])),)
        if _numeric_operand(a) and _numeric_operand(b):
            return (ops.arith(_as_int64(a), _as_int64(b), event),)
        raise LibErr("attempt to perform arithmetic on '%s' and '%s'"
                     % (name_of(a), name_of(b)))
    metamethod.__name__ = 'cdata' + event
    return metamethod


def _numeric_operand(v):
    if type(v) is float:
        return True
    if type(v) is CData:
        return is_numeric(v.ctype.unref())
    return type(v) in CDATA and type(v) is not CType


def cdata_unm(args):
    a = args[0]
    h = _meta(a, '__unm')
    if h is not None:
        return (ops.first(ops.call(h, [a, a])),)
    if _numeric_operand(a):
        return (ops.unm(_as_int64(a)),)
    raise LibErr("attempt to perform arithmetic on '%s'" % name_of(a))


def cdata_concat(args):
    a, b = args[0], args[1]
    h = _meta(a, '__concat') or _meta(b, '__concat')
    if h is not None:
        return (ops.first(ops.call(h, [a, b])),)
    raise LibErr("attempt to concatenate '%s' and '%s'" % (name_of(a), name_of(b)))


def cdata_len(args):
    a = args[0]
    h = _meta(a, '__len')
    if h is not None:
        return (ops.first(ops.call(h, [a, args[1] if len(args) > 1 else None])),)
    raise LibErr("attempt to get length of '%s'" % name_of(a))


# ---- comparisons ----------------------------------------------------------------------

def _compare_key(v):
    """('p', address) for pointer-likes and nil, ('n', value) for numbers, or None."""
    if v is None:
        return 'p', 0
    if type(v) is float:
        return 'n', number_to_int(v, 8, True)
    if type(v) is CData:
        ct = v.ctype.unref()
        if ct.kind in (K_PTR, K_ARRAY, K_FUNC):
            return 'p', ct.ns.address(v.ptr)
        if is_numeric(ct):          # compared as int64_t, as LuaJIT's arithmetic
            return 'n', _as_int64(v).value
        if ct.kind == K_STRUCT:
            return 's', ct.ns.address(v.ptr)
        return None
    if type(v) is Int64:
        return 'n', v.value
    return None


def cdata_eq(args):
    a, b = args[0], args[1] if len(args) > 1 else None
    h = _meta(a, '__eq') if type(a) is CData else None
    if h is None and type(b) is CData:
        h = _meta(b, '__eq')
    if h is not None:
        return (ops.truthy(ops.first(ops.call(h, [a, b]))),)
    if type(a) is CType or type(b) is CType:
        return (type(a) is type(b) and a is b,)
    if type(b) is str and type(a) is CData and a.ctype.unref().kind == K_ENUM:
        a, b = b, a
    if type(a) is str and type(b) is CData and b.ctype.unref().kind == K_ENUM:
        x = b.ctype.ns.enum_value(b.ctype.unref(), a)
        return (x is not None and x == b.ptr[0],)
    ka, kb = _compare_key(a), _compare_key(b)
    return (ka is not None and ka == kb,)


def _order(event, op):
    def metamethod(args):
        a, b = args[0], args[1]
        h = _meta(a, event) if type(a) is CData else None
        if h is None and type(b) is CData:
            h = _meta(b, event)
        if h is not None:
            return (ops.truthy(ops.first(ops.call(h, [a, b]))),)
        ka, kb = _compare_key(a), _compare_key(b)
        if ka is not None and kb is not None and ka[0] == kb[0] and ka[0] != 's':
            return (op(ka[1], kb[1]),)
        raise LibErr("attempt to compare '%s' with '%s'" % (name_of(a), name_of(b)))
    metamethod.__name__ = 'cdata' + event
    return metamethod


# ---- calls and strings ------------------------------------------------------------------

def cdata_call(args):
    cd = args[0]
    if type(cd) is CType:
        return (cd.ns.construct(cd, args[1:]),)
    base = cd.ctype.unref()
    fn = None
    if base.kind == K_FUNC:
        fn = base
    elif base.kind == K_PTR and base.deref().kind == K_FUNC:
        fn = base.deref()
    if fn is not None:
        return base.ns.call_c(fn, cd.ptr, args[1:])
    h = _meta(cd, '__call')
    if h is not None:
        return ops.call(h, list(args))
    raise LibErr("'%s' is not callable" % base.name)


def cdata_tostring(args):
    v = args[0]
    h = _meta(v, '__tostring')
    if h is not None:
        return (ops.first(ops.call(h, [v])),)
    return (tostring_raw(v),)


def tostring_raw(v):
    if type(v) is CType:
        return 'ctype<%s>' % v.name
    ct = v.ctype
    base = ct.unref()
    ns = base.ns
    if base.kind == K_INT and base.size == 8 and not ct.ref:
        x = int(v.ptr[0])
        return '%d%s' % (x, 'LL' if base.signed else 'ULL')
    if base.kind == K_COMPLEX and not ct.ref:
        z = v.ptr[0]
        im = number_to_str(z.imag)
        sign = '' if im.startswith('-') or im.startswith('nan') else '+'
        return '%s%s%si' % (number_to_str(z.real), sign, im)
    if base.kind == K_ENUM and not ct.ref:
        return 'cdata<%s>: %d' % (ct.name, v.ptr[0])
    addr = ns.address(v.ptr)
    if base.kind == K_PTR and addr == 0:
        return 'cdata<%s>: NULL' % ct.name
    return 'cdata<%s>: 0x%08x' % (ct.name, addr)


def make_metatable():
    """The metatable every cdata and C type shares (state.type_meta)."""
    mt = LuaTable()
    functions = {
        '__index': cdata_index, '__newindex': cdata_newindex, '__call': cdata_call,
        '__eq': cdata_eq, '__lt': _order('__lt', lambda x, y: x < y),
        '__le': _order('__le', lambda x, y: x <= y), '__len': cdata_len,
        '__concat': cdata_concat, '__unm': cdata_unm, '__tostring': cdata_tostring,
    }
    for event in ('__add', '__sub', '__mul', '__div', '__mod', '__pow'):
        functions[event] = _arith(event)
    for event, fn in functions.items():
        mt.hash[event] = builtin(c_errors(fn), event)
    mt.hash['__metatable'] = 'ffi'
    return mt
