"""Differential fuzzing: random programs (gen.py) run on lua5.1 and on
moonpatch, outputs compared byte for byte.

    python3 tests/fuzz/diff.py --seed 1 --count 500 [--jobs 2] [--out DIR]

moonpatch runs in worker processes (in-process Engine, as the tests do), so
a hang is cut by --timeout and a crash does not stop the run. Each program
that differs is saved in DIR (default /tmp/moonpatch-fuzz) as SEED.lua with
SEED.expected (lua5.1), SEED.got (moonpatch) and, for a Python exception,
SEED.crash; with --reduce, SEED.min.lua is the smallest program found that
still differs. The summary groups the differences by their first differing
line with digits and generated names masked; programs whose every differing
line a reported difference explains (KNOWN) count as known:NAME.

    --seeds 5,9        replay some seeds      --kinds arith,errors   some templates
    --features string  library features      --snippets 8           program size
"""
import argparse
import json
import os
import queue
import re
import select
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import gen  # noqa: E402
import runner  # noqa: E402

CHUNK = 'fuzz.lua'


# ---- the moonpatch worker ----------------------------------------------------------

def worker_main():
    """Read {"text": ...} lines, answer {"out", "crash", "time"} lines."""
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    except (ImportError, ValueError, OSError):
        pass
    for line in sys.stdin:
        req = json.loads(line)
        if req.get('probe'):
            sys.stdout.write(json.dumps({'features': runner.detect_features()}) + '\n')
            sys.stdout.flush()
            continue
        t = time.time()
        out, crash = runner.safe_run_moonpatch(req['text'], '@' + req.get('name', CHUNK),
                                               req.get('tier', 'jit'))
        sys.stdout.write(json.dumps({'out': out, 'crash': crash, 'time': time.time() - t}) + '\n')
        sys.stdout.flush()


class Worker:
    """A moonpatch worker process, restarted after a hang or a death."""

    def __init__(self):
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen([sys.executable, os.path.abspath(__file__), '--worker'],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     cwd=HERE, text=True, encoding='latin-1')

    def stop(self):
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def request(self, req, timeout):
        """The worker's answer, or {'hang': True} / {'died': code}."""
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        try:
            self.proc.stdin.write(json.dumps(req) + '\n')
            self.proc.stdin.flush()
        except BrokenPipeError:
            self.stop()
            return {'died': 'broken pipe'}
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            self.stop()
            return {'hang': True}
        line = self.proc.stdout.readline()
        if not line:
            code = self.proc.wait()
            self.proc = None
            return {'died': code}
        return json.loads(line)


# ---- comparing ----------------------------------------------------------------------

def run_lua51_text(text, timeout=10):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, CHUNK)
        with open(path, 'wb') as f:
            f.write(text.encode('latin-1'))
        return runner.run_lua51(path, timeout)


def compare(worker, text, timeout, tier='jit'):
    """A result dict: status is 'same', 'diff', 'crash', 'hang', 'died' or
    'invalid' (lua5.1 failed: a generator bug); tier: moonpatch's, from
    runner.TIERS."""
    expected, ok = run_lua51_text(text)
    if not ok:
        return {'status': 'invalid', 'expected': expected}
    ans = worker.request({'text': text, 'tier': tier}, timeout)
    if ans.get('hang'):
        return {'status': 'hang', 'expected': expected}
    if 'died' in ans:
        return {'status': 'died', 'expected': expected, 'crash': 'worker died: %s' % ans['died']}
    res = {'expected': expected, 'got': ans['out'], 'time': ans['time']}
    if ans['crash']:
        res.update(status='crash', crash=ans['crash'])
    elif ans['out'] == expected:
        res['status'] = 'same'
    else:
        known = known_class(res)
        res['status'] = 'known:' + known if known else 'diff'
    return res


