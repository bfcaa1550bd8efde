"""Lua tables.

A table is one Python dict, `hash`, holding only non-nil values. Number keys
are floats (the dict makes 1.0 and 1 the same key, so an integer from Python
finds the same entry). Measured on CPython 3.11, a dict lookup with a float
key costs less than the int() conversion an array part would need, so the
table has no array part of its own.

But `#t` must give the border Lua 5.1 gives, holes included (real code
unpacks tables with nils), and that border depends on the size Lua 5.1 gave
the table's array part, which it chooses each time the table is rehashed
(ltable.c). So a table keeps the sizes Lua 5.1 would have given it, without
the parts: `asize` (the array part holds keys 1..asize), `hsize` (nodes in
the hash part, 0 for Lua's dummy node) and `hfree` (nodes not yet taken).
Only a new key changes them: the fast paths that overwrite an existing key
with a value touch none of it, and everything else (a new key, a nil, which
in Lua 5.1 also takes a node when the key is absent) goes through `store`,
which follows luaH_set, newkey and rehash. A rehash needs the integer keys,
so the table also keeps the run `ilo..ihi` that its keys 1..2^30 form
(arrays, stacks and queues keep theirs one run): with it a rehash is
constant-time, and so is # of a sequence.

`true` and `false` cannot be dict keys as themselves (True == 1.0 in Python),
so they are stored as the BoolKey sentinels TRUE_KEY and FALSE_KEY.
"""
import struct
import weakref

from ..common.cdata import held_weakly
from . import gc
from .gc import BUDGET, NODE_BYTES, SLOT_BYTES, TABLE_BYTES, allocation_point, charge
from .errors import RuntimeErr
from .values import LuaFunction, Userdata, register_type


class BoolKey:
    __slots__ = ('value',)

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return 'BoolKey(%r)' % self.value


TRUE_KEY = BoolKey(True)
FALSE_KEY = BoolKey(False)


def raw_key(k):
    """The dict key that stands for Lua key k (for lookups)."""
    if k is True:
        return TRUE_KEY
    if k is False:
        return FALSE_KEY
    return k


def lua_key(k):
    """The Lua key a dict key stands for."""
    return k.value if type(k) is BoolKey else k


# ---- Lua 5.1's sizing (ltable.c) -----------------------------------------------

MAXBITS = 30                          # LUAI_BITSINT - 2
MAXASIZE = float(1 << MAXBITS)
MAX_INT = 2147483647


def array_index(k):
    """k as a candidate array index 1..2^30 (ltable.c's countint), else 0."""
    if type(k) is float and 1.0 <= k <= MAXASIZE and k.is_integer():
        return int(k)
    return 0


def _ceillog2(n):
    return (n - 1).bit_length()


def _computesizes(nums, narray):
    """The array size n such that more than half of 1..n is in use, and how
    many keys go there; nums[i] counts the keys in (2^(i-1), 2^i]."""
    a = na = n = 0
    twotoi = 1
    for count in nums:
        if twotoi // 2 >= narray:
            break
        if count:
            a += count
            if a > twotoi // 2:
                n = twotoi
                na = a
        if a == narray:
            break
        twotoi *= 2
    return n, na


def main_position(k, hsize):
    """The node Lua 5.1 first tries for key k in a hash part of hsize nodes
    (ltable.c's mainposition), or None where Lua hashes an address."""
    tk = type(k)
    if tk is float:
        if k == 0.0:
            return 0
        bits = struct.unpack('<Q', struct.pack('<d', k))[0]
        return ((bits & 0xffffffff) + (bits >> 32)) % 0x100000000 % ((hsize - 1) | 1)
    if tk is str:
        if len(k) > _HASH_CACHE_MAX_LEN:
            return lua_string_hash(k) & (hsize - 1)
        h = _HASH_CACHE.get(k)
        if h is None:
            if len(_HASH_CACHE) >= _HASH_CACHE_SIZE:
                _HASH_CACHE.clear()
            h = _HASH_CACHE[k] = lua_string_hash(k)
        return h & (hsize - 1)
    if tk is BoolKey:
        return int(k.value) & (hsize - 1)
    return None


def lua_string_hash(s):
    """lstring.c's hash of a string (a str of code points 0-255)."""
    n = len(s)
    h = n
    step = (n >> 5) + 1
    i = n
    while i >= step:
        h = (h ^ (((h << 5) & 0xffffffff) + (h >> 2) + ord(s[i - 1]))) & 0xffffffff
        i -= step
    return h


