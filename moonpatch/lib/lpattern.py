"""Lua 5.1 patterns (the matcher of lstrlib.c), compiled once per pattern.

A pattern is parsed into a list of items exactly as lstrlib.c's match()
walks it: single-character classes with their quantifier, captures,
back-references, %b, %f, the final '$', and an error item where match()
would raise (5.1 raises only when the matcher reaches the bad spot, so
string.find("abc", "x[") is nil while string.find("xbc", "x[") is an
error). Because a quantifier applies to one character class only, the
capture structure is static: which captures are open at each item is known
when the pattern is parsed.

Two back ends run the items:
- most patterns become a Python regular expression with the same
  backtracking order (greedy */+/?, lazy -, leftmost start), so the search
  runs in C;
- patterns with %b (not expressible in `re`), an error item or a capture
  left open run on Matcher, a port of match()/max_expand()/min_expand()
  with an explicit stack of choice points instead of C recursion, so no
  pattern can exhaust Python's stack.

Both return match objects with the `re.Match` methods the string library
uses: span(), start(i), group(i), groups().

The limits (runtime/limits.py): re runs in C, where no tick can stop it,
and backtracking patterns take up to about n**(repeats + 1) steps on a
subject of n characters (string.find(('a'):rep(40), ('a*'):rep(40)..'b')
would run for hours). A repeat of a set can take at most the longest run
of the set's characters in the subject, so the steps are at most n times,
per repeat, one more than that run. While a budget is armed,
Pattern.searcher gives the regex only a subject whose bound is short (and
charges its scan), and the Matcher, which spends its steps, the rest.

Embedded zeros: lstrlib.c 5.1 reads the pattern as a C string, so a pattern
ends at its first "\\0" (use %z to match a zero byte).
"""
import re

from ..runtime import limits
from ..runtime.errors import LibErr
from ..runtime.limits import SPEND_BYTES, spend, spend_bytes

LUA_MAXCAPTURES = 32
SPECIALS = frozenset('^$*+?.([%-')
CAP_UNFINISHED = -1
CAP_POSITION = -2
RE_STEPS_BITS = 24            # under a budget, the regex runs worst cases below 2**24 steps
SPEND_STEPS = 256             # the Matcher charges its steps in batches of this many

# ---- character classes (C locale, as lua.c runs) --------------------------------------

_ALL = frozenset(map(chr, range(256)))


def _chars(*ranges):
    return frozenset(chr(c) for lo, hi in ranges for c in range(ord(lo), ord(hi) + 1))


_CLASSES = {
    'a': _chars('AZ', 'az'),
    'c': _chars('\x00\x1f', '\x7f\x7f'),
    'd': _chars('09'),
    'l': _chars('az'),
    'p': _chars('!/', ':@', '[`', '{~'),
    's': _chars('\t\r', '  '),
    'u': _chars('AZ'),
    'w': _chars('09', 'AZ', 'az'),
    'x': _chars('09', 'AF', 'af'),
    'z': frozenset('\0'),
}
for _k in list(_CLASSES):
    _CLASSES[_k.upper()] = _ALL - _CLASSES[_k]


def class_members(cl):
    """The characters %<cl> matches (match_class): a class or the literal cl."""
    return _CLASSES.get(cl) or frozenset(cl)


class PatternError(Exception):
    """Raised by the parser where match() would raise: carries Lua's message."""


def class_end(pat, p):
    """classEnd: the index just after the single-character class at p."""
    n = len(pat)
    c = pat[p]
    p += 1
    if c == '%':
        if p >= n:
            raise PatternError("malformed pattern (ends with '%')")
        return p + 1
    if c == '[':
        if p < n and pat[p] == '^':
            p += 1
        while True:                       # look for a ']' (the first char is never it)
            if p >= n:
                raise PatternError("malformed pattern (missing ']')")
            c = pat[p]
            p += 1
            if c == '%' and p < n:
                p += 1                    # skip escapes (e.g. '%]')
            if p < n and pat[p] == ']':
                return p + 1
    return p


def bracket_members(pat, p, ec):
    """matchbracketclass: the set of characters of the class pat[p:ec+1]."""
    members = set()
    negate = pat[p + 1] == '^'
    if negate:
        p += 1
    p += 1
    while p < ec:
        c = pat[p]
        if c == '%':
            p += 1
            members |= class_members(pat[p])
        elif pat[p + 1] == '-' and p + 2 < ec:
            members |= _chars(c + pat[p + 2])
            p += 2
        else:
            members.add(c)
        p += 1
    return _ALL - members if negate else frozenset(members)


