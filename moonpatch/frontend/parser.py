"""The parser: tokens to the syntax tree of moonpatch.frontend.ast, names resolved.

It follows lparser.c of Lua 5.1 rule by rule, so that every error is raised
at the same token with the same words and line, and adds LuaJIT 2.1's goto
and labels with LuaJIT's rules and messages (lj_parse.c: gola_*).

Node lines are token lines as the lexer records them (for a token spanning
lines, its last line). A Function's line is Lua's `linedefined`: the line of
'function' for `function f()`, else the line of the token after 'function'
(for `local function f` the token after the name), as lua5.1 records it.

Recursion: each syntax level (Lua's enterlevel) costs about four Python
frames, and levels stop at 200, so deep input fails with Lua's message well
before Python's recursion limit (the package raises it at import).
"""

from ..errors import LuaError, LuaSyntaxError
from . import ast
from .lexer import EOF, ERROR, NAME, NUMBER, STRING, Tokens

LUAI_MAXCCALLS = 200        # syntax levels (and variables in one assignment)
LUAI_MAXVARS = 200          # active locals per function
LUAI_MAXUPVALUES = 60       # upvalues per function
SHRT_MAX = 32767            # locals declared in one function, over all its scopes
# lua5.1 counts syntax levels on top of the C calls already active (nCcalls):
# 1 for a chunk lua.c loads (inside its lua_cpcall), more when Lua code loads
# one (runtime/clevels.py).
HOST_CCALLS = 1

# (left, right) priority of each binary operator (lparser.c); a right priority
# below the left one makes the operator right associative.
BINARY_PRIORITY = {
    '+': (6, 6), '-': (6, 6), '*': (7, 7), '/': (7, 7), '%': (7, 7),
    '^': (10, 9), '..': (5, 4),
    '==': (3, 3), '~=': (3, 3), '<': (3, 3), '<=': (3, 3), '>': (3, 3), '>=': (3, 3),
    'and': (2, 2), 'or': (1, 1),
}
UNARY_PRIORITY = 8
UNARY_OPS = frozenset(('not', '-', '#'))
BLOCK_FOLLOW = frozenset(('else', 'elseif', 'end', 'until', EOF))
ASSIGNABLE = (ast.Local, ast.Upval, ast.Global, ast.Index)


def parse(source, chunkname, skip_shebang=False, ccalls=HOST_CCALLS, reader=None):
    """Parse a chunk; return its main function (an ast.Function with line 0).

    source is a str of code points 0-255: the chunk, or its first piece when
    reader gives the rest (see lexer.Tokens). skip_shebang drops a first
    line starting with '#' (keeping its newline), as lua5.1 does for files.
    ccalls: the C calls active, where the syntax levels start.
    Raises LuaSyntaxError with Lua 5.1's message.
    """
    if skip_shebang and source[:1] == '#':
        newline = source.find('\n')
        source = source[newline:] if newline >= 0 else '\n'
    return Parser(Tokens(source, chunkname, reader), ccalls).mainfunc()


class _Block:
    """A scope (lparser.c BlockCnt): where its locals and its gotos/labels start."""
    __slots__ = ('gola_start', 'isbreakable', 'nactvar', 'previous')

    def __init__(self, previous, nactvar, isbreakable, gola_start):
        self.previous = previous
        self.nactvar = nactvar
        self.isbreakable = isbreakable
        self.gola_start = gola_start


class _FuncState:
    """The function being parsed.

    actvar: the active locals in slot order (None for a hidden loop slot).
    nlocvars: how many locals (hidden loop slots included) were declared.
    names: name -> active LocalVars of that name, innermost last.
    gola: gotos and labels as [is_label, name, slot, line, jumpline]; name
    None once resolved (a goto) or out of scope (a label), as LuaJIT's
    vstack. jumpline: the line of a goto's jump, which LuaJIT's scope error
    quotes (see dostat).
    """
    __slots__ = (
        'actvar',
        'block',
        'gola',
        'gotos',
        'is_vararg',
        'labels',
        'line',
        'names',
        'nlocvars',
        'parent',
        'upval_index',
        'upvals',
    )

    def __init__(self, parent, line):
        self.parent = parent
        self.line = line
        self.is_vararg = False
        self.actvar = []
        self.nlocvars = 0
        self.names = {}
        self.upvals = []
        self.upval_index = {}       # LocalVar (instack) or parent upvalue index -> index
        self.block = _Block(None, 0, False, 0)
        self.gola = []
        self.labels = {}            # name -> indices in gola of its labels in scope
        self.gotos = {}             # name -> indices in gola of its pending gotos


