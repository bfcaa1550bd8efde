"""Runtime errors: raised cheaply, given Lua's words and position when caught.

The code that detects an error does not know where in the Lua program it is;
the interpreter records nothing per instruction. So errors are raised
*pending* (a message without position, an argument number without function
name, an operand without variable name) and finalised by whoever catches
them (pcall, coroutine.resume, the host API), which reads the unwound stack
(callstack.py) to add what Lua would: `file:line:`, `global 'x'`, `'insert'`.

Two rules from Lua 5.1 decide the position:
- errors of the virtual machine (luaG_runerror: arithmetic, indexing, ...)
  take the position of the innermost activation if it is a Lua function;
- errors of a library function (luaL_error, luaL_argerror) take the position
  of the activation that called it, if that is a Lua function.
"""
import sys
from itertools import islice

from ..bytecode import opcodes as bc
from ..bytecode.decode import operands
from ..bytecode.proto import jump_target
from ..common.chunkid import chunkid
from ..errors import LuaError, LuaLimitError, LuaMemoryError
from .callstack import error_levels, live_levels
from .state import current_state
from .values import typename

# ---- pending errors ------------------------------------------------------------


class PendingError(LuaError):
    """A LuaError whose value is made by finalize()."""
    pending = True

    def __init__(self):
        LuaError.__init__(self, None)

    def __str__(self):
        return self.message(None, None) if self.pending else LuaError.__str__(self)


class RuntimeErr(PendingError):
    """A virtual-machine error: positioned at the innermost Lua activation."""

    def __init__(self, msg):
        PendingError.__init__(self)
        self.msg = msg

    def message(self, level, _caller):
        return self.msg


class OperandErr(RuntimeErr):
    """`attempt to <what> <name> (a <type> value)`.

    `which` says which operand of the instruction was bad (0/1 for the
    source operands of a binary operation in Lua order, or the offset in a
    concatenation); `direct` is False when the bad value came from a
    metatable chain rather than from the operand itself (no name then)."""

    def __init__(self, what, value, which=0, direct=True):
        RuntimeErr.__init__(self, None)
        self.what = what
        self.tname = typename(value)
        self.which = which
        self.direct = direct

    def message(self, level, _caller):
        name = None
        if self.direct and level is not None and level.is_lua:
            name = operand_name(level.closure.proto, level.pc - 1, self.what, self.which)
        if name:
            return 'attempt to %s %s (a %s value)' % (self.what, name, self.tname)
        return 'attempt to %s a %s value' % (self.what, self.tname)


class CompareErr(RuntimeErr):
    def __init__(self, a, b):
        t1, t2 = typename(a), typename(b)
        if t1 == t2:
            msg = 'attempt to compare two %s values' % t1
        else:
            msg = 'attempt to compare %s with %s' % (t1, t2)
        RuntimeErr.__init__(self, msg)


class LibErr(PendingError):
    """luaL_error: positioned at the caller of the library function."""
    caller_level = True

    def __init__(self, msg):
        PendingError.__init__(self)
        self.msg = msg

    def message(self, _level, _caller):
        return self.msg


class ArgErr(LibErr):
    """luaL_argerror: `bad argument #n to 'name' (msg)`; the name is that
    the caller used for the function (or '?')."""

    def __init__(self, narg, msg):
        LibErr.__init__(self, msg)
        self.narg = narg

    def message(self, _level, caller):
        narg = self.narg
        kind, name = (None, None)
        if caller is not None and caller.is_lua:
            kind, name = call_name(caller.closure.proto, caller.pc - 1)
        if kind == 'method':
            narg -= 1
            if narg == 0:
                return "calling '%s' on bad self (%s)" % (name, self.msg)
        return "bad argument #%d to '%s' (%s)" % (narg, name or '?', self.msg)


def type_error(narg, expected, value, absent=False):
    """luaL_typerror: `bad argument #n to 'f' (table expected, got nil)`."""
    got = 'no value' if absent else typename(value)
    return ArgErr(narg, '%s expected, got %s' % (expected, got))


# ---- finalisation ----------------------------------------------------------------

def where(level):
    """luaL_where: 'chunk:line: ' for a Lua activation, '' otherwise."""
    if level is not None and level.is_lua:
        line = level.currentline
        if line > 0:
            return '%s:%d: ' % (chunkid(level.closure.proto.chunkname), line)
    return ''


def uncatchable(exc):
    """Whether a protected call (pcall, xpcall, coroutine.resume) must let
    exc through: the limits stop the program whatever Lua code does."""
    return isinstance(exc, LuaLimitError) and not exc.catchable


