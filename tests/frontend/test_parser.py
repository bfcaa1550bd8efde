"""Parser tests: tree shapes, precedence, name resolution, lines, errors, limits.

Expected error messages come from lua5.1 / luajit (capture_syntax_errors.py
wrote syntax_errors.txt); nothing here is written from memory.
"""

import json
import os
import sys

import pytest

from moonpatch.errors import LuaError, LuaSyntaxError
from moonpatch.frontend import ast
from moonpatch.frontend.parser import parse

HERE = os.path.dirname(os.path.abspath(__file__))


# ---- helpers ----------------------------------------------------------------

def sx(node):
    """A compact s-expression of a tree: globals print as `x`, locals as `@x`,
    upvalues as `^x`, blocks as [s1; s2]."""
    if isinstance(node, list):
        return ' '.join(sx(n) for n in node)
    t = type(node)
    if t is ast.Number:
        return f'{node.value:.14g}'
    if t is ast.String:
        return f'"{node.value}"'
    if t is ast.Nil:
        return 'nil'
    if t is ast.Bool:
        return 'true' if node.value else 'false'
    if t is ast.Vararg:
        return '...'
    if t is ast.Global:
        return node.name
    if t is ast.Local:
        return '@' + node.var.name
    if t is ast.Upval:
        return '^' + node.name
    if t is ast.BinOp:
        return f'({node.op} {sx(node.left)} {sx(node.right)})'
    if t is ast.UnOp:
        return f'({node.op} {sx(node.operand)})'
    if t is ast.Paren:
        return f'(paren {sx(node.expr)})'
    if t is ast.Index:
        return f'(index {sx(node.obj)} {sx(node.key)})'
    if t is ast.Call:
        return f'(call {sx([node.func] + node.args)})'
    if t is ast.Method:
        return f'(method {sx(node.obj)} {" ".join([node.name] + [sx(a) for a in node.args])})'
    if t is ast.Table:
        items = (sx(v) if k is None else f'{sx(k)}={sx(v)}' for k, v in node.items)
        return '{' + ', '.join(items) + '}'
    if t is ast.FunctionExpr:
        return sx(node.func)
    if t is ast.Function:
        params = [p.name for p in node.params] + (['...'] if node.is_vararg else [])
        return f'(function ({" ".join(params)}) {sx(node.body)})'
    if t is ast.Block:
        return '[' + '; '.join(sx(s) for s in node.stats) + ']'
    if t is ast.LocalAssign:
        return f'(local ({" ".join(v.name for v in node.vars)}) {sx(node.exprs)})'
    if t is ast.LocalFunction:
        return f'(localfunction {node.var.name} {sx(node.func)})'
    if t is ast.Assign:
        return f'(set ({sx(node.targets)}) {sx(node.exprs)})'
    if t is ast.CallStat:
        return sx(node.call)
    if t is ast.Do:
        return f'(do {sx(node.body)})'
    if t is ast.While:
        return f'(while {sx(node.cond)} {sx(node.body)})'
    if t is ast.Repeat:
        return f'(repeat {sx(node.body)} {sx(node.cond)})'
    if t is ast.If:
        parts = [f'{sx(c)} {sx(b)}' for c, b in node.clauses]
        if node.orelse is not None:
            parts.append('else ' + sx(node.orelse))
        return f'(if {" ".join(parts)})'
    if t is ast.NumericFor:
        bounds = [node.start, node.stop] + ([node.step] if node.step is not None else [])
        return f'(fornum {node.var.name} {sx(bounds)} {sx(node.body)})'
    if t is ast.GenericFor:
        names = ' '.join(v.name for v in node.vars)
        return f'(forin ({names}) {sx(node.exprs)} {sx(node.body)})'
    if t is ast.Return:
        return '(return' + ''.join(' ' + sx(e) for e in node.exprs) + ')'
    if t is ast.Break:
        return 'break'
    if t is ast.Goto:
        return f'(goto {node.name})'
    if t is ast.Label:
        return f'(label {node.name})'
    raise TypeError(t)


def chunk(source):
    return parse(source, '=test')


def stats(source):
    return chunk(source).body.stats


def expr(source):
    """The tree of an expression, as `return <source>` parses it."""
    (ret,) = stats('return ' + source)
    assert len(ret.exprs) == 1
    return ret.exprs[0]


def syntax_error(source, chunkname='=test'):
    with pytest.raises(LuaSyntaxError) as info:
        parse(source, chunkname)
    return str(info.value)


