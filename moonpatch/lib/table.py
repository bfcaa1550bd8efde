"""The table library (ltablib.c of Lua 5.1).

Tables have no array part, so runs of integer keys are moved in Python lists:
insert/remove read the run once, shift it and write it back (through the
table's store where a key may come or go, for Lua 5.1's sizes); sort reads
t[0..n+1] into a list, runs lua5.1's quicksort (auxsort) on it, and writes
it back (also when the comparator raises, so a failed sort leaves the table
as lua5.1 leaves it). The quicksort is a faithful port: the comparator is
called with the same arguments in the same order as in lua5.1, so
inconsistent comparators give the same results and the same 'invalid order
function for sorting' errors. What differs: a comparator that modifies the
table being sorted sees (and keeps) the list, not the table.
"""
from math import isnan

from ..runtime import ops
from ..runtime.clevels import C_LEVEL
from ..runtime.errors import LibErr
from ..runtime.limits import spend
from ..runtime.ops import charge_string
from ..runtime.table import lua_key
from ..runtime.values import LuaFunction, number_to_str, typename
from .auxlib import c_int, check_cint, check_function, check_table, opt_cint, opt_string
from .registry import libfunction

LIB = 'table'


def aux_getn(args, n=1):
    """luaL_checktype + luaL_getn: (int)#t."""
    t = check_table(args, n)
    return t, c_int(int(t.length()))


def _shift(t, lo, hi, delta):
    """t[i + delta] = t[i] for i in lo..hi, raw, in the order of lua5.1's
    loops (from the end the elements move towards), as one block move when
    only the first store can add a key."""
    h = t.hash
    n = hi - lo + 1
    if n <= 0:
        return
    if n > 2 * len(h) + 8:
        # A sparse range (e.g. a position far from the elements): move only
        # the keys that exist; the others are nil before and after.
        spend(2 * len(h))
        def ints_in(a, b):
            return [k for k in list(h) if type(k) is float and a <= k <= b and k.is_integer()]
        moved = [(k + delta, h[k]) for k in ints_in(lo, hi)]
        for k in ints_in(lo + delta, hi + delta):
            t.store(k, None)
        for k, v in moved:
            t.store(k, v)
        return
    spend(n)
    keys = list(map(float, range(lo, hi + 1)))
    vals = list(map(h.get, keys))
    dest = [k + delta for k in keys]
    if delta > 0:
        keys.reverse()
        vals.reverse()
        dest.reverse()
    if None in vals:
        for k, v in zip(dest, vals):
            t.store(k, v)
    else:                             # dest[1:] are sources: they hold values
        t.store(dest[0], vals[0])
        h.update(zip(dest[1:], vals[1:]))


@libfunction(LIB, 'insert')
def t_insert(args):
    t, n = aux_getn(args)
    e = n + 1                         # the first empty element
    nargs = len(args)
    if nargs == 2:
        pos = e
    elif nargs == 3:
        pos = check_cint(args, 2)
        e = max(e, pos)                   # 'grow' the array
        _shift(t, pos, e - 1, 1)
    else:
        raise LibErr("wrong number of arguments to 'insert'")
    t.store(float(pos), args[-1])
    return ()


@libfunction(LIB, 'remove')
def t_remove(args):
    t, e = aux_getn(args)
    pos = opt_cint(args, 2, e)
    if not 1 <= pos <= e:
        return ()                     # nothing to remove
    v = t.hash.get(float(pos))
    _shift(t, pos + 1, e, -1)
    t.store(float(e), None)
    return (v,)


def _concat_error(v, i):
    return LibErr(f"invalid value ({typename(v)}) at index {i} in table for 'concat'")


@libfunction(LIB, 'concat')
def t_concat(args):
    sep = opt_string(args, 2, '')
    t = check_table(args, 1)
    i = opt_cint(args, 3, 1)
    last = opt_cint(args, 4, None)
    if last is None:
        last = c_int(int(t.length()))
    if i > last:
        return ('',)
    h = t.hash
    spend(min(last - i, len(h)) + 1)  # (the loop stops at the first missing element)
    if last - i < len(h):
        get = h.get
        vals = [get(float(k)) for k in range(i, last + 1)]
        if set(map(type, vals)) == {str}:
            charge_string(sum(map(len, vals)) + len(sep) * (last - i))
            return (sep.join(vals),)
    else:
        vals = None                   # more elements than entries: some are missing
    pieces = []
    size = 0                          # of the pieces so far, charged before the join
    for k in range(i, last + 1):
        v = vals[k - i] if vals is not None else h.get(float(k))
        tv = type(v)
        if tv is str:
            pieces.append(v)
        elif tv is float:
            v = number_to_str(v)
            pieces.append(v)
        else:
            raise _concat_error(v, k)
        size += len(v)
    charge_string(size + len(sep) * (last - i))
    return (sep.join(pieces),)


@libfunction(LIB, 'maxn')
def t_maxn(args):
    t = check_table(args, 1)
    spend(len(t.hash))
    m = 0.0
    for k in list(t.hash):
        if type(k) is float and k > m:
            m = k
    return (m,)


