"""The command line: a drop-in for lua5.1 (lua.c) and luajit.

    moonpatch [options] [script [args]]

Options as lua5.1's (-e -l -i -v -E -- -) plus LuaJIT's -b (list or save
bytecode), -j and -O (accepted; the JIT gives them meaning).

The program's name is lua.c's argv[0]: the prefix of its messages
(`lua5.1: x.lua:1: boom`) and arg[-n], the lowest index of `arg`, where test
runners find the interpreter to start it again (`os.execute(arg[-1] ..
' t.lua')`). The installed `moonpatch` is a script the kernel starts by its
path, the full path for a command found on PATH; when a PATH search for its
bare name finds that same file, the bare name is what was typed and is the
name. `python -m moonpatch` has no one word that starts it: its messages
say `moonpatch`, and arg[-n] is the Python command as it was started (with
its options and `-m moonpatch`), quoted for the shell that os.execute and
io.popen run commands with.

The standard streams behave as a C program's started by a shell. SIGPIPE
has its default action again (Python ignores it), so writing to a closed
pipe (`moonpatch big.lua | head -1`) ends the program silently with that
signal, as it ends lua5.1. Other write errors of print and of the command
line's own messages are ignored, as lua.c and print ignore those of stdio.
Ctrl-C is sigint.py's.
"""
import gc
import os
import signal
import sys

from . import engine
from .runtime.stack import run_deep
from .sigint import Sigint

VERSION = 'moonpatch 0.1 -- Lua 5.1 (LuaJIT 2.1 dialect)  Copyright (C) 2026 the moonpatch authors'

USAGE = """\
usage: %s [options] [script [args]].
Available options are:
  -e stat  execute string 'stat'
  -l name  require library 'name'
  -i       enter interactive mode after executing 'script'
  -v       show version information
  -E       ignore environment variables (LUA_INIT, LUA_PATH)
  -b ...   save or list bytecode (-bl file lists it)
  -j cmd   perform LuaJIT control command
  -O[opt]  control LuaJIT optimizations
  --       stop handling options
  -        execute stdin and stop handling options
"""


def command_name(path):
    """The name of a script started as `path` (sys.argv[0]): its bare name
    when that is what a PATH search finds, else the path as given."""
    name = os.path.basename(path)
    if name and os.path.isabs(path):
        found = which(name)
        try:
            if found is not None and os.path.samefile(found, path):
                return name
        except OSError:
            pass
    return path


def which(name):
    """shutil.which(name): the file a PATH search for the command finds.
    On POSIX it is done here, as shutil does it: importing shutil (which
    loads the compression modules) would cost the script ~2.5 ms a run."""
    if os.name != 'posix':
        import shutil
        return shutil.which(name)
    path = os.environ.get('PATH')
    if path is None:
        try:
            path = os.confstr('CS_PATH')
        except (AttributeError, ValueError):
            path = os.defpath
    if not path:
        return None
    for directory in dict.fromkeys(path.split(os.pathsep)):    # each once
        candidate = os.path.join(directory, name)
        if os.access(candidate, os.F_OK | os.X_OK) and not os.path.isdir(candidate):
            return candidate
    return None


def module_command():
    """`python -m moonpatch` as it was started: the words of the Python
    command line before the arguments moonpatch gets, as one shell command."""
    import shlex                # (only python -m needs it: not at the script's start-up)
    words = getattr(sys, 'orig_argv', None)     # Python 3.10+
    n = len(sys.argv) - 1
    if words and len(words) > n and words[len(words) - n:] == sys.argv[1:]:
        words = words[:len(words) - n]
    else:
        words = [sys.executable or 'python3', '-m', 'moonpatch']
    return ' '.join(shlex.quote(w) for w in words)


def write_out(stream, text):
    """fputs and fflush of a Lua string (its bytes), whose errors lua.c
    ignores; a stream whose descriptor was closed is None in Python."""
    stream = getattr(stream, 'buffer', stream)
    if stream is not None:
        try:
            stream.write(text.encode('latin-1'))
            stream.flush()
        except (OSError, ValueError):
            pass


def message(progname, msg):
    """l_message: 'progname: msg' on stderr (no prefix without a name)."""
    if progname:
        msg = '%s: %s' % (engine.to_lua_string(progname), msg)
    write_out(sys.stderr, msg + '\n')


def usage(progname):
    write_out(sys.stderr, USAGE % engine.to_lua_string(progname))


def parse_args(argv):
    """collectargs: (options in order, index of the script or None, flags);
    None when the command line is malformed."""
    actions = []
    flags = {'i': False, 'v': False, 'E': False, 'e': False}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a[:1] != '-':
            return actions, i, flags
        if a == '--':
            return actions, (i + 1 if i + 1 < len(argv) else None), flags
        if a == '-':
            return actions, i, flags
        opt = a[1:2]
        if opt in ('i', 'v', 'E') and len(a) == 2:
            flags[opt] = True
            if opt == 'i':
                flags['v'] = True
        elif opt in ('e', 'l', 'j'):
            value = a[2:]
            if not value:
                i += 1
                if i >= len(argv):
                    return None
                value = argv[i]
            actions.append((opt, value))
            if opt == 'e':
                flags['e'] = True
        elif opt == 'O':
            actions.append(('O', a[2:]))
        elif opt == 'b':
            actions.append(('b', a[2:]))
            return actions, i + 1, flags
        else:
            return None
        i += 1
    return actions, None, flags