def walk(node):
    """Every node of a tree, depth first (LocalVars and UpvalDescs excluded)."""
    todo = [node]
    while todo:
        node = todo.pop()
        if isinstance(node, (list, tuple)):
            todo.extend(node)
        elif isinstance(node, ast.Node):
            yield node
            todo.extend(getattr(node, name) for name in type(node).__slots__
                        if name not in ('line', 'opline', 'lastline', 'upvals', 'params',
                                        'var', 'vars', 'name', 'op', 'value'))


# ---- expressions: precedence and associativity ------------------------------

@pytest.mark.parametrize('source, tree', [
    ('1 + 2 * 3', '(+ 1 (* 2 3))'),
    ('1 * 2 + 3', '(+ (* 1 2) 3)'),
    ('1 - 2 - 3', '(- (- 1 2) 3)'),
    ('1 / 2 / 3 % 4', '(% (/ (/ 1 2) 3) 4)'),
    ('a .. b .. c', '(.. a (.. b c))'),
    ('2 ^ 3 ^ 2', '(^ 2 (^ 3 2))'),
    ('-2 ^ 2', '(- (^ 2 2))'),
    ('2 ^ -2', '(^ 2 (- 2))'),
    ('-x ^ -y ^ z', '(- (^ x (- (^ y z))))'),
    ('2 ^ - - 2', '(^ 2 (- (- 2)))'),
    ('not a == b', '(== (not a) b)'),
    ('not not x', '(not (not x))'),
    ('#t * 2', '(* (# t) 2)'),
    ('-a * b', '(* (- a) b)'),
    ('-a .. b', '(.. (- a) b)'),
    ('#a ^ 2', '(# (^ a 2))'),
    ('a or b and c', '(or a (and b c))'),
    ('a and b or c and d', '(or (and a b) (and c d))'),
    ('a or b or c', '(or (or a b) c)'),
    ('a < b < c', '(< (< a b) c)'),
    ('a == b ~= c', '(~= (== a b) c)'),
    ('a <= b and b >= c', '(and (<= a b) (>= b c))'),
    ('a > b or a < b', '(or (> a b) (< a b))'),
    ('a .. b + c', '(.. a (+ b c))'),
    ('a + b .. c', '(.. (+ a b) c)'),
    ('a .. b == c', '(== (.. a b) c)'),
    ('a + b * c ^ d ^ e .. f', '(.. (+ a (* b (^ c (^ d e)))) f)'),
    ('1 + (2 + 3)', '(+ 1 (paren (+ 2 3)))'),
    ('(a .. b) .. c', '(.. (paren (.. a b)) c)'),
    ('(f())', '(paren (call f))'),
    ('(...)', '(paren ...)'),
    ('nil == false', '(== nil false)'),
    ('true', 'true'),
    ('"s" .. [[t]]', '(.. "s" "t")'),
])
def test_precedence(source, tree):
    assert sx(expr(source)) == tree


@pytest.mark.parametrize('source, tree', [
    ('a.b.c', '(index (index a "b") "c")'),
    ('a[b][1]', '(index (index a b) 1)'),
    ('a.b[c]:d(e)("f"){g}', '(call (call (method (index (index a "b") c) d e) "f") {g})'),
    ('f()', '(call f)'),
    ('f(1, 2, ...)', '(call f 1 2 ...)'),
    ('f"str"', '(call f "str")'),
    ('f[[long]]', '(call f "long")'),
    ('f{1}', '(call f {1})'),
    ('o:m()', '(method o m)'),
    ('o:m"x"', '(method o m "x")'),
    ('o:m{}', '(method o m {})'),
    ('f()()', '(call (call f))'),
    ('(f)()', '(call (paren f))'),
    ('("x"):rep(3)', '(method (paren "x") rep 3)'),
    ('{}', '{}'),
    ('{1, 2; 3,}', '{1, 2, 3}'),
    ('{x = 1, ["y"] = 2, [3] = 4, 5}', '{"x"=1, "y"=2, 3=4, 5}'),
    ('{f(), ...}', '{(call f), ...}'),
    ('{x}', '{x}'),
    ('{x, y = y}', '{x, "y"=y}'),
    ('{[x] = y; z}', '{x=y, z}'),
    ('function() end', '(function () [])'),
    ('function(a, b, ...) return a end', '(function (a b ...) [(return @a)])'),
    ('function(...) return ... end', '(function (...) [(return ...)])'),
])
def test_suffixes_tables_functions(source, tree):
    assert sx(expr(source)) == tree


