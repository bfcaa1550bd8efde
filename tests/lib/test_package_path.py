"""package.path and package.cpath from LUA_PATH/LUA_CPATH (";;" standing
for the default), ignored under -E (state.use_env False); the command
line's -l; require through a path in the environment."""
import os
import shutil
import subprocess
import sys

import pytest

from moonpatch.engine import Engine
from moonpatch.lib.package import LUA_CPATH_DEFAULT, LUA_PATH_DEFAULT

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HAVE_LUA51 = shutil.which('lua5.1') is not None


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ('LUA_INIT', 'LUA_PATH', 'LUA_CPATH')}
    env.update(extra)
    return env


def moonpatch(args, cwd=None, **extra):
    env = clean_env(PYTHONPATH=ROOT, **extra)
    return subprocess.run([sys.executable, '-m', 'moonpatch', *args], capture_output=True,
                          env=env, cwd=cwd, timeout=60, check=False)


def paths(use_env, monkeypatch, **env):
    for var in ('LUA_PATH', 'LUA_CPATH'):
        monkeypatch.delenv(var, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    lua = Engine(use_env=use_env)
    pkg = lua.globals.hash['package']
    return pkg.hash['path'], pkg.hash['cpath']


def test_defaults(monkeypatch):
    assert paths(True, monkeypatch) == (LUA_PATH_DEFAULT, LUA_CPATH_DEFAULT)
    assert LUA_PATH_DEFAULT.startswith('./?.lua;')
    assert LUA_CPATH_DEFAULT.startswith('./?.so;')


@pytest.mark.parametrize('value,expected', [
    ('./?.x', './?.x'),
    ('./?.x;;', './?.x;' + LUA_PATH_DEFAULT + ';'),
    (';;./?.x', ';' + LUA_PATH_DEFAULT + ';./?.x'),
    ('a;;b;;c', 'a;' + LUA_PATH_DEFAULT + ';b;' + LUA_PATH_DEFAULT + ';c'),
    (';;;', ';' + LUA_PATH_DEFAULT + ';;'),
    ('', ''),
    ('x\1y', 'x' + LUA_PATH_DEFAULT + 'y'),
])
def test_lua_path(monkeypatch, value, expected):
    assert paths(True, monkeypatch, LUA_PATH=value)[0] == expected


def test_lua_cpath(monkeypatch):
    path, cpath = paths(True, monkeypatch, LUA_CPATH='/x/?.so;;')
    assert (path, cpath) == (LUA_PATH_DEFAULT, '/x/?.so;' + LUA_CPATH_DEFAULT + ';')


def test_use_env_false_ignores_the_environment(monkeypatch):
    assert paths(False, monkeypatch, LUA_PATH='/x/?.lua', LUA_CPATH='/x/?.so') == (
        LUA_PATH_DEFAULT, LUA_CPATH_DEFAULT)


def test_command_line_minus_E(tmp_path):
    r = moonpatch(['-e', 'print(package.path)'], LUA_PATH='/from/env/?.lua')
    assert r.stdout == b'/from/env/?.lua\n'
    r = moonpatch(['-E', '-e', 'print(package.path)'], LUA_PATH='/from/env/?.lua')
    assert r.stdout == LUA_PATH_DEFAULT.encode() + b'\n'


@pytest.mark.skipif(not HAVE_LUA51, reason='lua5.1 not installed')
@pytest.mark.parametrize('value', ['./?.x', './?.x;;', ';;', 'a;;b'])
def test_lua_path_matches_lua51(value):
    # the default path is lua5.1's own on Debian-like systems
    env = clean_env(LUA_PATH=value, LUA_CPATH=value)
    ref = subprocess.run(['lua5.1', '-e', 'print(package.path) print(package.cpath)'],
                         capture_output=True, env=env, timeout=30, check=False).stdout
    r = moonpatch(['-e', 'print(package.path) print(package.cpath)'],
                  LUA_PATH=value, LUA_CPATH=value)
    if ref.split(b'\n')[0] == (value.replace(';;', ';' + LUA_PATH_DEFAULT + ';')).encode():
        assert r.stdout == ref


def test_require_through_lua_path(tmp_path):
    lib = tmp_path / 'lib'
    (lib / 'deep').mkdir(parents=True)
    (lib / 'found.lua').write_bytes(b'return "found as " .. ...')
    (lib / 'deep' / 'mod.lua').write_bytes(b'return "deep as " .. ...')
    r = moonpatch(['-e', 'print(require "found") print(require "deep.mod")'], cwd=tmp_path,
                  LUA_PATH=str(lib) + '/?.lua')
    assert r.stdout == b'found as found\ndeep as deep.mod\n'
    r = moonpatch(['-E', '-e', 'print(pcall(require, "found"))'], cwd=tmp_path,
                  LUA_PATH=str(lib) + '/?.lua')
    assert r.stdout.startswith(b"false\tmodule 'found' not found:\n\tno field package.preload")


def test_minus_l_requires_before_the_script(tmp_path):
    (tmp_path / 'early.lua').write_bytes(b'print("loading", ...) early_loaded = true')
    r = moonpatch(['-l', 'early', '-e', 'print(early_loaded, package.loaded.early)'],
                  cwd=tmp_path)
    assert r.stdout == b'loading\tearly\ntrue\ttrue\n'
    assert r.returncode == 0


def test_minus_l_missing_module(tmp_path):
    r = moonpatch(['-l', 'absent', '-e', 'print("not reached")'], cwd=tmp_path,
                  LUA_PATH='./?.lua', LUA_CPATH='./?.so')
    assert r.returncode == 1
    assert r.stdout == b''
    assert r.stderr.startswith(
        b"moonpatch: module 'absent' not found:\n\tno field package.preload['absent']\n"
        b"\tno file './absent.lua'\n\tno file './absent.so'\n")
    if HAVE_LUA51:
        ref = subprocess.run(['lua5.1', '-l', 'absent', '-e', 'print("not reached")'],
                             capture_output=True, cwd=tmp_path, timeout=30, check=False,
                             env=clean_env(LUA_PATH='./?.lua', LUA_CPATH='./?.so'))
        assert r.stderr.replace(b'moonpatch:', b'lua5.1:') == ref.stderr


def test_minus_l_module_with_an_error(tmp_path):
    (tmp_path / 'broken.lua').write_bytes(b'error("broken module")')
    r = moonpatch(['-l', 'broken'], cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.startswith(b'moonpatch: ./broken.lua:1: broken module\n')


def test_path_templates_are_byte_strings(tmp_path):
    d = tmp_path / 'caf\xe9'
    d.mkdir()
    (d / 'm.lua').write_bytes(b'return "latin-1 dir"')
    lua = Engine(use_env=False)
    lua.globals.hash['P'] = os.fsencode(str(d)).decode('latin-1') + '/?.lua'
    ok, r = lua.call(lua.globals.hash['loadstring'].gate(
        ['package.path = P return require "m"'])[0], [])
    assert ok, r
    assert r[0] == 'latin-1 dir'
