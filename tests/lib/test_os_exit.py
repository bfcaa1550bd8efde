"""os.exit ends the process with the status after flushing the output, and is
a SystemExit that pcall cannot catch but an embedding host can."""
import os
import subprocess
import sys

import pytest

from moonpatch.engine import Engine

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def moonpatch(code):
    env = dict(os.environ, PYTHONPATH=ROOT)
    return subprocess.run([sys.executable, '-m', 'moonpatch', '-e', code], capture_output=True,
                          env=env, timeout=60, check=False)


@pytest.mark.parametrize('code,status', [
    ('os.exit()', 0), ('os.exit(3)', 3), ('os.exit(0)', 0), ('os.exit(256 + 7)', 7),
    ('os.exit(-1)', 255), ('os.exit("5")', 5), ('os.exit(2.9)', 2),
])
def test_exit_status(code, status):
    r = moonpatch(code)
    assert r.returncode == status
    assert r.stderr == b''


def test_output_is_flushed_and_nothing_runs_after():
    r = moonpatch('print("before") io = nil os.exit(4) print("after")')
    assert r.returncode == 4
    assert r.stdout == b'before\n'


def test_pcall_and_coroutines_do_not_stop_it():
    r = moonpatch('print(pcall(os.exit, 6)) print("not here")')
    assert (r.returncode, r.stdout) == (6, b'')
    r = moonpatch('coroutine.wrap(function() pcall(os.exit, 9) end)() print("not here")')
    assert (r.returncode, r.stdout) == (9, b'')


def test_host_catches_system_exit():
    lua = Engine()
    f = lua.globals.hash.get('loadstring').gate(['os.exit(12)'])[0]
    with pytest.raises(SystemExit) as e:
        f.gate([])
    assert e.value.code == 12


def test_bad_argument():
    r = moonpatch('os.exit({})')
    assert r.returncode == 1
    assert b"bad argument #1 to 'exit' (number expected, got table)" in r.stderr
