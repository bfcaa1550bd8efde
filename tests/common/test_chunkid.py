"""chunkid (common/chunkid.py): chunk names as lua5.1 prints them in messages."""
import pytest

from moonpatch.common.chunkid import LUA_IDSIZE, chunkid
from moonpatch.frontend.lexer import MAXSRC

# (chunkname, what lua5.1 printed before ':1:' in a runtime error)
RUNTIME_CHUNKIDS = [
    ('=stdin', 'stdin'),
    ('=' + 'b' * 58, 'b' * 58), ('=' + 'b' * 59, 'b' * 59), ('=' + 'b' * 60, 'b' * 59),
    ('@' + 'a' * 52, 'a' * 52), ('@' + 'a' * 53, '...' + 'a' * 52),
    ('@dir/' + 'a' * 60 + '.lua', '...' + 'a' * 48 + '.lua'),
    ('x = nil + 1', '[string "x = nil + 1"]'),
    ('c' * 42 + 'x', '[string "' + 'c' * 42 + 'x"]'),
    ('c' * 43 + 'xy', '[string "' + 'c' * 43 + '..."]'),
    ('c' * 44 + 'xyz', '[string "' + 'c' * 43 + '..."]'),
    ('first\nsecond', '[string "first..."]'), ('a\rb', '[string "a..."]'),
    ('', '[string ""]'), ('@', ''), ('=', ''), ('nul\0after', '[string "nul"]'),
]


@pytest.mark.parametrize('chunkname, expected', RUNTIME_CHUNKIDS)
def test_chunkid(chunkname, expected):
    assert chunkid(chunkname) == expected
    assert chunkid(chunkname, LUA_IDSIZE) == expected


def test_chunkid_for_syntax_errors_is_longer():
    assert chunkid('c' * 63, MAXSRC) == '[string "' + 'c' * 63 + '"]'
    assert chunkid('c' * 64, MAXSRC) == '[string "' + 'c' * 63 + '..."]'
    assert chunkid('@' + 'a' * 73, MAXSRC) == '...' + 'a' * 72
