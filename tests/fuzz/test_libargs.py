"""The library-argument fuzzer (libargs.py), a bounded seeded run: every
standard library function called with hostile arguments must give only Lua
errors, in bounded time and memory. LIBARGS_COUNT=n sets how many calls
(default 12000); LIBARGS_SEED the seed. It runs in a scratch folder (the io
and os functions make files there) with stdin from /dev/null, in a process
of its own whose address space is capped, so a runaway allocation fails
there instead of taking the machine."""
import json
import os
import resource
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ADDRESS_SPACE = 8 * 2 ** 30


def _cap_memory():
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def test_library_functions_raise_only_lua_errors(tmp_path):
    count = os.environ.get('LIBARGS_COUNT', '12000')
    seed = os.environ.get('LIBARGS_SEED', '1')
    p = subprocess.run([sys.executable, os.path.join(HERE, 'libargs.py'), '--seed', seed,
                        '--count', count, '--json'], cwd=str(tmp_path), stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600,
                       preexec_fn=_cap_memory)
    assert p.returncode == 0, p.stderr.decode('utf-8', 'replace')[-3000:]
    summary = json.loads(p.stdout.decode().strip().splitlines()[-1])
    assert summary['ran'] == int(count)
    assert summary['errors'] > 0               # the arguments do reach the error paths
    findings = '\n'.join('%s\n    %s' % (text, problem) for text, problem in summary['findings'])
    assert not findings, 'replay: python3 tests/fuzz/libargs.py --seed %s --count %s\n%s' % (
        seed, count, findings)
