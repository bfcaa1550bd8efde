"""C libraries (ffi.C, ffi.load) and calls of C functions (lj_clib.c,
lj_ccall.c): symbols looked up by their cdef declarations, arguments
converted by the parameter types, varargs by LuaJIT's rules, results
converted back."""
import re

from ...common.cdata import CDATA
from ...common.cnumber import Complex, Int64
from ...runtime import ops
from ...runtime.errors import ArgErr, LibErr
from ...runtime.state import current_state
from ...runtime.table import LuaTable
from ...runtime.values import Userdata
from ..os import flush_output
from ..registry import builtin
from .convert import c_errors, conv_error, from_c, init, reference, store, to_c, wrap
from .ctypes import (K_ARRAY, K_BOOL, K_COMPLEX, K_ENUM, K_FLOAT, K_FUNC, K_INT, K_PTR,
                     K_STRUCT, K_VOID, CData)


class CLib:
    """One loaded library: its cffi handle and the cdata of its functions."""

    def __init__(self, cs, lib):
        self.cs = cs
        self.lib = lib
        self.functions = {}     # name -> CData of the function


def clib_userdata(cs, lib):
    return Userdata(CLib(cs, lib), CLIB_META)


def _symbol(args):
    u = args[0]
    name = args[1] if len(args) > 1 else None
    if type(u) is not Userdata or type(u.value) is not CLib:
        raise LibErr('bad C library')
    if type(name) is not str:
        raise ArgErr(2, 'string expected, got %s' % ('no value' if len(args) < 2
                                                    else ops.typename(name)))
    return u.value, name


def clib_index(args):
    clib, name = _symbol(args)
    f = clib.functions.get(name)
    if f is not None:
        return (f,)
    cs = clib.cs
    decls = cs.parser._declarations
    decl = decls.get('function ' + name)
    if decl is not None:
        f = CData(cs.ctype(decl[0].as_raw_function(), 0), _lookup(clib, name))
        clib.functions[name] = f
        return (f,)
    decl = decls.get('variable ' + name)
    if decl is not None:
        ct = cs.ctype(decl[0], decl[1])
        ptr = _address_of(clib, name)
        if ct.kind in (K_STRUCT, K_ARRAY):
            return (reference(ct, ptr, None),)
        return (from_c(ct, ptr[0]),)
    value = cs.constant(name)
    if value is not None:
        return (float(value),)
    raise LibErr("missing declaration for symbol '%s'" % name)


def clib_newindex(args):
    clib, name = _symbol(args)
    v = args[2] if len(args) > 2 else None
    cs = clib.cs
    decl = cs.parser._declarations.get('variable ' + name)
    if decl is None:
        if 'function ' + name in cs.parser._declarations or cs.constant(name) is not None:
            raise LibErr('attempt to write to constant location')
        raise LibErr("missing declaration for symbol '%s'" % name)
    ct = cs.ctype(decl[0], decl[1])
    if ct.const:
        raise LibErr('attempt to write to constant location')
    ptr = _address_of(clib, name)
    store(ct, ptr, 0, v)
    return ()


def _lookup(clib, name):
    try:
        return getattr(clib.lib, name)
    except (AttributeError, NotImplementedError) as e:
        raise LibErr(_dl_message(str(e), name)) from None


def _address_of(clib, name):
    try:
        return clib.cs.ffi.addressof(clib.lib, name)
    except (AttributeError, KeyError, NotImplementedError) as e:
        raise LibErr(_dl_message(str(e), name)) from None


def _dl_message(text, name):
    """dlerror()'s words out of cffi's message."""
    m = re.search(r"': (.*)$", text)
    return m.group(1) if m else 'undefined symbol: %s' % name


CLIB_META = LuaTable()
CLIB_META.hash['__index'] = builtin(c_errors(clib_index), '__index')
CLIB_META.hash['__newindex'] = builtin(c_errors(clib_newindex), '__newindex')
CLIB_META.hash['__metatable'] = 'ffi'


# ---- loading (clib_resolve) ------------------------------------------------------------

def load_library(cs, name, global_):
    """ffi.load: `z` is libz.so, a name with a slash or a dot is a file."""
    path = name
    if '/' not in name:
        if '.' not in name:
            path = name + '.so'
        if not path.startswith('lib'):
            path = 'lib' + path
    flags = cs.ffi.RTLD_NOW | (cs.ffi.RTLD_GLOBAL if global_ else cs.ffi.RTLD_LOCAL)
    try:
        lib = cs.ffi.dlopen(path, flags)
    except OSError as e:
        raise LibErr(_open_message(str(e), path)) from None
    return clib_userdata(cs, lib)


