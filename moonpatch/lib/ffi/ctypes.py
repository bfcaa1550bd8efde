"""C types as LuaJIT's FFI sees them, on cffi's declarations.

A state has one C namespace (LuaJIT's CTState): a cffi.FFI holding what
ffi.cdef declared. A C type is a CType: cffi's model type (which keeps the
qualifiers and the names as written), its qualifiers, whether it is a
reference (`int &`, what a struct field or array element is), and the
cffi backend type that does the memory work. CTypes are interned per
namespace, so one C type is one object (metatype keys, ffi.istype).
Names print as lj_ctype_repr prints them: typedefs resolved, integers by
size (`int64_t`, `unsigned char`), `int (*)[3]`, `struct foo &`.
"""
import re
import sys
import warnings

import cffi
from cffi import model

from ...common.cdata import Cdata
from ...runtime.errors import LibErr

# The kinds of C type the conversions tell apart.
K_INT, K_FLOAT, K_BOOL, K_COMPLEX, K_ENUM = 'int', 'float', 'bool', 'complex', 'enum'
K_PTR, K_ARRAY, K_STRUCT, K_FUNC, K_VOID = 'ptr', 'array', 'struct', 'func', 'void'

_FLOATS = {'float': 'float', 'double': 'double', 'long double': 'long double'}
_COMPLEX = {'_cffi_float_complex_t': 'complex float', '_cffi_double_complex_t': 'complex',
            'float _Complex': 'complex float', 'double _Complex': 'complex'}   # (cffi 1.x)
_INT_NAMES = {(1, True): 'char', (1, False): 'unsigned char', (2, True): 'short',
              (2, False): 'unsigned short', (4, True): 'int', (4, False): 'unsigned int',
              (8, True): 'int64_t', (8, False): 'uint64_t'}
_CHAR_IS_SIGNED = True      # x86 and x64 (LuaJIT's LJ_CHAR_IS_SIGNED), also aarch64 below
if sys.platform.startswith('linux') and __import__('platform').machine() in ('aarch64', 'arm64'):
    _CHAR_IS_SIGNED = False


class CType(Cdata):
    """One C type; a cdata value, as LuaJIT's ctype objects are."""
    __slots__ = ('ns', 'model', 'quals', 'ref', 'ct', 'kind', 'name', 'size', 'signed',
                 'vla', 'item', '__weakref__')

    def __init__(self, ns, tp, quals, ref):
        self.ns = ns
        self.model = tp
        self.quals = quals
        self.ref = ref
        self.item = None        # pointee / element CType, made when first asked for
        self.vla = False
        self.signed = False
        self.size = 0
        if isinstance(tp, model.VoidType):
            self.ct = None
        elif isinstance(tp, model.RawFunctionType):     # cffi has function pointers only
            self.ct = ns.backend(tp.as_function_pointer())
        else:
            self.ct = ns.backend(tp)
        self.kind = _kind(tp)
        if self.kind == K_INT:
            self.size = ns.ffi.sizeof(self.ct)
            self.signed = tp.name == 'char' and _CHAR_IS_SIGNED or \
                (tp.name != 'char' and int(ns.ffi.cast(self.ct, -1)) < 0)
        elif self.kind == K_ARRAY:
            self.vla = tp.length is None
        if self.kind not in (K_VOID, K_FUNC) and not self.vla and self.kind != K_STRUCT:
            self.size = ns.ffi.sizeof(self.ct)
        elif self.kind == K_STRUCT and tp.fldtypes is not None:
            self.size = ns.ffi.sizeof(self.ct)
        self.name = type_repr(ns, tp, quals, '&' if ref else '')

    def __repr__(self):
        return 'ctype<%s>' % self.name

    def to_python(self):
        return self.ct

    @property
    def const(self):
        return bool(self.quals & model.Q_CONST)

    def deref(self):
        """The element type of a pointer or array (with its qualifiers)."""
        if self.item is None:
            tp = self.model
            if isinstance(tp, model.FunctionPtrType):
                self.item = self.ns.ctype(tp.as_raw_function(), 0)
            elif isinstance(tp, model.PointerType):
                self.item = self.ns.ctype(tp.totype, tp.quals)
            else:
                self.item = self.ns.ctype(tp.item, self.quals)
        return self.item

    def unref(self):
        return self.ns.ctype(self.model, self.quals) if self.ref else self

    def as_ref(self):
        return self if self.ref else self.ns.ctype(self.model, self.quals, True)

    def pointer_to(self):
        """`T *`: what an array decays to, what a struct's address is."""
        return self.ns.ctype(model.PointerType(self.model, self.quals), 0)

    def fields(self):
        """{name: (CType, byte offset, bit size or -1)} of a struct or union,
        anonymous members' fields included, as LuaJIT looks them up."""
        return self.ns.fields_of(self)


