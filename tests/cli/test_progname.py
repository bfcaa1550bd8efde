"""The program name: arg[-n] is the interpreter as it was started, and it
starts it again when moonpatch is not on PATH; messages are prefixed with it
(lua.c's progname)."""
import os
import shlex
import shutil
import sys

import pytest

from moonpatch.cli import which

from .clirun import environment, run

# The interpreter is arg's lowest index (lua.c's getargs); test runners start
# it again through the shell, as os.execute and io.popen do.
RERUN = '''\
local i = 0
while arg[i - 1] do i = i - 1 end
print(i, arg[i], arg[i + 1], arg[i + 2])
print(os.execute(arg[i] .. ' -e "os.exit(3)"'))
local p = io.popen(arg[i] .. ' -e "io.write(7)"')
print(p:read('*a'))
p:close()
error('boom')
'''

TRACEBACK = "stack traceback:\n\t[C]: in function 'error'\n\trerun.lua:8: in main chunk\n\t[C]: ?\n"


def test_started_by_a_path_not_on_PATH(tmp_path, script):
    (tmp_path / 'rerun.lua').write_text(RERUN)
    out, err, status = run(tmp_path, [script, '-e', 'x = 1', 'rerun.lua'], env=environment(None))
    assert out == '-3\t%s\t-e\tx = 1\n768\n7\n' % script
    assert (err, status) == ('%s: rerun.lua:8: boom\n' % script + TRACEBACK, 1)


def test_started_as_python_module(tmp_path, script):
    (tmp_path / 'rerun.lua').write_text(RERUN)
    out, err, status = run(tmp_path, [sys.executable, '-m', 'moonpatch', 'rerun.lua'],
                           env=environment(None))
    started = shlex.quote(sys.executable) + ' -m moonpatch'
    assert out == '-1\t%s\trerun.lua\tnil\n768\n7\n' % started
    assert (err, status) == ('moonpatch: rerun.lua:8: boom\n' + TRACEBACK, 1)


def test_started_by_a_relative_path(tmp_path, script):
    relative = os.path.relpath(script, tmp_path)
    out, err, status = run(tmp_path, [relative, '-z'])
    assert (out, status) == ('', 1)
    assert err.startswith('usage: %s [options] [script [args]].\n' % relative)


@pytest.mark.skipif(os.name != 'posix', reason="shutil.which's own search elsewhere")
@pytest.mark.parametrize('path', [None, '', 'a:b:c', 'b:a::c:a', 'a:b', 'nowhere:c:a'])
def test_the_path_search_finds_what_shutil_which_finds(tmp_path, monkeypatch, path):
    """cli.which searches PATH itself (shutil costs start-up time): the
    first executable file, past non-executable ones and directories."""
    for d in 'abc':
        (tmp_path / d).mkdir()
    (tmp_path / 'a' / 'cmd').write_text('')                 # not executable
    (tmp_path / 'b' / 'cmd').mkdir()                        # a directory
    (tmp_path / 'c' / 'cmd').write_text('')
    (tmp_path / 'c' / 'cmd').chmod(0o755)
    monkeypatch.chdir(tmp_path)
    if path is None:
        monkeypatch.delenv('PATH', raising=False)
    else:
        monkeypatch.setenv('PATH', path)
    for name in ('cmd', 'ls', 'absent'):
        assert which(name) == shutil.which(name)
