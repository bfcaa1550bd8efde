"""The package's layers import only downward (docs/ARCHITECTURE.md, Layout).

Every module's imports are read with ast, without importing anything, so a
function-level (lazy) import counts as much as one at the top. A module in
a package the table below does not know fails the test: a new part of the
engine has to say where it sits.
"""
import ast
import pathlib

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parent.parent / 'moonpatch'

# Module (or package) -> its layer; the longest matching name wins.
LAYER_OF = {
    'moonpatch.common': 'common',
    'moonpatch.errors': 'errors',
    'moonpatch.bytecode': 'bytecode',
    'moonpatch.frontend': 'frontend',
    'moonpatch.runtime': 'runtime',
    'moonpatch.jit': 'jit',
    'moonpatch.loader': 'loader',
    'moonpatch.lib': 'lib',
    # the host side: the command line, the Python API and what they share
    'moonpatch': 'host',
    'moonpatch.__main__': 'host',
    'moonpatch.bridge': 'host',
    'moonpatch.cli': 'host',
    'moonpatch.engine': 'host',
    'moonpatch.luaruntime': 'host',
    'moonpatch.repl': 'host',
    'moonpatch.sandbox': 'host',
    'moonpatch.isolated': 'host',
    'moonpatch.sigint': 'host',
}

# Layer -> the other layers it may import. errors.py holds the exceptions
# every layer raises, so it sits at the bottom beside common.
MAY_IMPORT = {
    'common': set(),
    'errors': set(),
    'bytecode': {'common', 'errors'},
    'frontend': {'common', 'errors', 'bytecode'},
    'runtime': {'common', 'errors', 'bytecode'},
    'jit': {'common', 'errors', 'bytecode', 'runtime'},
    'loader': {'common', 'errors', 'bytecode', 'frontend', 'runtime'},
    # lib/jit.py is the jit.* library: it may drive the JIT below it
    'lib': {'common', 'errors', 'bytecode', 'runtime', 'jit', 'loader'},
    'host': set(LAYER_OF.values()),
}



def layer_of(module):
    """The layer of the module itself, else of its innermost package below
    the top one (which is no catch-all: a new module must be placed)."""
    if module in LAYER_OF:
        return LAYER_OF[module]
    parts = module.split('.')
    for n in range(len(parts) - 1, 1, -1):
        package = '.'.join(parts[:n])
        if package in LAYER_OF:
            return LAYER_OF[package]
    raise LookupError(f'{module} is in no layer: add it to LAYER_OF')


def module_name(path):
    parts = list(path.relative_to(PACKAGE.parent).with_suffix('').parts)
    if parts[-1] == '__init__':
        parts.pop()
    return '.'.join(parts)


def package_modules():
    return {module_name(p): p for p in sorted(PACKAGE.rglob('*.py'))}


def imported_modules(source, module, is_package, known):
    """(line, imported module) for each import of the package in source,
    at any depth. `from X import name` counts as X.name when that is a
    module of the package (in `known`), else as X."""
    package = module if is_package else module.rsplit('.', 1)[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split('.')
                base = parts[:len(parts) - node.level + 1]
                target = '.'.join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            imported = (f'{target}.{alias.name}' for alias in node.names)
            for name in dict.fromkeys(sub if sub in known else target for sub in imported):
                yield node.lineno, name


def violations(modules):
    """'module:line imports target (layer -> layer)' for each upward import."""
    found = []
    for module, path in modules.items():
        source = path.read_text(encoding='utf-8')
        layer = layer_of(module)
        is_package = path.name == '__init__.py'
        for line, target in imported_modules(source, module, is_package, modules):
            if target != 'moonpatch' and not target.startswith('moonpatch.'):
                continue
            target_layer = layer_of(target)
            if target_layer == layer or target_layer in MAY_IMPORT[layer]:
                continue
            found.append(f'{module}:{line} imports {target} ({layer} -> {target_layer})')
    return found


def test_every_layer_imports_only_the_layers_below_it():
    assert violations(package_modules()) == []


@pytest.mark.parametrize('source, expected', [
    # a lazy import inside a function counts
    ('def f():\n    from ..frontend.lexer import chunkid\n',
     ['moonpatch.runtime.fake:2 imports moonpatch.frontend.lexer (runtime -> frontend)']),
    ('import moonpatch.lib.base\n',
     ['moonpatch.runtime.fake:1 imports moonpatch.lib.base (runtime -> lib)']),
    ('from .. import loader\n',
     ['moonpatch.runtime.fake:1 imports moonpatch.loader (runtime -> loader)']),
    ('from ..common.chunkid import chunkid\nfrom . import ops\nimport math\n', []),
])
def test_the_check_sees_upward_imports(tmp_path, source, expected):
    path = tmp_path / 'fake.py'
    path.write_text(source, encoding='utf-8')
    modules = dict(package_modules())
    modules['moonpatch.runtime.fake'] = path
    assert [v for v in violations(modules) if v.startswith('moonpatch.runtime.fake')] == expected


@pytest.mark.parametrize('module', ['moonpatch.newpart', 'moonpatch.newpackage.part'])
def test_a_module_outside_every_layer_is_an_error(module):
    with pytest.raises(LookupError):
        layer_of(module)
