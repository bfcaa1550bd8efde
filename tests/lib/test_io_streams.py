"""The standard streams: io.stdout/io.stderr follow the state's streams
(also when they change after the state was made), print and io.write keep
program order, io.read reads stdin like lua5.1, and buffered files reach
the disk at exit."""
import io
import os
import shutil
import subprocess
import sys

import pytest

from moonpatch.engine import Engine
from moonpatch.runtime.state import enter_state

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HAVE_LUA51 = shutil.which('lua5.1') is not None


def moonpatch(args, stdin=b'', cwd=None):
    env = dict(os.environ, PYTHONPATH=ROOT)
    for var in ('LUA_INIT', 'LUA_PATH', 'LUA_CPATH'):
        env.pop(var, None)
    return subprocess.run([sys.executable, '-m', 'moonpatch', *args], input=stdin,
                          capture_output=True, env=env, cwd=cwd, timeout=60, check=False)


def lua51(args, stdin=b'', cwd=None):
    env = {k: v for k, v in os.environ.items() if k not in ('LUA_INIT', 'LUA_PATH', 'LUA_CPATH')}
    return subprocess.run(['lua5.1', *args], input=stdin, capture_output=True, env=env,
                          cwd=cwd, timeout=60, check=False)


# ---- the state's streams -------------------------------------------------------------

def test_stdout_redirected_after_the_state_was_made():
    lua = Engine()
    first = io.BytesIO()
    lua.state.stdout = first
    ok, msg = lua.do_string('io.write("a", 1) print("b") io.stdout:write("c")', '=t')
    assert ok, msg
    second = io.BytesIO()
    lua.state.stdout = second
    ok, msg = lua.do_string('io.write("d") print("e") io.stdout:write(2.5)', '=t')
    assert ok, msg
    assert first.getvalue() == b'a1b\nc'
    assert second.getvalue() == b'de\n2.5'


def test_stderr_goes_to_the_state_stderr():
    lua = Engine()
    out, err = io.BytesIO(), io.BytesIO()
    lua.state.stdout, lua.state.stderr = out, err
    ok, msg = lua.do_string('io.stderr:write("to err\\n", 3) print("to out")', '=t')
    assert ok, msg
    assert (out.getvalue(), err.getvalue()) == (b'to out\n', b'to err\n3')


def test_none_means_the_current_sys_streams(capsysbinary):
    lua = Engine()
    ok, msg = lua.do_string('io.write("x") print("y") io.stderr:write("z")', '=t')
    assert ok, msg
    captured = capsysbinary.readouterr()
    assert captured.out == b'xy\n'
    assert captured.err == b'z'


def run_in(lua, code):
    enter_state(lua.state)          # the engine of the current thread is the last one made
    ok, msg = lua.do_string(code, '=t')
    assert ok, msg


def test_default_files_are_per_state(tmp_path):
    a, b = Engine(), Engine()
    a.state.stdout, b.state.stdout = io.BytesIO(), io.BytesIO()
    a.globals.hash['NAME'] = str(tmp_path / 'a.txt')
    run_in(a, 'io.output(NAME) io.write("in a")')
    run_in(b, 'print(io.output() == io.stdout) io.write("in b")')
    run_in(a, 'io.write(", still a") io.close()')
    assert b.state.stdout.getvalue() == b'true\nin b'
    assert (tmp_path / 'a.txt').read_bytes() == b'in a, still a'


def test_files_of_two_states_do_not_mix():
    a, b = Engine(), Engine()
    run_in(a, 'F = io.tmpfile()')
    b.globals.hash['F'] = a.globals.hash['F']
    b.state.stdout = io.BytesIO()
    run_in(b, 'print(io.type(F), pcall(io.close, F))')
    assert b.state.stdout.getvalue() == (
        b"nil\tfalse\tbad argument #1 to '?' (FILE* expected, got userdata)\n")


# ---- order of output, flushing ---------------------------------------------------------

def test_print_and_io_write_keep_program_order():
    code = ('io.write("a") print("b") io.stdout:write("c\\n") io.write(1, 2) print() '
            'io.stdout:setvbuf("no") io.write("d") print("e")')
    r = moonpatch(['-e', code])
    assert r.stdout == b'ab\nc\n12\nde\n'
    if HAVE_LUA51:
        assert lua51(['-e', code]).stdout == r.stdout


