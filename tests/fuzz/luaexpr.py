"""Lua expressions as code strings with their precedence, rendered with the
parentheses Lua 5.1's grammar needs (and sometimes a few more), plus Lua
5.1's compile-time constant folding (lcode.c constfolding) so the generator
can keep a folded -0 out of a constant table: 5.1 shares one constant slot
between 0 and -0, which makes `print(-0)` depend on the other constants of
the function (README of tests/lua). Everything that turns an expression
into code that will not be folded further goes through final()."""
import math

OR, AND, CMP, CONCAT, ADD, MUL, UNARY, POW, ATOM = range(1, 10)

# binary operator -> (precedence, right associative)
BINOPS = {
    'or': (OR, False), 'and': (AND, False),
    '<': (CMP, False), '>': (CMP, False), '<=': (CMP, False), '>=': (CMP, False),
    '==': (CMP, False), '~=': (CMP, False),
    '..': (CONCAT, True),
    '+': (ADD, False), '-': (ADD, False),
    '*': (MUL, False), '/': (MUL, False), '%': (MUL, False),
    '^': (POW, True),
}


class E:
    """An expression: its code, its precedence (ATOM for names, literals,
    calls, parenthesised expressions), `cval` the number 5.1 folds it to (None
    if it is not a numeral), and `prefix` True if it may be called or indexed
    without parentheses (a name, a call, an index or a parenthesised exp)."""
    __slots__ = ('code', 'prec', 'cval', 'prefix')

    def __init__(self, code, prec=ATOM, cval=None, prefix=False):
        self.code = code
        self.prec = prec
        self.cval = cval
        self.prefix = prefix

    def __repr__(self):
        return 'E(%r)' % self.code


def is_negzero(x):
    return x is not None and x == 0 and math.copysign(1.0, x) < 0


def final(e):
    """The code of `e` where it stops being folded: a numeral folded to -0
    is made at run time instead (ZERO is a local of the prelude)."""
    if is_negzero(e.cval):
        return '(-ZERO)'
    return e.code


def fin(e):
    """final() as an expression."""
    if is_negzero(e.cval):
        return E('(-ZERO)', ATOM, None, True)
    return e


def paren(e):
    return E('(' + final(e) + ')', ATOM, e.cval, True)


def name(n):
    return E(n, ATOM, None, True)


def raw(code, prefix=False):
    """Any atom (a literal, a constructor, a function, a call)."""
    return E(code, ATOM, None, prefix)


def as_prefix(e):
    """Code that can be called or indexed."""
    return final(e) if e.prefix else '(' + final(e) + ')'


# ---- 5.1 arithmetic on doubles (what constfolding computes) -----------------

def c_floor(x):
    if math.isinf(x) or math.isnan(x):
        return x
    r = float(math.floor(x))
    return math.copysign(r, x) if r == 0 else r      # floor(-0.0) is -0.0


def _odd_integer(y):
    return y == math.floor(y) and abs(y) < 2 ** 53 and int(y) % 2 == 1


def c_pow(x, y):
    try:
        return math.pow(x, y)
    except OverflowError:
        neg = x < 0 and _odd_integer(y)
        return -math.inf if neg else math.inf
    except ValueError:
        if x == 0 and y < 0:
            neg = math.copysign(1.0, x) < 0 and _odd_integer(y)
            return -math.inf if neg else math.inf
        return math.nan


def lua_arith(op, a, b):
    if op == '+':
        return a + b
    if op == '-':
        return a - b
    if op == '*':
        return a * b
    if op == '/':
        if b == 0:
            return math.copysign(math.inf, a) * math.copysign(1.0, b) if a != 0 else math.nan
        return a / b
    if op == '%':
        if b == 0:
            return math.nan
        q = a / b
        return a - c_floor(q) * b
    if op == '^':
        return c_pow(a, b)
    raise ValueError(op)


def fold(op, a, b):
    """The numeral 5.1 folds `a op b` to, or None."""
    if a.cval is None or b.cval is None:
        return None
    if op in '/%' and b.cval == 0:
        return None
    r = lua_arith(op, a.cval, b.cval)
    if math.isnan(r):
        return None
    return r


# ---- rendering ------------------------------------------------------------------

def binop(op, a, b, extra_parens=False):
    p, right = BINOPS[op]
    cval = fold(op, a, b) if op in '+-*/%^' else None
    if cval is None:
        a, b = fin(a), fin(b)
    if a.prec < p or (a.prec == p and right) or extra_parens:
        ac = '(' + a.code + ')'
    else:
        ac = a.code
    if (b.prec < p and b.prec != UNARY) or (b.prec == p and not right):
        bc = '(' + b.code + ')'
    else:
        bc = b.code
    return E('%s %s %s' % (ac, op, bc), p, cval)


def unop(op, a):
    cval = None
    if op == '-' and a.cval is not None:
        cval = -a.cval
    else:
        a = fin(a)
    code = a.code if a.prec >= UNARY else '(' + a.code + ')'
    if op == 'not' or code.startswith('-'):
        sep = ' '
    else:
        sep = ''
    return E(op + sep + code, UNARY, cval)


# ---- literals -------------------------------------------------------------------

def num_literal(x, style=0):
    """A number literal; negative numbers are unary minus of a literal.
    `style` picks among equivalent spellings (decimal, exponent, hex)."""
    if math.isinf(x):
        e = E('1e309', ATOM, math.inf)
        return unop('-', e) if x < 0 else e
    if x < 0 or is_negzero(x):
        return unop('-', num_literal(-x, style))
    if x == int(x) and x < 2 ** 63:
        i = int(x)
        if style == 1 and 0 < i < 2 ** 32:
            code = '0x%x' % i if i % 2 else '0X%X' % i
        elif style == 2 and i % 10 == 0 and i > 0:
            k = 0
            while i % 10 == 0:
                i //= 10
                k += 1
            code = '%de%d' % (i, k)
        elif style == 3 and i < 2 ** 53:
            code = '%d.' % i if i % 2 else '%d.0' % i
        elif i < 10 ** 16:
            code = '%d' % i
        else:
            code = repr(x)
    else:
        code = repr(x)
        if style == 1 and code.startswith('0.'):
            code = code[1:]
    return E(code, ATOM, x)


_ESC = {'\n': '\\n', '\t': '\\t', '\\': '\\\\', '"': '\\"', '\r': '\\r'}


def str_literal(s, style=0):
    """A Lua string literal for the bytes of `s` (code points 0..255)."""
    if style == 1 and "'" not in s and '\\' not in s and all(32 <= ord(c) < 127 for c in s):
        return E("'" + s + "'")
    if style == 2 and ']]' not in s and ']' not in s[-1:] and all(
            32 <= ord(c) < 127 or c == '\n' for c in s) and not s.startswith('\n'):
        return E('[[' + s + ']]')
    out = []
    for c in s:
        if c in _ESC:
            out.append(_ESC[c])
        elif 32 <= ord(c) < 127:
            out.append(c)
        else:
            out.append('\\%03d' % ord(c))    # 3 digits: a digit may follow
    return E('"' + ''.join(out) + '"')
