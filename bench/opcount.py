"""Dynamic opcode counts over the benchmark programs: the WEIGHTS of
moonpatch/runtime/interpgen.py come from this.

    python3 bench/opcount.py [program ...]

Runs each program with a counting interpreter (generated on the fly, never
written to disk) and prints each opcode's share of all executed ones.
"""
import io
import os
import sys
from types import ModuleType

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from moonpatch.bytecode.opcodes import OPCODES  # noqa: E402
from moonpatch.runtime import closure, interp, interpgen  # noqa: E402


def counting_interpreter():
    module = ModuleType('moonpatch.runtime.interp_counting')
    module.__package__ = 'moonpatch.runtime'
    module.COUNTS = [0] * len(OPCODES)
    exec(compile(interpgen.generate(counting=True), '<counting interp>', 'exec'),
         module.__dict__)
    return module


def main(names):
    """Print each opcode's execution share, averaged over the programs (each
    program counts equally, as in the benchmark's geometric mean)."""
    from moonpatch.engine import Engine
    module = counting_interpreter()
    closure.set_interpreter(module.execute)
    programs = names or sorted(f[:-4] for f in os.listdir(os.path.join(HERE, 'programs'))
                               if f.endswith('.lua'))
    shares = [0.0] * len(OPCODES)
    for name in programs:
        module.COUNTS[:] = [0] * len(OPCODES)
        lua = Engine()
        lua.state.stdout = io.BytesIO()
        ok, msg = lua.do_file(os.path.join(HERE, 'programs', name + '.lua'), [])
        if not ok:
            print(name, 'failed:', msg)
        total = sum(module.COUNTS) or 1
        for i, n in enumerate(module.COUNTS):
            shares[i] += n / total / len(programs)
    closure.set_interpreter(interp.execute)
    by_dispatch = {module.DISPATCH[op.code]: op for op in OPCODES}
    rows = sorted(((x, by_dispatch[i].name) for i, x in enumerate(shares) if x), reverse=True)
    for x, name in rows:
        print('%-8s %6.2f%%' % (name, 100.0 * x))


if __name__ == '__main__':
    main(sys.argv[1:])
