"""The io library (liolib.c): files as userdata over Python binary streams.

A file is a Userdata whose value is a LuaFile holding a buffered Python
stream (None once closed) and the directions C stdio would allow on it;
every file shares the state's `FILE*` metatable (registry["FILE*"]). What a
failed operation returns is 5.1's triple (nil, "[name: ]strerror", errno)
with this machine's errno numbers and texts. io.stdout and io.stderr write
to the state's streams (LuaState.stdout/.stderr, looked up at each write),
the same ones print uses, and add no buffer of their own, so print and
io.write output stays in program order.
"""
import atexit
import errno
import io
import os
import stat
import sys
import weakref

from ..runtime import gc as lua_gc
from ..runtime.callstack import host_function
from ..runtime.errors import ArgErr, LibErr, type_error
from ..runtime.state import current_state
from ..runtime.table import LuaTable
from ..runtime.values import LuaFunction, Userdata, number_to_str
from .auxlib import (
    arg,
    c_name,
    check_any,
    check_option,
    check_stack,
    check_string,
    opt_int,
    opt_string,
    to_integer,
)
from .registry import builtin, libfunction

O_ACCMODE = getattr(os, 'O_ACCMODE', 3)     # PyPy's os lacks it
LIB = 'io'
FILEHANDLE = 'FILE*'          # the registry key of the file metatable, as in lauxlib
LINE_CHUNK = 8191             # fgets(p, LUAL_BUFFERSIZE, f) reads at most this much
READ_CHUNK = 1 << 20          # read(n) with a large n reads in pieces of this size

_open_files = weakref.WeakSet()   # open LuaFiles, flushed by popen and at exit (fflush(NULL))


# ---- file handles ------------------------------------------------------------------

class LuaFile:
    """What a file userdata holds: the stream (None once closed), whether
    stdio would read/write it, and the setvbuf mode ('no', 'line' or None)."""
    __slots__ = ('__weakref__', 'append', 'f', 'readable', 'vbuf', 'writable')

    def __init__(self, f, readable, writable, append=False):
        self.f = f
        self.readable = readable
        self.writable = writable
        self.vbuf = None
        self.append = append

    def stream(self):
        return self.f

    def after_write(self, f, data):
        if self.append:
            # "a+": the data went to the end of the file, and so did the position
            f.flush()
            f.seek(0, 2)
            return
        mode = self.vbuf
        if mode is not None and (mode == 'no' or b'\n' in data):
            f.flush()

    def close(self):
        """The file's __close (io_fclose): results for Lua."""
        f, self.f = self.f, None
        _open_files.discard(self)
        try:
            f.close()
        except OSError as e:
            return fail(e)
        return (True,)


class PipeFile(LuaFile):
    """A file from io.popen; closing it waits for the command (io_pclose)."""
    __slots__ = ('proc',)

    def __init__(self, f, readable, writable, proc):
        LuaFile.__init__(self, f, readable, writable)
        self.proc = proc

    def close(self):
        f, self.f = self.f, None
        _open_files.discard(self)
        err = None
        try:
            f.close()
        except OSError as e:
            err = e
        status = self.proc.wait()
        if err is not None and status == 0:
            return fail(err)
        return (True,)       # pclose succeeded: 5.1 does not report the exit status


class StdFile(LuaFile):
    """io.stdin/io.stdout/io.stderr: never closed; the stream is looked up
    at each use (the state's stdout/stderr, sys.stdin), so redirecting it
    after the state was made works."""
    __slots__ = ('_src', '_stream', '_tty', 'name', 'state')

    def __init__(self, state, name):
        LuaFile.__init__(self, True, name == 'stdin', name != 'stdin')
        self.state = state
        self.name = name
        self._src = self          # not a stream: the first use resolves
        self._stream = None
        self._tty = False
        if name == 'stderr':
            self.vbuf = 'no'          # stderr is unbuffered in C

    def stream(self):
        name = self.name
        if name == 'stdin':
            src = sys.stdin
        elif name == 'stdout':
            src = self.state.stdout or sys.stdout
        else:
            src = self.state.stderr or sys.stderr
        if src is not self._src:
            self._resolve(src)
        if self._tty and name == 'stdin':
            # glibc flushes a line-buffered stdout before reading a terminal
            self.state.io_state.stdout.value.stream().flush()
        return self._stream

    def _resolve(self, src):
        s = getattr(src, 'buffer', src)
        try:
            if self.name == 'stdin' and not hasattr(s, 'peek'):
                s = io.BufferedReader(s)          # read_number needs to peek
            tty = s.isatty()
        except (OSError, ValueError, AttributeError, TypeError):
            # no usable stream (None, or one that refuses): every use fails
            s = _NoStreamBuffer(_NoStream()) if s is None or self.name == 'stdin' else s
            tty = False
        self._src, self._stream, self._tty = src, s, tty

    def after_write(self, f, data):
        mode = self.vbuf
        if mode is None and self._tty:
            mode = 'line'                     # a terminal is line buffered
        if mode is not None and (mode == 'no' or b'\n' in data):
            f.flush()

    def close(self):
        return (None, 'cannot close standard file')


