"""The Lua programs of tests/lua, each compared with the reference's output,
in every execution tier."""
import pytest
from luatest import expected_output, programs, run_program

from moonpatch.runtime.limits import Limits, arm, disarm



def _interpreter_only(lua):
    lua.jit_command('off')


def _compile_everything(lua):
    """Every function compiled at its first call, native where it can be (native=2: leaf
    functions too, which the default leaves to tier 1)."""
    lua.jit_command('opt.start=hotcall=1,hotloop=1,native=2')


def _limited(lua):
    """Everything compiled at once, with limits too high to be reached:
    compiled code that ticks, the interpreter's entry ticks, the checks."""
    _compile_everything(lua)
    limits = lua.state.limits = Limits(max_instructions=1 << 60, timeout=3600.0,
                                       max_depth=1 << 30)
    arm(limits)
    return lambda: disarm(limits)


TIERS = {
    'interp': _interpreter_only,     # tier 0 alone (jit.off(): no code generated)
    'jit': None,                     # the default: hot functions compiled
    'forced': _compile_everything,   # every function compiled at its first call
    'limited': _limited,             # forced, ticking under limits (the sandbox's)
}


@pytest.mark.parametrize('tier', sorted(TIERS))
@pytest.mark.parametrize('folder,name', programs(), ids=lambda x: x if isinstance(x, str) else None)
def test_program(folder, name, tier):
    got = run_program(folder, name, TIERS[tier])
    assert got == expected_output(folder, name)
