#!/usr/bin/env python3
"""Benchmark runner for moonpatch.

Runs every program in bench/programs/ on several Lua engines, interleaving
the runs (round-robin over programs and engines within each round), and
reports per program the median wall time per engine, the ratio of medians
against the baseline engine (lua5.1), and the geometric mean of the ratios.

Every engine's output is checked against the baseline's output; a program
whose output differs is reported loudly and excluded from that engine's
geometric mean.  Timeouts and crashes are reported per program and do not
stop the run.

Python 3.9+, standard library only.  See bench/README.md.
"""

import argparse
import json
import math
import os
import platform
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
PROGRAMS_DIR = os.path.join(BENCH_DIR, "programs")
STARTUP = "(startup)"  # pseudo-program name for the empty Lua program

STATUS_OK = "ok"
STATUS_MISMATCH = "MISMATCH"
STATUS_TIMEOUT = "TIMEOUT"
STATUS_CRASH = "CRASH"
STATUS_SKIPPED = "skipped"


# --------------------------------------------------------------------------
# Command line


def parse_args(argv=None):
    p = argparse.ArgumentParser(
        description="Run the moonpatch benchmark suite (bench/programs/*.lua).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "examples:\n"
            "  python3 bench/run.py\n"
            "  python3 bench/run.py --engines luajit,lua5.1 --runs 3\n"
            "  python3 bench/run.py --filter 'fib|nbody' --moonpatch-opts=-joff\n"
            "  python3 bench/run.py --filter fib --args 20 --runs 1\n"
            "  python3 bench/run.py --engine 'jitoff=luajit -joff' "
            "--engines jitoff,luajit,lua5.1\n"
        ),
    )
    p.add_argument(
        "--engines",
        default="moonpatch,lua5.1",
        help="comma-separated engines to run (default: moonpatch,lua5.1). Known names: "
        "moonpatch (the JIT on), moonpatch-joff (the interpreter alone), moonpatch-pypy "
        "(the JIT on PyPy, see --pypy-cmd), lua5.1, luajit, luajit-joff; 'all' is "
        "every one of them. Any other name is run as a command unless defined with "
        "--engine. The baseline is added if missing.",
    )
    p.add_argument(
        "--pypy-cmd",
        default=os.environ.get("MOONPATCH_PYPY_CMD", "pypy3 -m moonpatch"),
        help="command that runs moonpatch on PyPy (default: 'pypy3 -m moonpatch', or "
        "$MOONPATCH_PYPY_CMD); PyPy needs greenlet, e.g. in a venv made with "
        "'pypy3 -m venv .pypy && .pypy/bin/pip install -e .'",
    )
    p.add_argument(
        "--engine",
        action="append",
        default=[],
        metavar="NAME=CMD",
        help="define (or redefine) an engine as a shell-quoted command, e.g. "
        "'luajit-nojit=luajit -joff'. May be repeated.",
    )
    p.add_argument(
        "--baseline",
        default="lua5.1",
        help="engine whose output is the reference and whose medians are the "
        "denominator of the ratios (default: lua5.1)",
    )
    p.add_argument(
        "--runs", type=int, default=5, help="timed runs per program and engine (default: 5)"
    )
    p.add_argument(
        "--filter",
        default=None,
        metavar="REGEX",
        help="only programs whose name (without .lua) matches REGEX (re.search)",
    )
    p.add_argument(
        "--moonpatch-cmd",
        default=os.environ.get("MOONPATCH_CMD", f"{shlex.quote(sys.executable)} -m moonpatch"),
        help="command that runs moonpatch like lua5.1 (default: '<this python> -m moonpatch', "
        "or $MOONPATCH_CMD)",
    )
    p.add_argument(
        "--moonpatch-opts",
        default="",
        help="extra options passed to moonpatch before the script, e.g. '-joff' or "
        "'-jcompile=all' (default: none). Use --moonpatch-opts=-joff when the value "
        "starts with '-'.",
    )
    p.add_argument(
        "--args",
        default=None,
        metavar="STR",
        help="shell-quoted arguments passed to every selected program (arg[1], ...), "
        "replacing the program's default size; most useful with --filter",
    )
    p.add_argument(
        "--prog-args",
        action="append",
        default=[],
        metavar="NAME=STR",
        help="arguments for one program, e.g. 'fib=25'. Overrides --args. May be repeated.",
    )
    p.add_argument(
        "--large",
        action="store_true",
        help="run every program at about ten times its default work (LARGE_SIZES), "
        "so that start-up and the baseline's timer noise stop deciding the ratios",
    )
    p.add_argument(
        "--timeout", type=float, default=300.0, help="per-run timeout in seconds (default: 300)"
    )
    p.add_argument(
        "--json", default=None, metavar="FILE", help="also write all results as JSON to FILE"
    )
    p.add_argument(
        "--no-startup",
        action="store_true",
        help="do not measure the startup time (empty Lua program)",
    )
    p.add_argument("--list", action="store_true", help="list the programs and exit")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output on stderr")
    args = p.parse_args(argv)
    if args.runs < 1:
        p.error("--runs must be >= 1")
    return args


