"""The lexer: Lua 5.1 source text to tokens, with LuaJIT 2.1's additions.

The whole chunk is tokenized up front into parallel lists (types, values,
lines), which is several times faster in Python than a token-at-a-time
lexer. Lua lexes lazily, one token ahead of the parser, so a lexical error
must surface only when the parser reaches the bad token: the lexer stops at
the first error and ends the stream with an ERROR token whose value is the
finished message; the parser raises it when that token becomes current.
A chunk that a reader gives piece by piece (load with a function) is
tokenized as far as the text read so far goes, and read on only when the
parser needs a token beyond it (Tokens.settle), so the reader is called as
often as lua5.1 calls it.

Source text is a str of code points 0-255, one per byte. Token types are
strings: a keyword or symbol stands for itself ('end', '==', '('), the rest
are NAME, STRING, NUMBER, EOF and ERROR. A token's line is the lexer's line
number once the token is read (for a long string spanning lines, its last
line), which is what Lua reports and records.

Differences from lua5.1 (LuaJIT accepts what Lua 5.1 rejects, so we do too):
\\x \\z \\u{} escapes, hex floats (0x1.8p-3), binary literals (0b101), the
'::' token, bytes 128-255 in identifiers, nested '[[' inside long brackets.
An unknown escape is LuaJIT's "invalid escape sequence" (5.1 drops the
backslash); everything else follows lua5.1, messages included.
"""

import re

from ..common.chunkid import chunkid
from ..common.cnumber import Complex, Int64
from ..common.lazyre import LazyPattern
from ..errors import LuaSyntaxError

MAXSRC = 80             # llex.c: chunk ids in syntax error messages

NAME = '<name>'
STRING = '<string>'
NUMBER = '<number>'
EOF = '<eof>'
ERROR = '<error>'

KEYWORDS = frozenset((
    'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function',
    'if', 'in', 'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true',
    'until', 'while'))


# ---- regular expressions ----------------------------------------------------
# Those for rare tokens (hex and binary numerals, malformed ones, escapes
# other than one letter) and for chunks read piecewise are LazyPatterns,
# compiled at their first use: not every start-up pays for them.

# One step of the main loop: skip blanks, then match one token (or a newline
# run, or a comment start). The group number says which.
_TOKEN = re.compile(r'''[ \t\v\f]*(?:
    ([A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*)          # 1 name or keyword
  | (\.\.\.|\.\.|==|~=|<=|>=|::|[+*/%^#<>=(){}\];:,]|-(?!-)|\.(?![0-9])|\[(?![=\[]))
                                                        # 2 symbol
  | ([\n\r][\n\r \t\v\f]*)                              # 3 newlines and blanks
  | (--)                                                # 4 comment
  | (\.?[0-9])                                          # 5 numeral
  | (["'])                                              # 6 short string
  | (\[=*\[|\[=+)                                       # 7 long bracket
  | (.)                                                 # 8 any other character
  | (\Z)                                                # 9 end of source
)''', re.VERBOSE | re.DOTALL)
_T_NAME, _T_SYMBOL, _T_NEWLINE, _T_COMMENT, _T_NUMBER, _T_STRING, _T_LONG, _T_OTHER, _T_END = \
    range(1, 10)

_NEWLINE = re.compile(r'\n\r?|\r\n?')       # one line break, as inclinenumber counts it
_LINE_REST = re.compile(r'[^\n\r]*')
_LONG_OPEN = re.compile(r'\[(=*)\[')

# Numerals. Lua 5.1 reads digits and dots, an optional exponent mark and
# sign, then any alphanumerics; LuaJIT reads identifier characters and dots,
# and a sign after an exponent mark ('p' for hex). A numeral is accepted when
# either reading converts (5.1: `3e2..5` is 3e2 .. 5; LuaJIT: 0x1p-4); an
# error quotes 5.1's reading.
_NUM_51 = re.compile(r'\.?[0-9][0-9.]*(?:[eE][-+]?)?[0-9A-Za-z_\x80-\xff]*')
_HEX_51 = LazyPattern(r'0[xX][0-9A-Za-z_\x80-\xff]*')
_NUM_JIT = LazyPattern(r'\.?[0-9](?:[0-9A-Za-z_\x80-\xff.]|(?<=[eE])[-+])*')
_HEX_JIT = LazyPattern(r'0[xX](?:[0-9A-Za-z_\x80-\xff.]|(?<=[pP])[-+])*')
# One reading per numeral (digits, then '.' and digits): a long run of
# digits that ends badly fails in linear time, not quadratic.
_DEC_VALID = re.compile(r'(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z')
_HEX_VALID = LazyPattern(
    r'0[xX](?:[0-9a-fA-F]+(?:\.[0-9a-fA-F]*)?|\.[0-9a-fA-F]+)(?:[pP][-+]?[0-9]+)?\Z')
