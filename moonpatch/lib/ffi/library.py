"""The functions of the ffi module (LuaJIT's lib_ffi.c)."""
import sys

from ...common.cdata import CDATA
from ...common.cnumber import Complex, Int64
from ...runtime.errors import ArgErr, LibErr, type_error
from ...runtime.state import current_state
from ...runtime.table import LuaTable
from ..auxlib import check_string
from ..jit import _arch_name, _os_name
from ..registry import libfunction, open_library
from . import clib
from .cdata import make_metatable
from .convert import c_errors, conv_error, to_c
from .ctypes import K_ARRAY, K_FUNC, K_PTR, K_STRUCT, CData, CType
from .cstate import CState

LIB = 'ffi'


def cstate():
    return current_state().ffi


def check_ctype(args, n, fn_args=None):
    """ffi_checkctype: a C type from a type string, a ctype or a cdata."""
    v = args[n - 1] if n <= len(args) else None
    cs = cstate()
    if type(v) is str:
        return cs.parse(v)
    if type(v) is CType:
        return v
    if type(v) is CData:
        return v.ctype
    if type(v) is Int64 or type(v) is Complex:
        return cs.parse(v.ctype)
    raise type_error(n, 'C type', v, n > len(args))


def check_cdata(args, n):
    v = args[n - 1] if n <= len(args) else None
    if type(v) is not CData:
        raise type_error(n, 'cdata', v, n > len(args))
    return v


@libfunction(LIB, 'cdef')
@c_errors
def ffi_cdef(args):
    cstate().cdef(check_string(args, 1))
    return ()


@libfunction(LIB, 'new')
@c_errors
def ffi_new(args):
    ct = check_ctype(args, 1)
    return (cstate().construct(ct, list(args[1:])),)


@libfunction(LIB, 'cast')
@c_errors
def ffi_cast(args):
    ct = check_ctype(args, 1).unref()
    if len(args) < 2:
        raise ArgErr(2, 'value expected')
    v = args[1]
    cs = cstate()
    kind = ct.kind
    if kind == K_PTR:
        return (CData(ct, to_c(ct, v, cast=True)),)
    if kind in (K_ARRAY, K_STRUCT, K_FUNC) or ct.kind == 'void':
        raise conv_error(v, ct)
    mem = cs.ffi.new(ct.pointer_to().ct)
    mem[0] = to_c(ct, v, cast=True)
    return (CData(ct, mem),)


@libfunction(LIB, 'typeof')
@c_errors
def ffi_typeof(args):
    return (check_ctype(args, 1),)


@libfunction(LIB, 'istype')
@c_errors
def ffi_istype(args):
    ct = check_ctype(args, 1).unref()
    v = args[1] if len(args) > 1 else None
    if type(v) is CData:
        other = v.ctype.unref()
    elif type(v) is Int64 or type(v) is Complex:
        other = cstate().parse(v.ctype)
    else:
        return (False,)
    if ct.kind == K_STRUCT or other.kind == K_STRUCT:
        return (ct.model is other.model,)
    return (ct.model == other.model,)


@libfunction(LIB, 'sizeof')
@c_errors
def ffi_sizeof(args):
    ct = check_ctype(args, 1).unref()
    v = args[0]
    if ct.vla:
        if type(v) is CData and type(v.keep) is not type(None):
            return (float(ct.ns.ffi.sizeof(v.keep)),)
        if len(args) < 2:
            raise ArgErr(2, 'value expected')
        n = args[1]
        if type(n) is not float:
            raise type_error(2, 'number', n, False)
        return (float(ct.deref().size * int(n)),)
    if ct.kind == 'void' or ct.kind == K_FUNC or (ct.kind == K_STRUCT and ct.size == 0):
        return (None,)
    return (float(ct.size),)


@libfunction(LIB, 'alignof')
@c_errors
def ffi_alignof(args):
    ct = check_ctype(args, 1).unref()
    if ct.ct is None:
        return (1.0,)
    return (float(ct.ns.ffi.alignof(ct.ct)),)


@libfunction(LIB, 'offsetof')
@c_errors
def ffi_offsetof(args):
    ct = check_ctype(args, 1).unref()
    name = check_string(args, 2)
    if ct.kind != K_STRUCT:
        return ()
    field = ct.fields().get(name)
    if field is None:
        return ()
    fct, offset, bits = field
    if bits >= 0:
        f = dict(ct.ct.fields).get(name)
        return (float(offset), float(f.bitshift if f is not None else 0), float(bits))
    return (float(offset),)


@libfunction(LIB, 'metatype')
@c_errors
def ffi_metatype(args):
    ct = check_ctype(args, 1).unref()
    mt = args[1] if len(args) > 1 else None
    if type(mt) is not LuaTable:
        raise type_error(2, 'table', mt, len(args) < 2)
    cs = ct.ns
    if ct.kind != K_STRUCT or ct.model in cs.metatypes:
        raise LibErr('cannot change a protected metatable')
    cs.metatypes[ct.model] = mt
    return (ct,)


