"""Regular expressions compiled at their first use.

A module that compiles its patterns when it is imported pays for all of
them at every start-up, also for those a program never needs (the lexer's
hex numerals and rare escapes): about 50 us each, more for the long ones.
A lazy pattern's methods cost some 20 ns more per call than a compiled
one's, so it is for patterns off the hot paths.
"""
import re

_METHODS = ('match', 'fullmatch', 'search', 'findall', 'finditer', 'sub', 'subn', 'split')


class LazyPattern:
    """re.compile(pattern, flags), done when one of its attributes is first
    looked up. The compiled pattern's methods then become attributes of
    this object, so calls cost what they cost on the pattern itself."""

    def __init__(self, pattern, flags=0):
        self._source = (pattern, flags)

    def __getattr__(self, name):        # (only for what is not set yet)
        compiled = re.compile(*self._source)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)