_HEX51_VALID = LazyPattern(r'0[xX][0-9a-fA-F]+(?:[pP][0-9]+)?\Z')
_BIN_VALID = LazyPattern(r'0[bB]([01]+)\Z')
# LuaJIT's suffixes (lj_strscan.c): `i` after any numeral makes an imaginary
# number, `LL` (int64_t), `ULL` or `LLU` (uint64_t), in any case, after an
# integer: decimal, hex or binary digits only.
_CDATA_SUFFIX = LazyPattern(r'(.+?)(?:([iI])|([uU]?)[lL][lL]([uU]?))\Z', re.DOTALL)
_EXPONENT = LazyPattern(r'(?:^0[xX].*[pP]|^[^xX]*[eE])[-+]?([0-9]+)\Z')
_INTEGER = LazyPattern(r'(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|([0-9]+))\Z')

# Short strings: the whole literal when it has no escape, else a run of plain text.
_SIMPLE_STRING = {'"': re.compile(r'"([^"\\\n\r]*)"'), "'": re.compile(r"'([^'\\\n\r]*)'")}
_STRING_RUN = {'"': re.compile(r'[^"\\\n\r]*'), "'": re.compile(r"[^'\\\n\r]*")}
_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v',
            '\\': '\\', '"': '"', "'": "'"}
_HEX_PAIR = LazyPattern(r'[0-9a-fA-F]{2}')
_HEX_DIGITS = LazyPattern(r'[0-9a-fA-F]*')
_DECIMAL_ESCAPE = LazyPattern(r'[0-9]{1,3}')
_UNICODE_ESCAPE = LazyPattern(r'\{([0-9a-fA-F]*)(.?)', re.DOTALL)
_SPACES = LazyPattern(r'[ \t\n\v\f\r]*')


class _LexError(Exception):
    """Raised inside the lexer; turned into the stream's ERROR token.

    start/start_line: where the bad token starts; examined: the position of
    the character Lua holds when it reports the error (for a reader, the
    error stands only once that character has been read); kind: the token's
    _TOKEN group."""

    def __init__(self, msg, near, line, start, start_line, examined, kind):
        Exception.__init__(self, msg)
        self.msg = msg
        self.near = near
        self.line = line
        self.start = start
        self.start_line = start_line
        self.examined = examined
        self.kind = kind


class _NeedMore(Exception):
    """The token at start (on start_line) reaches the end of the text read so
    far: the reader must give more before it is known. kind: its _TOKEN group
    (_T_LONG for a long comment)."""

    def __init__(self, start, start_line, kind):
        Exception.__init__(self)
        self.start = start
        self.start_line = start_line
        self.kind = kind


# A piece read while a token of this kind is pending can complete it only if
# it holds one of these characters (else the token is not scanned again).
_MAY_END = {
    _T_NAME: LazyPattern(r'[^0-9A-Za-z_\x80-\xff]'),
    _T_NUMBER: LazyPattern(r'[^0-9A-Za-z_\x80-\xff.]'),
    _T_NEWLINE: LazyPattern(r'[^\n\r \t\v\f]'),
    _T_COMMENT: LazyPattern(r'[\n\r]'),
    _T_STRING: LazyPattern(r'["\'\\\n\r]'),
    _T_LONG: LazyPattern(r'\]'),
}


def _count_lines(text, crlf):
    if crlf:
        return len(_NEWLINE.findall(text))
    return text.count('\n')


# ---- the lexer --------------------------------------------------------------

