"""The JIT (tier 1): hot Lua functions compiled to specialised Python.

Importing it installs the tier-up hook in the interpreter (tierup.py) and
the optimizer and backend passes in the pipeline (pipeline.py); the `jit`
library (lib/jit.py) is its Lua face. See docs/ARCHITECTURE.md for the path a
function takes.

The passes import the backend (hints.py, pyjit.py and what they need) when
they first run: a program in which no function gets hot never loads it,
which is most of the JIT's share of the start-up time.
"""
from ..runtime.state import current_state
from . import observers, pipeline, tierup  # noqa: F401 (observers adds its pass)


def _optimizer(c):
    """+50: the float hints (jit.opt.start('0'), -O0: none)."""
    from .structure import Refused, units
    found = units(c.proto)
    if c.entry is not None and c.entry not in found:
        # every jump back ticks, and may ask for compiled code there: a
        # chunk's bytecode may jump back into the middle of a test
        raise Refused('no on-stack replacement inside an instruction pair (pc %d)' % c.entry)
    opt = getattr(current_state(), 'jit_opt', None)
    if opt is None or opt.flags:
        from . import hints, pyjit
        c.hints = hints.analyse(c.proto, found, pyjit.captured_registers(c.proto),
                                c.entry, c.seed)


def _backend(c):
    from . import pyjit
    compiled = pyjit.compile_proto(c.proto, c.entry, c.closure, c.hints, c.live)
    c.function, c.direct = compiled.function, compiled.direct
    c.source, c.linemap = compiled.source, compiled.linemap


def _native(c):
    """-10: a whole function also as native code (jit/native/), for the types of the
    arguments of the call that made it hot, or a hot loop's code for the types of its
    frame's registers, in front of the backend's code (jit.opt.start('native=0'),
    -Onative=0: never; native=2: leaves too)."""
    if c.closure is None or c.live is None:
        return
    state = current_state()
    opt = getattr(state, 'jit_opt', None)
    mode = opt.params.get('native', 1) if opt is not None else 1
    if not mode:
        return
    from . import native
    c.native_refused = native.unavailable_reason()
    if c.native_refused is not None:
        return
    from .native import backend, gates
    if c.entry is not None:
        try:
            compiled = backend.compile_loop(c.proto, c.entry, c.live, c.closure)
        except backend.NotNative as e:
            c.native_refused = str(e)
            return
        proto, entry, closure = c.proto, c.entry, c.closure
        c.native = compiled
        c.function = gates.make_loop_gates(
            compiled, c.function,
            lambda R: backend.compile_loop(proto, entry, R, closure),
            lambda gate: proto.jit.osr.__setitem__(entry, gate))
        return
    np = c.proto.numparams
    args = list(c.live[:np]) + [None] * (np - len(c.live))
    try:
        compiled = backend.compile(c.proto, args, c.closure)
    except backend.NotNative as e:
        c.native_refused = str(e)
        return
    if mode < 2 and not gates.worth_entering(compiled):      # (2: every function it can)
        c.native_refused = 'a function that neither loops nor calls: cheaper in tier 1'
        return
    made = gates.make_gates(compiled, c.function, c.direct)
    c.native = compiled
    c.function, c.direct = made.function, made.direct


pipeline.add_pass(50, 'optimizer', _optimizer)
pipeline.add_pass(0, 'backend', _backend)
pipeline.add_pass(-10, 'native', _native)
tierup.install()