def engine_commands(args):
    """Return an ordered dict name -> argv list for the selected engines."""
    moonpatch = shlex.split(args.moonpatch_cmd) + shlex.split(args.moonpatch_opts)
    defs = {
        "lua5.1": ["lua5.1"],
        "luajit": ["luajit"],
        "luajit-joff": ["luajit", "-joff"],
        "moonpatch": moonpatch,
        "moonpatch-joff": moonpatch + ["-joff"],
        "moonpatch-pypy": shlex.split(args.pypy_cmd) + shlex.split(args.moonpatch_opts),
    }
    if args.engines == "all":
        args.engines = "moonpatch-joff,moonpatch,moonpatch-pypy,luajit-joff,luajit,lua5.1"
    for spec in args.engine:
        if "=" not in spec:
            sys.exit(f"error: --engine expects NAME=CMD, got {spec!r}")
        name, cmd = spec.split("=", 1)
        defs[name.strip()] = shlex.split(cmd)
    names = [e.strip() for e in args.engines.split(",") if e.strip()]
    if args.baseline not in names:
        names.append(args.baseline)
    engines = {}
    for name in names:
        if name in engines:
            continue
        engines[name] = defs.get(name) or shlex.split(name)
    return engines


# About ten times each program's default work. At the default sizes lua5.1
# runs each program in 20-90 ms, so a Python engine's start-up (30-40 ms on
# CPython, 130 ms on PyPy) and the variation of lua5.1's own short runs
# (+-30% between runs of the suite) weigh as much as the work measured.
LARGE_SIZES = {
    "ackermann": "7", "binary_trees": "14", "closures": "800000", "coroutines": "1000000",
    "fannkuch": "9", "fib": "32", "heapsort": "500000", "integrate": "2000000",
    "mandelbrot": "630", "matmul": "195", "nbody": "200000", "partialsums": "2500000",
    "queens": "11", "richards": "150", "series": "3000", "sieve": "1000000",
    "sort": "200000", "spectral_norm": "500", "string_build": "200000",
    "string_patterns": "20000", "table_loop": "1000000",
}


def program_args(args, programs):
    """Return dict program name -> list of extra argv."""
    default = shlex.split(args.args) if args.args is not None else []
    result = {name: list(default) for name in programs}
    if args.large:
        for name in programs:
            if name in LARGE_SIZES:
                result[name] = [LARGE_SIZES[name]]
    for spec in args.prog_args:
        if "=" not in spec:
            sys.exit(f"error: --prog-args expects NAME=STR, got {spec!r}")
        name, val = spec.split("=", 1)
        name = name.strip()
        name = name.removesuffix(".lua")
        if name not in result:
            sys.exit(f"error: --prog-args: unknown or filtered-out program {name!r}")
        result[name] = shlex.split(val)
    return result


