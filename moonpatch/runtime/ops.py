"""The slow paths of every operation: coercions, metamethods and errors.

The templates in bytecode/opcodes.py handle the common case inline (numbers,
strings, tables without metatables) and call these functions for the rest;
the libraries call them too. This is the one place where Lua 5.1's rules for
metamethods are written (lvm.c and ltm.c), and LuaJIT's for an operand that
is cdata (lj_meta.c; the contract is common/cdata.py's).
"""
from ..common.cdata import CDATA
from ..common.luanumber import div, mod, pow
from .callstack import host_function
from .clevels import C_LEVELS, C_LEVELS_MAX, check_c_levels
from .errors import CompareErr, LibErr, OperandErr, RuntimeErr, type_error
from .gc import STRING_BYTES, reserve
from .limits import _armed, spend_bytes
from .state import current_state
from ..bytecode.proto import table_sizes
from .table import MAXASIZE, LuaTable, raw_key
from .values import LuaFunction, UpVal, Userdata, number_to_str, tonumber, typename

MAXTAGLOOP = 100     # __index/__newindex chains longer than this are loops


def truthy(v):
    return v is not None and v is not False


def first(results):
    return results[0] if results else None


def getmetatable(v):
    t = type(v)
    if t is LuaTable or t is Userdata:
        return v.meta
    return current_state().type_meta.get(t)


def metamethod(v, event):
    mt = getmetatable(v)
    return None if mt is None else mt.hash.get(event)


def raw_equal(a, b):
    """Primitive equality (rawequal): no metamethods; nan differs from itself."""
    ta = type(a)
    if ta is not type(b):
        return False
    if ta is float or ta is str:
        return a == b
    return a is b


def call(f, args):
    """The host's call of any value (library functions, metamethods, the
    API): lua5.1's luaD_call, one more C level (runtime/clevels.py)."""
    c = C_LEVELS
    n = c.n
    if n >= C_LEVELS_MAX:
        check_c_levels(n)
    c.n = n + 1
    try:
        return dispatch(f, args)
    finally:
        c.n -= 1


def call_value(f, args):
    """A call instruction's call of any value: functions through their
    gate, others by __call (no C level, as in lua5.1)."""
    if type(f) is LuaFunction:
        return f.gate(args)
    h, args = call_target(f, args)
    return h.gate(args)


dispatch = call_value       # hooks.hcall while a debug hook is set


def call_target(f, args):
    """The function a call of non-function f reaches through __call, and
    its arguments (f first)."""
    h = metamethod(f, '__call')
    if type(h) is not LuaFunction:
        raise OperandErr('call', f)
    args.insert(0, f)
    return h, args


# ---- indexing ---------------------------------------------------------------------

def index(obj, key):
    """obj[key] with __index (luaV_gettable)."""
    if type(obj) is LuaTable:
        v = obj.hash.get(key if key is not True and key is not False else raw_key(key))
        if v is not None or obj.meta is None:
            return v
    return index_meta(obj, key)


def index_meta(obj, key, depth=0):
    """obj[key] when obj is not a table, or a table without a raw value for
    key but with a metatable: follow __index (the templates' miss path);
    depth: the __index steps a template already took."""
    rk = key if key is not True and key is not False else raw_key(key)
    for loop in range(depth, MAXTAGLOOP):
        if type(obj) is LuaTable:
            if loop > depth:
                v = obj.hash.get(rk)
                if v is not None:
                    return v
            mt = obj.meta
            if mt is None:
                return None
            h = mt.hash.get('__index')
            if h is None:
                return None
        else:
            h = metamethod(obj, '__index')
            if h is None:
                raise OperandErr('index', obj, direct=loop == 0)
        if type(h) is LuaFunction:
            r = call(h, [obj, key])
            return r[0] if r else None
        obj = h
    raise RuntimeErr('loop in gettable')


READ_ONLY_ERROR = 'attempt to modify a read-only table'


def refuse_write(_args):
    raise LibErr(READ_ONLY_ERROR)


# The __newindex of a read-only table (a sandbox's libraries): setindex sends
# every store to it, to a key the table holds as well; the fast paths of the
# stores leave a table with __newindex to setindex.
READ_ONLY = LuaFunction(host_function(refuse_write, '__newindex'), None, None, None,
                        '__newindex')


def is_read_only(t):
    mt = t.meta if type(t) is LuaTable else None
    return mt is not None and mt.hash.get('__newindex') is READ_ONLY


def setindex(obj, key, val):
    """obj[key] = val with __newindex (luaV_settable)."""
    for loop in range(MAXTAGLOOP):
        if type(obj) is LuaTable:
            mt = obj.meta
            h = None if mt is None else mt.hash.get('__newindex')
            if h is None or (h is not READ_ONLY and obj.get(key) is not None):
                obj.set(key, val)
                return
            if h is not READ_ONLY:    # (a read-only table is left as it is)
                obj.set(key, None)    # luaH_set makes the key's node before the metamethod
        else:
            h = metamethod(obj, '__newindex')
            if h is None:
                raise OperandErr('index', obj, direct=loop == 0)
        if type(h) is LuaFunction:
            call(h, [obj, key, val])
            return
        obj = h
    raise RuntimeErr('loop in settable')