def single_members(pat, p, ep):
    """The characters the single-character class pat[p:ep] matches (None: any)."""
    c = pat[p]
    if c == '.':
        return None
    if c == '%':
        return class_members(pat[p + 1])
    if c == '[':
        return bracket_members(pat, p, ep - 1)
    return frozenset(c)


# ---- parsing into items ---------------------------------------------------------------

# Item kinds. ONE..MIN carry a character set (None: any character).
ONE, OPT, STAR, PLUS, MIN = range(5)
OPEN, CLOSE, BAL, FRONT, BREF, DOLLAR, ERROR = range(5, 12)
_QUANT = {'?': OPT, '*': STAR, '+': PLUS, '-': MIN}


def parse(pat, p):
    """The items of pat from index p, and the kind of each capture (True:
    position capture; None: never closed). Parsing stops at the first
    error item, as match() cannot go past it."""
    items = []
    caps = []                 # per capture: False (closed), True (position) or None (open)
    n = len(pat)
    try:
        while p < n:
            c = pat[p]
            if c == '(':
                if len(caps) >= LUA_MAXCAPTURES:
                    raise PatternError('too many captures')
                position = p + 1 < n and pat[p + 1] == ')'
                items.append((OPEN, len(caps), position))
                caps.append(True if position else None)
                p += 2 if position else 1
                continue
            if c == ')':
                level = len(caps) - 1
                while level >= 0 and caps[level] is not None:
                    level -= 1
                if level < 0:
                    raise PatternError('invalid pattern capture')
                caps[level] = False
                items.append((CLOSE, level))
                p += 1
                continue
            if c == '%' and p + 1 < n:
                e = pat[p + 1]
                if e == 'b':
                    if p + 3 >= n:
                        raise PatternError('unbalanced pattern')
                    items.append((BAL, pat[p + 2], pat[p + 3]))
                    p += 4
                    continue
                if e == 'f':
                    p += 2
                    if p >= n or pat[p] != '[':
                        raise PatternError("missing '[' after '%f' in pattern")
                    ep = class_end(pat, p)
                    items.append((FRONT, bracket_members(pat, p, ep - 1)))
                    p = ep
                    continue
                if '0' <= e <= '9':
                    level = ord(e) - ord('1')
                    if level < 0 or level >= len(caps) or caps[level] is None:
                        raise PatternError('invalid capture index')
                    items.append((BREF, level, caps[level]))
                    p += 2
                    continue
            elif c == '$' and p + 1 == n:
                items.append((DOLLAR,))
                break
            ep = class_end(pat, p)
            members = single_members(pat, p, ep)
            if ep < n and pat[ep] in _QUANT:
                items.append((_QUANT[pat[ep]], members))
                p = ep + 1
            else:
                items.append((ONE, members))
                p = ep
    except PatternError as e:
        items.append((ERROR, e.args[0]))
    return items, caps


# ---- translation to a Python regular expression -------------------------------------

def _set_regex(members):
    """A regex matching one character of `members` (None: any character)."""
    if members is None or len(members) == 256:
        return r'[\x00-\xff]'
    if not members:
        return '(?!)'
    codes = sorted(map(ord, members))
    if len(codes) == 1:
        return re.escape(chr(codes[0]))
    parts = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append('\\x%02x' % codes[i] if i == j else '\\x%02x-\\x%02x' % (codes[i], codes[j]))
        i = j + 1
    return '[' + ''.join(parts) + ']'


_RX_QUANT = {ONE: '', OPT: '?', STAR: '*', PLUS: '+', MIN: '*?'}


def to_regex(items):
    """The regex source for a list of items without BAL/ERROR and with every
    capture closed; also the least length of a match."""
    out = []
    minlen = 0
    for item in items:
        kind = item[0]
        if kind <= MIN:
            out.append(_set_regex(item[1]) + _RX_QUANT[kind])
            minlen += kind == ONE or kind == PLUS
        elif kind == OPEN:
            out.append('()' if item[2] else '(')
        elif kind == CLOSE:
            out.append(')')
        elif kind == BREF:
            # a back-reference to a position capture never matches (its length is -2)
            out.append('(?!)' if item[2] else '(?:\\%d)' % (item[1] + 1))
        elif kind == FRONT:
            members = item[1]
            # at the ends of the subject, the missing neighbour counts as '\0'
            if '\0' in members:
                out.append('(?<=%s)' % _set_regex(_ALL - members))
                out.append('(?=%s|\\Z)' % _set_regex(members))
            else:
                out.append('(?<!%s)(?=%s)' % (_set_regex(members), _set_regex(members)))
        elif kind == DOLLAR:
            out.append('\\Z')
    return ''.join(out), minlen


