"""The string library (lstrlib.c of Lua 5.1), byte for byte.

Strings are str of code points 0-255. Integer arguments follow 5.1's C casts:
luaL_checkinteger is (long)x, luaL_checkint is (int)(long)x. Pattern matching
lives in lpattern.py; string.format reproduces glibc's printf below.
"""
import math

from ..bytecode.dump import dump as dump_proto
from ..common.cdata import CDATA
from ..common.cnumber import Int64
from ..runtime import ops
from ..runtime.clevels import C_LEVEL
from ..runtime.errors import ArgErr, LibErr, type_error
from ..runtime.limits import _armed, spend, spend_bytes
from ..runtime.ops import SMALL_STRING, charge_string
from ..runtime.state import current_state
from ..runtime.table import LuaTable
from ..runtime.values import LuaFunction, number_to_str, typename
from .auxlib import (MAX_STRING, c_int, check_cint, check_number, check_stack, check_string,
                     to_integer)
from .lpattern import _cache as _patterns
from .lpattern import capture, captures, compile_pattern
from .registry import builtin, libfunction

LIB = 'string'


def _str(args, n):
    v = args[n - 1] if n <= len(args) else None
    return v if type(v) is str else check_string(args, n)


def _integer(args, n, default):
    """luaL_optinteger (luaL_checkinteger when default is None)."""
    v = args[n - 1] if n <= len(args) else None
    if v is None and default is not None:
        return default
    if type(v) is not float:
        v = check_number(args, n)
    if -9e15 < v < 9e15:
        return int(v)
    return to_integer(v)


def _posrelat(pos, length):
    """A relative string position: negative means back from the end."""
    if pos < 0:
        pos += length + 1
    return pos if pos >= 0 else 0


# ---- simple functions ----------------------------------------------------------------

@libfunction(LIB, 'len')
def str_len(args):
    return (float(len(_str(args, 1))),)


@libfunction(LIB, 'sub')
def str_sub(args):
    nargs = len(args)
    s = args[0] if nargs else None
    if type(s) is not str:
        s = check_string(args, 1)
    i = args[1] if nargs > 1 else None
    j = args[2] if nargs > 2 else None
    # the common case (integral float indices) without the helpers' calls
    i = int(i) if type(i) is float and -9e15 < i < 9e15 else _integer(args, 2, None)
    if j is None:
        j = -1
    else:
        j = int(j) if type(j) is float and -9e15 < j < 9e15 else _integer(args, 3, -1)
    n = len(s)
    if i < 0:
        i = max(i + n + 1, 0)
    if j < 0:
        j += n + 1
    elif j > n:
        j = n
    if i < 1:
        i = 1
    if j - i >= SMALL_STRING or _armed[0]:
        charge_string(max(j - i + 1, 0))
    return (s[i - 1:j] if i <= j else '',)


@libfunction(LIB, 'reverse')
def str_reverse(args):
    s = _str(args, 1)
    if len(s) >= SMALL_STRING or _armed[0]:
        charge_string(len(s))
    return (s[::-1],)


@libfunction(LIB, 'lower')
def str_lower(args):
    s = _str(args, 1)
    if len(s) >= SMALL_STRING or _armed[0]:
        charge_string(len(s))
    # C locale: only A-Z change (str.lower would also change latin-1 letters)
    return (s.lower() if s.isascii() else s.encode('latin-1').lower().decode('latin-1'),)


@libfunction(LIB, 'upper')
def str_upper(args):
    s = _str(args, 1)
    if len(s) >= SMALL_STRING or _armed[0]:
        charge_string(len(s))
    return (s.upper() if s.isascii() else s.encode('latin-1').upper().decode('latin-1'),)


@libfunction(LIB, 'rep')
def str_rep(args):
    s = _str(args, 1)
    n = check_cint(args, 2)
    if n <= 0 or not s:
        return ('',)
    if len(s) * n > MAX_STRING:
        raise MemoryError('string.rep result too large')
    charge_string(len(s) * n)
    return (s * n,)


