"""Making Lua closures and choosing their call gate.

A closure's gate is the entry every caller goes through. It starts as the
interpreter bound to the closure; the JIT layer may install its own gate
policy (set_gate_policy) so that closures of compiled prototypes enter
compiled code, without any caller changing.
"""
from types import MethodType

from .gc import BUDGET, CLOSURE_BYTES, UPVAL_BYTES, allocation_point
from .ops import capture_upvals
from .values import LuaFunction, UpVal

_interpreter = None     # runtime/interp.py registers execute() here


def set_interpreter(execute):
    global _interpreter
    _interpreter = execute


def interpreter_gate(f):
    return MethodType(_interpreter, f)


_gate_policy = interpreter_gate


def set_gate_policy(policy):
    """policy(closure) -> gate; None restores the interpreter."""
    global _gate_policy
    _gate_policy = policy or interpreter_gate


def new_closure(proto, R, U, openuv, env):
    """FNEW: a closure of proto capturing from the running frame."""
    f = LuaFunction(None, proto, capture_upvals(proto, R, U, openuv), env)
    f.gate = _gate_policy(f)
    BUDGET[0] -= CLOSURE_BYTES + UPVAL_BYTES * len(proto.uvdesc)
    if BUDGET[0] < 0:
        allocation_point()
    return f


def load_closure(proto, env):
    """A closure of a freshly loaded main chunk; any upvalues start as nil."""
    f = LuaFunction(None, proto, [UpVal([None], 0) for _ in proto.uvdesc], env)
    f.gate = _gate_policy(f)
    return f
