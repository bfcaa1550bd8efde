"""The Lua programs of tests/lua, each compared with the reference's output,
in every execution tier."""
import pytest

from luatest import expected_output, programs, run_program

TIERS = {
    'interp': None,          # tier 0 only (the JIT issue adds its tiers here)
}


@pytest.mark.parametrize('tier', sorted(TIERS))
@pytest.mark.parametrize('folder,name', programs(), ids=lambda x: x if isinstance(x, str) else None)
def test_program(folder, name, tier):
    got = run_program(folder, name, TIERS[tier])
    assert got == expected_output(folder, name)
