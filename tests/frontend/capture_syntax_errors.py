"""Regenerate syntax_errors.txt and literal_values.txt from the reference Luas.

    python3 tests/frontend/capture_syntax_errors.py

Each case runs through `lua5.1` or `luajit` (LuaJIT-only syntax): loadstring's
error message for a chunk, or the value of `return <literal>`. The outputs are
written beside this file as JSON lines and the tests compare the parser with
them, so the tests never need the reference binaries.
"""

import json
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# Reads framed cases on stdin, writes framed results. Run as a script file so
# loadstring sees the same C-call depth as any Lua code calling load.
DRIVER = r'''
local data = io.read('*a')
local pos, out = 1, {}
while pos <= #data do
  local kind, clen, slen, body = data:match('^(%a) (%-?%d+) (%d+)\n()', pos)
  clen, slen = tonumber(clen), tonumber(slen)
  local chunkname
  if clen >= 0 then chunkname = data:sub(body, body + clen - 1) else clen = 0 end
  local src = data:sub(body + clen, body + clen + slen - 1)
  pos = body + clen + slen
  local res
  if kind == 'E' then
    local f, err = loadstring(src, chunkname)
    res = f and 'OK' or 'ERR:' .. err
  else
    local f, err = loadstring('return ' .. src)
    if not f then res = 'ERR:' .. err
    else
      local v = f()
      if type(v) == 'number' then res = 'NUM:' .. string.format('%.17g', v)
      else res = 'STR:' .. v:gsub('.', function(c) return string.format('%02x', c:byte()) end) end
    end
  end
  out[#out + 1] = #res .. '\n' .. res
end
io.write(table.concat(out))
'''


def run_reference(binary, cases):
    """cases: list of (kind, chunkname or None, source); return result strings."""
    frames = []
    for kind, chunkname, source in cases:
        name = b'' if chunkname is None else chunkname.encode('latin-1')
        src = source.encode('latin-1')
        frames.append(b'%s %d %d\n' % (kind.encode(), -1 if chunkname is None else len(name),
                                        len(src)) + name + src)
    with tempfile.NamedTemporaryFile('w', suffix='.lua', delete=False) as f:
        f.write(DRIVER)
    try:
        out = subprocess.run([binary, f.name], input=b''.join(frames), stdout=subprocess.PIPE,
                             check=True).stdout
    finally:
        os.unlink(f.name)
    results = []
    pos = 0
    while pos < len(out):
        newline = out.index(b'\n', pos)
        length = int(out[pos:newline])
        results.append(out[newline + 1:newline + 1 + length].decode('latin-1'))
        pos = newline + 1 + length
    assert len(results) == len(cases)
    return results


# ---- cases ------------------------------------------------------------------

def nested(opening, middle, closing, n):
    return opening * n + middle + closing * n


def many_locals(n, per_statement=1):
    names = [f'a{i}' for i in range(n)]
    return '\n'.join('local ' + ', '.join(names[i:i + per_statement])
                     for i in range(0, n, per_statement))


def upvalue_function(n, line_offset=0):
    decls = '\n' * line_offset + many_locals(n, 10)
    uses = ', '.join(f'a{i}' for i in range(n))
    return decls + '\nfunction f()\n  return ' + uses + '\nend'


