"""The control-flow fuzzer (ctlflow.py) in CI. The corpus (ctlflow_corpus/,
programs with the output lua5.1 or luajit gave) checks what the programs
compute; a seeded run of fresh programs checks that the code generator
never raises anything but a Lua error and that valid programs compile and
run without any error (every generated program is valid, unless it was made
risky: then LuaJIT's goto scope error is the only error allowed)."""
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import ctlflow  # noqa: E402
from runner import TIERS, run_moonpatch_file, safe_run_moonpatch  # noqa: E402

CORPUS = sorted(f[:-4] for f in os.listdir(ctlflow.CORPUS) if f.endswith('.lua'))
FRESH_SEEDS = range(100000, 100000 + int(os.environ.get('CTLFLOW_PROGRAMS', '250')))


@pytest.mark.parametrize('tier', sorted(TIERS))
@pytest.mark.parametrize('name', CORPUS)
def test_corpus(name, tier):
    path = os.path.join(ctlflow.CORPUS, name + '.lua')
    with open(os.path.join(ctlflow.CORPUS, name + '.expected'), 'rb') as f:
        expected = f.read().decode('latin-1')
    assert run_moonpatch_file(path, tier) == expected


def test_fresh_programs_compile_and_run():
    for seed in FRESH_SEEDS:
        text, _, risky = ctlflow.generate(seed)
        out, crash = safe_run_moonpatch(text, '@' + ctlflow.CHUNK)
        assert crash is None, 'seed %d:\n%s' % (seed, crash)
        errors = [line for line in out.splitlines() if line.startswith('moonpatch:')]
        if risky and errors:
            assert len(errors) == 1 and 'jumps into the scope of local' in errors[0], seed
        else:
            assert not errors, 'seed %d: %s' % (seed, errors)


def test_fresh_programs_compiled_give_the_interpreters_output():
    """Every function and loop compiled at once (the JIT's control flow
    structuring sees every shape the generator makes)."""
    for seed in FRESH_SEEDS:
        text, _, _ = ctlflow.generate(seed)
        want, crash = safe_run_moonpatch(text, '@' + ctlflow.CHUNK, 'interp')
        assert crash is None, 'seed %d:\n%s' % (seed, crash)
        got, crash = safe_run_moonpatch(text, '@' + ctlflow.CHUNK, 'forced')
        assert crash is None, 'seed %d:\n%s' % (seed, crash)
        assert got == want, 'seed %d' % seed