def find_programs(pattern):
    names = sorted(f[:-4] for f in os.listdir(PROGRAMS_DIR) if f.endswith(".lua"))
    if pattern:
        rx = re.compile(pattern)
        names = [n for n in names if rx.search(n)]
    return names


# --------------------------------------------------------------------------
# Running


class RunResult:
    __slots__ = ("elapsed", "returncode", "status", "stderr", "stdout")

    def __init__(self, status, elapsed, stdout="", stderr="", returncode=None):
        self.status = status
        self.elapsed = elapsed
        self.stdout = stdout
        self.stderr = stderr
        self.returncode = returncode


def _kill_tree(proc):
    try:
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - non-POSIX
            proc.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass


def run_once(cmd, timeout, env):
    """Run cmd once; return a RunResult with the whole-process wall time."""
    popen_kw = {}
    if hasattr(os, "setsid"):
        popen_kw["start_new_session"] = True  # so a timeout kills the whole group
    t0 = time.perf_counter()
    try:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=REPO_ROOT,
            env=env,
            **popen_kw,
        )
    except OSError as exc:
        return RunResult(STATUS_CRASH, None, "", f"cannot start {cmd[0]!r}: {exc}", None)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_tree(proc)
        try:
            out, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            out, err = b"", b""
        elapsed = time.perf_counter() - t0
        return RunResult(STATUS_TIMEOUT, elapsed, _dec(out), _dec(err), None)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        return RunResult(STATUS_CRASH, elapsed, _dec(out), _dec(err), proc.returncode)
    return RunResult(STATUS_OK, elapsed, _dec(out), _dec(err), 0)


def _dec(b):
    return b.decode("utf-8", "replace") if b else ""


def _last_line(text):
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1].strip() if lines else ""


class Cell:
    """Results of one (program, engine) pair."""

    def __init__(self):
        self.times = []
        self.status = STATUS_OK
        self.detail = ""
        self.output = None  # first output seen
        self.mismatch_output = None
        self.compiled = None  # what the JIT compiled (parse_jv), for JIT engines

    @property
    def failed(self):
        return self.status in (STATUS_TIMEOUT, STATUS_CRASH)

    def median(self):
        return statistics.median(self.times) if self.times else None


def progress(args, msg):
    if not args.quiet:
        sys.stderr.write(msg)
        sys.stderr.flush()


