"""The standard streams in a shell: a closed pipe, a full disk, closed
descriptors. Expected behaviour captured from lua5.1 (SIGPIPE as a shell
leaves it: its default action)."""
import os
import signal
import subprocess

import pytest

from .clirun import environment, run

WRITERS = {
    'print': 'print(i)',
    'io.write': 'io.write(i, "\\n")',
    'io.stdout:write': 'io.stdout:write(i, "\\n")',
}


@pytest.mark.parametrize('writer', sorted(WRITERS))
def test_closed_pipe_ends_silently_by_sigpipe(tmp_path, script, writer):
    """`moonpatch big.lua | head -1`: killed by SIGPIPE, nothing on stderr."""
    (tmp_path / 'big.lua').write_text('for i = 1, 1e6 do %s end\n' % WRITERS[writer])
    p = subprocess.Popen(['moonpatch', 'big.lua'], cwd=tmp_path, env=environment(),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout.readline() == b'1\n'
    p.stdout.close()
    err = p.stderr.read()
    assert (p.wait(60), err) == (-signal.SIGPIPE, b'')


@pytest.mark.skipif(not os.path.exists('/dev/full'), reason='needs /dev/full')
def test_full_disk(tmp_path, script):
    """print ignores write errors; io.write gives them once the buffer is
    flushed; the exit status stays 0 and Python adds no message."""
    code = ('print(1) io.stderr:write(tostring(io.write("x")), "\\n")'
            'io.stderr:write(tostring(select(2, io.stdout:flush())), "\\n")'
            'for i = 1, 1e4 do print(i) end')
    with open('/dev/full', 'w') as full:
        p = subprocess.run(['moonpatch', '-e', code], cwd=tmp_path, env=environment(),
                           stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert (p.stderr, p.returncode) == ('true\nNo space left on device\n', 0)


def test_closed_descriptors(tmp_path, script):
    """A closed stdout: print writes nothing, io.write's buffer cannot be
    flushed; a closed stderr hides the error message; a closed stdin is a
    program that cannot be read (lua.c ignores that status)."""
    code = ('print(1) io.write("x") io.stderr:write(tostring(io.stdout:flush()), "\\n")'
            'io.stderr:write(tostring(io.write("y")), "\\n")')
    assert run(tmp_path, ['sh', '-c', 'exec moonpatch -e \'%s\' >&-' % code]) == \
        ('', 'nil\ntrue\n', 0)
    assert run(tmp_path, ['sh', '-c', 'exec moonpatch -e "print(2) error(1)" 2>&-']) == \
        ('2\n', '', 1)
    assert run(tmp_path, ['sh', '-c', 'exec moonpatch <&-']) == \
        ('', 'moonpatch: cannot read stdin: Bad file descriptor\n', 0)
