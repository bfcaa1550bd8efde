"""Hand-made prototypes: what an attacker can put in a binary chunk.

dump() writes any Proto without checking it, so a test builds the
prototype it wants here and loads dump(proto) as a chunk would arrive.
"""
from moonpatch.bytecode.opcodes import BY_NAME
from moonpatch.bytecode.proto import BIAS_J, Proto, ins_abc, ins_ad


def op(name, a=0, b=0, c=0):
    """An ABC instruction, or an AD one (b is D) for AD opcodes."""
    o = BY_NAME[name]
    return ins_ad(o.code, a, b) if o.is_ad else ins_abc(o.code, a, b, c)


def jump(name, a, pc, target):
    """Jump-mode instruction name at pc going to target."""
    return ins_ad(BY_NAME[name].code, a, target - pc - 1 + BIAS_J)


def proto(code, framesize=4, kn=(), kgc=(), vararg=False, uvdesc=(), numparams=0):
    p = Proto('=hand', 0)
    p.code.extend(code)
    p.lines.extend([1] * len(code))
    p.framesize = framesize
    p.numparams = numparams
    p.is_vararg = vararg
    p.kn = list(kn)
    p.kgc = list(kgc)
    p.uvdesc = list(uvdesc)
    p.uvnames = ['u%d' % i for i in range(len(p.uvdesc))]
    return p


RET0 = op('RET0', 0, 1)


def run(p):
    """The results of running main prototype p in a fresh Engine."""
    from moonpatch.engine import Engine
    from moonpatch.runtime.closure import load_closure
    lua = Engine()
    ok, results = lua.call(load_closure(p, lua.globals), [])
    assert ok, results
    return list(results)
