import pytest

from moonpatch.engine import new_state
from moonpatch.runtime.state import enter_state, leave_state


@pytest.fixture(autouse=True)
def lua_state():
    """The slow paths look up type metatables in the running state."""
    state = new_state()
    prev = enter_state(state)
    yield state
    leave_state(prev)
