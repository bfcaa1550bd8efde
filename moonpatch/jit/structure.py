"""The control flow of a prototype as Python can write it.

Units are instructions as the compiled code runs them: a comparison or test
together with the JMP it takes (ITERN with its ITERL). Loops are found from
the back edges (a jump to an earlier or the same instruction): the loop runs
from its head to the last back edge to it, and loops must nest. The plan is
a tree of nodes over the instructions:

- 'unit': one unit;
- 'if': a test whose jump skips a single-entry region (the then-part), and
  optionally a then-part that ends in a JMP over an else-part, which is
  where the test's jump goes;
- 'loop': a `while True:` over the loop's instructions.

Flow that Python's loops cannot take (loops that overlap without nesting, a
jump back to the head of an enclosing loop: gotos) gets the fallback plan
instead, `flat`: one `while True:` over all the units, each guarded, where
a jump sets skip and a jump back also starts the loop again.

Every jump that no structure took becomes `skip = target` (a `break` or a
`continue` where it leaves the loop or goes back to its head), and the
nodes such a jump passes over are guarded (`guarded`: the nodes, less
those inside a node it passes over whole). Entering a loop in the middle
(a generic `for` starts at its iterator call at the bottom, an on-stack
replacement starts inside its loops) is such a jump.
"""
from ..bytecode.decode import operands
from ..bytecode.opcodes import BY_NAME, OPCODES
from ..bytecode.proto import jump_target

_PLAIN_JUMPS = (BY_NAME['JMP'].code, BY_NAME['UCLO'].code)


def jumps_back(proto):
    """Whether an instruction of proto jumps back (it has a loop)."""
    for pc, ins in enumerate(proto.code):
        o = OPCODES[ins & 0xff]
        if 'jump' in (o.mb, o.mc) and jump_target(pc, ins) <= pc:
            return True
    return False


class Refused(Exception):
    """The JIT does not compile this function; the message says why."""


class Unit:
    __slots__ = ('pc', 'next', 'target', 'cond', 'op')

    def __init__(self, pc, nxt, target, cond, op):
        self.pc = pc
        self.next = nxt           # the instruction after the unit
        self.target = target      # where its jump goes, or None
        self.cond = cond          # the jump is conditional
        self.op = op


class Loop:
    __slots__ = ('head', 'end')

    def __init__(self, head, end):
        self.head = head
        self.end = end


class Node:
    __slots__ = ('kind', 'first', 'last', 'unit', 'then', 'orelse', 'body', 'loop',
                 'taken_by_structure')

    def __init__(self, kind, first, last, unit=None, then=None, orelse=None, body=None,
                 loop=None):
        self.kind = kind
        self.first = first
        self.last = last
        self.unit = unit
        self.then = then
        self.orelse = orelse
        self.body = body
        self.loop = loop
        self.taken_by_structure = False


class Plan:
    __slots__ = ('nodes', 'guarded', 'targets', 'units', 'live', 'flat')


def units(proto):
    """{pc: Unit} of proto's instructions."""
    units = {}
    pc, n = 0, len(proto.code)
    while pc < n:
        op, a, b, c = operands(proto, pc)
        o = OPCODES[op]
        if o.jumps_with_next:
            units[pc] = Unit(pc, pc + 2, c, True, op)
        elif o.shape == 'test':                       # FORI, FORL, ITERL
            units[pc] = Unit(pc, pc + 1, c, True, op)
        elif '$JUMP' in o.template:                   # JMP, UCLO, ISNEXT
            units[pc] = Unit(pc, pc + 1, c, False, op)
        else:
            units[pc] = Unit(pc, pc + 1, None, False, op)
        pc = units[pc].next
    return units


# The opcodes that leave the function (returns, tail calls).
_LEAVES = frozenset(o.code for o in OPCODES if o.leaves)


def successors(u, units):
    """The pcs of the units control may reach from unit u."""
    out = [u.target] if u.target is not None else []
    ends = (u.target is not None and not u.cond) or u.op in _LEAVES
    if not ends and u.next in units:
        out.append(u.next)
    return out


def reachable(units, start):
    """The pcs of the units control reaches from start."""
    seen = {start}
    work = [start]
    while work:
        for pc in successors(units[work.pop()], units):
            if pc not in seen:
                seen.add(pc)
                work.append(pc)
    return seen


