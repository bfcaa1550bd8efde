"""Scripts in worker processes, under operating-system limits.

    with moonpatch.IsolatedRuntime(max_memory=50_000_000, timeout=2) as lua:
        lua.execute('function f(n) return n * 2 end')
        lua.eval('f(...)', 21)                  # 42

    with moonpatch.SandboxPool() as pool:       # one worker per core
        futures = [pool.submit(script) for script in scripts]

The Lua limits (runtime/limits.py, runtime/gc.py) are moonpatch's own code;
these hold even against a bug in it: each worker runs under RLIMIT_AS (its
address space) and RLIMIT_CPU (its CPU seconds, per call), and the parent
kills a worker whose call overruns its timeout by WATCHDOG_GRACE. A worker
that dies fails only the call it was running (with a LuaLimitError that says
what killed it); the next call starts a new worker. Values cross as plain
data: numbers, strings, booleans, None, and lists and dicts (tables,
through to_python). Workers start with 'forkserver' (fork is unsafe in a
process with threads, and the pool's are threads), or 'spawn' where there
is no forkserver; both import the main module in each worker, which must
therefore guard its main code with `if __name__ == '__main__':`.
docs/isolated.md is the user's guide.
"""
import math
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import weakref
from concurrent.futures import ThreadPoolExecutor

from . import errors as lua_errors
from .errors import LuaError, LuaLimitError, LuaMemoryError, LuaTimeoutError
from .luaruntime import LuaRuntime, _check_limits, lua_type, to_python

try:
    import resource
except ImportError:                 # not a Unix: no OS limits (docs/isolated.md)
    resource = None

AUTO = 'auto'                       # an OS limit derived from the Lua limits
MiB = 1 << 20
ADDRESS_SPACE_HEADROOM = 256 * MiB  # beyond start-up, on top of MEMORY_FACTOR * max_memory
ADDRESS_SPACE_WITHOUT_MAX_MEMORY = 1024 * MiB    # beyond start-up when max_memory is None
MEMORY_FACTOR = 4                   # what Python allocates may exceed what gc.py charges
WATCHDOG_GRACE = 1.0                # seconds a call may overrun its timeout
STOP_WAIT = 1.0                     # seconds a closing worker has to exit before it is killed
PLAIN_LEAVES = (type(None), bool, int, float, str, bytes)
LUA_ERRORS = {cls.__name__: cls for cls in vars(lua_errors).values()
              if isinstance(cls, type) and issubclass(cls, LuaError)}