def test_popen_flushes_stdout_first():
    code = ('io.write("parent ") local p = io.popen("cat", "w") p:write("child\\n") '
            'p:close() io.write("after\\n")')
    r = moonpatch(['-e', code])
    assert r.stdout == b'parent child\nafter\n'
    if HAVE_LUA51:
        assert lua51(['-e', code]).stdout == r.stdout


def test_unclosed_files_are_flushed_at_exit(tmp_path):
    code = ('f = io.open("left.txt", "w") f:write("data") '
            'g = io.open("gone.txt", "w") g:write("more") g = nil')
    r = moonpatch(['-e', code], cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / 'left.txt').read_bytes() == b'data'
    assert (tmp_path / 'gone.txt').read_bytes() == b'more'


def test_os_exit_flushes_files(tmp_path):
    r = moonpatch(['-e', 'f = io.open("x.txt", "w") f:write("before exit") os.exit(3)'],
                  cwd=tmp_path)
    assert r.returncode == 3
    assert (tmp_path / 'x.txt').read_bytes() == b'before exit'


def test_engine_close_runs_file_finalizers(tmp_path):
    lua = Engine()
    lua.globals.hash['NAME'] = str(tmp_path / 'c.txt')
    ok, msg = lua.do_string('F = io.open(NAME, "w") F:write("closed by lua_close")', '=t')
    assert ok, msg
    handle = lua.globals.hash['F']
    lua.close()
    assert handle.value.f is None
    assert (tmp_path / 'c.txt').read_bytes() == b'closed by lua_close'


# ---- reading stdin -------------------------------------------------------------------------

STDIN_CASES = [
    ('print(io.read("*n", "*n"))', b' 12  3.5e1 rest'),
    ('print(io.read("*n")) print(io.read("*a"))', b'0x1Fzz'),
    ('print(io.read()) print(io.read("*l")) print(io.read())', b'one\ntwo'),
    ('for l in io.lines() do io.write("[", l, "]") end', b'a\n\nb\n'),
    ('for l in io.stdin:lines() do io.write("[", l, "]") end print(io.read())', b'x\ny'),
    ('print(io.read(3), io.read(0), io.read(100), io.read(0), io.read(1))', b'abcdef'),
    ('print(#io.read("*a"), io.read("*a"), io.read("*l"))', b'\0\1\2' * 1000),
    ('print(io.stdin:read("*n", "*l", "*l"))', b'42\nnext\n'),
    ('print(io.read("*n"), io.read(1))', b'nax'),
    ('print(io.stdin:seek())', b''),
    ('print(io.read(0))', b''),
    ('io.input(io.stdin) print(io.input():read("*a"))', b'via io.input'),
]


@pytest.mark.parametrize('code,data', STDIN_CASES, ids=range(len(STDIN_CASES)))
def test_stdin(code, data):
    r = moonpatch(['-e', code], stdin=data)
    assert r.returncode == 0, r.stderr
    if HAVE_LUA51:
        ref = lua51(['-e', code], stdin=data)
        assert r.stdout == ref.stdout
    else:
        assert r.stdout


def test_stdin_from_a_pipe_cannot_seek():
    r = moonpatch(['-e', 'print(io.stdin:seek("set", 0))'], stdin=b'data')
    assert r.stdout == b'nil\tIllegal seek\t29\n'


def test_stdin_redirected_in_process(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO(b'12 line\nsecond\n'))
    monkeypatch.setattr(sys, 'stdin', fake)
    lua = Engine()
    lua.state.stdout = io.BytesIO()
    ok, msg = lua.do_string('print(io.read("*n", "*l", "*l", "*l"))', '=t')
    assert ok, msg
    assert lua.state.stdout.getvalue() == b'12\t line\tsecond\tnil\n'


def test_stdin_closed_by_the_host(monkeypatch):
    monkeypatch.setattr(sys, 'stdin', None)
    lua = Engine()
    lua.state.stdout = io.BytesIO()
    ok, msg = lua.do_string('print(io.read())', '=t')
    assert ok, msg
    assert lua.state.stdout.getvalue() == b'nil\tBad file descriptor\t9\n'
