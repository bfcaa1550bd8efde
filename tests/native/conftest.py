"""Fixtures of the native backend's tests."""

import pytest

from moonpatch.jit.native import backend

from native.lua_native import Lua


@pytest.fixture(scope="module")
def lua():
    """A runtime (the Python JIT off) whose state the module's tests use."""
    state = Lua()
    yield state
    state.close()


@pytest.fixture
def resumes(monkeypatch):
    """Counts the exits the Python side resumes."""
    count = [0]
    resume = backend.NativeFunction.resume

    def counted(self, status, stack):
        count[0] += 1
        return resume(self, status, stack)
    monkeypatch.setattr(backend.NativeFunction, "resume", counted)
    return count