class IsolatedRuntime:
    """A LuaRuntime in a worker process: globals persist between calls, as
    in a LuaRuntime, until the worker dies (then they are lost).

    Options: those of LuaRuntime (`sandbox` defaults to True; `max_memory`,
    `max_instructions`, `timeout`, `max_depth`, `encoding`, ...; they must
    pickle), and the OS limits: `address_space`, the bytes the worker may
    add to its address space after start-up, and `cpu_seconds`, the CPU
    time of one call. AUTO derives them from the Lua limits with headroom
    (address space: MEMORY_FACTOR * max_memory + 256 MiB, or 1 GiB without
    max_memory; CPU: 2 * timeout + 1 s, none without a timeout); None
    sets none.
    """

    def __init__(self, *, address_space=AUTO, cpu_seconds=AUTO, **options):
        self._options = _Options(address_space, cpu_seconds, options)
        self._lock = threading.Lock()
        self._worker = None
        self._closed = False

    def __repr__(self):
        return f'<IsolatedRuntime at {id(self):#x}>'

    def execute(self, lua_code, *args, name=None, mode='bt', max_instructions=None,
                timeout=None, max_depth=None):
        """Run a chunk in the worker with `...` = args (plain data; lists,
        tuples and dicts become tables): None, one value or a tuple."""
        return self._call(False, lua_code, args, name, mode, max_instructions, timeout,
                          max_depth)

    def eval(self, lua_code, *args, name=None, mode='bt', max_instructions=None, timeout=None,
             max_depth=None):
        """The value of a Lua expression (`...` = args)."""
        return self._call(True, lua_code, args, name, mode, max_instructions, timeout,
                          max_depth)

    def _call(self, is_eval, lua_code, args, name, mode, max_instructions, timeout, max_depth):
        request, wall = self._options.request(False, is_eval, lua_code, args, name, mode,
                                              max_instructions, timeout, max_depth)
        with self._lock:
            if self._closed:
                raise ValueError('the IsolatedRuntime is closed')
            if self._worker is None:
                self._worker = _Worker(self._options)
            try:
                return self._worker.run(request, wall)
            finally:
                if self._worker.dead:
                    self._worker = None

    def close(self):
        """Stop the worker (its globals are gone)."""
        with self._lock:
            self._closed = True
            if self._worker is not None:
                self._worker.stop()
                self._worker = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class SandboxPool:
    """Many scripts on all cores: `workers` worker processes (default: one
    per core), each running one script at a time in a fresh LuaRuntime (no
    state shared between scripts). The options are IsolatedRuntime's.

    A ThreadPoolExecutor schedules the scripts; each of its threads owns one
    worker process, so a worker killed by a limit fails only its script,
    and the thread starts a new worker for the next one.
    """

    def __init__(self, workers=None, *, address_space=AUTO, cpu_seconds=AUTO, **options):
        if workers is None:
            workers = os.cpu_count() or 1
        if not isinstance(workers, int) or workers <= 0:
            raise ValueError('workers must be a positive int or None')
        self._options = _Options(address_space, cpu_seconds, options)
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix='moonpatch-pool')
        self._own = threading.local()       # the worker of the calling pool thread
        self._workers = set()               # every live worker, for close()
        self._lock = threading.Lock()

    def __repr__(self):
        return f'<SandboxPool at {id(self):#x}>'

    def submit(self, lua_code, *args, name=None, mode='bt', max_instructions=None,
               timeout=None, max_depth=None):
        """Run a chunk with `...` = args: a concurrent.futures.Future of its
        results (None, one value or a tuple) or of its error."""
        request, wall = self._options.request(True, False, lua_code, args, name, mode,
                                              max_instructions, timeout, max_depth)
        return self._executor.submit(self._run, request, wall)

    def run(self, lua_code, *args, **limits):
        """submit(...).result(): the results of one script."""
        return self.submit(lua_code, *args, **limits).result()

    def map(self, lua_code, *iterables, **limits):
        """Executor.map for a chunk: its results for each tuple of arguments
        taken from the iterables, in order (all submitted at once; the first
        error is raised where its result would be)."""
        futures = [self.submit(lua_code, *args, **limits) for args in zip(*iterables)]

        def results():
            try:
                for f in futures:
                    yield f.result()
            finally:
                for f in futures:
                    f.cancel()
        return results()

    def _run(self, request, wall):
        worker = getattr(self._own, 'worker', None)
        if worker is None or worker.dead:
            worker = self._own.worker = _Worker(self._options)
            with self._lock:
                self._workers.add(worker)
        try:
            return worker.run(request, wall)
        finally:
            if worker.dead:
                with self._lock:
                    self._workers.discard(worker)

    def close(self):
        """Cancel the scripts not started, wait for the running ones, stop the workers."""
        self._executor.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            workers, self._workers = self._workers, set()
        for worker in workers:
            worker.stop()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# ---- the parent's side -----------------------------------------------------------------

