"""One Lua universe with the standard libraries: what the command line and
the REPL drive (the Python API builds its LuaRuntime on the same pieces)."""
import functools
import sys
from contextlib import nullcontext

from .lib import open_libs
from .lib.base import load_or_error, loadfile, register_docall_code
from .runtime import ops
from .runtime.callstack import error_levels
from .runtime.errors import finalize, format_traceback
from .runtime.state import LuaState, enter_state, leave_state
from .runtime.table import LuaTable, create_table


def new_state(use_env=True, ffi=True):
    """A LuaState with the standard libraries; the calling thread's current
    state is left as it was (the Python API's runtimes are made this way).
    ffi: may require("ffi") load the ffi library (lib/ffi)."""
    state = LuaState()
    state.use_env = use_env
    state.ffi_allowed = ffi
    prev = enter_state(state)
    try:
        open_libs(state)
    finally:
        leave_state(prev)
    return state


def _in_state(method):
    """Run an Engine method with the engine's state current in this thread."""
    @functools.wraps(method)
    def entered(self, *args):
        prev = enter_state(self.state)
        try:
            return method(self, *args)
        finally:
            leave_state(prev)
    return entered


class Engine:
    def __init__(self, use_env=True):
        self.state = new_state(use_env)
        self.sigint = None      # the command line's SIGINT handler (sigint.py), if any
        # The newest engine is current until another is entered (tests and
        # tools call into its state directly); every method enters its own.
        enter_state(self.state)

    @_in_state
    def close(self):
        """lua_close: run the finalizers of the userdata still alive."""
        from .runtime.gc import close_state
        from .runtime.hooks import forget_state
        try:
            close_state(self.state)
        except Exception:
            pass
        forget_state(self.state)

    @property
    def globals(self):
        return self.state.globals

    @_in_state
    def call(self, f, args):
        """lua.c's docall: (True, results), or (False, message with
        traceback) as its report prints it (None: an error value of nil,
        which it does not print)."""
        interruptible = self.sigint.docall(self.state) if self.sigint else nullcontext()
        with interruptible:
            try:
                return True, ops.call(f, list(args))
            except Exception as e:
                err = finalize(e)
                msg = err.value
                if msg is None:
                    return False, None
                if type(msg) is float:
                    msg = ops.tostring_raw(msg)
                if type(msg) is not str:
                    return False, '(error object is not a string)'
                return False, format_traceback(error_levels(e), msg, bottom_c=True)

    @_in_state
    def do_chunk(self, loaded, args=()):
        f = loaded[0]
        if f is None:
            return False, loaded[1]
        return self.call(f, args)

    @_in_state
    def load(self, text, chunkname):
        """(function,) or (None, message), as loadstring returns them."""
        return load_or_error(to_lua_string(text), chunkname)

    @_in_state
    def do_string(self, text, chunkname):
        return self.do_chunk(load_or_error(to_lua_string(text), chunkname))

    @_in_state
    def do_file(self, filename, args):
        return self.do_chunk(loadfile(filename), [to_lua_string(a) for a in args])

    @_in_state
    def do_require(self, name):
        require = self.globals.hash.get('require')
        if require is None:
            return False, "module '%s' not found: no 'require' function" % name
        return self.call(require, [to_lua_string(name)])

    @_in_state
    def jit_command(self, cmd):
        jit = self.globals.hash.get('jit')
        if jit is None or not cmd:
            return True, ()
        name, _, arg = cmd.partition('=')
        if name in ('v', 'dump'):         # LuaJIT's jit.v and jit.dump modules
            out = self.state.stderr if name == 'v' else self.state.stdout
            if out is None:
                out = (sys.stderr if name == 'v' else sys.stdout).buffer
            setattr(self.state, 'jit_verbose' if name == 'v' else 'jit_dump', out)
            return True, ()
        f = jit
        for part in name.split('.'):
            f = f.hash.get(part) if type(f) is LuaTable else None
        if f is None:
            return True, ()       # accepted: the JIT gives these meaning
        return self.call(f, [to_lua_string(a) for a in arg.split(',')] if arg else [])

    def jit_opt(self, flags):
        """-O[flags]: lua.c's dojitopt, jit.opt.start with the flags."""
        return self.jit_command('opt.start=' + flags if flags else 'opt.start')

    def set_arg_table(self, argv, script):
        """lua.c's getargs: the global `arg` holds the command line argv with
        the script (argv[script]) at 0, so the interpreter as it was started
        (argv[0]) and the options before the script are at negative indices."""
        t = create_table(len(argv) - script - 1, script + 1)
        for i, a in enumerate(argv):
            t.set(float(i - script), to_lua_string(a))
        self.globals.hash['arg'] = t


register_docall_code(Engine.call.__wrapped__.__code__)


def to_lua_string(s):
    """A Python str from the command line or a file name -> a Lua string."""
    return s.encode('utf-8', 'surrogateescape').decode('latin-1')