# ---- the backtracking matcher (for what regex cannot express) ------------------------

class Matcher:
    """match() of lstrlib.c on the items, with an explicit stack of choice
    points in the order C's recursion would try them. Captures need no undo
    on backtracking: a capture is only read (by %n or at the end) on a path
    that has set it since the choice point."""

    def __init__(self, items, ncap, anchored):
        self.items = items + [None]       # None: end of pattern, success
        self.ncap = ncap
        self.anchored = anchored
        first = items[0] if items else None
        # a literal first character lets search() skip ahead with str.find
        self.lead = None
        if first is not None:
            if first[0] == BAL:
                self.lead = first[1]
            elif first[0] in (ONE, PLUS) and first[1] is not None and len(first[1]) == 1:
                self.lead = next(iter(first[1]))

    def search(self, s, pos):
        if self.anchored:
            return self.match(s, pos)
        n = len(s)
        lead = self.lead
        caps = [[0, CAP_UNFINISHED] for _ in range(self.ncap)]
        run = self._run
        while pos <= n:
            if lead is not None:
                pos = s.find(lead, pos)
                if pos < 0:
                    return None
            end = run(s, pos, caps)
            if end >= 0:
                return VMMatch(s, pos, end, caps)
            pos += 1
        return None

    def match(self, s, pos):
        caps = [[0, CAP_UNFINISHED] for _ in range(self.ncap)]
        end = self._run(s, pos, caps)
        return None if end < 0 else VMMatch(s, pos, end, caps)

    def _balance(self, s, i, b, e):
        """matchbalance: the end of the balanced run b...e at i, or -1."""
        if i >= len(s) or s[i] != b:
            return -1
        if b == e:
            j = s.find(e, i + 1)
            return -1 if j < 0 else j + 1
        global _last_balance
        last = _last_balance
        if last[0] is not s or last[1] != b or last[2] != e:
            last = _last_balance = (s, b, e, balance_ends(s, b, e))
        return last[3].get(i, -1)

    def _run(self, s, i, caps):
        """The end of the match of the items at i, or -1; charges its steps
        (items tried, characters scanned, choice points taken back)."""
        items = self.items
        n = len(s)
        stack = []            # choice points: [pc to resume, position, kind, extra]
        pc = 0
        steps = 1
        while True:
            if steps >= SPEND_STEPS:
                spend(steps)
                steps = 0
            steps += 1
            item = items[pc]
            ok = True
            if item is None:
                spend(steps)
                return i
            kind = item[0]
            if kind == ONE:
                cs = item[1]
                if i < n and (cs is None or s[i] in cs):
                    i += 1
                else:
                    ok = False
            elif kind == STAR or kind == PLUS or kind == OPT:
                cs = item[1]
                j = i
                if kind == OPT:
                    if i < n and (cs is None or s[i] in cs):
                        stack.append((pc + 1, i, OPT, 0))
                        i += 1
                else:
                    while j < n and (cs is None or s[j] in cs):
                        j += 1
                    steps += j - i
                    low = i if kind == STAR else i + 1
                    if j < low:
                        ok = False
                    else:
                        if j > low:
                            stack.append((pc + 1, j - 1, STAR, low))
                        i = j
            elif kind == MIN:
                stack.append((pc, i, MIN, 0))
            elif kind == OPEN:
                cap = caps[item[1]]
                cap[0] = i
                cap[1] = CAP_POSITION if item[2] else CAP_UNFINISHED
            elif kind == CLOSE:
                cap = caps[item[1]]
                cap[1] = i - cap[0]
            elif kind == BAL:
                j = self._balance(s, i, item[1], item[2])
                if j < 0:
                    ok = False
                else:
                    i = j
            elif kind == FRONT:
                cs = item[1]
                prev = s[i - 1] if i > 0 else '\0'
                cur = s[i] if i < n else '\0'
                ok = prev not in cs and cur in cs
            elif kind == BREF:
                init, length = caps[item[1]]
                if length >= 0 and s.startswith(s[init:init + length], i):
                    i += length
                    steps += length >> 6
                else:
                    ok = False
            elif kind == DOLLAR:
                ok = i == n
            else:
                raise LibErr(item[1])
            if ok:
                pc += 1
                continue
            # backtrack to the latest choice point
            while True:
                if not stack:
                    spend(steps)
                    return -1
                steps += 1
                pc, i, kind, extra = stack.pop()
                if kind == STAR:          # one repetition fewer
                    if i > extra:
                        stack.append((pc, i - 1, STAR, extra))
                    break
                if kind == OPT:
                    break
                # MIN: the rest failed at i; try one more repetition
                cs = items[pc][1]
                if i < n and (cs is None or s[i] in cs):
                    stack.append((pc, i + 1, MIN, 0))
                    i += 1
                    pc += 1
                    break


