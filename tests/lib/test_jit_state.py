"""The jit module records what it is asked in the LuaState, for the JIT layer."""
from moonpatch.engine import Engine


def run(lua, code):
    f = lua.globals.hash.get('loadstring').gate([code])[0]
    return f.gate([])


def test_on_off_set_the_engine_flag():
    lua = Engine()
    assert lua.state.jit_enabled is True
    run(lua, 'jit.off()')
    assert lua.state.jit_enabled is False
    run(lua, 'jit.on()')
    assert lua.state.jit_enabled is True
    run(lua, 'jit.flush()')
    assert lua.state.jit_enabled is True


def test_function_modes():
    lua = Engine()
    run(lua, 'function f() end function g() end jit.off(f) jit.on(g, true) jit.off(g, false)')
    assert sorted(lua.state.jit_func_modes.values()) == [(False, 'func'), (False, 'sub')]
    run(lua, 'local function h() jit.off(true) end h()')
    assert (False, 'func') in lua.state.jit_func_modes.values()
    assert len(lua.state.jit_func_modes) == 3


def test_attach_and_detach():
    lua = Engine()
    run(lua, 'function h() end jit.attach(h, "trace") jit.attach(h, "bc")')
    assert sorted(lua.state.jit_handlers) == ['bc', 'trace']
    run(lua, 'jit.attach(h)')
    assert lua.state.jit_handlers == {}


def test_opt_start():
    lua = Engine()
    opts = lua.state.jit_opt
    assert opts.params['hotloop'] == 56
    run(lua, 'jit.opt.start("hotloop=10", "-fold", "nocse", "maxtrace=")')
    assert opts.params['hotloop'] == 10 and opts.params['maxtrace'] == 0
    assert 'fold' not in opts.flags and 'cse' not in opts.flags and 'dce' in opts.flags
    run(lua, 'jit.opt.start("1")')
    assert opts.flags == {'fold', 'cse', 'dce'}
    run(lua, 'jit.opt.start()')
    assert 'sink' in opts.flags and len(opts.flags) == 10


def test_status_and_fields():
    lua = Engine()
    assert list(run(lua, 'return jit.status()')) == [True, 'fold', 'cse', 'dce', 'fwd', 'dse',
                                                     'narrow', 'loop', 'abc', 'sink', 'fuse']
    run(lua, 'jit.off()')
    assert list(run(lua, 'return jit.status()'))[0] is False
    assert list(run(lua, 'return jit.version, jit.version_num')) == ['LuaJIT 2.1.0-beta3', 20100.0]
