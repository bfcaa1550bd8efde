"""Run a bench program through the Python API, in a sandbox with every limit
set (too high to be reached) or, with --off, in a plain runtime: the cost of
the sandbox is the ratio of the two (docs/sandbox.md).

    python3 bench/run.py --engine 'plain=python3 bench/sandboxed.py --off' \\
        --engine 'sandboxed=python3 bench/sandboxed.py' --engines plain,sandboxed
"""
import sys

from moonpatch import LuaRuntime
from moonpatch.runtime.stack import run_deep

HIGH = dict(max_instructions=1 << 60, timeout=24 * 3600.0, max_depth=10000,
            max_memory=1 << 40)


def main(argv):
    off = argv[:1] == ['--off']
    if off:
        argv = argv[1:]
    path, args = argv[0], argv[1:]
    lua = LuaRuntime() if off else LuaRuntime(sandbox=True, **HIGH)
    lua.globals().arg = lua.table_from(args)
    with open(path, 'rb') as f:
        source = f.read()
    run_deep(lambda: lua.execute(source, name='@' + path))


if __name__ == '__main__':
    main(sys.argv[1:])
