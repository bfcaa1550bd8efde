"""The command line: a drop-in for lua5.1 (lua.c) and luajit.

    moonpatch [options] [script [args]]

Options as lua5.1's (-e -l -i -v -E -- -) plus LuaJIT's -b (list or save
bytecode), -j and -O (accepted; the JIT gives them meaning).
"""
import os
import sys

from . import engine
from .runtime.stack import run_deep

PROGNAME = 'moonpatch'
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


def message(msg):
    """l_message: 'moonpatch: msg' on stderr."""
    sys.stderr.write('%s: %s\n' % (PROGNAME, msg) if PROGNAME else msg + '\n')
    sys.stderr.flush()


def usage():
    sys.stderr.write(USAGE % PROGNAME)
    sys.stderr.flush()


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


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    return run_deep(lambda: _main(argv))


def _main(argv):
    parsed = parse_args(argv)
    if parsed is None:
        usage()
        return 1
    actions, script, flags = parsed
    if actions and actions[-1][0] == 'b':
        return save_bytecode(actions[-1][1], argv[script:] if script is not None else [])
    lua = engine.Engine(use_env=not flags['E'])
    if not flags['E']:
        init = os.environ.get('LUA_INIT')
        if init is not None and not run_init(lua, init):
            return 1
    if flags['v']:
        print(VERSION)
        sys.stdout.flush()
    for opt, value in actions:
        if opt == 'e':
            if not report(lua.do_string(value, '=(command line)')):
                return 1
        elif opt == 'l':
            if not report(lua.do_require(value)):
                return 1
        elif opt == 'j':
            if not report(lua.jit_command(value)):
                return 1
    if script is not None:
        lua.set_arg_table(argv, script)
        name = argv[script]
        if name == '-' and (script == 0 or argv[script - 1] != '--'):
            name = None
        if not report(lua.do_file(name, argv[script + 1:])):
            return 1
    if flags['i']:
        from .repl import repl
        repl(lua)
    elif script is None and not flags['e'] and not flags['v']:
        if sys.stdin.isatty():
            print(VERSION)
            from .repl import repl
            repl(lua)
        elif not report(lua.do_file(None, [])):
            return 1
    lua.close()
    return 0


def run_init(lua, init):
    if init[:1] == '@':
        return report(lua.do_file(init[1:], []))
    return report(lua.do_string(init, '=LUA_INIT'))


def report(result):
    """Print a failed step's message (with traceback) as lua.c does;
    True when the step succeeded."""
    ok, msg = result
    if not ok:
        message(msg)
    return ok


def save_bytecode(opts, rest):
    """luajit -b: `-bl in` lists, `-b[s] in out` writes a binary chunk."""
    from .bytecode.dump import dump
    from .bytecode.listing import listing
    from .frontend.codegen import compile_chunk
    from .errors import LuaError
    if not rest:
        usage()
        return 1
    src = rest[0]
    try:
        if src == '-':
            text, name = sys.stdin.buffer.read().decode('latin-1'), '=stdin'
        else:
            with open(src, 'rb') as f:
                text, name = f.read().decode('latin-1'), '@' + src
        proto = compile_chunk(text, name, skip_shebang=True)
    except OSError as e:
        message('cannot open %s: %s' % (src, e.strerror))
        return 1
    except LuaError as e:
        message(str(e))
        return 1
    if 'l' in opts:
        out = listing(proto)
        if len(rest) > 1 and rest[1] != '-':
            with open(rest[1], 'w', encoding='latin-1') as f:
                f.write(out)
        else:
            sys.stdout.write(out)
        return 0
    if len(rest) < 2:
        usage()
        return 1
    data = dump(proto, strip='g' not in opts).encode('latin-1')    # -g keeps debug info
    if rest[1] == '-':
        sys.stdout.buffer.write(data)
    else:
        with open(rest[1], 'wb') as f:
            f.write(data)
    return 0