@libfunction(LIB, 'byte')
def str_byte(args):
    nargs = len(args)
    s = args[0] if nargs else None
    if type(s) is not str:
        s = check_string(args, 1)
    n = len(s)
    i = args[1] if nargs > 1 else None
    if i is None:
        posi = 1
    else:
        posi = int(i) if type(i) is float and -9e15 < i < 9e15 else _integer(args, 2, 1)
        if posi < 0:
            posi = max(posi + n + 1, 0)
    pose = _posrelat(_integer(args, 3, posi), n) if nargs > 2 else posi
    if posi <= 0:
        posi = 1
    if pose > n:
        pose = n
    if posi > pose:
        return ()
    if posi == pose:
        return (float(ord(s[posi - 1])),)
    count = pose - posi + 1
    if not check_stack(nargs, count):
        raise LibErr('stack overflow (string slice too long)')
    spend(count)
    return [float(c) for c in s[posi - 1:pose].encode('latin-1')]


@libfunction(LIB, 'char')
def str_char(args):
    spend(len(args))
    out = []
    for i, v in enumerate(args):
        c = c_int(to_integer(v if type(v) is float else check_number(args, i + 1)))
        if not 0 <= c <= 255:
            raise ArgErr(i + 1, 'invalid value')
        out.append(c)
    if _armed[0]:
        charge_string(len(out))
    return (bytes(out).decode('latin-1'),)


@libfunction(LIB, 'dump')
def str_dump(args):
    f = args[0] if args else None
    if type(f) is not LuaFunction:
        raise type_error(1, 'function', f, not args)
    if f.proto is None:
        raise LibErr('unable to dump given function')
    strip = len(args) > 1 and args[1] is not None and args[1] is not False
    chunk = dump_proto(f.proto, strip)
    charge_string(len(chunk))        # (its work is the function's size, already loaded)
    return (chunk,)


# ---- pattern matching ----------------------------------------------------------------

def _subject_pattern(args):
    """The first two arguments, checked as strings (numbers converted)."""
    s = args[0] if args else None
    p = args[1] if len(args) > 1 else None
    if type(s) is not str:
        s = check_string(args, 1)
    if type(p) is not str:
        p = check_string(args, 2)
    return s, p


def _init(args, n):
    """The start index (from 0) of find/match, clipped to [0, n] as 5.1 does."""
    v = args[2]
    if type(v) is float and 1.0 <= v < 9e15:
        init = int(v) - 1
        return init if init < n else n
    init = _posrelat(_integer(args, 3, 1), n) - 1
    if init < 0:
        return 0
    return n if init > n else init


@libfunction(LIB, 'find')
def str_find(args):
    s, p = _subject_pattern(args)
    nargs = len(args)
    init = _init(args, len(s)) if nargs > 2 else 0
    if nargs > 3 and args[3] is not None and args[3] is not False:
        pat = None
    else:
        pat = _patterns.get(p) or compile_pattern(p)
        if pat.literal is not None:
            pat = None
    if pat is None:           # a plain search (of the whole p, zeros included)
        i = s.find(p, init)
        if _armed[0]:
            spend_bytes((len(s) if i < 0 else i + len(p)) - init)
        if i < 0:
            return (None,)
        return (float(i + 1), float(i + len(p)))
    m = (pat.searcher(s) if _armed[0] else pat.search)(s, init)
    if m is None:
        return (None,)
    b, e = m.span()
    if not pat.ncap:
        return (float(b + 1), float(e))
    if not pat.poscaps:
        return (float(b + 1), float(e)) + m.groups()
    return (float(b + 1), float(e), *captures(pat, m))


