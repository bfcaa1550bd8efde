"""The verifier of loaded binary chunks: what every instruction's template
assumes is checked here once, so the interpreter's fast paths can trust it.

A chunk may come from anywhere (string.dump's output edited by hand, another
engine's bytes), so before anything runs each prototype is checked, the way
Lua 5.1's luaG_checkcode does. What the templates of opcodes.py assume:

- Operands in range: registers inside the frame (whole ranges for calls,
  returns, KNIL, CAT with B < C, the loop slots below ITERC/ITERN/ISNEXT/
  ITERL/TSETM), constants of the mode's kind (num, str, func, tab, pri <= 2),
  upvalue indexes below the upvalue count, jump targets inside the code.
  decode.py looks all of these up, for every instruction, reachable or not.
- Shapes: a comparison or test is followed by the JMP it takes; ITERN by its
  ITERL (same A); ISNEXT jumps to its ITERN (same A); ITERC/ITERN fill at
  least one variable (B >= 2); VARG only in a vararg function; the last
  instruction is a return or a jump; a child prototype's upvalues name
  registers of the frame or upvalues of the parent; a table template is not
  larger than its constructor can be; TSETM starts at an integer index in
  [1, 2^31) (not NaN).
- Control flow, from the entry over every edge the templates take
  (a comparison goes to its JMP's target or skips the JMP; ITERN continues
  at its ITERL, jumps to the loop body or skips the ITERL):
  * no reachable instruction continues past the end of the code;
  * `mr` (the results of the last multi-result call or vararg) is read by
    CALLM, CALLMT, RETM and TSETM only right after the CALL/CALLM/VARG with
    B = 0 that set it, on every path;
  * FORL adds and compares its index, limit and step without checking them:
    they must be floats on every path, i.e. written by FORI (or by FORL,
    KSHORT, KNUM), never written by anything else since, and not captured
    by an open upvalue (a closure could store a string in them). So a JMP
    into a loop or to its FORL, or a loop that writes its own control
    registers, is refused;
  * ISNEXT stores a PairsIter (a Python object, not a Lua value) in R(A-1):
    only ITERN and ISNEXT may read a register that may hold one, ISNEXT may
    not put one in a register captured by an open upvalue, and FNEW may not
    capture one, so it never reaches Lua code.
"""
import heapq

from ..common.cnumber import Complex, Int64
from .opcodes import BY_NAME, OPCODES
from .proto import MAX_SLOTS, Proto, TableTemplate, jump_target


class BadChunk(Exception):
    """A binary chunk refused: `why` is lua5.1's reason ('bad code', ...),
    `detail` says which rule failed (for tests and debugging)."""

    def __init__(self, why, detail=None):
        Exception.__init__(self, why, detail)
        self.why = why
        self.detail = detail


def _bad(detail):
    raise BadChunk('bad code', detail)


_KINDS = {'str': (str,), 'func': (Proto,), 'tab': (TableTemplate,), 'cdata': (Int64, Complex)}
_CODE = {op.name: op.code for op in OPCODES}
_ENDS_FLOW = {_CODE[n] for n in ('RET', 'RET0', 'RET1', 'RETM', 'CALLT', 'CALLMT', 'JMP',
                                 'UCLO')}
_USES_MR = {_CODE[n] for n in ('CALLM', 'CALLMT', 'RETM', 'TSETM')}
_NUMERIC = {_CODE['KSHORT'], _CODE['KNUM']}      # they load a float into R(A)
_TSETM_LIMIT = 2.0 ** 31
# The flow analysis visits generated code about once per instruction (at
# most 4 times in tests/lua, bench/ and 45 nested loops); a chunk made to
# need more than this many visits is refused, so verifying stays linear.
_VISITS = (8, 100000)       # per instruction, and for any function


def _mask(first, last):
    """The bit set of registers first..last."""
    return ((1 << (last - first + 1)) - 1) << first


