"""docs/python-api.md: every ```python block is a doctest, run in order in
one namespace, so the guide's examples are what the code does."""
import doctest
import os
import re

DOC = os.path.join(os.path.dirname(__file__), '..', '..', 'docs', 'python-api.md')
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def blocks():
    with open(DOC, encoding='utf-8') as f:
        text = f.read()
    for m in re.finditer(r'```python\n(.*?)```', text, re.DOTALL):
        yield text.count('\n', 0, m.start()) + 1, m.group(1)


def test_every_block_has_examples():
    found = list(blocks())
    assert len(found) >= 10
    for line, block in found:
        assert '>>>' in block, f'python block at line {line} has no example'


def test_docs_examples_run():
    globs = {}
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    report = []
    for line, block in blocks():
        test = parser.get_doctest(block, globs, f'python-api.md:{line}', DOC, line)
        runner.run(test, out=report.append, clear_globs=False)
        globs.update(test.globs)          # DocTest works on a copy
    assert runner.failures == 0, ''.join(report)