# ---- arithmetic ---------------------------------------------------------------------

_ARITH = {
    '__add': lambda a, b: a + b,
    '__sub': lambda a, b: a - b,
    '__mul': lambda a, b: a * b,
    '__div': div,
    '__mod': mod,
    '__pow': pow,
}


def arith(x, y, event):
    """x <op> y when not both are numbers: string coercion, then the
    metamethod of x or else of y (luaV_arith / call_binTM)."""
    a = tonumber(x)
    b = tonumber(y)
    if a is not None and b is not None:
        return _ARITH[event](a, b)
    h = metamethod(x, event)
    if h is None:
        h = metamethod(y, event)
        if h is None:
            bad, which = (x, 0) if a is None else (y, 1)
            raise OperandErr('perform arithmetic on', bad, which)
    return first(call(h, [x, y]))


def unm(x):
    a = tonumber(x)
    if a is not None:
        return -a
    h = metamethod(x, '__unm')
    if h is None:
        raise OperandErr('perform arithmetic on', x)
    return first(call(h, [x, x]))


def length(x):
    """#x: strings and tables directly (5.1 ignores __len on tables)."""
    if type(x) is str:
        return float(len(x))
    if type(x) is LuaTable:
        return x.length()
    h = metamethod(x, '__len')
    if h is None:
        raise OperandErr('get length of', x)
    return first(call(h, [x, x if type(x) not in CDATA else None]))


# Without limits armed, strings shorter than this are made without
# charge_string where the cost of the call would show (the CAT instruction,
# string.sub/upper/lower/reverse/char, string.format, tostring): their work
# is the operation's, which the ticks of the code around it count. Under
# limits every string is charged: a table of short strings would otherwise
# hold several times what its slots are charged.
SMALL_STRING = 256


def charge_string(n, held=0):
    """About to build a string of n bytes: charge its work (one instruction
    per limits.SPEND_BYTES) and its memory (with its header) before it is
    made, so that a limit stops the operation first (held: see gc.reserve).
    Without limits armed this is two decrements and compares."""
    spend_bytes(n)
    reserve(STRING_BYTES + n, held)


def concat(vals):
    """vals[0] .. vals[1] .. ...: right to left, joining runs of strings and
    numbers (charged before they are joined), __concat for the rest
    (luaV_concat)."""
    direct = [True] * len(vals)
    top = len(vals)
    while top > 1:
        a, b = vals[top - 2], vals[top - 1]
        ta, tb = type(a), type(b)
        if (ta is str or ta is float) and (tb is str or tb is float):
            n = 2
            while n < top and type(vals[top - n - 1]) in (str, float):
                n += 1
            pieces = [p if type(p) is str else number_to_str(p) for p in vals[top - n:top]]
            charge_string(sum(map(len, pieces)))
            vals[top - n] = ''.join(pieces)
            direct[top - n] = False
            top -= n - 1
            continue
        h = metamethod(a, '__concat')
        if h is None:
            h = metamethod(b, '__concat')
            if h is None:
                which = top - 1 if ta is str or ta is float else top - 2
                raise OperandErr('concatenate', vals[which], which, direct[which])
        vals[top - 2] = first(call(h, [a, b]))
        direct[top - 2] = False
        top -= 1
    return vals[0]


# ---- comparison -----------------------------------------------------------------------

def _order_tm(a, b, event):
    """The result of an ordering metamethod both operands share, or None."""
    tm1 = metamethod(a, event)
    if tm1 is None:
        return None
    if not raw_equal(tm1, metamethod(b, event)):
        return None
    return truthy(first(call(tm1, [a, b])))


def lt(a, b):
    ta = type(a)
    if ta is type(b):
        if ta is float or ta is str:
            return a < b
        if ta not in CDATA:
            r = _order_tm(a, b, '__lt')
            if r is not None:
                return r
            raise CompareErr(a, b)
    return cdata_order(a, b, '__lt')


def le(a, b):
    ta = type(a)
    if ta is type(b):
        if ta is float or ta is str:
            return a <= b
        if ta not in CDATA:
            r = _order_tm(a, b, '__le')
            if r is not None:
                return r
            r = _order_tm(b, a, '__lt')
            if r is not None:
                return not r
            raise CompareErr(a, b)
    return cdata_order(a, b, '__le')


def cdata_order(a, b, event):
    """a < b or a <= b when the types differ or are cdata: the metamethod of
    a if it is cdata, else of b (LuaJIT's lj_meta_comp); else an error."""
    h = None
    if type(a) in CDATA:
        h = metamethod(a, event)
    elif type(b) in CDATA:
        h = metamethod(b, event)
    if h is None:
        raise CompareErr(a, b)
    return truthy(first(call(h, [a, b])))


