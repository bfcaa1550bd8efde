"""A bounded, seeded run of the binary-chunk fuzzer (chunkfuzz.py): no
mutated chunk may give anything but a Lua error. It runs in a subprocess,
since the fuzzer sets a SIGALRM handler and watches the error boundaries."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COUNT = int(os.environ.get('CHUNK_FUZZ_COUNT', '1500'))


def test_mutated_chunks_give_only_lua_errors():
    p = subprocess.run([sys.executable, os.path.join(HERE, 'chunkfuzz.py'), '--seed', '1',
                        '--count', str(COUNT)], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=600)
    out = p.stdout.decode('utf-8', 'replace')
    assert p.returncode == 0, out
    summary = out.strip().split('\n')[-1]
    assert summary.startswith('%d inputs' % COUNT) and 'rejected' in summary and \
        ' ok ' in summary, out
