"""Random Lua 5.1 programs for differential testing against lua5.1.

A program is a prelude of helpers (show/P print any value without an
address) followed by snippets; each snippet is a function body run under
pcall, so a runtime error ends only its snippet and its message is printed.
Snippets are either free-form random code (typed so that most of it runs
without error: see Gen.stmt) or templates aimed at one area of the language
(templates.py). Every loop and recursion is bounded; no output depends on
addresses, pairs() order or time.

    python3 tests/fuzz/gen.py --seed 5 [--snippets 8] [--features string,math]
"""
import argparse
import random
import re
import sys

from luaexpr import as_prefix, binop, final, name, num_literal, paren, raw, str_literal, unop

# Library areas the generator may use besides the base library; the driver
# keeps only those that work in moonpatch (diff.detect_features).
LIB_FEATURES = ('string', 'format', 'table', 'math')

PRELUDE = r'''local ZERO = 0
local function show(v)
  local t = type(v)
  if t == "string" then return "'" .. v .. "'" end
  if t == "table" then
    local tag = rawget(v, "tag")
    if tag ~= nil then return "T<" .. tostring(tag) .. ">" end
    return "table"
  end
  if t == "number" or t == "boolean" or t == "nil" then return tostring(v) end
  return t
end
local function P(...)
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do parts[i] = show((select(i, ...))) end
  print(n, unpack(parts, 1, n))
end
local function R(n, ok, ...)
  if ok then print("== " .. n .. " ok", select("#", ...))
  else print("== " .. n .. " error", show((...))) end
end
local function keys(t)
  local ks = {}
  for k, v in pairs(t) do ks[#ks + 1] = show(k) .. "=" .. show(v) end
  for i = 2, #ks do
    local v, j = ks[i], i - 1
    while j >= 1 and ks[j] > v do ks[j + 1] = ks[j]; j = j - 1 end
    ks[j + 1] = v
  end
  local s = ""
  for i = 1, #ks do s = s .. ks[i] .. " " end
  return s
end
'''

# ---- value pools --------------------------------------------------------------

NUMS_COMMON = [0, 1, 2, 3, 4, 5, 7, 10, 16, 100, 255, 256, 1000, 0.5, 1.5, 2.5, 0.25, 0.1,
               3.75, 12.5, 0.3, 1e3, 65536]
NUMS_EDGE = [2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 1e15, 1e16, 1e14 + 0.5,
             123456789012345.0, 12345678901234.0, 99999999999999.0, 1e100, 1e300, 1e308,
             1.7976931348623157e308, 1e-10, 1e-300, 5e-324, 2.2250738585072014e-308,
             0.1 + 0.2, 1 / 3, 2 / 3, 3.14159, 1e-5, 1e-4, 0.0001234, 1e21, 123.456,
             float('inf'), 4294967295.0, 9007199254740991.0]
STRS = ['', 'a', 'b', 'abc', 'xyz', 'A', 'Z', 'z', 'hello world', 'a b', 'ab', 'abd',
        'tab\there', 'line\nbreak', 'q"uote', "s'q", 'back\\slash',
        '\x7f', '\xe9t\xe9', '\xff', '10a', '0x', '1e', '-', '.', '1..2', 'nil', 'true']
# lua5.1's print stops at a zero byte (fputs): these are only compared and measured
STRS_ZERO = ['a\0b', '\0', 'a\0c', '\0\0', 'a\0']
NUMSTRS = ['10', ' 10 ', '0x10', '0X1f', '1e2', '1E+2', '-5', '+5', '3.5', '.5', '5.', '\t7\n',
           '0', '-0', '00012', '1e-2', '  -0x10  ', '2.5e1', '100', '9', '99', '0.1']
NUMSTRS_ODD = ['inf', '-inf', 'nan', '0x1p4', 'infinity', '1e400', '-1e400', '0x.8', '+0x10',
               '0x10p1',
               '1e+', '- 1', '0b1', '1e5000', '0x7fffffffffffffff', '1e-400', '  ', '5 5', '0xg',
               '.', '-.5e-3',
               '00x1', '1.e2', '.e2', 'INF', 'NaN', '0X1P-2', '\v12\f']


_BREAK_AFTER = (', ', ' = ', ' + ', ' - ', ' * ', ' / ', ' % ', ' ^ ', ' .. ', ' == ', ' ~= ',
                ' < ', ' <= ',
                ' > ', ' >= ', ' and ', ' or ')


def _is_name_char(c):
    return c.isalnum() or c == '_'


def _after_name(line, i):
    j = i
    while j > 0 and (line[j - 1].isalnum() or line[j - 1] == '_'):
        j -= 1
    return j < i and (line[j].isalpha() or line[j] == '_')