# (reference, chunkname, source): a chunkname None means loadstring(src), whose
# name is the source itself. LuaJIT cases use '=input', since LuaJIT shortens
# long chunk names differently from lua5.1.
LUA51 = [
    # unexpected symbols and token texts
    'x = = 1', '= 1', 'x = )', 'x = }', 'x = ]', ')', '1 = x', 'x = 1 +', 'x = not',
    'x = #', 'x = -', 'local x = ;', 'f(,)', 'x = a..', 'x = 1 2', 'x = @', 'x = $',
    'x = !', 'x = \1', 'x = \0', '\0', 'x = \x7f', 'x = ~', 'x = \\', 'x = ?', 'x = `',
    'x = 1 "abc"', "x = 1 'abc'", 'x = 1 [[abc]]', 'x = 1 [==[a\nb]==]', 'x = 1 0x10',
    'x = 1 1e5', 'x = 1 foo', 'x = 1 end', 'x = 1 ...', 'x = 1 ..', 'x = a.b.c..',
    '"a":upper()', 'x = "a":upper()', 'x = {;}', 'x = {,}', 'x = {1,,2}', 'x = {1;;2}',
    'return return', 'return 1;;', 'x = 1;;', ';', 'f() x', 'x = 1 + + 2',
    'x = a.1', 'x = a:', 'x = a:b', 'x = a:b.c', 'a:b = 1', 'a.b:c = 1', 'x = (1',
    'x = (\n1', 'x = 3e2.5', 'x = "a\\tb" y', 'x = "a\\65" y', 'local t = {[1] 2}',
    # 'x' expected, with and without a line to close
    'if x end', 'if x then', 'if x then else elseif end', 'if x then elseif end',
    'while x end', 'while x do', 'for i = 1 do end', 'for i = 1, 2 end',
    'for i in x end', 'for a, b = 1, 2 do end', 'for x do end', 'for x.y = 1, 2 do end',
    'for 1 = 1, 2 do end', 'repeat x = 1', 'repeat until', 'function f( end',
    'function f() ', 'function (x) end', 'local function (x) end', 'local', 'local 1',
    'local x,', 'local x, = 2', 'local 1 = 2', 'local function', 'local function f',
    'local function 1() end', 'local function f.a() end', 'function', 'function f',
    'function f.', 'function f:', 'function f:g.h() end', 'function a.b.c:d.e() end',
    'function f(a b) end', 'function f(a,...,b) end', 'function f(..., a) end',
    'function f(1) end', 'function f(a,) end', 'x = {1 2}', 'x = {\n1 2}', 'x = a[1',
    'x = a[1 2]', 'x = f(1 2)', 'x = f(\n1 2)',
    'do\n\nx = 1', 'if x then\n', 'function f()\n  if x then\n end', 'x = {\n1,\n2',
    'f(\n1,\n2', 'while x do\n', 'for i=1,2 do\n', 'for k in pairs(t) do\n',
    'repeat\n', 'x = function()\nreturn 1', 'x = function\n()\nreturn 1',
    'local function f\n()\n', 'function a.b:c()\n\n', 'do end end', 'end', 'until x',
    'else', 'elseif', 'return 1 end', 'x = function() end end',
    # statements that must be last
    'return 1 x = 2', 'return; x = 1', 'while 1 do break x = 1 end', 'break',
    'do break end', 'if x then break end', 'function f() break end',
    'while true do local function f() break end end', 'repeat local x until x break',
    # assignments
    'x', 'x.y', 'x[1]', '(x)', '(x) = 1', 'f() = 1', 'x, f() = 1', 'x, (y) = 1, 2',
    'x, y', 'x, y = ', 'x = ', 'x.y.z', 'a, b.c, d[1]',
    # ambiguous syntax
    'x = f\n(g)', 'f\n(g)', 'local x = f\n(1)', 'a.b\n(1)', 'f()\n(g)()', 'x = a:b\n(1)',
    # vararg
    'function f() return ... end', 'function f(a) local t = {...} end',
    'x = function() return ... end', 'function f(...) return function() return ... end end',
    # line numbers and line endings
    'x = 1\ny = 2\nz = = 3', 'x = 1\r\ny = = 2', 'x = 1\n\ry = = 2', 'x = 1\ry = = 2',
    'x = 1\r\r\ny = = 2', 'x = 1\n\n\r\ry = = 2', 'x = [[\na\nb\n]] = 2', 'x = [[a\r\nb]] +',
    '--[[\n\n]] x = = 1', '-- comment\n--[==[ a ]] ]=] \n]==] x = = 1', 'x = "a\\\nb" +',
    'x = "a\\\r\nb" +', 'x = "a\\\n\rb" +', 'x = "a\\\r\rb" +', '--\n\n\nx = = 1',
    'x = 1 --[[ unfinished', '#!/bin/lua\nx = = 1',
    # lexer errors
    'x = "abc', "x = 'abc", 'x = "abc\ny"', 'x = "abc\\', 'x = "a\\\nb', 'x = "abc\r"',
    'x = "a\\tb\ny"', 'x = [[abc', 'x = [==[abc]]', 'x = [[\n\n\nabc', 'x = [=[abc]=',
    '--[[ abc', '--[==[\n\n]]', 'x = [==x', 'x = [=', 'x = [=\n', 'x = "\\256"',
    'x = "abc\\300"', 'x = "\\999"', 'x = "a\\2560"', 'x = 3x', 'x = 1e', 'x = 1e+',
    'x = 0x', 'x = 1..2', 'x = 1.2.3', 'x = 0xg', 'x = 1_000', 'x = 0x1p', 'x = .5e',
    'x = 1e5e-3', 'x = 0x.p1', 'x = 0b102', 'x = 0b', 'x = 0b1.1', 'x = 08x',
    'x = 00x1', 'x = 0x1P+', 'x = 0x1.2.3', "x = '\0abc\n'", 'x = 9[[,\0]]1',
    'x = "a\\0b\\300"', 'f"abc', 'f[[abc', 'x = = "abc', 'x = {a "abc',
    # accepted
    'x = 1', 't = {f\n(x)}', 'f\n"str"', 'f\n{1}', 'return', 'return;', 'return 1;',
    'do return end x = 1', 'x = 3e2..5', 'x = 0x10..1', 'local a <const> = 1',
    'x = 1 -- comment', 'x = -2^-2', 'a, b.c, d[1] = 1, 2, 3', 'f{...}', 'f"x" "y" [[z]]',
    'local function f(...) local a, b = ... return select("#", ...) end',
    'for i = 1, 2 do local x = i end', 'for k, v in next, t do end',
    'repeat local x = 1 until x == 1', 'if a then elseif b then else end',
    'while false do break end', 'x = {1, 2; 3, [4] = 4, y = 5,}', 'x = #t + -1 * not 2',
    'a.b.c:d "s"', '#!/bin/lua\nx = 1', '  ', '', '--', '--[[]]', '--[==[ ]] ]==]',
]
# (chunkname, source) cases for lua5.1 that need a chunkname
LUA51_NAMED = [
    ('=stdin', 'x = = 1'), ('@file.lua', 'x = = 1'), ('@' + 'a' * 100 + '.lua', 'x = = 1'),
    ('@' + 'a' * 72, 'x = = 1'), ('@' + 'a' * 73, 'x = = 1'), ('=' + 'b' * 100, 'x = = 1'),
    ('=' + 'b' * 79, 'x = = 1'), ('c' * 63, 'x = = 1'), ('c' * 64, 'x = = 1'),
    ('c' * 62 + '\n', 'x = = 1'), ('ab\rcd', 'x = = 1'), ('', 'x = = 1'), ('@', 'x = = 1'),
    ('=', 'x = = 1'), ('=input', 'x = "abc'), ('@x.lua', 'goto = 1 x'),
]
LIMITS = [
    many_locals(200), many_locals(201), many_locals(201, 7), many_locals(250, 50),
    'local ' + ', '.join(f'a{i}' for i in range(201)) + ' = 1',
    'function f()\n' + many_locals(201) + '\nend',
    '\n\nx = function()\n' + many_locals(199) + '\nlocal function g() end end',
    'local function f(' + ', '.join(f'a{i}' for i in range(200)) + ') end',
    'local function f(' + ', '.join(f'a{i}' for i in range(201)) + ') end',
    'function t:f(' + ', '.join(f'a{i}' for i in range(200)) + ') end',
    many_locals(196) + '\nfor i = 1, 2 do end',
    many_locals(197) + '\nfor i = 1, 2 do end',
    many_locals(196) + '\nfor k, v in pairs(t) do end',
    many_locals(195) + '\nfor a, b, c in pairs(t) do end',
    many_locals(199) + '\nlocal function f() end',
    many_locals(200) + '\nlocal function f() end',
    nested('for i = 1, 2 do ', '', ' end', 50), nested('for i = 1, 2 do ', '', ' end', 51),
    upvalue_function(60), upvalue_function(61), upvalue_function(70, 3),
    'local a, b\nfunction f()\n' + many_locals(200) + '\nend',
    ', '.join(['a'] * 198) + ' = 1', ', '.join(['a'] * 199) + ' = 1',
    'do ' + ', '.join(['a'] * 197) + ' = 1 end', 'do ' + ', '.join(['a'] * 198) + ' = 1 end',
]
for n in (196, 197, 300):
    LIMITS.append(nested('(', 'x', ')', n) + '()')
    LIMITS.append('x = ' + nested('(', '1', ')', n))
