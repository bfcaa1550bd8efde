"""How deep Lua may recurse on this Python host.

Every Lua call is a Python call, so Lua's stack is Python's. CPython 3.11
and later run Python-to-Python calls without using the C stack, so a high
recursion limit is safe there and Lua code gets Lua's own depth (about
20000 calls before 'stack overflow'). CPython 3.10 and PyPy use C stack for
every Python call: on the usual 8 MB main-thread stack the limit must stay
low, or the process crashes instead of raising RecursionError; the command
line therefore runs Lua on a thread with a large stack there.
"""
import sys
from _thread import _local     # threading.local, without threading's start-up cost

C_STACK_PER_CALL = not (sys.implementation.name == 'cpython' and sys.version_info >= (3, 11))
DEEP_LIMIT = 22000           # Python frames: about Lua 5.1's 20000 calls (LUAI_MAXCALLS)
SMALL_STACK_LIMIT = 7000     # safe on an 8 MB stack for 3.10 and PyPy (measured: ~15000 crash)
BIG_STACK = 1 << 30          # bytes of (virtual) stack for the command line's Lua thread
_deep = _local()            # .on: this thread already has the big stack


def raise_recursion_limit(big_stack=False):
    """Make sure Python allows as much recursion as this host can take."""
    limit = DEEP_LIMIT if (big_stack or not C_STACK_PER_CALL) else SMALL_STACK_LIMIT
    if sys.getrecursionlimit() < limit:
        sys.setrecursionlimit(limit)


def run_deep(fn):
    """fn() with the deepest recursion the host allows: directly where calls
    do not use the C stack (or when already on a big-stack thread), else on
    a thread with a large stack. The recursion limit is put back afterwards,
    as it is process-wide and other threads keep their small stacks."""
    if not C_STACK_PER_CALL or getattr(_deep, 'on', False):
        raise_recursion_limit(big_stack=True)
        return fn()
    import threading
    result = []

    def body():
        _deep.on = True
        raise_recursion_limit(big_stack=True)
        try:
            result.append((True, fn()))
        except BaseException as e:           # re-raised in the calling thread
            result.append((False, e))

    limit = sys.getrecursionlimit()
    old = threading.stack_size(BIG_STACK)
    try:
        t = threading.Thread(target=body, name='moonpatch-lua')
        t.start()
    finally:
        threading.stack_size(old)
    try:
        while t.is_alive():
            t.join(0.1)
    finally:
        if not t.is_alive():
            sys.setrecursionlimit(limit)
    ok, value = result[0]
    if ok:
        return value
    raise value
