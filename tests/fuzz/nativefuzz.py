"""Differential fuzzing of the native tier: random numeric Lua functions of the kind it
compiles, run in moonpatch's interpreter, natively and in tier 1, outputs compared.

    python3 tests/fuzz/nativefuzz.py --seed 1 --count 2000 [--lua51] [--reduce] [--out DIR]
    python3 tests/fuzz/nativefuzz.py --show SEED        prints one program

A program is a few local functions of numbers, booleans and nil (arithmetic with every
operator, comparisons and their negations in ifs and loops, numeric for loops with odd
steps and limits, calls between the functions, bounded self-recursion, tail calls, math
functions, multiple results, a function passed in) and calls of them with edge values
(nan of both signs, +-inf, +-0, 1e308, 5e-324, 2^53, -2^63, ...), each result printed
with %.17g (so -0 and a NaN's sign show, as lua5.1 prints them). It runs in-process in
three tiers (TIERS): the interpreter, every function compiled at its first call and
native where it can be (native=2), and the same with native code off (native=0); the
outputs must be identical, and the native run counts the functions compiled natively
and the entries into native code (a run that compiles nothing natively tests nothing).
`--lua51` compares with lua5.1 too (the programs avoid what moonpatch does like LuaJIT:
no constant -0, no `math.huge` inside the functions).

Each program runs in a forked child (where the host can fork) that the run kills after
--timeout seconds: native code sees no signal until it returns, so a native loop that
never ends would hang the fuzzer. Findings (a difference, a Python exception, a hang,
a crash) are saved in --out as SEED.lua with SEED.txt (each tier's output); --reduce
also writes SEED.min.lua, the program shrunk line by line while it still differs.
"""
import argparse
import contextlib
import io
import json
import os
import random
import re
import signal
import subprocess
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

CHUNK = 'nativefuzz.lua'
FORCED = 'opt.start=hotcall=1,hotloop=1,native=%d'    # every function compiled at once
TIERS = {                   # name: (the JIT command, native code leaving at ticks)
    'interp': ('off', False),
    'native': (FORCED % 2, False),
    'exits': (FORCED % 2, True),
    'tier1': (FORCED % 0, False),
}
EXIT_INTERVAL = 7           # ticks between two exits of native code in the 'exits' tier

# The arguments the calls are made with (V[i] in the program), made at run time: lua5.1
# folds a constant -0 to 0, and 0/0 to nothing (a division by zero is not folded).
EDGE_VALUES = ['0/0', '-(0/0)', '1/zero', '-1/zero', 'zero', '-zero', '1e308', '-1e308',
               '5e-324', '-5e-324', '2^53', '-2^63', '2^53 + 1', '1', '-1', '0.5', '-2.5',
               '3', '7', '10', '100', '0.1', '1e-310', '2.2250738585072014e-308', '1e16',
               '-3.75', '2', '12']
# Constants inside the functions (a constant -0 is `-z`, z a local 0, for the same reason).
CONSTANTS = ['0', '1', '2', '3', '-1', '0.5', '-2.5', '10', '0.1', '1e308', '-1e308',
             '5e-324', '2^53', '-2^63', '1e-300', '7', '(0/0)', '(1/0)', '(-1/0)', '-z',
             '1e15', '0.25']
# An expression of constants only, which lua5.1 folds (a constant -0 to 0, unlike moonpatch,
# which folds as LuaJIT: never to -0 or NaN), so that the generator gives it no operator.
FOLDED = re.compile(r'^[-+*/%^()0-9.e ]*$')
# Steps and limits of numeric for loops besides expressions: fractional, negative, zero,
# nan, infinite.
STEPS = ['1', '1', '2', '-1', '0.5', '-0.25', '0', '(0/0)', '(1/0)', '(-1/0)', '-z', '1e308',
         '2^53', '3']
LIMITS = ['0', '1', '3', '5', '10', '-2', '2.5', '(0/0)', '(1/0)', '(-1/0)', '-z', '1e308',
          '-1e308', '2^53']