class _NoStream(io.RawIOBase):
    """Stands for a standard stream Python does not have: I/O fails (EBADF)."""

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def readinto(self, b):
        raise _ebadf()

    def write(self, b):
        raise _ebadf()

    def seek(self, pos, whence=0):
        raise _ebadf()


class _NoStreamBuffer(io.BufferedRandom):
    """The buffer over a _NoStream: closing it (also when it is collected)
    fails quietly, as Python 3.13's close asks the raw stream for its position."""

    def close(self):
        try:
            io.BufferedRandom.close(self)
        except OSError:
            pass


class _DirectoryRaw(io.RawIOBase):
    """What fopen(dir, "r") gives: it opens, and every read fails (EISDIR)."""

    def __init__(self, fd):
        io.RawIOBase.__init__(self)
        self._fd = fd

    def readable(self):
        return True

    def seekable(self):
        return True

    def readinto(self, b):
        raise OSError(errno.EISDIR, os.strerror(errno.EISDIR))

    def seek(self, pos, whence=0):
        return os.lseek(self._fd, pos, whence)

    def fileno(self):
        return self._fd

    def close(self):
        if not self.closed:
            os.close(self._fd)
        io.RawIOBase.close(self)


class IoState:
    """The io library's per-state part: the file metatable and the default
    input and output files (liolib's function environment)."""
    __slots__ = ('env', 'input', 'meta', 'output', 'stdout')

    def __init__(self, meta, env):
        self.meta = meta
        self.env = env          # the globals when io was opened (see f_close)
        self.input = self.output = self.stdout = None


# ---- errors --------------------------------------------------------------------------

def os_errno(e, default=errno.EBADF):
    if isinstance(e, io.UnsupportedOperation):
        return default
    return getattr(e, 'errno', None) or default


def fail(e, filename=None, default=errno.EBADF):
    """liolib's pushresult for a failure: (nil, "[name: ]strerror", errno)."""
    en = e if type(e) is int else os_errno(e, default)
    msg = os.strerror(en)
    if filename is not None:
        msg = f'{c_name(filename)}: {msg}'
    return (None, msg, float(en))


def _ebadf():
    return OSError(errno.EBADF, os.strerror(errno.EBADF))


# ---- opening files -----------------------------------------------------------------

def parse_mode(mode):
    """glibc's fopen mode: r/w/a, then up to six more characters of which
    '+' and 'x' count (others are ignored). Returns
    (os flags, readable, writable, append) or None (EINVAL)."""
    mode = c_name(mode)
    first = mode[:1]
    if first == 'r':
        flags, rd, wr = os.O_RDONLY, True, False
    elif first == 'w':
        flags, rd, wr = os.O_WRONLY | os.O_CREAT | os.O_TRUNC, False, True
    elif first == 'a':
        flags, rd, wr = os.O_WRONLY | os.O_CREAT | os.O_APPEND, False, True
    else:
        return None
    for ch in mode[1:7]:
        if ch == '+':
            flags = (flags & ~O_ACCMODE) | os.O_RDWR
            rd = wr = True
        elif ch == 'x':
            flags |= os.O_EXCL
    return flags, rd, wr, first == 'a'


