"""The native tier's differential fuzzer (nativefuzz.py) in CI: seeded programs
(NATIVEFUZZ_PROGRAMS, default 60) give the interpreter's output natively, natively
with exits at ticks, and in tier 1; and most of them really run native code."""
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import nativefuzz  # noqa: E402
from moonpatch.jit import native  # noqa: E402

PROGRAMS = int(os.environ.get('NATIVEFUZZ_PROGRAMS', '60'))
SEED = int(os.environ.get('NATIVEFUZZ_SEED', '1'))

needs_native = pytest.mark.skipif(not native.available(), reason='no native code here')


@needs_native
def test_programs_give_the_same_output_in_every_tier():
    nativefuzz.warm_up()
    findings, ran_native, entered, exits = [], 0, 0, 0
    for seed in range(SEED, SEED + PROGRAMS):
        text = nativefuzz.generate(seed)
        result = nativefuzz.run_isolated(text, timeout=60)
        found = nativefuzz.problem(result)
        if found is not None and found[1] is None:
            findings.append((seed, found[0]))
        if 'outputs' in result:
            ran_native += result['native'] > 0
            entered += result['entered']
            exits += result['exits']
    assert not findings, findings
    # a fuzzer whose programs the native tier refuses tests nothing
    assert ran_native >= 0.8 * PROGRAMS and entered >= 10 * PROGRAMS and exits > PROGRAMS


@needs_native
def test_a_wrong_native_result_is_found(monkeypatch):
    """The comparison sees what native code computes: results read back wrong differ."""
    from moonpatch.jit.native import backend
    to_lua = backend.to_lua
    monkeypatch.setattr(backend, 'to_lua', lambda t, x: to_lua(t, x * 2.0 + 1.0)
                        if t is backend.NUMBER else to_lua(t, x))
    text = next(t for t in map(nativefuzz.generate, range(SEED, SEED + 20))
                if 'for ' in t)
    found = nativefuzz.problem(nativefuzz.run_all(text))
    assert found == ('native differs from the interpreter', None)


def test_differences_in_nan_signs_alone_are_known():
    outs = {'interp': 'f1\ttrue -nan\nf1\ttrue 1\n', 'native': 'f1\ttrue nan\nf1\ttrue 1\n',
            'exits': 'f1\ttrue -nan\nf1\ttrue 1\n', 'tier1': 'f1\ttrue nan\nf1\ttrue 1\n'}
    result = {'outputs': outs, 'crashed': []}
    assert nativefuzz.problem(result) == ('native differs from the interpreter', 'nan-sign')
    outs['native'] = 'f1\ttrue nan\nf1\ttrue 2\n'
    assert nativefuzz.problem(result) == ('native differs from the interpreter', None)
    outs['native'] = outs['interp']
    outs['tier1'] = 'f1\ttrue -nan\nf1\ttrue -0\n'
    assert nativefuzz.problem(result) == ('tier 1 differs from the interpreter', None)
