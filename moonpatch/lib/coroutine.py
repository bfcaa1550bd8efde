"""The coroutine library, on runtime/coroutine.py's greenlet threads."""
from ..errors import LuaError
from ..runtime import coroutine as co_rt
from ..runtime.errors import ArgErr, LibErr, where
from ..runtime.callstack import live_levels
from ..runtime.coroutine import Coroutine
from ..runtime.values import LuaFunction
from .auxlib import MAXCSTACK, arg, check_stack
from .registry import builtin, libfunction

LIB = 'coroutine'


def _check_co(args, n=1):
    co = arg(args, n)
    if type(co) is not Coroutine:
        raise ArgErr(n, 'coroutine expected')
    return co


def _new_coroutine(args):
    f = arg(args, 1)
    if type(f) is not LuaFunction or f.proto is None:
        raise ArgErr(1, 'Lua function expected')
    return Coroutine(f)


@libfunction(LIB, 'create')
def co_create(args):
    return (_new_coroutine(args),)


# lua_checkstack can fail only for this many values or more: resume and
# wrap, which run on every switch, make the exact check (auxresume's) only then.
_CHECKED = MAXCSTACK - 1


def _check_arguments(co, args):
    if not check_stack(1 if co.glet is None else 0, len(args)):   # a new one holds its function
        raise LibErr('too many arguments to resume')


def _check_results(held, values):
    """From a C function holding `held` values."""
    if not check_stack(held, len(values) + 1):
        raise LibErr('too many results to resume')


@libfunction(LIB, 'resume')
def co_resume(args):
    co = args[0] if args else None
    if type(co) is not Coroutine:
        raise ArgErr(1, 'coroutine expected')
    del args[0]                 # the callee owns args: what remains goes to the coroutine
    if len(args) >= _CHECKED:
        _check_arguments(co, args)
    ok, values = co_rt.resume(co, args)
    if len(values) >= _CHECKED and ok:
        _check_results(1, values)
    return (ok, *values)


# The runtime's yield is the library function itself: no frame between the
# Lua call and the switch.
libfunction(LIB, 'yield')(co_rt.yield_)


@libfunction(LIB, 'status')
def co_status(args):
    return (_check_co(args).status,)


@libfunction(LIB, 'running')
def co_running(args):
    return (co_rt.running(),)


@libfunction(LIB, 'isyieldable')
def co_isyieldable(args):
    return (co_rt.running() is not None,)


@libfunction(LIB, 'wrap')
def co_wrap(args):
    co = _new_coroutine(args)

    def wrapped(args):
        if len(args) >= _CHECKED:
            _check_arguments(co, args)
        ok, values = co_rt.resume(co, args)
        if ok:
            if len(values) >= _CHECKED:
                _check_results(0, values)
            return values
        err = values[0]
        if type(err) is str:       # 5.1 prefixes the caller's position
            import sys
            err = where(next(live_levels(sys._getframe(), 1), None)) + err
        raise LuaError(err)

    return (builtin(wrapped, 'wrap'),)