def _registers(name, a, b, c, d):
    """(reads, writes): lists of (first, last) register ranges the template
    touches (ranges that may be empty are left out when empty)."""
    if name in ('ISLT', 'ISGE', 'ISLE', 'ISGT', 'ISEQV', 'ISNEV'):
        return [(a, a), (d, d)], []
    if name in ('ISEQS', 'ISNES', 'ISEQN', 'ISNEN', 'ISEQP', 'ISNEP', 'GSET'):
        return [(a, a)], []
    if name in ('IST', 'ISF', 'USETV'):
        return [(d, d)], []
    if name in ('ISTC', 'ISFC', 'MOV', 'NOT', 'UNM', 'LEN'):
        return [(d, d)], [(a, a)]
    op = BY_NAME[name]
    if name == 'CAT':
        return [(b, c)], [(a, a)]
    if name == 'KNIL':
        return [], [(a, d)]
    if name in ('TSETV', 'TSETS', 'TSETB'):
        return [(a, a), (b, b)] + ([(c, c)] if name == 'TSETV' else []), []
    if op.ma == 'dst':           # arithmetic, constants, UGET, FNEW, TNEW, TDUP, GGET, TGET*
        reads = [(b, b)] if op.mb == 'var' else []
        if op.mc == 'var' and not op.is_ad:
            reads.append((c, c))
        return reads, [(a, a)]
    if name in ('CALL', 'CALLM'):
        nread = c if name == 'CALLM' else max(c - 1, 0)
        return [(a, a + nread)], [(a, a + b - 2)] if b >= 2 else []
    if name in ('CALLT', 'CALLMT'):
        return [(a, a + (d if name == 'CALLMT' else max(d - 1, 0)))], []
    if name == 'ITERC':
        return [(a - 3, a - 1)], [(a, a + b - 2)]
    if name == 'ITERN':          # R(A-1) is read as the loop state (see _flow)
        return [(a - 3, a - 2)], [(a, a + 1)]
    if name == 'ISNEXT':
        return [(a - 3, a - 2)], [(a - 1, a - 1)]
    if name == 'ITERL':
        return [(a, a)], [(a - 1, a - 1)]
    if name == 'TSETM':
        return [(a - 1, a - 1)], []
    if name == 'VARG':
        return [], [(a, a + b - 2)] if b >= 2 else []
    if name == 'RETM':
        return [(a, a + d - 1)] if d else [], []
    if name == 'RET':
        return [(a, a + d - 2)] if d >= 2 else [], []
    if name == 'RET1':
        return [(a, a)], []
    if name in ('FORI', 'FORL'):
        return [(a, a + 2)], [(a, a + 3)]
    return [], []               # RET0, UCLO, LOOP, JMP, USETS/USETN/USETP


def verify(main):
    """Check main and every prototype inside it; raises BadChunk."""
    todo = [(main, None)]
    while todo:
        p, parent = todo.pop()
        if parent is not None:
            _check_upvalues(p, parent)
        _check_proto(p)
        todo.extend((k, p) for k in p.kgc if type(k) is Proto)


def _check_upvalues(child, parent):
    for instack, idx in child.uvdesc:
        if idx >= (parent.framesize if instack else len(parent.uvdesc)):
            _bad('upvalue outside its parent')


def _check_proto(p):
    code = p.code
    n = len(code)
    if not 0 < p.framesize <= MAX_SLOTS or p.numparams > p.framesize or n == 0:
        _bad('bad function header')
    for k in p.kgc:
        if type(k) is TableTemplate and max(k.narray, k.nhash) > len(k.items) + n:
            _bad('table template larger than its constructor')
    uses = [_check_instruction(p, pc) for pc in range(n)]
    if code[n - 1] & 0xff not in _ENDS_FLOW:
        _bad('code falls off the end')
    _flow(p, uses)


def _check_instruction(p, pc):
    """The operands and shape of instruction pc; returns its register use
    as bit sets (reads, writes) for the flow analysis."""
    code = p.code
    ins = code[pc]
    if ins & 0xff >= len(OPCODES):
        _bad('bad opcode')
    op = OPCODES[ins & 0xff]
    name = op.name
    a, b, c, d = (ins >> 8) & 0xff, ins >> 24, (ins >> 16) & 0xff, ins >> 16
    if 'uv' in (op.ma, op.mc) and (a if op.ma == 'uv' else d) >= len(p.uvdesc):
        _bad('bad upvalue index')
    k = d if op.is_ad else c
    if op.mc == 'num' and k >= len(p.kn):
        _bad('bad constant index')
    if op.mc in _KINDS and (k >= len(p.kgc) or type(p.kgc[k]) not in _KINDS[op.mc]):
        _bad('bad constant index')
    if op.mc == 'pri' and d > 2:
        _bad('bad constant')
    if op.mc == 'jump' and not 0 <= jump_target(pc, ins) < len(code):
        _bad('bad jump')
    if name == 'CAT' and b >= c:
        _bad('bad concatenation')
    if name in ('ITERC', 'ITERN') and b < 2:
        _bad('generic for without variables')
    if name == 'VARG' and not p.is_vararg:
        _bad('vararg in a fixed-argument function')
    if name == 'TSETM':
        start = p.kn[d]
        if not (1.0 <= start < _TSETM_LIMIT and start == int(start)):
            _bad('bad table index')
    if op.jumps_with_next:
        follow = 'ITERL' if name == 'ITERN' else 'JMP'
        nxt = code[pc + 1] if pc + 1 < len(code) else 0xff
        if nxt & 0xff != _CODE[follow] or (follow == 'ITERL' and (nxt >> 8) & 0xff != a):
            _bad('test without its jump')
    if name == 'ISNEXT':
        t = code[jump_target(pc, ins)]
        if t & 0xff != _CODE['ITERN'] or (t >> 8) & 0xff != a:
            _bad('ISNEXT without its ITERN')
    reads, writes = _registers(name, a, b, c, d)
    rmask = wmask = 0
    for first, last in reads + writes:
        if first < 0 or last >= p.framesize or first > last:
            _bad('register out of range')
    for first, last in reads:
        rmask |= _mask(first, last)
    for first, last in writes:
        wmask |= _mask(first, last)
    return rmask, wmask