@libfunction(LIB, 'getn')
def t_getn(args):
    return (float(aux_getn(args)[1]),)


@libfunction(LIB, 'setn')
def t_setn(args):
    check_table(args, 1)
    raise LibErr("'setn' is obsolete")


@libfunction(LIB, 'foreachi')
def t_foreachi(args):
    t, n = aux_getn(args)
    f = check_function(args, 2)
    get = t.hash.get
    with C_LEVEL:
        for i in range(1, n + 1):
            spend(1)                   # (f may be a library function: no tick of its own)
            r = f.gate([float(i), get(float(i))])
            if r and r[0] is not None:
                return (r[0],)
    return ()


@libfunction(LIB, 'foreach')
def t_foreach(args):
    t = check_table(args, 1)
    f = check_function(args, 2)
    h = t.hash
    with C_LEVEL:
        for k in list(h):              # next()'s order; fields may be cleared meanwhile
            spend(1)                   # (f may be a library function: no tick of its own)
            v = h.get(k)
            if v is not None:
                r = f.gate([lua_key(k), v])
                if r and r[0] is not None:
                    return (r[0],)
    return ()


# ---- sort -----------------------------------------------------------------------------

SORT_ERROR = 'invalid order function for sorting'


def auxsort(a, lo, up, lt):
    """ltablib.c's auxsort on the list a (a[i] is t[i]; a[lo - 1] and
    a[up + 1] exist): median-of-three quicksort, recursing into the smaller
    half. Every comparison and swap is the one lua5.1 makes."""
    while lo < up:
        spend(up - lo + 1)                      # about the comparisons of this partition
        # sort a[lo], a[(lo+up)/2] and a[up]
        if lt(a[up], a[lo]):
            a[lo], a[up] = a[up], a[lo]
        if up - lo == 1:
            break                               # only 2 elements
        i = (lo + up) // 2
        if lt(a[i], a[lo]):
            a[i], a[lo] = a[lo], a[i]
        elif lt(a[up], a[i]):
            a[i], a[up] = a[up], a[i]
        if up - lo == 2:
            break                               # only 3 elements
        p = a[i]                                # the pivot, moved to a[up-1]
        a[i] = a[up - 1]
        a[up - 1] = p
        # a[lo] <= P == a[up-1] <= a[up]: partition a[lo+1 .. up-2]
        i = lo
        j = up - 1
        while True:
            i += 1
            while lt(a[i], p):                  # repeat ++i until a[i] >= P
                if i > up:
                    raise LibErr(SORT_ERROR)
                i += 1
            j -= 1
            while lt(p, a[j]):                  # repeat --j until a[j] <= P
                if j < lo:
                    raise LibErr(SORT_ERROR)
                j -= 1
            if j < i:
                break
            a[i], a[j] = a[j], a[i]
        a[up - 1], a[i] = a[i], a[up - 1]      # the pivot goes to a[i]
        # recurse into the smaller half, loop on the larger one
        if i - lo < up - i:
            auxsort(a, lo, i - 1, lt)
            lo = i + 1
        else:
            auxsort(a, i + 1, up, lt)
            up = i - 1


def _comparator(f):
    """f(x, y) as a truth value. The gate is read at every call (the JIT
    swaps a closure's gate when its prototype compiles), and a compiled
    comparator is called through its direct entry, its one result."""
    def lt(x, y):
        direct = f.direct
        if direct is not None:
            r = direct(f, x, y)
            return r is not None and r is not False
        r = f.gate([x, y])
        return bool(r) and r[0] is not None and r[0] is not False
    return lt


def _plain_sortable(vals):
    """True when sorting vals with '<' has one possible result, so Python's
    sort gives lua5.1's: all strings, or all numbers without nan and without
    zeros of both signs (which '<' cannot order but print tells apart)."""
    types = set(map(type, vals))
    if types == {str}:
        return True
    if types != {float}:
        return False
    if any(map(isnan, vals)):
        return False
    if 0.0 in vals:
        return len({str(x) for x in vals if x == 0.0}) == 1
    return True


@libfunction(LIB, 'sort')
def t_sort(args):
    t, n = aux_getn(args)
    f = args[1] if len(args) > 1 else None
    if f is not None and type(f) is not LuaFunction:
        check_function(args, 2)
    if n < 2:
        return ()
    h = t.hash
    get = h.get
    a = [get(float(i)) for i in range(n + 2)]     # t[0] .. t[n+1]
    if f is None and _plain_sortable(a[1:n + 1]):
        vals = a[1:n + 1]
        spend(n * n.bit_length())
        vals.sort()
        h.update(zip(map(float, range(1, n + 1)), vals))     # keys that are all there
        return ()
    last = a[n + 1]
    try:
        if f is None:
            auxsort(a, 1, n, ops.lt)           # (its metamethods count their C levels)
        else:
            with C_LEVEL:                      # the comparator's calls, one level deep
                auxsort(a, 1, n, _comparator(f))
    finally:
        for i in range(1, n + 1):
            t.store(float(i), a[i])
        if a[n + 1] is not last:                  # only inconsistent orders write there
            t.store(float(n + 1), a[n + 1])
    return ()
