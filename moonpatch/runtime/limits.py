"""The limits on what a script may spend: instructions, time and call depth.

Every tier ticks at function entries and loop back-edges (DESIGN.md §1):
an entry takes one from TICKS[0], a loop hands a frame's iterations over
every LOOP_TICKS at most, and library functions whose work grows with their
input take their work (spend). When TICKS[0] goes below zero, tick() charges
what was spent to the running budget, checks the clock and the depth, and
sets the number of ticks until the next check: at most INTERVAL, at most
what is left of the instruction budget, and no more than the calls that
can be made before max_depth is reached (the depth grows by one per entry
at most, so no call goes past it unseen).

A budget is armed for each entry from the host (LuaRuntime's API) into a
runtime that has limits; an entry made inside another keeps the outer
budget, its own limits only tightening it. While no budget is armed
anywhere TICKS[0] stays huge and the interpreter skips the entry tick
(interp.LIMITED).

The instruction count is the number of function entries, loop iterations
and units of library work (one per element or per SPEND_BYTES bytes) since
the budget was armed; a frame hands its iterations over every LOOP_TICKS, so
a call that returns may leave fewer than LOOP_TICKS of them uncounted.
"""
import sys
import time

from ..errors import LuaDepthError, LuaInstructionLimitError, LuaTimeoutError
from .callstack import call_depth
from .state import current_state

NEVER = 1 << 62           # TICKS[0] while no budget is armed
INTERVAL = 1000           # ticks between two looks at the clock, at most
LOOP_TICKS = 64           # iterations a frame's loops make between two ticks, at most
SPEND_BYTES = 64          # bytes of library work that count as one instruction
TICKS = [NEVER]           # counts down; tick() runs when it is below zero
_armed = [0]              # budgets armed in this process (any thread)


class Limits:
    """A runtime's limits (None: unlimited) and the budget of its running
    entry: instructions left, the deadline, the greatest depth."""
    __slots__ = ('max_instructions', 'timeout', 'max_depth', 'entries', 'left', 'deadline',
                 'depth', 'slack', 'interval')

    def __init__(self, max_instructions=None, timeout=None, max_depth=None):
        self.max_instructions = max_instructions
        self.timeout = timeout
        self.max_depth = max_depth
        self.entries = 0            # API entries under way (nested ones keep the budget)
        self.left = self.deadline = self.depth = None
        self.slack = 0              # levels below depth no tick since the last walk can reach
        self.interval = 0           # TICKS[0] as the last check set it


def arm(limits, max_instructions=None, timeout=None, max_depth=None):
    """An entry into the runtime begins: the outermost one starts a fresh
    budget from the runtime's limits; the arguments (per-call limits) can
    only lower it. Pair with disarm()."""
    if limits.entries:
        _charge(limits)             # the outer entry's ticks so far
    else:
        limits.left = limits.max_instructions
        limits.deadline = None if limits.timeout is None else time.monotonic() + limits.timeout
        limits.depth = limits.max_depth
        _armed[0] += 1
        if _armed[0] == 1:
            _set_interp_limited(True)
    limits.entries += 1
    if max_instructions is not None:
        limits.left = max_instructions if limits.left is None else min(limits.left,
                                                                       max_instructions)
    if timeout is not None:
        deadline = time.monotonic() + timeout
        limits.deadline = deadline if limits.deadline is None else min(limits.deadline, deadline)
    if max_depth is not None:
        limits.depth = max_depth if limits.depth is None else min(limits.depth, max_depth)
    limits.slack = 0                    # and walk the stack for the depth then
    limits.interval = TICKS[0] = 0      # check at the first tick: it may be spent
    return limits


def disarm(limits):
    limits.entries -= 1
    if limits.entries == 0:
        limits.left = limits.deadline = limits.depth = None
        _armed[0] -= 1
        if _armed[0] == 0:
            TICKS[0] = NEVER
            _set_interp_limited(False)


def _set_interp_limited(on):
    from . import interp        # (interp.py imports this module)
    interp.set_limited(on)


def _no_hidden_depth():
    return 0


# The Lua frames of this thread the Python stack does not hold (native code's frames
# waiting to be finished by the interpreter: jit/native/backend.py sets it).
hidden_depth = _no_hidden_depth


def tick():
    """TICKS[0] fell below zero: charge the running budget, check its limits
    (raising the limit's error) and set the ticks until the next check."""
    try:
        limits = current_state().limits
    except (RuntimeError, AttributeError):
        limits = None
    if limits is None or limits.entries == 0:   # an unlimited runtime runs
        TICKS[0] = INTERVAL if _armed[0] else NEVER
        return
    spent = _charge(limits)
    next_check = INTERVAL
    left = limits.left
    if left is not None:
        if left < 0:
            raise LuaInstructionLimitError('instruction limit reached')
        next_check = min(next_check, left)
    deadline = limits.deadline
    if deadline is not None and time.monotonic() > deadline:
        raise LuaTimeoutError('timeout: the script ran for too long')
    if limits.depth is not None:
        # each tick since the last walk may have been an entry one level
        # deeper; the stack is walked again (costly on PyPy, where it
        # materialises the JIT's frames) only when they could reach the limit
        limits.slack -= spent
        if limits.slack <= 0:
            limits.slack = limits.depth - call_depth(sys._getframe(1)) - hidden_depth()
            if limits.slack < 0:
                raise LuaDepthError('call depth limit reached')
        next_check = min(next_check, limits.slack)
    limits.interval = TICKS[0] = next_check


def armed():
    """Whether a budget is armed anywhere (work worth metering may be charged)."""
    return _armed[0] > 0


def _charge(limits):
    """Charge the ticks since the last check to the instructions left;
    returns them."""
    spent = limits.interval - TICKS[0]
    limits.interval = TICKS[0] = 0
    if limits.left is not None:
        limits.left -= spent
    return spent


def spend(n):
    """Library work of n instructions: charge it, checking the limits when
    the ticks run out."""
    TICKS[0] -= n
    if TICKS[0] < 0:
        tick()


def spend_bytes(n):
    """Library work over n bytes."""
    TICKS[0] -= n // SPEND_BYTES
    if TICKS[0] < 0:
        tick()
