"""debug.debug reads commands from stdin until 'cont' or the end of input,
prompting on stderr and printing errors there (outputs taken from lua5.1)."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

PROGRAM = 'local x = 10 print("before") debug.debug() print("after", y)'


def run(stdin):
    env = dict(os.environ, PYTHONPATH=ROOT)
    return subprocess.run([sys.executable, '-m', 'moonpatch', '-e', PROGRAM], input=stdin,
                          capture_output=True, env=env, timeout=60, check=False)


def test_commands_errors_and_cont():
    r = run(b'print("hello", 1 + 1)\ny = 5\nerror("oops")\nerror(42)\nthis is bad\n'
            b'return 1\nlocal a = nil; a()\nprint(x)\ncont\nprint("not run")\n')
    assert r.returncode == 0
    assert r.stdout == b'before\nhello\t2\nnil\nafter\t5\n'
    assert r.stderr == (b"lua_debug> lua_debug> lua_debug> (debug command):1: oops\n"
                        b"lua_debug> (debug command):1: 42\n"
                        b"lua_debug> (debug command):1: '=' expected near 'is'\n"
                        b"lua_debug> lua_debug> (debug command):1: attempt to call local 'a'"
                        b" (a nil value)\n"
                        b"lua_debug> lua_debug> ")


def test_end_of_input_ends_it():
    r = run(b'print(1)')
    assert r.stdout == b'before\n1\nafter\tnil\n'
    assert r.stderr == b'lua_debug> lua_debug> '


def test_long_lines_are_read_in_pieces_of_249_bytes():
    r = run(b'print("' + b'a' * 300 + b'")\ncont\n')
    assert r.stdout == b'before\nafter\tnil\n'
    assert r.stderr == (b"lua_debug> (debug command):1: unfinished string near '<eof>'\n"
                        b"lua_debug> (debug command):1: unfinished string near '\")'\n"
                        b"lua_debug> ")
