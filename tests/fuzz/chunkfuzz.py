"""Binary-chunk fuzzing: valid chunks, mutated, loaded and run.

    python3 tests/fuzz/chunkfuzz.py --seed 1 --count 2000 [--corpus] [--out DIR]

The seeds are string.dump's chunks (stripped and not) of chunk_seeds.lua,
which uses every opcode, and with --corpus of the programs in tests/lua and
tests/fuzz/corpus. Each input is a seed with one to three mutations, made
either on the prototypes before dumping (opcode replaced, FORI turned into a
JMP to its FORL, a jump sent elsewhere, an operand set to a boundary value,
instructions swapped, dropped or duplicated, constants replaced by NaN, huge
or wrong-kind values, frame size, upvalues and line numbers changed) or on
the bytes after (bits flipped, bytes set to interesting values, truncation,
bytes inserted or dropped, another engine's header).

Each input is loaded with loadstring in a fresh Engine (no io, os, package,
dofile or loadfile) and, if it loads, runs for at most --time-limit seconds
(every fourth input under a count hook, so the hooked interpreter is fuzzed
too), then its listing and string.dump round trip are made. Outcomes:
rejected (lua5.1's `... in precompiled chunk` message, or a syntax error
when the mutation removed the ESC), ok, error (a Lua error), timeout (a
mutated loop may well never end). Findings: any other Python exception out
of load, run, listing or dump, or seen by a protected boundary (pcall,
resume), or raised in a finalizer; a load message of another form; a load
slower than LOAD_LIMIT. Each finding is saved in DIR as NAME.chunk (the
input) and NAME.txt (the traceback); `--replay FILE.chunk` runs one again.
"""
import argparse
import copy
import glob
import io
import os
import random
import re
import signal
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from moonpatch.bytecode import opcodes as bc  # noqa: E402
from moonpatch.bytecode.dump import dump, undump  # noqa: E402
from moonpatch.bytecode.listing import listing  # noqa: E402
from moonpatch.bytecode.proto import BIAS_J, Proto, TableTemplate  # noqa: E402
from moonpatch.common.cnumber import Complex, Int64  # noqa: E402
from moonpatch.errors import LuaError  # noqa: E402

CHUNKNAME = '=fuzz'
LOAD_LIMIT = 2.0            # seconds: loading and verifying is linear, never this slow
REJECTED = re.compile(r'fuzz: (bad header|unexpected end|bad constant|bad integer|bad code|'
                      r'code too deep) in precompiled chunk\Z')
UNSAFE_GLOBALS = ('io', 'os', 'package', 'require', 'dofile', 'loadfile')

# Findings whose fix belongs to another part of issue 8: (pattern of the
# finding's key, why). Remove an entry when its fix lands.
KNOWN = []


class Timeout(BaseException):
    """The run's time is up (a BaseException, so pcall does not catch it)."""


# ---- seeds --------------------------------------------------------------------------

def seed_protos(corpus=False):
    """(name, main Proto) of every seed program that compiles."""
    from moonpatch.frontend.codegen import compile_chunk
    paths = [os.path.join(HERE, 'chunk_seeds.lua')]
    if corpus:
        paths += sorted(glob.glob(os.path.join(ROOT, 'tests', 'lua', '*', '*.lua')))
        paths += sorted(glob.glob(os.path.join(HERE, 'corpus', '*.lua')))
    out = []
    for path in paths:
        with open(path, 'rb') as f:
            text = f.read().decode('latin-1')
        try:
            out.append((os.path.relpath(path, ROOT), compile_chunk(text, '@seed', True)))
        except LuaError:
            pass
    return out


# ---- mutations of prototypes ----------------------------------------------------------

INTERESTING_NUMBERS = (float('nan'), float('inf'), -float('inf'), -0.0, 0.5, 2.0 ** 31,
                       2.0 ** 53, 1e308, -1.0, 0.0, 65536.0)
INTERESTING_BYTES = (0, 1, 2, 0x7f, 0x80, 0xfe, 0xff)