for n in (197, 198, 300):
    LIMITS += [nested('do ', '', ' end', n), nested('if x then ', '', ' end', n),
               nested('while x do ', '', ' end', n), nested('repeat ', '', ' until x', n),
               'x = ' + nested('{', '', '}', n), 'x = ' + nested('{x = ', '1', '}', n),
               'x = ' + nested('{[', '1', '] = 1}', n),
               nested('local function f() ', '', ' end', n)]
for n in (98, 99, 300):
    LIMITS.append(nested('x = function() ', '', ' end', n))
    LIMITS.append(nested('f(function() ', '', ' end)', n))
for n in (196, 197, 300):
    LIMITS += ['x = ' + 'a .. ' * n + 'a', 'x = ' + 'a ^ ' * n + 'a', 'x = ' + '- ' * n + 'a',
               'x = ' + 'not ' * n + 'a', 'x = a' + nested('[a', '', ']', n),
               'x = f' + nested('(f', '', ')', n), 'x = ' + '#' * n + 'a']
LIMITS += ['x = ' + 'a + ' * 1000 + 'a', 'x = ' + 'a .. ' * 150 + 'a' + ' + a' * 150,
           'x = ' + nested('(', '1', ')\n', 300), 'x = ' + nested('(\n', '1', ')', 300),
           nested('do\n', '', '\nend', 300)]

