"""The command line against lua5.1's lua.c: output, errors, exit status.

Expected texts were captured from lua5.1 (with 'lua5.1' read as 'moonpatch');
-E, -b and the listing are LuaJIT's options.
"""
import pytest

from .clirun import environment, run

SCRIPTS = {
    's.lua': 'print("script", ...)\nprint(arg[0], arg[1], arg[-1], #arg)\n',
    'mymod.lua': 'local M = {}\nfunction M.hi() return "hi" end\nmod_loaded = true\nreturn M\n',
    'err.lua': 'local function f() error("boom") end\nf()\n',
    'syn.lua': 'x = = 1\n',
    'sb.lua': '#!/usr/bin/env lua\nprint("shebang ok")\n',
    'gcerr.lua': 'local u = newproxy(true) getmetatable(u).__gc = function() print("gc") end\n'
                 '_G.u = u error("x")\n',
}

USAGE = """usage: moonpatch [options] [script [args]].
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


@pytest.fixture
def workdir(tmp_path, script):
    for name, text in SCRIPTS.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def moonpatch(cwd, *args, stdin='', env=None):
    """Run `moonpatch args` as a shell would, found on PATH."""
    return run(cwd, ['moonpatch', *args], stdin, environment(**(env or {})))


CASES = [
    (['s.lua', 'a', 'b'], 'script\ta\tb\ns.lua\ta\tmoonpatch\t2\n', '', 0),
    (['-e', 'print(1)', 's.lua'], '1\nscript\ns.lua\tnil\tprint(1)\t0\n', '', 0),
    (['-l', 'mymod', '-e', 'print(mod_loaded)'], 'true\n', '', 0),
    (['err.lua'], '', "moonpatch: err.lua:1: boom\nstack traceback:\n\t[C]: in function 'error'\n"
     "\terr.lua:1: in function 'f'\n\terr.lua:2: in main chunk\n\t[C]: ?\n", 1),
    (['syn.lua'], '', "moonpatch: syn.lua:1: unexpected symbol near '='\n", 1),
    (['nofile.lua'], '', 'moonpatch: cannot open nofile.lua: No such file or directory\n', 1),
    (['-e', 'error({})'], '', 'moonpatch: (error object is not a string)\n', 1),
    (['-e', 'error()'], '', '', 1),
    (['-e', 'error(nil)'], '', '', 1),
    (['-e', 'error(true)'], '', 'moonpatch: (error object is not a string)\n', 1),
    (['-e', 'error(setmetatable({}, {__tostring = function() return "TS" end}))'], '',
     'moonpatch: (error object is not a string)\n', 1),
    (['-e', 'error(4.5)'], '', "moonpatch: (command line):1: 4.5\nstack traceback:\n"
     "\t[C]: in function 'error'\n\t(command line):1: in main chunk\n\t[C]: ?\n", 1),
    (['-e', 'error("\\233")'], '', "moonpatch: (command line):1: \xe9\nstack traceback:\n"
     "\t[C]: in function 'error'\n\t(command line):1: in main chunk\n\t[C]: ?\n", 1),
    (['gcerr.lua'], 'gc\n', "moonpatch: gcerr.lua:2: x\nstack traceback:\n"
     "\t[C]: in function 'error'\n\tgcerr.lua:2: in main chunk\n\t[C]: ?\n", 1),
    (['-e', 'error(42)'], '', "moonpatch: (command line):1: 42\nstack traceback:\n"
     "\t[C]: in function 'error'\n\t(command line):1: in main chunk\n\t[C]: ?\n", 1),
    (['-e'], '', USAGE, 1),
    (['-z'], '', USAGE, 1),
    (['--', 's.lua', 'x'], 'script\tx\ns.lua\tx\t--\t1\n', '', 0),
    (['sb.lua'], 'shebang ok\n', '', 0),
    (['-e', 'x=1', '-e', 'print(x)'], '1\n', '', 0),
]


@pytest.mark.parametrize('args,out,err,status', CASES, ids=[' '.join(c[0]) for c in CASES])
def test_like_lua51(workdir, args, out, err, status):
    assert moonpatch(workdir, *args) == (out, err, status)


def test_stdin_script_with_arguments(workdir):
    assert moonpatch(workdir, '-', 'p', 'q', stdin='print("from stdin", ...)') == \
        ('from stdin\tp\tq\n', '', 0)


def test_piped_program_without_script(workdir):
    assert moonpatch(workdir, stdin='print(6 * 7)') == ('42\n', '', 0)
    # lua.c ignores the status of a program it reads from stdin without '-'
    assert moonpatch(workdir, stdin='error()') == ('', '', 0)
    assert moonpatch(workdir, '-', stdin='error()') == ('', '', 1)


def test_lua_init_code_file_and_E(workdir):
    (workdir / 'init.lua').write_text('init_file = "yes"\n')
    assert moonpatch(workdir, '-e', 'print(2)', env={'LUA_INIT': 'print("init")'})[0] == \
        'init\n2\n'
    assert moonpatch(workdir, '-e', 'print(init_file)', env={'LUA_INIT': '@init.lua'})[0] == \
        'yes\n'
    assert moonpatch(workdir, '-E', '-e', 'print(2)', env={'LUA_INIT': 'print("init")'})[0] == \
        '2\n'
    out, err, status = moonpatch(workdir, '-e', 'print(3)', env={'LUA_INIT': 'error("x")'})
    assert (out, status) == ('', 1) and err.startswith('moonpatch: LUA_INIT:1: x\n')


def test_version(workdir):
    out, err, status = moonpatch(workdir, '-v')       # lua5.1 prints it on stderr
    assert (out, status) == ('', 0) and err.startswith('moonpatch ') and 'Lua 5.1' in err


def test_interactive_mode(workdir):
    out, err, status = moonpatch(
        workdir, '-i', stdin='print(1)\n= 2+3\nlocal t = {\n1}\nprint(#t)\nerror("x")\n'
        'error()\nerror({})\n')
    assert status == 0
    assert out.replace('>> ', '').replace('> ', '').split('\n') == ['1', '5', '', '']
    assert err.startswith('moonpatch ')                                 # the version
    assert err.split('\n', 1)[1] == (
        "stdin:1: attempt to get length of global 't' (a nil value)\nstack traceback:\n"
        "\tstdin:1: in main chunk\n\t[C]: ?\n"
        "stdin:1: x\nstack traceback:\n\t[C]: in function 'error'\n"
        "\tstdin:1: in main chunk\n\t[C]: ?\n"
        "(error object is not a string)\n")


def test_bytecode_listing_and_binary_chunk(workdir):
    out, err, status = moonpatch(workdir, '-bl', 's.lua')
    assert status == 0 and out.startswith('-- BYTECODE -- s.lua:0-')
    assert '0001    GGET     0   0      ; "print"' in out
    assert moonpatch(workdir, '-b', 's.lua', 's.raw')[2] == 0
    data = (workdir / 's.raw').read_bytes()
    assert data.startswith(b'\x1bLJ')
    assert moonpatch(workdir, 's.raw', 'z') == ('script\tz\ns.raw\tz\tmoonpatch\t1\n', '', 0)
    # as luajit -bl and -b, a binary chunk file is read as loadfile reads it
    listed, err, status = moonpatch(workdir, '-bl', 's.raw')
    assert (err, status) == ('', 0) and listed.startswith('-- BYTECODE -- s.raw:')
    assert listed.split('\n', 1)[1] == out.split('\n', 1)[1]
    assert moonpatch(workdir, '-b', 's.raw', 's2.raw')[2] == 0
    assert (workdir / 's2.raw').read_bytes() == data

