"""LazyPattern: a regular expression compiled at its first use."""
import re

from moonpatch.common.lazyre import LazyPattern


def test_compiles_at_the_first_use_and_behaves_as_the_compiled_pattern():
    lazy = LazyPattern(r'(a+)(b?)', re.I)
    assert 'match' not in vars(lazy)            # nothing compiled by making it
    compiled = re.compile(r'(a+)(b?)', re.I)
    assert lazy.match('xAAb', 1).groups() == compiled.match('xAAb', 1).groups()
    assert 'match' in vars(lazy)                # the compiled pattern's method, from now on
    assert lazy.findall('ab aab') == compiled.findall('ab aab')
    assert lazy.sub('-', 'ab x') == '- x'
    assert lazy.search('xxab').start() == 2
    assert lazy.groups == 2