def run_suite(args, engines, programs, prog_argv, startup_file):
    env = dict(os.environ)
    env["PYTHONPATH"] = REPO_ROOT + (
        os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else ""
    )
    # Measure moonpatch as installed: with its modules compiled to bytecode
    # (pip does that at install; PYTHONDONTWRITEBYTECODE would hide it here).
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", os.path.join(REPO_ROOT, "moonpatch")],
        check=False,
    )

    jobs = []  # (program name, script path, argv)
    if startup_file:
        jobs.append((STARTUP, startup_file, []))
    for name in programs:
        jobs.append((name, os.path.join(PROGRAMS_DIR, name + ".lua"), prog_argv[name]))

    names = list(engines)
    cells = {(job[0], e): Cell() for job in jobs for e in names}
    baseline = args.baseline

    # Untimed warm-up: one run of the empty program per engine (fills OS file
    # caches and Python's .pyc cache so the first timed round is not penalised).
    if startup_file:
        for e in names:
            run_once(engines[e] + [startup_file], args.timeout, env)

    for rnd in range(args.runs):
        progress(args, f"round {rnd + 1}/{args.runs}:")
        # Rotate the engine order each round so no engine is always first.
        order = names[rnd % len(names) :] + names[: rnd % len(names)]
        for prog, path, pargv in jobs:
            progress(args, " " + prog)
            for e in order:
                cell = cells[(prog, e)]
                if cell.failed:
                    continue  # deterministic failure: do not waste time repeating it
                res = run_once(engines[e] + [path] + pargv, args.timeout, env)
                if res.status == STATUS_OK:
                    cell.times.append(res.elapsed)
                    if cell.output is None:
                        cell.output = res.stdout
                    elif res.stdout != cell.output and cell.mismatch_output is None:
                        cell.mismatch_output = res.stdout  # nondeterministic output
                elif res.status == STATUS_TIMEOUT:
                    cell.status = STATUS_TIMEOUT
                    cell.detail = f"timeout after {args.timeout:.0f}s"
                    progress(args, f"[{e} TIMEOUT]")
                else:
                    cell.status = STATUS_CRASH
                    msg = _last_line(res.stderr) or _last_line(res.stdout)
                    if res.returncode is None:
                        cell.detail = msg
                    elif res.returncode < 0:
                        cell.detail = f"killed by signal {-res.returncode}: {msg}"
                    else:
                        cell.detail = f"exit status {res.returncode}: {msg}"
                    progress(args, f"[{e} CRASH]")
        progress(args, "\n")

    # What the JIT compiled: one more (untimed) run of each program with -jv
    # per moonpatch engine that has the JIT on.
    for e in names:
        if not e.startswith("moonpatch") or "-joff" in engines[e]:
            continue
        for prog, path, pargv in jobs:
            if prog == STARTUP or cells[(prog, e)].failed:
                continue
            res = run_once(engines[e] + ["-jv", path] + pargv, args.timeout, env)
            cells[(prog, e)].compiled = parse_jv(res.stderr)

    # Output checks against the baseline.
    for prog, _path, _argv in jobs:
        ref = cells[(prog, baseline)]
        for e in names:
            cell = cells[(prog, e)]
            if cell.failed or cell.output is None:
                continue
            if cell.mismatch_output is not None:
                cell.status = STATUS_MISMATCH
                cell.detail = "output differs between runs of the same engine"
            elif e != baseline and ref.output is not None and cell.output != ref.output:
                cell.status = STATUS_MISMATCH
                cell.detail = f"output differs from {baseline}"
    return jobs, cells


# --------------------------------------------------------------------------
# Reporting


JV_LINE = re.compile(r"^\[JIT\] (ok|failed) .*?(?:\((\d+) instructions, ([\d.]+) ms\))?$")


def parse_jv(stderr):
    """(compilations, failures, instructions, seconds) from -jv's lines."""
    ok = failed = instructions = 0
    seconds = 0.0
    for line in stderr.splitlines():
        m = JV_LINE.match(line)
        if not m:
            continue
        if m.group(1) == "ok":
            ok += 1
            instructions += int(m.group(2) or 0)
            seconds += float(m.group(3) or 0) / 1e3
        else:
            failed += 1
    return ok, failed, instructions, seconds


def print_compile_report(out, names, jobs, cells):
    """Per JIT engine and program: what was compiled, the time it took and
    its share of the run, and the compile throughput overall."""
    for e in names:
        stats = [(prog, cells[(prog, e)]) for prog, _p, _a in jobs
                 if cells[(prog, e)].compiled]
        if not stats:
            continue
        out.write(f"\nCompilation ({e}, one -jv run per program):\n")
        total_ins = total_s = 0.0
        for prog, cell in stats:
            ok, failed, ins, secs = cell.compiled
            med = cell.median()
            share = f"{100 * secs / med:5.1f}%" if med else "    -"
            out.write(f"  {prog:<16} {ok:3d} compiled {failed:2d} refused "
                      f"{secs * 1e3:8.1f} ms  {share} of the run\n")
            total_ins += ins
            total_s += secs
        if total_s:
            out.write(f"  throughput: {total_ins / total_s:,.0f} bytecode instructions/s\n")


