"""Library-argument fuzzing: every function of every standard library called
with hostile arguments; only Lua errors may come out, in bounded time and
memory.

    python3 tests/fuzz/libargs.py --seed 1 --count 5000 [--json] [--verbose]

Run it in a scratch folder with stdin from /dev/null (the test does): the io
and os functions create, read and remove files named by the argument pool in
the current folder. Each call is one input: a function of the standard
libraries (or a method of a file, or a function one of them returned), and
arguments drawn from a pool of Lua values built from Lua expressions (so a
finding prints as a line of Lua). A call fails the run when it raises a
Python exception other than LuaError, when a message or result says
`internal error` (an exception converted at a protected call), when it
returns something that is not a Lua value or more values than lua5.1's C
stack holds (LUAI_MAXCSTACK), when it takes longer than --slow seconds or
never ends (--hang), or when it grows the process by more than --memory MB.
"""
import argparse
import json
import os
import random
import resource
import signal
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

MAXCSTACK = 8000

# Functions that end the process, and those that hand a string to the shell
# (called with SAFE_ARGS only: the choices for each argument).
# load reads a reader until it returns nil or "", forever if it never does
# (as lua5.1 does): its readers here end.
SKIPPED = {'os.exit'}
SAFE_ARGS = {'os.execute': [['nil', '"exit 3"', '{}']],
             'io.popen': [['"echo hi"', '"true"', '{}', 'nil'], ['"r"', '"w"', '"x"', '{}']],
             'load': [['"return 1"', 'nil', '{}', 'error', 'coroutine.yield', 'print',
                       '(function() local n = 0 return function() n = n + 1 '
                       'if n < 4 then return ({"return ", 1, {}})[n] end end end)()'],
                      ['"=x"', 'nil', '{}', '"\\0"']]}

NUMBERS = ['0', '-tonumber("0")', '1', '-1', '0.5', '2', '3', '-3.7', '31', '32', '255', '256',
           '1000', '7999', '8000', '8001', '2^31-1', '2^31', '-2^31', '2^32', '2^32+3', '2^53',
           '2^53+2', '2^63', '-2^63', '2^64', '1e308', '-1e308', '1e-308', '5e-324', '1/0',
           '-1/0', '0/0', '1e10', '-1e9', '1e15', '1e100', '-0.5']
STRINGS = ['""', '"a"', '"abc"', '"\\0"', '"a\\0b"', '"\\200\\255"', '"%"', '"%d"', '"%5000d"',
           '"%99.99f"', '"%-+ #0x"', '"%q%s%c"', '"%b()"', '"%f[%a]"', '"(%a+)"', '"[%z-\\255]"',
           '"[^]"', '"(("', '"%1"', '".-$"', '"^(.-)%1$"', '"*a"', '"*l"', '"*n"', '"r"', '"w"',
           '"a+"', '"rb+"', '"10"', '"0x1p4"', '"1e500"', '" 12 "', '"nan"', '"collect"',
           '"count"', '"step"', '"setpause"', '"%Y-%m-%d %c"', '"!*t"', '"*t"', '"cur"', '"end"',
           '"set"', '"full"', '"no"', '"Slnuf"', '"crl"', '"k"', '"v"', '"tostring"',
           '"__index"', '"string"', '"a.b.c"', '("x"):rep(10000)', '("("):rep(3000)',
           '("()"):rep(2000)', '("1"):rep(400)', '("a"):rep(300) .. "\\0"', '("%s"):rep(100)',
           '("%a"):rep(40) .. "$"', '"return 1"', '"\\27Lua"', '"local x = "']
TABLES = ['{}', '{1, 2, 3}', '{"a", "b", "c"}', '{n = 2^31}', '{[1] = 1, [2^53] = 2}',
          '{1, nil, 3}', 'setmetatable({}, ERRMT)', 'setmetatable({1, 2}, YIELDMT)',
          'setmetatable({}, {__index = function(t, k) return t[k] end})',
          'setmetatable({}, {__metatable = false})', 'setmetatable({}, {__mode = "kv"})',
          'setmetatable({}, {__tostring = function() return {} end})', 'NESTED', 'BIG',
          '{year = 2^53, month = 0/0, day = 1}', '{year = 2000, month = 1, day = 1, hour = -1e9}']
