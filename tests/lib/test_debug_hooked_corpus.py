"""The hooked interpreter runs every program of tests/lua exactly as the plain
one does: each program runs once plainly and once under a call, return and
line hook that does nothing (so every event fires), and prints the same."""
import pytest

from luatest import programs, run_program

# the folders about the language (the library folders test library code);
# weak_tables: next() keeps the keys of its traversal alive (runtime/table.py),
# and a call hook makes pairs() call next; c_stack_overflow: a hook call is
# one more C level, which lua5.1 also shows (tests/api/test_c_levels.py)
FOLDERS = {'baselib', 'calls', 'closures', 'control', 'coroutines', 'errors', 'lexer', 'luajit',
           'metamethods', 'numbers', 'strings', 'syntax', 'tables'}
SKIP = {('metamethods', 'weak_tables'), ('errors', 'c_stack_overflow')}
CASES = [p for p in programs() if p[0] in FOLDERS and p not in SKIP]


def hooked(lua):
    ok, msg = lua.do_string('debug.sethook(function() end, "crl")', '=hook')
    assert ok, msg


@pytest.mark.parametrize('folder,name', CASES, ids=lambda x: x)
def test_same_output_under_hooks(folder, name):
    assert run_program(folder, name, hooked) == run_program(folder, name)
