"""C levels (lua5.1's nCcalls, runtime/clevels.py): the count is a thread's
and comes back to where it was, whatever coroutines, errors and threads do,
so 'C stack overflow' comes at the same depth every time."""
import threading

from moonpatch import LuaRuntime
from moonpatch.runtime.clevels import C_LEVELS

DEPTH = '''
local depth = 0
local function f() depth = depth + 1; pcall(f) end
pcall(f)
return depth
'''


def overflow_depth(rt):
    return rt.execute(DEPTH)


def test_depth_is_lua51s_and_the_count_comes_back():
    rt = LuaRuntime()
    first = overflow_depth(rt)
    assert first == overflow_depth(rt)
    assert first > 190          # lua5.1 nests 197 pcalls from its main chunk
    assert C_LEVELS.n == 0


def test_coroutines_suspended_in_pcall_hold_their_own_levels():
    rt = LuaRuntime()
    base = overflow_depth(rt)
    rt.execute('''
        cos = {}
        for i = 1, 300 do
          local co = coroutine.create(function()
            pcall(function() pcall(coroutine.yield) end)
          end)
          coroutine.resume(co)
          cos[i] = co
        end''')
    assert overflow_depth(rt) == base          # not 600 levels used up
    rt.execute('''
        local function deep(k)
          if k > 0 then return pcall(deep, k - 1) end
          for i = 1, #cos do assert(coroutine.resume(cos[i])) end
        end
        deep(30)''')
    assert overflow_depth(rt) == base          # nor given back twice
    rt.execute('''
        for i = 1, 300 do
          local co = coroutine.create(function() pcall(coroutine.yield) end)
          coroutine.resume(co)
        end
        cos = nil
        collectgarbage()''')
    assert overflow_depth(rt) == base          # collected while holding levels
    assert C_LEVELS.n == 0


def test_closing_a_coroutine_from_python_keeps_the_count():
    rt = LuaRuntime()
    base = overflow_depth(rt)
    co = rt.eval('coroutine.create(function() pcall(pcall, coroutine.yield) end)')
    rt.globals().coroutine.resume(co)
    assert C_LEVELS.n == 0
    co.close()                  # unwinds the two pcalls it yielded inside
    assert C_LEVELS.n == 0
    assert overflow_depth(rt) == base


def test_threads_count_their_own_levels():
    depths = []
    start = threading.Barrier(2)

    def run():
        rt = LuaRuntime()
        start.wait()
        for _ in range(5):
            depths.append(overflow_depth(rt))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(depths)) == 1 and len(depths) == 10
    assert depths[0] == overflow_depth(LuaRuntime())


def test_a_coroutine_resumed_again_has_its_levels_back():
    rt = LuaRuntime()
    fresh, after = rt.execute('''
        local function measure()
          local d = 0
          local function f() d = d + 1; pcall(f) end
          pcall(f)
          return d
        end
        local co = coroutine.create(function()
          pcall(function() pcall(coroutine.yield) end)
          return measure()
        end)
        coroutine.resume(co)
        local fresh = coroutine.wrap(measure)()
        return fresh, select(2, coroutine.resume(co))''')
    assert fresh == after


def test_a_hook_call_is_one_more_level():
    # lua5.1 with `debug.sethook(function() end, "crl")`: pcall depth 196, not 197
    rt = LuaRuntime()
    plain = overflow_depth(rt)
    rt.execute('debug.sethook(function() end, "crl")')
    hooked = overflow_depth(rt)
    rt.execute('debug.sethook()')
    assert hooked == plain - 1