def test_literal_values():
    assert expr('0x10').value == 16.0
    assert type(expr('1').value) is float
    assert expr('"a\\65\\u{e9}"').value == 'aA\xc3\xa9'


# ---- statements -------------------------------------------------------------

@pytest.mark.parametrize('source, tree', [
    ('local a', '(local (a) )'),
    ('local a, b = 1', '(local (a b) 1)'),
    ('local a = a', '(local (a) a)'),
    ('local function f() return f end', '(localfunction f (function () [(return ^f)]))'),
    ('a, b.c, d[1] = 1, 2, 3', '(set (a (index b "c") (index d 1)) 1 2 3)'),
    ('f(x)', '(call f x)'),
    ('a.b:c(1)', '(method (index a "b") c 1)'),
    ('do end', '(do [])'),
    ('do local x = 1; x = 2 end', '(do [(local (x) 1); (set (@x) 2)])'),
    ('while x do f() end', '(while x [(call f)])'),
    ('repeat local y = 1 until y', '(repeat [(local (y) 1)] @y)'),
    ('if a then b() end', '(if a [(call b)])'),
    ('if a then elseif b then else end', '(if a [] b [] else [])'),
    ('if a then x = 1 elseif b then x = 2 elseif c then x = 3 else x = 4 end',
     '(if a [(set (x) 1)] b [(set (x) 2)] c [(set (x) 3)] else [(set (x) 4)])'),
    ('for i = 1, 10 do f(i) end', '(fornum i 1 10 [(call f @i)])'),
    ('for i = i, 10, -1 do end', '(fornum i i 10 (- 1) [])'),
    ('for k, v in pairs(t) do f(k, v) end', '(forin (k v) (call pairs t) [(call f @k @v)])'),
    ('for k in next, t, nil do end', '(forin (k) next t nil [])'),
    ('return', '(return)'),
    ('return;', '(return)'),
    ('return 1, ...', '(return 1 ...)'),
    ('while 1 do break end', '(while 1 [break])'),
    ('function f() end', '(set (f) (function () []))'),
    ('function a.b.c() end', '(set ((index (index a "b") "c")) (function () []))'),
    ('function a.b:c(x) return self end',
     '(set ((index (index a "b") "c")) (function (self x) [(return @self)]))'),
    ('local x; function x() end', '(local (x) ); (set (@x) (function () []))'),
    ('goto continue; ::continue::', '(goto continue); (label continue)'),
    ('::a:: ::b:: goto a', '(label a); (label b); (goto a)'),
    ('goto = 1; goto.x = goto', '(set (goto) 1); (set ((index goto "x")) goto)'),
    ('f(1);;', None),
])
def test_statements(source, tree):
    if tree is None:
        with pytest.raises(LuaSyntaxError):
            chunk(source)
    else:
        assert '; '.join(sx(s) for s in stats(source)) == tree


def test_main_function():
    main = parse('local x = ...\nreturn x\n\n', '=t')
    assert (main.line, main.params, main.is_vararg, main.upvals) == (0, [], True, [])
    assert main.lastline == 4
    assert parse('', '=t').lastline == 1
    assert parse('x = 1', '=t').lastline == 1


def test_shebang():
    assert sx(parse('#!/usr/bin/lua\nreturn 1', '=t', skip_shebang=True).body) == '[(return 1)]'
    ret = parse('#!/usr/bin/lua\n\nreturn 1', '=t', skip_shebang=True).body.stats[0]
    assert ret.line == 3
    assert parse('# only', '=t', skip_shebang=True).body.stats == []
    assert syntax_error('#!/usr/bin/lua\nreturn 1') == "test:1: unexpected symbol near '#'"
    assert sx(parse('return 1', '=t', skip_shebang=True).body) == '[(return 1)]'


# ---- name resolution --------------------------------------------------------

def test_locals_shadowing_and_scopes():
    body = stats('local x = 1\nlocal x = x\ndo local x = 2 end\nreturn x')
    first, second, block, ret = body
    assert second.exprs[0].var is first.vars[0]        # the RHS sees the older x
    assert ret.exprs[0].var is second.vars[0]          # the do-block's x ended
    assert block.body.stats[0].vars[0] is not second.vars[0]
    assert sx(stats('do local y end return y')[1]) == '(return y)'


def test_loop_variable_scopes():
    loop, after = stats('for i = 1, 2 do local j = i end return i, j')
    assert loop.body.stats[0].exprs[0].var is loop.var
    assert sx(after) == '(return i j)'
    loop, _ = stats('for k, v in k, v do end return k')
    assert sx(loop.exprs) == 'k v'


