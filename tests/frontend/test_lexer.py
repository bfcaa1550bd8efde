"""Lexer tests: token streams, literal values, line counting, errors.

Literal values and messages come from the reference interpreters: see
capture_syntax_errors.py, which wrote literal_values.txt.
"""

import json
import os

import pytest

from moonpatch.common.cnumber import Complex, Int64
from moonpatch.errors import LuaSyntaxError
from moonpatch.frontend.lexer import (
    EOF,
    ERROR,
    NAME,
    NUMBER,
    STRING,
    Tokens,
    tokenize,
)

HERE = os.path.dirname(os.path.abspath(__file__))


def types(source):
    return [t for t, _, _ in tokenize(source)]


def values(source):
    return [v for t, v, _ in tokenize(source) if t != EOF]


def lines(source):
    return [line for _, _, line in tokenize(source)]


def lex_error(source, chunkname='=input'):
    with pytest.raises(LuaSyntaxError) as info:
        tokenize(source, chunkname)
    return str(info.value)


# ---- token streams ----------------------------------------------------------

def test_every_symbol():
    source = '+ - * / % ^ # == ~= <= >= < > = ( ) { } [ ] ; : , . .. ... ::'
    assert types(source) == source.split() + [EOF]


def test_keywords_and_names():
    keywords = ('and break do else elseif end false for function if in local nil not or '
                'repeat return then true until while')
    assert types(keywords) == keywords.split() + [EOF]
    assert tokenize('goto _x x1 End nil0 \xe4\xf6') == [
        (NAME, 'goto', 1), (NAME, '_x', 1), (NAME, 'x1', 1), (NAME, 'End', 1),
        (NAME, 'nil0', 1), (NAME, '\xe4\xf6', 1), (EOF, None, 1)]


def test_statement_stream():
    assert tokenize('local t = {x=1, [2]="b"}\nt.x = t.x .. -3e2 --c\n') == [
        ('local', None, 1), (NAME, 't', 1), ('=', None, 1), ('{', None, 1),
        (NAME, 'x', 1), ('=', None, 1), (NUMBER, 1.0, 1), (',', None, 1), ('[', None, 1),
        (NUMBER, 2.0, 1), (']', None, 1), ('=', None, 1), (STRING, 'b', 1), ('}', None, 1),
        (NAME, 't', 2), ('.', None, 2), (NAME, 'x', 2), ('=', None, 2), (NAME, 't', 2),
        ('.', None, 2), (NAME, 'x', 2), ('..', None, 2), ('-', None, 2), (NUMBER, 300.0, 2),
        (EOF, None, 3)]


def test_adjacent_symbols_split_greedily():
    assert types('a...b') == [NAME, '...', NAME, EOF]
    assert types('a....b') == [NAME, '...', '.', NAME, EOF]
    assert types('a..b') == [NAME, '..', NAME, EOF]
    assert types('a.b') == [NAME, '.', NAME, EOF]
    assert types('===') == ['==', '=', EOF]
    assert types('~==') == ['~=', '=', EOF]
    assert types('<==') == ['<=', '=', EOF]
    assert types(':::') == ['::', ':', EOF]
    assert types('[[x]]') == [STRING, EOF]
    assert types('[ [x]]') == ['[', '[', NAME, ']', ']', EOF]
    assert types('a[b]') == [NAME, '[', NAME, ']', EOF]
    assert types('a[=[x]=]') == [NAME, STRING, EOF]
    assert types('x-1') == [NAME, '-', NUMBER, EOF]
    assert types('x- -1') == [NAME, '-', '-', NUMBER, EOF]
    assert types('x--1') == [NAME, EOF]


def test_other_characters_are_single_tokens():
    assert types('@ $ ! ? ` \\ ~ \x01 \x7f') == \
        ['@', '$', '!', '?', '`', '\\', '~', '\x01', '\x7f', EOF]


