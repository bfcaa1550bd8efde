"""The one opcode table: every bytecode instruction, once.

Instructions are LuaJIT 2.1's (lj_bc.h), 32 bits each: 8-bit opcode, 8-bit A,
then either 8-bit C and 8-bit B (ABC format) or a 16-bit D (AD format):

    bits:  | B (8) | C (8) | A (8) | OP (8) |        ABC
           |     D (16)    | A (8) | OP (8) |        AD

Per opcode the table gives the operand modes (LuaJIT's names), the event of
the metamethod it may call, a one-line semantics string in the style of PUC
Lua's lopcodes.h, and what it does, in one of three shapes:

- value(load, guard, fast, slow, target): `target = fast if guard else slow`
  after the load statements. The guard is the type test of the fast path;
  a tier that knows the types (the JIT's optimizer) keeps only `fast`.
- test(load, guard, fast, slow, taken, fall): a conditional jump, taken
  when `fast if guard else slow` is true, after which the `taken` statements
  run; `fall` runs when it is not taken. Comparisons and unary tests take
  the jump of the JMP that follows them and step over it otherwise (ITERN
  likewise with its ITERL); FORI, FORL and ITERL jump themselves.
- code(text): statements, for everything else.

Every tier generates its code from these pieces with bytecode/template.py:
the interpreter (runtime/interpgen.py writes runtime/interp.py) and the JIT
(jit/pyjit.py). So a behaviour is written here once and every tier has it;
the slow paths are calls into runtime/ops.py, which all tiers share.

Template holes (bytecode/template.py expands them):
    $A $B $C $D   operand values, already decoded by bytecode/decode.py: a
                  register number, or the constant itself (str, float, None/
                  False/True, a child Proto, a table template), or an absolute
                  instruction index for a jump; TNEW's D is the pair of Lua
                  5.1's array and hash sizes.
    $R(X)         register X, X an expression of the operands (A, B+1, ...).
    $RANGE(X, N)  the N registers from X: a list where it is read; where it
                  is assigned, the value assigned must hold exactly N items.
    $JUMP         a statement: continue at the jump target. A jump back is
                  a loop's back edge, where every tier ticks (hot loops,
                  hooks, limits): loops made by goto, and by any bytecode a
                  chunk brings, included.
    $TAILCALL     a statement: return what calling f with args returns (the
                  TAILCALL entry of ENTRIES below, with their holes).
    r = $CALL(f, args)   a statement: call any value f (a hooked tier sees it).
    $CALLS_UNSEEN true unless a debug hook wants call and return events (so
                  a pairs() loop may traverse without calling next).
    @if/@elif/@else/@end  lines evaluated on operands only: the JIT resolves
                  them at compile time, the interpreter tests them at run time.
    $FLOATS(X, ...)  (an @if condition) the registers hold floats here, as
                  a tier's optimizer proved; always false in the interpreter.
    $STEP_UP(X)   (an @if condition) the numeric for loop at X runs on
                  floats with a constant positive step (likewise).
    $IS(v, T, X)  `type(v) is T` for v, a copy of register X: True where a
                  tier's optimizer proved it (T float or LuaTable).
    $FLOOR(x)     C's floor of the finite float x (-0 kept), as the host
                  computes it fastest.
Besides registers the code may use the frame's names U (upvalue list), cl
(running closure), va (varargs), mr (multiple results of the last call or
vararg), openuv (open upvalues of this frame, or None) and the runtime
helpers that template.RUNTIME_NAMES lists. Temporaries are the short names
of template.TEMPORARIES; no instruction reads one that another set.
"""
import re

# Operand modes (LuaJIT's BCMode): how an operand is decoded and listed.
MODES = ('none', 'dst', 'base', 'var', 'rbase', 'uv', 'lit', 'lits', 'pri',
         'num', 'str', 'tab', 'func', 'cdata', 'jump')

_REG = re.compile(r'\$(R|RANGE)\(([^()]*)\)')
_WRITE = re.compile(r'^\s*\$(R|RANGE)\(([^()]*)\)(?:\s*,\s*\$R\(([^()]*)\))*\s*=[^=]')


