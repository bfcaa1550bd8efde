"""The os library (loslib.c of Lua 5.1).

os.date hands each two-character conversion to the C library's strftime
(through time.strftime), as lua5.1 does, so its output is glibc's; the
process is assumed to be in the C locale for LC_TIME (Python leaves it so),
and os.setlocale only knows the C locale. os.exit raises SystemExit after
flushing the output, so a host embedding moonpatch can catch it.
"""
import os
import sys
import time

from ..runtime import ops
from ..runtime.errors import LibErr
from ..runtime.state import current_state
from ..runtime.table import LuaTable
from ..runtime.values import str_to_number
from .auxlib import (
    arg,
    c_int,
    c_name,
    check_number,
    check_option,
    check_string,
    check_table,
    opt_number,
    opt_string,
    to_integer,
)
from .registry import libfunction

LIB = 'os'


def _path(s):
    """A Lua string as the C library gets it: bytes up to the first NUL."""
    return c_name(s).encode('latin-1')


def _result(ok, filename, err=None):
    """os_pushresult: true, or nil, 'filename: strerror', errno."""
    if ok:
        return (True,)
    return (None, f'{filename}: {os.strerror(err.errno)}', float(err.errno))


@libfunction(LIB, 'remove')
def os_remove(args):
    filename = c_name(check_string(args, 1))
    path = _path(filename)
    try:
        try:
            os.unlink(path)
        except IsADirectoryError:        # C's remove() also removes empty directories
            os.rmdir(path)
    except OSError as e:
        return _result(False, filename, e)
    return _result(True, filename)


@libfunction(LIB, 'rename')
def os_rename(args):
    fromname = c_name(check_string(args, 1))
    toname = check_string(args, 2)
    try:
        os.rename(_path(fromname), _path(toname))
    except OSError as e:
        return _result(False, fromname, e)
    return _result(True, fromname)


_TMPCHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'


@libfunction(LIB, 'tmpname')
def os_tmpname(args):
    """mkstemp("/tmp/lua_XXXXXX"): the file is created (and closed)."""
    import random              # here: importing it slows every start-up
    rng = random.SystemRandom()
    for _ in range(100):
        name = '/tmp/lua_' + ''.join(rng.choice(_TMPCHARS) for _ in range(6))
        try:
            fd = os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        except OSError:
            break
        os.close(fd)
        return (name,)
    raise LibErr('unable to generate a unique filename')


@libfunction(LIB, 'getenv')
def os_getenv(args):
    v = os.environb.get(_path(check_string(args, 1)))
    return (None if v is None else v.decode('latin-1'),)


def flush_output(state):
    for f in (state.stdout, state.stderr, sys.stdout, sys.stderr):
        if f is not None:
            try:
                f.flush()
            except (OSError, ValueError):
                pass


@libfunction(LIB, 'execute')
def os_execute(args):
    """system(): the raw wait status (exit code * 256 for a normal exit)."""
    cmd = opt_string(args, 1, None)
    if cmd is None:
        return (1.0 if os.path.exists('/bin/sh') else 0.0,)
    flush_output(current_state())
    return (float(os.system(_path(cmd))),)


@libfunction(LIB, 'exit')
def os_exit(args):
    code = 0 if arg(args, 1) is None else c_int(to_integer(check_number(args, 1)))
    flush_output(current_state())
    raise SystemExit(code)


@libfunction(LIB, 'clock')
def os_clock(args):
    """clock() / CLOCKS_PER_SEC: processor time, in microseconds as glibc counts."""
    return (int(time.process_time() * 1e6) / 1e6,)


# ---- dates ----------------------------------------------------------------------

def _broken_down(t, utc):
    """gmtime/localtime of a time_t, or None where C's gives NULL."""
    try:
        return time.gmtime(t) if utc else time.localtime(t)
    except (OverflowError, OSError, ValueError):
        return None