def finalize(exc):
    """The LuaError for any exception caught at a protected boundary; pending
    errors get their message and position here. A Python exception that is
    not Lua's (a bug of the engine) becomes a Lua error that says so; a
    BaseException that is not an Exception (KeyboardInterrupt, SystemExit)
    belongs to the host and is raised again."""
    if isinstance(exc, LuaError):
        if not exc.pending:
            return exc
        levels = list(islice(error_levels(exc), 2))
        if getattr(exc, 'caller_level', False):
            level = levels[1] if len(levels) > 1 else None
        else:
            level = levels[0] if levels else None
        msg = exc.message(level, level)
        exc.value = where(level) + msg
        exc.pending = False
        exc.args = (exc.value,)
        return exc
    if isinstance(exc, RecursionError):
        level = next(error_levels(exc), None)
        err = LuaError(where(level) + 'stack overflow')
    elif isinstance(exc, MemoryError):     # Lua's own out of memory: catchable
        err = LuaMemoryError('not enough memory')
        err.catchable = True
    elif isinstance(exc, Exception):
        err = LuaError(internal_error_message(exc))
    else:
        raise exc
    err.__traceback__ = exc.__traceback__
    return err


def internal_error_message(exc):
    """`input:3: internal error in 'rep' (OverflowError: ...)`: positioned
    as a runtime error of the function that raised it, a library function
    (named as its caller calls it) or the Lua function being executed."""
    levels = list(islice(error_levels(exc), 2))
    level = levels[0] if levels else None
    what = 'internal error'
    if level is not None and not level.is_lua:
        caller = levels[1] if len(levels) > 1 else None
        kind, name = (None, None)
        if caller is not None and caller.is_lua:
            kind, name = call_name(caller.closure.proto, caller.pc - 1)
        what = "internal error in '%s'" % (name or '?')
        level = caller
    detail = '%s: %s' % (type(exc).__name__, exc)
    names = current_state().address_names
    if names is not None:
        detail = names.hide(detail)        # a sandbox: no host address in Lua's hands
    return where(level) + '%s (%s)' % (what, detail.encode('utf-8', 'replace').decode('latin-1'))


def error_value_at(msg, level):
    """error(msg, level): msg with the position of that level prefixed."""
    if type(msg) is str and level > 0:
        # level 0 is the host function that called us (`error` itself)
        return where(next(live_levels(sys._getframe(1), level), None)) + msg
    return msg


# ---- names of variables and functions, read off the bytecode ----------------------

_ARITH_OPERANDS = {}
for _name in ('ADD', 'SUB', 'MUL', 'DIV', 'MOD'):
    _ARITH_OPERANDS[bc.BY_NAME[_name + 'VN'].code] = ('B', None)
    _ARITH_OPERANDS[bc.BY_NAME[_name + 'NV'].code] = (None, 'B')
    _ARITH_OPERANDS[bc.BY_NAME[_name + 'VV'].code] = ('B', 'C')
_ARITH_OPERANDS[bc.POW] = ('B', 'C')
_UNARY = (bc.UNM, bc.LEN)
_INDEXING = (bc.TGETV, bc.TGETS, bc.TGETB, bc.TSETV, bc.TSETS, bc.TSETB)
_CALLS = (bc.CALL, bc.CALLM, bc.CALLT, bc.CALLMT)
_OPERATION_OF = dict([(op, 'perform arithmetic on') for op in _ARITH_OPERANDS] +
                     [(bc.UNM, 'perform arithmetic on'), (bc.LEN, 'get length of'),
                      (bc.CAT, 'concatenate')] + [(op, 'index') for op in _INDEXING] +
                     [(op, 'call') for op in _CALLS])


def operand_name(proto, pc, what, which):
    """"local 'x'" / "global 'x'" / ... for the bad operand of instruction pc."""
    if not 0 <= pc < len(proto.code):
        return None
    op, a, b, c = operands(proto, pc)
    if _OPERATION_OF.get(op) != what:      # e.g. a metamethod that is not callable
        return None
    slot = None
    if op in _ARITH_OPERANDS:
        field = _ARITH_OPERANDS[op][which if which in (0, 1) else 0]
        slot = {'B': b, 'C': c}.get(field)
    elif op in _UNARY:
        slot = b
    elif op == bc.CAT:
        slot = b + which
    elif op in _INDEXING:
        slot = b
    elif op in _CALLS:
        slot = a
    if slot is None:
        return None
    kind, name = slot_name(proto, pc, slot)
    return "%s '%s'" % (kind, name) if kind else None


_WRITES_FROM_A = (bc.CALL, bc.CALLM, bc.VARG, bc.ITERC, bc.ITERN)