class Tokens:
    """A tokenized chunk: token i is (types[i], values[i], lines[i]).

    values: the name for NAME, the float (Int64, Complex: 1LL, 2i) for NUMBER,
    the str for STRING, the message for ERROR, None otherwise. raw[i] holds
    what 'near' quotes for a NUMBER (its text) and the opening delimiter of
    a STRING. The last token is EOF or ERROR.

    With a reader (load with a function), the chunk is read as lua5.1's ZIO
    reads it: a piece at a time, only when the parser needs a token that the
    text read so far does not complete. The tokens read so far then end with
    an ERROR whose value is None: the parser calls settle() there.
    """
    __slots__ = ('lines', 'raw', 'source_id', 'types', 'values',
                 '_reader', '_text', '_pos', '_line', '_kind', '_pending')

    def __init__(self, source, chunkname, reader=None):
        """source: the whole text, or with a reader the first piece of it;
        reader: None, or a function giving the next piece ('' or None at the
        end), as lua_Reader."""
        self.source_id = chunkid(chunkname, MAXSRC)
        self.types = []
        self.values = []
        self.lines = []
        self.raw = {}
        self._reader = reader
        self._text = source
        self._pos = 0
        self._line = 1
        self._kind = _T_END
        self._pending = []
        self._fill()

    def near(self, i):
        """The token text a syntax error at token i quotes (Lua's txtToken)."""
        t = self.types[i]
        if t == NAME:
            return self.values[i]
        if t == NUMBER:
            return self.raw[i]
        if t == STRING:
            opening = self.raw[i]
            text = opening + self.values[i] + opening.replace('[', ']')
            return text.split('\0', 1)[0]      # C's %s stops at a NUL
        if len(t) == 1 and (t < ' ' or t == '\x7f'):
            return f'char({ord(t)})'
        return t

    def settle(self, i):
        """The type of token i, read on until it is known; raises its
        LuaSyntaxError if it is a lexical error."""
        while self.values[i] is None and self.types[i] == ERROR:
            self._more()
        if self.types[i] == ERROR:
            raise LuaSyntaxError(self.values[i])
        return self.types[i]

    def _fill(self):
        """Scan from the saved position: to the end of the source, or with a
        reader as far as the text read so far completes tokens."""
        text = self._text
        limit = len(text) + (self._reader is None)      # a token may not reach it
        try:
            self._scan(text, self._pos, self._line, limit)
            return
        except _NeedMore as e:
            start, line, kind = e.start, e.start_line, e.kind
        except _LexError as e:
            if e.examined < limit:
                self.types.append(ERROR)
                near = e.near.split('\0', 1)[0]      # C's %s stops at a NUL
                self.values.append(f"{self.source_id}:{e.line}: {e.msg} near '{near}'")
                self.lines.append(e.line)
                return
            start, line, kind = e.start, e.start_line, e.kind
        self._pos, self._line, self._kind = start, line, kind
        self.types.append(ERROR)        # the end of what is read: settle() reads on
        self.values.append(None)
        self.lines.append(line)

    def _more(self):
        """Read pieces until one may complete the pending token (or the reader
        ends), then scan again from that token."""
        self.types.pop()
        self.values.pop()
        self.lines.pop()
        may_end = _MAY_END.get(self._kind)
        while True:
            piece = self._reader()
            if not piece:
                self._reader = None
                break
            self._pending.append(piece)
            if may_end is None or may_end.search(piece):
                break
        # what lies before the pending token is scanned: drop it
        self._text = self._text[self._pos:] + ''.join(self._pending)
        self._pending = []
        self._pos = 0
        self._fill()

    def _scan(self, source, pos, line, limit):
        """Append the tokens of source from pos (on line) to EOF; raises
        _NeedMore for a token that reaches limit."""
        types = self.types
        values = self.values
        lines = self.lines
        raw = self.raw
        match = _TOKEN.match
        crlf = '\r' in source
        while True:
            m = match(source, pos)
            kind = m.lastindex
            if kind == _T_NAME:
                text = m.group(kind)
                pos = m.end()
                if pos >= limit:
                    raise _NeedMore(m.start(), line, kind)
                if text in KEYWORDS:
                    types.append(text)
                    values.append(None)
                else:
                    types.append(NAME)
                    values.append(text)
                lines.append(line)
            elif kind == _T_SYMBOL:
                pos = m.end()
                if pos >= limit:
                    raise _NeedMore(m.start(), line, kind)
                types.append(m.group(kind))
                values.append(None)
                lines.append(line)
            elif kind == _T_NEWLINE:
                pos = m.end()
                if pos >= limit:
                    raise _NeedMore(m.start(), line, kind)
                text = m.group(kind)
                line += len(_NEWLINE.findall(text)) if crlf else text.count('\n')
            elif kind == _T_COMMENT:
                start, start_line = m.start(), line
                pos, line, long = _skip_comment(source, m.end(), line, crlf)
                if pos >= limit:
                    raise _NeedMore(start, start_line, _T_LONG if long else kind)
            elif kind == _T_NUMBER:
                start = m.start(kind)
                value, pos = _read_number(source, start, line)
                if pos >= limit:
                    raise _NeedMore(start, line, kind)
                raw[len(types)] = source[start:pos]
                types.append(NUMBER)
                values.append(value)
                lines.append(line)
            elif kind == _T_STRING:
                quote = m.group(kind)
                start, start_line = m.start(kind), line
                simple = _SIMPLE_STRING[quote].match(source, start)
                if simple is not None:
                    value = simple.group(1)
                    pos = simple.end()
                else:
                    value, pos, line = _read_string(source, m.end(), quote, line)
                if pos >= limit:
                    raise _NeedMore(start, start_line, kind)
                raw[len(types)] = quote
                types.append(STRING)
                values.append(value)
                lines.append(line)
            elif kind == _T_LONG:
                opening = m.group(kind)
                start, start_line = m.start(kind), line
                if opening[-1] != '[':
                    raise _LexError('invalid long string delimiter', opening, line,
                                    start, line, m.end(), _T_END)
                value, pos, line = _read_long_string(source, m.end(), len(opening) - 2,
                                                     line, crlf, 'unfinished long string',
                                                     start)
                if pos >= limit:
                    raise _NeedMore(start, start_line, kind)
                raw[len(types)] = opening
                types.append(STRING)
                values.append(value)
                lines.append(line)
            elif kind == _T_OTHER:
                pos = m.end()
                if pos >= limit:
                    raise _NeedMore(m.start(), line, kind)
                types.append(m.group(kind))
                values.append(None)
                lines.append(line)
            else:
                if m.end() >= limit:
                    raise _NeedMore(m.start(), line, kind)
                types.append(EOF)
                values.append(None)
                lines.append(line)
                return