class DeadNodes:
    """The nodes of a hash part that hold a key whose value is nil (deleted,
    or set to nil while absent). Lua 5.1 keeps them until the next rehash:
    setting such a key again reuses its node, and so does a new key whose
    main position is one. Where a node is depends on the whole history of
    the table; it is taken to be the key's main position, which it is
    unless the key collided when it was inserted."""
    __slots__ = ('hsize', 'pos_of', 'key_at')

    def __init__(self, hsize):
        self.hsize = hsize
        self.pos_of = {}          # dead key -> its node
        self.key_at = {}          # node -> dead key

    def add(self, k):
        p = main_position(k, self.hsize) if self.hsize else None
        self.pos_of[k] = p
        if p is not None:
            self.key_at[p] = k

    def take(self, k):
        """True when storing the new key k reuses a dead node."""
        p = self.pos_of.pop(k, _MISSING)
        if p is _MISSING:             # not a dead key: does it land on one?
            p = main_position(k, self.hsize) if self.key_at else None
            old = self.key_at.pop(p, None)
            if old is None:
                return False
            del self.pos_of[old]
        elif p is not None and self.key_at.get(p) == k:
            del self.key_at[p]
        return True

    def copy(self):
        d = DeadNodes(self.hsize)
        d.pos_of = dict(self.pos_of)
        d.key_at = dict(self.key_at)
        return d


_MISSING = object()
_HASH_CACHE = {}
_HASH_CACHE_MAX_LEN = 40
_HASH_CACHE_SIZE = 4096


def _grown():
    """A table grew and is whole again: an allocation point (its growth was
    charged while it was being updated, where no collection may run)."""
    if BUDGET[0] < 0:
        allocation_point()