FUNCTIONS = ['function(...) return ... end', 'function() error("boom") end',
             'function() error({}) end', 'function() error() end',
             'function() return coroutine.yield(1) end', 'function() return 1, 2, 3 end',
             'function(a, b) return a < b end', 'function() return true end',
             'function(...) return select("#", ...) end']
THREADS = ['coroutine.create(function(...) return ... end)', 'DEAD', 'ERRCO', 'YIELDED',
           'coroutine.create(function() return coroutine.yield() end)']
USERDATA = ['newproxy()', 'newproxy(true)', 'ERRPROXY', 'io.stdout', 'READFILE', 'CLOSEDFILE']
OTHERS = ['nil', 'true', 'false', 'RECURSE']    # RECURSE: a stack overflow (slow)
CDATA = ['1LL', '-1LL', '0x8000000000000000LL', '-1ULL', '64ULL', '0ULL', '2.5i', '1e400i']
POOL = NUMBERS + STRINGS + TABLES + FUNCTIONS + THREADS + USERDATA + OTHERS + CDATA


PRELUDE = r'''
local function err() error("metamethod") end
local ERRMT = {__index = err, __newindex = err, __call = err, __len = err, __tostring = err,
         __eq = err, __lt = err, __le = err, __concat = err, __unm = err, __add = err,
         __mod = err, __pow = err, __div = err}
local function yield() return coroutine.yield() end
local YIELDMT = {__index = yield, __newindex = yield, __lt = yield, __le = yield, __concat = yield,
           __call = yield, __tostring = yield, __eq = yield}
local NESTED = {}
local t = NESTED
for i = 1, 200 do t[1] = {} t = t[1] end
local BIG = {}
for i = 1, 9000 do BIG[i] = i end
local RECURSE = function() local function r() return 1 + r() end return r() end
local DEAD = coroutine.create(function() end) coroutine.resume(DEAD)
local ERRCO = coroutine.create(function() error("dead") end) coroutine.resume(ERRCO)
local YIELDED = coroutine.create(function(...) coroutine.yield(...) return 1 end)
coroutine.resume(YIELDED, 1)
local ERRPROXY = newproxy(true)
for k, v in pairs(ERRMT) do getmetatable(ERRPROXY)[k] = v end
local f = io.open("libargs.txt", "w") f:write("12 line one\n\0 two\n") f:close()
local READFILE = io.open("libargs.txt")
local WRITEFILE = io.open("libargs.out", "w")
local CLOSEDFILE = io.open("libargs.txt") CLOSEDFILE:close()
package.path = "./?.lua"
package.cpath = ""
return {%s}
'''

LIBRARIES = ('_G', 'string', 'table', 'math', 'os', 'io', 'coroutine', 'debug', 'bit', 'package',
             'jit', 'jit.opt', 'jit.util', 'file')

# Argument strings of particular functions: formats, patterns, replacements, ...
FORMATS = ['"%d"', '"%5.2f"', '"%s %q"', '"%c"', '"%x"', '"%o %X %e %E %g %G %i %u"', '"%-99s"',
           '"%099d"', '"%.99f"', '"%#x"', '"%5000d"', '"%"', '"%z"', '"%10.3q"', '"%.3s"',
           '"%+ 0-#5.1d"', '"%a"', '"%.0f"', '"%s%s%s%s"']
PATTERNS = ['"%b()"', '"%f[%a]"', '"(%a+)"', '"[%z-\\255]"', '"[^]"', '"(("', '"%1"', '".-$"',
            '"^(.-)%1$"', '"()"', '"(.)(.)"', '"%"', '"[a-"', '"%g"', '"a*"', '"^"', '""',
            '("(%a)"):rep(33)', '"%f"', '"%bx"', '"[%a-z]+"', '"(()"', '"%2"']
REPLACEMENTS = ['"%1"', '"%0%0"', '"%2"', '"%"', '"%%"', '"x"', '{}', '{a = 1}',
                'function(...) return ... end', 'function() return {} end',
                'function() error("r") end', 'function() return false end']
DATES = ['"%c"', '"*t"', '"!*t"', '"%Ez"', '"%"', '"%Y-%m-%d %H:%M:%S %Z"', '"!%c"', '"%O"',
         '("%c"):rep(300)', '"%a %A %b %B %d %j %p %U %w %W %x %X %y"']
DATE_TABLES = ['{year = 2000, month = 1, day = 1}', '{year = 2^53, month = 0/0, day = 1}',
               '{year = 2000, month = 1, day = 1, hour = -1e9}',
               '{year = 1e300, month = 1, day = 1}',
               '{year = -2^31, month = 2^31, day = -2^31, isdst = true}', '{year = "x"}']