def _protos(p):
    out = [p]
    for k in p.kgc:
        if type(k) is Proto:
            out.extend(_protos(k))
    return out


def _set_operand(ins, which, v):
    if which == 'a':
        return ins & ~0xff00 | (v & 0xff) << 8
    if which == 'b':
        return ins & 0x00ffffff | (v & 0xff) << 24
    if which == 'c':
        return ins & ~0xff0000 | (v & 0xff) << 16
    return ins & 0xffff | (v & 0xffff) << 16


def _pcs_of(p, names):
    codes = {bc.BY_NAME[n].code for n in names}
    return [pc for pc, ins in enumerate(p.code) if ins & 0xff in codes]


def _jump_to(pc, dest):
    return (dest - pc - 1 + BIAS_J) & 0xffff


# Each mutation changes prototype p in place, or returns False when p has
# nothing it applies to.

def m_opcode(r, p):
    pc = r.randrange(len(p.code))
    p.code[pc] = p.code[pc] & ~0xff | r.randrange(len(bc.OPCODES) + 2)


def m_sibling_opcode(r, p):
    """An opcode replaced by one with the same operand modes (ADDVV by POW,
    ISLT by ISEQV, TGETS by TSETS, CALL by ITERC...): more of these load."""
    pc = r.randrange(len(p.code))
    ins = p.code[pc]
    if ins & 0xff >= len(bc.OPCODES):
        return False
    o = bc.OPCODES[ins & 0xff]
    like = [k for k in bc.OPCODES if (k.ma, k.mb, k.mc) == (o.ma, o.mb, o.mc)]
    p.code[pc] = ins & ~0xff | r.choice(like).code


def m_bypass(r, p):
    """A loop entered without its FORI/ISNEXT: a JMP into the body, to the
    FORL/ITERN, or just past the prologue."""
    loops = _pcs_of(p, ('FORI', 'ISNEXT', 'FORL', 'ITERL'))
    if not loops:
        return False
    pc = r.choice(loops)
    t = pc + 1 + (p.code[pc] >> 16) - BIAS_J
    dest = r.choice((t - 1, t, t + 1, pc + 1, pc, max(t - 2, 0)))
    p.code[pc] = bc.JMP | (p.code[pc] & 0xff00) | _jump_to(pc, dest) << 16


def m_jump(r, p):
    jumps = [pc for pc, x in enumerate(p.code) if bc.OPCODES[x & 0xff].mc == 'jump']
    if not jumps:
        return False
    pc = r.choice(jumps)
    dest = r.randrange(len(p.code)) if r.random() < 0.8 else r.choice((-1, len(p.code)))
    p.code[pc] = _set_operand(p.code[pc], 'd', _jump_to(pc, dest))


def m_operand(r, p):
    """An operand set to a boundary value."""
    pc = r.randrange(len(p.code))
    ins = p.code[pc]
    which = r.choice('abcd')
    shift = {'a': 8, 'b': 24, 'c': 16, 'd': 16}[which]
    value = ins >> shift & (0xffff if which == 'd' else 0xff)
    count = r.choice((len(p.kgc), len(p.kn), len(p.uvdesc)))
    p.code[pc] = _set_operand(ins, which, r.choice(
        (0, 1, value - 1, value + 1, p.framesize - 1, p.framesize, count, count - 1, 0xff,
         r.randrange(256))))


def m_register(r, p):
    """A register operand moved to another register of the frame."""
    pc = r.randrange(len(p.code))
    p.code[pc] = _set_operand(p.code[pc], r.choice('abc'), r.randrange(max(p.framesize, 1)))


def m_swap(r, p):
    code = p.code
    pc = r.randrange(len(code))
    other = min(pc + 1, len(code) - 1) if r.random() < 0.5 else r.randrange(len(code))
    code[pc], code[other] = code[other], code[pc]


def m_drop(r, p):
    if len(p.code) < 2:
        return False
    pc = r.randrange(len(p.code))
    del p.code[pc]
    del p.lines[pc]


