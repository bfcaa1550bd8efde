"""The lines of runtime errors in statements spread over several lines.

Each template is a statement that fails at run time, written with one space
between tokens; a variant puts a line break (or a comment and a break) at
random spaces. Every variant is loaded with loadstring(code, "=c") and run
under pcall, and one line prints the error message with its line, or the
syntax error a line break can cause (`ambiguous syntax`). lua5.1 is the
reference.

    python3 tests/fuzz/lines.py --seed 1 --count 2000      compare with lua5.1
    python3 tests/fuzz/lines.py --program N > FILE.lua     N variants as one program
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

TEMPLATES = [
    'local t = { } local x = t . a . b',
    'local t = { } t . a . b = 1',
    'local x local y = x + 1',
    'local y = 1 + { }',
    'local y = - { }',
    'local y = # nil',
    'local y = "a" .. { }',
    'local y = 1 .. 2 .. { } .. 3',
    'local y = 1 < "x"',
    'local y = { } <= { }',
    'undefinedf ( 1 , 2 )',
    'local t = { } t : m ( 1 )',
    'local t = { } t . f { 1 }',
    'local t = { } t . f "x"',
    'return undefinedf ( 1 )',
    'return 1 , undefinedf ( 1 )',
    'for i = nil , 2 do end',
    'for i = 1 , { } do end',
    'for i = 1 , 2 , "x" do end',
    'for i = 1 , 2 do local x = i + { } end',
    'for k , v in 3 do end',
    'for k , v in pairs ( nil ) do end',
    'for k in next , 3 do end',
    'for k , v in next , { 1 } do local y = v . x . y end',
    'for k , v in function ( ) return 1 end do local y = k + { } end',
    'local x = { 1 , 2 , a . b }',
    'local x = { f = 1 , [ a ] = 2 }',
    'local x = ( a ) . b',
    'local function f ( ) return nil + 1 end f ( )',
    'while a . b do end',
    'if a . b then end',
    'if a then elseif b . c then end',
    'repeat local x = 1 until a . b',
    'local x = a and a . b or c . d',
    'x = a . b . c',
    'a . b , c = 1 , 2',
    'local x , y = a . b , c . d',
    'local x = ( a ) ( )',
    'local x = 2 ^ { }',
    'local x = 1 == 1 and { } + 1',
    'error ( "msg" )',
    'error ( "msg" , 2 )',
    'local t = setmetatable ( { } , { __index = function ( ) error ( "x" , 2 ) end } ) '
    'local y = t . z',
    'local x = ... + 1',
    'return 1 + a',
    'local t = { } t [ a ] = 1',
    'local y = "x" + 1',
    'local x = not a . b',
    'local x = ( "x" ) : bad ( )',
    'local x = a [ 1 ] [ 2 ]',
    'local x = a . b : c ( )',
    'local t = { } local x = t . f ( t . g ( ) )',
    'local u = { } local function f ( ) return u . a . b end f ( )',
    'local s = "x" local y = s : rep ( ) . z',
    'local x = { } .. "a"',
    'local x = - - - { }',
    'local t = { } t . x = t . y . z',
    'local t = { } return t . a ( 1 , 2 )',
    'local x = 1 local y = x ( )',
    'local t = { { } } local x = t [ 1 ] [ 2 ] [ 3 ]',
    'do local a = { } a . b . c = 1 end',
    'local f = function ( ... ) return ... + 1 end f ( )',
    'local t = { } t . a , t . b . c = 1 , 2',
    'local t = { } for i = 1 , t . n do end',
    'local t = { } for i = t . a , 1 do end',
    'local a , b = 1 while true do a = a + b end',
    'local x = ( a ) + 1',
    'local x = 1 + ( a . b )',
    'local x = ( a . b )',
    'local t = { } local x = t : m ( 1 , 2 )',
    'local t = { } local x = t . a : m ( )',
    'local t = { m = 1 } local x = t : m ( )',
    'local t = { } t . a : m { 1 }',
    'local x = { a . b , 2 }',
    'local x = { 1 , a . b ; 3 }',
    'local x = { [ a . b ] = 1 }',
    'local x = { k = a . b }',
    'local x = { [ 1 + a ] = 1 }',
    'local x = { f ( ) , 1 }',
    'local x = { ( f ( ) ) }',
    'return ( a . b )',
    'return a . b , 2',
    'return { } + 1 , 2',
    'local x = f ( a . b , 1 )',
    'local t = { } local x = t . f ( 1 , a . b )',
    'print ( 1 , a . b )',
    'local a = { } a [ b . c ] = 1',
    'local a = { } a [ 1 ] [ 2 ] = 1',
    'local x = a .. "x"',
    'local x = "x" .. a',
    'local x = { } local y = x .. "a" .. "b"',
    'local x = nil and 1 or { } + 1',
    'local x = not nil + 1',
    'local x = a == b . c',
    'local x = 1 < a',
    'local x = - a',
    'local x = # a',
    'if a . b . c then end',
    'while a < 1 do end',
    'repeat until a . b < 1',
    'local x = function ( ) end + 1',
    'local x = ... . a',
    'local x = { ... } [ 1 ] . a',
    'local f = function ( ) end local x = f ( ) . a',
    'local s = "x" local x = s . y . z',
    'local s = "x" local x = #s + s . y',
    'local t = setmetatable ( { } , { __add = function ( ) error ( "e" , 2 ) end } ) '
    'local x = t + 1',
    'local t = setmetatable ( { } , { __call = function ( ) error ( "e" , 2 ) end } ) '
    'local x = t ( 1 , 2 )',
    'local t = setmetatable ( { } , { __newindex = function ( ) error ( "e" , 2 ) end } ) '
    't . x = 1',
    'local t = setmetatable ( { } , { __concat = function ( ) error ( "e" , 2 ) end } ) '
    'local x = "a" .. t',
    'local t = setmetatable ( { } , { __lt = function ( ) error ( "e" , 2 ) end } ) '
    'local x = t < t',
    'local t = setmetatable ( { } , { __unm = function ( ) error ( "e" , 2 ) end } ) '
    'local x = - t',
    'local t = setmetatable ( { } , { __len = function ( ) error ( "e" , 2 ) end } ) '
    'local x = # t',
    'local t = setmetatable ( { } , { __eq = function ( ) error ( "e" , 2 ) end } ) '
    'local x = t == { }',
    'for k , v in next , { } , a . b do end',
    'for i = 1 , 2 do for j = a , 1 do end end',
    'local x , y = 1 local z = x + y',
    'local function f ( ... ) local a , b = ... return a + b end f ( 1 )',
]


def variant(rng, template):
    """The template with some of its spaces turned into line breaks."""
    p = rng.choice((0.1, 0.3, 0.6, 1.0))
    parts = template.split(' ')
    out = [parts[0]]
    for tok in parts[1:]:
        k = rng.random()
        if k < p:
            out.append(rng.choice(('\n', '\n', '\n\n', ' -- c\n', '\n--[[x\n]] ')))
        else:
            out.append(' ')
        out.append(tok)
    return ''.join(out)


def lua_quote(s):
    return '"%s"' % s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')


def program(seed, count):
    """A Lua program running `count` variants (chosen by seed), one line of output each."""
    head = ['-- generated by tests/fuzz/lines.py --seed %d --program %d' % (seed, count),
            'local function run(code)',
            '  local f, msg = loadstring(code, "=c")',
            '  if not f then return "syntax", msg end',
            '  return pcall(f)',
            'end']
    return '\n'.join(head + [case for _, case in cases(seed, count)]) + '\n'


def cases(seed, count):
    """(template, Lua line) of `count` variants: every template first, then at random."""
    rng = random.Random(seed)
    for i in range(count):
        template = TEMPLATES[i] if i < len(TEMPLATES) else rng.choice(TEMPLATES)
        code = variant(rng, template)
        yield template, 'print(%d, run(%s))' % (i, lua_quote(code))


def run(engine, text):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'lines.lua')
        with open(path, 'w') as f:
            f.write(text)
        p = subprocess.run(engine + [path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           cwd=ROOT)
        return p.stdout.decode('latin-1')


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=500)
    ap.add_argument('--program', type=int, metavar='N')
    ap.add_argument('-v', '--verbose', action='store_true')
    args = ap.parse_args(argv)
    if args.program:
        sys.stdout.write(program(args.seed, args.program))
        return 0
    text = program(args.seed, args.count)
    want = run(['lua5.1'], text).splitlines()
    got = run([sys.executable, '-m', 'moonpatch'], text).splitlines()
    bad = 0
    by_template = {}
    for (template, case), a, b in zip(cases(args.seed, args.count), want, got):
        if a != b:
            bad += 1
            by_template[template] = by_template.get(template, 0) + 1
            if args.verbose:
                print('case %s\n  lua5.1:    %s\n  moonpatch: %s' % (case, a, b))
    for template, n in sorted(by_template.items(), key=lambda kv: -kv[1]):
        print('%4d  %s' % (n, template))
    if len(want) != len(got):
        print('lua5.1 printed %d lines, moonpatch %d' % (len(want), len(got)))
        bad += 1
    print('%d variants, %d differ' % (args.count, bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