class Op:
    """One opcode. shape is 'value', 'test' or 'code'; the pieces of the
    first two stay available (load, guard, fast, slow, target, taken, fall)
    for tiers that specialise them, and `template` is the statement text
    they make, which every tier can copy."""
    __slots__ = ('name', 'code', 'ma', 'mb', 'mc', 'event', 'semantics', 'shape', 'load',
                 'guard', 'fast', 'slow', 'target', 'taken', 'fall', 'template',
                 'reads', 'writes')

    def __init__(self, name, ma, mb, mc, event, semantics, shape):
        self.name = name
        self.ma = ma
        self.mb = mb          # 'none' for AD-format instructions
        self.mc = mc          # the C mode, or the D mode of an AD instruction
        self.event = event
        self.semantics = semantics
        self.code = None      # set below from the position in OPCODES
        self.load = self.guard = self.fast = self.slow = None
        self.target = self.taken = self.fall = None
        self.shape, fields = shape
        if self.shape == 'code':
            self.template = fields['body']
        else:
            for key, value in fields.items():
                setattr(self, key, value)
            self.template = _TEMPLATE[self.shape](self)
        self.reads = _holes(self.template, writes=False)     # (kind, operand expression)
        self.writes = _holes(self.template, writes=True)

    @property
    def is_ad(self):
        return self.mb == 'none'

    @property
    def jumps_with_next(self):
        """A comparison or test (followed by the JMP it takes on success), or
        ITERN (followed by the ITERL whose target it takes)."""
        return self.shape == 'test' and self.mc != 'jump'

    @property
    def may_call(self):
        """It may run Lua code: a call, a metamethod, or a finalizer at an
        allocation (event 'gc')."""
        return self.event is not None

    @property
    def leaves(self):
        """It leaves the function: a return or a tail call."""
        t = self.template
        return '$TAILCALL' in t or re.search(r'^return\b', t, re.M) is not None

    @property
    def ends_block(self):
        """Control does not simply go on to the next instruction."""
        return self.shape == 'test' or '$JUMP' in self.template or self.leaves



def _holes(text, writes):
    found = []
    for line in text.split('\n'):
        for stmt in line.split(';'):
            stmt = re.sub(r'^\s*(if|elif|else|try|except)\b[^:]*:\s*', '', stmt)
            m = _WRITE.match(stmt)
            lhs_end = stmt.index('=', m.end() - 2) if m else 0
            for h in _REG.finditer(stmt):
                if (h.start() < lhs_end) == writes:
                    found.append((h.group(1), h.group(2).replace(' ', '')))
    return tuple(dict.fromkeys(found))


def _value_template(op):
    load = (op.load + '\n') if op.load else ''
    if op.guard is None:
        return f'{load}{op.target} = {op.fast}\n'
    return f'{load}if {op.guard}: {op.target} = {op.fast}\nelse: {op.target} = {op.slow}\n'


def _indent(text, pad):
    return ''.join(pad + line + '\n' for line in text.strip('\n').split('\n') if line)


def _test_template(op):
    """The statement form of a test: taken runs before the jump, fall (or
    the step over the next instruction) when the jump is not taken."""
    load = (op.load + '\n') if op.load else ''
    jump = _indent((op.taken or '') + '\n$JUMP', '    ')
    other = _indent(op.fall or ('$SKIP' if op.mc != 'jump' else ''), '    ')
    inner = f'    else:\n{_indent(other, "    ")}' if other else ''
    other = f'else:\n{other}' if other else ''
    if op.guard is None:
        return f'{load}if {op.fast}:\n{jump}{other}'
    return (f'{load}if {op.guard}:\n    if {op.fast}:\n{_indent(jump, "    ")}'
            f'{inner}elif {op.slow}:\n{jump}{other}')


_TEMPLATE = {'value': _value_template, 'test': _test_template}


def value(fast, guard=None, slow=None, load=None, target='$R(A)'):
    return 'value', dict(fast=fast, guard=guard, slow=slow, load=load, target=target)


def test(fast, guard=None, slow=None, load=None, taken=None, fall=None):
    return 'test', dict(fast=fast, guard=guard, slow=slow, load=load, taken=taken, fall=fall)


def code(body):
    return 'code', dict(body=body.lstrip('\n'))