def m_duplicate(r, p):
    pc = r.randrange(len(p.code))
    p.code.insert(pc, p.code[pc])
    p.lines.insert(pc, p.lines[pc])


def m_number(r, p):
    if not p.kn:
        return False
    p.kn[r.randrange(len(p.kn))] = r.choice(INTERESTING_NUMBERS)


def m_gc_constant(r, p):
    if not p.kgc:
        return False
    p.kgc[r.randrange(len(p.kgc))] = r.choice(
        ('', 'x' * 300, '\0', Proto('=x', 0), TableTemplate([(1.0, None), ('n', 2.0)], 5),
         Int64(-1), Int64(1 << 63, True), Complex(float('nan'), -0.0),
         p.kgc[r.randrange(len(p.kgc))]))


def m_frame(r, p):
    p.framesize = r.choice((0, 1, p.framesize - 1, p.framesize + 1, 250, 251, 255))
    if r.random() < 0.3:
        p.numparams = r.choice((0, p.framesize, p.framesize + 1, 255))


def m_upvalue(r, p):
    if not p.uvdesc:
        return False
    i = r.randrange(len(p.uvdesc))
    p.uvdesc[i] = (r.random() < 0.5, r.choice((0, 1, 249, 250, 255, r.randrange(256))))


def m_lines(r, p):
    p.lines = list(p.lines)         # the writer takes any int; the reader must refuse
    p.lines[r.randrange(len(p.lines))] = r.choice((2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 35 - 1))
    p.firstline = r.choice((p.firstline, 2 ** 31))


def m_vararg(r, p):
    p.is_vararg = not p.is_vararg


def m_template(r, p):
    tabs = [k for k in p.kgc if type(k) is TableTemplate]
    if not tabs:
        return False
    t = r.choice(tabs)
    size = r.choice((0, 2 ** 20, 2 ** 31, len(t.items) + len(p.code) + 1))
    if r.random() < 0.5:
        t.narray = size
    else:
        t.nhash = size


def m_multres(r, p):
    """Something between a multi-result call and the instruction using mr."""
    users = _pcs_of(p, ('CALLM', 'CALLMT', 'RETM', 'TSETM'))
    if not users:
        return False
    pc = r.choice(users)
    p.code.insert(pc, bc.MOV | r.randrange(256) << 8)
    p.lines.insert(pc, p.lines[pc])


MUTATIONS = [m_opcode, m_sibling_opcode, m_sibling_opcode, m_bypass, m_jump, m_operand,
             m_register, m_register, m_swap, m_drop, m_duplicate, m_number, m_number,
             m_gc_constant, m_frame, m_upvalue, m_lines, m_vararg, m_template, m_multres]


def mutate_proto(r, protos):
    """One random change to one of protos (in place); returns its name."""
    while True:
        m = r.choice(MUTATIONS)
        if m(r, r.choice(protos)) is not False:
            return m.__name__[2:]


# ---- mutations of bytes ---------------------------------------------------------------

FOREIGN_HEADERS = (
    '\x1bLuaQ\x00\x01\x04\x08\x04\x08\x00',     # luac 5.1, x86-64
    '\x1bLJ\x02\x00', '\x1bLJ\x01\x00', '\x1bLJ', '\x1b', '\x1bLuaR\x00',
)


def mutate_bytes(r, data):
    """One random change to a chunk's bytes; returns (bytes, name)."""
    b = bytearray(data.encode('latin-1'))
    if not b:                           # truncated to nothing before
        return '\x1b', 'escape'
    i = r.randrange(len(b))
    kind = r.choice(('flip', 'byte', 'truncate', 'insert', 'drop', 'plus', 'header',
                     'repeat'))
    if kind == 'flip':
        b[i] ^= 1 << r.randrange(8)
    elif kind == 'byte':
        b[i] = r.choice(INTERESTING_BYTES + (r.randrange(256),))
    elif kind == 'truncate':
        del b[i:]
    elif kind == 'insert':
        b[i:i] = bytes(r.randrange(256) for _ in range(r.randint(1, 8)))
    elif kind == 'drop':
        del b[i:i + r.randint(1, 8)]
    elif kind == 'plus':                # a length or count field one more or less
        b[i] = (b[i] + r.choice((1, -1, 0x80))) & 0xff
    elif kind == 'header':
        h = r.choice(FOREIGN_HEADERS).encode('latin-1')
        b[:5] = h
    else:
        j = r.randrange(len(b))
        b[i:i] = b[min(i, j):max(i, j)][:64]
    return b.decode('latin-1'), kind