def test_repeat_condition_sees_body_locals():
    (loop,) = stats('repeat local done = f() until done')
    assert loop.cond.var is loop.body.stats[0].vars[0]
    (loop,) = stats('repeat do local d end until d')
    assert sx(loop.cond) == 'd'


def test_local_function_sees_itself_but_local_does_not():
    local_function, local_assign = stats(
        'local function f() return f end\nlocal g = function() return g end')
    inner = local_function.func
    assert sx(inner.body) == '[(return ^f)]'
    assert inner.upvals[0].var is local_function.var and local_function.var.captured
    assert sx(local_assign.exprs[0].func.body) == '[(return g)]'


def test_upvalues_in_order_of_first_use():
    body = stats('local a, b, c = 1, 2, 3\n'
                 'function f() return c, a, c, b end')
    decl, assign = body
    func = assign.exprs[0].func
    assert [(u.name, u.instack, u.var) for u in func.upvals] == [
        ('c', True, decl.vars[2]), ('a', True, decl.vars[0]), ('b', True, decl.vars[1])]
    ret = func.body.stats[0]
    assert [(e.index, e.name) for e in ret.exprs] == [(0, 'c'), (1, 'a'), (0, 'c'), (2, 'b')]
    assert all(v.captured for v in decl.vars)


def test_upvalues_through_intermediate_functions():
    decl, outer = stats('local x, y\n'
                        'local function outer()\n'
                        '  local z\n'
                        '  return function() return y, z, x end\n'
                        'end')
    x, y = decl.vars
    middle = outer.func
    inner = middle.body.stats[1].exprs[0].func
    z = middle.body.stats[0].vars[0]
    # the middle function gets y and x from the chunk's locals, in first-use order
    assert [(u.name, u.instack, u.var) for u in middle.upvals] == [('y', True, y), ('x', True, x)]
    assert [(u.name, u.instack, u.var, u.index) for u in inner.upvals] == [
        ('y', False, None, 0), ('z', True, z, None), ('x', False, None, 1)]
    assert x.captured and y.captured and z.captured
    assert not outer.var.captured


def test_captured_only_when_used_by_an_inner_function():
    decl, func, _ = stats('local a, b\nlocal function f() return a end\nb = 1')
    assert decl.vars[0].captured and not decl.vars[1].captured
    assert not func.var.captured


def test_parameters_and_self():
    (assign,) = stats('function t:m(a, ...) return self, a, ... end')
    func = assign.exprs[0].func
    assert [p.name for p in func.params] == ['self', 'a'] and func.is_vararg
    ret = func.body.stats[0]
    assert ret.exprs[0].var is func.params[0] and ret.exprs[1].var is func.params[1]


def test_method_self_is_a_local_of_the_method_only():
    (assign,) = stats('function t:m() return function() return self end end')
    inner = assign.exprs[0].func.body.stats[0].exprs[0].func
    assert inner.upvals[0].name == 'self' and inner.upvals[0].instack
    assert sx(stats('function t:m() end return self')[1]) == '(return self)'


def test_vararg_is_not_arg_table():
    # LuaJIT has no implicit `arg` local in vararg functions (Lua 5.1 does)
    (ret,) = expr('function(...) return arg end').func.body.stats
    assert sx(ret) == '(return arg)'


def test_every_name_use_is_resolved():
    tree = chunk('local a = 1\nfunction g(b) local c = a + b + d; return function() '
                 'return a, b, c, d end end')
    kinds = {type(n) for n in walk(tree)}
    assert {ast.Local, ast.Upval, ast.Global} <= kinds


# ---- lines ------------------------------------------------------------------

def test_statement_and_expression_lines():
    body = stats('local a =\n  1 +\n  2\n\nf(\n a)\nx.y\n.z = 3')
    local, call, assign = body
    binop = local.exprs[0]
    assert (local.line, binop.line, binop.opline, binop.right.line) == (1, 2, 2, 3)
    assert (call.line, call.call.line, call.call.opline, call.call.args[0].line) == (5, 5, 5, 6)
    target = assign.targets[0]
    assert (assign.line, target.line, target.closeline, target.key.line) == (7, 7, 8, 8)
    assert target.obj.closeline == 7


