"""C modules cannot be loaded: the C searchers report the files they did
not find as lua5.1 does, and a file they find gives 5.1's error for a
build without dynamic libraries; package.loadlib returns nil, that
message and "absent"."""
import io
import os

import pytest

from moonpatch.engine import Engine
from moonpatch.lib.package import DLMSG


@pytest.fixture
def run(tmp_path):
    old = os.getcwd()
    os.chdir(tmp_path)

    def run(code):
        lua = Engine(use_env=False)
        out = io.BytesIO()
        lua.state.stdout = lua.state.stderr = out
        ok, msg = lua.do_string('package.path = "./?.lua" package.cpath = "./?.so;./lib?.so"\n'
                                + code, '=test')
        assert ok, msg
        return out.getvalue().decode('latin-1')
    yield run
    os.chdir(old)


def test_loadlib(run):
    assert run('print(package.loadlib("./libx.so", "luaopen_x"))') == f'nil\t{DLMSG}\tabsent\n'
    assert run('print(package.loadlib("*", "luaopen_x"))') == f'nil\t{DLMSG}\tabsent\n'


def test_c_module_found(run, tmp_path):
    (tmp_path / 'cmod.so').write_bytes(b'\x7fELF not really')
    assert run('print(pcall(require, "cmod"))') == (
        f"false\terror loading module 'cmod' from file './cmod.so':\n\t{DLMSG}\n")


def test_c_root_module_found(run, tmp_path):
    (tmp_path / 'libroot.so').write_bytes(b'')
    assert run('print(pcall(require, "root.child"))') == (
        f"false\terror loading module 'root.child' from file './libroot.so':\n\t{DLMSG}\n")


def test_lua_file_wins_over_c_file(run, tmp_path):
    (tmp_path / 'both.so').write_bytes(b'')
    (tmp_path / 'both.lua').write_bytes(b'return "lua version"')
    assert run('print(require "both")') == 'lua version\n'


def test_not_found_lists_c_files(run):
    assert run('print(pcall(require, "a.b"))') == (
        "false\tmodule 'a.b' not found:\n"
        "\tno field package.preload['a.b']\n"
        "\tno file './a/b.lua'\n"
        "\tno file './a/b.so'\n"
        "\tno file './liba/b.so'\n"
        "\tno file './a.so'\n"
        "\tno file './liba.so'\n")


def test_c_searchers_called_directly(run, tmp_path):
    (tmp_path / 'direct.so').write_bytes(b'')
    assert run('''
        local l = package.loaders
        print(pcall(l[3], "direct"))
        print(l[4]("direct"))
        print(pcall(l[4], "direct.x"))
        print(l[3]("nothing"))
    ''') == (
        f"false\terror loading module 'direct' from file './direct.so':\n\t{DLMSG}\n"
        "\n"
        f"false\terror loading module 'direct.x' from file './direct.so':\n\t{DLMSG}\n"
        "\n\tno file './nothing.so'\n\tno file './libnothing.so'\n")


def test_a_preloaded_stand_in_for_a_c_module(run):
    # the way to provide a "C" module to moonpatch: package.preload
    assert run('''
        package.preload.lfs = function(name) return {name = name} end
        print(require("lfs").name)
    ''') == 'lfs\n'
