"""The source-text fuzzer (srcfuzz.py) in CI: a seeded run of generated and
mutated sources (SRCFUZZ_INPUTS, default 1200, about 5 s) must load to a
function or a Lua error, never another Python exception, in bounded time,
and the same from a string as from a reader giving a few bytes at a time."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import srcfuzz  # noqa: E402

INPUTS = int(os.environ.get('SRCFUZZ_INPUTS', '1200'))


def test_sources_load_to_a_function_or_a_lua_error():
    srcfuzz.engine()
    problems = []
    for seed in range(1, INPUTS + 1):
        kind, text = srcfuzz.make_input(seed)
        _, problem = srcfuzz.check(text, seed)
        if problem is not None:
            problems.append('seed %d (%s): %s' % (seed, kind, problem))
    assert not problems, '\n'.join(problems[:5])