LUAJIT = [
    'goto x', 'do goto x end', 'goto x; local a; ::x:: print(a)', 'goto x; local a; ::x::',
    'do goto x; local a; ::x:: end', '::x:: ::x::', '::x:: do ::x:: end',
    'do ::x:: end ::x::', 'goto x do ::x:: end', 'repeat goto x; local a; ::x:: until a',
    'while true do goto continue; local a = 1; ::continue:: end',
    'goto x; local a; ::x:: ::y::', 'goto x; local a; ::x:: ;',
    'goto x; local a; ::x:: return', 'local function f() goto x end ::x::',
    '::x:: local function f() goto x end', 'goto = 1', 'goto goto', ':: x ::', '::x',
    '::1::', 'x::y()', 'a.goto = 1', 't = {goto = 1}', 'local goto = 1 goto = goto + 1',
    'for i=1,2 do if i then goto c end local z ::c:: end', 'goto c; local z; do ::c:: end',
    'do goto x end local a ::x:: print(1)',
    'local x = 1 goto l1 local y = 2 ::l1:: ::l2:: y = 3',
    'goto y; goto x; local a; ::x:: ::y:: print(1)', 'goto x\nlocal a\n::x::\nprint(a)',
    'local a\n goto q\n local b\n::q:: b=1', '::a:: goto a', 'do ::a:: goto a end',
    '::a:: do goto a end', 'do ::a:: end goto a', 'goto a do end ::a::',
    'local x\n::top::\nx = 1\nif x then goto top end', 'goto\nx\n::x::',
    'do goto x end\n\ndo goto y end', 'goto x; local a; do ::x:: end ::x::',
    ('for i = 1, 3 do\n  for j = 1, 3 do\n    if j == 2 then goto next end\n    local k = j\n'
     '    ::next::\n  end\nend'), 'while x do local a goto skip local b ::skip:: end',
    'while x do goto skip local b ::skip:: ::other:: end', 'if x then goto e end local y ::e::',
    'if x then goto e else local y ::e:: end', 'x = function() ::a:: ::a:: end',
    'x = function()\n goto nowhere\nend', 'do\n goto done\n local z = 1\n ::done::\n z = 2\nend',
    '::a:: ::b:: ::a::', 'goto a; local x; ::a:: ::b:: goto b', 'goto "x"', 'goto x.y',
    '::x:: :: y ::', 'goto x local y ::x:: print(y) ::z::',
    'repeat local a ::x:: until a goto x', 'repeat goto x local a ::x:: until true',
    'function f() goto l end ::l:: function g() ::l:: end',
    # escapes and numbers LuaJIT adds
    'x = "\\q"', 'x = "ab\\xZZ"', 'x = "\\x4"', 'x = "\\x4g"', 'x = "\\u{110000}"',
    'x = "\\u{d800}"', 'x = "\\udfff"', 'x = "\\u{dfff}"', 'x = "\\u{}"', 'x = "\\u12"',
    'x = "\\u{12"', 'x = "abc\\u{7FFFFFFFFF}"', 'x = "\\u{12x}"', 'x = "a\\z  \n  \\q"',
    'x = "a\\z\n\n\n" = 1', 'x = "\\z', "x = '\\xg0'", 'x = "\\u{41}\\u{3b1}" .. y y',
    'x = 0x1p-4', 'x = 0x.8', 'x = 0x1.8p+1', 'x = 0b101', 'x = 0x1.', 'x = [[ [[ ]]',
    '--[[ [[ ]]', 'x = 0x1p-4 + 1', 'x = 0\x80.}', 'x = 9\x80e.x1ee{', 'x\xe4 = 1',
    'x = "a\0b\\q"', 'x = 1LL', 'x = 1i', 'x = 0xffULL', 'x = 0x1.8i', 'x = 1.5LL',
    'x = 1LL..', 'x = 1LL.5', 'x = 1ULLU', 'x = 1UL', 'x = 18446744073709551616LL',
    'x = 1i..x', 'x = 0x1p4LL', 'x = 1LL .. 2',
]