def _skip_comment(source, pos, line, crlf):
    """Skip a comment whose '--' ends before pos: (pos, line) after it, and
    whether it was a long comment."""
    m = _LONG_OPEN.match(source, pos)
    if m is not None:
        _, pos, line = _read_long_string(source, m.end(), len(m.group(1)), line, crlf,
                                         'unfinished long comment', pos - 2)
        return pos, line, True
    return _LINE_REST.match(source, pos).end(), line, False


def _read_long_string(source, pos, level, line, crlf, unfinished, start):
    """Read a long bracket body from pos (after '[==['): (value, end, line).
    start: where the token (or the comment's '--') starts.

    A newline right after the opening bracket is skipped, and every line
    break (\\n, \\r, \\r\\n or \\n\\r) reads as '\\n'.
    """
    start_line = line
    first = _NEWLINE.match(source, pos)
    if first is not None:
        pos = first.end()
        line += 1
    close = ']' + '=' * level + ']'
    end = source.find(close, pos)
    if end < 0:
        raise _LexError(unfinished, EOF, line + _count_lines(source[pos:], crlf),
                        start, start_line, len(source), _T_LONG)
    value = source[pos:end]
    if crlf:
        line += len(_NEWLINE.findall(value))
        if '\r' in value:
            value = _NEWLINE.sub('\n', value)
    else:
        line += value.count('\n')
    return value, end + len(close), line


def _read_number(source, start, line):
    """Read the numeral at start: (value, end). See _NUM_51 above for the
    rules; a numeral with a suffix of LuaJIT's gives an Int64 or Complex."""
    if source.startswith(('0x', '0X'), start):
        jit = _HEX_JIT.match(source, start).group()
        if _HEX_VALID.match(jit):
            return _hex_value(jit), start + len(jit)
        value = _cdata_value(jit)
        if value is not None:
            return value, start + len(jit)
        text = _HEX_51.match(source, start).group()
        if _HEX51_VALID.match(text):
            return _hex_value(text), start + len(text)
    else:
        text = _NUM_51.match(source, start).group()
        if _DEC_VALID.match(text):
            return float(text), start + len(text)
        jit = _NUM_JIT.match(source, start).group()
        binary = _BIN_VALID.match(jit)
        if binary is not None:
            return float(int(binary.group(1), 2)), start + len(jit)
        value = _cdata_value(jit)
        if value is not None:
            return value, start + len(jit)
    examined = start + max(len(jit), len(text))
    if max(jit) >= '\x80' or _cdata_value(text) is not None:
        text = jit        # bytes 5.1 would not read, or LuaJIT's reading of its own numeral
    raise _LexError('malformed number', text, line, start, line, examined, _T_NUMBER)


