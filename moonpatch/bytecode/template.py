"""The template language of the opcode table (bytecode/opcodes.py).

A tier turns an opcode's template into Python lines by giving the holes a
meaning: a Tier object answers for operands, registers, register ranges,
jumps and calls; `expand` does the rest (the @if lines, statement holes,
indentation). The interpreter (runtime/interpgen.py) and the JIT
(jit/pyjit.py) are two such tiers.

Operand expressions inside holes ($R(A+1), $RANGE(A+1, C-1)) are sums and
differences of operand letters and integers; `linear` reads them so a tier
can evaluate them (the JIT) or print them simplified (the interpreter).
"""
import functools
import re

# The temporaries templates use: no instruction reads one that an earlier
# instruction set, so a frame's values of these are never Lua's.
TEMPORARIES = ('t', 'k', 'v', 'x', 'y', 's', 'u', 'f', 'r', 'h', 'q', 'go', 'it', 'args')

# The runtime helpers templates call (runtime/ops.py and the value types).
RUNTIME_NAMES = ('arith', 'call', 'call_value', 'cdata_eq', 'close_upvals', 'concat', 'div',
                 'equals', 'for_prep', 'index', 'index_meta', 'is_next', 'le', 'length', 'lt',
                 'mod', 'pow',
                 'set_multi', 'setindex', 'table_from_template', 'unm', 'new_closure',
                 'BoolKey', 'CDATA', 'LuaTable', 'PairsIter', 'INF', 'LuaFunction')

_HOLE = re.compile(r'\$(RANGE|R|CALL|FLOATS|STEP_UP|IS|FLOOR)\(([^()]*)\)|\$([ABCD])\b'
                   r'|\$(CALLS_UNSEEN|SMALL_STRING|ARGS|NP)\b')
_KNOWN = re.compile(r'^\$(FLOATS|STEP_UP)\([^()]*\)$')
_STATEMENT = re.compile(r'^(\s*)\$(JUMP|SKIP|TAILCALL|FRAME|REUSE)\s*$')
_RETURN = re.compile(r'^(\s*)return\b ?(.*)$')
_TERM = re.compile(r'\s*([+-]?)\s*([A-D]|\d+)')


@functools.lru_cache(maxsize=None)
def _terms(expr):
    return tuple(linear(expr).items())


def linear(expr):
    """'A+C-1' -> {'A': 1, 'C': 1, '': -1}: an operand expression as the
    coefficients of its operands ('' is the constant)."""
    out = {}
    pos = 0
    expr = expr.strip()
    while pos < len(expr):
        m = _TERM.match(expr, pos)
        if m is None:
            raise ValueError('not an operand expression: ' + expr)
        sign = -1 if m.group(1) == '-' else 1
        term = m.group(2)
        key, n = (term, sign) if term.isalpha() else ('', sign * int(term))
        out[key] = out.get(key, 0) + n
        pos = m.end()
    return out


def evaluate(expr, operands):
    """An operand expression's value, operands mapping letters to ints."""
    return sum(n * (operands[k] if k else 1) for k, n in _terms(expr))


