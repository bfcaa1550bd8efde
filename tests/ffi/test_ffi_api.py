"""The ffi library from the Python API: the option, the sandbox, a host
without cffi, and cdata crossing to Python as cffi objects and back."""
import pytest

import moonpatch
from moonpatch.lib import ffi as ffi_package

cffi = pytest.importorskip('cffi')

# What a LuaJIT built without the FFI answers (and moonpatch without cffi).
NO_FFI = """
local ok, e = pcall(require, 'ffi')
return ok, (e:match('^[^\\n]*')), package.loaded.ffi, package.preload.ffi, rawget(_G, 'ffi')
"""


def test_require_gives_the_module():
    lua = moonpatch.LuaRuntime()
    assert lua.eval('package.preload.ffi ~= nil and package.loaded.ffi == nil')
    assert lua.eval('type(require("ffi").new)') == 'function'


def test_option_removes_it():
    lua = moonpatch.LuaRuntime(ffi=False)
    assert lua.execute(NO_FFI) == (False, "module 'ffi' not found:", None, None, None)


def test_sandbox_never_has_it():
    lua = moonpatch.LuaRuntime(sandbox=True)
    assert lua.eval('rawget(_G, "require") == nil and rawget(_G, "package") == nil')
    assert lua._state.ffi_allowed is False
    assert lua._state.package_table.hash['preload'].hash.get('ffi') is None


def test_without_cffi(monkeypatch):
    monkeypatch.setattr(ffi_package, '_CFFI', [False])
    lua = moonpatch.LuaRuntime()
    assert lua.execute(NO_FFI) == (False, "module 'ffi' not found:", None, None, None)


def test_cdata_to_python_and_back_share_memory():
    lua = moonpatch.LuaRuntime()
    host = cffi.FFI()
    buf = host.new('double[4]', [1, 2, 3, 4])
    fill = lua.eval('function(a, n) for i = 0, n - 1 do a[i] = a[i] * 10 end return a end')
    back = fill(buf, 4)
    assert list(buf) == [10, 20, 30, 40]
    assert back is buf
    arr = lua.eval('require("ffi").new("int[3]", 7)')
    assert cffi.FFI().typeof(arr).cname == 'int[3]' and list(arr) == [7, 7, 7]
    p = lua.eval('require("ffi").new("int *")')
    assert host.cast('uintptr_t', p) == 0
    assert lua.eval('function(x) return tostring(x) end')(host.cast('int *', 0)) == \
        'cdata<int *>: NULL'


def test_bad_input_is_a_lua_error():
    lua = moonpatch.LuaRuntime()
    lua.execute('ffi = require("ffi")')
    for code in ('ffi.cdef("struct {")', 'ffi.new("struct nosuch")', 'ffi.typeof("")',
                 'ffi.new("int[?]", -1)', 'ffi.cast("int", {})', 'ffi.load("no-such-lib")',
                 'ffi.C.no_such_symbol', 'ffi.new("int", 1)[0]', 'ffi.metatype("int", {})'):
        with pytest.raises(moonpatch.LuaError):
            lua.execute(code)