def test_comments():
    assert types('a -- comment\nb') == [NAME, NAME, EOF]
    assert types('a --[[ long\ncomment ]] b') == [NAME, NAME, EOF]
    assert types('a --[==[ ]] ]=] ]==] b') == [NAME, NAME, EOF]
    assert types('a --[==x\nb') == [NAME, NAME, EOF]
    assert types('a --[ x\nb') == [NAME, NAME, EOF]
    assert types('--') == [EOF]
    assert lines('--[[\n\n]] x') == [3, 3]


# ---- numbers ----------------------------------------------------------------

@pytest.mark.parametrize('text, value', [
    ('0', 0.0), ('7', 7.0), ('007', 7.0), ('3.25', 3.25), ('.5', 0.5), ('5.', 5.0),
    ('1e3', 1000.0), ('1E3', 1000.0), ('1e-3', 0.001), ('1e+3', 1000.0), ('2.5e2', 250.0),
    ('.5e1', 5.0), ('5.e1', 50.0), ('0x10', 16.0), ('0XfF', 255.0), ('0xa', 10.0),
    ('0x1p4', 16.0), ('0x1P-1', 0.5), ('0x.8', 0.5), ('0x1.8', 1.5), ('0xA.8p1', 21.0),
    ('0x1.', 1.0), ('0b101', 5.0), ('0B0', 0.0), ('1e400', float('inf')), ('1e-400', 0.0),
    ('0x1p99999', float('inf')), ('0x' + 'f' * 300, float('inf')),
])
def test_number_values(text, value):
    assert tokenize(text) == [(NUMBER, value, 1), (EOF, None, 1)]


def test_numbers_next_to_operators():
    # Lua 5.1 stops a decimal numeral after its exponent digits: 3e2 .. 5
    assert tokenize('3e2..5')[:3] == [(NUMBER, 300.0, 1), ('..', None, 1), (NUMBER, 5.0, 1)]
    assert tokenize('0x10..1')[:3] == [(NUMBER, 16.0, 1), ('..', None, 1), (NUMBER, 1.0, 1)]
    assert types('1-2') == [NUMBER, '-', NUMBER, EOF]
    assert types('1e-2-3') == [NUMBER, '-', NUMBER, EOF]
    assert types('0xe-1') == [NUMBER, '-', NUMBER, EOF]
    assert types('0x1p-1-1') == [NUMBER, '-', NUMBER, EOF]
    assert types('a.b.5') == [NAME, '.', NAME, NUMBER, EOF]


@pytest.mark.parametrize('source, near', [
    ('3x', '3x'), ('1e', '1e'), ('1e+', '1e+'), ('0x', '0x'), ('1..2', '1..2'),
    ('1.2.3', '1.2.3'), ('0xg', '0xg'), ('1_000', '1_000'), ('.5e', '.5e'),
    ('1e5e-3', '1e5e'), ('0x.p1', '0x'), ('0b102', '0b102'), ('0b', '0b'), ('0b1.1', '0b1'),
    ('0x1P+', '0x1P'), ('9\xe4', '9\xe4'),
    # LuaJIT's suffixes: LL/ULL on integers only, i on any numeral, nothing after them
    ('1.5LL', '1.5LL'), ('1e2LL', '1e2LL'), ('0x1p4LL', '0x1p4LL'), ('1UL', '1UL'),
    ('1U', '1U'), ('1L', '1L'), ('1ULLU', '1ULLU'), ('1LLx', '1LLx'), ('1LL..', '1LL..'),
    ('1LL.5', '1LL.5'), ('1iLL', '1iLL'), ('1ii', '1ii'), ('1i2', '1i2'), ('0xi', '0xi'),
    ('18446744073709551616LL', '18446744073709551616LL'),
    ('0x10000000000000000ULL', '0x10000000000000000ULL'),
    ('1' + '0' * 30000 + 'LL', '1' + '0' * 30000 + 'LL'),   # no int() of 30000 digits
    ('1e1048576i', '1e1048576i'), ('1e-01048576i', '1e-01048576i'),   # LuaJIT's 2^20
    ('0x1p1048576i', '0x1p1048576i'), ('121e9999999991i', '121e9999999991i'),
])
def test_malformed_numbers(source, near):
    assert lex_error(source) == f"input:1: malformed number near '{near}'"


