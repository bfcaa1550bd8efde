"""The generated interpreter is current, and built as interpgen.py says."""
from moonpatch.bytecode.opcodes import OPCODES
from moonpatch.runtime import interp, interpgen


def test_interp_py_is_what_the_generator_writes():
    assert interpgen.is_current(), 'run: python -m moonpatch.runtime.interpgen'


def test_every_opcode_has_a_dispatch_number():
    assert sorted(interp.DISPATCH) == list(range(len(OPCODES)))


def test_hot_opcodes_sit_near_the_top_of_the_dispatch_tree():
    """The most frequent opcodes take at most five `if op < N` tests."""
    out = []
    interpgen._tree(interpgen.dispatch_order(), 0, len(OPCODES), 0, out)
    depth = {}
    for line in out:
        stripped = line.lstrip()
        if stripped.startswith('# ') and ':' in stripped:
            depth[stripped[2:].split(':')[0]] = (len(line) - len(stripped)) // 4
    hottest = sorted(interpgen.WEIGHTS, key=interpgen.WEIGHTS.get, reverse=True)[:8]
    assert all(depth[name] <= 5 for name in hottest), {n: depth[n] for n in hottest}