class _Options:
    """The runtime's options and OS limits, checked in the parent."""

    def __init__(self, address_space, cpu_seconds, runtime_options):
        runtime_options.setdefault('sandbox', True)
        LuaRuntime(**runtime_options)       # the same checks as a LuaRuntime's, here
        try:
            pickle.dumps(runtime_options)
        except Exception as e:  # noqa: BLE001 (any pickling failure says the same)
            raise TypeError(f'the options of an isolated runtime must pickle: {e}') from None
        for option, value in (('address_space', address_space), ('cpu_seconds', cpu_seconds)):
            if value is not AUTO and value is not None and (
                    not isinstance(value, (int, float)) or isinstance(value, bool) or
                    not value > 0):
                raise ValueError(f"{option} must be a positive number, '{AUTO}' or None")
        if address_space == AUTO:
            max_memory = runtime_options.get('max_memory')
            address_space = ADDRESS_SPACE_WITHOUT_MAX_MEMORY if max_memory is None else \
                MEMORY_FACTOR * max_memory + ADDRESS_SPACE_HEADROOM
        self.runtime = runtime_options
        self.address_space = None if address_space is None else int(address_space)
        self.cpu_seconds = cpu_seconds
        self.timeout = runtime_options.get('timeout')

    def request(self, fresh, is_eval, lua_code, args, name, mode, max_instructions, timeout,
                max_depth):
        """(the request for a worker, the call's timeout for the watchdog)."""
        if not isinstance(lua_code, (str, bytes, bytearray)):
            raise TypeError(f'Lua code must be str or bytes, not {type(lua_code).__name__}')
        _check_plain(args, 'an argument')
        _check_limits(max_instructions, timeout, max_depth)     # (the watchdog uses timeout)
        timeouts = [t for t in (self.timeout, timeout) if t is not None]
        wall = min(timeouts) if timeouts else None
        cpu = self.cpu_seconds
        if cpu == AUTO:
            cpu = None if wall is None else 2 * wall + 1
        limits = {'name': name, 'mode': mode, 'max_instructions': max_instructions,
                  'timeout': timeout, 'max_depth': max_depth}
        return (fresh, is_eval, lua_code, args, limits, cpu), wall


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, options):
        ctx = _context()
        self.conn, child_conn = ctx.Pipe()
        self.process = ctx.Process(target=_serve, name='moonpatch-isolated', daemon=True,
                                   args=(child_conn, options.runtime, options.address_space))
        self.process.start()
        child_conn.close()
        self.address_space = options.address_space
        self.dead = False
        self._stopper = weakref.finalize(self, _stop, self.process, self.conn)

    def run(self, request, wall):
        """Send a request and wait for its reply: the results, or the
        error raised. The watchdog kills a worker that overruns `wall`."""
        try:
            self.conn.send(request)
            if not self.conn.poll(None if wall is None else wall + WATCHDOG_GRACE):
                self._kill()
                raise LuaTimeoutError(f'timeout: the worker was killed by the watchdog, '
                                      f'{WATCHDOG_GRACE:g} s past the timeout of {wall:g} s')
            kind, payload, alive = self.conn.recv()
        except (EOFError, OSError):
            error = self._death()
            raise error from None
        except BaseException:           # (KeyboardInterrupt) its reply would answer the next call
            self._kill()
            raise
        if not alive:
            self._kill()
        if kind == 'ok':
            return payload
        if kind == 'lua':
            cls_name, value, traceback = payload
            raise LUA_ERRORS[cls_name](value, traceback)
        raise payload

    def _death(self):
        """The error for the call a worker died in, saying what killed it."""
        self._kill()
        code = self.process.exitcode
        if code is None or code >= 0:
            return LuaLimitError(f'the worker exited (status {code}) during the call')
        try:
            sig = signal.Signals(-code)
        except ValueError:
            return LuaLimitError(f'the worker was killed by signal {-code}')
        if sig == getattr(signal, 'SIGXCPU', None):
            return LuaTimeoutError('timeout: the worker was killed at its CPU time limit')
        if sig in (signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT) and \
                self.address_space is not None:
            return LuaMemoryError(f'not enough memory? the worker crashed ({sig.name}), '
                                  'which its address space limit can cause')
        return LuaLimitError(f'the worker was killed by {sig.name}')

    def _kill(self):
        self.dead = True
        self._stopper.detach()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self):
        """Ask the worker to exit (killed if it does not)."""
        self.dead = True
        self._stopper()


def _stop(process, conn):
    try:
        conn.send(None)
    except (OSError, ValueError):
        pass
    process.join(STOP_WAIT)
    if process.is_alive():
        process.kill()
        process.join()
    conn.close()


_CONTEXT = []


def _context():
    """The multiprocessing context for workers: forkserver, whose server
    preloads moonpatch so that a worker starts in a few milliseconds;
    spawn where there is none."""
    if not _CONTEXT:
        if 'forkserver' in multiprocessing.get_all_start_methods():
            ctx = multiprocessing.get_context('forkserver')
            ctx.set_forkserver_preload(['moonpatch.isolated'])
        else:
            ctx = multiprocessing.get_context('spawn')
        _CONTEXT.append(ctx)
    return _CONTEXT[0]