def test_call_and_index_lines():
    (ret,) = stats('return a\n[1\n]\n:m\n"s"')
    method = ret.exprs[0]
    assert (method.line, method.nameline, method.opline, method.closeline) == (1, 4, 5, 5)
    assert method.obj.closeline == 3
    (ret,) = stats('return (\na\n)(1,\n2\n)')
    call = ret.exprs[0]
    assert (call.func.closeline, call.opline, call.closeline, call.args.seplines) == \
        (3, 3, 5, [3])
    (ret,) = stats('return f\n{\n}')
    assert (ret.exprs[0].opline, ret.exprs[0].args[0].line, ret.exprs[0].args[0].lastline) == \
        (2, 2, 3)


def test_function_lines():
    # linedefined as Lua 5.1 records it: the 'function' keyword of a statement,
    # otherwise the token after 'function' (and after the name of a local function)
    body = stats('function f()\nend\n'
                 'x = function\n\n()\n\nend\n'
                 'local function\ng\n\n() end')
    f = body[0].exprs[0].func
    x = body[1].exprs[0]
    g = body[2].func
    assert (f.line, f.lastline) == (1, 2)
    assert (x.line, x.func.line, x.func.lastline) == (3, 5, 7)
    assert (body[2].line, g.line, g.lastline) == (8, 11, 11)


def test_table_lastline_and_unop_line():
    (ret,) = stats('return {\n1,\n2\n}, -\nx')
    table, neg = ret.exprs
    assert (table.line, table.lastline) == (1, 4)
    assert (neg.line, neg.operand.line) == (4, 5)


def test_local_variable_lines():
    local, loop = stats('local a,\nb = 1\nfor i\n= 1, 2 do end')
    assert [v.line for v in local.vars] == [1, 2]
    assert loop.var.line == 3


def test_block_and_statement_lines():
    (loop,) = stats('while x\ndo\n\n  f()\nend')
    assert (loop.line, loop.body.line, loop.body.stats[0].line) == (1, 4, 4)
    (iff,) = stats('if a then\nb()\nelseif c then\nd()\nelse\ne()\nend')
    assert [b.line for _, b in iff.clauses] + [iff.orelse.line] == [2, 4, 6]


def test_every_node_has_a_line():
    tree = chunk('local t = {1, x = 2, [3] = 4}\nfor i = 1, #t do t[i] = -t[i] .. "x" end\n'
                 'for k, v in pairs(t) do if k then break elseif v then f(...) end end\n'
                 'repeat local a = function(...) return ... end until a:m()\n'
                 'goto l; do end ::l:: while nil do local function g() return g end end')
    for node in walk(tree):
        assert isinstance(node.line, int) and node.line >= 0, node


# ---- syntax errors captured from the references -----------------------------

def load_cases():
    with open(os.path.join(HERE, 'syntax_errors.txt')) as f:
        return [json.loads(line) for line in f]


CASES = load_cases()


# The references ran loadstring in a main chunk that lua.c runs: two C calls
# active (its lua_cpcall and its lua_pcall of the chunk).
LOADSTRING_CCALLS = 2


@pytest.mark.parametrize('case', CASES, ids=[f"{c['ref']}-{i}" for i, c in enumerate(CASES)])
def test_reference_messages(case):
    source = case['source']
    chunkname = source if case['chunkname'] is None else case['chunkname']
    if case['error'] is None:
        parse(source, chunkname, ccalls=LOADSTRING_CCALLS)
    else:
        with pytest.raises(LuaSyntaxError) as info:
            parse(source, chunkname, ccalls=LOADSTRING_CCALLS)
        assert str(info.value) == case['error']
        assert info.value.value == case['error']


def test_the_case_table_is_large():
    assert len(CASES) > 400
    assert sum(c['error'] is not None for c in CASES) > 300
    assert {c['ref'] for c in CASES} == {'lua5.1', 'luajit'}


# ---- deep nesting -----------------------------------------------------------

def nested(opening, middle, closing, n):
    return opening * n + middle + closing * n


# What lua5.1 says past 200 levels, whatever the depth (syntax_errors.txt has
# it for 300 levels of each construct; 100000 must not hit Python's limit).
LEVELS_MESSAGE = ':1: chunk has too many syntax levels'


@pytest.mark.parametrize('source', [
    'x = ' + nested('(', '1', ')', 100000),
    nested('do ', '', ' end', 100000),
    nested('x = function() ', '', ' end', 100000),
    'x = ' + nested('{', '', '}', 100000),
    'x = ' + '- ' * 100000 + 'a',
    'x = ' + 'a .. ' * 100000 + 'a',
    'x = f' + nested('(f', '', ')', 100000),
    nested('if x then ', '', ' end', 100000),
    nested('repeat ', '', ' until x', 100000),
    'x = ' + '(' * 100000,
], ids=lambda source: source[:12])
def test_very_deep_nesting_gives_luas_error(source):
    assert syntax_error(source, '=deep') == 'deep' + LEVELS_MESSAGE