@libfunction(LIB, 'gc')
@c_errors
def ffi_gc(args):
    cd = check_cdata(args, 1)
    if len(args) < 2:
        raise ArgErr(2, 'value expected')
    cstate().set_finalizer(cd, args[1])
    return (cd,)


@libfunction(LIB, 'errno')
@c_errors
def ffi_errno(args):
    ffi = cstate().ffi
    old = ffi.errno
    if args and args[0] is not None:
        v = args[0]
        if type(v) is not float:
            raise type_error(1, 'number', v, False)
        ffi.errno = int(v)
    return (float(old),)


def _char_pointer(cs, v, n):
    """A pointer argument as `const char *` (strings allowed)."""
    if type(v) is str:
        return cs.string_buffer(v)
    try:
        return to_c(cs.parse('const char *'), v)
    except LibErr as e:
        raise ArgErr(n, e.msg) from None


def _void_pointer(cs, v, n):
    """A destination or source of ffi.copy/fill: not NULL (where LuaJIT
    would crash)."""
    if type(v) is str:
        return cs.string_buffer(v)
    try:
        p = to_c(cs.parse('void *'), v)
    except LibErr as e:
        raise ArgErr(n, e.msg) from None
    if cs.address(p) == 0:
        raise ArgErr(n, "cannot convert 'NULL' to 'void *'")
    return p


def _size(args, n):
    v = args[n - 1] if n <= len(args) else None
    if type(v) is float:
        return int(v) if v > 0 else 0
    if type(v) in CDATA:
        x = v.tonumber()
        if x is not None:
            return int(x) if x > 0 else 0
    raise type_error(n, 'number', v, n > len(args))


@libfunction(LIB, 'string')
@c_errors
def ffi_string(args):
    cs = cstate()
    if not args:
        raise type_error(1, 'cdata', None, True)
    ptr = _char_pointer(cs, args[0], 1)
    if cs.address(ptr) == 0:
        raise ArgErr(1, "cannot convert 'NULL' to 'const char *'")
    if len(args) > 1 and args[1] is not None:
        n = _size(args, 2)
        return (cs.ffi.buffer(ptr, n)[:].decode('latin-1'),)
    return (cs.ffi.string(cs.ffi.cast('char *', ptr)).decode('latin-1'),)


@libfunction(LIB, 'copy')
@c_errors
def ffi_copy(args):
    cs = cstate()
    dst = _void_pointer(cs, args[0] if args else None, 1)
    src = args[1] if len(args) > 1 else None
    if len(args) > 2 and args[2] is not None:
        n = _size(args, 3)
        if type(src) is str:
            data = src.encode('latin-1')[:n]
            cs.ffi.memmove(dst, data + bytes(n - len(data)), n)
        else:
            cs.ffi.memmove(dst, _void_pointer(cs, src, 2), n)
    else:
        if type(src) is not str:
            raise type_error(2, 'string', src, len(args) < 2)
        data = src.encode('latin-1') + b'\0'
        cs.ffi.memmove(dst, data, len(data))
    return ()


@libfunction(LIB, 'fill')
@c_errors
def ffi_fill(args):
    cs = cstate()
    dst = _void_pointer(cs, args[0] if args else None, 1)
    n = _size(args, 2)
    c = 0
    if len(args) > 2 and args[2] is not None:
        v = args[2]
        if type(v) is not float:
            raise type_error(3, 'number', v, False)
        c = int(v) & 0xff
    cs.ffi.memmove(dst, bytes((c,)) * n, n)
    return ()


@libfunction(LIB, 'abi')
@c_errors
def ffi_abi(args):
    param = check_string(args, 1)
    little = sys.byteorder == 'little'
    bits64 = sys.maxsize > 2 ** 32
    answers = {'32bit': not bits64, '64bit': bits64, 'le': little, 'be': not little,
               'fpu': True, 'hardfp': True, 'softfp': False, 'eabi': False,
               'win': sys.platform == 'win32', 'uwp': False, 'gc64': False}
    return (answers.get(param, False),)


@libfunction(LIB, 'load')
@c_errors
def ffi_load(args):
    name = check_string(args, 1)
    global_ = len(args) > 1 and args[1] is not None and args[1] is not False
    return (clib.load_library(cstate(), name, global_),)


@libfunction(LIB, 'typeinfo')
@c_errors
def ffi_typeinfo(args):
    return ()


def open_ffi(args):
    """package.preload.ffi: the module, made once per state."""
    state = current_state()
    cs = state.ffi = CState()
    mt = make_metatable()
    for cls in CDATA_CLASSES:
        state.type_meta[cls] = mt
    t = open_library(state, LIB)
    cs.C = clib.default_library(cs)
    h = t.hash
    h['C'] = cs.C
    h['os'] = _os_name()
    h['arch'] = _arch_name()
    return (t,)


CDATA_CLASSES = (CData, CType)