MATH1 = ['sqrt', 'abs', 'floor', 'ceil', 'sin', 'cos', 'exp', 'log', 'tan', 'atan', 'asin',
         'acos', 'log10', 'sinh', 'cosh', 'tanh']
MATH2 = ['min', 'max', 'fmod', 'atan2', 'pow']
ARITH = ['+', '-', '*', '/', '%', '^']
COMPARE = ['<', '<=', '>', '>=', '==', '~=']
LOOP_BOUND = 12         # iterations of a loop at most
DEPTH_BOUND = 4         # the depth of a self-recursion at most (two calls of itself at most)
BUDGET = 1000           # statements a call of a function runs at most (a bound, roughly)
RECURSION = 2 ** (DEPTH_BOUND + 1)      # calls a call of a recursive function makes at most
FN_COST = 40            # the cost of a generated function passed as an argument, at most

PRELUDE = '''\
local fmt, tostring, type, select, concat = string.format, tostring, type, select, table.concat
local function show(...)
  local t = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    t[i] = type(v) == 'number' and fmt('%.17g', v) or tostring(v)
  end
  return concat(t, ' ')
end
local function P(name, ...) print(name, show(...)) end
local zero = 0
'''


class Fn:
    """A generated function: its name, parameter types ('n' number, 'b' boolean, 'z'
    nil, 'f' a function of one number, 'd' the recursion depth) and result types."""

    def __init__(self, name, params, results, recursive):
        self.name = name
        self.params = params
        self.results = results
        self.recursive = recursive
        self.cost = 0           # statements a call runs at most, roughly