READ_FORMATS = ['"*n"', '"*a"', '"*l"', '"*x"', '0', '1', '-1', '2^31', '1e300', '0/0']
MODES = ['"r"', '"w"', '"a+"', '"rb"', '"x"', '"r+b"', '""', '"wx"']
HOOK_MASKS = ['"c"', '"r"', '"l"', '"crl"', '""']
KINDS = {'a': None, 'n': NUMBERS, 's': STRINGS, 't': TABLES, 'f': FUNCTIONS, 'c': THREADS,
         'u': USERDATA, 'F': FORMATS, 'P': PATTERNS, 'R': REPLACEMENTS, 'D': DATES,
         'T': DATE_TABLES, 'r': READ_FORMATS, 'M': MODES, 'H': HOOK_MASKS,
         'h': ['READFILE', 'CLOSEDFILE', 'io.stdout', 'WRITEFILE'],
         'w': ['"set"', '"cur"', '"end"', '"x"'], 'v': ['"no"', '"full"', '"line"', '"x"'],
         'g': ['"collect"', '"count"', '"step"', '"setpause"', '"setstepmul"', '"stop"',
               '"restart"', '"x"']}
# the kind of value each library's functions usually take first
FIRST = {'string': STRINGS, 'table': TABLES, 'math': NUMBERS, 'bit': NUMBERS + CDATA,
         'coroutine': THREADS + FUNCTIONS, 'file': KINDS['h'],
         'debug': THREADS + FUNCTIONS + NUMBERS}
# The arguments each function is usually given, one kind letter each.
SIGNATURES = {
    'string.byte': 'snn', 'string.char': 'nnnn', 'string.find': 'sPna', 'string.format': 'Faaa',
    'string.gmatch': 'sP', 'string.gsub': 'sPRn', 'string.match': 'sPn', 'string.rep': 'sn',
    'string.sub': 'snn', 'string.dump': 'f',
    'table.concat': 'tsnn', 'table.insert': 'tna', 'table.remove': 'tn', 'table.sort': 'tf',
    'table.setn': 'tn', 'table.foreach': 'tf', 'table.foreachi': 'tf',
    'os.date': 'Dn', 'os.time': 'T', 'os.difftime': 'nn', 'os.getenv': 's', 'os.setlocale': 'ss',
    'io.open': 'sM', 'io.lines': 's', 'io.read': 'rrr', 'io.write': 'aa', 'io.input': 'a',
    'io.output': 'a', 'io.close': 'h', 'io.type': 'h',
    'file.read': 'hrrr', 'file.write': 'haa', 'file.seek': 'hwn', 'file.setvbuf': 'hvn',
    'file.lines': 'h', 'file.close': 'h', 'file.flush': 'h',
    'coroutine.resume': 'caa', 'coroutine.wrap': 'f', 'coroutine.create': 'f',
    'coroutine.status': 'c', 'coroutine.yield': 'aa',
    'debug.getinfo': 'ans', 'debug.getlocal': 'nn', 'debug.setlocal': 'nna',
    'debug.getupvalue': 'fn', 'debug.setupvalue': 'fna', 'debug.sethook': 'fHn',
    'debug.traceback': 'sn', 'debug.setfenv': 'at', 'debug.setmetatable': 'at',
    'tonumber': 'sn', 'select': 'naaa', 'unpack': 'tnn', 'pcall': 'faa', 'xpcall': 'ff',
    'error': 'an', 'getfenv': 'n', 'setfenv': 'nt', 'setmetatable': 'tt', 'rawget': 'ta',
    'rawset': 'taa', 'rawequal': 'aa', 'next': 'ta', 'ipairs': 't', 'pairs': 't', 'load': 'fs',
    'loadstring': 'ss', 'collectgarbage': 'gn', 'assert': 'aa', 'dofile': 's', 'loadfile': 's',
    'require': 's', 'module': 's', 'print': 'aaa',
}
for _name in ('abs', 'ceil', 'floor', 'sqrt', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'exp',
              'log', 'log10', 'frexp', 'modf', 'deg', 'rad', 'sinh', 'cosh', 'tanh', 'random'):
    SIGNATURES['math.' + _name] = 'nn'
