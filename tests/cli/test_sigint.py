"""Ctrl-C: lua.c's 'interrupted!' error with the Lua traceback, exit status
1, caught by pcall; a second SIGINT has the default action; at the REPL's
prompt too. Expected texts captured from lua5.1 (but for the coroutine,
where lua5.1 misses the signal: its hook is set on the main thread only).

A signal is sent once the child has printed a line and then used some CPU
time: it is inside its loop, so where the signal lands is known."""
import os
import pty
import select
import signal
import subprocess
import sys
import time

import pytest

from moonpatch.engine import Engine
from moonpatch.runtime.stack import C_STACK_PER_CALL
from moonpatch.sigint import Sigint

from .clirun import environment

pytestmark = pytest.mark.skipif(not os.path.exists('/proc/self/stat'),
                                reason='needs /proc to see the child run')

# Where the command line runs Lua on a thread of its own, the first SIGINT
# reaches only the Lua functions called after it (sigint.py).
lua_on_main_thread = pytest.mark.skipif(C_STACK_PER_CALL, reason='Lua runs on its own thread')

READY = 'print("running") io.stdout:flush()\n'

PROGRAMS = {
    'function': (
        'local function spin()\n  local n = 0\n  while true do n = n + 1 end\nend\n'
        + READY + 'spin()\n',
        "moonpatch: loop.lua:6: interrupted!\nstack traceback:\n"
        "\tloop.lua:3: in function 'spin'\n\tloop.lua:6: in main chunk\n\t[C]: ?\n"),
    'main chunk': (
        READY + 'local n = 0 while true do n = n + 1 end\n',
        'moonpatch: interrupted!\nstack traceback:\n\tloop.lua:2: in main chunk\n\t[C]: ?\n'),
    'coroutine': (
        READY + 'local co = coroutine.wrap(function() while true do end end)\nco()\n',
        "moonpatch: loop.lua:3: interrupted!\nstack traceback:\n"
        "\t[C]: in function 'co'\n\tloop.lua:3: in main chunk\n\t[C]: ?\n"),
    # (ready after 200 iterations, once the JIT has compiled the loop (hot
    # at 56): a signal that comes while it compiles is caught in the main
    # chunk, not in find)
    'library': (
        'local s = string.rep("a", 300)\nlocal n = 0\n'
        'while true do local x = s:find(".-b") n = n + 1 if n == 200 then '
        + READY.strip() + ' end end\n',
        "moonpatch: loop.lua:3: interrupted!\nstack traceback:\n"
        "\t[C]: in function 'find'\n\tloop.lua:3: in main chunk\n\t[C]: ?\n"),
}


def cpu_ticks(pid):
    with open('/proc/%d/stat' % pid) as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return int(fields[11]) + int(fields[12])        # utime + stime


def wait_busy(pid, ticks=3, timeout=30):
    """Until process pid has run `ticks` more clock ticks."""
    start = cpu_ticks(pid)
    deadline = time.monotonic() + timeout
    while cpu_ticks(pid) - start < ticks:
        assert time.monotonic() < deadline, 'the child does not run'
        time.sleep(0.01)


def start(tmp_path, source, ignore_sigint=False):
    (tmp_path / 'loop.lua').write_text(source)
    preexec = (lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if ignore_sigint else None
    p = subprocess.Popen(['moonpatch', 'loop.lua'], cwd=tmp_path, env=environment(),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=preexec)
    assert p.stdout.readline() == b'running\n'
    return p


def interrupt(p):
    """SIGINT once p runs its loop; then what it printed and its status."""
    wait_busy(p.pid)
    p.send_signal(signal.SIGINT)
    try:
        out, err = p.communicate(timeout=30)
    finally:
        p.kill()
    return out.decode(), err.decode(), p.returncode


@lua_on_main_thread
@pytest.mark.parametrize('where', sorted(PROGRAMS))
def test_interrupted(tmp_path, script, where):
    source, message = PROGRAMS[where]
    assert interrupt(start(tmp_path, source)) == ('', message, 1)


@lua_on_main_thread
def test_interrupted_with_sigint_ignored(tmp_path, script):
    """A background job of a shell script starts with SIGINT ignored; lua.c
    catches it anyway while Lua code runs."""
    source, message = PROGRAMS['function']
    assert interrupt(start(tmp_path, source, ignore_sigint=True)) == ('', message, 1)


@lua_on_main_thread
def test_pcall_catches_it_and_a_second_sigint_kills(tmp_path, script):
    p = start(tmp_path, READY + 'print(pcall(function() while true do end end))\n'
              'print("again") io.stdout:flush()\nwhile true do end\n')
    wait_busy(p.pid)
    p.send_signal(signal.SIGINT)
    assert p.stdout.readline() == b'false\tinterrupted!\n'
    assert p.stdout.readline() == b'again\n'
    assert interrupt(p) == ('', '', -signal.SIGINT)


def test_signal_as_a_function_starts():
    """The handler may run as the interpreter enters a function, before its
    first instruction (here made to run there, without a signal)."""
    lua = Engine()
    lua.sigint = sigint = Sigint()
    f = lua.load('for i = 1, 1e5 do end return "not interrupted"', '=chunk')[0]

    def at_entry(frame, event, arg):
        if event == 'call' and frame.f_code.co_name == 'execute':
            sys.setprofile(None)
            sigint._laction(signal.SIGINT, frame)
    sys.setprofile(at_entry)
    try:
        result = lua.call(f, [])
    finally:
        sys.setprofile(None)
        lua.close()
    assert result == (False, 'interrupted!\nstack traceback:\n\tchunk:1: in main chunk\n\t[C]: ?')


def wait_exit(pid, timeout):
    """The wait status of child pid once it ends, or None after timeout
    seconds (a test must fail, not hang)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.02)
    return None


def read_until(fd, end, timeout=30):
    """What the terminal shows up to `end` (its newlines as \\n)."""
    out = b''
    deadline = time.monotonic() + timeout
    while not out.endswith(end):
        assert time.monotonic() < deadline, out
        if select.select([fd], [], [], 0.1)[0]:
            out = (out + os.read(fd, 4096)).replace(b'\r\n', b'\n')
    return out


@lua_on_main_thread
def test_repl(script):
    """A running line is interrupted back to the prompt; at the prompt,
    SIGINT ends the program (lua.c leaves it the default action there)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe('moonpatch', ['moonpatch'], environment())
    try:
        read_until(fd, b'> ')
        os.write(fd, b'while true do end\n')
        read_until(fd, b'while true do end\n')
        wait_busy(pid)
        os.write(fd, b'\x03')
        assert read_until(fd, b'> ').endswith(
            b'interrupted!\nstack traceback:\n\tstdin:1: in main chunk\n\t[C]: ?\n> ')
        os.write(fd, b'print(40 + 2)\n')
        assert read_until(fd, b'> ').endswith(b'42\n> ')
        os.write(fd, b'\x03')
        status = wait_exit(pid, 10)
        if status is None:
            # Seen once or twice in hundreds of runs on a loaded machine: the
            # ^C written just as the prompt appears raised no SIGINT (the
            # terminal was being set up by readline?). A second one must kill.
            os.write(fd, b'\x03')
            status = wait_exit(pid, 10)
        assert status is not None, 'SIGINT at the prompt did not end the program'
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGINT
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)
