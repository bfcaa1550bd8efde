"""The coroutine library, on runtime/coroutine.py's greenlet threads."""
from ..errors import LuaError
from ..runtime import coroutine as co_rt
from ..runtime.errors import ArgErr, LibErr, where
from ..runtime.callstack import live_levels
from ..runtime.values import LuaFunction
from .auxlib import arg, check_stack
from .registry import builtin, libfunction

LIB = 'coroutine'


def _check_co(args, n=1):
    co = arg(args, n)
    if type(co) is not co_rt.Coroutine:
        raise ArgErr(n, 'coroutine expected')
    return co


def _new_coroutine(args):
    f = arg(args, 1)
    if type(f) is not LuaFunction or f.proto is None:
        raise ArgErr(1, 'Lua function expected')
    return co_rt.Coroutine(f)


@libfunction(LIB, 'create')
def co_create(args):
    return (_new_coroutine(args),)


def _resume(co, args, held):
    """auxresume: (ok, values) of resuming co with args from a C function
    holding `held` values; what moves each way must fit lua5.1's C stack."""
    if not check_stack(1 if co.glet is None else 0, len(args)):   # a new one holds its function
        raise LibErr('too many arguments to resume')
    ok, values = co_rt.resume(co, args)
    if ok and not check_stack(held, len(values) + 1):
        raise LibErr('too many results to resume')
    return ok, values


@libfunction(LIB, 'resume')
def co_resume(args):
    co = _check_co(args)
    ok, values = _resume(co, args[1:], 1)
    return (ok, *values)


@libfunction(LIB, 'yield')
def co_yield(args):
    return co_rt.yield_(args)


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
        ok, values = _resume(co, args, 0)
        if ok:
            return values
        err = values[0]
        if type(err) is str:       # 5.1 prefixes the caller's position
            import sys
            err = where(next(live_levels(sys._getframe(), 1), None)) + err
        raise LuaError(err)

    return (builtin(wrapped, 'wrap'),)