# Differences already reported and not fixed yet (tests/fuzz/repro/): a pair
# of lines that one of these explains does not make a program a new failure.
# Remove an entry when its bug is fixed, so that a regression shows.
def _same_but_nan_signs(a, b):
    nan = re.compile(r'-nan\b')
    return a != b and nan.sub('nan', a) == nan.sub('nan', b)


KNOWN = {
    # The sign of a NaN made from two NaNs (nan + -nan) is the host's:
    # CPython 3.11 gives one sign in code its specialising interpreter has
    # not yet warmed up and the other after, so compiled code (new code
    # objects) and the interpreter may differ (see test_fuzz_corpus.py).
    'nan_sign': _same_but_nan_signs,
}


def known_class(res):
    """The name of the known difference explaining every differing line, or None."""
    exp, got = res['expected'].split('\n'), res['got'].split('\n')
    if len(exp) != len(got):
        return None
    names = set()
    for a, b in zip(exp, got):
        if a != b:
            hit = [k for k, f in KNOWN.items() if f(a, b)]
            if not hit:
                return None
            names.add(hit[0])
    return ','.join(sorted(names)) or None


MASKS = [(re.compile(r'\b[a-z]+\d+\b'), 'V'), (re.compile(r'\d+(\.\d+)?(e[-+]?\d+)?'), '9'),
         (re.compile(r"'[^']*'"), "'S'")]


def mask(line):
    for rx, rep in MASKS:
        line = rx.sub(rep, line)
    return line[:120]


def signature(res):
    """What groups differences of one kind."""
    if res['status'] in ('crash', 'died'):
        tb = res.get('crash', '').strip().splitlines()
        where = [x.strip() for x in tb if x.strip().startswith('File ')]
        return '%s: %s @ %s' % (res['status'], tb[-1][:100] if tb else '?',
                                where[-1][-80:] if where else '?')
    if res['status'] != 'diff':
        return res['status']
    exp, got = res['expected'].splitlines(), res['got'].splitlines()
    for a, b in zip(exp, got):
        if a != b:
            return 'diff: %s  ||  %s' % (mask(a), mask(b))
    return 'diff: length %d vs %d lines' % (len(exp), len(got))


def same_failure(worker, text, timeout, want):
    """For reduce(): does this program still differ in the same way?"""
    res = compare(worker, text, timeout)
    if res['status'] in ('same', 'invalid') or res['status'].startswith('known'):
        return False
    if want.startswith('diff'):
        return res['status'] == 'diff'
    return signature(res).split(' @ ')[0] == want.split(' @ ')[0]