def geomean(values):
    values = [v for v in values if v and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt_time(t):
    if t is None:
        return "-"
    if t >= 100:
        return f"{t:.0f}s"
    if t >= 10:
        return f"{t:.1f}s"
    return f"{t:.3f}s"


def fmt_ratio(r):
    if r is None:
        return "-"
    if r >= 100:
        return f"x{r:.0f}"
    if r >= 10:
        return f"x{r:.1f}"
    return f"x{r:.2f}"


def summarize(args, engines, jobs, cells):
    names = list(engines)
    baseline = args.baseline
    rows = []
    ratios = {e: [] for e in names}
    excluded = {e: [] for e in names}
    for prog, _path, pargv in jobs:
        base_cell = cells[(prog, baseline)]
        base_med = base_cell.median() if base_cell.status == STATUS_OK else None
        row = {"program": prog, "args": pargv, "engines": {}}
        for e in names:
            cell = cells[(prog, e)]
            med = cell.median()
            ratio = None
            if cell.status == STATUS_OK and med is not None and base_med:
                ratio = med / base_med
                if prog != STARTUP:
                    ratios[e].append(ratio)
            elif prog != STARTUP:
                excluded[e].append(prog)
            row["engines"][e] = {
                "status": cell.status,
                "detail": cell.detail,
                "times": cell.times,
                "median": med,
                "min": min(cell.times) if cell.times else None,
                "max": max(cell.times) if cell.times else None,
                "ratio": ratio,
                "output": cell.output,
            }
        rows.append(row)
    gm = {e: geomean(ratios[e]) for e in names}
    return rows, gm, ratios, excluded


def print_report(args, engines, jobs, cells, rows, gm, ratios, excluded):
    names = list(engines)
    baseline = args.baseline
    out = sys.stdout
    out.write("\n")
    out.write("Engines:\n")
    for e in names:
        out.write(
            "  {:<12} {}{}\n".format(
                e,
                " ".join(shlex.quote(c) for c in engines[e]),
                "   (baseline)" if e == baseline else "",
            )
        )
    out.write(
        f"Runs per program: {args.runs}   timeout: {args.timeout:.0f}s   "
        "times: median wall time of the whole process\n\n"
    )

    # Table: program | engine1 median | ratio | engine2 ...
    headers = ["program"]
    for e in names:
        headers.append(e)
        if e != baseline:
            headers.append("ratio")
    table = []
    for row in rows:
        line = [row["program"] + (" " + " ".join(row["args"]) if row["args"] else "")]
        for e in names:
            info = row["engines"][e]
            if info["status"] in (STATUS_TIMEOUT, STATUS_CRASH):
                line.append(info["status"])
            elif info["status"] == STATUS_MISMATCH:
                line.append("!" + fmt_time(info["median"]))
            else:
                line.append(fmt_time(info["median"]))
            if e != baseline:
                line.append(fmt_ratio(info["ratio"]) if info["status"] == STATUS_OK else "-")
        table.append(line)
    gm_line = ["geomean"]
    for e in names:
        if e == baseline:
            gm_line.append("")
        else:
            gm_line.append("")
            gm_line.append(fmt_ratio(gm[e]))
    widths = [max(len(r[i]) for r in [headers] + table + [gm_line]) for i in range(len(headers))]

    def fmt_line(cols):
        first = cols[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cols[1:], widths[1:])]
        return "  ".join([first] + rest).rstrip() + "\n"

    sep = "-" * (sum(widths) + 2 * (len(widths) - 1)) + "\n"
    out.write(fmt_line(headers))
    out.write(sep)
    startup_rows = [t for t in table if t[0] == STARTUP]
    for line in table:
        if line[0] != STARTUP:
            out.write(fmt_line(line))
    out.write(sep)
    others = [e for e in names if e != baseline]
    if others:
        out.write(fmt_line(gm_line))
    if startup_rows:
        out.write(fmt_line(startup_rows[0]))
    out.write("\n")

    if others:
        for e in others:
            n_ok = len(ratios[e])
            msg = f"geomean {e} / {baseline}: {fmt_ratio(gm[e])} over {n_ok} program(s)"
            if excluded[e]:
                msg += "; excluded: " + ", ".join(excluded[e])
            out.write(msg + "\n")
    if any(row["engines"][e]["status"] == STATUS_MISMATCH for row in rows for e in names):
        out.write(
            f"!time = the program's output differs from {baseline}; excluded from the geomean.\n"
        )
    if startup_rows:
        out.write(
            f"{STARTUP} = empty Lua program: the fixed cost of starting each engine; "
            "it is included in every time above and NOT subtracted from the ratios.\n"
        )

    # Problems, loudly.
    problems = []
    for prog, _p, _a in jobs:
        for e in names:
            cell = cells[(prog, e)]
            if cell.status != STATUS_OK:
                problems.append((prog, e, cell))
    if problems:
        out.write("\n" + "!" * 72 + "\n")
        out.write(f"PROBLEMS ({len(problems)}):\n")
        for prog, e, cell in problems:
            out.write(f"  {prog} on {e}: {cell.status} - {cell.detail}\n")
            if cell.status == STATUS_MISMATCH:
                ref = cells[(prog, baseline)].output
                got = cell.mismatch_output if cell.mismatch_output is not None else cell.output
                if "between runs" in cell.detail:
                    ref = cell.output
                out.write(_indent("expected: ", ref))
                out.write(_indent("got:      ", got))
        out.write("!" * 72 + "\n")
    out.flush()
    return bool(problems)


