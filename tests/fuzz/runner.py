"""Running one Lua program in lua5.1 (a subprocess) and in moonpatch
(in-process, as tests/luatest.py does), both as `<engine> NAME.lua 2>&1`
would print it from the program's folder."""
import io
import os
import subprocess
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

# What each library feature of the generator needs from moonpatch, and what
# lua5.1 prints for it (gen.LIB_FEATURES).
PROBES = {
    'string': ('print(("abc"):rep(2), string.sub("hello", 2, -2), ("x"):upper(), '
               'string.lower("A"), '
               'string.reverse("ab"), string.char(72, 105), ("ab"):byte(1, -1), ("abc"):len(), '
               'string.rep("a", 0), ("abc"):sub(-2))',
               'abcabc\tell\tX\ta\tba\tHi\t97\t3\t\tbc\n'),
    'format': ('print(string.format("%d %s %g %.3f %5d %-4s %%", 42, "s", 0.1, 2.5, 7, "ab"))',
               '42 s 0.1 2.500     7 ab   %\n'),
    'table': ('local t = {3, 1, 2}; table.insert(t, 4); table.insert(t, 1, 0); table.sort(t); '
              'print(table.concat(t, ","), table.remove(t), table.concat(t, "-", 2, 3))',
              '0,1,2,3,4\t4\t1-2\n'),
    'math': ('print(math.floor(2.5), math.ceil(2.5), math.abs(-3), math.max(1, 5, 2), '
             'math.min(4, 2), '
             'math.fmod(7, 3), math.huge, math.sqrt(16), math.pi)',
             '2\t3\t3\t5\t2\t1\tinf\t4\t3.1415926535898\n'),
}


def run_lua51(path, timeout=10):
    """(output, ok): ok is False if lua5.1 failed or timed out."""
    d, f = os.path.split(os.path.abspath(path))
    try:
        p = subprocess.run(['lua5.1', f], cwd=d, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return '', False
    return p.stdout.decode('latin-1'), p.returncode == 0


# The execution tiers a program runs in: the JIT's command for each.
TIERS = {
    'interp': 'off',                              # tier 0 alone
    'jit': None,                                  # hot functions and loops compiled
    'forced': 'opt.start=hotcall=1,hotloop=1',    # everything compiled at once
}


def run_moonpatch_text(text, chunkname, tier='jit'):
    """What moonpatch prints for the program `text` loaded as `chunkname`
    ('@NAME.lua') in a tier of TIERS; an error escaping the chunk is printed
    as tests/luatest prints it. Python exceptions other than Lua errors
    propagate."""
    from moonpatch.engine import Engine
    from moonpatch.lib.base import load_or_error
    out = io.BytesIO()
    lua = Engine()
    lua.state.stdout = out
    lua.state.stderr = out
    if TIERS[tier]:
        lua.jit_command(TIERS[tier])
    ok, msg = lua.do_chunk(load_or_error(text, chunkname, skip_shebang=True))   # as loadfile
    if not ok:
        out.write(('moonpatch: %s\n' % msg).encode('latin-1'))
    return out.getvalue().decode('latin-1')


def run_moonpatch_file(path, tier='jit'):
    with open(path, 'rb') as f:
        text = f.read().decode('latin-1')
    return run_moonpatch_text(text, '@' + os.path.basename(path), tier)


def safe_run_moonpatch(text, chunkname, tier='jit'):
    """(output, crash): crash is a Python traceback (str) or None."""
    try:
        return run_moonpatch_text(text, chunkname, tier), None
    except BaseException:          # noqa: B036 - a crash of any kind is a finding
        return '', traceback.format_exc()


def detect_features():
    """The generator's library features that moonpatch already gets right."""
    ok = []
    for feat, (code, want) in PROBES.items():
        got, crash = safe_run_moonpatch(code, '=probe')
        if crash is None and got == want:
            ok.append(feat)
    return ok