def reduce(worker, text, timeout, want):
    """A smaller program failing the same way: first keep one snippet, then
    drop lines of it (delta debugging)."""
    parts = re.split(r'(?m)^(?=-- \d+: )', text)
    prelude, snippets = parts[0], parts[1:]
    for s in snippets:
        if same_failure(worker, prelude + s, timeout, want):
            text = prelude + s
            break
    lines = text.split('\n')
    head_n = next((i for i, x in enumerate(lines) if re.match(r'-- \d+: ', x)), 0) + 2
    tail_n = max(i for i, x in enumerate(lines) if x.rstrip('\r') in ('end))', 'end))))'))
    head, body, tail = lines[:head_n], lines[head_n:tail_n], lines[tail_n:]
    n = 2
    while body:
        chunk = max(1, len(body) // n)
        for i in range(0, len(body), chunk):
            cand = body[:i] + body[i + chunk:]
            if same_failure(worker, '\n'.join(head + cand + tail), timeout, want):
                body = cand
                n = max(n - 1, 2)
                break
        else:
            if chunk == 1:
                break
            n = min(n * 2, len(body))
    return '\n'.join(head + body + tail)


# ---- the run --------------------------------------------------------------------------

def save(outdir, seed, text, res, reduced=None):
    base = os.path.join(outdir, str(seed))
    with open(base + '.lua', 'wb') as f:
        f.write(text.encode('latin-1'))
    for ext, key in (('.expected', 'expected'), ('.got', 'got'), ('.crash', 'crash')):
        if res.get(key):
            with open(base + ext, 'wb') as f:
                f.write(res[key].encode('latin-1'))
    if reduced:
        with open(base + '.min.lua', 'wb') as f:
            f.write(reduced.encode('latin-1'))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=100)
    ap.add_argument('--seeds', help='comma list of seeds to run instead of --seed/--count')
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 1)
    ap.add_argument('--timeout', type=float, default=60.0,
                    help='seconds before moonpatch counts as hung')
    ap.add_argument('--features', default='auto',
                    help='auto (what moonpatch passes), all, or a comma list of %s'
                    % ','.join(gen.LIB_FEATURES))
    ap.add_argument('--kinds', help='comma list of snippet templates (default: all)')
    ap.add_argument('--snippets', type=int, help='snippets per program (default 3..8)')
    ap.add_argument('--dump', action='store_true',
                    help='run every snippet through string.dump and loadstring')
    ap.add_argument('--out', default=os.path.join(tempfile.gettempdir(), 'moonpatch-fuzz'))
    ap.add_argument('--reduce', action='store_true', help='shrink each new kind of failure')
    ap.add_argument('--quiet', action='store_true')
    ap.add_argument('--tier', choices=sorted(runner.TIERS), default='jit',
                    help="moonpatch's execution tier: interp (JIT off), jit (the default) or "
                    "forced (every function compiled at its first call)")
    ap.add_argument('--save-known', action='store_true', help='also save programs with known '
                                                              'differences')
    ap.add_argument('--worker', action='store_true', help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.worker:
        return worker_main()

    if a.features == 'auto':
        w = Worker()
        feats = w.request({'probe': True}, 120).get('features', [])
        w.stop()
    elif a.features == 'all':
        feats = list(gen.LIB_FEATURES)
    else:
        feats = [f for f in a.features.split(',') if f]
    kinds = a.kinds.split(',') if a.kinds else None
    os.makedirs(a.out, exist_ok=True)
    print('features: %s; failures saved in %s' % (','.join(feats) or '(base only)', a.out),
          flush=True)

    seeds = queue.Queue()
    for s in ([int(x) for x in a.seeds.split(',')] if a.seeds else range(a.seed, a.seed + a.count)):
        seeds.put(s)
    lock = threading.Lock()
    groups = {}
    counts = {}

    def work():
        w = Worker()
        while True:
            try:
                seed = seeds.get_nowait()
            except queue.Empty:
                break
            text = gen.generate(seed, feats, a.snippets, kinds, True if a.dump else None)
            res = compare(w, text, a.timeout, a.tier)
            st = res['status']
            with lock:
                counts[st] = counts.get(st, 0) + 1
                if st == 'same' or (st.startswith('known') and not a.save_known):
                    continue
                sig = signature(res)
                new = sig not in groups
                groups.setdefault(sig, []).append(seed)
                if not a.quiet or new:
                    print('seed %d: %s%s' % (seed, sig, ' (NEW)' if new else ''), flush=True)
            reduced = None
            if a.reduce and new and st not in ('invalid', 'hang') and not st.startswith('known'):
                reduced = reduce(w, text, a.timeout, sig)
            save(a.out, seed, text, res, reduced)
        w.stop()

    threads = [threading.Thread(target=work) for _ in range(max(1, a.jobs))]
    t0 = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = sum(counts.values())
    summary = ', '.join('%s %d' % kv for kv in sorted(counts.items()))
    print('\n%d programs in %.0f s: %s' % (total, time.time() - t0, summary))
    for sig, seeds_ in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print('%5d  %s   e.g. %s' % (len(seeds_), sig, ' '.join(map(str, seeds_[:5]))))
    return 1 if any(st != 'same' and not st.startswith('known') for st in counts) else 0


if __name__ == '__main__':
    sys.exit(main())
