"""The sandbox fuzzer (sandboxfuzz.py) in CI: every hostile script stops with
a limit, every nasty one ends without a crash, and a seeded run of random
programs, sources and binary chunks (SANDBOXFUZZ_INPUTS, default 200) gives
no Python exception other than LuaError and never runs past a limit."""
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import sandboxfuzz  # noqa: E402

INPUTS = int(os.environ.get('SANDBOXFUZZ_INPUTS', '200'))


@pytest.mark.parametrize('script', sandboxfuzz.HOSTILE)
def test_hostile_scripts_stop_at_a_limit(script):
    problem = sandboxfuzz.check(script.replace('{n}', '12'), True, must_stop=True)
    assert problem is None, problem


@pytest.mark.parametrize('script', sandboxfuzz.NASTY)
def test_nasty_scripts_end_cleanly(script):
    problem = sandboxfuzz.check(script.replace('{n}', '12'), True)
    assert problem is None, problem


def test_random_inputs_meet_the_limits():
    findings = sandboxfuzz.run(1, INPUTS, ('program', 'source', 'chunk'))
    assert not findings, findings[:3]