def open_file(name, mode):
    """fopen: a LuaFile, or raise OSError."""
    parsed = parse_mode(mode)
    if parsed is None:
        raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
    flags, rd, wr, append = parsed
    fd = os.open(c_name(name).encode('latin-1'), flags | os.O_CLOEXEC, 0o666)
    try:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raw = _DirectoryRaw(fd)
        else:
            # "a" starts at the end; "a+" reads from the start (glibc)
            raw = io.FileIO(fd, 'r+' if rd and wr else ('r' if rd else ('a' if append else 'w')))
    except BaseException:
        os.close(fd)
        raise
    if rd and wr:
        f = io.BufferedRandom(raw)
    elif rd:
        f = io.BufferedReader(raw)
    else:
        f = io.BufferedWriter(raw)
    return LuaFile(f, rd, wr, append and rd)


def new_file(state, handle):
    """A file userdata for handle, with the state's file metatable."""
    u = Userdata(handle, state.io_state.meta)
    lua_gc.track_userdata(state, u)
    _open_files.add(handle)
    return u


def flush_all(state=None):
    """fflush(NULL): every open output file, and the standard streams."""
    for h in list(_open_files):
        if h.f is not None and h.writable:
            try:
                h.f.flush()
            except (OSError, ValueError):
                pass
    if state is not None:
        for name in ('stdout', 'stderr'):
            s = getattr(state, name) or getattr(sys, name)
            s = getattr(s, 'buffer', s)
            try:
                s.flush()
            except (OSError, ValueError, AttributeError):
                pass


atexit.register(flush_all)


# ---- checking arguments -------------------------------------------------------------

def _io_state():
    return current_state().io_state


def check_file(args):
    """luaL_checkudata(L, 1, "FILE*"): the file userdata."""
    u = args[0] if args else None
    if type(u) is not Userdata or u.meta is not current_state().io_state.meta:
        raise type_error(1, FILEHANDLE, u, not args)
    return u


def to_file(args):
    """tofile: (handle, stream) of an open file argument."""
    h = check_file(args).value
    f = h.stream()
    if f is None:
        raise LibErr('attempt to use a closed file')
    return h, f


def _default_file(which):
    """getiofile: (handle, stream) of the default input or output."""
    h = getattr(_io_state(), which).value
    f = h.stream()
    if f is None:
        raise LibErr(f'standard {which} file is closed')
    return h, f


# ---- reading ----------------------------------------------------------------------------

def read_line(f):
    """read_line: the next line without its newline, or None at end of file.
    A NUL byte ends what 5.1 keeps of each fgets chunk (it uses strlen)."""
    line = f.readline()
    if not line:
        return None
    if b'\0' not in line:
        if line[-1] == 10:
            line = line[:-1]
        return line.decode('latin-1')
    parts = []
    while line:
        for k in range(0, len(line), LINE_CHUNK):
            chunk = line[k:k + LINE_CHUNK]
            z = chunk.find(b'\0')
            if z >= 0:
                parts.append(chunk[:z])
            elif chunk[-1] == 10:
                parts.append(chunk[:-1])
                return b''.join(parts).decode('latin-1')
            else:
                parts.append(chunk)
        line = f.readline()
    s = b''.join(parts)
    return s.decode('latin-1') if s else None


def read_chars(f, n):
    """read_chars: up to n bytes (n < 0: all), None when none were left."""
    if 0 <= n <= READ_CHUNK:
        data = f.read(n)
    elif n < 0:
        data = f.read()
    else:
        pieces = []
        while n > 0:
            piece = f.read(min(n, READ_CHUNK))
            if not piece:
                break
            pieces.append(piece)
            n -= len(piece)
        data = b''.join(pieces)
    return data.decode('latin-1') if data else None


def read_all(f):
    return f.read().decode('latin-1')


def test_eof(f):
    """read(0): "" unless at end of file."""
    return '' if f.peek(1) else None


_SPACES = b' \t\n\v\f\r'
_DIGITS = b'0123456789'
_XDIGITS = b'0123456789abcdefABCDEF'


def _peek(f):
    b = f.peek(1)
    return b[0] if b else -1


def _lower(c):
    return c | 0x20 if 65 <= c <= 90 else c


