"""cdata: the values of LuaJIT's FFI, as the operators see them.

LuaJIT has one more type, cdata: boxed 64-bit integers and complex numbers
(the `1LL`, `1ULL` and `1i` literals: common/int64.py, runtime/int64.py) and
the C data of the ffi library. The contract a class of cdata values follows:

- It subclasses Cdata, which registers it: type() says 'cdata' and
  is_cdata(v) is true (here in common/: the front end makes constants of
  the literals' classes). Python compares and hashes its values by identity
  (do not define __eq__ or __hash__): cdata table keys are by identity, as
  in LuaJIT, and rawequal() of two boxes is false. Give it a __weakref__
  slot: cdata are collectable, weak tables hold them weakly (held_weakly).
- Its metatable is the state's: `state.type_meta[cls]`, which
  ops.getmetatable reads; the code that opens a library of such values
  sets it (lib.open_libs for the literals' classes, every state has them).
- With a cdata operand, every operator goes to a metamethod, whatever the
  other operand is (number, string, nil, boolean, table), by LuaJIT's rules
  (lj_meta.c), in every tier:
  arithmetic (+ - * / % ^), unary minus and `..`: the metamethod of the
  left operand, else of the right one, as for any value (a string operand
  is not coerced when the other is cdata);
  `==` and `~=`: the `__eq` of the left operand if it is cdata, else of the
  right one, called with (left, right), also when both are the same object
  (a comparison with a constant has the constant on the right: `nil == p`
  calls `__eq(p, nil)`); without `__eq` the values differ;
  `<` and `<=` (`a > b` is `b < a`): the `__lt`/`__le` of the left operand
  if it is cdata, else of the right one; without it, an "attempt to
  compare" error (no `not (b < a)` for a missing `__le`);
  `#x`: `__len` called with (x, nil).
- tonumber(v) calls v.tonumber(), which returns a float or None (the
  number of a numeric cdata, else nil); the class defines it. `v.ctype`,
  if set, is the C type name LuaJIT's messages quote ('int64_t').
- pairs(v) and ipairs(v) call the `__pairs`/`__ipairs` metamethod of a
  cdata, as LuaJIT does.
- LuaJIT has one metatable for all cdata; here each class has its own, so
  an operation may reach one class's metamethod with a value of another:
  the boxes of 64-bit integers and complex numbers (common/cnumber.py)
  hand any operation with a cdata of another class to that class's
  metamethod, which must then handle the boxes itself (never hand back).
"""
# The classes of cdata values: `type(v) in CDATA` is how the operators' slow
# paths recognise them (a set of types: one hash, no attribute lookup).
CDATA = set()


class Cdata:
    """The base of every class of cdata values."""
    __slots__ = ()
    lua_typename = 'cdata'

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        CDATA.add(cls)

    def tonumber(self):
        return None


def is_cdata(v):
    return type(v) in CDATA


def held_weakly(cls):
    """Whether a weak table holds values of cls weakly: cdata that Python
    can refer to weakly (those of the ffi library may not be)."""
    return cls in CDATA and cls.__weakrefoffset__ != 0