def make_input(r, seeds):
    """(chunk, description) of one fuzz input."""
    name, main = r.choice(seeds)
    kinds = []
    strip = r.random() < 0.5
    if r.random() < 0.6:
        p = copy.deepcopy(main)
        protos = _protos(p)
        for _ in range(r.choice((1, 1, 1, 2, 3))):
            kinds.append(mutate_proto(r, protos))
        data = dump(p, strip)
        if r.random() < 0.2:
            data, kind = mutate_bytes(r, data)
            kinds.append(kind)
    else:
        data = dump(main, strip)
        for _ in range(r.choice((1, 1, 2, 3))):
            data, kind = mutate_bytes(r, data)
            kinds.append(kind)
    return data, '%s%s: %s' % (name, ' (stripped)' if strip else '', ', '.join(kinds))


# ---- running ----------------------------------------------------------------------------

class Finding(Exception):
    def __init__(self, what, detail):
        Exception.__init__(self, what)
        self.what = what
        self.detail = detail


_caught = []       # tracebacks of the Python exceptions the boundaries saw in this run


def _record(exc):
    if not isinstance(exc, (LuaError, RecursionError, MemoryError, Timeout)):
        _caught.append(''.join(traceback.format_exception(type(exc), exc, exc.__traceback__)))


def _watch_boundaries():
    """Make every protected boundary (runtime.coroutine.catch, imported by
    pcall, resume and the Engine) record the Python exceptions other than
    LuaError/RecursionError/MemoryError it sees, also when it turns them
    into Lua errors, and so does an exception in a finalizer (__del__);
    time runs out with SIGALRM."""
    from moonpatch.engine import Engine  # noqa: F401 (imports every module that catches)
    from moonpatch.runtime import coroutine
    original = coroutine.catch

    def catch(exc):
        _record(exc)
        return original(exc)
    for module in list(sys.modules.values()):
        if getattr(module, '__name__', '').startswith('moonpatch') and \
                getattr(module, 'catch', None) is original:
            module.catch = catch
    sys.unraisablehook = lambda unraisable: _record(unraisable.exc_value)
    signal.signal(signal.SIGALRM, _alarm)


def _alarm(signum, frame):
    raise Timeout()


def _guarded(what, action):
    """action(), with any exception but Timeout turned into a Finding."""
    try:
        return action()
    except (Finding, Timeout):
        raise
    except BaseException as e:
        raise Finding('%s raised %s' % (what, type(e).__name__), traceback.format_exc())


def _load(lua, chunk):
    """The function loadstring makes of chunk, or None when it refused it."""
    t = time.perf_counter()
    ok, loaded = _guarded('load', lambda: lua.call(lua.globals.hash['loadstring'],
                                                    [chunk, CHUNKNAME]))
    if time.perf_counter() - t > LOAD_LIMIT:
        raise Finding('slow load', '%.1f s' % (time.perf_counter() - t))
    if ok and loaded[0] is not None:
        return loaded[0]
    msg = loaded[1] if ok else loaded
    if chunk[:1] == '\x1b' and not (type(msg) is str and REJECTED.match(msg)):
        raise Finding('load message', repr(msg))
    return None


def _run(lua, f, time_limit, hooked):
    debug = lua.globals.hash['debug']
    sethook = debug.hash['sethook']
    if hooked:
        lua.call(sethook, [debug.hash['getinfo'], '', 100.0])   # any function does
    signal.setitimer(signal.ITIMER_REAL, time_limit, 0.05)   # again if a __del__ ate it
    try:
        ok, _ = _guarded('run', lambda: lua.call(f, []))
        return 'ok' if ok else 'error'
    except Timeout:
        return 'timeout'
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        lua.call(sethook, [])         # the program may have set a hook too


