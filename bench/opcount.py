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
    from moonpatch.engine import Engine
    module = counting_interpreter()
    closure.set_interpreter(module.execute)
    programs = names or sorted(f[:-4] for f in os.listdir(os.path.join(HERE, 'programs'))
                               if f.endswith('.lua'))
    for name in programs:
        lua = Engine()
        lua.state.stdout = io.BytesIO()
        ok, msg = lua.do_file(os.path.join(HERE, 'programs', name + '.lua'), [])
        if not ok:
            print(name, 'failed:', msg)
    closure.set_interpreter(interp.execute)
    by_dispatch = {i: op for op in OPCODES for i in [module.DISPATCH[op.code]]}
    total = sum(module.COUNTS)
    rows = sorted(((n, by_dispatch[i].name) for i, n in enumerate(module.COUNTS) if n),
                  reverse=True)
    for n, name in rows:
        print('%-8s %6.2f%%  %d' % (name, 100.0 * n / total, n))


if __name__ == '__main__':
    main(sys.argv[1:])
