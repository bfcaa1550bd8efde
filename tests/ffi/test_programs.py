"""tests/ffi/programs: Lua programs whose C code writes to the process's
stdout (ffi.C.printf) or that need a system library (zlib), run by the
command line as luajit runs them, in each tier; expected output captured
from luajit (tests/lua/capture.sh tests/ffi/programs/NAME.lua)."""
import ctypes.util
import os
import subprocess
import sys

import pytest

pytest.importorskip('cffi')

HERE = os.path.join(os.path.dirname(__file__), 'programs')
TIERS = {'interp': ['-joff'], 'jit': [], 'forced': ['-Ohotcall=1,hotloop=1,native=2']}


def _needs(name):
    if name == 'zlib' and ctypes.util.find_library('z') is None:
        pytest.skip('no libz on this host')


@pytest.mark.parametrize('tier', sorted(TIERS))
@pytest.mark.parametrize('name', ['printf', 'zlib'])
def test_program(name, tier):
    _needs(name)
    command = [sys.executable, '-m', 'moonpatch'] + TIERS[tier] + [name + '.lua']
    p = subprocess.run(command, cwd=HERE, capture_output=True, timeout=60)
    with open(os.path.join(HERE, name + '.expected'), 'rb') as f:
        assert p.stdout + p.stderr == f.read()
