"""A model of Lua 5.1's ltable.c, node layout included, for number and
string keys: the oracle the table tests compare moonpatch's # with.

It places every key where Lua 5.1 does (main positions, collisions, free
positions taken from the top, rehash and resize in ltable.c's order), so it
gives lua5.1's # for any sequence of stores; test_table_sizes.py checks that
against lua5.1 itself when it is installed.
"""
import struct

MAXBITS = 30


class _Node:
    __slots__ = ('key', 'val', 'next')

    def __init__(self):
        self.key = self.val = self.next = None


def string_hash(s):
    """lstring.c's hash (Python str of code points 0-255)."""
    h = n = len(s)
    step = (n >> 5) + 1
    while n >= step:
        h = (h ^ (((h << 5) & 0xffffffff) + (h >> 2) + ord(s[n - 1]))) & 0xffffffff
        n -= step
    return h


def ceillog2(x):
    return (x - 1).bit_length()


def fb(n):
    """luaO_fb2int(luaO_int2fb(n))."""
    e = 0
    while n >= 16:
        n = (n + 1) >> 1
        e += 1
    return n << e


def _array_index(k):
    if isinstance(k, float) and k.is_integer() and 0 < k <= (1 << MAXBITS):
        return int(k)
    return 0


class Table:
    def __init__(self, narray=0, nhash=0):
        self.array = []
        self.node = []            # empty: Lua's dummy node
        self.lastfree = 0
        self.resize(narray, nhash)

    def state(self):
        """(array size, hash nodes, nodes with a key)."""
        return (len(self.array), len(self.node), sum(n.key is not None for n in self.node))

    def _main_position(self, k):
        size = len(self.node)
        if isinstance(k, float):
            if k == 0:
                return 0
            lo, hi = struct.unpack('<II', struct.pack('<d', k))
            return ((lo + hi) & 0xffffffff) % ((size - 1) | 1)
        return string_hash(k) & (size - 1)

    def _find(self, k):
        if not self.node:
            return None
        i = self._main_position(k)
        while i is not None:
            n = self.node[i]
            if type(n.key) is type(k) and n.key == k:
                return i
            i = n.next
        return None

    def get(self, k):
        i = _array_index(k)
        if 0 < i <= len(self.array):
            return self.array[i - 1]
        i = self._find(k)
        return None if i is None else self.node[i].val

    def set(self, k, v):
        """luaH_set, then the store."""
        i = _array_index(k)
        if 0 < i <= len(self.array):
            self.array[i - 1] = v
            return
        i = self._find(k)
        if i is None:
            i = self._newkey(k)
            if i is None:             # the rehash moved k to the array part
                self.array[_array_index(k) - 1] = v
                return
        self.node[i].val = v

    def _newkey(self, k):
        nodes = self.node
        mp = self._main_position(k) if nodes else None
        if mp is None or nodes[mp].val is not None:
            free = None
            while self.lastfree > 0:
                self.lastfree -= 1
                if nodes[self.lastfree].key is None:
                    free = self.lastfree
                    break
            if free is None:
                self._rehash(k)
                i = _array_index(k)
                if 0 < i <= len(self.array):
                    return None
                return self._find(k) if self._find(k) is not None else self._newkey(k)
            other = self._main_position(nodes[mp].key)
            if other != mp:           # the colliding node moves to the free one
                while nodes[other].next != mp:
                    other = nodes[other].next
                nodes[other].next = free
                m, f = nodes[mp], nodes[free]
                f.key, f.val, f.next = m.key, m.val, m.next
                m.next = m.val = None
            else:                     # the new key goes to the free node
                nodes[free].next = nodes[mp].next
                nodes[mp].next = free
                mp = free
        nodes[mp].key = k
        return mp

    def _rehash(self, ek):
        nums = [0] * (MAXBITS + 1)
        nasize = 0
        for i, v in enumerate(self.array, 1):
            if v is not None:
                nums[ceillog2(i)] += 1
                nasize += 1
        total = nasize
        for n in reversed(self.node):
            if n.val is not None:
                i = _array_index(n.key)
                if i:
                    nums[ceillog2(i)] += 1
                    nasize += 1
                total += 1
        i = _array_index(ek)
        if i:
            nums[ceillog2(i)] += 1
            nasize += 1
        total += 1
        a = na = n = 0
        i, twotoi = 0, 1
        while twotoi // 2 < nasize:
            if nums[i]:
                a += nums[i]
                if a > twotoi // 2:
                    n, na = twotoi, a
            if a == nasize:
                break
            i += 1
            twotoi *= 2
        self.resize(n, total - na)

    def resize(self, nasize, nhsize):
        old_array, old_nodes = self.array, self.node
        if nasize > len(old_array):
            self.array = old_array + [None] * (nasize - len(old_array))
        self.node = [_Node() for _ in range(1 << ceillog2(nhsize))] if nhsize else []
        self.lastfree = len(self.node)
        if nasize < len(old_array):
            self.array = old_array[:nasize]
            for i, v in enumerate(old_array[nasize:], nasize + 1):
                if v is not None:
                    self.set(float(i), v)
        for n in reversed(old_nodes):
            if n.val is not None:
                self.set(n.key, n.val)

    def length(self):
        """luaH_getn."""
        j = len(self.array)
        if j and self.array[j - 1] is None:
            i = 0
            while j - i > 1:
                m = (i + j) // 2
                if self.array[m - 1] is None:
                    j = m
                else:
                    i = m
            return i
        if not self.node:
            return j
        i = j
        j += 1
        while self.get(float(j)) is not None:
            i = j
            j *= 2
            if j > 2147483647:
                i = 1
                while self.get(float(i)) is not None:
                    i += 1
                return i - 1
        while j - i > 1:
            m = (i + j) // 2
            if self.get(float(m)) is None:
                j = m
            else:
                i = m
        return i

    # ltablib.c
    def insert(self, v, pos=None):
        e = self.length() + 1
        if pos is None:
            pos = e
        else:
            e = max(e, pos)
            for i in range(e, pos, -1):
                self.set(float(i), self.get(float(i - 1)))
        self.set(float(pos), v)

    def remove(self, pos=None):
        e = self.length()
        pos = e if pos is None else pos
        if 1 <= pos <= e:
            for p in range(pos, e):
                self.set(float(p), self.get(float(p + 1)))
            self.set(float(e), None)