def _strftime(fmt, stm):
    """os.date's loop: each '%c' goes to strftime alone, other bytes are copied;
    a '%' at the end stays. The format ends at a NUL byte, as a C string."""
    fmt = fmt.split('\0', 1)[0]
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        j = fmt.find('%', i)
        if j < 0 or j == n - 1:
            out.append(fmt[i:])
            break
        out.append(fmt[i:j])
        c = fmt[j + 1]
        if c == 'Z':            # glibc reads tm_zone ('GMT' for '!'); PyPy's strftime does not
            out.append(stm.tm_zone or '')
        elif c == 'z':          # and tm_gmtoff
            off = stm.tm_gmtoff or 0
            m = abs(off) // 60
            out.append('%s%02d%02d' % ('-' if off < 0 else '+', m // 60, m % 60))
        elif c < '\x80':
            out.append(time.strftime('%' + c, stm))
        else:                             # not a conversion: glibc copies it
            out.append('%' + c)
        i = j + 2
    return ''.join(out)


@libfunction(LIB, 'date')
def os_date(args):
    s = opt_string(args, 1, '%c')
    t = to_integer(check_number(args, 2)) if arg(args, 2) is not None else int(time.time())
    utc = s[:1] == '!'
    if utc:
        s = s[1:]
    stm = _broken_down(t, utc)
    if stm is None:
        return (None,)
    if s == '*t':
        d = LuaTable()
        h = d.hash
        h['sec'] = float(stm.tm_sec)
        h['min'] = float(stm.tm_min)
        h['hour'] = float(stm.tm_hour)
        h['day'] = float(stm.tm_mday)
        h['month'] = float(stm.tm_mon)
        h['year'] = float(stm.tm_year)
        h['wday'] = float((stm.tm_wday + 1) % 7 + 1)  # Python counts from Monday = 0
        h['yday'] = float(stm.tm_yday)
        if stm.tm_isdst >= 0:
            h['isdst'] = stm.tm_isdst > 0
        return (d,)
    return (_strftime(s, stm),)


def _getfield(t, key, default):
    """An int field of a date table (lua_getfield: __index applies)."""
    v = ops.index(t, key)
    x = v if type(v) is float else (str_to_number(v) if type(v) is str else None)
    if x is None:
        if default < 0:
            raise LibErr(f"field '{key}' missing in date table")
        return default
    return c_int(to_integer(x))


def _unclamped(year, month, day, hour, mn, sec):
    """The same time with no month or day of 0 (PyPy's mktime turns those into
    1): month 0 is December of the year before, day 0 is day 1 less 24 hours,
    as mktime's linear arithmetic has it."""
    if month == 0:
        year, month = year - 1, 12
    if day == 0:
        day, hour = 1, hour - 24
    return (year, month, day, hour, mn, sec)


@libfunction(LIB, 'time')
def os_time(args):
    if arg(args, 1) is None:
        return (float(int(time.time())),)
    t = check_table(args, 1)
    sec = _getfield(t, 'sec', 0)
    mn = _getfield(t, 'min', 0)
    hour = _getfield(t, 'hour', 12)
    day = _getfield(t, 'day', -1)
    month = _getfield(t, 'month', -1)
    year = _getfield(t, 'year', -1)
    isdst = ops.index(t, 'isdst')
    isdst = -1 if isdst is None else (0 if isdst is False else 1)
    try:
        r = time.mktime(_unclamped(year, month, day, hour, mn, sec) + (0, 0, isdst))
    except (OverflowError, ValueError):
        return (None,)
    return (None if r == -1.0 else float(r),)


@libfunction(LIB, 'difftime')
def os_difftime(args):
    t1 = to_integer(check_number(args, 1))
    t0 = to_integer(opt_number(args, 2, 0.0))
    return (float(t1 - t0),)


LOCALE_CATEGORIES = ('all', 'collate', 'ctype', 'monetary', 'numeric', 'time')


@libfunction(LIB, 'setlocale')
def os_setlocale(args):
    """Only the C locale exists here: querying or choosing it answers 'C'."""
    name = opt_string(args, 1, None)
    name = None if name is None else c_name(name)
    check_option(args, 2, 'all', LOCALE_CATEGORIES)
    return ('C' if name is None or name in ('', 'C', 'POSIX') else None,)