@register_type
class LuaTable:
    __slots__ = ('hash', 'meta', 'asize', 'hsize', 'hfree', 'ilo', 'ihi', 'dead',
                 'keys', 'iterpos', 'keypos', '__weakref__')
    lua_typename = 'table'

    def __init__(self, hash=None, asize=0, hsize=0):
        """A table with Lua 5.1's sizes asize and hsize (luaH_new), or one
        sized for the entries of `hash` as a rehash would size it."""
        self.hash = {} if hash is None else hash
        self.meta = None
        self.asize = asize
        self.hsize = hsize
        self.hfree = hsize if asize else -1     # see _count_nodes
        # The keys 1..2^30 present are exactly ilo..ihi (none: 1..0), or
        # ilo is 0 when they are not one run.
        self.ilo = 1.0
        self.ihi = 0.0
        self.dead = None      # DeadNodes: keys whose node holds nil, until a rehash
        self.keys = None      # key snapshot for next(), built on demand
        self.iterpos = 0
        self.keypos = None
        if hash:
            self.ilo = 0.0
            self._rehash(None)
        BUDGET[0] -= TABLE_BYTES + SLOT_BYTES * self.asize + NODE_BYTES * self.hsize
        if BUDGET[0] < 0:
            allocation_point()

    def __repr__(self):
        return '<LuaTable at 0x%x>' % id(self)

    # -- raw access (no metamethods) --

    def get(self, k):
        if k is True or k is False:
            k = TRUE_KEY if k else FALSE_KEY
        return self.hash.get(k)

    def set(self, k, v):
        """rawset: the key must not be nil or NaN."""
        tk = type(k)
        if tk is bool:
            k = TRUE_KEY if k else FALSE_KEY
        elif tk is float:
            if k != k:
                raise RuntimeErr('table index is NaN')
        elif tk is int:
            k = float(k)
        elif k is None:
            raise RuntimeErr('table index is nil')
        self.store(k, v)

    def store(self, k, v):
        """t[k] = v for a dict key k (luaH_set, then the store): what the fast
        paths leave to it, new keys and nils."""
        h = self.hash
        if self.hfree < 0:
            self._count_nodes()
        index = type(k) is float and 1.0 <= k <= MAXASIZE and k.is_integer()
        if k in h:
            if v is not None:
                h[k] = v
                return
            del h[k]
            if index:
                self._run_lost(k)
                if k <= self.asize:
                    return            # an array slot: no node
        elif index and k <= self.asize:
            if v is not None:         # an empty array slot
                h[k] = v
                self._run_gained(k)
            return
        else:
            dead = self.dead
            if dead is not None and dead.take(k):
                pass                  # the node of a deleted key is reused
            elif self.hfree:
                self.hfree -= 1
            elif v is not None and self.ilo and not (self.asize or index or self.ihi):
                self._grow_hash()     # no integer keys: the array part stays empty
                h[k] = v
                _grown()
                return
            elif v is not None and index and k == self.ihi + 1.0 and self.ilo == 1.0 \
                    and dead is None:
                self._grow_sequence(k)
                h[k] = v
                self.ihi = k
                _grown()
                return
            else:
                self._rehash(k)
                self.store(k, v)
                _grown()
                return
            if v is not None:
                h[k] = v
                if index:
                    self._run_gained(k)
                return
        # k's node stays, holding nil, until the next rehash
        if self.dead is None:
            self.dead = DeadNodes(self.hsize)
        self.dead.add(k)

    def copy(self):
        """A table with this one's entries and sizes (TDUP's)."""
        t = LuaTable.__new__(LuaTable)
        t.hash = self.hash.copy()
        t.meta = None
        t.asize = self.asize
        t.hsize = self.hsize
        t.hfree = self.hfree
        t.ilo = self.ilo
        t.ihi = self.ihi
        t.dead = None if self.dead is None else self.dead.copy()
        t.keys = None
        t.iterpos = 0
        t.keypos = None
        BUDGET[0] -= TABLE_BYTES + SLOT_BYTES * t.asize + NODE_BYTES * t.hsize
        if BUDGET[0] < 0:
            allocation_point()
        return t

    def _run_gained(self, k):
        lo = self.ilo
        if lo:
            hi = self.ihi
            if k == hi + 1.0:
                self.ihi = k
            elif k == lo - 1.0:
                self.ilo = k
            elif hi < lo:
                self.ilo = self.ihi = k
            else:
                self.ilo = 0.0

    def _run_lost(self, k):
        lo = self.ilo
        if lo:
            hi = self.ihi
            if k == hi:
                self.ihi = k - 1.0
                if hi == lo:
                    self.ilo = 1.0
                    self.ihi = 0.0
            elif k == lo:
                self.ilo = k + 1.0
            else:
                self.ilo = 0.0

    def _grow_hash(self):
        """The rehash of a table without integer keys, for one more key:
        from here on its nodes are counted only when needed."""
        hsize = 1 << _ceillog2(len(self.hash) + 1)
        charge(NODE_BYTES * (hsize - self.hsize))
        self.hsize = hsize
        self.hfree = -1
        self.dead = None

    def settle(self):
        """Go back to not counting nodes, where that is allowed."""
        if not (self.asize or self.ihi or self.dead) and self.ilo:
            self.hfree = -1

    def _grow_sequence(self, k):
        """The rehash for key k of a table whose keys 1..2^30 are 1..k-1:
        the array part becomes the power of 2 that holds 1..k, the hash part
        keeps the other keys."""
        n = int(k)
        asize = 1 << _ceillog2(n)
        nhash = len(self.hash) + 1 - n
        hsize = 1 << _ceillog2(nhash) if nhash else 0
        charge(SLOT_BYTES * (asize - self.asize) + NODE_BYTES * (hsize - self.hsize))
        self.asize = asize
        self.hsize = hsize
        self.hfree = hsize - nhash

    def _count_nodes(self):
        """Leave the state a table without integer keys and without deleted
        keys is kept in (hfree < 0): each new key took a node, and the hash
        part doubled when they were all taken."""
        n = len(self.hash)
        if n > self.hsize:
            hsize = 1 << _ceillog2(n)
            charge(NODE_BYTES * (hsize - self.hsize))
            self.hsize = hsize
        self.hfree = self.hsize - n

    def _run_nums(self, nums):
        """Count the run ilo..ihi into nums."""
        lo, hi = int(self.ilo), int(self.ihi)
        if lo <= 1 <= hi:
            nums[0] += 1
        i = 1
        while (1 << (i - 1)) < hi:
            n = min(hi, 1 << i) - max(lo, (1 << (i - 1)) + 1) + 1
            if n > 0:
                nums[i] += n
            i += 1
        return max(hi - lo + 1, 0)

    def _in_array(self, asize):
        """How many of the keys 1..2^30 are in 1..asize (the run is known)."""
        return max(min(int(self.ihi), asize) - int(self.ilo) + 1, 0)

    def _rehash(self, ek):
        """ltable.c's rehash, for the new key ek (None: size for the keys
        present): the largest array size that is more than half in use, and
        a hash part for the rest."""
        h = self.hash
        nums = [0] * (MAXBITS + 1)
        weak = type(h) is WeakHash
        if self.ilo and not weak:
            ints = None
            nasize = self._run_nums(nums)
        else:
            ints = [int(k) for k in h if type(k) is float and 1.0 <= k <= MAXASIZE
                    and k.is_integer()]
            for i in ints:
                nums[(i - 1).bit_length()] += 1
            nasize = len(ints)
        total = len(h)
        e = array_index(ek)
        if ek is not None:
            total += 1
            if e:
                nums[_ceillog2(e)] += 1
                nasize += 1
        asize, na = _computesizes(nums, nasize)
        nhash = total - na
        if nhash and _ceillog2(nhash) > MAXBITS:
            raise RuntimeErr('table overflow')
        hsize = 1 << _ceillog2(nhash) if nhash else 0
        charge(SLOT_BYTES * (asize - self.asize) + NODE_BYTES * (hsize - self.hsize))
        self.asize = asize
        self.hsize = hsize
        # the caller stores ek: it takes a node unless it fits the array part
        self.hfree = self.hsize - nhash + (1 if ek is not None and not 0 < e <= asize else 0)
        self.dead = None
        if ints is not None:
            lo, hi = (min(ints), max(ints)) if ints else (1, 0)
            self.ilo, self.ihi = (float(lo), float(hi)) if hi - lo + 1 == len(ints) \
                and not weak else (0.0, 0.0)

    def grow_array(self, n):
        """luaH_resizearray(t, n) for n > asize (SETLIST in a constructor with
        a multiple-result last item): the hash part is rebuilt at its size."""
        h = self.hash
        if self.hfree < 0:
            self._count_nodes()
        if self.ilo == 1.0:
            in_array = int(self.ihi) if self.ihi < n else n
        elif self.ilo:
            in_array = self._in_array(n)
        else:
            in_array = sum(1 for k in h if type(k) is float and 1.0 <= k <= n
                           and k.is_integer())
        BUDGET[0] -= SLOT_BYTES * (n - self.asize)
        self.asize = n
        self.hfree = self.hsize - (len(h) - in_array)
        self.dead = None
        _grown()

    def length(self):
        """#t: luaH_getn, on Lua 5.1's array size."""
        if self.ilo == 1.0:
            return self.ihi           # a sequence: its end is the only border
        j = self.asize
        h = self.hash
        if j and j not in h:          # a border inside the array part
            return _border_between(h, 0, j)
        if not self.hsize:
            return float(j)
        i = j                         # unbound_search: i present (or 0), j absent
        j += 1
        while j in h:
            i = j
            j *= 2
            if j > MAX_INT:           # a table built to defeat this: scan
                i = 1
                while i in h:
                    i += 1
                return float(i - 1)
        return _border_between(h, i, j)

    def next(self, k):
        """next(t, k): (key, value) after k, or None at the end.

        Traversal walks a snapshot of the keys, skipping keys whose value has
        since become nil, so assigning to existing fields (nil included)
        during traversal is allowed, as in Lua. `next(t)` stays cheap (it is
        the usual emptiness test): the snapshot is taken at the second step.
        """
        h = self.hash
        if k is None:
            for key in h:
                self.keys = None
                self.iterpos = key          # the first key, until the snapshot
                return lua_key(key), h[key]
            return None
        k = raw_key(k)
        keys = self.keys
        if keys is None:
            first = self.iterpos
            keys = self.keys = list(h)
            self.keypos = None
            self.iterpos = -1               # a position from here on, also if k is invalid
            if k is first and k not in h:   # the first key was removed meanwhile
                return self._after(keys, -1)
            i = 0 if keys and keys[0] is k else -1
        else:
            i = self.iterpos
        if not (0 <= i < len(keys) and keys[i] is k):
            pos = self.keypos
            if pos is None:
                pos = self.keypos = {key: j for j, key in enumerate(keys)}
            i = pos.get(k)
            if i is None:
                if k not in h:
                    raise RuntimeErr("invalid key to 'next'")
                # a key added after the snapshot: take a new one
                keys = self.keys = list(h)
                pos = self.keypos = {key: j for j, key in enumerate(keys)}
                i = pos[k]
        return self._after(keys, i)

    def _after(self, keys, i):
        h = self.hash
        n = len(keys)
        i += 1
        while i < n:
            key = keys[i]
            v = h.get(key)
            if v is not None:
                self.iterpos = i
                return lua_key(key), v
            i += 1
        self.iterpos = n
        return None

    def array(self, n):
        """[t[1], ..., t[n]] (for unpack, table.sort, concat)."""
        g = self.hash.get
        return [g(float(i)) for i in range(1, n + 1)]