def _last_writer(proto, lastpc, reg):
    """The instruction before lastpc that last set register reg, found as
    Lua 5.1's symbexec finds it: a forward walk that takes every forward
    jump landing before lastpc, so a value that came through an and/or
    branch is last set by a test-and-copy (and so has no name)."""
    code = proto.code
    last = None
    pc = 0
    while pc < lastpc:
        ins = code[pc]
        op = ins & 0xff
        info = bc.OPCODES[op]
        a = (ins >> 8) & 0xff
        if info.ma == 'dst':
            if a == reg:
                last = pc
        elif op == bc.IST or op == bc.ISF:
            if ins >> 16 == reg:        # 5.1's TEST counts as setting its register
                last = pc
        elif info.ma == 'base':
            if op in _WRITES_FROM_A:
                if reg >= a:
                    last = pc
            elif op == bc.KNIL:
                if a <= reg <= ins >> 16:
                    last = pc
            elif op == bc.FORI or op == bc.FORL:
                if a <= reg <= a + 3:
                    last = pc
            elif op == bc.ITERL and reg == a - 1:
                last = pc
        if info.mc == 'jump' and op != bc.LOOP:
            target = jump_target(pc, ins)
            if pc < target <= lastpc:
                pc = target
                continue
        pc += 1
    return last


def slot_name(proto, pc, slot):
    """(kind, name) of the value in register `slot` before instruction pc,
    as Lua 5.1's getobjname gives it ('field '?'' for non-constant keys)."""
    name = proto.local_name(slot, pc)
    if name is not None:
        return 'local', name
    w = _last_writer(proto, pc, slot)
    if w is None:
        return None, None
    op, a, b, c = operands(proto, w)
    if op == bc.MOV:
        return slot_name(proto, pc, b) if b < a else (None, None)
    if op == bc.GGET:
        return 'global', b
    if op == bc.UGET:
        return 'upvalue', proto.uvnames[b] if b < len(proto.uvnames) else '?'
    if op in (bc.TGETS, bc.TGETV, bc.TGETB):
        key = c if op == bc.TGETS else '?'
        if w > 0 and op == bc.TGETS:
            pop, pa, pb, _ = operands(proto, w - 1)
            if pop == bc.MOV and pa == a + 1 and pb == b:
                return 'method', key
        return 'field', key
    return None, None


def call_name(proto, pc):
    """(kind, name) of the function called by instruction pc, or (None, None);
    a generic for's iterator is the local '(for generator)', as in 5.1."""
    if not 0 <= pc < len(proto.code):
        return None, None
    op = proto.code[pc] & 0xff
    if op in _CALLS:
        return slot_name(proto, pc, (proto.code[pc] >> 8) & 0xff)
    if op == bc.ITERC or op == bc.ITERN:
        return slot_name(proto, pc, ((proto.code[pc] >> 8) & 0xff) - 3)
    return None, None


# ---- tracebacks -------------------------------------------------------------------

def function_description(level, caller):
    """What a traceback line says of a level: " in function 'f'" etc."""
    kind, name = (None, None)
    if caller is not None and caller.is_lua and not level.tailcall:
        kind, name = call_name(caller.closure.proto, caller.pc - 1)
    if kind:
        return " in function '%s'" % name
    if level.is_lua:
        proto = level.closure.proto
        if proto.firstline == 0:
            return ' in main chunk'
        return ' in function <%s:%d>' % (chunkid(proto.chunkname), proto.firstline)
    return ' ?'


def format_traceback(levels, msg=None, bottom_c=False, level0=2):
    """Lua 5.1's traceback text (db_errorfb). levels[0] is stack level
    level0 (2 in lua.c's message handler, whose levels 0 and 1 are
    debug.traceback and the handler); levels up to 11 are shown, then, if
    more than 11 follow, '...' and the last 10."""
    out = [] if msg is None else [msg, '\n']
    out.append('stack traceback:')
    entries = list(levels)
    if bottom_c:
        entries.append(None)          # the host program that started Lua: [C]: ?
    n = len(entries)
    first = max(12 - level0, 0)       # entries before the first level past 11
    if n >= first + 12:
        shown = list(range(first)) + [None] + list(range(n - 10, n))
    else:
        shown = list(range(n))
    for i in shown:
        if i is None:
            out.append('\n\t...')
            continue
        level = entries[i]
        if level is None:
            out.append('\n\t[C]: ?')
            continue
        caller = entries[i + 1] if i + 1 < n else None
        if level.is_lua:
            src = chunkid(level.closure.proto.chunkname)
            line = level.currentline
            out.append('\n\t%s:' % src + ('%d:' % line if line > 0 else ''))
        elif level.tailcall:
            out.append('\n\t(tail call):')
        else:
            out.append('\n\t[C]:')
        out.append(function_description(level, caller))
    return ''.join(out)


__all__ = ['LuaError', 'LuaMemoryError', 'LuaLimitError', 'PendingError', 'RuntimeErr',
           'OperandErr', 'CompareErr', 'LibErr', 'ArgErr', 'type_error', 'finalize', 'where',
           'error_value_at', 'format_traceback', 'slot_name', 'call_name', 'uncatchable']