# (subject, b, e, balance_ends) of the last %b matched: the calls of one gsub,
# gmatch or find loop share it; only one subject is kept alive
_last_balance = (None, None, None, None)


def balance_ends(s, b, e):
    """{i: end of the balanced run b...e starting at i} for each s[i] == b
    that has one. With depth(k) = count of b minus count of e in s[:k], the
    run from i ends at the first k > i where the depth is back to depth(i):
    one right-to-left pass finds all, where matchbalance scanning from each
    start (as lua5.1 does) is quadratic in unbalanced text."""
    spend(len(s))
    depth = 0
    depths = [0]
    for c in s:
        if c == b:
            depth += 1
        elif c == e:
            depth -= 1
        depths.append(depth)
    ends = {}
    next_at = {}            # depth -> the least k seen so far (scanning down) with that depth
    for k in range(len(s), -1, -1):
        d = depths[k]
        if k < len(s) and s[k] == b and d in next_at:
            ends[k] = next_at[d]
        next_at[d] = k
    return ends


class VMMatch:
    """What Matcher finds, with the re.Match methods the library uses."""
    __slots__ = ('string', 'pos', 'endpos', 'caps')

    def __init__(self, string, pos, endpos, caps):
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self.caps = caps

    def span(self, i=0):
        if i == 0:
            return self.pos, self.endpos
        init, length = self.caps[i - 1]
        return init, init + length

    def start(self, i=0):
        return self.pos if i == 0 else self.caps[i - 1][0]

    def group(self, i=0):
        if i == 0:
            return self.string[self.pos:self.endpos]
        init, length = self.caps[i - 1]
        if length == CAP_UNFINISHED:
            raise LibErr('unfinished capture')
        return self.string[init:init + length]

    def groups(self):
        return tuple(self.group(i) for i in range(1, len(self.caps) + 1))


# ---- compiled patterns and their cache ------------------------------------------------