@pytest.mark.parametrize('text, value, unsigned', [
    ('1LL', 1, False), ('1ll', 1, False), ('1Ll', 1, False), ('1ULL', 1, True),
    ('1uLL', 1, True), ('1LLU', 1, True), ('1llu', 1, True), ('0xffULL', 255, True),
    ('0b101LL', 5, False), ('00012LL', 12, False),
    ('9223372036854775808LL', -(1 << 63), False), ('18446744073709551615LL', -1, False),
    ('18446744073709551615ULL', (1 << 64) - 1, True),
])
def test_int64_literals(text, value, unsigned):
    (kind, box, _), _ = tokenize(text)
    assert kind == NUMBER and type(box) is Int64
    assert (box.value, box.unsigned) == (value, unsigned)


@pytest.mark.parametrize('text, imag', [
    ('1i', 1.0), ('12.5I', 12.5), ('.5i', 0.5), ('5.i', 5.0), ('1e-2i', 0.01),
    ('0x1.8i', 1.5), ('0x1P4i', 16.0), ('0b101i', 5.0), ('1e400i', float('inf')),
    ('1e1048575i', float('inf')), ('0x1e2i', 482.0), ('1' + '0' * 30000 + 'i', float('inf')),
])
def test_imaginary_literals(text, imag):
    (kind, box, _), _ = tokenize(text)
    assert kind == NUMBER and type(box) is Complex and (box.re, box.im) == (0.0, imag)


# ---- strings ----------------------------------------------------------------

@pytest.mark.parametrize('source, value', [
    ('"abc"', 'abc'), ("'abc'", 'abc'), ('""', ''), ("'\"'", '"'), ('"\'"', "'"),
    (r'"\a\b\f\n\r\t\v"', '\a\b\f\n\r\t\v'), (r'"\\ \" \'"', '\\ " \''),
    (r'"\0\00\000"', '\0\0\0'), (r'"\65\066\0677"', 'ABC7'), (r'"\255"', '\xff'),
    (r'"\1234"', '{4'), ('"a\\\nb"', 'a\nb'), ('"a\\\r\nb"', 'a\nb'), ('"a\\\n\rb"', 'a\nb'),
    ('"a\\\rb"', 'a\nb'), ('"\x80\xff\x00"', '\x80\xff\x00'),
    (r'"\x41\x7a\xFF\x00"', 'Az\xff\x00'), (r'"\u{41}"', 'A'), (r'"\u{e9}"', '\xc3\xa9'),
    (r'"\u{20AC}"', '\xe2\x82\xac'), (r'"\u{10FFFF}"', '\xf4\x8f\xbf\xbf'),
    (r'"\u{0000041}"', 'A'), ('"a\\z  \n\t b"', 'ab'), ('"a\\zb"', 'ab'),
])
def test_string_escapes(source, value):
    assert tokenize(source)[0] == (STRING, value, source.count('\n') + source.count('\r')
                                   - source.count('\r\n') - source.count('\n\r') + 1)


@pytest.mark.parametrize('source, value', [
    ('[[abc]]', 'abc'), ('[[\nabc]]', 'abc'), ('[[\r\nabc]]', 'abc'), ('[[\n\rabc]]', 'abc'),
    ('[[\rabc]]', 'abc'), ('[[\n\nabc]]', '\nabc'), ('[[a\r\nb\rc\n\rd\ne]]', 'a\nb\nc\nd\ne'),
    ('[=[a]]b]=]', 'a]]b'), ('[==[a]=]]]=]==]', 'a]=]]]='), ('[[]]', ''), ('[=[\n]=]', ''),
    ('[[\\n]]', '\\n'), ('[[ [[ ]]', ' [[ '), ('[====[x]====]', 'x'),
])
def test_long_strings(source, value):
    assert tokenize(source)[0][:2] == (STRING, value)


def test_long_string_lines():
    assert lines('[[\na\nb]] x') == [3, 3, 3]
    assert lines('[[\r\n\r\n]] x') == [3, 3, 3]
    assert lines('[[\n\r\r\n]] x') == [3, 3, 3]
    assert lines('[[\r\r]] x') == [3, 3, 3]
    assert lines('[[a]] x') == [1, 1, 1]