def _check_plain(value, what):
    """TypeError unless value is plain data: None, booleans, numbers,
    strings and lists, tuples and dicts of them."""
    stack = [value]
    seen = set()
    while stack:
        v = stack.pop()
        if isinstance(v, PLAIN_LEAVES):
            continue
        if id(v) in seen:
            continue
        if isinstance(v, (list, tuple)):
            seen.add(id(v))
            stack.extend(v)
        elif isinstance(v, dict):
            seen.add(id(v))
            stack.extend(v.keys())
            stack.extend(v.values())
        else:
            kind = lua_type(v)
            kind = f'a Lua {kind}' if kind else f'a Python {type(v).__name__}'
            raise TypeError(f'{what} of an isolated runtime must be plain data, not {kind}')


# ---- the worker's side -----------------------------------------------------------------

def _serve(conn, runtime_options, address_space):
    """A worker's main loop: requests in, replies out, until None or EOF.
    A reply is (kind, payload, alive): 'ok' and the results, 'lua' and a
    Lua error's (class name, value, traceback), or 'raise' and
    another exception; alive is False when the worker exits after it."""
    _limit_process(address_space)
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C is the parent's to handle
    runtime = None
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        fresh, is_eval, lua_code, args, limits, cpu = request
        try:
            if fresh or runtime is None:
                runtime = None          # the last script's values go before the next's
                runtime = LuaRuntime(**runtime_options)
            reply = _answer(runtime, is_eval, lua_code, args, limits, cpu)
        except MemoryError:
            reply = _out_of_memory(address_space)
        finally:
            sys.stdout.flush()          # print()'s output before the reply
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(_out_of_memory(address_space))
            return
        if not reply[2]:
            return


def _answer(runtime, is_eval, lua_code, args, limits, cpu):
    run = runtime.eval if is_eval else runtime.execute
    _limit_cpu(cpu)
    try:
        results = run(lua_code, *[_to_lua(runtime, a) for a in args], **limits)
        if type(results) is tuple:
            results = tuple(to_python(v) for v in results)
        else:
            results = to_python(results)
        _check_plain(results, 'the results')
        return 'ok', results, True
    except LuaError as e:
        # Python's own MemoryError is Lua's catchable 'not enough memory'
        catchable = getattr(e, 'catchable', False)
        if catchable and isinstance(e, LuaMemoryError):
            raise MemoryError from e        # Python ran out: the address space limit
        return 'lua', (type(e).__name__, _error_value(e), e.traceback), True
    except MemoryError:
        raise
    except Exception as e:  # noqa: BLE001 (a host callback's or a conversion's error)
        return 'raise', _picklable(e), True
    finally:
        _limit_cpu(None)


def _to_lua(runtime, value):
    if isinstance(value, (list, tuple, dict)):
        return runtime.table_from(value, recursive=True)
    return value


def _error_value(error):
    """A Lua error's value as plain data, else its message."""
    try:
        value = to_python(error.value)
        _check_plain(value, 'an error value')
        return value
    except (TypeError, ValueError):
        return str(error)


def _picklable(error):
    """error, if it comes out of pickle whole, else a RuntimeError that describes it."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001 (any pickling failure: send its description)
        return RuntimeError(f'{type(error).__name__}: {error}')


def _out_of_memory(address_space):
    limit = '' if address_space is None else f' ({address_space} bytes beyond start-up)'
    message = f'not enough memory: the worker reached its address space limit{limit}'
    return 'lua', ('LuaMemoryError', message, None), False


def _limit_process(address_space):
    """RLIMIT_AS: the address space now plus address_space (soft and hard:
    the worker never raises it); no core files (SIGXCPU would write one)."""
    if resource is None:
        return
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if address_space is None or not sys.platform.startswith('linux'):
        return                          # elsewhere RLIMIT_AS is not enforced
    limit = _address_space_used() + address_space
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _address_space_used():
    with open('/proc/self/statm') as f:
        pages = int(f.read().split()[0])
    return pages * os.sysconf('SC_PAGE_SIZE')


def _limit_cpu(seconds):
    """RLIMIT_CPU's soft limit: the CPU time used so far plus seconds (the
    limit counts the process's whole life), or back to the hard limit."""
    if resource is None:
        return
    hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
    soft = hard
    if seconds is not None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        soft = math.ceil(usage.ru_utime + usage.ru_stime + seconds)
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


__all__ = ['AUTO', 'IsolatedRuntime', 'SandboxPool']
