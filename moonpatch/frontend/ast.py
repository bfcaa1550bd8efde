"""The syntax tree the parser builds and the code generator consumes.

The parser resolves every name: a `Name` use becomes `Local`, `Upval` or
`Global`, each function lists the upvalues it captures, and a local that an
inner function captures is marked, so the code generator never looks names up.

Every node has `line`: the line of its first token. Nodes whose emitted
instructions Lua attributes to later lines carry those lines as well (see
each): an instruction gets the line of the last token read when it is made
(lparser.c's ls->lastline), and the code generator, which runs after the
parser, needs to know which token that was.
"""


class Node:
    __slots__ = ('line',)


class ExprList(list):
    """The expressions of an explist. near[i] is the text of the first token
    of item i + 1 (near[-1]: of the token after the list, or after the ')'
    of call arguments): where lua5.1 is reading when item i takes its
    register, so what 'function or expression too complex near ...' quotes.
    seplines[i] is the line of the ',' after item i, where it takes it."""
    __slots__ = ('near', 'seplines')


# ---- variables and functions ------------------------------------------------

class LocalVar:
    """One declared local (parameters, `local`, loop variables, `self`).

    `captured` is set when an inner function uses it as an upvalue, so the
    code generator knows to close it (UCLO) when its scope ends.
    Loop control slots the code generator allocates itself are not LocalVars.
    """
    __slots__ = ('name', 'line', 'captured', 'slot')

    def __init__(self, name, line):
        self.name = name
        self.line = line
        self.captured = False
        self.slot = None            # register, assigned by the code generator

    def __repr__(self):
        return 'LocalVar(%r)' % self.name


class UpvalDesc:
    """How a function gets upvalue number i: from the enclosing function's
    local `var` (instack=True) or from its upvalue `index` (instack=False)."""
    __slots__ = ('name', 'instack', 'var', 'index')

    def __init__(self, name, instack, var=None, index=None):
        self.name = name
        self.instack = instack
        self.var = var
        self.index = index


class Function(Node):
    """A function body. The main chunk is a Function with line 0, is_vararg True.

    params: list of LocalVar (with 'self' first for `function a:b()`).
    upvals: list of UpvalDesc, in the order upvalue indices were assigned.
    lastline: line of the closing `end` (the chunk: last line of the source).
    retline: line of the final return: lastline, but for the chunk the line
    of its last token, as in 5.1 (line hooks and activelines see it).
    tokens: for the chunk, its lexer.Tokens (messages of the code generator
    quote them); None for other functions.
    """
    __slots__ = ('params', 'is_vararg', 'body', 'upvals', 'lastline', 'retline', 'tokens')

    def __init__(self, line, params, is_vararg, body, upvals, lastline):
        self.line = line
        self.params = params
        self.is_vararg = is_vararg
        self.body = body
        self.upvals = upvals
        self.lastline = lastline
        self.retline = lastline
        self.tokens = None


class StatList(list):
    """The statements of a block. after[i] is the index of the token after
    statement i, which LuaJIT is reading when the code of the statement
    ends (what 'control structure too long near ...' quotes)."""
    __slots__ = ('after',)


class Block(Node):
    """A list of statements forming one scope (a do/while/for/if/function body)."""
    __slots__ = ('stats',)

    def __init__(self, line, stats):
        self.line = line
        self.stats = stats


# ---- expressions ------------------------------------------------------------

class Nil(Node):
    __slots__ = ()

    def __init__(self, line):
        self.line = line


class Bool(Node):
    __slots__ = ('value',)

    def __init__(self, line, value):
        self.line = line
        self.value = value


class Number(Node):
    """A numeric literal; `value` is a float (numbers are doubles), or the
    Int64 or Complex of a numeral with a suffix of LuaJIT's (1LL, 2i)."""
    __slots__ = ('value',)

    def __init__(self, line, value):
        self.line = line
        self.value = value


class String(Node):
    """A string literal; `value` is a str of code points 0-255 (one per byte)."""
    __slots__ = ('value',)

    def __init__(self, line, value):
        self.line = line
        self.value = value


class Vararg(Node):
    __slots__ = ()

    def __init__(self, line):
        self.line = line


class FunctionExpr(Node):
    __slots__ = ('func',)

    def __init__(self, line, func):
        self.line = line
        self.func = func


class Table(Node):
    """A table constructor. items: list of (key, value) in source order;
    key is None for positional items, an expression for `[k]=v` and a
    String node for `name=v`. `lastline` is the line of the closing brace;
    seplines[i] the line of the separator after item i (or of the brace),
    where 5.1 stores a positional item."""
    __slots__ = ('items', 'lastline', 'seplines')

    def __init__(self, line, items, lastline, seplines):
        self.line = line
        self.items = items
        self.lastline = lastline
        self.seplines = seplines


class BinOp(Node):
    """op: one of + - * / % ^ .. == ~= < <= > >= and or.
    opline: the line of the operator token."""
    __slots__ = ('op', 'left', 'right', 'opline')

    def __init__(self, line, op, left, right, opline):
        self.line = line
        self.op = op
        self.left = left
        self.right = right
        self.opline = opline


class UnOp(Node):
    """op: one of 'not', '-', '#'."""
    __slots__ = ('op', 'operand')

    def __init__(self, line, op, operand):
        self.line = line
        self.op = op
        self.operand = operand


