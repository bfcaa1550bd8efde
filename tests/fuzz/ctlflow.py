"""Random control-flow programs for the code generator: nested loops of
every kind, breaks, gotos, closures capturing loop locals and returns in
both branches of ifs, the shapes whose jump lists and upvalue closing
(UCLO) the code generator must get right.

A program is a few functions and a main-chunk part, each a random block.
Every value is a small integer, nil or a boolean, so lua5.1 and luajit
print the same; every loop and backward goto has a counter that bounds it;
closures go to the table `fns` (at most 40) and are called at the end.
Programs without goto are compared with lua5.1, programs with goto (the
LuaJIT dialect) with luajit. A goto program is valid unless it was made
`risky` (forward gotos to labels in the middle of a block, which may jump
into the scope of a local): then luajit's compile error is the output.

    python3 tests/fuzz/ctlflow.py --seed 1 --count 300     compare with the references
    python3 tests/fuzz/ctlflow.py --seed 7 --show          print one program
    python3 tests/fuzz/ctlflow.py --corpus N               rewrite ctlflow_corpus/
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

CHUNK = 'ctl.lua'
CORPUS = os.path.join(HERE, 'ctlflow_corpus')

PRELUDE = '''local fns = {}
local function keep(f) if #fns < 40 then fns[#fns + 1] = f end end
local function range(n) return function(s, i) if i < s then return i + 1 end end, n, 0 end
'''

EPILOGUE = '''for k = 1, #fns do print("fn", k, fns[k]()) end
for k = 1, #fns, 3 do print("again", k, fns[k]()) end
'''


class Ctx:
    """Where the generator is: visible locals (innermost scope last), the
    enclosing loops and the labels a goto may name in the current function."""

    def __init__(self):
        self.scopes = [[]]
        self.loops = 0
        self.labels = []            # (name, counter or None) of visible labels
        self.depth = 0
        self.main = False           # main-chunk code: a return would skip the epilogue

    def repeats(self):
        """How many loops and backward gotos run what is generated here."""
        return self.loops + sum(1 for _, counter in self.labels if counter is not None)

    def visible(self):
        return [v for scope in self.scopes for v in scope]


class ControlFlowGen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.gotos = self.r.random() < 0.5
        self.risky = self.gotos and self.r.random() < 0.15
        self.n = 0
        self.counters = set()       # locals that bound a loop or goto: never assigned
        self.budget = self.r.randint(40, 160)   # statements left before blocks stay flat

    def fresh(self, prefix):
        self.n += 1
        return '%s%d' % (prefix, self.n)

    # ---- expressions ------------------------------------------------------------

    def var(self, ctx):
        names = ctx.visible()
        return self.r.choice(names) if names else None

    def value(self, ctx):
        r = self.r
        v = self.var(ctx)
        if v is None or r.random() < 0.25:
            return str(r.randint(0, 9))
        return '(%s or 0)' % v

    def expr(self, ctx):
        r = self.r
        k = r.random()
        if k < 0.4:
            return self.value(ctx)
        if k < 0.7:
            return '(%s + %s) %% 1000' % (self.value(ctx), self.value(ctx))
        if k < 0.85:
            return '(%s * %d + %d) %% 1000' % (self.value(ctx), r.randint(2, 5), r.randint(0, 9))
        if k < 0.93:
            v = self.var(ctx)
            return v if v is not None else 'nil'
        return r.choice(('nil', 'false'))      # never true: values meet arithmetic

    def cond(self, ctx):
        r = self.r
        k = r.random()
        if k < 0.08:
            return r.choice(('true', 'false', 'nil', '1', 'not nil'))
        if k < 0.3:
            return '%s %% 2 == %d' % (self.value(ctx), r.randint(0, 1))
        if k < 0.5:
            return '%s %s %s' % (self.value(ctx), r.choice(('<', '<=', '>', '>=', '~=')),
                                 self.value(ctx))
        if k < 0.62:
            v = self.var(ctx)
            return ('%s == nil' if r.random() < 0.5 else 'not %s') % v if v else 'false'
        if k < 0.8:
            return '(%s) %s (%s)' % (self.cond(ctx), r.choice(('and', 'or')), self.cond(ctx))
        return '%s > %d' % (self.value(ctx), r.randint(0, 12))

    # ---- statements -------------------------------------------------------------

    def declare(self, ctx, name):
        ctx.scopes[-1].append(name)
        return name

    def counter(self, ctx, prefix):
        name = self.declare(ctx, self.fresh(prefix))
        self.counters.add(name)
        return name

    def assignable(self, ctx):
        names = [v for v in ctx.visible() if v not in self.counters]
        return self.r.choice(names) if names else None

    def block(self, ctx, ind, nstats, must_end=False, repeat_body=False):
        """The statements of a block in a new scope; the scope stays open for
        a repeat body (its condition sees the locals): the caller closes it."""
        r = self.r
        out = []
        ctx.scopes.append([])
        labels_before = len(ctx.labels)
        end_label = None
        if self.gotos and not repeat_body and r.random() < 0.3:
            end_label = self.fresh('e')
            ctx.labels.append((end_label, None))
        if self.gotos and ctx.repeats() < 3 and r.random() < 0.2:
            counter = self.counter(ctx, 'g')
            label = self.fresh('b')
            out.append('%slocal %s = 0' % (ind, counter))
            out.append('%s::%s::' % (ind, label))
            out.append('%s%s = %s + 1' % (ind, counter, counter))
            ctx.labels.append((label, counter))
        for _ in range(nstats):
            out.extend(self.statement(ctx, ind))
        if must_end or r.random() < 0.25:
            term = self.terminator(ctx, ind, allow_last=end_label is None)
            out.extend(term)
        if end_label is not None:
            out.append('%s::%s::' % (ind, end_label))
        del ctx.labels[labels_before:]
        if not repeat_body:
            ctx.scopes.pop()
        return out

    def terminator(self, ctx, ind, allow_last=True):
        """The statement that ends a block: break, return or goto."""
        r = self.r
        kinds = []
        if allow_last:
            if not ctx.main:
                kinds.append('return')
            if ctx.loops:
                kinds += ['break', 'break']
        if ctx.labels:
            kinds += ['goto', 'goto']
        if not kinds:
            return []
        k = r.choice(kinds)
        if k == 'break':
            return ['%sbreak' % ind]
        if k == 'return':
            n = r.randint(0, 2)
            vals = ['"%s"' % self.fresh('r')] + [self.expr(ctx) for _ in range(n)]
            return ['%sreturn %s' % (ind, ', '.join(vals))]
        return self.goto(ctx, ind)

    def goto(self, ctx, ind):
        name, counter = self.r.choice(ctx.labels)
        if counter is None:
            return ['%sgoto %s' % (ind, name)]
        return ['%sif %s < 3 then goto %s end' % (ind, counter, name)]

    def statement(self, ctx, ind):
        r = self.r
        self.budget -= 1
        deep = ctx.depth >= 4 or self.budget <= 0
        kinds = ['local', 'local', 'assign', 'print', 'print', 'capture', 'capture']
        if not deep:
            kinds += ['if', 'if', 'ifterm', 'do']
            if ctx.repeats() < 3:
                kinds += ['for', 'forin', 'while', 'repeat']
            if ctx.depth < 2:
                kinds.append('function')
        if self.risky and ctx.labels:
            kinds.append('midlabel')
        k = r.choice(kinds)
        return getattr(self, 'st_' + k)(ctx, ind)

    def nested(self, ctx):
        ctx.depth += 1
        return self.r.randint(1, 4)

    def st_local(self, ctx, ind):
        r = self.r
        n = r.randint(1, 2)
        values = [self.expr(ctx) for _ in range(r.randint(0, n))]
        names = [self.fresh('v') for _ in range(n)]
        if r.random() < 0.2 and self.assignable(ctx):   # shadow a visible name
            names[0] = self.assignable(ctx)
        for name in names:
            self.declare(ctx, name)
        if not values:
            return ['%slocal %s' % (ind, ', '.join(names))]
        return ['%slocal %s = %s' % (ind, ', '.join(names), ', '.join(values))]

    def st_assign(self, ctx, ind):
        v = self.assignable(ctx)
        if v is None:
            return self.st_local(ctx, ind)
        return ['%s%s = %s' % (ind, v, self.expr(ctx))]

    def st_print(self, ctx, ind):
        vals = ['"%s"' % self.fresh('p')] + [self.expr(ctx) for _ in range(self.r.randint(0, 2))]
        return ['%sprint(%s)' % (ind, ', '.join(vals))]

    def st_capture(self, ctx, ind):
        """A closure reading or updating locals (loop locals among them)."""
        r = self.r
        names = ctx.visible()
        picked = r.sample(names, min(len(names), r.randint(1, 3))) if names else []
        tag = '"%s"' % self.fresh('c')
        v = self.assignable(ctx)
        if v is None or r.random() < 0.5:
            return ['%skeep(function() return %s end)' % (ind, ', '.join([tag] + picked))]
        return ['%skeep(function() %s = (%s or 0) + 1 return %s end)'
                % (ind, v, v, ', '.join([tag] + picked))]

    def cond_block(self, ctx, ind, must_end=False):
        saved = ctx.depth
        body = self.block(ctx, ind + '  ', self.nested(ctx), must_end=must_end)
        ctx.depth = saved
        return body

    def st_if(self, ctx, ind, must_end=False):
        r = self.r
        out = ['%sif %s then' % (ind, self.cond(ctx))]
        out += self.cond_block(ctx, ind, must_end)
        for _ in range(r.randint(0, 2)):
            out.append('%selseif %s then' % (ind, self.cond(ctx)))
            out += self.cond_block(ctx, ind, must_end)
        if must_end or r.random() < 0.6:
            out.append('%selse' % ind)
            out += self.cond_block(ctx, ind, must_end)
        out.append('%send' % ind)
        return out

    def st_ifterm(self, ctx, ind):
        """An if whose every branch ends with break, return or goto."""
        return self.st_if(ctx, ind, must_end=True)

    def loop_body(self, ctx, ind, repeat_body=False):
        saved = ctx.depth
        ctx.loops += 1
        body = self.block(ctx, ind + '  ', self.nested(ctx), repeat_body=repeat_body)
        ctx.loops -= 1
        ctx.depth = saved
        return body

    def st_for(self, ctx, ind):
        r = self.r
        i = self.fresh('i')
        if r.random() < 0.3:
            head = '%s = %d, 1, -1' % (i, r.randint(1, 3))
        elif r.random() < 0.3:
            head = '%s = 1, %s %% 3 + 1' % (i, self.value(ctx))
        else:
            head = '%s = %d, %d' % (i, r.randint(0, 1), r.randint(1, 3))
        return self.for_loop(ctx, ind, head, [i])

    def st_forin(self, ctx, ind):
        r = self.r
        k, v = self.fresh('k'), self.fresh('x')
        source = r.choice(('ipairs({%d, %d, %d})', 'pairs({%d, %d})', 'next, {%d, %d, %d}',
                           'range(%d)'))
        source = source % tuple(r.randint(1, 3) for _ in range(source.count('%d')))
        names = [k] if source.startswith('range') else [k, v]
        return self.for_loop(ctx, ind, '%s in %s' % (', '.join(names), source), names)

    def for_loop(self, ctx, ind, head, names):
        """`for head do ... end` whose body sees the loop variables names."""
        out = ['%sfor %s do' % (ind, head)]
        ctx.scopes.append(names)
        out += self.loop_body(ctx, ind)
        ctx.scopes.pop()
        out.append('%send' % ind)
        return out

    def st_while(self, ctx, ind):
        r = self.r
        w = self.counter(ctx, 'w')
        out = ['%slocal %s = 0' % (ind, w)]
        if r.random() < 0.3:
            out.append('%swhile true do' % ind)
            out.append('%s  %s = %s + 1 if %s > %d then break end' % (ind, w, w, w,
                                                                      r.randint(1, 3)))
        else:
            extra = ' and (%s)' % self.cond(ctx) if r.random() < 0.3 else ''
            out.append('%swhile %s < %d%s do' % (ind, w, r.randint(1, 3), extra))
            out.append('%s  %s = %s + 1' % (ind, w, w))
        out += self.loop_body(ctx, ind)
        out.append('%send' % ind)
        return out

    def st_repeat(self, ctx, ind):
        r = self.r
        c = self.counter(ctx, 'u')
        out = ['%slocal %s = 0' % (ind, c), '%srepeat' % ind, '%s  %s = %s + 1' % (ind, c, c)]
        out += self.loop_body(ctx, ind, repeat_body=True)
        cond = self.cond(ctx) if r.random() < 0.5 else 'false'
        ctx.scopes.pop()                # the body's scope, seen by the condition
        out.append('%suntil %s >= %d or %s' % (ind, c, r.randint(1, 3), cond))
        return out

    def st_do(self, ctx, ind):
        saved = ctx.depth
        ctx.depth += 1
        out = ['%sdo' % ind] + self.block(ctx, ind + '  ', self.r.randint(1, 4))
        ctx.depth = saved
        out.append('%send' % ind)
        return out

    def st_function(self, ctx, ind):
        """A closure with a body of its own (loops and labels do not cross it)."""
        inner = Ctx()
        inner.scopes = ctx.scopes + [['a']]
        inner.depth = ctx.depth + 1
        body = self.block(inner, ind + '  ', self.r.randint(1, 4), must_end=True)
        head = '%skeep(function(a)' % ind
        call = '%sprint("call%d", fns[#fns] and 1)' % (ind, self.n)
        return [head] + body + ['%send)' % ind, call]

    def st_midlabel(self, ctx, ind):
        """risky: a goto forward to a label later in this block, maybe past a local."""
        label = self.fresh('m')
        out = ['%sdo' % ind, '%s  goto %s' % (ind, label)]
        if self.r.random() < 0.5:
            out.append('%s  local %s = 1' % (ind, self.fresh('v')))
        out += ['%s  ::%s::' % (ind, label), '%s  print("m%d")' % (ind, self.n), '%send' % ind]
        return out

    # ---- programs ---------------------------------------------------------------

    def program(self):
        r = self.r
        out = [PRELUDE]
        calls = []
        for f in range(r.randint(1, 3)):
            ctx = Ctx()
            ctx.scopes = [['p', 'q']]
            name = 'f%d' % f
            out.append('local function %s(p, q)' % name)
            out += self.block(ctx, '  ', r.randint(2, 6), must_end=r.random() < 0.5)
            out.append('end')
            for _ in range(2):
                calls.append('print("%s", %s(%d, %d))' % (name, name, r.randint(0, 4),
                                                         r.randint(0, 4)))
        out += calls
        ctx = Ctx()
        ctx.main = True
        out += self.block(ctx, '', r.randint(1, 4))
        return '\n'.join(out) + '\n' + EPILOGUE


def generate(seed):
    """(program text, reference engine, risky) for a seed."""
    gen = ControlFlowGen(seed)
    text = gen.program()
    return text, 'luajit' if gen.gotos else 'lua5.1', gen.risky


# ---- running and comparing ----------------------------------------------------------

def run_reference(engine, text, name=CHUNK, timeout=10):
    """What `engine NAME 2>&1` prints (None if it timed out)."""
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, name), 'wb') as f:
            f.write(text.encode('latin-1'))
        try:
            p = subprocess.run([engine, name], cwd=d, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        return p.stdout.decode('latin-1').replace(engine + ':', 'moonpatch:')


def write_corpus(count):
    """ctlflow_corpus/NNN.lua and .expected from the references (seeds 1..count)."""
    shutil.rmtree(CORPUS, ignore_errors=True)
    os.makedirs(CORPUS)
    for seed in range(1, count + 1):
        text, engine, _ = generate(seed)
        text = '-- generated by: python3 tests/fuzz/ctlflow.py --seed %d --show (%s)\n%s' \
            % (seed, engine, text)
        with open(os.path.join(CORPUS, '%03d.lua' % seed), 'wb') as f:
            f.write(text.encode('latin-1'))
        with open(os.path.join(CORPUS, '%03d.expected' % seed), 'wb') as f:
            f.write(run_reference(engine, text, '%03d.lua' % seed).encode('latin-1'))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=100)
    ap.add_argument('--show', action='store_true', help='print the program of --seed')
    ap.add_argument('--corpus', type=int, metavar='N', help='rewrite the corpus (seeds 1..N)')
    ap.add_argument('--timeout', type=float, default=20)
    args = ap.parse_args(argv)
    if args.show:
        print(generate(args.seed)[0], end='')
        return 0
    if args.corpus:
        write_corpus(args.corpus)
        return 0
    import diff
    worker = diff.Worker()
    failures = 0
    counts = {}
    for seed in range(args.seed, args.seed + args.count):
        text, engine, _ = generate(seed)
        expected = run_reference(engine, text)
        ans = worker.request({'text': text, 'name': CHUNK}, args.timeout)
        if 'out' in ans and not ans['crash'] and ans['out'] == expected:
            status = 'same'
        else:
            status = 'crash' if ans.get('crash') else 'hang' if ans.get('hang') else \
                'died' if 'died' in ans else 'diff'
            failures += 1
            print('seed %d (%s): %s' % (seed, engine, status))
            if ans.get('crash'):
                print(ans['crash'].strip().splitlines()[-1])
        if expected is not None and ('error' in expected.split('\n')[0] or
                                     expected.startswith('moonpatch:')):
            status += '/compile-error'
        counts[status] = counts.get(status, 0) + 1
    worker.stop()
    summary = ', '.join('%s %d' % kv for kv in sorted(counts.items()))
    print('%d programs: %s' % (args.count, summary))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