def break_points(line):
    """Offsets just after a comma or a binary operator outside string
    literals, where a line break changes nothing but line numbers."""
    out, i, n = [], 0, len(line)
    while i < n:
        c = line[i]
        if c in '"\'':
            j = i + 1
            while j < n and line[j] != c:
                j += 2 if line[j] == '\\' else 1
            i = j + 1
            continue
        if line.startswith('[[', i) or line.startswith('[=', i):
            j = line.find(']' + line[i + 1:line.index('[', i + 1) + 1].replace('[', ']'), i)
            i = n if j < 0 else j + 2
            continue
        if line.startswith('--', i):
            break
        for op in _BREAK_AFTER:
            if line.startswith(op, i):
                out.append(i + len(op))
                break
        else:
            if c in '({#':
                out.append(i + 1)
            elif line.startswith('not ', i) and (i == 0 or not _is_name_char(line[i - 1])):
                out.append(i + 4)
            elif c in '.:' and i + 1 < n and line[i + 1].isalpha() and _after_name(line, i):
                out.append(i + 1)       # t.\n x, t:\n m()
        i += 1
    return out


class Var:
    __slots__ = ('name', 'ty', 'fdepth', 'sig', 'seq', 'ro')

    def __init__(self, name, ty, fdepth, sig=None, seq=0, ro=False):
        self.name = name
        self.ty = ty            # n num, s str, ns numeric str, b bool, t table, f function
        self.fdepth = fdepth    # function nesting level where it is declared (-1: global)
        self.sig = sig          # f: (param types, result types, cost)
        self.seq = seq          # t: the length of its sequence of numbers
        self.ro = ro            # not to be assigned (functions, loop control)