def _border_between(h, i, j):
    """The binary search of luaH_getn: a border between i (present, or 0)
    and j (absent)."""
    while j - i > 1:
        m = (i + j) >> 1
        if m in h:
            i = m
        else:
            j = m
    return float(i)


def create_table(narray, nrec):
    """lua_createtable: a table sized for narray array and nrec other keys."""
    return LuaTable(None, narray, 1 << _ceillog2(nrec) if nrec else 0)


class PairsIter:
    """The hidden control value of a `for k, v in pairs(t)` loop (ISNEXT/ITERN):
    an iterator over a snapshot of t's keys."""
    __slots__ = ('hash', 'keys')

    def __init__(self, t):
        self.hash = t.hash
        self.keys = iter(list(t.hash))


# ---- weak tables --------------------------------------------------------------

_COLLECTABLE = set()      # classes whose instances weak tables hold weakly


def collectable(cls):
    _COLLECTABLE.add(cls)
    return cls


collectable(LuaTable)
collectable(LuaFunction)
collectable(Userdata)


class WeakHash(dict):
    """The hash of a table with __mode 'k', 'v' or 'kv'. Between collections
    it is a plain dict holding its entries strongly (Lua frees objects only
    when the collector runs); runtime/gc.py's collection weakens the
    collectable keys (mode k) or values (mode v) around a Python collection,
    and the entries whose weak part died are gone afterwards."""
    __slots__ = ('weak_keys', 'weak_values', 'held', 'owner', '__weakref__')

    def __init__(self, items, weak_keys, weak_values, owner):
        dict.__init__(self, items)
        self.weak_keys = weak_keys
        self.weak_values = weak_values
        self.held = None
        self.owner = weakref.ref(owner)
        gc.track_weak(self)

    def weaken(self):
        """Hold every entry aside, its weak parts by weak references (in
        order, so that a traversal goes on as it was)."""
        held = []
        for k, v in self.items():
            wk = self.weak_keys and (type(k) in _COLLECTABLE or held_weakly(type(k)))
            wv = self.weak_values and (type(v) in _COLLECTABLE or held_weakly(type(v)))
            held.append((weakref.ref(k) if wk else k, id(k), weakref.ref(v) if wv else v))
        dict.clear(self)
        self.held = held
        t = self.owner()
        if t is not None:             # next()'s caches hold keys too
            t.keys = t.keypos = None
            t.iterpos = 0

    def strengthen(self, revived):
        """Put back what survived. A key whose userdata is being finalized
        (revived: id -> userdata) stays until the next collection, as in
        lua5.1, where __gc can still find it; a value does not."""
        for k, kid, v in self.held or ():
            if type(k) is weakref.ref:
                k = k() or revived.get(kid)
            if type(v) is weakref.ref:
                v = v()
                if id(v) in revived:
                    continue
            if k is not None and v is not None:
                dict.__setitem__(self, k, v)
        self.held = None


def set_weak_mode(t, mode):
    """Make t's hash weak or strong to follow its metatable's __mode."""
    wk = type(mode) is str and 'k' in mode
    wv = type(mode) is str and 'v' in mode
    h = t.hash
    if type(h) is WeakHash:
        if (h.weak_keys, h.weak_values) == (wk, wv):
            return
    elif not (wk or wv):
        return
    if t.hfree < 0:
        t._count_nodes()      # a collection removes entries: count nodes for real
    t.hash = WeakHash(h, wk, wv, t) if (wk or wv) else dict(h)
    t.keys = None
    t.ilo = 0.0           # a collection removes entries behind the table's back
