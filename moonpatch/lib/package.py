"""The package library (loadlib.c): require, module and the searchers.

The package table plays the part of loadlib.c's function environment: the
searchers and require read package.path, package.loaders, ... from it (with
metamethods, as lua_getfield does), whatever the global `package` is later.
`require` keeps its modules in registry._LOADED (package.loaded). C modules
cannot be loaded: the C searchers behave as 5.1 built without dynamic
library support.
"""
import os
import sys

from ..runtime import ops
from ..runtime.callstack import host_function, live_levels
from ..runtime.coroutine import thread_env
from ..runtime.errors import LibErr
from ..runtime.state import current_state
from ..runtime.table import LuaTable
from ..runtime.values import LuaFunction, Userdata, number_to_str
from .auxlib import c_name, check_string, check_table
from .base import loadfile, set_metatable
from .registry import libfunction

LIB = 'package'

LUA_PATH_DEFAULT = ('./?.lua;/usr/local/share/lua/5.1/?.lua;/usr/local/share/lua/5.1/?/init.lua;'
                    '/usr/local/lib/lua/5.1/?.lua;/usr/local/lib/lua/5.1/?/init.lua;'
                    '/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua')
_MULTIARCH = getattr(sys.implementation, '_multiarch', None)   # as Debian's lua5.1 lists it
LUA_CPATH_DEFAULT = ('./?.so;/usr/local/lib/lua/5.1/?.so;'
                     + (f'/usr/lib/{_MULTIARCH}/lua/5.1/?.so;' if _MULTIARCH else '')
                     + '/usr/lib/lua/5.1/?.so;/usr/local/lib/lua/5.1/loadall.so')
CONFIG = '/\n;\n?\n!\n-'          # dir separator, path separator, mark, exec dir, ignore mark
DLMSG = 'dynamic libraries not enabled; check your Lua installation'

SENTINEL = Userdata()             # package.loaded[name] while name loads (a light userdata in C)


def _package():
    return current_state().package_table


def _loaded(state):
    return state.registry.hash['_LOADED']


# ---- searching the paths ---------------------------------------------------------------

def readable(filename):
    """Whether fopen(filename, "r") would succeed (a directory does)."""
    try:
        fd = os.open(filename.encode('latin-1'), os.O_RDONLY | os.O_CLOEXEC)
    except (OSError, ValueError):
        return False
    os.close(fd)
    return True


def findfile(pkg, name, pname):
    """(file name, None) for the first readable template of package[pname]
    with `?` replaced by name (dots made slashes), or (None, the
    "\\n\\tno file 'x'" lines of every template tried)."""
    name = name.replace('.', '/')
    path = ops.index(pkg, pname)
    if type(path) is float:
        path = number_to_str(path)
    elif type(path) is not str:
        raise LibErr(f"'package.{pname}' must be a string")
    tried = []
    for template in c_name(path).split(';'):
        if template:
            filename = template.replace('?', name)
            if readable(filename):
                return filename, None
            tried.append(f"\n\tno file '{filename}'")
    return None, ''.join(tried)


def loaderror(name, filename, msg):
    return LibErr(f"error loading module '{name}' from file '{filename}':\n\t{msg}")


def loader_preload(args):
    name = c_name(check_string(args, 1))
    preload = ops.index(_package(), 'preload')
    if type(preload) is not LuaTable:
        raise LibErr("'package.preload' must be a table")
    v = ops.index(preload, name)
    if v is None:
        return (f"\n\tno field package.preload['{name}']",)
    return (v,)


def loader_lua(args):
    name = c_name(check_string(args, 1))
    filename, tried = findfile(_package(), name, 'path')
    if filename is None:
        return (tried,)
    r = loadfile(filename)
    if r[0] is None:
        raise loaderror(name, filename, r[1])
    return (r[0],)


def loader_c(args):
    name = c_name(check_string(args, 1))
    filename, tried = findfile(_package(), name, 'cpath')
    if filename is None:
        return (tried,)
    raise loaderror(name, filename, DLMSG)


def loader_croot(args):
    name = c_name(check_string(args, 1))
    dot = name.find('.')
    if dot < 0:
        return ()
    filename, tried = findfile(_package(), name[:dot], 'cpath')
    if filename is None:
        return (tried,)
    raise loaderror(name, filename, DLMSG)


LOADERS = (loader_preload, loader_lua, loader_c, loader_croot)
for _fn in LOADERS:
    host_function(_fn, '?')


# ---- require and module (globals) ----------------------------------------------------------

_GLOBALS = {}


def global_function(name):
    def register(fn):
        host_function(fn, name)
        _GLOBALS[name] = fn
        return fn
    return register