def _indent(prefix, text, limit=6):
    lines = (text or "").rstrip("\n").splitlines() or ["<no output>"]
    if len(lines) > limit:
        lines = lines[:limit] + [f"... ({len(lines) - limit} more lines)"]
    pad = " " * (4 + len(prefix))
    return "    " + prefix + ("\n" + pad).join(lines) + "\n"


def write_json(path, args, engines, rows, gm, ratios, excluded):
    data = {
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "host": {
            "platform": platform.platform(),
            "python": sys.version.split()[0],
            "cpus": os.cpu_count(),
        },
        "runs": args.runs,
        "timeout": args.timeout,
        "baseline": args.baseline,
        "engines": {e: engines[e] for e in engines},
        "programs": [r for r in rows if r["program"] != STARTUP],
        "startup": next((r for r in rows if r["program"] == STARTUP), None),
        "geomean": {e: gm[e] for e in engines if e != args.baseline},
        "geomean_programs": {e: len(ratios[e]) for e in engines if e != args.baseline},
        "excluded": {e: excluded[e] for e in engines if e != args.baseline},
    }
    with open(path, "w") as f:
        json.dump(data, f, indent=2)
        f.write("\n")


def main(argv=None):
    args = parse_args(argv)
    programs = find_programs(args.filter)
    if args.list:
        for name in programs:
            print(name)
        return 0
    if not programs:
        sys.exit(f"error: no program matches --filter {args.filter!r}")
    engines = engine_commands(args)
    prog_argv = program_args(args, programs)

    tmpdir = None
    startup_file = None
    if not args.no_startup:
        tmpdir = tempfile.mkdtemp(prefix="moonpatch-bench-")
        startup_file = os.path.join(tmpdir, "empty.lua")
        with open(startup_file, "w") as f:
            f.write("-- empty program: measures engine startup\n")
    try:
        jobs, cells = run_suite(args, engines, programs, prog_argv, startup_file)
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        return 130
    finally:
        if tmpdir:
            try:
                os.remove(startup_file)
                os.rmdir(tmpdir)
            except OSError:
                pass
    rows, gm, ratios, excluded = summarize(args, engines, jobs, cells)
    had_problems = print_report(args, engines, jobs, cells, rows, gm, ratios, excluded)
    print_compile_report(sys.stdout, list(engines), jobs, cells)
    if args.json:
        write_json(args.json, args, engines, rows, gm, ratios, excluded)
        print(f"JSON results written to {args.json}")
    return 1 if had_problems else 0


if __name__ == "__main__":
    sys.exit(main())