class Gen:
    def __init__(self, seed, features=LIB_FEATURES, snippets=None, kinds=None):
        self.r = random.Random(seed)
        self.features = set(features)
        self.nsnippets = snippets
        self.kinds = kinds
        self.uid = 0
        self.jitter = True
        self.nostrvars = False

    # ---- output -----------------------------------------------------------------

    def fresh(self, prefix):
        self.uid += 1
        return '%s%d' % (prefix, self.uid)

    def emit(self, line):
        if self.jitter and '\n' not in line and self.r.random() < 0.08:
            line = self.reflow(line)
        self.out.append('  ' * self.ind + line)
        self.work += self.mult

    def reflow(self, line):
        """The line with a line break after a comma or binary operator, a
        trailing comment or a block comment: this moves the lines that error
        messages report."""
        r = self.r
        k = r.random()
        if k < 0.15:
            return line + ' -- note'
        if k < 0.25:
            return '--[==[ block\ncomment ]==] ' + line
        points = break_points(line)
        if not points:
            return line
        i = r.choice(points)
        return line[:i] + '\n' + '  ' * (self.ind + 2) + line[i:]

    def open(self, line):
        self.emit(line)
        self.ind += 1
        self.scopes.append([])

    def close(self, line='end'):
        self.scopes.pop()
        self.ind -= 1
        self.emit(line)

    # ---- scope ------------------------------------------------------------------

    def declare(self, v):
        self.scopes[-1].append(v)
        return v

    def visible(self, pred=None):
        seen, out = set(), []
        for scope in reversed(self.scopes):
            for v in reversed(scope):
                if v.name in seen:
                    continue
                seen.add(v.name)
                if pred is None or pred(v):
                    out.append(v)
        for v in self.globals:
            if v.name not in seen and (pred is None or pred(v)):
                out.append(v)
        return out

    def pick_var(self, ty, writable=False):
        vs = self.visible(lambda v: v.ty == ty and (not writable or not v.ro))
        return self.r.choice(vs) if vs else None

    def chance(self, p):
        return self.r.random() < p

    def nlocals(self):
        return sum(len(s) for s in self.scopes[self.fscope:])

    # ---- typed expressions --------------------------------------------------------

    def lit_num(self):
        r = self.r
        x = r.choice(NUMS_COMMON) if r.random() < 0.75 else r.choice(NUMS_EDGE)
        if r.random() < 0.3:
            x = -x
        return num_literal(float(x), r.randrange(5))

    def lit_str(self, numeric=False):
        r = self.r
        if numeric:
            s = r.choice(NUMSTRS)      # NUMSTRS_ODD may not convert: tonumber() gives nil
        else:
            s = r.choice(STRS)
        return str_literal(s, r.randrange(4))

    def var_expr(self, v):
        return name(v.name)

    def table_field(self, ty):
        """t.x / t[i] (numbers) or t.s (string) of a table variable."""
        t = self.pick_var('t')
        if t is None:
            return None
        if ty == 'n':
            if t.seq and self.chance(0.5):
                i = self.r.randint(1, t.seq)
                return raw('%s[%s]' % (t.name, i), True)
            return raw('%s.%s' % (t.name, self.r.choice('xy')), True)
        return raw('%s.%s' % (t.name, self.r.choice(['s', 's', 'tag'])), True)

    def num(self, d=2):
        r = self.r
        if d <= 0 or r.random() < 0.25:
            k = r.random()
            if k < 0.4:
                return self.lit_num()
            v = self.pick_var('n')
            if v is not None and k < 0.9:
                return self.var_expr(v)
            f = self.table_field('n')
            return f if f is not None else self.lit_num()
        k = r.random()
        if k < 0.5:
            op = r.choice('++--**//%%^')
            a, b = self.num(d - 1), self.num(d - 1)
            if op == '^' and r.random() < 0.7:
                b = num_literal(float(r.choice([2, 3, 0.5, -1, 0, 10, 1 / 3, -2])), 0)
            return binop(op, a, b)
        if k < 0.58:
            return unop('-', self.num(d - 1))
        if k < 0.65:
            # string -> number coercion in arithmetic
            s = self.nstr(d - 1)
            n = self.num(d - 1)
            op = r.choice('+-*/%')
            return binop(op, s, n) if r.random() < 0.5 else binop(op, n, s)
        if k < 0.7:
            if r.random() < 0.5:
                return unop('#', self.str(d - 1))
            t = self.pick_var('t')
            if t is not None:
                return unop('#', name(t.name))
            return unop('#', self.str(d - 1))
        if k < 0.78:
            c = self.call_returning('n', d)
            if c is not None:
                return c
        if k < 0.83:
            return raw('tonumber(%s)' % final(self.nstr(d - 1)), True)
        if k < 0.88:
            # and/or as a conditional: numbers are never false
            return binop('or', binop('and', self.bool(d - 1), self.num(d - 1)), self.num(d - 1))
        if k < 0.93 and 'math' in self.features:
            return self.math_call(d)
        if k < 0.96 and self.vararg:
            return raw('select("#", ...)', True)
        return paren(self.num(d - 1))

    def math_call(self, d):
        r = self.r
        f = r.choice(['floor', 'ceil', 'abs', 'max', 'min', 'fmod', 'huge', 'sqrt', 'pi'])
        if f in ('huge', 'pi'):
            return raw('math.' + f, True)
        if f in ('max', 'min'):
            args = ', '.join(final(self.num(d - 1)) for _ in range(r.randint(1, 4)))
        elif f == 'fmod':
            args = '%s, %s' % (final(self.num(d - 1)), final(self.num(d - 1)))
        else:
            args = final(self.num(d - 1))
        return raw('math.%s(%s)' % (f, args), True)

    def nstr(self, d=1):
        """A string that converts to a number."""
        r = self.r
        if d <= 0 or r.random() < 0.6:
            v = None if self.nostrvars else self.pick_var('ns')
            if v is not None and r.random() < 0.4:
                return name(v.name)
            return self.lit_str(numeric=True)
        if r.random() < 0.5:
            return raw('tostring(%s)' % final(self.num(d - 1)), True)
        return binop('..', self.num(d - 1), str_literal(''))

    def str(self, d=2):
        r = self.r
        if d <= 0 or r.random() < 0.3:
            k = r.random()
            if k < 0.45:
                return self.lit_str(numeric=r.random() < 0.3)
            v = None if self.nostrvars else self.pick_var(r.choice(['s', 's', 'ns']))
            if v is not None and k < 0.9:
                return name(v.name)
            f = None if self.nostrvars else self.table_field('s')
            return f if f is not None else self.lit_str()
        k = r.random()
        if k < 0.45:
            n = r.randint(2, 4)
            parts = [self.str(d - 1) if r.random() < 0.5 else self.num(d - 1) for _ in range(n)]
            e = parts[-1]
            for p in reversed(parts[:-1]):
                e = binop('..', p, e)
            return e
        if k < 0.6:
            arg = r.choice([self.num, self.bool])(d - 1)
            return raw('tostring(%s)' % final(arg), True)
        if k < 0.7:
            c = self.call_returning('s', d)
            if c is not None:
                return c
        if k < 0.78:
            return binop('or', binop('and', self.bool(d - 1), self.str(d - 1)), self.str(d - 1))
        if k < 0.85:
            return raw('type(%s)' % final(self.any(d - 1)), True)
        if k < 0.95 and 'string' in self.features:
            return self.string_call(d)
        return paren(self.str(d - 1))

    def string_call(self, d):
        r = self.r
        s = self.str(d - 1)
        k = r.randrange(6)
        if k == 0:
            return raw('string.rep(%s, %d)' % (final(s), r.randint(0, 3)), True)
        if k == 1:
            i, j = r.randint(-4, 4), r.randint(-4, 6)
            return raw('%s:sub(%d, %d)' % (as_prefix(s), i, j), True)
        if k == 2:
            return raw('string.%s(%s)' % (r.choice(['upper', 'lower', 'reverse']), final(s)), True)
        if k == 3:
            codes = [str(r.randint(32, 126)) for _ in range(r.randint(0, 3))]
            return raw('string.char(%s)' % ', '.join(codes), True)
        if k == 4 and 'format' in self.features:
            return self.format_call(d)
        return raw('%s:rep(2)' % as_prefix(s), True)

    def format_call(self, d):
        r = self.r
        specs, args = [], []
        for _ in range(r.randint(1, 3)):
            sp = r.choice(['%d', '%s', '%g', '%.3f', '%5d', '%-4s', '%%'])
            specs.append(sp)
            if sp in ('%d', '%5d'):
                args.append(final(num_literal(float(r.randint(-1000, 100000)))))
            elif sp in ('%g', '%.3f'):
                args.append(final(self.num(d - 1)))
            elif sp != '%%':
                args.append(final(self.str(d - 1) if r.random() < 0.6 else self.num(d - 1)))
        fmt = ' '.join(specs)
        return raw('string.format(%s)' % ', '.join([final(str_literal(fmt))] + args), True)

    def bool(self, d=2):
        r = self.r
        if d <= 0 or r.random() < 0.15:
            v = self.pick_var('b')
            if v is not None and r.random() < 0.6:
                return name(v.name)
            return raw(r.choice(['true', 'false']))
        k = r.random()
        if k < 0.35:
            return binop(r.choice(['<', '<=', '>', '>=', '==', '~=']), self.num(d - 1),
                         self.num(d - 1))
        if k < 0.5:
            return binop(r.choice(['<', '<=', '>', '>=', '==', '~=']), self.str(d - 1),
                         self.str(d - 1))
        if k < 0.62:
            return binop(r.choice(['==', '~=']), self.any(d - 1), self.any(d - 1))
        if k < 0.75:
            return unop('not', self.any(d - 1))
        if k < 0.9:
            return binop(r.choice(['and', 'or']), self.bool(d - 1), self.bool(d - 1))
        if k < 0.95:
            return raw('rawequal(%s, %s)' % (final(self.any(d - 1)), final(self.any(d - 1))), True)
        return paren(self.bool(d - 1))

    def any(self, d=2):
        """A value of any type (printed with show)."""
        r = self.r
        k = r.random()
        if k < 0.2:
            return self.num(d - 1)
        if k < 0.35:
            return self.str(d - 1)
        if k < 0.45:
            return self.bool(d - 1)
        if k < 0.52:
            return raw('nil')
        if k < 0.6:
            v = self.pick_var(r.choice(['t', 'f']))
            if v is not None:
                return name(v.name)
            return raw('{tag = "anon"}')
        if k < 0.65:
            return raw('{tag = %s}' % final(self.str(d - 1)))
        if d > 0 and k < 0.9:
            return binop(r.choice(['and', 'or']), self.any(d - 1), self.any(d - 1))
        if d > 0:
            return unop('not', self.any(d - 1))
        return raw('false')

    def expr(self, ty, d=2):
        return {'n': self.num, 's': self.str, 'ns': self.nstr, 'b': self.bool, 'a': self.any}[ty](d)

    # ---- calls -------------------------------------------------------------------------

    def call_returning(self, ty, d):
        """A call to a generated function whose first result has type ty."""
        fs = self.visible(lambda v: v.ty == 'f' and v.sig[1][:1] == [ty])
        if not fs:
            return None
        f = self.r.choice(fs)
        cost = f.sig[2] * self.mult
        if self.work + cost > self.budget:
            return None
        self.work += cost
        return self.call(f, d)

    def call(self, f, d):
        args = [final(self.expr(ty, d - 1)) for ty in f.sig[0]]
        if self.chance(0.2):
            args.append(final(self.any(0)))      # extra argument: dropped
        return raw('%s(%s)' % (f.name, ', '.join(args)), True)

    # ---- statements ----------------------------------------------------------------------

    def block(self, n, depth):
        for _ in range(n):
            if self.work > self.budget:
                break
            self.stmt(depth)

    def stmt(self, depth):
        r = self.r
        kinds = [('local', 4), ('assign', 3), ('print', 4), ('pcall', 2), ('swap', 1),
                 ('field', 1), ('global', 1 if self.top() else 0)]
        if depth > 0:
            kinds += [('if', 2), ('for', 2), ('while', 1), ('repeat', 1), ('ipairs', 1),
                      ('func', 2), ('closures', 1), ('do', 1), ('table', 1), ('multi', 1)]
        total = sum(w for _, w in kinds)
        x = r.uniform(0, total)
        for k, w in kinds:
            x -= w
            if x <= 0:
                break
        getattr(self, 'st_' + k)(depth)

    def top(self):
        return self.fdepth == 0 and len(self.scopes) == self.fscope + 1

    def pick_type(self):
        return self.r.choice(['n', 'n', 'n', 's', 'ns', 'b'])

    def st_local(self, depth):
        if self.nlocals() > 40:
            return self.st_print(depth)
        n = self.r.choice([1, 1, 1, 2, 3])
        tys = [self.pick_type() for _ in range(n)]
        vals = [final(self.expr(ty)) for ty in tys]
        names = [self.fresh('v') for _ in tys]
        if self.chance(0.15):
            # fewer values than names: the rest are nil, then assigned
            self.emit('local %s' % ', '.join(names))
            self.emit('%s = %s' % (', '.join(names), ', '.join(vals)))
        else:
            self.emit('local %s = %s' % (', '.join(names), ', '.join(vals)))
        for nm, ty in zip(names, tys):
            self.declare(Var(nm, ty, self.fdepth))

    def st_global(self, depth):
        ty = self.pick_type()
        nm = self.fresh('g_')
        self.emit('%s = %s' % (nm, final(self.expr(ty))))
        self.globals.append(Var(nm, ty, -1))

    def st_assign(self, depth):
        vs = self.visible(lambda v: not v.ro and v.ty in ('n', 's', 'ns', 'b'))
        if not vs:
            return self.st_local(depth)
        v = self.r.choice(vs)
        # a string made from string variables could double at each iteration or call
        self.nostrvars = v.ty in ('s', 'ns')
        self.emit('%s = %s' % (v.name, final(self.expr(v.ty))))
        self.nostrvars = False

    def st_swap(self, depth):
        r = self.r
        ty = r.choice(['n', 's'])
        vs = self.visible(lambda v: not v.ro and v.ty == ty)
        if len(vs) < 2:
            return self.st_assign(depth)
        a, b = r.sample(vs, 2)
        if r.random() < 0.5:
            self.emit('%s, %s = %s, %s' % (a.name, b.name, b.name, a.name))
        else:
            c = r.choice(vs)
            self.emit('%s, %s, %s = %s, %s, %s' % (a.name, b.name, c.name, final(self.expr(ty)),
                                               a.name, b.name))
        self.emit('P(%s, %s)' % (a.name, b.name))

    def st_field(self, depth):
        t = self.pick_var('t')
        if t is None:
            return self.st_table(depth)
        r = self.r
        if t.seq and r.random() < 0.5:
            i = r.randint(1, t.seq)
            self.emit('%s[%d] = %s' % (t.name, i, final(self.num())))
        elif r.random() < 0.7:
            self.emit('%s.%s = %s' % (t.name, r.choice('xy'), final(self.num())))
        else:
            self.nostrvars = True
            self.emit('%s.s = %s' % (t.name, final(self.str())))
            self.nostrvars = False
        if r.random() < 0.5:
            self.emit('P(%s.x, %s.y, %s.s, #%s)' % (t.name, t.name, t.name, t.name))

    def st_table(self, depth):
        r = self.r
        n = r.randint(0, 5)
        items = [final(paren(self.num(1))) for _ in range(n)]     # (): one value each
        fields = ['x = %s' % final(self.num(1)), 'y = %s' % final(self.num(1)),
                  's = %s' % final(self.str(1)), 'tag = "t%d"' % self.uid]
        r.shuffle(fields)
        parts = items + fields
        # positional items keep their order; fields are interleaved freely
        mixed = []
        pi = 0
        for f in fields:
            take = r.randint(0, n - pi)
            mixed += items[pi:pi + take]
            pi += take
            mixed.append(f)
        mixed += items[pi:]
        parts = mixed
        seps = [r.choice([', ', ', ', '; ']) for _ in parts]
        body = ''.join(p + s for p, s in zip(parts, seps))
        body = body[:-2] if r.random() < 0.6 else body.rstrip()
        nm = self.fresh('t')
        self.emit('local %s = {%s}' % (nm, body))
        self.declare(Var(nm, 't', self.fdepth, seq=n))
        self.emit('P(#%s, %s[1], %s[%d], %s.x, %s.s)' % (nm, nm, nm, n, nm, nm))

    def st_print(self, depth):
        r = self.r
        es = [self.expr(r.choice(['n', 'n', 's', 'b', 'a', 'ns'])) for _ in range(r.randint(1, 4))]
        if r.random() < 0.3 and not any(e.code == 'nil' for e in es):
            # print directly: numbers, strings, booleans and nil only
            es = [self.expr(r.choice(['n', 's', 'b'])) for _ in range(len(es))]
            self.emit('print(%s)' % ', '.join(final(e) for e in es))
        else:
            self.emit('P(%s)' % ', '.join(final(e) for e in es))

    def risky(self):
        """An expression that may raise a runtime error naming a variable."""
        r = self.r
        vs = self.visible(lambda v: v.ty in ('n', 's', 'ns', 'b', 't', 'f'))
        if vs and r.random() < 0.7:
            v = r.choice(vs)
            a, aty = name(v.name), v.ty
        else:
            a, aty = self.any(1), 'a'
        b = r.choice([self.num, self.str, self.any])(1)
        k = r.randrange(9)
        if k >= 4 and aty in ('s', 'ns', 'a') and 'string' not in self.features:
            k = r.randrange(4)        # indexing a string needs the string library
        if k == 0:
            op = r.choice('+-*/%^')
            return binop(op, a, b) if r.random() < 0.5 else binop(op, b, a)
        if k == 1:
            return binop('..', a, b) if r.random() < 0.5 else binop('..', b, a)
        if k == 2:
            return binop(r.choice(['<', '<=', '>', '>=']), a, b)
        if k == 3:
            return unop(r.choice(['-', '#']), a)
        if k == 4:
            return raw('%s.%s' % (as_prefix(a), r.choice(['x', 'y', 'nope'])), True)
        if k == 5:
            return raw('%s(%s)' % (as_prefix(a), final(b)), True)
        if k == 6:
            return raw('%s:%s()' % (as_prefix(a), r.choice(['m', 'x', 'len'])), True)
        if k == 7:
            key = final(b)
            return raw('%s[%s]' % (as_prefix(a), ' %s ' % key if key.startswith('[') else key),
                       True)
        return raw('%s.%s.%s' % (as_prefix(a), r.choice(['x', 'tag', 's', 'q']), 'z'), True)

    def st_pcall(self, depth):
        e = self.risky()
        if self.chance(0.3):
            self.emit('P(pcall(function() local r = %s; return r end))' % final(e))
        else:
            self.emit('P(pcall(function() return %s end))' % final(e))

    def st_if(self, depth):
        r = self.r
        c = self.bool() if r.random() < 0.7 else self.any()
        self.open('if %s then' % final(c))
        self.block(r.randint(1, 3), depth - 1)
        for _ in range(r.choice([0, 0, 1, 2])):
            self.scopes.pop()
            self.ind -= 1
            self.open('elseif %s then' % final(self.bool()))
            self.block(r.randint(1, 2), depth - 1)
        if r.random() < 0.5:
            self.scopes.pop()
            self.ind -= 1
            self.open('else')
            self.block(r.randint(1, 2), depth - 1)
        self.close()

    def loop_body(self, iters, depth, n=None):
        old = self.mult
        self.mult = old * max(1, iters)
        if self.mult > 300:
            self.emit('P("deep")')
        else:
            self.block(n or self.r.randint(1, 3), depth - 1)
            if self.chance(0.2):
                self.emit('if %s then break end' % final(self.bool(1)))
        self.mult = old

    def for_range(self):
        """(start, stop, step) giving at most ~12 iterations, as E values."""
        r = self.r
        k = r.random()
        if k < 0.4:
            a = r.randint(-3, 5)
            b = a + r.randint(-1, 8)
            step = r.choice([1, 1, 1, 2, 3])
        elif k < 0.7:
            a = r.choice([0, 1, 0.5, -1, 2.25])
            step = r.choice([0.5, 0.25, 0.1, 1.5, 0.3, 1 / 3])
            b = a + step * r.randint(0, 10) + r.choice([0, 0, step / 2, -1e-9, 1e-9])
        else:
            a = r.randint(0, 10)
            step = -r.choice([1, 2, 0.5, 0.75, 3])
            b = a + step * r.randint(-1, 8)
        iters = max(0, int((b - a) / step + 1e-9) + 1)
        return a, b, step, iters

    def num_expr_of(self, x):
        """x as a literal or sometimes as a numeric string or expression."""
        r = self.r
        e = num_literal(float(x), r.randrange(4))
        k = r.random()
        if k < 0.1 and x == int(x):
            return str_literal(str(int(x)))         # 5.1 converts for-loop strings
        if k < 0.25:
            return binop('+', e, name('ZERO'))
        return e

    def st_for(self, depth):
        r = self.r
        a, b, step, iters = self.for_range()
        i = self.fresh('i')
        parts = [final(self.num_expr_of(a)), final(self.num_expr_of(b))]
        if step != 1 or r.random() < 0.3:
            parts.append(final(num_literal(float(step), r.randrange(3))))
        self.open('for %s = %s do' % (i, ', '.join(parts)))
        self.declare(Var(i, 'n', self.fdepth))
        if r.random() < 0.5:
            self.emit('P(%s)' % i)
        self.loop_body(iters, depth)
        self.close()

    def st_while(self, depth):
        r = self.r
        c = self.fresh('c')
        k = r.randint(0, 6)
        self.emit('local %s = 0' % c)
        self.declare(Var(c, 'n', self.fdepth, ro=True))
        cond = '%s < %d' % (c, k)
        if r.random() < 0.4:
            cond += ' and (%s)' % final(binop('or', self.bool(1), raw('true')))
        self.open('while %s do' % cond)
        self.emit('%s = %s + 1' % (c, c))
        if r.random() < 0.5:
            w = self.fresh('w')
            self.emit('local %s = %s * 2' % (w, c))
            self.declare(Var(w, 'n', self.fdepth))
        self.loop_body(k, depth)
        self.close()

    def st_repeat(self, depth):
        r = self.r
        c = self.fresh('c')
        k = r.randint(1, 6)
        self.emit('local %s = 0' % c)
        self.declare(Var(c, 'n', self.fdepth, ro=True))
        self.open('repeat')
        u = self.fresh('u')
        self.emit('local %s = %s + 1' % (u, c))
        self.emit('%s = %s' % (c, u))
        self.declare(Var(u, 'n', self.fdepth, ro=True))
        self.loop_body(k, depth)
        extra = ''
        if r.random() < 0.4:
            extra = ' or (%s)' % final(binop('and', self.bool(1), raw('true')))
        self.close('until %s >= %d%s' % (u, k, extra))

    def st_ipairs(self, depth):
        t = self.pick_var('t')
        if t is None:
            return self.st_table(depth)
        k, v = self.fresh('k'), self.fresh('x')
        self.open('for %s, %s in ipairs(%s) do' % (k, v, t.name))
        self.declare(Var(k, 'n', self.fdepth))
        self.declare(Var(v, 'n', self.fdepth))
        self.emit('P(%s, %s)' % (k, v))
        self.loop_body(t.seq, depth)
        self.close()

    def st_do(self, depth):
        self.open('do')
        # a shadowing local of the same name and type
        vs = self.visible(lambda v: v.ty in ('n', 's') and v.fdepth == self.fdepth and not v.ro)
        if vs and self.chance(0.6):
            v = self.r.choice(vs)
            self.emit('local %s = %s' % (v.name, final(self.expr(v.ty))))
            self.declare(Var(v.name, v.ty, self.fdepth))
        self.block(self.r.randint(1, 3), depth - 1)
        self.close()

    def st_func(self, depth):
        r = self.r
        if self.fdepth >= 3:
            return self.st_print(depth)
        nm = self.fresh('f')
        params = [self.pick_type() for _ in range(r.randint(0, 3))]
        rets = [self.pick_type() for _ in range(r.choice([0, 1, 1, 1, 2, 3]))]
        pnames = [self.fresh('p') for _ in params]
        style = r.randrange(3)
        head = {0: 'local function %s(%s)', 1: 'local %s = function(%s)', 2: 'local %s; %s = '
                                                                             'function(%s)'}
        if style == 2:
            self.open(head[2] % (nm, nm, ', '.join(pnames)))
        else:
            self.open(head[style] % (nm, ', '.join(pnames)))
        saved = (self.work, self.mult, self.fscope, self.vararg)
        self.work, self.mult, self.fscope, self.vararg = 0, 1, len(self.scopes) - 1, False
        self.fdepth += 1
        for p, ty in zip(pnames, params):
            self.declare(Var(p, ty, self.fdepth))
        self.block(r.randint(1, 4), depth - 1)
        if rets or r.random() < 0.5:
            self.emit('return %s' % ', '.join(final(self.expr(ty)) for ty in rets))
        cost = self.work + 1
        self.fdepth -= 1
        self.work, self.mult, self.fscope, self.vararg = saved
        self.close()
        self.declare(Var(nm, 'f', self.fdepth, sig=(params, rets, cost), ro=True))
        if r.random() < 0.7:
            f = self.scopes[-1][-1]
            self.work += cost
            self.emit('P(%s)' % final(self.call(f, 2)))

    def st_multi(self, depth):
        """Calls with several results in each position."""
        r = self.r
        fs = self.visible(lambda v: v.ty == 'f' and len(v.sig[1]) >= 2
                          and v.sig[2] * self.mult < 100)
        if not fs:
            return self.st_func(depth)
        f = r.choice(fs)
        c = self.call(f, 1).code
        k = r.randrange(6)
        if k == 0:
            self.emit('P(%s)' % c)
        elif k == 1:
            self.emit('P(%s, %s)' % (c, c))
        elif k == 2:
            self.emit('P((%s))' % c)
        elif k == 3:
            t = self.fresh('m')
            self.emit('local %s = {%s, %s}' % (t, c, c))
            self.emit('P(#%s, %s[1], %s[%d])' % (t, t, t, len(f.sig[1]) + 1))
        elif k == 4:
            names = [self.fresh('r') for _ in range(r.randint(1, 4))]
            self.emit('local %s = %s' % (', '.join(names), c))
            self.emit('P(%s)' % ', '.join(names))
        else:
            self.emit('P(select("#", %s), select(2, %s))' % (c, c))
        self.work += 2 * f.sig[2] * self.mult

    def st_closures(self, depth):
        """Closures made in a loop capture one fresh variable per iteration."""
        r = self.r
        fs = self.fresh('fs')
        self.emit('local %s = {}' % fs)
        kind = r.randrange(4)
        if kind == 0:
            a, b, step, iters = self.for_range()
            i = self.fresh('i')
            self.open('for %s = %s, %s, %s do' % (i, final(num_literal(float(a))),
                                                  final(num_literal(float(b))),
                                                  final(num_literal(float(step)))))
            self.declare(Var(i, 'n', self.fdepth))
        elif kind == 1:
            t = self.pick_var('t')
            if t is None:
                return self.st_table(depth)
            i, x = self.fresh('k'), self.fresh('x')
            self.open('for %s, %s in ipairs(%s) do' % (i, x, t.name))
            self.declare(Var(i, 'n', self.fdepth))
            self.declare(Var(x, 'n', self.fdepth))
            iters = t.seq
        elif kind == 2:
            c = self.fresh('c')
            iters = r.randint(0, 5)
            self.emit('local %s = 0' % c)
            self.open('while %s < %d do' % (c, iters))
            i = self.fresh('w')
            self.emit('local %s = %s' % (i, c))
            self.emit('%s = %s + 1' % (c, c))
            self.declare(Var(i, 'n', self.fdepth))
        else:
            c = self.fresh('c')
            iters = r.randint(1, 5)
            self.emit('local %s = 0' % c)
            self.open('repeat')
            i = self.fresh('u')
            self.emit('local %s = %s + 1' % (i, c))
            self.emit('%s = %s' % (c, i))
            self.declare(Var(i, 'n', self.fdepth))
        loopvars = [v for v in self.scopes[-1]]
        acc = self.fresh('acc')
        self.emit('local %s = %s' % (acc, final(self.num(1))))
        self.emit('%s[#%s + 1] = function(d)' % (fs, fs))
        self.ind += 1
        self.emit('%s = %s + (d or 1)' % (acc, acc))
        ret = [v.name for v in loopvars] + [acc]
        if r.random() < 0.5:
            ret.append(final(self.num(1)))
        self.emit('return %s' % ', '.join(ret))
        self.ind -= 1
        self.emit('end')
        if kind == 3:
            self.close('until %s >= %d' % (i, iters))
        else:
            self.close()
        k = self.fresh('k')
        self.open('for %s = 1, #%s do' % (k, fs))
        self.emit('P(%s[%s]())' % (fs, k))
        if r.random() < 0.5:
            self.emit('P(%s[%s](%s))' % (fs, k, final(self.num(0))))
        self.close()