VALUES_LUA51 = [
    '1', '1.5', '.5', '5.', '1e-3', '1E+3', '1.e5', '3e2', '0x10', '0XfF', '0x1e', '0xA',
    '1e400', '0x' + 'f' * 300, '123456789012345678901234567890', '0.1',
    '4.9406564584124654e-324', '1e-400', '00012', '0x0', '9007199254740993',
    '"abc"', "'abc'", '"a\\tb\\nc"', '"\\a\\b\\f\\n\\r\\t\\v\\\\\\"\\\'"', '"\\0\\00\\000"',
    '"\\65\\066\\0677"', '"\\255"', '"\\1234"', '"a\\\nb"', '"a\\\r\nb"', '"a\\\n\rb"',
    '"\x80\xff"', '"\\\\n"', "'\"'", '"\'"', '"\\\'"', '[[abc]]',
    '[[\nabc]]', '[[\r\nabc]]', '[[\n\rabc]]', '[[\r\rabc]]', '[[\n\nabc]]', '[[a\r\nb\rc\n\rd]]',
    '[==[a]]b]=]c]==]', '[=[]]]=]', '[[]]', '[=[\n]=]', '[[\\n]]', '[==[\n\n]==]',
    '[[a]=]b]]',
]
VALUES_LUAJIT = [
    '"\\x41\\x7a\\xff\\x00"', '"\\xAb"', '"\\u{41}"', '"\\u{0}"', '"\\u{7F}"', '"\\u{80}"',
    '"\\u{7FF}"', '"\\u{800}"', '"\\u{FFFF}"', '"\\u{10000}"', '"\\u{10FFFF}"',
    '"\\u{00000041}"', '"\\u{20ac}"', '"a\\z   b"', '"a\\z\n  \r\n  b"', '"a\\zb"',
    '"a\\z"', '0x1p4', '0x1p-4', '0x.8', '0x1.8', '0x1.8p+1', '0XA.8P0', '0x1p99999',
    '0x1P-1074', '0x1p-1080', '0x.1', '0x1.', '0b101', '0B11',
    '[[ [[ ]]', '[==[ [==[ ]==]',
]


def main():
    error_cases = ([('lua5.1', None, s) for s in LUA51 + LIMITS]
                   + [('lua5.1', name, s) for name, s in LUA51_NAMED]
                   + [('luajit', '=input', s) for s in LUAJIT])
    with open(os.path.join(HERE, 'syntax_errors.txt'), 'w') as out:
        for binary in ('lua5.1', 'luajit'):
            mine = [c for c in error_cases if c[0] == binary]
            results = run_reference(binary, [('E', name, src) for _, name, src in mine])
            for (_, name, src), result in zip(mine, results):
                error = None if result == 'OK' else result[len('ERR:'):]
                out.write(json.dumps({'ref': binary, 'chunkname': name, 'source': src,
                                      'error': error}) + '\n')
    with open(os.path.join(HERE, 'literal_values.txt'), 'w') as out:
        for binary, literals in (('lua5.1', VALUES_LUA51), ('luajit', VALUES_LUAJIT)):
            results = run_reference(binary, [('V', None, s) for s in literals])
            for literal, result in zip(literals, results):
                kind, _, value = result.partition(':')
                assert kind in ('NUM', 'STR'), (literal, result)
                out.write(json.dumps({'ref': binary, 'literal': literal,
                                      'number' if kind == 'NUM' else 'bytes': value}) + '\n')


if __name__ == '__main__':
    main()