class CData(Cdata):
    """A C object or C pointer seen from Lua."""
    __slots__ = ('ctype', 'ptr', 'keep', 'gc', '__weakref__')

    def __init__(self, ctype, ptr, keep=None):
        self.ctype = ctype
        self.ptr = ptr
        self.keep = keep
        self.gc = None          # the finalizer's Userdata (ffi.gc, a metatype's __gc)

    def tonumber(self):
        from .convert import cdata_number     # (convert.py builds on this module)
        return cdata_number(self)

    def to_python(self):
        """The cffi object for the Python API: a pointer's value, an array
        (its allocation when it has one), else a pointer to the object."""
        keep = self.keep
        if self.ctype.kind == K_ARRAY and keep is not None and \
                self.ctype.ns.ffi.typeof(keep).kind == 'array':
            return keep
        return self.ptr

    def __repr__(self):
        return 'cdata<%s>' % self.ctype.name


def _kind(tp):
    if isinstance(tp, model.PrimitiveType):
        name = tp.name
        if name in _FLOATS:
            return K_FLOAT
        if name in _COMPLEX:
            return K_COMPLEX
        if name == '_Bool':
            return K_BOOL
        return K_INT
    if isinstance(tp, model.EnumType):
        return K_ENUM
    if isinstance(tp, (model.PointerType, model.FunctionPtrType)):
        return K_PTR
    if isinstance(tp, model.ArrayType):
        return K_ARRAY
    if isinstance(tp, model.StructOrUnion):
        return K_STRUCT
    if isinstance(tp, model.RawFunctionType):
        return K_FUNC
    if isinstance(tp, model.VoidType):
        return K_VOID
    raise LibErr('invalid C type')


# ---- names (lj_ctype_repr) ----------------------------------------------------------

def _qual_words(quals):
    words = []
    if quals & model.Q_CONST:
        words.append('const')
    if quals & model.Q_VOLATILE:
        words.append('volatile')
    return words


def _base_name(ns, tp):
    if isinstance(tp, model.PrimitiveType):
        name = tp.name
        if name in _FLOATS:
            return _FLOATS[name]
        if name in _COMPLEX:
            return _COMPLEX[name]
        if name == '_Bool':
            return 'bool'
        if name == 'char':
            return 'char'
        size = ns.ffi.sizeof(name)
        return _INT_NAMES[size, int(ns.ffi.cast(name, -1)) < 0]
    if isinstance(tp, model.VoidType):
        return 'void'
    if isinstance(tp, model.EnumType):
        return 'enum ' + ns.tag_name(tp)
    if isinstance(tp, model.UnionType):
        return 'union ' + ns.tag_name(tp)
    return 'struct ' + ns.tag_name(tp)


def type_repr(ns, tp, quals, decl=''):
    """The C declaration of tp with the declarator text `decl` inside it."""
    while True:
        if isinstance(tp, (model.PointerType, model.FunctionPtrType)):
            words = _qual_words(quals)
            star = '*' + ''.join(words)
            decl = star + (' ' + decl if words and decl else decl)
            if isinstance(tp, model.FunctionPtrType):
                tp, quals = tp.as_raw_function(), 0
            else:
                tp, quals = tp.totype, tp.quals
            if isinstance(tp, (model.ArrayType, model.RawFunctionType)):
                decl = '(' + decl + ')'
        elif isinstance(tp, model.ArrayType):
            if decl.startswith('&'):
                decl = '(' + decl + ')'
            decl += '[%s]' % ('?' if tp.length is None else tp.length)
            tp = tp.item
        elif isinstance(tp, model.RawFunctionType):
            if decl.startswith('&'):
                decl = '(' + decl + ')'
            decl += '()'
            tp, quals = tp.result, 0
        else:
            base = ' '.join(_qual_words(quals) + [_base_name(ns, tp)])
            return base + ' ' + decl if decl else base