class Local(Node):
    """A use of a local variable of the current function."""
    __slots__ = ('var',)

    def __init__(self, line, var):
        self.line = line
        self.var = var


class Upval(Node):
    """A use of upvalue `index` of the current function."""
    __slots__ = ('index', 'name')

    def __init__(self, line, index, name):
        self.line = line
        self.index = index
        self.name = name


class Global(Node):
    __slots__ = ('name',)

    def __init__(self, line, name):
        self.line = line
        self.name = name


class Index(Node):
    """obj[key] or obj.name (key is then a String node).
    closeline: the line of the ']' or of the name."""
    __slots__ = ('obj', 'key', 'closeline')

    def __init__(self, line, obj, key, closeline):
        self.line = line
        self.obj = obj
        self.key = key
        self.closeline = closeline


class Call(Node):
    """func(args). opline: the line of '(' (or of the string/table argument);
    closeline: of the ')' (or the last token of the argument)."""
    __slots__ = ('func', 'args', 'opline', 'closeline')

    def __init__(self, line, func, args, opline, closeline):
        self.line = line
        self.func = func
        self.args = args
        self.opline = opline
        self.closeline = closeline


class Method(Node):
    """obj:name(args); name is a str. nameline: the line of the name, where
    5.1 looks the method up; opline and closeline as for Call."""
    __slots__ = ('obj', 'name', 'args', 'nameline', 'opline', 'closeline')

    def __init__(self, line, obj, name, args, nameline, opline, closeline):
        self.line = line
        self.obj = obj
        self.name = name
        self.args = args
        self.nameline = nameline
        self.opline = opline
        self.closeline = closeline


class Paren(Node):
    """(expr): truncates a call or vararg to one value. closeline: of the ')'."""
    __slots__ = ('expr', 'closeline')

    def __init__(self, line, expr, closeline):
        self.line = line
        self.expr = expr
        self.closeline = closeline


# ---- statements -------------------------------------------------------------

class LocalAssign(Node):
    """local a, b = e1, e2  (the vars are in scope only after the statement)."""
    __slots__ = ('vars', 'exprs')

    def __init__(self, line, vars, exprs):
        self.line = line
        self.vars = vars
        self.exprs = exprs


class LocalFunction(Node):
    """local function f() ... end  (f is in scope inside its own body)."""
    __slots__ = ('var', 'func')

    def __init__(self, line, var, func):
        self.line = line
        self.var = var
        self.func = func


class Assign(Node):
    """targets = exprs; targets are Local, Upval, Global or Index nodes.
    `function a.b:c() end` is an Assign of a FunctionExpr to Index(...)
    whose store_line is the line of 'function' (5.1's luaK_fixline); other
    assignments store where their last value ends (store_line None)."""
    __slots__ = ('targets', 'exprs', 'store_line')

    def __init__(self, line, targets, exprs, store_line=None):
        self.line = line
        self.targets = targets
        self.exprs = exprs
        self.store_line = store_line


class CallStat(Node):
    __slots__ = ('call',)

    def __init__(self, line, call):
        self.line = line
        self.call = call


class Do(Node):
    """do body end. uclo_line: the line of the UCLO that ends it (see
    parser.dostat), or None."""
    __slots__ = ('body', 'uclo_line')

    def __init__(self, line, body, uclo_line):
        self.line = line
        self.body = body
        self.uclo_line = uclo_line


class While(Node):
    __slots__ = ('cond', 'body')

    def __init__(self, line, cond, body):
        self.line = line
        self.cond = cond
        self.body = body


class Repeat(Node):
    """repeat body until cond; cond is resolved inside body's scope."""
    __slots__ = ('body', 'cond')

    def __init__(self, line, body, cond):
        self.line = line
        self.body = body
        self.cond = cond


class If(Node):
    """clauses: list of (cond, Block) for if/elseif; orelse: Block or None."""
    __slots__ = ('clauses', 'orelse')

    def __init__(self, line, clauses, orelse):
        self.line = line
        self.clauses = clauses
        self.orelse = orelse


class NumericFor(Node):
    """for var = start, stop[, step] do body end (step None when omitted).
    doline: the line of 'do', where the loop is entered (FORI)."""
    __slots__ = ('var', 'start', 'stop', 'step', 'body', 'doline')

    def __init__(self, line, var, start, stop, step, body, doline):
        self.line = line
        self.var = var
        self.start = start
        self.stop = stop
        self.step = step
        self.body = body
        self.doline = doline


class GenericFor(Node):
    """for vars in exprs do body end. doline: the line of 'do'; inline: of the
    token after 'in', where 5.1 and LuaJIT put the iterator call."""
    __slots__ = ('vars', 'exprs', 'body', 'doline', 'inline')

    def __init__(self, line, vars, exprs, body, doline, inline):
        self.line = line
        self.vars = vars
        self.exprs = exprs
        self.body = body
        self.doline = doline
        self.inline = inline


class Return(Node):
    __slots__ = ('exprs',)

    def __init__(self, line, exprs):
        self.line = line
        self.exprs = exprs


class Break(Node):
    __slots__ = ()

    def __init__(self, line):
        self.line = line


class Goto(Node):
    """goto name; the parser has checked that a visible label exists and
    that the jump does not enter the scope of a local."""
    __slots__ = ('name',)

    def __init__(self, line, name):
        self.line = line
        self.name = name


class Label(Node):
    __slots__ = ('name',)

    def __init__(self, line, name):
        self.line = line
        self.name = name
