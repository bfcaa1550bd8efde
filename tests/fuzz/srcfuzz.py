"""Source-text fuzzer for the front end: random and mutated Lua source given
to load, which must give a function or a Lua error (never another Python
exception), in bounded time, and the same result whether the text comes as
one string or from a reader a few bytes at a time.

Inputs (KINDS): random token sequences, truncations and byte-level
mutations of the Lua test programs, deep nestings of every bracketing
construct, long and malformed numerals, strings and long brackets with odd
escapes and line breaks, huge files of one construct, random bytes.

    python3 tests/fuzz/srcfuzz.py --seed 1 --count 20000             check moonpatch
    python3 tests/fuzz/srcfuzz.py --seed 1 --count 2000 --compare    and compare with
                                                                     lua5.1 and luajit
    python3 tests/fuzz/srcfuzz.py --seed 7 --show                    print one input

--compare reports the inputs whose message (or success) is neither
lua5.1's nor luajit's, grouped by the two messages with names and numbers
masked.
"""
import argparse
import glob
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

CHUNKNAME = '=fuzz'
SLOW = 10.0          # seconds: an input taking longer is reported as slow

KEYWORDS = ('and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'if',
            'in', 'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until',
            'while', 'goto')
SYMBOLS = ('+', '-', '*', '/', '%', '^', '#', '==', '~=', '<=', '>=', '<', '>', '=', '(', ')',
           '{', '}', '[', ']', ';', ':', ',', '.', '..', '...', '::', '[[', ']]', '[=[',
           ']=]', '--', '--[[', '!', '@', '$', '`', '?', '&', '|', '~', '\\', '\0', '\x7f')
NAMES = ('a', 'b', 'x', 'f', 't', 'self', '_', 'caf\xc3\xa9', '\xff', 'goto', 'l1', 'n')
OPENERS = [('(', ')'), ('{', '}'), ('f(', ')'), ('a[', ']'), ('function() return ', ' end'),
           ('- ', ''), ('not ', ''), ('#', ''), ('{a=', '}'), ('a .. ', ''), ('2^', ''),
           ('do ', ' end'), ('if x then ', ' end'), ('while x do ', ' end'),
           ('repeat ', ' until x'), ('for i=1,2 do ', ' end'), ('function f() ', ' end'),
           ('local function g() ', ' end'), ('a+(', ')'), ('{[', ']=1}')]
CONSTRUCTS = ('x = 1 ', 'local a ', 'local a = 1 ', 'do end ', 'f() ', 'if x then end ',
              'a.b.c = 1 ', 'x = "s" .. x ', '--c\n', ';', 'for i = 1, 2 do end ',
              'while x do break end ', '::l:: ', 'goto l ', 'x = {1, 2, 3} ',
              'x = function() end ', 'return ', 'x = 0x1p4 ', 'x = [[\n]] ', '\r\n', 'x = a[1] ',
              'a:m() ', 'x = ... ', 'local t = {} t[#t + 1] = 1 ', 'x = 1e308 * 10 ',
              'repeat until 1 ', 'x = - - 1 ', 'x = not not x ', 'x = y or z and w ')


def _seed_programs():
    texts = []
    for path in sorted(glob.glob(os.path.join(ROOT, 'tests', 'lua', '*', '*.lua'))):
        if os.path.getsize(path) < 20000:
            with open(path, 'rb') as f:
                texts.append(f.read().decode('latin-1'))
    return texts


_SEEDS = []


def seed_program(rng):
    if not _SEEDS:
        _SEEDS.extend(_seed_programs())
    return rng.choice(_SEEDS)


def blank(rng):
    return rng.choice((' ', ' ', ' ', '\n', '', '\t', '\r\n', '\r', ' -- c\n', '\n\r', '\v\f'))


def numeral(rng):
    r = rng.random()
    if r < 0.1:                             # a long run of digits, maybe ending badly
        return rng.choice(('1', '9', '0x', '.')) + rng.choice('0123456789abcdef') * \
            rng.choice((300, 3000, 30000)) + rng.choice(('', 'z', '.5', 'e', 'p-1', 'x', ' ',
                                                         'LL', 'ULL', 'i'))
    parts = []
    if rng.random() < 0.3:
        parts.append(rng.choice(('0x', '0X', '0b')))
    for _ in range(rng.randint(1, 6)):
        parts.append(rng.choice(('0', '1', '9', '12', 'f', 'F', '.', 'e', 'E', '+', '-', 'p',
                                 'P', 'x', '_', 'z', '\x80', '999', '1e999999999', '..',
                                 # LuaJIT's suffixes: 1LL, 1ULL, 1LLU, 12.5i
                                 'LL', 'll', 'ULL', 'u', 'U', 'l', 'i', 'I')))
    text = ''.join(parts)
    return text if text[0] in '0123456789.' else '1' + text


def escape(rng):
    return '\\' + rng.choice((
        'n', 'a', 'z', 'z \n \t', 'x', 'x4', 'x41', 'xZZ', 'u{48}', 'u{', 'u{110000}',
        'u{d800}', 'u{}', 'u{10FFFF}', '256', '255', '999', '0', '00', '1234', 'q', '\n',
        '\r', '\r\n', '\n\r', '\\', '"', "'", '\0', '\xff', ''))


