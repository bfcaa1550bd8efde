"""Lua tables.

A table is one Python dict, `hash`, holding only non-nil values. Number keys
are floats (the dict makes 1.0 and 1 the same key, so an integer from Python
finds the same entry). Measured on CPython 3.11, a dict lookup with a float
key costs less than the int() conversion an array part would need, so there
is no separate array part; `#t` searches for a border starting from the last
one found, which makes `t[#t+1] = v` loops constant time per step.

`true` and `false` cannot be dict keys as themselves (True == 1.0 in Python),
so they are stored as the BoolKey sentinels TRUE_KEY and FALSE_KEY.
"""
import weakref

from . import gc

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


@register_type
class LuaTable:
    __slots__ = ('hash', 'meta', 'border', 'keys', 'iterpos', 'keypos', '__weakref__')
    lua_typename = 'table'

    def __init__(self, hash=None, narr=0):
        self.hash = {} if hash is None else hash
        self.meta = None
        # The last border #t found: a hint, never trusted. A constructor's
        # array size starts it, so that # answers as Lua's array part would.
        self.border = float(narr - 1) if narr > 1 else 0.0
        self.keys = None      # key snapshot for next(), built on demand
        self.iterpos = 0
        self.keypos = None

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
        if v is None:
            self.hash.pop(k, None)
        else:
            self.hash[k] = v

    def length(self):
        """A border of the table (#t): n with t[n] ~= nil and t[n+1] == nil."""
        h = self.hash
        n = self.border
        if n == 0.0 or n in h:
            if n + 1.0 not in h:
                return n
            lo = n + 1.0                   # present; find an absent hi above it
            hi = lo * 2.0
            while hi in h:
                lo = hi
                hi *= 2.0
                if hi > 9007199254740992.0:    # a pathological table: scan up
                    hi = lo + 1.0
                    while hi in h:
                        hi += 1.0
                    self.border = hi - 1.0
                    return hi - 1.0
        else:
            if n - 1.0 in h or n == 1.0:       # the common shrink by one
                self.border = n - 1.0
                return n - 1.0
            lo, hi = 0.0, n
        while hi - lo > 1.0:                   # lo present (or 0), hi absent
            m = float((lo + hi) // 2)
            if m in h:
                lo = m
            else:
                hi = m
        self.border = lo
        return lo

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
    when the collector runs); runtime/gc.py's sweep weakens the collectable
    keys (mode k) or values (mode v) around a Python collection, and the
    entries whose weak part died are gone afterwards."""
    __slots__ = ('weak_keys', 'weak_values', 'held', '__weakref__')

    def __init__(self, items, weak_keys, weak_values):
        dict.__init__(self, items)
        self.weak_keys = weak_keys
        self.weak_values = weak_values
        self.held = None
        gc.track_weak(self)

    def __setitem__(self, k, v):
        dict.__setitem__(self, k, v)
        gc.note_insertion()

    def weaken(self):
        held = []
        for k, v in list(self.items()):
            wk = self.weak_keys and type(k) in _COLLECTABLE
            wv = self.weak_values and type(v) in _COLLECTABLE
            if wk or wv:
                held.append((weakref.ref(k) if wk else k, weakref.ref(v) if wv else v))
                del self[k]
        self.held = held

    def strengthen(self):
        for k, v in self.held or ():
            if type(k) is weakref.ref:
                k = k()
            if type(v) is weakref.ref:
                v = v()
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
    t.hash = WeakHash(h, wk, wv) if (wk or wv) else dict(h)
    t.keys = None