def read_number(f):
    """read_number: glibc's fscanf("%lf") on the stream. It reads the
    longest prefix that can start a number, with one character of
    pushback, and converts it with strtod; characters it consumed stay
    consumed when the conversion fails. Returns a float or None."""
    c = _peek(f)
    while c >= 0 and c in _SPACES:
        f.read(1)
        c = _peek(f)
    if c < 0:
        return None
    # From here `c` is the character just read: still in the stream until
    # the next one is needed (then consumed), so leaving it is the ungetc.
    buf = bytearray()

    def take():               # inchar(): consume c, read the next one
        f.read(1)
        return _peek(f)

    def expect(cur, letters):   # the letters of nan/inf/infinity, or fail
        for want in letters:
            buf.append(cur)
            cur = take()
            if cur < 0 or _lower(cur) != want:
                if cur >= 0:
                    f.read(1)     # conv_error: the bad character is lost
                return None
        return cur

    if c in b'+-':
        buf.append(c)
        c = take()
        if c < 0:
            return None
    got_sign = len(buf)
    lc = _lower(c)
    if lc == 110:                                       # n: nan
        c = expect(c, b'an')
        if c is None:
            return None
        buf.append(c)
        f.read(1)
    elif lc == 105:                                     # i: inf, infinity
        c = expect(c, b'nf')
        if c is None:
            return None
        buf.append(c)
        c = take()
        if c >= 0 and _lower(c) == 105:
            c = expect(c, b'nity')
            if c is None:
                return None
            buf.append(c)
            f.read(1)
    else:
        hexa = False
        got_digit = got_dot = got_e = False
        exp_char = 101                                  # e
        if c == 48:                                     # 0
            buf.append(c)
            c = take()
            if c >= 0 and _lower(c) == 120:             # x
                buf.append(c)
                hexa, exp_char = True, 112              # p
                c = take()
            else:
                got_digit = True
        while c >= 0:
            if c in _DIGITS or (hexa and not got_e and c in _XDIGITS):
                got_digit = True
            elif got_e and buf[-1] == exp_char and (c == 43 or c == 45):
                pass
            elif got_digit and not got_e and _lower(c) == exp_char:
                c = exp_char
                got_e = got_dot = True
            elif not got_dot and c == 46:
                got_dot = True
            else:
                break                                   # ungetc(c)
            buf.append(c)
            c = take()
        if len(buf) == got_sign or (hexa and len(buf) == 2 + got_sign):
            return None
    return strtod_prefix(bytes(buf))


def strtod_prefix(s):
    """strtod on what scanf collected: the value of its longest numeric
    prefix, or None when there is none."""
    t = s.decode('latin-1')
    body = t.lstrip('+-')
    neg = t[:1] == '-'
    low = body.lower()
    if low[:3] in ('nan', 'inf'):
        v = float(low[:3])
        return -v if neg else v
    if low[:2] == '0x':
        end = 2
        n = len(low)
        while end < n and low[end] in '0123456789abcdef':
            end += 1
        digits = end > 2
        if end < n and low[end] == '.':
            end += 1
            start = end
            while end < n and low[end] in '0123456789abcdef':
                end += 1
            digits = digits or end > start
        if digits:
            if end + 1 < n and low[end] == 'p':
                e = end + 1
                if e < n and low[e] in '+-':
                    e += 1
                if e < n and low[e].isdigit():
                    end = n         # scanf collected only digits after p
            try:
                v = float.fromhex(low[:end])
            except OverflowError:
                v = float('inf')
            return -v if neg else v
        low = '0'                   # "0x" with no digits: strtod reads the 0
    end = 0
    n = len(low)
    while end < n and low[end].isdigit():
        end += 1
    digits = end > 0
    if end < n and low[end] == '.':
        end += 1
        start = end
        while end < n and low[end].isdigit():
            end += 1
        digits = digits or end > start
    if not digits:
        return None
    if end < n and low[end] == 'e':
        e = end + 1
        if e < n and low[e] in '+-':
            e += 1
        if e < n and low[e].isdigit():
            end = n
    v = float(low[:end])
    return -v if neg else v


_FORMATS = {'n': read_number, 'l': read_line, 'a': read_all}


def g_read(h, f, args, first):
    """g_read: the results of reading with the formats args[first-1:]."""
    try:
        if len(args) < first:
            if not h.readable:
                raise _ebadf()
            return (read_line(f),)
        nformats = len(args) - first + 1      # room for the results and a buffer (LUA_MINSTACK)
        if not check_stack(nformats + 1, nformats + 20):
            raise LibErr('stack overflow (too many arguments)')
        out = []
        for n in range(first, len(args) + 1):
            fmt = args[n - 1]
            if type(fmt) is float:
                count = to_integer(fmt)
                if not h.readable:
                    raise _ebadf()
                v = test_eof(f) if count == 0 else read_chars(f, count)
            else:
                if type(fmt) is not str or fmt[:1] != '*':
                    raise ArgErr(n, 'invalid option')
                reader = _FORMATS.get(fmt[1:2])
                if reader is None:
                    raise ArgErr(n, 'invalid format')
                if not h.readable:
                    raise _ebadf()
                v = reader(f)
            out.append(v)
            if v is None:
                break
        return out
    except (OSError, ValueError) as e:
        return fail(e)


