"""Code we did not write, run as its authors run it: libraries from Debian's
lua-* packages (lib/, with their copyright files) used by small programs,
and lua-uri's own lunit test suite, each compared with lua5.1's output
(capture.sh). moonpatch is started as a command, like lua5.1."""
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = sorted(os.path.join('programs', f) for f in os.listdir(os.path.join(HERE, 'programs'))
                  if f.endswith('.lua')) + [os.path.join('lua-uri-tests', 'run.lua')]


@pytest.mark.parametrize('program', PROGRAMS)
def test_like_lua51(program):
    folder, name = os.path.split(os.path.join(HERE, program))
    env = dict(os.environ, LUA_PATH='%s/lib/?.lua;%s/lib/?/init.lua;;' % (HERE, HERE))
    env.pop('PYTHONUNBUFFERED', None)    # C's stdout is buffered: stderr may come first
    p = subprocess.run([sys.executable, '-m', 'moonpatch', name], cwd=folder, env=env,
                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=120)
    got = p.stdout.decode('latin-1') + 'exit %d\n' % p.returncode
    with open(os.path.join(folder, name[:-4] + '.expected'), encoding='latin-1') as f:
        expected = f.read()
    assert got.replace(sys.executable + ' -m moonpatch', 'lua5.1') == expected
