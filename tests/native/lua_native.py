"""Running Lua functions natively and in the interpreter, for the backend's tests.

`Lua` is a runtime with the Python JIT off (so the reference is the interpreter) whose
state stays current while the tests use it; `functions(src)` are the functions a chunk
returns; `both(fn, args)` runs fn natively (compiled for args' types) and interpreted and
gives both result lists; `same` compares results bit for bit (-0 is not 0, and a NaN's sign
counts, which Lua prints as nan or -nan).
"""

import struct

from moonpatch.bytecode.listing import listing
from moonpatch.luaruntime import LuaRuntime, _Entry
from moonpatch.runtime import interp
from moonpatch.jit.native import backend

NAN = float("nan")
INF = float("inf")
# Edge values: NaNs of both signs, infinities, zeros, huge, tiny and denormal numbers.
VALUES = (NAN, -NAN, INF, -INF, 0.0, -0.0, 1.0, -1.5, 2.5, 3.0, -7.0, 0.1, 1e308, -1e308,
          5e-324, 1e-310, 2.2250738585072014e-308)
# Recursion through an argument: fib is given itself.
FIB = "return function(f, n) if n < 2 then return n end return f(f, n - 1) + f(f, n - 2) end"
MANDEL = """return function(size, maxiter)
  local inside, total = 0, 0
  for y = 0, size - 1 do
    local ci = 2.0 * y / size - 1.0
    for x = 0, size - 1 do
      local cr = 2.0 * x / size - 1.5
      local zr, zi, zr2, zi2 = 0.0, 0.0, 0.0, 0.0
      local iter = 0
      while iter < maxiter and zr2 + zi2 <= 4.0 do
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        zr2 = zr * zr
        zi2 = zi * zi
        iter = iter + 1
      end
      total = total + iter
      if iter == maxiter then inside = inside + 1 end
    end
  end
  return inside, total
end"""


class Lua:
    def __init__(self, **options):
        self.runtime = LuaRuntime(**options)
        self.runtime.execute("jit.off()")
        self.entry = _Entry(self.runtime)
        self.entry.__enter__()

    def close(self):
        self.entry.__exit__(None, None, None)

    def functions(self, src: str) -> list:
        return list(self.runtime._load(src, "=test", "t").gate([]))

    def function(self, src: str):
        return self.functions(src)[0]

    def global_function(self, path: str):
        """A function of the standard library, e.g. "math.sqrt", as Lua sees it."""
        value = self.runtime._state.globals
        for name in path.split("."):
            value = value.hash[name]
        return value


def bits(x: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def same(want: list, got: list) -> bool:
    if len(want) != len(got):
        return False
    for w, g in zip(want, got):
        if type(w) is not type(g):
            return False
        if type(w) is float:
            if bits(w) != bits(g):
                return False
        elif w is not g and w != g:
            return False
    return True


def interpreted(fn, args) -> list:
    return list(interp.execute(fn, list(args)))


def check(native, fn, arg_lists) -> None:
    """Each argument list gives the interpreter's results natively; a failure shows the
    bytecode."""
    for args in arg_lists:
        want = interpreted(fn, args)
        got = native.run(list(args))
        assert same(want, got), (f"{args!r}: interpreter {want!r}, native {got!r}\n"
                                 + listing(fn.proto))


def compiled(fn, args):
    return backend.compile(fn.proto, list(args), fn)
