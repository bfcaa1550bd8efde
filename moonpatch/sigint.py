"""Ctrl-C as lua.c takes it.

lua.c catches SIGINT only while Lua code runs (docall). Its handler
(laction) sets a debug hook on call, return and every instruction, and the
hook (lstop) raises the error "interrupted!": a Lua error like any other,
with its position, its traceback, and caught by pcall. Until then a second
SIGINT has the default action (death by the signal), as it has outside
docall, at the prompt and during start-up (where a background job started
by a shell keeps ignoring it).

moonpatch sets the same hook (runtime/hooks.py) on the running Lua thread
and on the main thread. Python runs signal handlers on its main thread: where
Lua runs there (CPython 3.11+), the hook reaches the running frames at their
next instruction. Where the command line runs Lua on a thread of its own
(CPython 3.10, PyPy: runtime/stack.py) it can only reach the functions
called after the signal, so a loop that calls nothing is stopped by the
second SIGINT's default action instead.
"""
import contextlib
import os
import signal
from _thread import get_ident   # threading's, whose import costs start-up time

from .runtime import hooks
from .runtime.errors import LibErr
from .runtime.values import LuaFunction

STOP_MASK = hooks.MASK_CALL | hooks.MASK_RET | hooks.MASK_COUNT


def die_by_signal(signum):
    """The signal's default action, now (what lua.c gets from SIG_DFL)."""
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


class Sigint:
    """The process's SIGINT handler, in lua.c's three states: running Lua
    (docall), at the interactive prompt, and elsewhere."""

    def __init__(self):
        self.state = None           # the LuaState running Lua code, inside docall
        self.thread = None          # the Python thread that runs it (or reads the prompt)
        self.hooked = []            # (state, thread) whose hook we set and lstop must clear
        self.fired = False          # laction already ran in this docall
        self.at_prompt = False
        self.ignored = False        # SIG_IGN inherited, kept until the first docall
        self.stop = LuaFunction(self._lstop, None, None, None, 'lstop')

    def install(self):
        """Take over SIGINT (from the main thread)."""
        self.ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
        signal.signal(signal.SIGINT, self._laction)

    @contextlib.contextmanager
    def docall(self, state):
        """Lua code runs in state: SIGINT interrupts it."""
        self.state, self.thread, self.fired = state, get_ident(), False
        try:
            yield
        finally:
            self._clear_hooks()     # a signal that came too late to stop anything
            self.state = None
            self.ignored = False    # lua.c leaves SIG_DFL behind

    @contextlib.contextmanager
    def prompt(self):
        """The REPL waits for a line: SIGINT ends the program (after
        readline has put the terminal back)."""
        self.at_prompt, self.thread = True, get_ident()
        try:
            yield
        except KeyboardInterrupt:
            die_by_signal(signal.SIGINT)
        finally:
            self.at_prompt = False

    def _laction(self, signum, frame):
        state = self.state
        if state is not None and not self.fired:
            self.fired = True
            self._set_hooks(state, frame if get_ident() == self.thread else None)
        elif self.at_prompt and get_ident() == self.thread:
            raise KeyboardInterrupt
        elif not self.ignored:
            die_by_signal(signum)

    def _set_hooks(self, state, frame):
        """Hook the running Lua thread and the main thread; frame is the
        innermost frame of the running one (None: not on this thread)."""
        co = state.current_co
        if co is not None:
            self._set_hook(state, co, frame)
            if frame is not None:           # the main thread's: where its greenlet stopped
                import greenlet             # (a coroutine runs: it is imported)
                glet = greenlet.getcurrent()
                while glet.parent is not None:
                    glet = glet.parent
                frame = glet.gr_frame
        self._set_hook(state, None, frame)

    def _set_hook(self, state, co, frame):
        hooks.set_hook(state, co, self.stop, STOP_MASK, 1, frame)
        self.hooked.append((state, co))

    def _clear_hooks(self):
        while self.hooked:
            state, co = self.hooked.pop()
            if hooks.hooks_of(state, co).func is self.stop:
                hooks.set_hook(state, co, None, 0, 0)

    def _lstop(self, args):
        """The hook: luaL_error(L, "interrupted!"), positioned at the caller
        of the function running (this gate is no level of its own)."""
        self._clear_hooks()
        raise LibErr('interrupted!')