# ---- writing ----------------------------------------------------------------------------

def _emit(h, f, pieces):
    data = ''.join(pieces).encode('latin-1')
    if not data:
        return (True,)          # fwrite of nothing succeeds on any stream
    if not h.writable:
        return fail(errno.EBADF)
    try:
        f.write(data)
        h.after_write(f, data)
    except (OSError, ValueError) as e:
        return fail(e)
    return (True,)


def g_write(h, f, args, first):
    """g_write: strings as they are, numbers as %.14g; true or a failure."""
    pieces = []
    for n in range(first, len(args) + 1):
        v = args[n - 1]
        if type(v) is str:
            pieces.append(v)
        elif type(v) is float:
            pieces.append(number_to_str(v))
        else:
            _emit(h, f, pieces)   # what came before the bad argument is written
            raise type_error(n, 'string', v)
    return _emit(h, f, pieces)


# ---- the io table ----------------------------------------------------------------------

@libfunction(LIB, 'close')
def io_close(args):
    if not args:
        args = [_io_state().output]
    to_file(args)
    return args[0].value.close()


@libfunction(LIB, 'flush')
def io_flush(args):
    _, f = _default_file('output')
    return _flush(f)


def _flush(f):
    try:
        f.flush()
    except (OSError, ValueError) as e:
        return fail(e)
    return (True,)


def _set_default(args, which, mode):
    """g_iofile: io.input/io.output with a file name or a file."""
    st = _io_state()
    v = arg(args, 1)
    if v is not None:
        if type(v) is str or type(v) is float:
            name = v if type(v) is str else number_to_str(v)
            try:
                handle = open_file(name, mode)
            except OSError as e:
                raise ArgErr(1, f'{c_name(name)}: {os.strerror(os_errno(e))}')
            v = new_file(current_state(), handle)
        else:
            to_file(args)
        setattr(st, which, v)
    return (getattr(st, which),)


@libfunction(LIB, 'input')
def io_input(args):
    return _set_default(args, 'input', 'r')


@libfunction(LIB, 'output')
def io_output(args):
    return _set_default(args, 'output', 'w')


def _lines_iterator(u, toclose):
    """io_readline as a closure over the file and whether to close it at EOF."""
    def readline(args):
        h = u.value
        f = h.stream()
        if f is None:
            raise LibErr('file is already closed')
        try:
            if not h.readable:
                raise _ebadf()
            line = read_line(f)
        except (OSError, ValueError) as e:
            raise LibErr(os.strerror(os_errno(e)))
        if line is not None:
            return (line,)
        if toclose:
            h.close()
        return ()
    return builtin(readline, 'lines')


@libfunction(LIB, 'lines')
def io_lines(args):
    if arg(args, 1) is None:
        if not args:
            args = [_io_state().input]     # a nil argument stays: 5.1 rejects it
        to_file(args)
        return (_lines_iterator(args[0], False),)
    name = check_string(args, 1)
    try:
        handle = open_file(name, 'r')
    except OSError as e:
        raise ArgErr(1, f'{c_name(name)}: {os.strerror(os_errno(e))}')
    return (_lines_iterator(new_file(current_state(), handle), True),)


@libfunction(LIB, 'open')
def io_open(args):
    name = check_string(args, 1)
    mode = opt_string(args, 2, 'r')
    try:
        handle = open_file(name, mode)
    except OSError as e:
        return fail(e, name)
    return (new_file(current_state(), handle),)


def _popen_mode(mode):
    """glibc's popen mode: r or w, and e (close-on-exec); else None."""
    rd = wr = False
    for ch in c_name(mode):
        if ch == 'r':
            rd = True
        elif ch == 'w':
            wr = True
        elif ch != 'e':
            return None
    return None if rd == wr else rd