def _cdata_value(text):
    """The Int64 or Complex a numeral with one of LuaJIT's suffixes stands
    for, or None."""
    m = _CDATA_SUFFIX.match(text)
    if m is None:
        return None
    digits, imaginary, u1, u2 = m.groups()
    if imaginary:
        value = _plain_value(digits)
        return None if value is None else Complex(0.0, value)
    if u1 and u2:
        return None
    m = _INTEGER.match(digits)
    if m is None:
        return None
    hexa, binary, decimal = m.groups()
    digits, base, most = (hexa, 16, 16) if hexa else (binary, 2, 64) if binary else \
        (decimal, 10, 20)
    digits = digits.lstrip('0')
    if len(digits) > most:     # 2^64 or more (and no int() of a huge run of digits)
        return None
    value = int(digits or '0', base)
    if value >> 64:
        return None
    return Int64.wrap(value, bool(u1 or u2))


def _plain_value(text):
    """The float of the numeral before an `i`, or None: LuaJIT's reading,
    which refuses an exponent of 2^20 or more."""
    exponent = _EXPONENT.match(text)
    if exponent is not None:
        digits = exponent.group(1).lstrip('0')
        if len(digits) > 7 or int(digits or '0') >= 1 << 20:
            return None
    if _DEC_VALID.match(text):
        return float(text)
    if _HEX_VALID.match(text):
        return _hex_value(text)
    binary = _BIN_VALID.match(text)
    return None if binary is None else float(int(binary.group(1), 2))


def _hex_value(text):
    try:
        return float.fromhex(text)
    except OverflowError:
        return float('inf')


def _read_string(source, pos, quote, line):
    """Read a quoted string with escapes from pos (after the quote): (value, end, line)."""
    run = _STRING_RUN[quote].match
    n = len(source)
    start, start_line = pos - 1, line
    parts = []

    def error(msg, examined, near=None):
        near = quote + ''.join(parts) if near is None else near
        return _LexError(msg, near, line, start, start_line, examined, _T_STRING)

    while True:
        end = run(source, pos).end()
        if end > pos:
            parts.append(source[pos:end])
            pos = end
        if pos >= n:
            raise error('unfinished string', n, EOF)
        c = source[pos]
        if c == quote:
            return ''.join(parts), pos + 1, line
        if c != '\\':
            raise error('unfinished string', pos)
        pos += 1
        c = source[pos:pos + 1]
        escaped = _ESCAPES.get(c)
        if escaped is not None:
            parts.append(escaped)
            pos += 1
        elif c == '\n' or c == '\r':
            parts.append('\n')
            pos = _NEWLINE.match(source, pos).end()
            line += 1
        elif '0' <= c <= '9':
            m = _DECIMAL_ESCAPE.match(source, pos)
            code = int(m.group())
            if code > 255:
                raise error('escape sequence too large', m.end())
            parts.append(chr(code))
            pos = m.end()
        elif c == 'x':
            m = _HEX_PAIR.match(source, pos + 1)
            if m is None:
                digits = _HEX_DIGITS.match(source, pos + 1, pos + 3).end()
                raise error('invalid escape sequence', digits)
            parts.append(chr(int(m.group(), 16)))
            pos = m.end()
        elif c == 'z':
            m = _SPACES.match(source, pos + 1)
            line += len(_NEWLINE.findall(m.group()))
            pos = m.end()
        elif c == 'u':
            m = _UNICODE_ESCAPE.match(source, pos + 1)
            code = int(m.group(1), 16) if m is not None and m.group(1) else -1
            if m is None or code < 0 or m.group(2) != '}' or code >= 0x110000 or \
                    0xd800 <= code < 0xe000:
                raise error('invalid escape sequence', pos + 1 if m is None else m.end(1))
            parts.append(chr(code).encode('utf-8').decode('latin-1'))
            pos = m.end()
        elif c:
            raise error('invalid escape sequence', pos)
        # else: a backslash at the end of the source; the loop reports it


def tokenize(source, chunkname='?'):
    """The chunk's tokens as a list of (type, value, line), EOF last.

    Raises LuaSyntaxError for a lexical error. The parser uses Tokens
    directly; this is for tests and tools.
    """
    tokens = Tokens(source, chunkname)
    if tokens.types[-1] == ERROR:
        raise LuaSyntaxError(tokens.values[-1])
    return list(zip(tokens.types, tokens.values, tokens.lines))