# ---- the flow analysis -----------------------------------------------------------------
#
# The state before an instruction: (num, it, open, mr)
#   num   registers holding a float on every path (none of them in open)
#   it    registers that may hold a PairsIter
#   open  registers that may be captured by an open upvalue
#   mr    mr was set by the instruction just before, on every path

_FORI, _FORL, _ITERL, _ITERN, _ISNEXT = (_CODE[n] for n in ('FORI', 'FORL', 'ITERL', 'ITERN',
                                                            'ISNEXT'))
_FNEW, _UCLO, _LOOP = _CODE['FNEW'], _CODE['UCLO'], _CODE['LOOP']
_GOES_TO_TARGET = {_CODE['JMP'], _UCLO, _ISNEXT}
_MAKES_MR = {_CODE[n] for n in ('CALL', 'CALLM', 'VARG')}
_COND_WRITE = {_CODE['ISTC'], _CODE['ISFC']}     # they write R(A) only when they jump
_ENDS = _ENDS_FLOW - _GOES_TO_TARGET


def _edges(p, pc, state, wmask):
    """[(successor pc, state after)] of the instruction at pc."""
    code = p.code
    ins = code[pc]
    opc = ins & 0xff
    num, it, opened, _ = state
    a = (ins >> 8) & 0xff

    def after(written, numeric=0, mr=False, opened=opened):
        nm = (num & ~written | numeric) & ~opened
        return nm, it & ~written, opened, mr

    if opc in _ENDS:
        return []
    if opc in _GOES_TO_TARGET:
        if opc == _UCLO:
            opened &= (1 << a) - 1
        if opc == _ISNEXT:
            if opened >> (a - 1) & 1:
                _bad('loop state in a captured register')
            return [(jump_target(pc, ins), (num & ~wmask, it | wmask, opened, False))]
        return [(jump_target(pc, ins), (num, it, opened, False))]
    if OPCODES[opc].jumps_with_next:
        taken = jump_target(pc + 1, code[pc + 1])
        if opc == _ITERN:
            return [(pc + 1, after(wmask)), (taken, after(wmask)), (pc + 2, after(0))]
        return [(taken, after(wmask if opc in _COND_WRITE else 0)), (pc + 2, after(0))]
    if opc == _FORI:
        return [(pc + 1, after(wmask, wmask)),
                (jump_target(pc, ins), after(_mask(a + 1, a + 2), _mask(a + 1, a + 2)))]
    if opc == _FORL:
        loop = _mask(a, a) | _mask(a + 3, a + 3)
        return [(jump_target(pc, ins), after(loop, loop)), (pc + 1, after(0))]
    if opc == _ITERL:
        return [(jump_target(pc, ins), after(wmask)), (pc + 1, after(0))]
    if opc == _FNEW:
        captured = 0
        for instack, idx in p.kgc[ins >> 16].uvdesc:
            if instack:
                captured |= 1 << idx
        if it & captured & ~wmask:      # R(A) itself is overwritten before anyone reads it
            _bad('loop state captured by a closure')
        return [(pc + 1, after(wmask, 0, False, opened | captured))]
    if opc == _LOOP:
        return [(pc + 1, after(0))]
    makes_mr = opc in _MAKES_MR and ins >> 24 == 0
    return [(pc + 1, after(wmask, wmask if opc in _NUMERIC else 0, makes_mr))]


def _flow(p, uses):
    """Propagate the states from the entry until nothing changes, checking
    each reachable instruction against its state. Sweeps go in code order
    and a jump back waits for the next sweep, so a state reaches a loop's
    head merged from all its back edges (structured code settles in a few
    sweeps)."""
    code = p.code
    n = len(code)
    before = [None] * n
    before[0] = (0, 0, 0, False)
    sweep, later = [0], set()
    queued = bytearray(n)           # 1: in sweep
    budget = _VISITS[0] * n + _VISITS[1]
    while sweep:
        pc = heapq.heappop(sweep)
        queued[pc] = 0
        budget -= 1
        if budget < 0:
            _bad('control flow too complex')
        state = before[pc]
        num, it, _, mr = state
        ins = code[pc]
        opc = ins & 0xff
        reads, writes = uses[pc]
        if reads & it:
            _bad('loop state read as a value')
        if opc in _USES_MR and not mr:
            _bad('multiple results used without being produced')
        if opc == _FORL and reads & ~num:
            _bad('numeric for loop entered without its FORI')
        for succ, out in _edges(p, pc, state, writes):
            if succ >= n:
                _bad('code falls off the end')
            old = before[succ]
            if old is not None:
                out = (old[0] & out[0], old[1] | out[1], old[2] | out[2], old[3] and out[3])
                if out == old:
                    continue
            before[succ] = out
            if succ <= pc:
                later.add(succ)
            elif not queued[succ]:
                queued[succ] = 1
                heapq.heappush(sweep, succ)
        if not sweep and later:
            sweep = sorted(later)
            later = set()
            for pc in sweep:
                queued[pc] = 1