def generate(seed, features=LIB_FEATURES, snippets=None, kinds=None, dump=None):
    """The text of one random program. With `dump` (by default, one program
    in ten) each snippet runs after a round trip through string.dump and
    loadstring; the helpers are then globals, since a loaded function's
    upvalues start as nil."""
    from templates import TEMPLATES, add_templates
    add_templates(Gen)
    g = Gen(seed, features, snippets, kinds)
    r = g.r
    n = snippets if snippets is not None else r.randint(3, 8)
    names = [k for k in TEMPLATES if kinds is None or k in kinds]
    weights = [TEMPLATES[k] for k in names]
    if dump is None:
        dump = r.random() < 0.1
    parts = [re.sub(r'(?m)^local ', '', PRELUDE) if dump else PRELUDE]
    for i in range(1, n + 1):
        kind = r.choices(names, weights)[0]
        g.out, g.ind, g.scopes, g.globals = [], 1, [[]], []
        g.fdepth, g.fscope, g.mult, g.work, g.budget, g.vararg = 0, 0, 1, 0, 400, False
        getattr(g, 'tp_' + kind)()
        if dump:
            head, tail = 'R(%d, pcall(loadstring(string.dump(function(...)' % i, 'end))))'
        else:
            head, tail = 'R(%d, pcall(function(...)' % i, 'end))'
        parts.append('-- %d: %s\n%s\n%s\n%s\n' % (i, kind, head, '\n'.join(g.out), tail))
    text = ''.join(parts)
    # the lexer's side: a #! line, CRLF line ends (5.1 reads \r\n as one line break)
    if r.random() < 0.05:
        text = '#!/usr/bin/env lua5.1\n' + text
    if r.random() < 0.05:
        text = text.replace('\n', '\r\n')
    return text


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--snippets', type=int)
    ap.add_argument('--features', default=','.join(LIB_FEATURES))
    ap.add_argument('--kinds')
    a = ap.parse_args(argv)
    feats = [f for f in a.features.split(',') if f]
    kinds = a.kinds.split(',') if a.kinds else None
    sys.stdout.write(generate(a.seed, feats, a.snippets, kinds))


if __name__ == '__main__':
    main()