def main(argv=None, progname=None, interpreter=None):
    """The entry point. argv: the arguments (default sys.argv[1:]: this
    process runs the command line, see freeze_modules); progname: the name
    in messages (default from sys.argv[0]); interpreter: the command that
    starts it again, arg's lowest index (default progname)."""
    if argv is None:
        argv = sys.argv[1:]
        freeze_modules()
    if progname is None:
        progname = command_name(sys.argv[0]) if sys.argv and sys.argv[0] else 'moonpatch'
    if interpreter is None:
        interpreter = progname
    sigint = None
    try:
        if hasattr(signal, 'SIGPIPE'):
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        sigint = Sigint()
        sigint.install()
    except ValueError:      # not the main thread, the only one signal handlers are set in
        sigint = None
    try:
        return run_deep(lambda: _main(argv, progname, interpreter, sigint))
    finally:
        end_output()          # also after os.exit


def freeze_modules():
    """The process is the command line's: what exists before the Lua state
    (the modules, mostly) lives until its exit, and Python's collector need
    not traverse it again, at the collections of the run nor at the exit
    (~4 ms of every run). PyPy has no gc.freeze."""
    freeze = getattr(gc, 'freeze', None)
    if freeze is not None:
        freeze()


def end_output():
    """Flush stdout before Python's exit does: if that fails (a full disk),
    lua.c's exit status stays 0, and Python must not report it either."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())       # the unwritten rest goes nowhere
        os.close(devnull)


def _main(argv, progname, interpreter, sigint):
    parsed = parse_args(argv)
    if parsed is None:
        usage(progname)
        return 1
    actions, script, flags = parsed
    if actions and actions[-1][0] == 'b':
        return save_bytecode(progname, actions[-1][1],
                             argv[script:] if script is not None else [])
    lua = engine.Engine(use_env=not flags['E'])
    lua.sigint = sigint
    status = run(lua, progname, interpreter, argv, actions, script, flags)
    lua.close()             # not after os.exit, which is C's exit()
    return status


def run(lua, progname, interpreter, argv, actions, script, flags):
    """lua.c's pmain after the state is made: 0 or 1 for the exit status."""
    if not flags['E']:
        init = os.environ.get('LUA_INIT')
        if init is not None and not run_init(lua, progname, init):
            return 1
    if flags['v']:
        message(None, VERSION)
    for opt, value in actions:
        if opt == 'e':
            step = lua.do_string(value, '=(command line)')
        elif opt == 'l':
            step = lua.do_require(value)
        elif opt == 'j':
            step = lua.jit_command(value)
        elif opt == 'O':
            step = lua.jit_opt(value)
        else:
            continue
        if not report(progname, step):
            return 1
    if script is not None:
        lua.set_arg_table([interpreter] + argv, script + 1)
        name = argv[script]
        if name == '-' and (script == 0 or argv[script - 1] != '--'):
            name = None
        if not report(progname, lua.do_file(name, argv[script + 1:])):
            return 1
    if flags['i']:
        from .repl import repl
        repl(lua)
    elif script is None and not flags['e'] and not flags['v']:
        if sys.stdin is not None and sys.stdin.isatty():
            message(None, VERSION)
            from .repl import repl
            repl(lua)
        else:
            report(progname, lua.do_file(None, []))     # lua.c ignores its status
    return 0


def run_init(lua, progname, init):
    if init[:1] == '@':
        return report(progname, lua.do_file(init[1:], []))
    return report(progname, lua.do_string(init, '=LUA_INIT'))


def report(progname, result):
    """Print a failed step's message (with traceback) as lua.c does, which
    prints nothing for an error value of nil; True when the step succeeded."""
    ok, msg = result
    if not ok and msg is not None:
        message(progname, msg)
    return ok


def save_bytecode(progname, opts, rest):
    """luajit -b: `-bl in [out]` lists, `-b[s|g] in out` writes a binary
    chunk; `in` is Lua source or a binary chunk, as loadfile reads it."""
    from .bytecode.dump import dump
    from .bytecode.listing import listing
    from .errors import LuaError
    from .lib.base import read_source_file
    from .loader import load_proto
    if not rest or ('l' not in opts and len(rest) < 2):
        usage(progname)
        return 1
    src = rest[0]
    try:
        text, name = read_source_file(None if src == '-' else engine.to_lua_string(src))
        proto = load_proto(text, name, skip_shebang=True)
    except OSError as e:
        message(progname, 'cannot open %s: %s' % (src, e.strerror))
        return 1
    except LuaError as e:
        message(progname, e.value)
        return 1
    if 'l' in opts:
        data = listing(proto)
    else:
        data = dump(proto, strip='g' not in opts)    # -g keeps debug info
    out = rest[1] if len(rest) > 1 else '-'
    if out == '-':
        write_out(sys.stdout, data)
        return 0
    try:
        with open(out, 'wb') as f:
            f.write(data.encode('latin-1'))
    except OSError as e:
        message(progname, '%s: %s' % (out, e.strerror))
        return 1
    return 0