class Gen:
    """One program, from one seed."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.fns = []
        self.aliases = []       # math functions the main chunk keeps in locals (upvalues)
        self.counter = 0

    # -- names and scopes

    def fresh(self, prefix):
        self.counter += 1
        return '%s%d' % (prefix, self.counter)

    def vars(self, t, assignable=False):
        return [name for name, vt, can in self.scope if vt == t and (can or not assignable)]

    # -- expressions

    def num(self, depth=0):
        r = self.rng.random()
        if depth >= 3 or r < 0.3:
            names = self.vars('n')
            if names and self.rng.random() < 0.75:
                return self.rng.choice(names)
            return self.rng.choice(CONSTANTS)
        if r < 0.62:
            left, right = self.num(depth + 1), self.num(depth + 1)
            if FOLDED.match(left) and FOLDED.match(right):
                right = self.rng.choice(self.vars('n'))
            return '(%s %s %s)' % (left, self.rng.choice(ARITH), right)
        if r < 0.68:
            operand = self.num(depth + 1)
            if FOLDED.match(operand):
                operand = self.rng.choice(self.vars('n'))
            return '(- %s)' % operand      # (a space: `--` starts a comment)
        if r < 0.82:
            return self.math_call(depth)
        if r < 0.94:
            call = self.user_call(depth, 'n')
            if call is not None:
                return call
        fns = self.vars('f')
        if fns and self.spent + LOOP_BOUND ** self.loops * FN_COST <= self.budget:
            self.spent += LOOP_BOUND ** self.loops * FN_COST
            return '(%s(%s))' % (self.rng.choice(fns), self.num(depth + 1))
        return self.num(depth + 1)

    def math_call(self, depth):
        if self.rng.random() < 0.7:
            name = self.rng.choice(MATH1)
            args = [self.num(depth + 1)]
        else:
            name = self.rng.choice(MATH2)
            args = [self.num(depth + 1), self.num(depth + 1)]
        alias = 'm_' + name
        if alias in self.aliases and self.rng.random() < 0.5:
            return '(%s(%s))' % (alias, ', '.join(args))
        return '(math.%s(%s))' % (name, ', '.join(args))

    def bool(self, depth=0):
        r = self.rng.random()
        if depth >= 3 or r < 0.15:
            names = self.vars('b')
            if names and self.rng.random() < 0.7:
                return self.rng.choice(names)
            return self.rng.choice(['true', 'false'])
        if r < 0.6:
            return '(%s %s %s)' % (self.num(depth + 1), self.rng.choice(COMPARE),
                                   self.num(depth + 1))
        if r < 0.7:
            return '(not %s)' % self.bool(depth + 1)
        if r < 0.8:
            return '(%s %s %s)' % (self.bool(depth + 1), self.rng.choice(['==', '~=']),
                                   self.bool(depth + 1))
        if r < 0.88:
            return '(%s %s %s)' % (self.bool(depth + 1), self.rng.choice(['and', 'or']),
                                   self.bool(depth + 1))
        nils = self.vars('z')
        if nils:
            v = self.rng.choice(nils)
            return self.rng.choice(['(%s == nil)', '(%s ~= nil)', '(not %s)']) % v
        call = self.user_call(depth, 'b')
        return call if call is not None else self.bool(depth + 1)

    def condition(self):
        """A condition of an if, while or repeat: a comparison, its negation, a boolean,
        and/or of those."""
        r = self.rng.random()
        if r < 0.4:
            return '%s %s %s' % (self.num(1), self.rng.choice(COMPARE), self.num(1))
        if r < 0.6:
            return 'not (%s %s %s)' % (self.num(1), self.rng.choice(COMPARE), self.num(1))
        if r < 0.8:
            return '%s %s %s' % (self.bool(1), self.rng.choice(['and', 'or']), self.bool(1))
        return self.bool(0)

    def value(self, t, depth=1):
        if t == 'n':
            return self.num(depth)
        if t == 'b':
            return self.bool(depth)
        return 'nil'

    def arguments(self, fn, depth):
        out = []
        for t in fn.params:
            if t == 'd':
                out.append(str(self.rng.randint(0, 2)))
            elif t == 'f':
                out.append(self.function_argument())
            else:
                out.append(self.value(t, depth + 1))
        return ', '.join(out)

    def function_argument(self):
        """A function of one number: a math function, its alias or a generated one."""
        ours = [f.name for f in self.fns if f.params == ['n'] and f.results[:1] == ('n',)
                and f.cost <= FN_COST]
        r = self.rng.random()
        if ours and r < 0.4:
            return self.rng.choice(ours)
        name = self.rng.choice(MATH1)
        if 'm_' + name in self.aliases and r < 0.7:
            return 'm_' + name
        return 'math.' + name

    def user_call(self, depth, t):
        """A call of an earlier function (or of itself, deeper) whose first result is of
        type t, or None."""
        fns = [f for f in self.affordable() if f.results[:1] == (t,)]
        me = self.current
        if me.results[:1] == (t,) and self.may_call_itself():
            fns.append(me)
        if not fns:
            return None
        return '(%s)' % self.call(self.rng.choice(fns), depth)     # (one result)

    def affordable(self):
        """The earlier functions a call here may call within the budget."""
        mult = LOOP_BOUND ** self.loops
        return [f for f in self.fns if self.spent + mult * f.cost <= self.budget]

    def may_call_itself(self):
        """Two calls of itself at most, not in a loop, not in the base case."""
        return self.current.recursive and self.loops == 0 and self.self_calls < 2

    def call(self, fn, depth):
        """A call of fn: another function, or itself one level deeper (with the same
        function argument, so that it is the same native code)."""
        me = self.current
        if fn is not me:
            self.spent += LOOP_BOUND ** self.loops * fn.cost
            return '%s(%s)' % (fn.name, self.arguments(fn, depth))
        self.self_calls += 1
        args = ['d - 1']
        for i, t in enumerate(me.params[1:], 1):
            args.append('a%d' % i if t == 'f' else self.value(t, depth + 1))
        return '%s(%s)' % (me.name, ', '.join(args))

    # -- statements

    def block(self, indent, count, out):
        mark = len(self.scope)
        for _ in range(count):
            self.statement(indent, out)
        del self.scope[mark:]

    def statement(self, indent, out):
        pad = '  ' * indent
        self.spent += LOOP_BOUND ** self.loops
        r = self.rng.random()
        nested = indent < 4
        loop = nested and self.loops < 2 and (
            self.spent + LOOP_BOUND ** (self.loops + 1) * 3 <= self.budget)
        if r < 0.25:
            name = self.fresh('x')
            out.append('%slocal %s = %s' % (pad, name, self.num()))
            self.scope.append((name, 'n', True))
        elif r < 0.35:
            name = self.fresh('b')
            out.append('%slocal %s = %s' % (pad, name, self.bool()))
            self.scope.append((name, 'b', True))
        elif r < 0.5:
            names = self.vars('n', assignable=True)
            if names:
                out.append('%s%s = %s' % (pad, self.rng.choice(names), self.num()))
            else:
                self.statement(indent, out)
        elif r < 0.57:
            self.call_statement(pad, out)
        elif r < 0.72 and nested:
            self.if_statement(indent, out)
        elif r < 0.82 and loop:
            self.for_statement(indent, out)
        elif r < 0.89 and loop:
            self.while_statement(indent, out)
        elif r < 0.92 and loop:
            self.repeat_statement(indent, out)
        elif r < 0.95:
            names = self.vars('b', assignable=True)
            if names:
                out.append('%s%s = %s' % (pad, self.rng.choice(names), self.bool()))
            else:
                out.append('%slocal %s' % (pad, self.fresh('u')))     # a nil
                self.scope.append(('u%d' % self.counter, 'z', False))
        elif indent > 1:
            out.append('%sif %s then %s end' % (pad, self.condition(), self.return_list()))
        else:
            self.statement(indent, out)

    def call_statement(self, pad, out):
        """local p, q, ... = g(...): as many variables as results, or more (nils) or fewer."""
        fns = [f for f in self.affordable() if f.results]
        if not fns:
            return
        fn = self.rng.choice(fns)
        n = max(1, len(fn.results) + self.rng.choice([0, 0, -1, 1]))
        names = [self.fresh('r') for _ in range(n)]
        out.append('%slocal %s = %s' % (pad, ', '.join(names), self.call(fn, 0)))
        for i, name in enumerate(names):
            t = fn.results[i] if i < len(fn.results) else 'z'
            self.scope.append((name, t, t != 'z'))

    def if_statement(self, indent, out):
        pad = '  ' * indent
        out.append('%sif %s then' % (pad, self.condition()))
        self.block(indent + 1, self.rng.randint(1, 3), out)
        for _ in range(self.rng.choice([0, 0, 1, 2])):
            out.append('%selseif %s then' % (pad, self.condition()))
            self.block(indent + 1, self.rng.randint(1, 2), out)
        if self.rng.random() < 0.5:
            out.append('%selse' % pad)
            self.block(indent + 1, self.rng.randint(1, 2), out)
        out.append('%send' % pad)

    def loop_counter(self, pad, out):
        k = self.fresh('k')
        out.append('%slocal %s = 0' % (pad, k))
        self.scope.append((k, 'n', False))
        return k

    def loop_body(self, indent, out):
        self.loops += 1
        self.block(indent + 1, self.rng.randint(1, 3), out)
        self.loops -= 1

    def for_statement(self, indent, out):
        pad = '  ' * indent
        k = self.loop_counter(pad, out)
        r = self.rng.random()
        start = self.num(2) if r < 0.3 else self.rng.choice(['1', '0', '-1', '0.5', '10'])
        limit = self.num(2) if r < 0.5 else self.rng.choice(LIMITS)
        step = self.num(2) if r > 0.85 else self.rng.choice(STEPS)
        i = self.fresh('i')
        bounds = [start, limit] if self.rng.random() < 0.3 else [start, limit, step]
        out.append('%sfor %s = %s do' % (pad, i, ', '.join(bounds)))
        out.append('%s  %s = %s + 1 if %s > %d then break end' % (pad, k, k, k, LOOP_BOUND))
        self.scope.append((i, 'n', self.rng.random() < 0.2))
        self.loop_body(indent, out)
        self.scope.pop()
        out.append('%send' % pad)

    def while_statement(self, indent, out):
        pad = '  ' * indent
        k = self.loop_counter(pad, out)
        self.loops += 1             # (the condition runs at each iteration)
        cond = self.condition()
        self.loops -= 1
        out.append('%swhile %s < %d and (%s) do' % (pad, k, LOOP_BOUND, cond))
        out.append('%s  %s = %s + 1' % (pad, k, k))
        self.loop_body(indent, out)
        out.append('%send' % pad)

    def repeat_statement(self, indent, out):
        pad = '  ' * indent
        k = self.loop_counter(pad, out)
        self.loops += 1
        cond = self.condition()     # (of the variables outside the loop only)
        self.loops -= 1
        out.append('%srepeat' % pad)
        out.append('%s  %s = %s + 1' % (pad, k, k))
        self.loop_body(indent, out)
        bound = '%s >= %d' % (k, LOOP_BOUND)
        tests = [bound, '(%s)' % cond] if self.rng.random() < 0.5 else ['(%s)' % cond, bound]
        out.append('%suntil %s' % (pad, ' or '.join(tests)))

    def return_list(self):
        """`return ...` of the current function's result types: values, a tail call, or
        values then a call for all its results."""
        me = self.current
        n = len(me.results)
        r = self.rng.random()
        fns = self.affordable()
        same = [f for f in fns if f.results == me.results]
        if self.may_call_itself():
            same.append(me)
        if r < 0.25 and same:
            return 'return ' + self.call(self.rng.choice(same), 0)
        tails = [f for f in fns if f.results and f.results == me.results[-len(f.results):]
                 and len(f.results) < n]
        if r < 0.4 and tails:
            fn = self.rng.choice(tails)
            head = [self.value(t) for t in me.results[:n - len(fn.results)]]
            return 'return %s, %s' % (', '.join(head), self.call(fn, 0))
        return ('return ' + ', '.join(self.value(t) for t in me.results)).rstrip()

    # -- functions and the program

    def function(self, index):
        rng = self.rng
        recursive = rng.random() < 0.25
        params = ['d'] if recursive else []
        for _ in range(rng.choice([1, 2, 2, 3, 3, 4])):
            params.append(rng.choices(['n', 'b', 'z', 'f'], [14, 2, 1, 2])[0])
        if not any(t == 'n' for t in params):
            params.append('n')
        results = tuple(rng.choices(['n', 'b'], [5, 1])[0]
                        for _ in range(rng.choice([0, 1, 1, 1, 2, 2, 3])))
        fn = Fn('f%d' % index, params, results, recursive)
        self.current, self.loops, self.spent = fn, 0, 0
        self.budget = BUDGET // RECURSION if recursive else BUDGET
        self.self_calls = 2         # (none in the base case)
        names = ['d' if t == 'd' else 'a%d' % i for i, t in enumerate(params)]
        self.scope = [(name, 'n' if t == 'd' else t, t == 'n' and rng.random() < 0.5)
                      for name, t in zip(names, params)]
        self.scope.append(('z', 'n', False))
        out = ['local function %s(%s)' % (fn.name, ', '.join(names)), '  local z = 0']
        if recursive:
            out.append('  if d <= 0 then %s end' % self.return_list())
        self.self_calls = 0
        self.block(1, rng.randint(2, 7), out)
        out.append('  ' + self.return_list())
        out.append('end')
        fn.cost = self.spent * (RECURSION if recursive else 1)
        self.fns.append(fn)
        return out

    def calls(self, fn):
        out = []
        for _ in range(self.rng.randint(4, 10)):
            args = []
            for t in fn.params:
                if t == 'd':
                    args.append(str(self.rng.randint(0, DEPTH_BOUND)))
                elif t == 'n':
                    args.append('V[%d]' % self.rng.randint(1, len(EDGE_VALUES)))
                elif t == 'b':
                    args.append(self.rng.choice(['true', 'false']))
                elif t == 'z':
                    args.append('nil')
                else:
                    args.append(self.function_argument())
            out.append('P(%r, pcall(%s))' % (fn.name, ', '.join([fn.name] + args)))
        return out

    def program(self) -> str:
        rng = self.rng
        self.aliases = ['m_' + n for n in MATH1 + MATH2 if rng.random() < 0.2]
        lines = [PRELUDE.rstrip('\n')]
        lines += ['local %s = math.%s' % (a, a[2:]) for a in self.aliases]
        lines.append('local V = {%s}' % ', '.join(EDGE_VALUES))
        for i in range(1, rng.randint(2, 6) + 1):
            lines += self.function(i)
        for fn in self.fns:
            lines += self.calls(fn)
        return '\n'.join(lines) + '\n'


def generate(seed: int) -> str:
    return Gen(seed).program()


# ---- running -------------------------------------------------------------------------

class Counts:
    """Compilations with native code, entries into it and exits from it during a run."""

    def __init__(self):
        self.native = 0
        self.refused = []
        self.failed = []        # tier 1's failures (no native code either)
        self.entered = 0
        self.exits = 0
        self.used = set()       # the stencils (group, variant) the native code copied


@contextlib.contextmanager
def counting(counts):
    """Count what the native tier does (in counts) while the block runs."""
    from moonpatch.jit import pipeline
    from moonpatch.jit.native import backend
    native = backend.NativeFunction
    enter, resume = native.enter, native.resume

    def observe(c):
        if c.native is not None:
            counts.native += 1
            counts.used.update(c.native.used)
        elif c.native_refused is not None:
            counts.refused.append(c.native_refused)
        elif c.failed is not None:
            counts.failed.append('tier-1 failed: ' + c.failed)

    def entered(self, *args, **kwargs):
        counts.entered += 1
        return enter(self, *args, **kwargs)

    def resumed(self, *args, **kwargs):
        counts.exits += 1
        return resume(self, *args, **kwargs)
    pipeline.add_pass(-97, 'nativefuzz', observe)
    native.enter, native.resume = entered, resumed     # (the gates look enter up when made)
    try:
        yield
    finally:
        pipeline.remove_pass('nativefuzz')
        native.enter, native.resume = enter, resume


@contextlib.contextmanager
def ticking():
    """A budget armed elsewhere in the process (a sandbox's, say) while the block runs, a
    check every EXIT_INTERVAL ticks, and a tick handler that makes native code leave at
    each (as a hook or a limit does): the interpreter finishes its frames that often."""
    from moonpatch.jit.native import backend
    from moonpatch.runtime import limits
    ticked = backend.ticked

    def leave(ctx):
        ticked(ctx)
        return -1
    elsewhere = limits.arm(limits.Limits())
    interval, limits.INTERVAL = limits.INTERVAL, EXIT_INTERVAL
    backend.ticked = leave
    try:
        yield
    finally:
        backend.ticked = ticked
        limits.INTERVAL = interval
        limits.disarm(elsewhere)


def run_tier(text: str, tier: str, counts=None) -> str:
    """What moonpatch prints for text in a tier of TIERS (a Lua error escaping the chunk
    printed as the command line prints it), counting the native tier's work in counts;
    Python exceptions propagate."""
    from moonpatch.engine import Engine
    from moonpatch.lib.base import load_or_error
    command, exits = TIERS[tier]
    out = io.BytesIO()
    lua = Engine()
    lua.state.stdout = lua.state.stderr = out
    lua.jit_command(command)
    with contextlib.ExitStack() as stack:
        stack.enter_context(counting(counts or Counts()))
        if exits:
            stack.enter_context(ticking())
        ok, msg = lua.do_chunk(load_or_error(text, '@' + CHUNK))
        if not ok:
            out.write(('moonpatch: %s\n' % msg).encode('latin-1'))
    lua.close()
    return out.getvalue().decode('latin-1')


def run_all(text: str) -> dict:
    """{'outputs': {tier: output or the Python traceback}, 'crashed': [tiers], 'native':
    compilations made native, 'entered': native entries, 'refused': why not native (in
    the native tier), 'exits': native exits (in the exits tier)}."""
    outputs, crashed = {}, []
    counts = {tier: Counts() for tier in TIERS}
    for tier in TIERS:
        try:
            outputs[tier] = run_tier(text, tier, counts[tier])
        except BaseException:       # noqa: B036 - any Python exception is a finding
            outputs[tier] = traceback.format_exc()
            crashed.append(tier)
    native = counts['native']
    return {'outputs': outputs, 'crashed': crashed, 'native': native.native,
            'entered': native.entered, 'refused': native.refused + native.failed,
            'exits': counts['exits'].exits, 'used': sorted(native.used)}


def run_isolated(text: str, timeout: float) -> dict:
    """run_all in a forked child killed after timeout seconds ({'hang': True}), or that
    died ({'died': status}); in-process where the host cannot fork."""
    if not hasattr(os, 'fork'):
        return run_all(text)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:        # the child
        os.close(read)
        try:
            data = json.dumps(run_all(text)).encode()
            with os.fdopen(write, 'wb') as f:
                f.write(data)
        finally:
            os._exit(0)
    os.close(write)
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        with os.fdopen(read, 'rb') as f:
            data = f.read()
        signal.setitimer(signal.ITIMER_REAL, 0)
        _, status = os.waitpid(pid, 0)
    except TimeoutError:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return {'hang': True}
    if not data:
        return {'died': status}
    return json.loads(data)


def _alarm(signum, frame):
    raise TimeoutError


def warm_up():
    """Import the JIT and assemble the stencils once, before the children fork."""
    run_all(generate(0))


def lua51(text: str) -> str:
    p = subprocess.run(['lua5.1', '-'], input=text.encode('latin-1'), capture_output=True,
                       timeout=60)
    return (p.stdout + p.stderr).decode('latin-1').replace('lua5.1: stdin:', 'moonpatch: ' +
                                                             CHUNK + ':')


def problem(result: dict, reference=None):
    """What is wrong with a result of run_all/run_isolated: None (nothing), or a pair
    (what, known): known names the cause of a difference already reported (KNOWN), or
    is None."""
    if result.get('hang'):
        return 'hang', None
    if 'died' in result:
        return 'died (status %d)' % result['died'], None
    if result['crashed']:
        return 'Python exception in ' + ', '.join(result['crashed']), None
    outs = result['outputs']
    caught = [tier for tier, out in outs.items() if 'internal error' in out]
    if caught:      # (a Python exception that a pcall caught)
        return 'Python exception in ' + ', '.join(caught), None
    for tier, what in (('native', 'native differs from the interpreter'),
                       ('exits', 'native with exits differs from the interpreter'),
                       ('tier1', 'tier 1 differs from the interpreter')):
        if outs[tier] != outs['interp']:
            return what, known(outs, tier)
    if reference is not None and reference != outs['interp']:
        return 'the interpreter differs from lua5.1', None
    return None


def nan_sign_only(a: str, b: str) -> bool:
    return a != b and a.replace('-nan', 'nan') == b.replace('-nan', 'nan')


def nan_signs(outs, tier) -> bool:
    """Every line that differs from the interpreter's differs in NaN signs only. NaN op NaN
    gives one of the two NaNs: x86-64 (native code, lua5.1) and CPython's specialised
    BINARY_OP (warm code, such as the interpreter's) the first, CPython's float_mul and
    float_add the second, and tier 1's code runs cold (also in the native runs: behind a
    native function's gate, for arguments of other types or functions, and where a function
    is not native). Which Python code runs warm depends on the host (CPython 3.10 never
    specialises), so where this comes from native code the stencil tests (tests/native),
    which compare NaN signs on edge values, are the check."""
    ours, theirs = outs[tier].splitlines(), outs['interp'].splitlines()
    return len(ours) == len(theirs) and all(
        x == y or nan_sign_only(x, y) for x, y in zip(ours, theirs))


KNOWN = {'nan-sign': nan_signs}


def known(outs, tier):
    for name, explains in KNOWN.items():
        if explains(outs, tier):
            return name
    return None


def reduce(text: str, still_fails) -> str:
    """text with lines (then single lines) removed while still_fails(text) holds."""
    lines = text.split('\n')
    size = max(1, len(lines) // 4)
    while True:
        i, removed = 0, False
        while i < len(lines):
            attempt = lines[:i] + lines[i + size:]
            if still_fails('\n'.join(attempt)):
                lines, removed = attempt, True
            else:
                i += size
        if size == 1 and not removed:
            return '\n'.join(lines)
        size = max(1, size // 2)


def first_difference(a: str, b: str) -> str:
    for x, y in zip(a.splitlines(), b.splitlines()):
        if x != y:
            return '%s\n  vs %s' % (x, y)
    return '(one output is longer)'


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=200)
    ap.add_argument('--show', type=int, help='print the program of a seed')
    ap.add_argument('--lua51', action='store_true', help='compare with lua5.1 too')
    ap.add_argument('--reduce', action='store_true')
    ap.add_argument('--timeout', type=float, default=30.0)
    ap.add_argument('--out', default='/tmp/moonpatch-nativefuzz')
    args = ap.parse_args(argv)
    if args.show is not None:
        sys.stdout.write(generate(args.show))
        return 0
    os.makedirs(args.out, exist_ok=True)
    warm_up()
    found, functions, native, entered, exits, with_native = 0, 0, 0, 0, 0, 0
    refusals, known_found = {}, {}
    for seed in range(args.seed, args.seed + args.count):
        text = generate(seed)
        functions += text.count('\nlocal function f')
        result = run_isolated(text, args.timeout)
        reference = lua51(text) if args.lua51 else None
        if 'outputs' in result:
            native += result['native']
            entered += result['entered']
            exits += result['exits']
            with_native += result['native'] > 0
            for why in result['refused']:
                key = ' '.join(w for w in why.split() if not w.isdigit())
                refusals[key] = refusals.get(key, 0) + 1
        found_here = problem(result, reference)
        if found_here is None:
            continue
        why, cause = found_here
        if cause is not None:
            known_found[cause] = known_found.get(cause, 0) + 1
            print('seed %d: %s (known: %s)' % (seed, why, cause), flush=True)
            continue
        found += 1
        print('seed %d: %s' % (seed, why), flush=True)
        save(args.out, seed, text, result, reference, why)
        if args.reduce:
            def still_fails(t):
                r = run_isolated(t, args.timeout)
                return problem(r, lua51(t) if args.lua51 else None) == found_here
            small = reduce(text, still_fails)
            with open(os.path.join(args.out, '%d.min.lua' % seed), 'w') as f:
                f.write(small)
    print('%d programs (%d functions): %d findings; %d programs ran native code, %d native '
          'compilations, %d native entries, %d exits' % (args.count, functions, found,
                                                         with_native, native, entered, exits))
    for cause, n in sorted(known_found.items()):
        print('  known %5d  %s' % (n, cause))
    for why, n in sorted(refusals.items(), key=lambda kv: -kv[1])[:12]:
        print('  refused %5d  %s' % (n, why))
    return 1 if found else 0


def save(folder, seed, text, result, reference, why):
    with open(os.path.join(folder, '%d.lua' % seed), 'w') as f:
        f.write(text)
    with open(os.path.join(folder, '%d.txt' % seed), 'w') as f:
        f.write(why + '\n')
        for tier, out in result.get('outputs', {}).items():
            f.write('---- %s\n%s\n' % (tier, out))
        if reference is not None:
            f.write('---- lua5.1\n%s\n' % reference)
        outs = result.get('outputs')
        if outs:
            f.write('---- first difference (native vs interp)\n%s\n'
                    % first_difference(outs['native'], outs['interp']))


if __name__ == '__main__':
    sys.exit(main())