class Tier:
    """What the holes mean in one tier. Subclasses override these."""

    def operand(self, letter):          # $A $B $C $D
        raise NotImplementedError

    def reg(self, expr):                # $R(expr)
        raise NotImplementedError

    def range(self, start, count):      # $RANGE(start, count) read, as an expression
        raise NotImplementedError

    def range_target(self, start, count):   # $RANGE(start, count) assigned
        raise NotImplementedError

    def call(self, target, f, args):
        """Lines for `target = $CALL(f, args)`: call any value."""
        return [f'if type({f}) is LuaFunction: {target} = {f}.gate({args})',
                f'else: {target} = call_value({f}, {args})']

    def calls_unseen(self):
        return 'True'

    def entry_hole(self, name):         # $ARGS, $NP (in the ENTRIES)
        raise NotImplementedError

    def small_string(self):
        """$SMALL_STRING: the length below which a string is made without
        ops.charge_string: the interpreter's SMALL_CAT, 0 while a budget is
        armed, so that every string is charged."""
        return 'SMALL_CAT'

    def floats(self, exprs):
        """$FLOATS(X, ...): 'True' where the registers are known to hold
        floats at this instruction (a tier with an optimizer knows)."""
        return 'False'

    def step_up(self, expr):
        """$STEP_UP(X): 'True' where the numeric for loop at register X is
        known to run on floats with a constant positive step."""
        return 'False'

    def floor(self, x):
        """$FLOOR(x): C's floor of the finite float x (-0 kept), a number."""
        return '(%s // 1.0)' % x

    def is_type(self, var, typename, expr):
        """$IS(v, T, X): the test that v, a copy of register X, is a T
        ('True' where the tier knows it is)."""
        return 'type(%s) is %s' % (var, typename)

    def static(self, cond):
        """The value of an @if condition, or None to test it at run time.
        What a tier knows ($FLOATS, $STEP_UP) is always static."""
        if _KNOWN.match(cond):
            return self.substitute(cond) == 'True'
        return None

    def statement(self, name):          # $JUMP, $SKIP, $TAILCALL, $FRAME, $REUSE: lines
        raise NotImplementedError

    def ret(self, value):               # a return statement: lines
        return ['return ' + value if value else 'return']

    def substitute(self, text):
        def hole(m):
            if m.group(4) == 'CALLS_UNSEEN':
                return self.calls_unseen()
            if m.group(4) == 'SMALL_STRING':
                return self.small_string()
            if m.group(4):
                return self.entry_hole(m.group(4))
            if m.group(3):
                return self.operand(m.group(3))
            kind, inner = m.group(1), m.group(2)
            if kind == 'R':
                return self.reg(inner)
            if kind == 'RANGE':
                start, count = inner.split(',')
                return self.range(start, count)
            if kind == 'FLOATS':
                return self.floats(inner.split(','))
            if kind == 'STEP_UP':
                return self.step_up(inner)
            if kind == 'FLOOR':
                return self.floor(self.substitute(inner))
            if kind == 'IS':
                var, typename, expr = (part.strip() for part in inner.split(','))
                return self.is_type(var, typename, expr)
            raise ValueError('$CALL must be a statement of its own: ' + text)
        return _HOLE.sub(hole, text)


_RANGE_TARGET = re.compile(r'^(\s*(?:(?:if|elif|else)\b[^:]*:\s*)?)\$RANGE\(([^()]*)\) = (.*)$')
_CALL = re.compile(r'^(\s*)(\w+) = \$CALL\((\w+), (.*)\)\s*$')


def _line(text, tier):
    """One template line (no @ directive) -> Python lines."""
    m = _STATEMENT.match(text)
    if m:
        return [m.group(1) + line for line in tier.statement(m.group(2))]
    m = _CALL.match(text)
    if m:
        pad = m.group(1)
        return [pad + line for line in tier.call(m.group(2), m.group(3),
                                                 tier.substitute(m.group(4)))]
    m = _RANGE_TARGET.match(text)
    if m:
        start, count = m.group(2).split(',')
        return [tier.substitute(m.group(1)) + tier.range_target(start, count) + ' = '
                + tier.substitute(m.group(3))]
    m = _RETURN.match(text)
    if m:
        return [m.group(1) + line for line in tier.ret(tier.substitute(m.group(2)))]
    return [tier.substitute(text)]


def expand(template, tier):
    """Template text -> Python lines (indented from column 0)."""
    lines = []
    depth = 0               # 1 inside a run-time @if branch
    keep = [True]           # whether the lines of the current static branch count
    taken = [False]
    for raw in template.strip('\n').split('\n'):
        stripped = raw.strip()
        directive = stripped.split(' ', 1)[0] if stripped.startswith('@') else None
        if directive in ('@if', '@elif'):
            cond = stripped.split(' ', 1)[1]
            value = tier.static(cond)
            if value is None:
                word = 'if' if directive == '@if' else 'elif'
                lines.append('%s %s:' % (word, tier.substitute(cond)))
                depth = 1
            else:
                if directive == '@if':
                    taken[0] = False
                keep[0] = value and not taken[0]
                taken[0] = taken[0] or value
            continue
        if directive == '@else':
            if depth:
                lines.append('else:')
            else:
                keep[0] = not taken[0]
            continue
        if directive == '@end':
            depth = 0
            keep[0] = True
            continue
        if not stripped or not keep[0]:
            continue
        lines.extend('    ' * depth + line for line in _line(raw, tier))
    # a run-time branch with no code (e.g. a call whose results are dropped)
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if line.rstrip().endswith(':') and not line.startswith(' ') and (
                i + 1 == len(lines) or not lines[i + 1].startswith(' ')):
            out.append('    pass')
    return out or ['pass']