class Parser:
    """Recursive descent over a Tokens stream; one instance parses one chunk."""

    def __init__(self, tokens, ccalls=HOST_CCALLS):
        self.tokens = tokens
        self.types = tokens.types
        self.values = tokens.values
        self.lines = tokens.lines
        self.i = 0
        self.tok = self.types[0]
        if self.tok == ERROR:
            self.tok = tokens.settle(0)
        self.line = self.lines[0]
        self.lastline = 1
        self.peeked = False     # the token after the current one was looked at
        self.block_closed = False   # the last block() closed captured locals
        self.level = ccalls
        self.ccalls = ccalls
        self.fs = None

    # ---- tokens -------------------------------------------------------------

    def next(self):
        """Make the next token current (luaX_next); raise a lexical error there."""
        i = self.i + 1
        if self.peeked:
            self.peeked = False
            self.lastline = self.lines[i]
        else:
            self.lastline = self.line
        self.i = i
        tok = self.types[i]
        if tok == ERROR:            # a lexical error, or the end of what a reader gave
            tok = self.tokens.settle(i)
        self.tok = tok
        self.line = self.lines[i]

    def peek(self):
        """The type of the token after the current one (luaX_lookahead)."""
        self.peeked = True
        return self.next_type()

    def next_type(self):
        """The type of the token after the current one, read if need be."""
        tok = self.types[self.i + 1]
        if tok == ERROR:
            tok = self.tokens.settle(self.i + 1)
        return tok

    def checknext(self, tok):
        if self.tok != tok:
            self.error_expected(tok)
        self.next()

    def check_match(self, what, who, where):
        """Consume `what`, which closes `who` opened at line `where`."""
        if self.tok != what:
            self.match_error(what, who, where)
        self.next()

    def match_error(self, what, who, where):
        if where == self.line:
            self.error_expected(what)
        self.error(f"'{what}' expected (to close '{who}' at line {where})")

    def str_checkname(self):
        """Consume a NAME; return (name, line)."""
        if self.tok != NAME:
            self.error_expected(NAME)
        name = self.values[self.i]
        line = self.line
        self.next()
        return name, line

    # ---- errors -------------------------------------------------------------

    def linenumber(self):
        """The lexer's line (ls->linenumber): that of the last token read."""
        return self.lines[self.i + 1] if self.peeked else self.line

    def error(self, msg):
        """luaX_syntaxerror: msg near the current token."""
        prefix = f'{self.tokens.source_id}:{self.linenumber()}: {msg}'
        if self.tok == '\0':        # token 0 gets no 'near' in lua5.1
            raise LuaSyntaxError(prefix)
        raise LuaSyntaxError(f"{prefix} near '{self.tokens.near(self.i)}'")

    def error_expected(self, tok):
        self.error(f"'{tok}' expected")

    def error_at(self, msg, line):
        """luaX_lexerror with no token: msg at a line, no 'near'."""
        raise LuaSyntaxError(f'{self.tokens.source_id}:{line}: {msg}')

    def errorlimit(self, fs, limit, what):
        if fs.line == 0:
            msg = f'main function has more than {limit} {what}'
        else:
            msg = f'function at line {fs.line} has more than {limit} {what}'
        self.error_at(msg, self.linenumber())

    def enterlevel(self):
        self.level += 1
        if self.level > LUAI_MAXCCALLS:
            self.error_at('chunk has too many syntax levels', self.linenumber())

    # ---- functions, scopes and names ----------------------------------------

    def open_func(self, line):
        fs = _FuncState(self.fs, line)
        self.fs = fs
        return fs

    def close_func(self):
        fs = self.fs
        self.leave_block(fs.block)
        self.fs = fs.parent

    def enter_block(self, isbreakable):
        fs = self.fs
        fs.block = _Block(fs.block, len(fs.actvar), isbreakable, len(fs.gola))
        return fs.block

    def leave_block(self, bl):
        """Close scope bl; True when an inner function captured one of its locals."""
        fs = self.fs
        fs.block = bl.previous
        if len(fs.gola) > bl.gola_start:
            self.gola_fixup(fs, bl)
        actvar = fs.actvar
        names = fs.names
        captured = False
        while len(actvar) > bl.nactvar:
            var = actvar.pop()
            if var is not None:
                names[var.name].pop()
                captured = captured or var.captured
        return captured

    def new_localvar(self, name, n, line):
        """Declare the n-th of the pending locals (active after activate)."""
        fs = self.fs
        if len(fs.actvar) + n + 1 > LUAI_MAXVARS:
            self.errorlimit(fs, LUAI_MAXVARS, 'local variables')
        self.count_locvars(1)
        return ast.LocalVar(name, line)

    def count_locvars(self, n):
        """lua5.1 keeps debug info for at most SHRT_MAX locals per function;
        past it, loading fails with a runtime error of its memory manager (no
        position; the message handler of a protected call sees it)."""
        fs = self.fs
        fs.nlocvars += n
        if fs.nlocvars > SHRT_MAX:
            raise LuaError('too many local variables')

    def activate(self, variables):
        fs = self.fs
        names = fs.names
        for var in variables:
            fs.actvar.append(var)
            same = names.get(var.name)
            if same is None:
                names[var.name] = [var]
            else:
                same.append(var)

    def singlevar(self, name, line):
        """A use of `name`: Local, Upval (adding upvalues on the way) or Global."""
        fs = self.fs
        same = fs.names.get(name)
        if same:
            return ast.Local(line, same[-1])
        chain = [fs]
        outer = fs.parent
        while outer is not None:
            same = outer.names.get(name)
            if same:
                break
            chain.append(outer)
            outer = outer.parent
        else:
            return ast.Global(line, name)
        var = same[-1]
        var.captured = True
        key = var
        for f in reversed(chain):       # from the function just inside `outer`
            index = f.upval_index.get(key)
            if index is None:
                index = len(f.upvals)
                if index + 1 > LUAI_MAXUPVALUES:
                    self.errorlimit(f, LUAI_MAXUPVALUES, 'upvalues')
                if key is var:
                    f.upvals.append(ast.UpvalDesc(name, True, var=var))
                else:
                    f.upvals.append(ast.UpvalDesc(name, False, index=key))
                f.upval_index[key] = index
            key = index
        return ast.Upval(line, key, name)

    # ---- goto and labels (LuaJIT 2.1) ---------------------------------------

    # LuaJIT scans its goto/label stack for each label; with many labels that
    # is quadratic, so the function also keeps, per name, the indices in
    # fs.gola of its labels in scope and of its pending gotos (ascending).

    def label_visible(self, fs, name):
        """Is label `name` defined in the current block (LuaJIT: gola_findlabel)?"""
        labels = fs.labels.get(name)
        return bool(labels) and labels[-1] >= fs.block.gola_start

    def resolve_gotos(self, fs, name, after, label=None):
        """Resolve the pending gotos to `name` whose index is above `after`;
        with a label entry, check that none jumps into a local's scope."""
        pending = fs.gotos.get(name)
        if not pending:
            return
        cut = len(pending)
        while cut > 0 and pending[cut - 1] > after:
            cut -= 1
        for index in pending[cut:]:         # in source order, as LuaJIT checks them
            goto = fs.gola[index]
            if label is not None and goto[2] < label[2]:
                local = fs.actvar[goto[2]].name
                self.error_at(f"<goto {name}> jumps into the scope of local '{local}'",
                              goto[4])
            goto[1] = None
        del pending[cut:]

    def gola_resolve(self, fs, bl, index):
        """Patch the pending forward gotos of block bl to the new label."""
        label = fs.gola[index]
        self.resolve_gotos(fs, label[1], bl.gola_start - 1, label)

    def gola_fixup(self, fs, bl):
        """At the end of block bl: its labels go out of scope (taking the
        backward gotos to them); pending gotos move to the enclosing block,
        or are undefined at the end of the function."""
        gola = fs.gola
        for k in range(bl.gola_start, len(gola)):
            entry = gola[k]
            name = entry[1]
            if name is None:
                continue
            if entry[0]:
                entry[1] = None
                fs.labels[name].pop()
                self.resolve_gotos(fs, name, k)
            elif bl.previous is not None:
                entry[2] = bl.nactvar
            else:
                self.error_at(f"undefined label '{name}'", entry[3])

    # ---- blocks and statements ----------------------------------------------

    def mainfunc(self):
        fs = self.open_func(0)
        fs.is_vararg = True
        line = self.line
        stats = self.chunk()
        if self.tok != EOF:
            self.error_expected(EOF)
        lastline = self.line
        self.close_func()
        func = ast.Function(0, [], True, ast.Block(line, stats), fs.upvals, lastline)
        func.retline = self.lastline
        func.tokens = self.tokens
        return func

    # chunk -> { stat [';'] }
    def chunk(self):
        self.enterlevel()
        stats = ast.StatList()
        stats.after = after = []
        islast = False
        while not islast and self.tok not in BLOCK_FOLLOW:
            islast = self.statement(stats)
            while len(after) < len(stats):      # a run of labels is several
                after.append(self.i)
            if self.tok == ';':
                self.next()
        self.level -= 1
        return stats

    # block -> chunk   (in a scope of its own)
    def block(self, isbreakable=False):
        bl = self.enter_block(isbreakable)
        line = self.line
        stats = self.chunk()
        self.block_closed = self.leave_block(bl)
        return ast.Block(line, stats)

    # stat -> ifstat | whilestat | DO block END | forstat | repeatstat | funcstat
    #       | localstat | retstat | breakstat | gotostat | labelstat | exprstat
    def statement(self, stats):
        """Parse one statement into stats; True when it must be the block's last."""
        tok = self.tok
        line = self.line
        if tok == NAME:
            if self.values[self.i] == 'goto' and self.next_type() == NAME \
                    and self.values[self.i + 1] != 'goto':
                stats.append(self.gotostat(line, stats[-1] if stats else None))
            else:
                stats.append(self.exprstat(line))
            return False
        if tok == '::':
            self.labelstat(stats)
            return False
        rule = _STATEMENTS.get(tok)
        stats.append(rule(self, line) if rule is not None else self.exprstat(line))
        return tok == 'return' or tok == 'break'

    # ifstat -> IF cond THEN block {ELSEIF cond THEN block} [ELSE block] END
    def ifstat(self, line):
        clauses = []
        while True:     # at IF or ELSEIF
            self.next()
            cond = self.subexpr(0)
            self.checknext('then')
            clauses.append((cond, self.block()))
            if self.tok != 'elseif':
                break
        orelse = None
        if self.tok == 'else':
            self.next()
            orelse = self.block()
        self.check_match('end', 'if', line)
        return ast.If(line, clauses, orelse)

    # whilestat -> WHILE cond DO block END
    def whilestat(self, line):
        self.next()
        cond = self.subexpr(0)
        self.checknext('do')
        body = self.block(True)
        self.check_match('end', 'while', line)
        return ast.While(line, cond, body)

    # dostat -> DO block END
    def dostat(self, line):
        """A block closing captured locals ends with a UCLO, made on the line
        before 'end'; LuaJIT's next jump takes that UCLO over, so a goto right
        after it has that line (uclo_line; None when the block ends otherwise)."""
        self.next()
        body = self.block()
        uclo_line = self.lastline if self.block_closed else None
        last = body.stats[-1] if body.stats else None
        if uclo_line is None and type(last) is ast.Do:
            uclo_line = last.uclo_line
        self.check_match('end', 'do', line)
        return ast.Do(line, body, uclo_line)

    # forstat -> FOR (fornum | forlist) END
    def forstat(self, line):
        bl = self.enter_block(True)
        self.next()
        name, name_line = self.str_checkname()
        if self.tok == '=':
            node = self.fornum(line, name, name_line)
        elif self.tok == ',' or self.tok == 'in':
            node = self.forlist(line, name, name_line)
        else:
            self.error("'=' or 'in' expected")
        self.check_match('end', 'for', line)
        self.leave_block(bl)
        return node

    # fornum -> NAME '=' expr ',' expr [',' expr] forbody
    def fornum(self, line, name, name_line):
        self.count_locvars(3)                           # the hidden control slots
        var = self.new_localvar(name, 3, name_line)
        self.checknext('=')
        start = self.subexpr(0)
        self.checknext(',')
        stop = self.subexpr(0)
        step = None
        if self.tok == ',':
            self.next()
            step = self.subexpr(0)
        body, doline = self.forbody([var])
        return ast.NumericFor(line, var, start, stop, step, body, doline)

    # forlist -> NAME {',' NAME} IN explist forbody
    def forlist(self, line, name, name_line):
        self.count_locvars(3)                           # the hidden control slots
        variables = [self.new_localvar(name, 3, name_line)]
        while self.tok == ',':
            self.next()
            name, name_line = self.str_checkname()
            variables.append(self.new_localvar(name, 3 + len(variables), name_line))
        self.checknext('in')
        inline = self.linenumber()
        exprs = self.explist()
        body, doline = self.forbody(variables)
        return ast.GenericFor(line, variables, exprs, body, doline, inline)

    # forbody -> DO block
    def forbody(self, variables):
        """(the body, the line of 'do')."""
        self.fs.actvar.extend((None, None, None))
        self.checknext('do')
        doline = self.lastline
        self.activate(variables)
        return self.block(), doline

    # repeatstat -> REPEAT block UNTIL cond   (cond sees the block's locals)
    def repeatstat(self, line):
        bl = self.enter_block(True)
        self.next()
        body_line = self.line
        stats = self.chunk()
        self.check_match('until', 'repeat', line)
        cond = self.subexpr(0)
        self.leave_block(bl)
        return ast.Repeat(line, ast.Block(body_line, stats), cond)

    # funcstat -> FUNCTION funcname body
    # funcname -> NAME {'.' NAME} [':' NAME]
    def funcstat(self, line):
        self.next()
        name, name_line = self.str_checkname()
        target = self.singlevar(name, name_line)
        while self.tok == '.':
            target = self.field(target)
        needself = self.tok == ':'
        if needself:
            target = self.field(target)
        func = self.body(needself, line)
        return ast.Assign(line, [target], [ast.FunctionExpr(line, func)], line)

    # localstat -> LOCAL NAME {',' NAME} ['=' explist]
    # localfunc -> LOCAL FUNCTION NAME body
    def localstat(self, line):
        self.next()
        if self.tok == 'function':
            self.next()
            name, name_line = self.str_checkname()
            var = self.new_localvar(name, 0, name_line)
            self.activate((var,))
            return ast.LocalFunction(line, var, self.body(False, self.line))
        variables = []
        while True:
            name, name_line = self.str_checkname()
            variables.append(self.new_localvar(name, len(variables), name_line))
            if self.tok != ',':
                break
            self.next()
        exprs = []
        if self.tok == '=':
            self.next()
            exprs = self.explist()
        self.activate(variables)
        return ast.LocalAssign(line, variables, exprs)

    # retstat -> RETURN [explist]
    def retstat(self, line):
        self.next()
        if self.tok in BLOCK_FOLLOW or self.tok == ';':
            return ast.Return(line, [])
        return ast.Return(line, self.explist())

    # breakstat -> BREAK
    def breakstat(self, line):
        self.next()
        bl = self.fs.block
        while bl is not None and not bl.isbreakable:
            bl = bl.previous
        if bl is None:
            self.error('no loop to break')
        return ast.Break(line)

    # gotostat -> GOTO NAME
    def gotostat(self, line, previous):
        """previous: the statement before it in the block, or None."""
        self.next()
        name, name_line = self.str_checkname()
        fs = self.fs
        jumpline = name_line
        if type(previous) is ast.Do and previous.uclo_line is not None:
            jumpline = previous.uclo_line
        fs.gotos.setdefault(name, []).append(len(fs.gola))
        fs.gola.append([False, name, len(fs.actvar), name_line, jumpline])
        return ast.Goto(line, name)

    # labelstat -> '::' NAME '::' {'::' NAME '::'}
    def labelstat(self, stats):
        """A run of labels. LuaJIT treats labels ending a block (but not a
        repeat body, whose condition sees its locals) as outside the scope of
        the block's locals, so `goto continue` may skip a `local`."""
        fs = self.fs
        indices = []
        level = self.level
        while self.tok == '::':
            if indices:         # LuaJIT parses each label of a run inside the one before
                self.level += 1
                # its syntax levels, which count no C calls (lua5.1 has no labels)
                if self.level - self.ccalls >= LUAI_MAXCCALLS:
                    self.error_at('chunk has too many syntax levels', self.linenumber())
            line = self.line
            self.next()
            name, _ = self.str_checkname()
            if self.label_visible(fs, name):
                self.error_at(f"duplicate label '{name}'", self.linenumber())
            fs.labels.setdefault(name, []).append(len(fs.gola))
            indices.append(len(fs.gola))
            fs.gola.append([True, name, len(fs.actvar), line, line])
            self.checknext('::')
            stats.append(ast.Label(line, name))
        self.level = level
        bl = fs.block
        if self.tok in BLOCK_FOLLOW and self.tok != 'until':
            for index in indices:
                fs.gola[index][2] = bl.nactvar
        for index in reversed(indices):
            self.gola_resolve(fs, bl, index)

    # exprstat -> functioncall | assignment
    # assignment -> primaryexp {',' primaryexp} '=' explist
    def exprstat(self, line):
        target = self.primaryexp()
        if type(target) is ast.Call or type(target) is ast.Method:
            return ast.CallStat(line, target)
        targets = [target]
        while True:
            if not isinstance(target, ASSIGNABLE):
                self.error('syntax error')
            if self.tok != ',':
                break
            self.next()
            target = self.primaryexp()
            targets.append(target)
            if len(targets) - 1 > LUAI_MAXCCALLS - self.level:
                self.errorlimit(self.fs, LUAI_MAXCCALLS - self.level, 'variables in assignment')
        self.checknext('=')
        return ast.Assign(line, targets, self.explist())

    # ---- expressions --------------------------------------------------------

    # explist -> expr {',' expr}
    def explist(self):
        exprs = ast.ExprList((self.subexpr(0),))
        exprs.near = near = []
        exprs.seplines = seplines = []
        while self.tok == ',':
            self.next()
            seplines.append(self.lastline)
            near.append(self.tokens.near(self.i))
            exprs.append(self.subexpr(0))
        near.append(self.tokens.near(self.i))
        return exprs

    # expr -> subexpr
    # subexpr -> (simpleexp | unop subexpr) {binop subexpr}
    #   where binop's left priority is above `limit`
    # simpleexp -> NUMBER | STRING | NIL | TRUE | FALSE | '...' | constructor
    #            | FUNCTION body | primaryexp
    def subexpr(self, limit):
        self.level += 1
        if self.level > LUAI_MAXCCALLS:
            self.error_at('chunk has too many syntax levels', self.linenumber())
        tok = self.tok
        line = self.line
        if tok == NAME or tok == '(':
            expr = self.primaryexp()
        elif tok == STRING:
            expr = ast.String(line, self.values[self.i])
            self.next()
        elif tok == NUMBER:
            expr = ast.Number(line, self.values[self.i])
            self.next()
        elif tok == '{':
            expr = self.constructor()
        elif tok in UNARY_OPS:
            self.next()
            expr = ast.UnOp(line, tok, self.subexpr(UNARY_PRIORITY))
        elif tok == 'nil':
            expr = ast.Nil(line)
            self.next()
        elif tok == 'true' or tok == 'false':
            expr = ast.Bool(line, tok == 'true')
            self.next()
        elif tok == '...':
            if not self.fs.is_vararg:
                self.error("cannot use '...' outside a vararg function")
            expr = ast.Vararg(line)
            self.next()
        elif tok == 'function':
            self.next()
            expr = ast.FunctionExpr(line, self.body(False, self.line))
        else:
            expr = self.primaryexp()        # reports the unexpected symbol
        priority = BINARY_PRIORITY.get(self.tok)
        while priority is not None and priority[0] > limit:
            op = self.tok
            opline = self.line
            self.next()
            right = self.subexpr(priority[1])
            expr = ast.BinOp(expr.line, op, expr, right, opline)
            priority = BINARY_PRIORITY.get(self.tok)
        self.level -= 1
        return expr

    # primaryexp -> prefixexp {'.' NAME | '[' expr ']' | ':' NAME funcargs | funcargs}
    # prefixexp -> NAME | '(' expr ')'
    def primaryexp(self):
        tok = self.tok
        line = self.line
        if tok == NAME:
            name = self.values[self.i]
            self.next()
            expr = self.singlevar(name, line)
        elif tok == '(':
            self.next()
            inner = self.subexpr(0)
            self.check_match(')', '(', line)
            expr = ast.Paren(line, inner, self.lastline)
        else:
            self.error('unexpected symbol')
        while True:
            tok = self.tok
            if tok == '.':
                expr = self.field(expr)
            elif tok == '[':
                self.next()
                key = self.subexpr(0)
                self.checknext(']')
                expr = ast.Index(expr.line, expr, key, self.lastline)
            elif tok == ':':
                self.next()
                name, nameline = self.str_checkname()
                args, opline = self.funcargs()
                expr = ast.Method(expr.line, expr, name, args, nameline, opline, self.lastline)
            elif tok == '(' or tok == STRING or tok == '{':
                args, opline = self.funcargs()
                expr = ast.Call(expr.line, expr, args, opline, self.lastline)
            else:
                return expr

    # field -> ('.' | ':') NAME
    def field(self, obj):
        self.next()
        name, line = self.str_checkname()
        return ast.Index(obj.line, obj, ast.String(line, name), line)

    # funcargs -> '(' [explist] ')' | constructor | STRING
    def funcargs(self):
        """Return (args, line of the token starting them)."""
        tok = self.tok
        line = self.line
        if tok == '(':
            if line != self.lastline:
                self.error('ambiguous syntax (function call x new statement)')
            self.next()
            args = [] if self.tok == ')' else self.explist()
            self.check_match(')', '(', line)
            if args:
                args.near[-1] = self.tokens.near(self.i)
        elif tok == '{':
            args = [self.constructor()]
        elif tok == STRING:
            args = [ast.String(line, self.values[self.i])]
            self.next()
        else:
            self.error('function arguments expected')
        return args, line

    # constructor -> '{' [field {sep field} [sep]] '}'
    # field -> NAME '=' expr | '[' expr ']' '=' expr | expr
    # sep -> ',' | ';'
    def constructor(self):
        line = self.line
        self.next()
        items = []
        seplines = []
        while self.tok != '}':
            if self.tok == NAME and self.peek() == '=':
                key = ast.String(self.line, self.values[self.i])
                self.next()
                self.next()
                items.append((key, self.subexpr(0)))
            elif self.tok == '[':
                self.next()
                key = self.subexpr(0)
                self.checknext(']')
                self.checknext('=')
                items.append((key, self.subexpr(0)))
            else:
                items.append((None, self.subexpr(0)))
            if self.tok != ',' and self.tok != ';':
                break
            self.next()
            seplines.append(self.lastline)
        lastline = self.line
        self.check_match('}', '{', line)
        if len(seplines) < len(items):
            seplines.append(lastline)
        return ast.Table(line, items, lastline, seplines)

    # body -> '(' parlist ')' chunk END
    # parlist -> [param {',' param}]
    # param -> NAME | '...'
    def body(self, needself, line):
        fs = self.open_func(line)
        self.checknext('(')
        params = []
        if needself:
            params.append(self.new_localvar('self', 0, line))
            self.activate(params)
        pending = []
        if self.tok != ')':
            while True:
                if self.tok == NAME:
                    name, name_line = self.str_checkname()
                    pending.append(self.new_localvar(name, len(pending), name_line))
                elif self.tok == '...':
                    self.next()
                    fs.is_vararg = True
                    break
                else:
                    self.error("<name> or '...' expected")
                if self.tok != ',':
                    break
                self.next()
        self.activate(pending)
        params.extend(pending)
        self.checknext(')')
        body_line = self.line
        stats = self.chunk()
        lastline = self.line
        if self.tok != 'end':
            self.match_error('end', 'function', line)
        self.close_func()       # undefined labels are reported before reading past 'end'
        self.next()
        return ast.Function(line, params, fs.is_vararg, ast.Block(body_line, stats),
                            fs.upvals, lastline)


_STATEMENTS = {
    'if': Parser.ifstat,
    'while': Parser.whilestat,
    'do': Parser.dostat,
    'for': Parser.forstat,
    'repeat': Parser.repeatstat,
    'function': Parser.funcstat,
    'local': Parser.localstat,
    'return': Parser.retstat,
    'break': Parser.breakstat,
}