# -- Helpers that write families of opcodes.

def _operands(form):
    """(load, left, right, type guard) of a binary operation's form. VN:
    register op number constant; NV: constant op register; VV: two
    registers."""
    if form == 'VV':
        return 'x = $R(B); y = $R(C)', 'x', 'y', 'type(x) is float and type(y) is float'
    left, right = ('x', '$C') if form == 'VN' else ('$C', 'x')
    return 'x = $R(B)', left, right, 'type(x) is float'


def _arith(form, pyop, event):
    """+ - * on numbers; the slow path does strings and metamethods."""
    load, left, right, guard = _operands(form)
    return value(f'{left} {pyop} {right}', guard, f"arith({left}, {right}, '{event}')", load)


def _div(form):
    """Division: a zero divisor gives inf, -inf or nan as in C."""
    load, left, right, guard = _operands(form)
    return value(f'{left} / {right} if {right} else div({left}, {right})', guard,
                 f"arith({left}, {right}, '__div')", load)


def _mod(form):
    """Lua's a - floor(a/b)*b ($FLOOR is C's floor for finite q, -0
    included); a zero divisor or an infinite quotient takes mod(), which
    computes it as C does."""
    load, left, right, guard = _operands(form)
    return value(f'{left} - $FLOOR(q) * {right} if {right} and -INF < (q := {left} / {right})'
                 f' < INF else mod({left}, {right})', guard,
                 f"arith({left}, {right}, '__mod')", load)


def _cmp(pyop, fname, negate):
    """ISLT and friends: ISGE/ISGT are the negations of ISLT/ISLE, so NaN
    takes their jump."""
    fast, slow = f'x {pyop} y', f'{fname}(x, y)'
    if negate:
        fast, slow = f'not ({fast})', f'not {slow}'
    return test(fast, 'type(x) is float and type(y) is float', slow, 'x = $R(A); y = $R(D)')


def _eqv(negate):
    """Two floats compare as floats; everything else through equals()."""
    if negate:
        return test('x != y', 'type(x) is float and type(y) is float', 'not equals(x, y)',
                    'x = $R(A); y = $R(D)')
    return test('x == y', 'type(x) is float and type(y) is float', 'equals(x, y)',
                'x = $R(A); y = $R(D)')


def _eqk(same, negate):
    """== with a constant (a string, nil, false or true), always the right
    operand: a cdata operand decides by its __eq (ops.cdata_eq)."""
    check = f'x {same} $D or (type(x) in CDATA and cdata_eq(x, $D))'
    return test(f'not ({check})' if negate else check, load='x = $R(A)')


_TRUTHY = 'x is not None and x is not False'
_FALSY = 'x is None or x is False'

# Spread a results sequence r into registers $A .. $A+$B-2 (B = count + 1).
# Results nobody wants are dropped at once, so the collector can free them.
_SPREAD = """
@if $B == 2
$R(A) = r[0] if r else None
@elif $B == 0
mr = r
@elif $B > 2
if len(r) >= $B - 1: $RANGE(A, B-1) = r[:$B-1]
else: $RANGE(A, B-1) = list(r) + [None] * ($B - 1 - len(r))
@else
r = None
@end
"""

# Table access with a constant key (TGETS/TGETB). A miss looks in a table
# __index at once (a method of an object's class), the rest of the chain
# through index_meta.
_TGETK = code("""
t = $R(B)
if $IS(t, LuaTable, B):
    v = t.hash.get($C)
    if v is None and t.meta is not None:
        h = t.meta.hash.get('__index')
        if type(h) is LuaTable:
            v = h.hash.get($C)
            if v is None and h.meta is not None: v = index_meta(h, $C, 1)
        else: v = index_meta(t, $C)
    $R(A) = v
else: $R(A) = index_meta(t, $C)
""")