@libfunction(LIB, 'match')
def str_match(args):
    s, p = _subject_pattern(args)
    nargs = len(args)
    pat = _patterns.get(p) or compile_pattern(p)
    init = _init(args, len(s)) if nargs > 2 else 0
    lit = pat.exact
    if lit is not None:
        i = s.find(lit, init)
        if _armed[0]:
            spend_bytes((len(s) if i < 0 else i + len(lit)) - init)
        return (lit if i >= 0 else None,)
    m = (pat.searcher(s) if _armed[0] else pat.search)(s, init)
    if m is None:
        return (None,)
    if not pat.ncap:
        return (m.group(0),)
    return captures(pat, m)


@libfunction(LIB, 'gmatch')
def str_gmatch(args):
    s, p = _subject_pattern(args)
    pat = compile_pattern(p, gmatch=True)
    n = len(s)
    search = pat.searcher(s) if _armed[0] else pat.search
    pos = 0

    def gmatch_aux(_args):
        nonlocal pos
        if pos > n:
            return ()
        m = search(s, pos)
        if m is None:
            pos = n + 1
            return ()
        b, e = m.span()
        pos = e if e > b else e + 1
        if not pat.ncap:
            return (m.group(0),)
        return captures(pat, m)

    return (builtin(gmatch_aux, 'gmatch_aux'),)


def _compile_repl(repl):
    """add_s: the replacement string as pieces: str (literal) or int (capture
    index, 0 for the whole match); a '%' at the very end adds the '\\0' C
    finds after the string."""
    pieces = []
    lit = []
    i = 0
    n = len(repl)
    while True:
        j = repl.find('%', i)
        if j < 0:
            lit.append(repl[i:])
            break
        lit.append(repl[i:j])
        c = repl[j + 1] if j + 1 < n else '\0'
        if '0' <= c <= '9':
            if lit:
                pieces.append(''.join(lit))
                lit = []
            pieces.append(ord(c) - 48)
        else:
            lit.append(c)
        i = j + 2
        if i > n:
            break
    if lit:
        pieces.append(''.join(lit))
    return [p for p in pieces if p != '']


def _regex_template(pat, pieces):
    """The pieces as a template for re.sub, or None where re.sub would not
    give 5.1's text (position captures, an invalid index)."""
    out = []
    for p in pieces:
        if type(p) is str:
            out.append(p.replace('\\', '\\\\'))
        elif p == 0 or (p == 1 and not pat.ncap):
            out.append('\\g<0>')
        elif p <= pat.ncap and p not in pat.poscaps:
            out.append('\\g<%d>' % p)
        else:
            return None
    return ''.join(out)


def _add_string(pat, m, pieces, out):
    for p in pieces:
        if type(p) is str:
            out.append(p)
        elif p == 0:
            out.append(m.group(0))
        else:
            v = capture(pat, m, p)
            out.append(v if type(v) is str else number_to_str(v))


_gsub_plans = {}      # (pattern, replacement string) -> (how, what)
_REPLACE, _SUBN, _LOOP = range(3)


def _gsub_plan(pat, repl):
    """How to substitute pat by the string repl: str.replace for a literal
    pattern and replacement, re.subn where it walks the subject as 5.1 does
    (see Pattern.subn_safe), else the general loop over the replacement's pieces."""
    pieces = _compile_repl(repl)
    if pat.exact and all(type(x) is str for x in pieces):
        return _REPLACE, ''.join(pieces)
    if pat.subn_safe:
        template = _regex_template(pat, pieces)
        if template is not None:
            return _SUBN, template
    return _LOOP, pieces