def short_string(rng):
    quote = rng.choice(('"', "'"))
    body = []
    for _ in range(rng.randint(0, 8)):
        r = rng.random()
        if r < 0.4:
            body.append(escape(rng))
        elif r < 0.5:
            body.append(rng.choice(('\n', '\r', quote == '"' and "'" or '"')))
        else:
            body.append(rng.choice(('abc', ' ', '\x80\xff', '[[', ']]', '\t', '%d')))
    end = quote if rng.random() < 0.85 else ''
    return quote + ''.join(body) + end


def long_string(rng):
    level = '=' * rng.choice((0, 0, 1, 2, 5))
    body = ''.join(rng.choice(('a', '\n', '\r\n', '\r', ']', ']]', '[[', ']=]', '[=[', '\\',
                               '--', '\0', ']' + level)) for _ in range(rng.randint(0, 10)))
    close = ']' + level + ']' if rng.random() < 0.85 else rng.choice(('', ']', ']' + level))
    opener = rng.choice(('[', '--['))
    return opener + level + '[' + body + close


def token(rng):
    r = rng.random()
    if r < 0.25:
        return rng.choice(KEYWORDS)
    if r < 0.45:
        return rng.choice(NAMES)
    if r < 0.65:
        return rng.choice(SYMBOLS)
    if r < 0.8:
        return numeral(rng)
    if r < 0.93:
        return short_string(rng)
    return long_string(rng)


# ---- input kinds ---------------------------------------------------------------

def gen_tokens(rng):
    return ''.join(token(rng) + blank(rng) for _ in range(rng.randint(1, 60)))


def gen_truncate(rng):
    text = seed_program(rng)
    return text[:rng.randint(0, len(text))]


def gen_mutate(rng):
    text = seed_program(rng)
    for _ in range(rng.randint(1, 5)):
        if not text:
            break
        i = rng.randrange(len(text))
        j = min(len(text), i + rng.randint(1, 40))
        r = rng.random()
        if r < 0.25:
            text = text[:i] + text[j:]                           # delete
        elif r < 0.4:
            text = text[:i] + text[i:j] * rng.randint(2, 50) + text[j:]   # duplicate
        elif r < 0.65:
            text = text[:i] + token(rng) + text[i:]               # insert a token
        elif r < 0.85:
            text = text[:i] + chr(rng.randrange(256)) + text[i + 1:]       # flip a byte
        else:
            text = text[:i] + text[j:j + (j - i)] + text[i:j] + text[j + (j - i):]   # swap
    return text


CHAINS = ('.f', '[1]', '()', ':m()', ' + 1', ' and a', ' or a', ' == a', ' - -1', '"s"', '{}')


def gen_nest(rng):
    n = rng.choice((1, 5, 50, 150, 199, 200, 201, 250, rng.randint(1, 300), 1000, 5000))
    if rng.random() < 0.25:                 # a left-nested chain: no syntax levels
        link = rng.choice(CHAINS)
        if rng.random() < 0.3:
            link += rng.choice(CHAINS)
        start = rng.choice(('x = a', 'return a', 'a', 'local x = 1'))
        return start + link * rng.choice((n, n, n, 30000))
    if rng.random() < 0.5:
        opener, closer = rng.choice(OPENERS)
        middle = rng.choice(('1', 'a', 'x = 1', ''))
        closers = closer * n if rng.random() < 0.9 else closer * rng.randint(0, n)
        text = opener * n + middle + closers
    else:
        stack = [rng.choice(OPENERS) for _ in range(n)]
        text = ''.join(o for o, _ in stack) + rng.choice(('1', 'a', '')) + \
            ''.join(c for _, c in reversed(stack[:rng.randint(0, n)] if rng.random() < 0.2
                                           else stack))
    return rng.choice(('x = ', 'return ', '', 'f(')) + text


def gen_numeral(rng):
    return rng.choice(('x = ', 'return ', 'return -', 't[', 'x = 1 + ')) + numeral(rng) + \
        rng.choice(('', ' ', '\n', ')', '..1', ' end', 'x'))


def gen_string(rng):
    pieces = [short_string(rng) if rng.random() < 0.6 else long_string(rng)
              for _ in range(rng.randint(1, 4))]
    return rng.choice(('x = ', 'return ', 'f', '')) + rng.choice((' .. ', ', ', ' ')).join(pieces)