for _name in ('atan2', 'fmod', 'pow', 'ldexp', 'max', 'min', 'randomseed'):
    SIGNATURES['math.' + _name] = 'nnn'
for _name in ('tobit', 'tohex', 'bnot', 'band', 'bor', 'bxor', 'lshift', 'rshift', 'arshift',
              'rol', 'ror', 'bswap'):
    SIGNATURES['bit.' + _name] = 'nnn'
EXPRESSIONS = POOL + sorted(set(e for choices in SAFE_ARGS.values() for each in choices
                                for e in each).union(*(v for v in KINDS.values() if v))
                            - set(POOL))
MANY = (300, 7990, 8001)     # argument counts of the calls with many arguments


class Hang(BaseException):
    """Raised by the alarm: Lua code cannot catch it."""


def _on_alarm(signum, frame):
    raise Hang()


def _rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


class World:
    """A fresh engine, its library functions and the argument pool."""

    def __init__(self):
        from moonpatch.engine import Engine
        from moonpatch.runtime.table import LuaTable
        self.engine = Engine(use_env=False)
        sink = open(os.devnull, 'wb')
        self.engine.state.stdout = self.engine.state.stderr = sink
        ok, r = self.engine.do_string(PRELUDE % ', '.join(EXPRESSIONS), '=libargs')
        if not ok:
            raise RuntimeError(r)
        pool = r[0].hash
        self.values = {expr: pool.get(float(i + 1)) for i, expr in enumerate(EXPRESSIONS)}
        g = self.engine.globals.hash
        self.functions = []
        for lib in LIBRARIES:
            if lib == 'file':
                t = g['io'].hash['stdout']
                t = self.engine.state.type_meta.get(type(t)) if t.meta is None else t.meta
                t = t.hash['__index']
            else:
                t = self.engine.globals
                for part in lib.split('.') if lib != '_G' else ():
                    t = t.hash.get(part) if type(t) is LuaTable else None
            if type(t) is not LuaTable:
                continue
            for name, v in sorted(t.hash.items(), key=lambda kv: str(kv[0])):
                full = name if lib == '_G' else lib + '.' + name
                if getattr(type(v), 'lua_typename', None) == 'function' and full not in SKIPPED:
                    self.functions.append((full, lib, v))
        ok, r = self.engine.do_string('return function(f, ...) return {f(...)} end', '=caller')
        self.caller = r[0]


def choose_args(rng, lib, name):
    if name in SAFE_ARGS:
        choices = SAFE_ARGS[name]
        return [rng.choice(each) for each in choices[:rng.randint(0, len(choices))]]
    if rng.random() < 0.03:
        return [rng.choice(POOL)] * rng.choice(MANY)
    signature = SIGNATURES.get(name)
    if signature is not None and rng.random() < 0.7:
        # the usual kinds, one argument sometimes left out or made anything
        n = len(signature) - (rng.random() < 0.3)
        return [rng.choice(KINDS[k] or POOL) if rng.random() < 0.9 else rng.choice(POOL)
                for k in signature[:n]]
    n = rng.choice((0, 1, 1, 2, 2, 2, 3, 3, 4, 5))
    args = [rng.choice(POOL) for _ in range(n)]
    if args and lib in FIRST and rng.random() < 0.6:
        args[0] = rng.choice(FIRST[lib])
    return args


def describe(name, exprs):
    if len(exprs) > 6 and len(set(exprs)) == 1:
        return '%s(unpack-of %d x %s)' % (name, len(exprs), exprs[0])
    return '%s(%s)' % (name, ', '.join(exprs))


def bad_value(v):
    """Why v is not a Lua value (None if it is one)."""
    t = type(v)
    if v is None or t is bool or t is float:
        return None
    if t is str:
        return None if v.isascii() or max(v) <= '\xff' else 'string with code points > 255'
    if getattr(t, 'lua_typename', None) is not None:
        return None
    return 'Python %s' % t.__name__


def check_results(results, nargs):
    """What is wrong with a call's results: more values than it was given
    that do not fit lua5.1's C stack, or values that are not Lua's."""
    if not isinstance(results, (list, tuple)):
        return 'results are a %s' % type(results).__name__
    if len(results) > max(MAXCSTACK, nargs + 1):
        return '%d results' % len(results)
    for v in results:
        why = bad_value(v)
        if why is not None:
            return 'result is a ' + why
        if type(v) is str and 'internal error' in v:
            return 'result: ' + v[:200]
    return None


