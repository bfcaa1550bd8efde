"""The operators' protocol for cdata (common/cdata.py): with a cdata operand
every operator calls its class's metamethod, with LuaJIT's choice of
metamethod and argument order, in every tier (a toy class stands for the
ffi's)."""
import pytest

from moonpatch.common.cdata import Cdata, is_cdata
from moonpatch.engine import Engine


class Box(Cdata):
    __slots__ = ('n',)

    def __init__(self, n):
        self.n = n


class Bare(Cdata):
    """A cdata class without a metatable."""
    __slots__ = ()


# Each metamethod logs its event and the types of its arguments.
METATABLE = """
log = {}
local mt = {}
for _, ev in ipairs{'__eq', '__lt', '__le', '__add', '__pow', '__concat', '__unm', '__len'} do
  mt[ev] = function(x, y)
    log[#log + 1] = ev:sub(3) .. '(' .. type(x) .. ',' .. type(y) .. ')'
    return ev == '__concat' and 'c' or ev == '__eq' or ev == '__lt' or 7
  end
end
return mt
"""

# Comparisons with constants (ISEQS/ISEQN/ISEQP) and registers (ISEQV),
# both orders, then the rest; each line: the results, then the log.
CHECKS = r"""
local b, c, s, n = ...
local function run(f)
  log = {}
  local r = {f()}
  for i = 1, #r do r[i] = tostring(r[i]) end
  return table.concat(r, ' ') .. ' | ' .. table.concat(log, ' ')
end
return {
  run(function() return b == 'x', 'x' == b, b ~= 'x', s == b, b == s end),
  run(function() return b == 1, 1 == b, b ~= 1, n == b, b == n end),
  run(function() return b == nil, nil == b, b ~= nil, b == true, b ~= false end),
  run(function() return b == b, b == c, b ~= c, b == {} end),
  run(function() return b < 1, 1 < b, b <= 'a', b > 2, b >= 3, b < nil end),
  run(function() return b + 1, '2' + b, b ^ 2, b .. 'a', 'a' .. b, -b, #b end),
}
"""

TIERS = {'interp': 'off', 'jit': None, 'forced': 'opt.start=hotcall=1,hotloop=1,native=2'}


@pytest.fixture(params=sorted(TIERS))
def engine(request):
    e = Engine()
    if TIERS[request.param]:
        assert e.jit_command(TIERS[request.param])[0]
    return e


def run(engine, source, *args):
    ok, results = engine.call(engine.load(source, '=checks')[0], args)
    assert ok, results
    return results


def test_operators_call_the_metamethods(engine):
    engine.state.type_meta[Box] = run(engine, METATABLE)[0]
    b, c = Box(1), Box(2)
    assert is_cdata(b) and not is_cdata(1.0)
    for _ in range(3):    # the default tier compiles on the way
        lines = run(engine, CHECKS, b, c, 'x', 1.0)[0]
        got = [lines.hash[float(i)] for i in range(1, 7)]
    assert got == [
        'true true false true true | eq(cdata,string) eq(cdata,string) eq(cdata,string)'
        ' eq(string,cdata) eq(cdata,string)',
        'true true false true true | eq(cdata,number) eq(cdata,number) eq(cdata,number)'
        ' eq(number,cdata) eq(cdata,number)',
        'true true false true false | eq(cdata,nil) eq(cdata,nil) eq(cdata,nil)'
        ' eq(cdata,boolean) eq(cdata,boolean)',
        'true true false true | eq(cdata,cdata) eq(cdata,cdata) eq(cdata,cdata)'
        ' eq(cdata,table)',
        'true true true true true true | lt(cdata,number) lt(number,cdata) le(cdata,string)'
        ' lt(number,cdata) le(number,cdata) lt(cdata,nil)',
        '7 7 7 c c 7 7 | add(cdata,number) add(string,cdata) pow(cdata,number)'
        ' concat(cdata,string) concat(string,cdata) unm(cdata,cdata) len(cdata,nil)',
    ]


def test_cdata_without_metamethods(engine):
    b = Bare()
    got = run(engine, r"""
local b = ...
local function e(f) return select(2, pcall(f)) end
return type(b), b == 1, b == b, b ~= nil, rawequal(b, b), e(function() return b < 1 end),
  e(function() return b <= b end), e(function() return b + 1 end)
""", b)
    assert list(got) == ['cdata', False, False, True, True,
                         'checks:4: attempt to compare cdata with number',
                         'checks:5: attempt to compare two cdata values',
                         'checks:5: attempt to perform arithmetic on upvalue \'b\' (a cdata value)']
