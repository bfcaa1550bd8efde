"""The interactive mode of the command line (lua.c's dotty)."""
import sys
from contextlib import nullcontext

from .cli import message, write_out


def read_line(prompt):
    """A line from stdin (None at its end), after the prompt on stdout; a
    standard stream whose descriptor was closed is None in Python."""
    if sys.stdin is None:
        return None
    if sys.stdout is None:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith('\n') else line or None
    try:
        return input(prompt)
    except EOFError:
        return None


def incomplete(msg):
    """A syntax error at the end of the input: wait for more lines."""
    return msg.endswith("'<eof>'")


def prompt_of(lua, name, default):
    p = lua.globals.hash.get(name)
    return p if type(p) is str else default


def repl(lua):
    try:
        import readline  # noqa: F401  (line editing and history for input())
    except ImportError:
        pass
    waiting = lua.sigint.prompt if lua.sigint else nullcontext
    while True:
        with waiting():
            line = read_line(prompt_of(lua, '_PROMPT', '> '))
        if line is None:
            break
        if line.startswith('='):
            line = 'return ' + line[1:]
        while True:
            loaded = lua.load(line, '=stdin')
            if loaded[0] is not None or not incomplete(loaded[1]):
                break
            with waiting():
                more = read_line(prompt_of(lua, '_PROMPT2', '>> '))
            if more is None:
                break
            line += '\n' + more
        if loaded[0] is None:
            show(loaded[1])
            continue
        ok, results = lua.do_chunk(loaded)
        if not ok:
            show(results)
        elif results:
            ok, msg = lua.call(lua.globals.hash.get('print'), list(results))
            if not ok:
                show("error calling 'print' (%s)" % msg)
    write_out(sys.stdout, '\n')


def show(msg):
    """report() with no program name; an error value of nil shows nothing."""
    if msg is not None:
        message(None, msg)