def eq(a, b):
    """a == b for two tables or two userdata (not identical): __eq when both
    have the same one (get_compTM)."""
    mt1, mt2 = a.meta, b.meta
    if mt1 is None or mt2 is None:
        return False
    tm = mt1.hash.get('__eq')
    if tm is None:
        return False
    if mt1 is not mt2 and not raw_equal(tm, mt2.hash.get('__eq')):
        return False
    return truthy(first(call(tm, [a, b])))


def cdata_eq(a, b):
    """a == b where a or b is cdata, b maybe a constant: the __eq of a if it
    is cdata, else of b, even for identical values (lj_meta_equal_cd);
    without one they differ."""
    h = metamethod(a if type(a) in CDATA else b, '__eq')
    return h is not None and truthy(first(call(h, [a, b])))


def equals(a, b):
    """Lua's a == b for any two values."""
    if a is b:
        return a == a if type(a) not in CDATA else cdata_eq(a, b)   # nan differs from itself
    ta = type(a)
    if ta is not type(b):
        return (ta in CDATA or type(b) in CDATA) and cdata_eq(a, b)
    if ta is LuaTable or ta is Userdata:
        return eq(a, b)
    return a == b or (ta in CDATA and cdata_eq(a, b))


# ---- tostring ----------------------------------------------------------------------------

def tostring_charged(v):
    """tostring(v) for the library: charged while limits are armed."""
    s = tostring(v)
    if _armed[0] and type(s) is str:
        charge_string(len(s))
    return s


def tostring(v):
    """tostring(v), honouring __tostring."""
    h = metamethod(v, '__tostring')
    if h is not None:
        return first(call(h, [v]))
    return tostring_raw(v)


def tostring_raw(v):
    t = type(v)
    if t is str:
        return v
    if t is float:
        return number_to_str(v)
    if v is None:
        return 'nil'
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    names = current_state().address_names
    address = '%#x' % id(v) if names is None else names.name(v)
    if t is LuaFunction and v.proto is None:
        return 'function: builtin: ' + address
    return '%s: %s' % (typename(v), address)


# ---- loops, closures, tables ----------------------------------------------------------------

def for_prep(start, stop, step):
    """Coerce the numeric for's control values (OP_FORPREP)."""
    x = tonumber(start)
    if x is None:
        raise RuntimeErr("'for' initial value must be a number")
    y = tonumber(stop)
    if y is None:
        raise RuntimeErr("'for' limit must be a number")
    s = tonumber(step)
    if s is None:
        raise RuntimeErr("'for' step must be a number")
    return x, y, s


def capture_upvals(proto, R, U, openuv):
    """The upvalue list of a new closure of proto made in a frame with
    registers R, upvalues U and open upvalues openuv (slot -> UpVal)."""
    uvs = []
    for instack, idx in proto.uvdesc:
        if instack:
            u = openuv.get(idx)
            if u is None:
                u = openuv[idx] = UpVal(R, idx)
        else:
            u = U[idx]
        uvs.append(u)
    return uvs


def close_upvals(openuv, level):
    """Close the open upvalues of registers level and up (UCLO)."""
    for slot in [s for s in openuv if s >= level]:
        openuv.pop(slot).close()


def table_from_template(tmpl):
    """TDUP: a copy of the constructor's constant part, stored as Lua 5.1
    stores it (so with its sizes), made once per template."""
    c = tmpl.cache
    if c is None:
        c = tmpl.cache = LuaTable(None, *table_sizes(tmpl.narray, tmpl.nhash))
        for k, v in tmpl.items:
            c.store(raw_key(k), v)
        c.settle()
    return c.copy()


def set_multi(t, start, values):
    """t[start], t[start+1], ... = values (TSETM, the multiple-result last
    item of a constructor): SETLIST first grows the array part to hold them."""
    if type(t) is not LuaTable:         # only a hand-made chunk gets here
        raise OperandErr('index', t, direct=False)
    last = start + len(values) - 1
    if t.asize < last <= MAXASIZE:
        t.grow_array(int(last))
    if t.ilo == 1.0 and t.ihi == start - 1.0 and last <= t.asize and None not in values:
        h = t.hash                    # array slots that extend the sequence
        for v in values:
            h[start] = v
            start += 1.0
        t.ihi = last
        return
    for v in values:
        t.store(start, v)
        start += 1.0


@host_function
def lua_next(args):
    """The `next` builtin (here because ISNEXT must recognise it)."""
    t = args[0] if args else None
    if type(t) is not LuaTable:
        raise type_error(1, 'table', t, not args)
    r = t.next(args[1] if len(args) > 1 else None)
    return (None,) if r is None else r


def is_next(f):
    return type(f) is LuaFunction and f.gate is lua_next