class Pattern:
    """A compiled Lua pattern.

    search(s, pos) -> match object or None: the first match at or after pos
    (only at pos for an anchored pattern); pos must be <= len(s).
    ncap: the number of captures; poscaps: indices (from 1) of position
    captures; minlen: the least length of a match (0: may match empty);
    literal: the pattern itself when it has no special character (find then
    searches plainly); exact: the same when it also has no ')', so that
    matching it is a plain search;
    rx: the compiled regex, or None when the Matcher runs it;
    subn_safe: rx.subn/finditer walk the subject exactly as 5.1's gsub: they
    differ only after an empty match, where Python tries a non-empty match
    at the same place. Without lazy '-' items a pattern whose preferred
    match is empty has no non-empty one there (backtracking tries every
    consuming choice first).
    searcher(s): the search function for the subject s that keeps the
    limits (see the module's doc)."""
    __slots__ = ('search', 'ncap', 'poscaps', 'minlen', 'literal', 'exact', 'rx', 'anchored',
                 'subn_safe', 'items', 'repeats', 'matcher', 'scan', 'bounded')

    def __init__(self, pat, gmatch):
        if '\0' in pat:
            pat = pat[:pat.index('\0')]
        self.anchored = not gmatch and pat.startswith('^')
        self.literal = None if SPECIALS.intersection(pat) else pat
        self.exact = None if self.literal is None or ')' in pat else pat
        items, caps = parse(pat, 1 if self.anchored else 0)
        self.items = items
        self.repeats = sum(item[0] in (OPT, STAR, PLUS, MIN) for item in items)
        self.matcher = self.scan = None
        self.bounded = (None, False)      # (the last subject, its bound is short)
        self.ncap = len(caps)
        self.poscaps = tuple(i + 1 for i, kind in enumerate(caps) if kind is True)
        self.rx = None
        self.minlen = 0
        if not any(item[0] in (BAL, ERROR) for item in items) and None not in caps:
            source, self.minlen = to_regex(items)
            try:
                self.rx = re.compile(source)
            except (re.error, RecursionError, OverflowError):
                self.rx = None            # too large for re: the Matcher does it
        self.subn_safe = self.rx is not None and not self.anchored and (
            self.minlen > 0 or not any(item[0] == MIN for item in items))
        if self.rx is not None:
            self.search = self.rx.match if self.anchored else self.rx.search
        else:
            self.matcher = Matcher(items, self.ncap, self.anchored)
            self.search = self.matcher.search

    def searcher(self, s):
        if not limits._armed[0] or self.rx is None:
            return self.search
        # without repeats, a scan that the charge after it stands for
        if self.regex_bounded(s):
            if self.scan is None:
                self.scan = _charged(self.search, len(self.items) or 1)
            return self.scan
        if self.matcher is None:
            self.matcher = Matcher(self.items, self.ncap, self.anchored)
        return self.matcher.search

    def regex_bounded(self, s):
        """Whether the regex's backtracking over all of s (every search of a
        gmatch or gsub together: each start is tried once) is bounded by
        2**RE_STEPS_BITS steps. At a start, a repeat has one more choice than
        the run of its characters there: for the first repeat that run is
        the one at its own position (summed over the starts, n + 1 plus
        L(L+1)/2 for each run of length L), for the others at most the
        longest run in s. Checked once per subject."""
        if self.rx is None:
            return False
        if not self.repeats:
            return True
        last, short = self.bounded
        if last is s:
            return short
        # first with every run as long as s (no scan), then with s's runs
        limit = 1 << RE_STEPS_BITS
        short = self._steps(s, lambda members, s: [len(s)], limit) <= limit or \
            self._steps(s, _runs_of, limit) <= limit
        self.bounded = (s, short)
        return short

    def _steps(self, s, runs_of, limit):
        """The bound of regex_bounded, with runs_of(members, s) giving the
        lengths of the runs of a repeat's characters (stops past the limit)."""
        paths = 1                 # choices per start so far
        steps = len(s) + 1
        first = True
        seen = {}                 # the runs of each set (repeats often share one)
        for item in self.items:
            if steps > limit:
                break
            if item[0] == OPT:
                paths *= 2
                steps *= 2
            elif item[0] in (STAR, PLUS, MIN):
                runs = seen.get(item[1])
                if runs is None:
                    runs = seen[item[1]] = runs_of(item[1], s)
                if first:
                    steps += paths * sum(n * (n + 1) // 2 for n in runs)
                    first = False
                else:
                    steps *= max(runs, default=0) + 1
        return steps


_runs = {}


def _runs_of(members, s):
    """The lengths of the runs of characters of members in s."""
    if members is None:
        return [len(s)]
    rx = _runs.get(members)
    if rx is None:
        if len(_runs) >= CACHE_SIZE:
            _runs.clear()
        rx = _runs[members] = re.compile(_set_regex(members) + '+')
    spend_bytes(len(s))
    return list(map(len, rx.findall(s)))


def _charged(search, items):
    """The regex's search charging itself (one instruction) and the
    characters it went over (times the items tried at each)."""
    def charged_search(s, pos):
        m = search(s, pos)
        spend(1 + ((len(s) if m is None else m.end()) - pos) * items // SPEND_BYTES)
        return m
    return charged_search


_cache = {}
_gcache = {}
CACHE_SIZE = 512


def compile_pattern(pat, gmatch=False):
    """The Pattern for pat (cached); gmatch: '^' is an ordinary character."""
    cache = _gcache if gmatch and pat.startswith('^') else _cache
    p = cache.get(pat)
    if p is None:
        if len(cache) >= CACHE_SIZE:
            cache.clear()
        spend(len(pat))               # parsing, and re's compiling, go over each character
        p = cache[pat] = Pattern(pat, gmatch)
    return p


def captures(pat, m):
    """push_captures: the captures of m as Lua values (the whole match when
    there are none)."""
    if not pat.ncap:
        return (m.group(0),)
    groups = m.groups()
    if pat.poscaps:
        groups = list(groups)
        for i in pat.poscaps:
            groups[i - 1] = float(m.start(i) + 1)
    return groups


def capture(pat, m, i):
    """push_onecapture(i - 1) for gsub's %i: capture i (from 1), the whole
    match for %1 when there are no captures."""
    if i > pat.ncap:
        if i == 1:
            return m.group(0)
        raise LibErr('invalid capture index')
    if i in pat.poscaps:
        return float(m.start(i) + 1)
    return m.group(i)