@libfunction(LIB, 'gsub')
def str_gsub(args):
    s, p = _subject_pattern(args)
    nargs = len(args)
    repl = args[2] if nargs > 2 else None
    tr = type(repl)
    max_s = len(s) + 1 if nargs < 4 or args[3] is None else check_cint(args, 4)
    if tr is not str and tr is not float and tr is not LuaTable and tr is not LuaFunction:
        raise ArgErr(3, 'string/function/table expected')
    pat = _patterns.get(p) or compile_pattern(p)
    if max_s <= 0:
        return (s, 0.0)
    # Under limits re.subn runs only where the regex's work is bounded and
    # the result is charged before C builds it; else the loop, which charges
    # the searches and the result as it goes.
    limited = _armed[0] or current_state().gc.limit is not None
    if tr is not str:
        if tr is LuaTable:
            return _gsub_by(s, pat, repl, tr, max_s, limited)
        if tr is LuaFunction:
            with C_LEVEL:          # repl's calls, each one C level deep
                return _gsub_by(s, pat, repl, tr, max_s, limited)
        repl = number_to_str(repl)
    key = (p, repl)
    plan = _gsub_plans.get(key)
    if plan is None:
        if len(_gsub_plans) >= 512:
            _gsub_plans.clear()
        plan = _gsub_plans[key] = _gsub_plan(pat, repl)
    how, what = plan
    if how == _REPLACE:
        lit = pat.exact
        count = s.count(lit)
        if count > max_s:
            count = max_s
        charge_string(len(s) + count * (len(what) - len(lit)))
        return (s.replace(lit, what, count), float(count))
    if how == _SUBN:
        if limited:
            pieces = _compile_repl(repl)
            bound = _result_bound(s, pat, pieces)
            if bound > SUBN_BOUND * (len(s) + 1) or not pat.regex_bounded(s):
                return _gsub_loop(s, pat, pieces, max_s)
            charge_string(bound)
        r, count = pat.rx.subn(what, s, max_s)
        return (r, float(count))
    return _gsub_loop(s, pat, what, max_s)


SUBN_BOUND = 8      # under limits, re.subn builds results up to 8 times the subject