@libfunction(LIB, 'popen')
def io_popen(args):
    cmd = check_string(args, 1)
    mode = opt_string(args, 2, 'r')
    state = current_state()
    reading = _popen_mode(mode)
    if reading is None:
        return fail(errno.EINVAL, cmd)
    flush_all(state)
    try:
        import subprocess          # here: importing it slows every start-up
        proc = subprocess.Popen(c_name(cmd).encode('latin-1'), shell=True,
                                stdout=subprocess.PIPE if reading else None,
                                stdin=None if reading else subprocess.PIPE)
    except OSError as e:
        return fail(e, cmd)
    f = proc.stdout if reading else proc.stdin
    return (new_file(state, PipeFile(f, reading, not reading, proc)),)


@libfunction(LIB, 'read')
def io_read(args):
    h, f = _default_file('input')
    return g_read(h, f, args, 1)


@libfunction(LIB, 'tmpfile')
def io_tmpfile(args):
    try:
        import tempfile
        f = tempfile.TemporaryFile()      # noqa: SIM115 (the Lua file owns it)
    except OSError as e:
        return fail(e)
    return (new_file(current_state(), LuaFile(f, True, True)),)


@libfunction(LIB, 'type')
def io_type(args):
    v = check_any(args, 1)
    if type(v) is Userdata and v.meta is _io_state().meta:
        return ('closed file' if v.value.f is None else 'file',)
    return (None,)


@libfunction(LIB, 'write')
def io_write(args):
    h, f = _default_file('output')
    return g_write(h, f, args, 1)


# ---- file methods (the FILE* metatable) --------------------------------------------------

_METHODS = {}


def method(name):
    def register(fn):
        host_function(fn, name)
        _METHODS[name] = fn
        return fn
    return register


@method('close')
def f_close(args):
    # liolib registers io_close here too, but with the globals as its
    # environment: with no argument it takes _G[2] instead of the output
    if not args:
        args = [_io_state().env.get(2.0)]
    to_file(args)
    return args[0].value.close()


@method('flush')
def f_flush(args):
    _, f = to_file(args)
    return _flush(f)


@method('lines')
def f_lines(args):
    to_file(args)
    return (_lines_iterator(args[0], False),)


@method('read')
def f_read(args):
    h, f = to_file(args)
    return g_read(h, f, args, 2)


_SEEK_MODES = ('set', 'cur', 'end')


@method('seek')
def f_seek(args):
    _, f = to_file(args)
    whence = _SEEK_MODES.index(check_option(args, 2, 'cur', _SEEK_MODES))
    offset = opt_int(args, 3, 0)
    try:
        if whence == 0 and offset < 0:
            return fail(errno.EINVAL)
        pos = f.seek(offset, whence)
    except io.UnsupportedOperation:
        return fail(errno.ESPIPE)
    except (OSError, OverflowError, ValueError) as e:
        return fail(e, None, errno.EINVAL)
    return (float(pos),)


@method('setvbuf')
def f_setvbuf(args):
    h, f = to_file(args)
    mode = check_option(args, 2, None, ('no', 'full', 'line'))
    opt_int(args, 3, 8192)
    if h.vbuf != 'no':      # glibc keeps its 1-byte buffer once unbuffered
        h.vbuf = None if mode == 'full' else mode
    if mode == 'no':
        return _flush(f)
    return (True,)


@method('write')
def f_write(args):
    h, f = to_file(args)
    return g_write(h, f, args, 2)


@method('__gc')
def f_gc(args):
    # A state may be finalized (closed) while another one is current, so a
    # file of any state is accepted here.
    u = arg(args, 1)
    h = u.value if type(u) is Userdata else None
    if not isinstance(h, LuaFile):
        h = check_file(args).value
    if h.f is not None:
        h.close()
    return ()


@method('__tostring')
def f_tostring(args):
    h = check_file(args).value
    if h.f is None:
        return ('file (closed)',)
    return (f'file (0x{id(h):x})',)


def setup(state, t):
    meta = LuaTable()
    for name, fn in _METHODS.items():
        meta.hash[name] = LuaFunction(fn, None, None, state.globals, name)
    meta.hash['__index'] = meta
    state.registry.hash[FILEHANDLE] = meta
    st = state.io_state = IoState(meta, state.globals)
    for name in ('stdin', 'stdout', 'stderr'):
        u = Userdata(StdFile(state, name), meta)
        t.hash[name] = u
    st.input = t.hash['stdin']
    st.output = st.stdout = t.hash['stdout']