# ---- declarations (ffi.cdef) --------------------------------------------------------

_PRAGMA_PACK = re.compile(r'^[ \t]*#[ \t]*pragma[ \t]+pack[ \t]*\(([^)]*)\)[^\n]*$', re.M)
_OTHER_DIRECTIVE = re.compile(r'^[ \t]*#[^\n]*$', re.M)
_ATTRIBUTE = re.compile(r'\b(?:__attribute__|__attribute|__declspec)\s*\(')
_ASM = re.compile(r'\b(?:__asm__|__asm|asm)\s*\(')
_DROPPED_WORDS = re.compile(r'\b(?:__extension__|__inline__|__inline|inline|__restrict__|'
                            r'__restrict|__cdecl|__thiscall|__fastcall|__ptr32|__ptr64)\b')
_RENAMED = {'__const': 'const', '__const__': 'const', '__volatile__': 'volatile',
            '__volatile': 'volatile', '__signed__': 'signed', '__signed': 'signed'}
_RENAMED_WORDS = re.compile(r'\b(?:' + '|'.join(_RENAMED) + r')\b')
_VLA = re.compile(r'\[\s*\?\s*\]')
_COMPLEX_WORDS = re.compile(r'\b(?:_Complex|complex)\b')
_COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)


def _drop_parenthesized(src, pattern):
    """src without each match of pattern and its balanced parentheses."""
    while True:
        m = pattern.search(src)
        if m is None:
            return src
        depth, i = 1, m.end()
        while i < len(src) and depth:
            depth += {'(': 1, ')': -1}.get(src[i], 0)
            i += 1
        src = src[:m.start()] + ' ' + src[i:]


def _complex_types(src):
    """LuaJIT's `complex`, `double complex`, `complex float` as cffi's names."""
    src = re.sub(r'\b(?:double\s+)?(?:_Complex|complex)(?:\s+double)?\b(?!\s+float)',
                 'double _Complex', src)
    src = re.sub(r'\bfloat\s+(?:_Complex|complex)\b|\b(?:_Complex|complex)\s+float\b',
                 'float _Complex', src)
    return src


def preprocess(src):
    """LuaJIT's C dialect as cffi's parser takes it: the pieces of src and
    the #pragma pack in force for each, attributes and extensions left out."""
    src = _COMMENT.sub(' ', src)
    src = _drop_parenthesized(src, _ATTRIBUTE)
    src = _drop_parenthesized(src, _ASM)
    src = _DROPPED_WORDS.sub(' ', src)
    src = _RENAMED_WORDS.sub(lambda m: _RENAMED[m.group()], src)
    src = _VLA.sub('[]', src)
    if _COMPLEX_WORDS.search(src):
        src = _complex_types(src)
    pieces, stack, pack, pos = [], [], None, 0
    for m in _PRAGMA_PACK.finditer(src):
        pieces.append((src[pos:m.start()], pack))
        pos = m.end()
        args = [a.strip() for a in m.group(1).split(',') if a.strip()]
        if args and args[0] == 'push':
            stack.append(pack)
            if len(args) > 1:
                pack = int(args[1], 0)
        elif args and args[0] == 'pop':
            pack = stack.pop() if stack else None
        else:
            pack = int(args[0], 0) if args else None
    pieces.append((src[pos:], pack))
    return [(_OTHER_DIRECTIVE.sub(' ', s), p) for s, p in pieces if s.strip()]


_TAGS = ('struct ', 'union ', 'enum ')


