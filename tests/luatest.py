"""Running a Lua test program in-process and capturing what it prints."""
import io
import os

from moonpatch.engine import Engine
from moonpatch.runtime.stack import run_deep

ROOT = os.path.join(os.path.dirname(__file__), 'lua')


def programs():
    """All (folder, name) of tests/lua/<folder>/<name>.lua with an .expected file."""
    out = []
    for folder in sorted(os.listdir(ROOT)):
        d = os.path.join(ROOT, folder)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith('.lua') and os.path.exists(os.path.join(d, f[:-4] + '.expected')):
                out.append((folder, f[:-4]))
    return out


def expected_output(folder, name):
    with open(os.path.join(ROOT, folder, name + '.expected'), 'rb') as f:
        return f.read().decode('latin-1')


def run_program(folder, name, setup=None):
    """Run tests/lua/folder/name.lua as `lua5.1 name.lua 2>&1` would from
    its folder; returns everything it printed (errors as lua.c reports them).
    setup(engine) may return a function to call when the program is done.
    It runs as the command line runs it: on a big-stack thread where the host
    needs one for Lua's full call depth (runtime/stack.py)."""
    return run_deep(lambda: _run_program(folder, name, setup))


def _run_program(folder, name, setup):
    d = os.path.join(ROOT, folder)
    old = os.getcwd()
    os.chdir(d)
    out = io.BytesIO()
    try:
        lua = Engine()
        lua.state.stdout = out
        lua.state.stderr = out
        teardown = setup(lua) if setup is not None else None
        lua.set_arg_table(['moonpatch', name + '.lua'], 1)
        ok, msg = lua.do_file(name + '.lua', [])
        if not ok:
            out.write(('moonpatch: %s\n' % msg).encode('latin-1'))
        lua.close()
    finally:
        if teardown is not None:
            teardown()
        os.chdir(old)
    return out.getvalue().decode('latin-1')
