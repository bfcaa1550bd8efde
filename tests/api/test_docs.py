"""The user guides (docs/python-api.md, docs/sandbox.md): every ```python
block is a doctest, run in order in one namespace per guide, so the guides'
examples are what the code does."""
import doctest
import os
import re

import pytest

DOCS = os.path.join(os.path.dirname(__file__), '..', '..', 'docs')
GUIDES = {'python-api.md': 10, 'sandbox.md': 2}     # guide -> python blocks at least
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def blocks(name):
    with open(os.path.join(DOCS, name), encoding='utf-8') as f:
        text = f.read()
    for m in re.finditer(r'```python\n(.*?)```', text, re.DOTALL):
        yield text.count('\n', 0, m.start()) + 1, m.group(1)


@pytest.mark.parametrize('name', sorted(GUIDES))
def test_every_block_has_examples(name):
    found = list(blocks(name))
    assert len(found) >= GUIDES[name]
    for line, block in found:
        assert '>>>' in block, f'python block at line {line} has no example'


@pytest.mark.parametrize('name', sorted(GUIDES))
def test_docs_examples_run(name):
    globs = {}
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    report = []
    for line, block in blocks(name):
        test = parser.get_doctest(block, globs, f'{name}:{line}', os.path.join(DOCS, name),
                                  line)
        runner.run(test, out=report.append, clear_globs=False)
        globs.update(test.globs)          # DocTest works on a copy
    assert runner.failures == 0, ''.join(report)