def run_one(chunk, time_limit, hooked):
    """The outcome of loading and running chunk: 'rejected', 'ok', 'error' or
    'timeout'; raises Finding for anything else."""
    from moonpatch.engine import Engine
    del _caught[:]
    lua = Engine()
    lua.state.stdout = lua.state.stderr = io.BytesIO()
    for name in UNSAFE_GLOBALS:
        lua.globals.hash.pop(name, None)
    f = _load(lua, chunk)
    if f is None:
        outcome = 'rejected'
    else:
        outcome = _run(lua, f, time_limit, hooked)
        _guarded('listing', lambda: listing(f.proto))
        _guarded('dump', lambda: undump(dump(f.proto), CHUNKNAME))
    _guarded('close', lua.close)
    if _caught:
        raise Finding('pcall or a finalizer saw a Python exception', _caught[0])
    return outcome


def _where(detail):
    """The last 'File ..., line N, in f' of a traceback: groups findings."""
    frames = re.findall(r'File "[^"]*?([^/"]+)", line (\d+), in (\w+)', detail)
    last = detail.strip().split('\n')[-1]
    return '%s (%s)' % (last[:80], ':'.join(frames[-1]) if frames else '?')


def fuzz(seed, count, corpus=False, time_limit=0.2, out_dir=None, log=None):
    """Run count inputs; returns (outcome counts, {finding key: (example description,
    detail)})."""
    _watch_boundaries()
    seeds = seed_protos(corpus)
    r = random.Random(seed)
    counts = {}
    findings = {}
    for i in range(count):
        chunk, desc = make_input(r, seeds)
        try:
            outcome = run_one(chunk, time_limit, hooked=i % 4 == 3)
        except Finding as f:
            outcome = 'finding'
            key = '%s: %s' % (f.what, _where(f.detail))
            known = [why for pattern, why in KNOWN if re.search(pattern, key)]
            if known:
                outcome = 'known: ' + known[0]
            elif key not in findings:
                findings[key] = (desc, f.detail)
                if log:
                    log.write('input %d (%s): %s\n%s\n' % (i, desc, key, f.detail))
                if out_dir:
                    base = os.path.join(out_dir, '%d-%d' % (seed, i))
                    with open(base + '.chunk', 'wb') as fh:
                        fh.write(chunk.encode('latin-1'))
                    with open(base + '.txt', 'w') as fh:
                        fh.write('%s\n%s\n%s\n' % (desc, key, f.detail))
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts, findings


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=1000)
    ap.add_argument('--corpus', action='store_true', help='also seed from tests/lua and corpus/')
    ap.add_argument('--time-limit', type=float, default=0.2, help='seconds per run')
    ap.add_argument('--out', help='folder for the findings')
    ap.add_argument('--replay', help='run one saved .chunk file')
    args = ap.parse_args(argv)
    if args.replay:
        _watch_boundaries()
        with open(args.replay, 'rb') as f:
            chunk = f.read().decode('latin-1')
        try:
            print(run_one(chunk, args.time_limit, hooked=False))
        except Finding as f:
            print(f.what)
            print(f.detail)
            return 1
        return 0
    if args.out:
        os.makedirs(args.out, exist_ok=True)
    t = time.time()
    counts, findings = fuzz(args.seed, args.count, args.corpus, args.time_limit, args.out,
                            log=sys.stdout)
    print('%d inputs in %.0f s: %s' % (args.count, time.time() - t,
                                       ', '.join('%s %d' % kv for kv in sorted(counts.items()))))
    for key, (desc, _) in sorted(findings.items()):
        print('FINDING %s\n    first from %s' % (key, desc))
    return 1 if findings else 0


if __name__ == '__main__':
    sys.exit(main())