def _tsetk(number_key):
    """A store with a constant key (TSETS/TSETB). A new number key may
    extend a sequence into the array part, a new string key take a free node
    (as in a constructor); the rest is the table's store."""
    new_key = """
    elif v is not None and $C == t.ihi + 1.0 and $C <= t.asize and t.ilo:
        h[$C] = v
        t.ihi = $C""" if number_key else """
    elif v is not None and t.hfree and t.dead is None:
        h[$C] = v
        if t.hfree > 0: t.hfree -= 1"""
    return code(f"""
t = $R(B)
if $IS(t, LuaTable, B) and (t.meta is None or '__newindex' not in t.meta.hash):
    v = $R(A)
    h = t.hash
    if v is not None and $C in h: h[$C] = v{new_key}
    else: t.store($C, v)
else: setindex(t, $C, $R(A))
""")


# An upvalue set to a constant (USETS/USETN/USETP).
_USETK = code("""
u = U[$A]
u.regs[u.slot] = $D
""")

OPCODES = [
    # -- Comparisons; each is followed by a JMP taken when the test holds.
    Op('ISLT', 'var', 'none', 'var', 'lt', 'if R(A) < R(D) then JMP', _cmp('<', 'lt', False)),
    Op('ISGE', 'var', 'none', 'var', 'lt', 'if not (R(A) < R(D)) then JMP',
       _cmp('<', 'lt', True)),
    Op('ISLE', 'var', 'none', 'var', 'le', 'if R(A) <= R(D) then JMP', _cmp('<=', 'le', False)),
    Op('ISGT', 'var', 'none', 'var', 'le', 'if not (R(A) <= R(D)) then JMP',
       _cmp('<=', 'le', True)),
    Op('ISEQV', 'var', 'none', 'var', 'eq', 'if R(A) == R(D) then JMP', _eqv(False)),
    Op('ISNEV', 'var', 'none', 'var', 'eq', 'if R(A) ~= R(D) then JMP', _eqv(True)),
    Op('ISEQS', 'var', 'none', 'str', 'eq', 'if R(A) == K(D) then JMP',
       _eqk('==', False)),
    Op('ISNES', 'var', 'none', 'str', 'eq', 'if R(A) ~= K(D) then JMP',
       _eqk('==', True)),
    Op('ISEQN', 'var', 'none', 'num', 'eq', 'if R(A) == N(D) then JMP',
       test('x == $D', 'type(x) is float', 'type(x) in CDATA and cdata_eq(x, $D)',
            'x = $R(A)')),
    Op('ISNEN', 'var', 'none', 'num', 'eq', 'if R(A) ~= N(D) then JMP',
       test('x != $D', 'type(x) is float', 'not (type(x) in CDATA and cdata_eq(x, $D))',
            'x = $R(A)')),
    Op('ISEQP', 'var', 'none', 'pri', 'eq', 'if R(A) == P(D) then JMP',
       _eqk('is', False)),
    Op('ISNEP', 'var', 'none', 'pri', 'eq', 'if R(A) ~= P(D) then JMP',
       _eqk('is', True)),

    # -- Unary tests and copies.
    Op('ISTC', 'dst', 'none', 'var', None, 'if R(D) then R(A) := R(D); JMP',
       test(_TRUTHY, load='x = $R(D)', taken='$R(A) = x')),
    Op('ISFC', 'dst', 'none', 'var', None, 'if not R(D) then R(A) := R(D); JMP',
       test(_FALSY, load='x = $R(D)', taken='$R(A) = x')),
    Op('IST', 'none', 'none', 'var', None, 'if R(D) then JMP', test(_TRUTHY, load='x = $R(D)')),
    Op('ISF', 'none', 'none', 'var', None, 'if not R(D) then JMP', test(_FALSY, load='x = $R(D)')),

    # -- Unary operations.
    Op('MOV', 'dst', 'none', 'var', None, 'R(A) := R(D)', value('$R(D)')),
    Op('NOT', 'dst', 'none', 'var', None, 'R(A) := not R(D)', value(_FALSY, load='x = $R(D)')),
    Op('UNM', 'dst', 'none', 'var', 'unm', 'R(A) := -R(D)',
       value('-x', 'type(x) is float', 'unm(x)', 'x = $R(D)')),
    Op('LEN', 'dst', 'none', 'var', 'len', 'R(A) := #R(D)', code("""
x = $R(D)
if $IS(x, LuaTable, D): $R(A) = x.length()
elif type(x) is str: $R(A) = float(len(x))
else: $R(A) = length(x)
""")),

    # -- Binary arithmetic. VN: register op number; NV: number op register.
    Op('ADDVN', 'dst', 'var', 'num', 'add', 'R(A) := R(B) + N(C)', _arith('VN', '+', '__add')),
    Op('SUBVN', 'dst', 'var', 'num', 'sub', 'R(A) := R(B) - N(C)', _arith('VN', '-', '__sub')),
    Op('MULVN', 'dst', 'var', 'num', 'mul', 'R(A) := R(B) * N(C)', _arith('VN', '*', '__mul')),
    Op('DIVVN', 'dst', 'var', 'num', 'div', 'R(A) := R(B) / N(C)', _div('VN')),
    Op('MODVN', 'dst', 'var', 'num', 'mod', 'R(A) := R(B) % N(C)', _mod('VN')),
    Op('ADDNV', 'dst', 'var', 'num', 'add', 'R(A) := N(C) + R(B)', _arith('NV', '+', '__add')),
    Op('SUBNV', 'dst', 'var', 'num', 'sub', 'R(A) := N(C) - R(B)', _arith('NV', '-', '__sub')),
    Op('MULNV', 'dst', 'var', 'num', 'mul', 'R(A) := N(C) * R(B)', _arith('NV', '*', '__mul')),
    Op('DIVNV', 'dst', 'var', 'num', 'div', 'R(A) := N(C) / R(B)', _div('NV')),
    Op('MODNV', 'dst', 'var', 'num', 'mod', 'R(A) := N(C) % R(B)', _mod('NV')),
    Op('ADDVV', 'dst', 'var', 'var', 'add', 'R(A) := R(B) + R(C)', _arith('VV', '+', '__add')),
    Op('SUBVV', 'dst', 'var', 'var', 'sub', 'R(A) := R(B) - R(C)', _arith('VV', '-', '__sub')),
    Op('MULVV', 'dst', 'var', 'var', 'mul', 'R(A) := R(B) * R(C)', _arith('VV', '*', '__mul')),
    Op('DIVVV', 'dst', 'var', 'var', 'div', 'R(A) := R(B) / R(C)', _div('VV')),
    Op('MODVV', 'dst', 'var', 'var', 'mod', 'R(A) := R(B) % R(C)', _mod('VV')),
    Op('POW', 'dst', 'var', 'var', 'pow', 'R(A) := R(B) ^ R(C)',
       value('pow(x, y)', 'type(x) is float and type(y) is float', "arith(x, y, '__pow')",
             'x = $R(B); y = $R(C)')),
    # longer strings are made by concat, which charges them (all of them while limits
    # are armed: $SMALL_STRING is 0 then)
    Op('CAT', 'dst', 'rbase', 'rbase', 'concat', 'R(A) := R(B) .. ... .. R(C)', code("""
@if $C == $B + 1
x = $R(B); y = $R(C)
if type(x) is str and type(y) is str and len(x) + len(y) < $SMALL_STRING: $R(A) = x + y
else: $R(A) = concat([x, y])
@else
v = $RANGE(B, C-B+1)
try: $R(A) = ''.join(v) if sum(map(len, v)) < $SMALL_STRING else concat(v)
except TypeError: $R(A) = concat(v)
@end
""")),

    # -- Constants.
    Op('KSTR', 'dst', 'none', 'str', None, 'R(A) := K(D)', value('$D')),
    # the box of a 1LL or 2i literal: the same (immutable) box at each run, as in LuaJIT
    Op('KCDATA', 'dst', 'none', 'cdata', None, 'R(A) := K(D) (an Int64 or Complex)',
       value('$D')),
    Op('KSHORT', 'dst', 'none', 'lits', None, 'R(A) := D (a signed 16-bit number)', value('$D')),
    Op('KNUM', 'dst', 'none', 'num', None, 'R(A) := N(D)', value('$D')),
    Op('KPRI', 'dst', 'none', 'pri', None, 'R(A) := P(D) (nil, false or true)', value('$D')),
    Op('KNIL', 'base', 'none', 'base', None, 'R(A) .. R(D) := nil',
       code('$RANGE(A, D-A+1) = [None] * ($D - $A + 1)\n')),

    # -- Upvalues and closures.
    Op('UGET', 'dst', 'none', 'uv', None, 'R(A) := U(D)',
       value('u.regs[u.slot]', load='u = U[$D]')),
    Op('USETV', 'uv', 'none', 'var', None, 'U(A) := R(D)', code("""
u = U[$A]
u.regs[u.slot] = $R(D)
""")),
    Op('USETS', 'uv', 'none', 'str', None, 'U(A) := K(D)', _USETK),
    Op('USETN', 'uv', 'none', 'num', None, 'U(A) := N(D)', _USETK),
    Op('USETP', 'uv', 'none', 'pri', None, 'U(A) := P(D)', _USETK),
    Op('UCLO', 'rbase', 'none', 'jump', None, 'close upvalues of R(A) and up; JMP D', code("""
if openuv: close_upvals(openuv, $A)
$JUMP
""")),
    Op('FNEW', 'dst', 'none', 'func', 'gc', 'R(A) := closure of prototype K(D)', code("""
if openuv is None: openuv = {}
$R(A) = new_closure($D, R, U, openuv, cl.env)
""")),

    # -- Tables. GGET/GSET index the function's environment.
    Op('TNEW', 'dst', 'none', 'lit', 'gc', 'R(A) := {} with (array, hash) sizes D',
       value('LuaTable(None, $D[0], $D[1])')),
    Op('TDUP', 'dst', 'none', 'tab', 'gc', 'R(A) := copy of template table K(D)',
       value('table_from_template($D)')),
    Op('GGET', 'dst', 'none', 'str', 'index', 'R(A) := _ENV[K(D)]', code("""
t = cl.env
v = t.hash.get($D)
if v is None and t.meta is not None: v = index_meta(t, $D)
$R(A) = v
""")),
    Op('GSET', 'var', 'none', 'str', 'newindex', '_ENV[K(D)] := R(A)', code("""
t = cl.env
if t.meta is None:
    v = $R(A)
    h = t.hash
    if v is not None and $D in h: h[$D] = v
    else: t.store($D, v)
else: setindex(t, $D, $R(A))
""")),
    Op('TGETV', 'dst', 'var', 'var', 'index', 'R(A) := R(B)[R(C)]', code("""
t = $R(B); k = $R(C)
@if $FLOATS(C)
if $IS(t, LuaTable, B):
@else
if $IS(t, LuaTable, B) and k is not True and k is not False:
@end
    v = t.hash.get(k)
    if v is None and t.meta is not None: v = index_meta(t, k)
    $R(A) = v
else: $R(A) = index(t, k)
""")),
    Op('TGETS', 'dst', 'var', 'str', 'index', 'R(A) := R(B)[K(C)]', _TGETK),
    Op('TGETB', 'dst', 'var', 'lit', 'index', 'R(A) := R(B)[C]', _TGETK),
    Op('TSETV', 'var', 'var', 'var', 'newindex', 'R(B)[R(C)] := R(A)', code("""
t = $R(B); k = $R(C)
@if $FLOATS(C)
if $IS(t, LuaTable, B) and (t.meta is None or '__newindex' not in t.meta.hash) and k == k:
@else
if ($IS(t, LuaTable, B) and (t.meta is None or '__newindex' not in t.meta.hash)
        and (type(k) is str or (type(k) is float and k == k))):
@end
    v = $R(A)
    h = t.hash
    if v is not None and k in h: h[k] = v
    elif v is not None and k == t.ihi + 1.0 and k <= t.asize and t.ilo:
        h[k] = v                      # an array slot that extends the run of keys
        t.ihi = k
    else: t.store(k, v)
else: setindex(t, k, $R(A))
""")),
    Op('TSETS', 'var', 'var', 'str', 'newindex', 'R(B)[K(C)] := R(A)', _tsetk(False)),
    Op('TSETB', 'var', 'var', 'lit', 'newindex', 'R(B)[C] := R(A)', _tsetk(True)),
    Op('TSETM', 'base', 'none', 'num', 'newindex', 'R(A-1)[N(D)], ... := mr',
       code('set_multi($R(A-1), $D, mr)\n')),

    # -- Calls. B = results + 1 (0: all, into mr); C = arguments + 1 (CALLM,
    #    CALLMT: C/D fixed arguments, then mr).
    Op('CALLM', 'base', 'lit', 'lit', 'call', 'R(A) .. R(A+B-2) := R(A)(R(A+1) .. R(A+C), mr...)',
       code("""
f = $R(A)
args = $RANGE(A+1, C)
args += mr
r = $CALL(f, args)
""" + _SPREAD)),
    Op('CALL', 'base', 'lit', 'lit', 'call', 'R(A) .. R(A+B-2) := R(A)(R(A+1) .. R(A+C-1))',
       code("""
f = $R(A)
r = $CALL(f, $RANGE(A+1, C-1))
""" + _SPREAD)),
    Op('CALLMT', 'base', 'none', 'lit', 'call', 'return R(A)(R(A+1) .. R(A+D), mr...)', code("""
f = $R(A)
args = $RANGE(A+1, D)
args += mr
$TAILCALL
""")),
    Op('CALLT', 'base', 'none', 'lit', 'call', 'return R(A)(R(A+1) .. R(A+D-1))', code("""
f = $R(A)
args = $RANGE(A+1, D-1)
$TAILCALL
""")),
    Op('ITERC', 'base', 'lit', 'lit', 'call', 'R(A) .. R(A+B-2) := R(A-3)(R(A-2), R(A-1))',
       code("""
f = $R(A-3)
if type(f) is LuaFunction and f.proto is not None:
    r = call(f, [$R(A-2), $R(A-1)])     # 5.1's OP_TFORLOOP: one more C level
else:
    r = $CALL(f, [$R(A-2), $R(A-1)])
""" + _SPREAD)),
    # ITERN is only emitted for loops with one or two variables (B <= 3). It
    # takes its ITERL's jump to the loop body or steps over the ITERL: a
    # pairs() traversal keeps its state in R(A-1), which ITERL would
    # overwrite, so a generic iterator's control variable is set here.
    Op('ITERN', 'base', 'lit', 'lit', 'call',
       'like ITERC for pairs(): R(A), R(A+1) := next key and value; JMP',
       test('k is not None', load="""
it = $R(A-1)
if type(it) is PairsIter:
    for k in it.keys:
        v = it.hash.get(k)
        if v is not None:
            if type(k) is BoolKey: k = k.value
            break
    else: k = None
else:
    f = $R(A-3)
    r = $CALL(f, [$R(A-2), it])
    k = r[0] if r else None
    v = r[1] if len(r) > 1 else None
    if k is not None: $R(A-1) = k
""", taken="""
$R(A) = k
$R(A+1) = v
""")),
    Op('VARG', 'base', 'lit', 'lit', None, 'R(A) .. R(A+B-2) := ...', code("""
@if $B == 0
mr = va
@elif $B == 2
$R(A) = va[0] if va else None
@else
if len(va) >= $B - 1: $RANGE(A, B-1) = va[:$B-1]
else: $RANGE(A, B-1) = list(va) + [None] * ($B - 1 - len(va))
@end
""")),
    Op('ISNEXT', 'base', 'none', 'jump', None,
       'if R(A-3) is next and R(A-2) a table: R(A-1) := traversal state; JMP', code("""
if $CALLS_UNSEEN and $R(A-1) is None and type($R(A-2)) is LuaTable and is_next($R(A-3)):
    $R(A-1) = PairsIter($R(A-2))
$JUMP
""")),

    # -- Returns.
    Op('RETM', 'base', 'none', 'lit', None, 'return R(A) .. R(A+D-1), mr...', code("""
@if $D == 0
return mr
@else
r = $RANGE(A, D)
r += mr
return r
@end
""")),
    Op('RET', 'rbase', 'none', 'lit', None, 'return R(A) .. R(A+D-2)',
       code('return $RANGE(A, D-1)\n')),
    Op('RET0', 'rbase', 'none', 'lit', None, 'return', code('return ()\n')),
    Op('RET1', 'rbase', 'none', 'lit', None, 'return R(A)', code('return ($R(A),)\n')),

    # -- Loops and branches. Numeric for: R(A) index, R(A+1) limit, R(A+2)
    #    step, R(A+3) the visible loop variable.
    Op('FORI', 'base', 'none', 'jump', None, 'numeric for: prepare; if no iteration JMP',
       test('not ((x <= y) if s > 0.0 else (y <= x))', load="""
x = $R(A); y = $R(A+1); s = $R(A+2)
if type(x) is not float or type(y) is not float or type(s) is not float:
    x, y, s = for_prep(x, y, s)
    $R(A+1) = y; $R(A+2) = s
x = (x - s) + s
""", fall='$R(A) = x; $R(A+3) = x')),
    # debug.setlocal may store a non-number in a control register (TypeError)
    Op('FORL', 'base', 'none', 'jump', None, 'numeric for: step; if in range JMP back',
       test('go', load="""
@if $STEP_UP(A)
x = $R(A) + $R(A+2)
go = x <= $R(A+1)
@elif $FLOATS(A, A+1, A+2)
x = $R(A) + $R(A+2)
go = (x <= $R(A+1)) if $R(A+2) > 0.0 else ($R(A+1) <= x)
@else
s = $R(A+2); y = $R(A+1)
try:
    x = $R(A) + s
    go = (x <= y) if s > 0.0 else (y <= x)
except TypeError:
    x, y, s = for_prep($R(A), y, s)
    $R(A+1) = y; $R(A+2) = s
    x += s
    go = (x <= y) if s > 0.0 else (y <= x)
@end
""", taken='$R(A) = x; $R(A+3) = x')),
    Op('ITERL', 'base', 'none', 'jump', None,
       'generic for: if R(A) ~= nil then R(A-1) := R(A); JMP',
       test('v is not None', load='v = $R(A)', taken='$R(A-1) = v')),
    Op('LOOP', 'rbase', 'none', 'jump', None, 'loop header (the jump back ticks)', code('')),
    Op('JMP', 'rbase', 'none', 'jump', None, 'JMP D', code('$JUMP\n')),
]