def gen_repeat(rng):
    construct = rng.choice(CONSTRUCTS)
    n = rng.choice((10, 100, 1000, 10000, 40000))
    n = min(n, 200000 // len(construct))
    return construct * n + rng.choice(('', 'return 1', ')', 'end', '::l::'))


def gen_bytes(rng):
    return ''.join(chr(rng.randrange(256)) for _ in range(rng.randint(0, 200)))


KINDS = {
    'tokens': (gen_tokens, 25),
    'truncate': (gen_truncate, 12),
    'mutate': (gen_mutate, 25),
    'nest': (gen_nest, 12),
    'numeral': (gen_numeral, 10),
    'string': (gen_string, 10),
    'repeat': (gen_repeat, 2),
    'bytes': (gen_bytes, 4),
}


def make_input(seed):
    """(kind, source text) for a seed."""
    rng = random.Random(seed)
    names = list(KINDS)
    kind = rng.choices(names, [KINDS[k][1] for k in names])[0]
    return kind, KINDS[kind][0](rng)


# ---- checking ------------------------------------------------------------------

def reader_of(text, rng):
    """A reader giving text in pieces of random sizes (sometimes empty at the end)."""
    pos = [0]

    def read():
        size = rng.choice((1, 1, 2, 3, 7, 64, 4096))
        piece = text[pos[0]:pos[0] + size]
        pos[0] += size
        return piece
    return read


def load_result(chunk):
    """'ok' or the error message of load for chunk (text or reader);
    exceptions other than Lua errors propagate."""
    from moonpatch.lib.base import load_or_error
    r = load_or_error(chunk, CHUNKNAME)
    return 'ok' if r[0] is not None else r[1]


def check(text, seed):
    """(result, problem): problem is None, or a description of a Python
    exception, a difference between string and reader loading, or slowness."""
    t = time.perf_counter()
    try:
        whole = load_result(text)
    except Exception:
        return None, 'exception (string):\n' + traceback.format_exc()
    elapsed = time.perf_counter() - t
    if 'stack overflow' in whole:           # Python's recursion, not Lua's limits
        return whole, 'front end recursion: %s' % whole[:200]
    if len(text) > 1000000:         # readers of huge inputs are checked by their tests
        return whole, None
    try:
        pieces = load_result(reader_of(text, random.Random(seed)))
    except Exception:
        return whole, 'exception (reader):\n' + traceback.format_exc()
    if pieces != whole:
        return whole, 'reader differs:\n  string: %r\n  reader: %r' % (whole[:300], pieces[:300])
    if elapsed > SLOW:
        return whole, 'slow: %.1f s' % elapsed
    return whole, None


def engine():
    """A Lua state for load to use."""
    from moonpatch.engine import Engine
    from moonpatch.runtime.stack import raise_recursion_limit
    raise_recursion_limit()
    return Engine()


# ---- comparing with the references ----------------------------------------------

DRIVER = r'''
local f = assert(io.open(arg[1], "rb"))
while true do
  local n = f:read("*n")
  if not n then break end
  f:read(1)
  local src = f:read(n)
  local fn, err = loadstring(src, "=fuzz")
  io.write(fn and "ok" or tostring(err), "\0")
end
'''


def reference_results(engine_name, texts):
    with tempfile.TemporaryDirectory() as d:
        data = os.path.join(d, 'inputs')
        with open(data, 'wb') as f:
            for text in texts:
                raw = text.encode('latin-1')
                f.write(b'%d\n' % len(raw) + raw)
        driver = os.path.join(d, 'driver.lua')
        with open(driver, 'w') as f:
            f.write(DRIVER)
        p = subprocess.run([engine_name, driver, data], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, timeout=600)
    out = p.stdout.decode('latin-1').split('\0')
    return out[:len(texts)] + [None] * (len(texts) - len(out[:len(texts)]))


def mask(msg):
    msg = re.sub(r"near '.*'", "near 'T'", msg, flags=re.S)
    msg = re.sub(r'\d+', 'N', msg)
    return msg[:100]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=1000)
    ap.add_argument('--show', action='store_true')
    ap.add_argument('--compare', action='store_true')
    args = ap.parse_args(argv)
    if args.show:
        sys.stdout.write(make_input(args.seed)[1])
        return 0
    engine()
    problems = 0
    kinds = {}
    results = []
    t0 = time.time()
    for seed in range(args.seed, args.seed + args.count):
        kind, text = make_input(seed)
        kinds[kind] = kinds.get(kind, 0) + 1
        result, problem = check(text, seed)
        results.append((seed, kind, text, result))
        if problem is not None:
            problems += 1
            print('seed %d (%s): %s' % (seed, kind, problem))
    print('%d inputs in %.0f s (%s): %d problems' % (
        args.count, time.time() - t0,
        ', '.join('%s %d' % kv for kv in sorted(kinds.items())), problems))
    if args.compare:
        texts = [r[2] for r in results]
        l51 = reference_results('lua5.1', texts)
        jit = reference_results('luajit', texts)
        groups = {}
        for (seed, kind, text, got), a, b in zip(results, l51, jit):
            if got is None or got in (a, b):
                continue
            key = '%s || %s || %s' % (mask(got), mask(a or '?'), mask(b or '?'))
            groups.setdefault(key, []).append(seed)
        for key, seeds in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print('%5d  moonpatch || lua5.1 || luajit: %s   seeds %s'
                  % (len(seeds), key, seeds[:5]))
        print('%d inputs differ from both references' % sum(len(s) for s in groups.values()))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