def call_one(world, rng, options):
    """One input: (description, problem or None, seconds, whether it raised
    a Lua error)."""
    from moonpatch.errors import LuaError
    from moonpatch.runtime import ops
    from moonpatch.runtime.errors import finalize
    from moonpatch.runtime.state import enter_state
    enter_state(world.engine.state)
    name, lib, fn = rng.choice(world.functions)
    exprs = choose_args(rng, lib, name)
    args = [world.values[e] for e in exprs]
    text = describe(name, exprs)
    through_lua = rng.random() < 0.25
    rss = _rss_mb()
    start = time.perf_counter()
    signal.alarm(options.hang)
    problem = results = None
    raised = False
    try:
        try:
            if through_lua:
                r = ops.call(world.caller, [fn] + args)
                results = list(r[0].hash.values()) if r and hasattr(r[0], 'hash') else r
            else:
                results = ops.call(fn, args)
            problem = check_results(results, len(args))
            if problem is None and results and type(results[0]) is type(fn) and len(args) < 50:
                # a function it returned (an iterator, a wrapped coroutine): call it once
                more = [world.values[rng.choice(POOL)] for _ in range(rng.randint(0, 2))]
                text += ' -> result(...)'
                problem = check_results(ops.call(results[0], more), len(more))
        except (LuaError, RecursionError, MemoryError) as e:   # Lua's, finalize says
            value = finalize(e).value
            str(e)
            raised = True
            if type(value) is str and 'internal error' in value:
                problem = value[:300]
        finally:
            signal.alarm(0)
    except Hang:
        problem = 'hang (over %d s)' % options.hang
    except Exception as e:  # noqa: BLE001 (what the fuzzer looks for)
        problem = '%s: %s' % (type(e).__name__, str(e)[:200])
    seconds = time.perf_counter() - start
    if problem is None and seconds > options.slow:
        problem = 'slow: %.1f s' % seconds
    grown = _rss_mb() - rss
    if problem is None and grown > options.memory:
        problem = 'memory: %d MB' % grown
    if name == 'os.tmpname' and problem is None and results:
        try:
            os.remove(results[0])
        except (OSError, TypeError):
            pass
    return text, problem, seconds, raised


def run(seed, count, options):
    rng = random.Random(seed)
    signal.signal(signal.SIGALRM, _on_alarm)
    from moonpatch.runtime.stack import raise_recursion_limit
    raise_recursion_limit()     # what this host's main thread can take
    findings = {}
    seconds = {}            # function -> total time its calls took
    world = None
    ran = errors = 0
    for i in range(count):
        if world is None or i % options.batch == 0:
            world = World()
        text, problem, took, raised = call_one(world, rng, options)
        errors += raised
        name = text.split('(')[0]
        seconds[name] = seconds.get(name, 0.0) + took
        ran += 1
        if problem is not None:
            key = text.split('(')[0] + ': ' + problem.split(':')[0]
            findings.setdefault(key, (text, problem))
            if options.verbose:
                print('%s\n    %s' % (text, problem), flush=True)
            world = None          # a hang or a bug may leave the state inconsistent
    return ran, errors, findings, seconds


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--count', type=int, default=2000)
    p.add_argument('--batch', type=int, default=200, help='calls per fresh engine')
    p.add_argument('--slow', type=float, default=3.0, help='seconds a call may take')
    p.add_argument('--hang', type=int, default=20, help='seconds before a call is stopped')
    p.add_argument('--memory', type=float, default=1024, help='MB a call may add')
    p.add_argument('--json', action='store_true', help='print the summary as JSON')
    p.add_argument('--verbose', action='store_true', help='print each finding as it comes')
    options = p.parse_args(argv)
    start = time.time()
    ran, errors, findings, seconds = run(options.seed, options.count, options)
    if options.json:
        print(json.dumps({'ran': ran, 'errors': errors, 'findings': sorted(findings.values())}))
        return 0
    print('%d inputs (%d raised a Lua error), %d kinds of finding, %.0f s'
          % (ran, errors, len(findings), time.time() - start))
    slowest = sorted(seconds, key=seconds.get, reverse=True)[:5]
    print('slowest functions: ' + ', '.join('%s %.1f s' % (f, seconds[f]) for f in slowest))
    for key in sorted(findings):
        text, problem = findings[key]
        print('%s\n    %s' % (text, problem))
    return 1 if findings else 0


if __name__ == '__main__':
    sys.exit(main())