def _open_message(text, path):
    m = re.search(r"[Cc]annot load library '?[^':]*'?: (.*?)\.?(?:  Additionally|$)", text, re.S)
    return m.group(1) if m else '%s: cannot open shared object file' % path


def default_library(cs):
    return clib_userdata(cs, cs.ffi.dlopen(None))


# ---- calls (lj_ccall.c) -------------------------------------------------------------------

def call_c(cs, fct, fptr, args):
    """Call the C function fptr of function type fct with Lua arguments."""
    tp = fct.model
    if cs.address(fptr) == 0:
        raise LibErr("attempt to call a NULL function pointer")
    params = tp.args
    n = len(params)
    if len(args) < n or (len(args) > n and not tp.ellipsis):
        raise LibErr('wrong number of arguments for function call')
    cargs = []
    keep = []
    for i in range(n):
        pct = cs.ctype(params[i], 0)
        cargs.append(_argument(cs, pct, args[i], i + 1, keep))
    for i in range(n, len(args)):
        cargs.append(_vararg(cs, args[i], i + 1, keep))
    state = current_state()
    flush_output(state)
    try:
        r = fptr(*cargs)
    finally:
        cs.flush_c_output()
    rct = cs.ctype(tp.result, 0)
    kind = rct.kind
    if kind == K_VOID:
        return ()
    if kind == K_STRUCT:
        mem = cs.ffi.new(rct.pointer_to().ct, r)
        return (CData(rct, mem),)
    return (from_c(rct, r),)


def _argument(cs, pct, v, narg, keep):
    kind = pct.kind
    try:
        if kind == K_PTR and type(v) is str:
            item = pct.deref()
            if (item.kind == K_INT and item.size == 1) or item.kind == K_VOID:
                return v.encode('latin-1')
        if kind == K_STRUCT:
            if type(v) is CData and v.ctype.unref().model == pct.model:
                return v.ptr[0]
            mem = cs.ffi.new(pct.pointer_to().ct)
            init(pct, mem, [v])
            keep.append(mem)
            return mem[0]
        if kind == K_ARRAY:
            pct = pct.deref().pointer_to()
        return to_c(pct, v)
    except LibErr as e:
        raise ArgErr(narg, e.msg) from None


def _vararg(cs, v, narg, keep):
    """A vararg as LuaJIT passes it: numbers as double, booleans as int,
    strings as const char *, nil as NULL, cdata by their type (narrower
    integers widened to int, float to double)."""
    ffi = cs.ffi
    tv = type(v)
    if tv is float:
        return ffi.cast('double', v)
    if tv is bool:
        return ffi.cast('int', int(v))
    if tv is str:
        buf = ffi.new('char[]', v.encode('latin-1'))
        keep.append(buf)
        return ffi.cast('char *', buf)
    if v is None:
        return ffi.cast('void *', 0)
    if tv is Int64:
        return ffi.cast('uint64_t' if v.unsigned else 'int64_t', v.value)
    if tv is Complex:
        return ffi.cast('double _Complex', complex(v.re, v.im))
    if tv is CData:
        ct = v.ctype.unref()
        kind = ct.kind
        if kind == K_INT or kind == K_ENUM or kind == K_BOOL:
            x = v.ptr[0]
            x = wrap(x[0], 1, ct.signed) if type(x) is bytes else int(x)
            if ct.size == 8:
                return ffi.cast('int64_t' if ct.signed else 'uint64_t', x)
            return ffi.cast('int' if ct.signed or ct.size < 4 else 'unsigned int', x)
        if kind == K_FLOAT:
            return ffi.cast('double', float(v.ptr[0]))
        if kind == K_COMPLEX:
            return ffi.cast(ct.ct, v.ptr[0])
        if kind in (K_PTR, K_ARRAY, K_FUNC):
            return ffi.cast('void *', v.ptr)
        if kind == K_STRUCT:
            return v.ptr[0]
    if tv in CDATA:
        raise ArgErr(narg, "cannot convert '%s' to 'void *'" % v.ctype)
    raise ArgErr(narg, conv_error(v, cs.parse('void *')).msg)