@global_function('require')
def ll_require(args):
    name = c_name(check_string(args, 1))
    state = current_state()
    loaded = _loaded(state)
    v = ops.index(loaded, name)
    if v is not None and v is not False:
        if v is SENTINEL:
            raise LibErr(f"loop or previous error loading module '{name}'")
        return (v,)
    loaders = ops.index(state.package_table, 'loaders')
    if type(loaders) is not LuaTable:
        raise LibErr("'package.loaders' must be a table")
    tried = []
    i = 1.0
    while True:
        loader = loaders.hash.get(i)
        if loader is None:
            raise LibErr(f"module '{name}' not found:{c_name(''.join(tried))}")
        found = ops.first(ops.call(loader, [name]))
        if type(found) is LuaFunction:
            break
        if type(found) is str:
            tried.append(found)
        elif type(found) is float:
            tried.append(number_to_str(found))
        i += 1.0
    ops.setindex(loaded, name, SENTINEL)
    result = ops.first(ops.call(found, [name]))
    if result is not None:
        ops.setindex(loaded, name, result)
    v = ops.index(loaded, name)
    if v is SENTINEL:
        v = True
        ops.setindex(loaded, name, True)
    return (v,)


def findtable(t, fname):
    """luaL_findtable: the table at the dotted path fname from t, made where
    missing; None when a part holds something that is not a table."""
    for part in fname.split('.'):
        v = t.get(part)
        if v is None:
            v = LuaTable()
            ops.setindex(t, part, v)
        elif type(v) is not LuaTable:
            return None
        t = v
    return t


@global_function('module')
def ll_module(args):
    modname = c_name(check_string(args, 1))
    state = current_state()
    loaded = _loaded(state)
    mod = ops.index(loaded, modname)
    if type(mod) is not LuaTable:
        mod = findtable(thread_env(state), modname)
        if mod is None:
            raise LibErr(f"name conflict for module '{modname}'")
        ops.setindex(loaded, modname, mod)
    if ops.index(mod, '_NAME') is None:
        ops.setindex(mod, '_M', mod)
        ops.setindex(mod, '_NAME', modname)
        ops.setindex(mod, '_PACKAGE', modname[:modname.rfind('.') + 1])
    # level 0 is module itself; the function that called it gets the module
    # as its environment
    caller = next(live_levels(sys._getframe(), 1), None)
    if caller is None or caller.closure is None:
        raise LibErr("'module' not called from a Lua function")
    caller.closure.env = mod
    for option in args[1:]:
        ops.call(option, [mod])
    return ()


# ---- the package table ----------------------------------------------------------------------

@libfunction(LIB, 'loadlib')
def ll_loadlib(args):
    check_string(args, 1)
    check_string(args, 2)
    return (None, DLMSG, 'absent')


@libfunction(LIB, 'seeall')
def ll_seeall(args):
    t = check_table(args, 1)
    mt = t.meta
    if mt is None:
        mt = LuaTable()
        set_metatable(t, mt)
    ops.setindex(mt, '__index', thread_env(current_state()))
    return ()


def env_path(state, var, default):
    """setpath: the environment variable (";;" standing for the default
    path) unless the state ignores the environment (-E), else the default."""
    if getattr(state, 'use_env', True):
        value = os.environb.get(var.encode())
        if value is not None:
            path = value.decode('latin-1').replace(';;', ';\1;')
            return path.replace('\1', default)
    return default


def setup(state, t):
    from . import MODULES
    g = state.globals
    state.package_table = t
    loaders = LuaTable()
    for i, fn in enumerate(LOADERS):
        loaders.set(float(i + 1), LuaFunction(fn, None, None, g, None))
    t.hash['loaders'] = loaders
    t.hash['path'] = env_path(state, 'LUA_PATH', LUA_PATH_DEFAULT)
    t.hash['cpath'] = env_path(state, 'LUA_CPATH', LUA_CPATH_DEFAULT)
    t.hash['config'] = CONFIG
    loaded = state.registry.hash.get('_LOADED')
    if type(loaded) is not LuaTable:
        loaded = state.registry.hash['_LOADED'] = LuaTable()
    t.hash['loaded'] = loaded
    t.hash['preload'] = LuaTable()
    # the standard libraries opened so far (package itself is not a global yet)
    loaded.hash['_G'] = g
    loaded.hash[LIB] = t
    for module in MODULES:
        lib = g.hash.get(module.LIB)
        if type(lib) is LuaTable:
            loaded.hash[module.LIB] = lib
    for name, fn in _GLOBALS.items():
        g.hash[name] = LuaFunction(fn, None, None, g, name)