class Entry:
    """Code that runs around instructions rather than as one: a function's
    entry (LuaJIT's FUNCF and FUNCV) and a tail call."""
    __slots__ = ('name', 'semantics', 'template')

    def __init__(self, name, semantics, template):
        self.name = name
        self.semantics = semantics
        self.template = template.lstrip('\n')


# $ARGS is the argument list the call hands over (the callee owns it), $NP
# the prototype's number of fixed parameters; $FRAME makes the frame's
# registers from what the arguments list holds (parameters a call did not
# pass, and all other registers, nil); $REUSE goes on with callee f and its
# argument list args in the place of this frame.
ENTRIES = {
    'FUNCF': Entry('FUNCF', 'entry of a function with fixed parameters', '$FRAME\n'),
    'FUNCV': Entry('FUNCV', 'entry of a vararg function: the extra arguments become ...', """
va = $ARGS[$NP:]
del $ARGS[$NP:]
$FRAME
"""),
    # CALLT/CALLMT's $TAILCALL. A host function runs as a plain call
    # (lua5.1 keeps the caller's frame for a C function in tail position).
    'TAILCALL': Entry('TAILCALL', 'return f(args...), in constant space', """
if type(f) is not LuaFunction:
    f, args = call_target(f, args)
if f.proto is None:
    r = $CALL(f, args)
    return r
$REUSE
"""),
}

for _i, _op in enumerate(OPCODES):
    _op.code = _i
BY_NAME = {op.name: op for op in OPCODES}
globals().update({op.name: op.code for op in OPCODES})    # ISLT = 0, ...

# Order invariants the code generator relies on (LuaJIT's lj_bc.h asserts).
assert ISLT ^ 1 == ISGE and ISLE ^ 1 == ISGT and ISLT ^ 2 == ISLE      # noqa: F821
assert ISEQV ^ 1 == ISNEV and ISEQS ^ 1 == ISNES and ISEQN ^ 1 == ISNEN  # noqa: F821
assert ISEQP ^ 1 == ISNEP and IST ^ 1 == ISF and ISTC ^ 1 == ISFC      # noqa: F821
assert ADDVN + 5 == ADDNV and ADDNV + 5 == ADDVV and ADDVV + 5 == POW   # noqa: F821
assert all(op.ma in MODES and op.mb in MODES and op.mc in MODES for op in OPCODES)
assert len(OPCODES) <= 256