def _result_bound(s, pat, pieces):
    """The longest result replacing pat by pieces (a compiled string) in s
    can have: what is left of s, and for each match (at most one per minlen
    bytes) the literal text and a copy of a capture per reference."""
    literal = sum(len(x) for x in pieces if type(x) is str)
    refs = len(pieces) - sum(type(x) is str for x in pieces)
    n = len(s)
    return n + (n // max(pat.minlen, 1) + 1) * literal + refs * n


def _gsub_by(s, pat, repl, tr, max_s, limited):
    """str_gsub with a table or a function (of type tr) as the replacement."""
    if not pat.subn_safe or limited and not pat.regex_bounded(s):
        return _gsub_loop(s, pat, repl, max_s)
    if not limited:
        r, count = pat.rx.subn(lambda m: _replacement(pat, m, repl, tr), s, max_s)
        return (r, float(count))
    # what is kept of s is charged first, each replacement as it is made;
    # charged = [bytes charged, bytes not yet] (C holds the pieces made)
    charged = [len(s), 0]
    charge_string(len(s))

    def replace(m):
        r = _replacement(pat, m, repl, tr)
        charged[1] += len(r)
        if charged[1] >= CHARGE_BYTES:
            charge_string(charged[1], charged[0])
            charged[0] += charged[1]
            charged[1] = 0
        return r
    r, count = pat.rx.subn(replace, s, max_s)
    charge_string(charged[1], charged[0])
    return (r, float(count))


CHARGE_BYTES = 4096         # _gsub_loop charges its result in steps of this many bytes


def _gsub_loop(s, pat, repl, max_s):
    """str_gsub's loop; repl is the pieces of a string, a table or a function.
    The result is charged before it is made, in steps of CHARGE_BYTES at least."""
    n = len(s)
    search = pat.searcher(s) if _armed[0] else pat.search
    out = []
    count = 0
    pos = 0
    tr = type(repl)
    if tr is list:            # a replacement's length: literal + refs * the match's
        literal = sum(len(x) for x in repl if type(x) is str)
        refs = len(repl) - sum(type(x) is str for x in repl)
    due = 0                   # bytes of out not charged yet
    held = 0                  # bytes of out charged
    while count < max_s:
        m = search(s, pos)
        if m is None:
            break
        b, e = m.span()
        count += 1
        due += b - pos
        if tr is list:
            due += literal + refs * (e - b)
            if due >= CHARGE_BYTES:
                charge_string(due, held)
                held += due
                due = 0
            out.append(s[pos:b])
            _add_string(pat, m, repl, out)
        else:
            out.append(s[pos:b])
            r = _replacement(pat, m, repl, tr)      # (a string that exists: charged later)
            out.append(r)
            due += len(r)
        if e > b:
            pos = e
        elif b < n:
            out.append(s[b])
            pos = b + 1
        else:
            pos = b
            break
        if pat.anchored:
            break
    charge_string(due + n - pos, held)
    out.append(s[pos:])
    return (''.join(out), float(count))


def _replacement(pat, m, repl, tr):
    """add_value for a table or function: the text replacing match m."""
    if tr is LuaTable:
        key = capture(pat, m, 1)
        v = repl.hash.get(key) if repl.meta is None else ops.index(repl, key)
    else:
        r = repl.gate(list(captures(pat, m)))
        v = r[0] if r else None
    if v is None or v is False:
        return m.group(0)
    if type(v) is str:
        return v
    if type(v) is float:
        return number_to_str(v)
    raise LibErr('invalid replacement value (a %s)' % typename(v))


# ---- format ----------------------------------------------------------------------------

FLAGS = '-+ #0'


def _scan_spec(fmt, i):
    """scanformat from fmt[i] (just after '%'): (flags, width, precision,
    conversion, index after it); errors as 5.1 raises them."""
    j = i
    n = len(fmt)
    while j < n and fmt[j] in FLAGS:
        j += 1
    if j - i >= len(FLAGS) + 1:
        raise LibErr('invalid format (repeated flags)')
    flags = fmt[i:j]
    k = j
    while k < n and k - j < 2 and '0' <= fmt[k] <= '9':
        k += 1
    width = int(fmt[j:k]) if k > j else 0
    prec = None
    if k < n and fmt[k] == '.':
        k += 1
        m = k
        while k < n and k - m < 2 and '0' <= fmt[k] <= '9':
            k += 1
        prec = int(fmt[m:k]) if k > m else 0
    if k < n and '0' <= fmt[k] <= '9':
        raise LibErr('invalid format (width or precision too long)')
    conv = fmt[k] if k < n else '\0'
    return flags, width, prec, conv, k + 1


def _pad(text, flags, width):
    if len(text) >= width:
        return text
    return text.ljust(width) if '-' in flags else text.rjust(width)


def _format_int(v, flags, width, prec, conv):
    """printf's %d %i %o %u %x %X of the integer v (unsigned ones already
    reduced to 0..2**64-1)."""
    sign = ''
    if v < 0:
        sign = '-'
        v = -v
    elif conv in 'di':
        sign = '+' if '+' in flags else ' ' if ' ' in flags else ''
    digits = '%o' % v if conv == 'o' else '%x' % v if conv == 'x' else (
        '%X' % v if conv == 'X' else '%d' % v)
    if prec is not None:
        if prec == 0 and v == 0:
            digits = ''
        elif len(digits) < prec:
            digits = '0' * (prec - len(digits)) + digits
    if '#' in flags:
        if conv == 'o' and not digits.startswith('0'):
            digits = '0' + digits
        elif conv in 'xX' and v != 0:
            sign = '0' + conv
    if '0' in flags and '-' not in flags and prec is None:
        fill = width - len(sign) - len(digits)
        if fill > 0:
            digits = '0' * fill + digits
    return _pad(sign + digits, flags, width)


def _c_ulong(x):
    """(unsigned long)x as gcc compiles it on x86-64."""
    if not x >= 2.0 ** 63:
        return to_integer(x) % 2 ** 64
    return (to_integer(x - 2.0 ** 63) % 2 ** 64) ^ 2 ** 63


HUGE_F = 1e50          # from here on the host's '%f' is not trusted (PyPy: '1e+100')


def _format_float(x, flags, width, prec, conv):
    if x != x or x in (math.inf, -math.inf):
        # glibc: [-]inf/nan (upper case for %E %G), padded with spaces only
        text = 'nan' if x != x else 'inf'
        if conv in 'EG':
            text = text.upper()
        if math.copysign(1.0, x) < 0:
            text = '-' + text
        elif '+' in flags:
            text = '+' + text
        elif ' ' in flags:
            text = ' ' + text
        return _pad(text, flags, width)
    if conv == 'f':
        return _format_huge_f(x, flags, width, prec)
    if conv in 'gG' and '#' in flags and x != 0 and _glibc_g_carry(abs(x), prec):
        conv, prec = ('e' if conv == 'g' else 'E'), 0
    spec = '%' + flags + (str(width) if width else '') + (
        '' if prec is None else '.%d' % prec) + conv
    return spec % x


def _format_huge_f(x, flags, width, prec):
    """%f of a finite |x| >= HUGE_F, which is an integer: its exact digits
    as C prints them (PyPy's '%f' switches to '%g' for them)."""
    if prec is None:
        prec = 6
    text = str(int(abs(x))) + ('.' + '0' * prec if prec else '.' if '#' in flags else '')
    sign = '-' if x < 0 else '+' if '+' in flags else ' ' if ' ' in flags else ''
    if '0' in flags and '-' not in flags and len(sign) + len(text) < width:
        text = '0' * (width - len(sign) - len(text)) + text
    return _pad(sign + text, flags, width)


def _glibc_g_carry(ax, prec):
    """glibc's %#g picks the style by the exponent before rounding: a value
    below 10**P that rounds up to it is printed as '1.e+P' ('%#.0e'), where
    C99 (and Python) would print '1.00000e+06'."""
    from decimal import Decimal
    p = 6 if prec is None else prec or 1
    return int(('%.*e' % (p - 1, ax)).rpartition('e')[2]) == p and Decimal(ax) < 10 ** p


def _number(args, argn):
    v = args[argn - 1]
    return v if type(v) is float else check_number(args, argn)


def _format_integer(args, argn, convert):
    """The int a %d (convert: to_integer) or %x (_c_ulong) item prints: the
    number converted, or an Int64 as int64_t or as its 64 bits (LuaJIT)."""
    v = args[argn - 1]
    if type(v) is Int64:
        return v.bits() if convert is _c_ulong else Int64.wrap(v.value).value
    return convert(_number(args, argn))


def _string(args, argn):
    """A %s or %q item's string; LuaJIT formats cdata by tostring."""
    v = args[argn - 1]
    if type(v) is str:
        return v
    if type(v) in CDATA:
        s = ops.tostring(v)
        if type(s) is str:
            return s
    return check_string(args, argn)


def _quoted(s):
    """%q: 5.1's addquoted."""
    return '"%s"' % (s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\\n')
                     .replace('\r', '\\r').replace('\0', '\\000'))


def _spec_formatter(flags, width, prec, conv):
    """The function (args, argn) -> text of one format item."""
    if conv in 'di':
        if not flags and not width and prec is None:
            def fmt_d(args, argn):
                x = args[argn - 1]
                if type(x) is not float:
                    return '%d' % _format_integer(args, argn, to_integer)
                return '%d' % (x if -9e15 < x < 9e15 else to_integer(x))
            return fmt_d
        return lambda args, argn: _format_int(_format_integer(args, argn, to_integer), flags,
                                              width, prec, conv)
    if conv in 'ouxX':
        return lambda args, argn: _format_int(_format_integer(args, argn, _c_ulong), flags,
                                              width, prec, conv)
    if conv in 'eEfgG':
        spec = '%' + flags + (str(width) if width else '') + (
            '' if prec is None else '.%d' % prec) + conv
        careful = conv in 'gG' and '#' in flags
        limit = HUGE_F if conv == 'f' else math.inf

        def fmt_float(args, argn):
            x = _number(args, argn)
            if -limit < x < limit and not careful:      # finite (and not huge for %f)
                return spec % x
            return _format_float(x, flags, width, prec, conv)
        return fmt_float
    if conv == 'c':
        def fmt_c(args, argn):
            x = _number(args, argn)
            c = int(x) & 0xff if -2.0 ** 31 <= x < 2.0 ** 31 else 0
            if c == 0:       # sprintf wrote a '\0': the item ends there (strlen)
                return '' if '-' in flags else ' ' * (width - 1)
            return _pad(chr(c), flags, width)
        return fmt_c
    if conv == 's':
        def fmt_s(args, argn):
            s = _string(args, argn)
            if prec is None and len(s) >= 100:
                return s          # kept whole, zeros included
            if '\0' in s:
                s = s[:s.index('\0')]
            if prec is not None:
                s = s[:prec]
            return _pad(s, flags, width) if width else s
        return fmt_s
    if conv == 'q':
        return lambda args, argn: _quoted(_string(args, argn))
    return _error_formatter("invalid option '%%%s' to 'format'" % conv.replace('\0', ''))


def _error_formatter(msg):
    def fmt_error(args, argn):
        raise LibErr(msg)
    return fmt_error


_format_cache = {}
_plain_s = _spec_formatter('', 0, None, 's')


def _compile_format(fmt):
    """The format as pieces: str (literal text), the formatter of an item, or
    None for a plain %s; an item that 5.1 would reject raises its error when it is reached (after
    the check that its argument exists). Also whether it has %s or %q items,
    the only ones whose text is as long as their argument."""
    pieces = []
    strings = False
    i = 0
    n = len(fmt)
    while i < n:
        j = fmt.find('%', i)
        if j < 0:
            pieces.append(fmt[i:])
            break
        if j > i:
            pieces.append(fmt[i:j])
        if j + 1 < n and fmt[j + 1] == '%':
            pieces.append('%')
            i = j + 2
            continue
        try:
            flags, width, prec, conv, i = _scan_spec(fmt, j + 1)
        except LibErr as e:
            pieces.append(_error_formatter(e.msg))
            break
        plain_s = conv == 's' and not flags and not width and prec is None
        strings = strings or conv in 'sq'
        pieces.append(None if plain_s else _spec_formatter(flags, width, prec, conv))
    # adjacent literal pieces joined
    out = []
    for p in pieces:
        if out and type(p) is str and type(out[-1]) is str:
            out[-1] += p
        else:
            out.append(p)
    return out, strings


@libfunction(LIB, 'format')
def str_format(args):
    fmt = args[0] if args else None
    if type(fmt) is not str:
        fmt = check_string(args, 1)
    compiled = _format_cache.get(fmt)
    if compiled is None:
        if len(_format_cache) >= 512:
            _format_cache.clear()
        spend(len(fmt))
        compiled = _format_cache[fmt] = _compile_format(fmt)
    pieces, strings = compiled
    out = []
    argn = 1
    top = len(args)
    for p in pieces:
        if type(p) is str:
            out.append(p)
            continue
        argn += 1
        if argn > top:
            raise ArgErr(argn, 'no value')
        if p is None:         # a plain %s: most strings are kept as they are
            v = args[argn - 1]
            if type(v) is str and (len(v) >= 100 or '\0' not in v):
                out.append(v)
                continue
            p = _plain_s
        out.append(p(args, argn))
    if strings or len(fmt) >= SMALL_STRING or _armed[0]:   # (else a few KB at most)
        size = sum(map(len, out))
        if size >= SMALL_STRING or _armed[0]:
            charge_string(size)
    return (''.join(out),)


def setup(state, t):
    """The string metatable: ("x"):rep(3) finds rep through __index. Also
    string.gfind, 5.1's old name of gmatch (LUA_COMPAT_GFIND): the same function."""
    t.hash['gfind'] = t.hash['gmatch']
    mt = LuaTable()
    mt.hash['__index'] = t
    state.type_meta[str] = mt