class Namespace:
    """One state's C declarations and the C types made from them."""

    def __init__(self):
        self.ffi = cffi.FFI()
        self.parser = self.ffi._parser
        self.types = {}         # (model type, quals, ref) -> CType
        self.parsed = {}        # type string -> CType
        self.field_tables = {}  # struct CType -> fields()
        self.anon = {}          # anonymous struct/union/enum model type -> its number
        self.C = None           # the clib.CLib of the C library

    def backend(self, tp):
        ffi = self.ffi
        with ffi._lock:
            return ffi._get_cached_btype(tp)

    def ctype(self, tp, quals, ref=False):
        key = (tp, quals, ref)
        ct = self.types.get(key)
        if ct is None:
            ct = self.types[key] = CType(self, tp, quals, ref)
        return ct

    def tag_name(self, tp):
        name = tp.name
        if name is None or name.startswith('$'):
            n = self.anon.get(tp)
            if n is None:
                n = self.anon[tp] = 96 + len(self.anon) + 1
            return str(n)
        return name

    # ---- cdef -------------------------------------------------------------------

    def cdef(self, src):
        before = {k: v[0] for k, v in self.parser._declarations.items()
                  if k.startswith(('struct ', 'union '))}
        for piece, pack in preprocess(src):
            redefined = _redefinition(piece, before)
            if redefined:
                raise LibErr("attempt to redefine '%s'" % redefined)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter('ignore')
                    self.ffi.cdef(piece, override=True, pack=pack)
            except LibErr:
                raise
            except Exception as e:
                raise LibErr(parse_message(e)) from None
            before = {k: v[0] for k, v in self.parser._declarations.items()
                      if k.startswith(('struct ', 'union '))}
        self.parsed.clear()

    # ---- type strings -------------------------------------------------------------

    def parse(self, text):
        """The CType a LuaJIT type string names (`int[?]`, `struct foo &`)."""
        ct = self.parsed.get(text)
        if ct is not None:
            return ct
        src = _COMMENT.sub(' ', text)
        src = _RENAMED_WORDS.sub(lambda m: _RENAMED[m.group()], src).strip()
        ref = src.endswith('&')
        if ref:
            src = src[:-1]
        src = _VLA.sub('[]', src)
        if _COMPLEX_WORDS.search(src):
            src = _complex_types(src)
        self._check_tags(src)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                tp, quals = self.parser.parse_type_and_quals(src)
        except Exception as e:
            raise LibErr(parse_message(e, src)) from None
        ct = self.ctype(tp, quals, ref)
        self.parsed[text] = ct
        return ct

    def _check_tags(self, src):
        decls = self.parser._declarations
        for m in re.finditer(r'\b(struct|union|enum)\s+([A-Za-z_]\w*)', src):
            if m.group(1) + ' ' + m.group(2) not in decls:
                raise LibErr("undeclared or implicit tag '%s'" % m.group(2))

    def fields_of(self, ct):
        fields = self.field_tables.get(ct)
        if fields is None:
            fields = self.field_tables[ct] = {}
            _collect_fields(self, ct.model, 0, fields)
        return fields

    def constant(self, name):
        """The value of an enum constant or `static const` declared by cdef."""
        return self.parser._int_constants.get(name)


def _collect_fields(ns, tp, base, out):
    if tp.fldnames is None:
        return
    cffi_fields = dict(ns.backend(tp).fields)
    for name, ftp, quals, bits in zip(tp.fldnames, tp.fldtypes, tp.fldquals, tp.fldbitsize):
        f = cffi_fields.get(name)
        offset = base + (f.offset if f is not None else 0)
        if name == '' and isinstance(ftp, model.StructOrUnion):
            _collect_fields(ns, ftp, offset, out)      # an anonymous member's fields
            continue
        out[name] = (ns.ctype(ftp, quals), offset, bits)


def _redefinition(piece, before):
    """The tag of a struct or union piece defines again, or None."""
    for m in re.finditer(r'\b(struct|union)\s+([A-Za-z_]\w*)\s*\{', piece):
        tp = before.get(m.group(1) + ' ' + m.group(2))
        if tp is not None and tp.fldnames is not None:
            return m.group(2)
    return None


def parse_message(e, src=None):
    """LuaJIT's words for a declaration cffi's parser refused."""
    text = str(e)
    m = re.search(r'duplicate declaration of (?:struct|union|enum) (\w+)', text)
    if m:
        return "attempt to redefine '%s'" % m.group(1)
    m = re.search(r"unknown identifier '([^']*)'|unknown type name '([^']*)'", text)
    if m:
        return "declaration specifier expected near '%s'" % (m.group(1) or m.group(2))
    if src is not None and not src.strip():
        return "declaration specifier expected near '<eof>'"
    m = re.search(r"before: (\S+)", text)
    if m:
        tok = m.group(1)
        return "unexpected symbol near '%s'" % ('<eof>' if tok in (')', ';') else tok)
    return 'invalid C declaration (%s)' % text.splitlines()[0]