def test_literals_match_the_references():
    with open(os.path.join(HERE, 'literal_values.txt')) as f:
        cases = [json.loads(line) for line in f]
    assert len(cases) > 80
    for case in cases:
        (kind, value, _), eof = tokenize(case['literal'])
        assert eof[0] == EOF
        if 'number' in case:
            assert kind == NUMBER and value == float(case['number']), case
        else:
            assert kind == STRING, case
            assert value == bytes.fromhex(case['bytes']).decode('latin-1'), case


@pytest.mark.parametrize('source, message', [
    ('x = "abc', "input:1: unfinished string near '<eof>'"),
    ('x = "abc\ny"', "input:1: unfinished string near '\"abc'"),
    ('x = "a\\tb\r"', "input:1: unfinished string near '\"a\tb'"),
    ('x = "abc\\', "input:1: unfinished string near '<eof>'"),
    ('x = "a\\\nb', "input:2: unfinished string near '<eof>'"),
    ('x = [[abc', "input:1: unfinished long string near '<eof>'"),
    ('x = [[\n\n\nabc', "input:4: unfinished long string near '<eof>'"),
    ('x = [=[abc]]', "input:1: unfinished long string near '<eof>'"),
    ('--[[ abc\n', "input:2: unfinished long comment near '<eof>'"),
    ('x = [==x', "input:1: invalid long string delimiter near '[=='"),
    ('x = [=', "input:1: invalid long string delimiter near '[='"),
    (r'x = "\256"', "input:1: escape sequence too large near '\"'"),
    (r'x = "ab\999"', "input:1: escape sequence too large near '\"ab'"),
    (r'x = "\q"', "input:1: invalid escape sequence near '\"'"),
    (r'x = "ab\xZZ"', "input:1: invalid escape sequence near '\"ab'"),
    (r'x = "\x4"', "input:1: invalid escape sequence near '\"'"),
    (r'x = "\u{110000}"', "input:1: invalid escape sequence near '\"'"),
    (r'x = "\u{d800}"', "input:1: invalid escape sequence near '\"'"),
    (r'x = "\u{}"', "input:1: invalid escape sequence near '\"'"),
    (r'x = "\u12"', "input:1: invalid escape sequence near '\"'"),
    (r'x = "\u{12"', "input:1: invalid escape sequence near '\"'"),
    ('x = "a\\z\n\n\\q"', "input:3: invalid escape sequence near '\"a'"),
])
def test_lexical_errors(source, message):
    assert lex_error(source) == message


def test_error_token_ends_the_stream():
    tokens = Tokens('x = 1 "abc', '=input')
    assert tokens.types == [NAME, '=', NUMBER, ERROR]
    assert tokens.values[-1] == "input:1: unfinished string near '<eof>'"


def test_near_texts():
    tokens = Tokens('x 0x10 "a\\tb" \'q\' [==[a\nb]==] end \x01 <eof>', '=t')
    assert [tokens.near(i) for i in range(len(tokens.types))] == [
        'x', '0x10', '"a\tb"', "'q'", '[==[a\nb]==]', 'end', 'char(1)', '<', 'eof', '>',
        '<eof>']


# ---- lines ------------------------------------------------------------------

@pytest.mark.parametrize('newline, count', [
    ('\n', 1), ('\r', 1), ('\r\n', 1), ('\n\r', 1), ('\n\n', 2), ('\r\r', 2),
    ('\r\n\r\n', 2), ('\n\r\n', 2), ('\r\n\n', 2), ('\n\r\r\n', 2), ('\n \n', 2),
])
def test_line_breaks(newline, count):
    assert lines('a' + newline + 'b') == [1, 1 + count, 1 + count]


def test_lines_in_strings_and_comments():
    assert lines('a "x\\\ny" b\n--[[\n]]c') == [1, 2, 2, 4, 4]
    assert lines('a\n\n"x\\z\n\n  y" b') == [1, 5, 5, 5]