class _Planner:
    def __init__(self, proto, entry):
        self.units = units(proto)
        self.ending = {u.next - 1: u for u in self.units.values()}
        # code the start cannot reach is left out (before the loop an
        # on-stack replacement enters, after a return)
        self.live = reachable(self.units, entry or 0)
        self.jumps = [(u.pc, u.target) for u in self.units.values()
                      if u.target is not None and u.pc in self.live]
        if entry:
            self.jumps.append((-1, entry))
        for src, tgt in self.jumps:
            if tgt not in self.units:
                raise Refused('a jump into the middle of a test (pc %d)' % tgt)
        heads = {}
        for src, tgt in self.jumps:
            if tgt <= src:
                end = self.units[src].next - 1
                heads[tgt] = max(heads.get(tgt, end), end)
        self.loops = sorted((Loop(h, e) for h, e in heads.items()), key=lambda L: L.head)
        self.by_head = {L.head: L for L in self.loops}
        self.unstructured = None      # why Python's loops cannot take the flow
        for i, a in enumerate(self.loops):
            for b in self.loops[i + 1:]:
                if b.head <= a.end < b.end:
                    self.unstructured = 'loops that overlap without nesting'
        for src, tgt in self.jumps:
            if tgt <= src and self._innermost(src) is not self.by_head[tgt]:
                self.unstructured = 'a jump back to the head of an enclosing loop'
        self.consumed = set()

    def _innermost(self, pc):
        found = None
        for L in self.loops:
            if L.head <= pc <= L.end:
                found = L          # sorted by head: the last one is the innermost
        return found

    def breaks(self, src, tgt):
        """The jump leaves its innermost loop for the instruction after it:
        a plain `break`, which passes over nothing."""
        L = self._innermost(src) if src >= 0 else None
        return L is not None and tgt == L.end + 1

    def closed(self, s, e, loop, exits, ignore=()):
        """[s, e) is entered only at s from before it, and leaves only to
        exits or out of the enclosing loop."""
        for src, tgt in self.jumps:
            if s <= src < e:
                if not (s <= tgt < e or tgt in exits or (loop is not None and (
                        tgt == loop.head or not loop.head <= tgt <= loop.end))):
                    return False
            elif src not in ignore and s <= tgt < e:
                return False
        for L in self.loops:
            if (s <= L.head < e and L.end >= e) or (s <= L.end < e and L.head < s):
                return False
        return True

    def try_if(self, u, end, loop):
        t = u.target
        if not u.cond or t < u.next or t > end or self.units[u.pc].op in (
                BY_NAME['FORL'].code, BY_NAME['ITERL'].code):
            return None
        if self.closed(u.next, t, loop, {t}):
            node = Node('if', u.pc, t - 1, unit=u, then=self.seq(u.next, t, loop))
            self.consumed.add(u.pc)
            return node
        j = self.ending.get(t - 1)
        if j is None or j.pc < u.next or j.op not in _PLAIN_JUMPS:
            return None
        e2 = j.target
        if not (t < e2 <= end):
            return None
        if not (self.closed(u.next, j.pc, loop, {e2}) and
                self.closed(t, e2, loop, {e2}, ignore=(u.pc, j.pc))):
            return None
        then = self.seq(u.next, j.pc, loop)
        jnode = Node('unit', j.pc, j.pc, unit=j)
        jnode.taken_by_structure = True
        node = Node('if', u.pc, e2 - 1, unit=u, then=then + [jnode],
                    orelse=self.seq(t, e2, loop))
        self.consumed.update((u.pc, j.pc))
        return node

    def seq(self, start, end, loop):
        """The nodes of instructions [start, end) inside loop (or None)."""
        nodes = []
        pc = start
        while pc < end:
            L = self.by_head.get(pc)
            if L is not None and L is not loop:
                nodes.append(Node('loop', L.head, L.end, body=self.seq(L.head, L.end + 1, L),
                                  loop=L))
                pc = L.end + 1
                continue
            u = self.units[pc]
            if pc not in self.live:
                pc = u.next
                continue
            node = self.try_if(u, end, loop)
            if node is None:
                node = Node('unit', pc, u.next - 1, unit=u)
            nodes.append(node)
            pc = node.last + 1
        return nodes


def _guards(nodes, forward, outer, out):
    """Add to out each node some forward jump passes over,
    unless a node around it is passed over whole (its guard skips it all:
    a for loop's exit jump guards the loop, not every instruction in it)."""
    for node in nodes:
        for src, tgt in forward:
            if src < node.first < tgt and not any(src < m.first and m.last < tgt
                                                  for m in outer):
                out.add(node)
                break
        for part in (node.then, node.orelse, node.body):
            if part:
                _guards(part, forward, outer + [node], out)
    return out


def structure(proto, entry=None):
    """The Plan of proto's control flow, or Refused. entry: where the code
    starts instead of at 0 (on-stack replacement at a loop), a jump from
    before the first instruction like any other."""
    planner = _Planner(proto, entry)
    plan = Plan()
    plan.targets = {tgt for _, tgt in planner.jumps}
    plan.units = planner.units
    plan.live = planner.live
    plan.flat = planner.unstructured
    if plan.flat:
        # the fallback: one loop over every unit, each guarded by skip; a
        # jump sets skip to its target, and a jump back starts the loop again
        plan.nodes = [Node('unit', pc, u.next - 1, unit=u)
                      for pc, u in sorted(planner.units.items()) if pc in planner.live]
        plan.guarded = set(plan.nodes)
        return plan
    plan.nodes = planner.seq(0, len(proto.code), None)
    forward = [(src, tgt) for src, tgt in planner.jumps
               if tgt > src and src not in planner.consumed and not planner.breaks(src, tgt)]
    plan.guarded = _guards(plan.nodes, forward, [], set())
    return plan
