"""Starting the command line as a user does: the installed `moonpatch`
script, by its bare name on PATH (so lua.c's program name is 'moonpatch'),
or `python -m moonpatch`."""
import os
import subprocess
import sys

BIN = os.path.dirname(sys.executable)       # the venv's bin, where pip put the script
SCRIPT = os.path.join(BIN, 'moonpatch')


def environment(path=BIN, **extra):
    """The environment of a child: PATH finds `moonpatch` (path=None: it
    does not), and nothing of the caller's that changes Lua's behaviour."""
    e = dict(os.environ)
    for name in ('LUA_INIT', 'PYTHONUNBUFFERED'):
        e.pop(name, None)
    e['PATH'] = os.pathsep.join(p for p in (path, '/usr/bin', '/bin') if p)
    e.update(extra)
    return e


def run(cwd, command, stdin='', env=None, timeout=60):
    """(stdout, stderr, exit status) of a command (a list of words); bytes
    are read as the code points of Lua's strings (latin-1)."""
    p = subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, encoding='latin-1',
                       env=env or environment(), timeout=timeout)
    return p.stdout, p.stderr, p.returncode