def test_levels_limit_exactly():
    # lua5.1 running a script: 197 parentheses in an assignment pass, 198 fail
    parse('x = ' + nested('(', '1', ')', 197), '=t')
    assert syntax_error('x = ' + nested('(', '1', ')', 198), '=t') == 't' + LEVELS_MESSAGE
    parse(nested('do ', '', ' end', 198), '=t')
    assert syntax_error(nested('do ', '', ' end', 199), '=t') == 't' + LEVELS_MESSAGE


def test_levels_start_from_the_active_c_calls():
    # loadstring in that script: one C call more, one level less
    parse('x = ' + nested('(', '1', ')', 196), '=t', ccalls=LOADSTRING_CCALLS)
    with pytest.raises(LuaSyntaxError, match='too many syntax levels'):
        parse('x = ' + nested('(', '1', ')', 197), '=t', ccalls=LOADSTRING_CCALLS)


def stack_depth():
    frame = sys._getframe()
    depth = 0
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth


@pytest.mark.parametrize('source', [
    'x = ' + nested('(', '1', ')', 196),
    nested('do ', '', ' end', 197),
    nested('if x then ', '', ' end', 197),
    nested('while x do ', '', ' end', 197),
    nested('repeat ', '', ' until x', 197),
    nested('local function f() ', '', ' end', 197),
    nested('x = function() ', '', ' end', 98),
    nested('f(function() ', '', ' end)', 98),
    'x = ' + nested('{', '', '}', 197),
    'x = ' + nested('{x = ', '1', '}', 196),
    'x = ' + nested('{[', '1', '] = 1}', 196),
    'x = f' + nested('(f', '', ')', 196),
    'x = f' + nested(':m(f', '', ')', 196),
    'x = a' + nested('[a', '', ']', 196),
    'x = ' + 'a .. ' * 196 + 'a',
    'x = ' + 'not ' * 196 + 'a',
], ids=lambda source: source[:12])
def test_python_frames_per_syntax_level(source):
    """The deepest valid programs parse with at most 5 Python frames per level."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(stack_depth() + 5 * 200 + 40)
    try:
        parse(source, '=t')
    finally:
        sys.setrecursionlimit(limit)


def memory_error(source):
    """The message of the runtime (not syntax) error lua5.1's memory manager
    raises while parsing source."""
    with pytest.raises(LuaError) as info:
        parse(source, '=t')
    assert not isinstance(info.value, LuaSyntaxError)
    return str(info.value)


def test_too_many_local_variables_in_one_function():
    # lua5.1 (under pcall): more than 32767 locals in one function, hidden
    # for-loop slots included, fail with this message and no position
    block = 'do local a, b, c, d, e, f, g, h end\n'
    assert memory_error(block * 4096) == 'too many local variables'
    parse(block * 4095 + 'do local a, b, c, d, e, f, g end', '=t')
    parse(block * 4095 + 'function f(a) local b, c, d, e, f, g, h, i end local x, y', '=t')
    assert memory_error('local x\n' + 'for i = 1, 2 do end\n' * 8192) == 'too many local variables'
    assert memory_error('for i = 1, 2 do end\n' * 8192) == 'too many local variables'


# ---- goto and labels (LuaJIT) -----------------------------------------------

def test_continue_pattern():
    parse('for i = 1, 3 do\n  if i == 2 then goto continue end\n  local x = i\n'
          '  ::continue::\nend', '=t')
    parse('while true do\n  goto continue\n  local a = 1\n  ::continue::\nend', '=t')


def test_goto_errors():
    assert syntax_error('goto nowhere') == "test:1: undefined label 'nowhere'"
    assert syntax_error('do\n  goto x\n  local y\n  ::x::\n  print(y)\nend') == \
        "test:2: <goto x> jumps into the scope of local 'y'"
    assert syntax_error('::a::\n::a::') == "test:2: duplicate label 'a'"
    assert syntax_error('repeat goto x; local a; ::x:: until a') == \
        "test:1: <goto x> jumps into the scope of local 'a'"


def test_no_loop_to_break():
    assert syntax_error('if x then break end') == "test:1: no loop to break near 'end'"
    assert syntax_error('while x do local f = function() break end end') == \
        "test:1: no loop to break near 'end'"
