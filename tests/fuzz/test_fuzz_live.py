"""Random programs (gen.py) compared live with lua5.1; skipped without it.
FUZZ_EXAMPLES=n sets how many programs (default 25). A difference that a
reported one explains (diff.KNOWN, repro/) does not fail the test; any other
difference or a Python exception does, with the seed to replay it:
    python3 tests/fuzz/diff.py --seeds SEED --snippets N"""
import os
import shutil
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import diff  # noqa: E402
import gen  # noqa: E402
import runner  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which('lua5.1') is None, reason='lua5.1 is not on PATH')

hypothesis = pytest.importorskip('hypothesis')
st = hypothesis.strategies

_features = []


def features():
    if not _features:
        _features.append(runner.detect_features())
    return _features[0]


# moonpatch raises Python's recursion limit, which hypothesis reports
@pytest.mark.filterwarnings('ignore::hypothesis.errors.HypothesisWarning')
@hypothesis.settings(max_examples=int(os.environ.get('FUZZ_EXAMPLES', '25')), deadline=None,
                     suppress_health_check=list(hypothesis.HealthCheck), database=None)
@hypothesis.given(seed=st.integers(0, 2 ** 31 - 1), snippets=st.integers(1, 6))
def test_same_output_as_lua51(seed, snippets):
    text = gen.generate(seed, features(), snippets)
    expected, ok = diff.run_lua51_text(text)
    assert ok, 'lua5.1 rejected generated program (seed %d): %s' % (seed, expected[-300:])
    got, crash = runner.safe_run_moonpatch(text, '@' + diff.CHUNK)
    assert crash is None, 'moonpatch raised a Python exception (seed %d):\n%s' % (seed, crash)
    if got != expected and diff.known_class({'expected': expected, 'got': got}) is None:
        lines = [(a, b) for a, b in zip(expected.split('\n'), got.split('\n')) if a != b]
        first = lines[0] if lines else ('%d lines' % expected.count('\n'),
                                        '%d lines' % got.count('\n'))
        pytest.fail('differs from lua5.1 (seed %d, snippets %d)\n  lua5.1:    %r\n  moonpatch: %r'
                    % (seed, snippets, first[0], first[1]))
