"""Replays the committed fuzz corpus (corpus/*.lua, made by make_corpus.py)
and the reproducers of reported differences (repro/*.lua): each program's
output in moonpatch must equal its .expected file, captured from lua5.1.
Programs listed in known_failures.txt are expected to fail until the bug
they show is fixed (then they pass and the line can go)."""
import os
import re
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from runner import TIERS, run_moonpatch_file  # noqa: E402


def known_failures():
    out = {}
    path = os.path.join(HERE, 'known_failures.txt')
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.split('#')[0].strip()
                if line:
                    name, _, why = line.partition(' ')
                    out[name] = why.strip()
    return out


def programs(folder):
    d = os.path.join(HERE, folder)
    if not os.path.isdir(d):
        return []
    return sorted(f[:-4] for f in os.listdir(d)
                  if f.endswith('.lua') and os.path.exists(os.path.join(d, f[:-4] + '.expected')))


KNOWN = known_failures()
CASES = [pytest.param(folder, name, id='%s/%s' % (folder, name),
                      marks=[pytest.mark.xfail(reason=KNOWN['%s/%s' % (folder, name)],
                                               strict=False)]
                      if '%s/%s' % (folder, name) in KNOWN else [])
         for folder in ('corpus', 'repro') for name in programs(folder)]


# The sign of a NaN made from two NaNs (nan * -nan) is the host's: CPython
# 3.11 gives one sign before its specialising interpreter warms up and the
# other after, and other hosts and compilers differ again. The corpus checks
# NaN signs only where they are defined (tests/lua/numbers/inf_nan.lua does).
def _unsigned_nan(text):
    return re.sub(r'-nan\b', 'nan', text)


@pytest.mark.parametrize('tier', sorted(TIERS))
@pytest.mark.parametrize('folder,name', CASES)
def test_program(folder, name, tier):
    path = os.path.join(HERE, folder, name + '.lua')
    with open(os.path.join(HERE, folder, name + '.expected'), 'rb') as f:
        expected = f.read().decode('latin-1')
    assert _unsigned_nan(run_moonpatch_file(path, tier)) == _unsigned_nan(expected)
