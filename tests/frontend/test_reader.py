"""The lexer reading a chunk from a reader, a piece at a time (load with a
function): the tokens are those of the whole text, whatever the pieces, and
a token spread over many small pieces is read in linear time."""
import glob
import os
import time

import pytest

from moonpatch.frontend.lexer import EOF, Tokens

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

EDGES = [
    'x = 1\r\ny = 2\n\rz = 3\r\r\n',
    'return "a\\\r\nb", \'\\65\\066\\0677\', "\\x41\\z  \n  \\u{48}"',
    'return [==[\r\n]=]]==] .. [[\n\n]] --[=[ c\r\n]=] .. 1',
    'return 0x1p-4, 0x.8, 3e2..5, 1e+10, 0b101',
    'x = "\\x4', 'x = "\\u{110000}"', 'x = "\\q"', 'x = "\\256"', 'x = [==',
    'x = 1e', 'x = 0x', 'x = "abc', 'x = [[abc', '--[[ open', 'x = "a\nb"',
    'goto continue', 'a.b:c"s"{t}(...)', 'x = 1 -- tail\n-', '\0x = @',
    'x=1--[==[\n', 'return ' + '1' * 300 + 'z', '\xff\x80 = 1',
]


def reader_of(text, size):
    pos = [0]

    def read():
        piece = text[pos[0]:pos[0] + size]
        pos[0] += size
        return piece
    return read


def all_tokens(tokens):
    i = 0
    while True:
        try:
            tok = tokens.settle(i)
        except Exception as e:              # a lexical error ends the stream
            return list(zip(tokens.types[:i], tokens.values[:i], tokens.lines[:i])) + [str(e)]
        if tok == EOF:
            return list(zip(tokens.types[:i + 1], tokens.values[:i + 1], tokens.lines[:i + 1]))
        i += 1


def sources():
    for path in sorted(glob.glob(os.path.join(ROOT, 'lua', 'lexer', '*.lua'))):
        with open(path, 'rb') as f:
            yield os.path.basename(path), f.read().decode('latin-1')
    for i, text in enumerate(EDGES):
        yield 'edge%d' % i, text


@pytest.mark.parametrize('name,text', list(sources()))
def test_pieces_give_the_same_tokens(name, text):
    want = all_tokens(Tokens(text, '=x'))
    for size in (1, 2, 3, 5, 8, 4096):
        read = reader_of(text, size)
        assert all_tokens(Tokens(read() or '', '=x', read)) == want, size


def test_reads_only_what_the_parser_needs():
    calls = []
    text = 'local a = 1 b = 2'

    def read():
        calls.append(1)
        return text[len(calls) - 1:len(calls)]
    tokens = Tokens(read(), '=x', read)
    assert tokens.settle(0) == 'local' and len(calls) == 6     # 'local' and the ' '
    assert tokens.settle(1) == '<name>' and len(calls) == 8


@pytest.mark.parametrize('make', [
    lambda n: 'x = [[' + 'a' * n + ']]',
    lambda n: 'x = "' + 'a' * n + '"',
    lambda n: '-- ' + 'c' * n + '\nx = 1',
    lambda n: 'x' * n + ' = 1',
], ids=['long-string', 'string', 'comment', 'name'])
def test_one_character_pieces_linear(make):
    def read_all(text):
        read = reader_of(text, 1)
        all_tokens(Tokens(read() or '', '=x', read))

    def best(text):
        times = []
        for _ in range(3):
            t = time.perf_counter()
            read_all(text)
            times.append(time.perf_counter() - t)
        return min(times)
    for _ in range(3):          # timed again when the machine is busy
        small, large = best(make(5000)), best(make(40000))
        if large < 32 * small:
            return
    raise AssertionError('%.4f s for n, %.4f s for 8n' % (small, large))
