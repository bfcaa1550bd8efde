"""string.dump's binary chunks: round trips, and hostile chunks rejected."""
import struct

import pytest
from hypothesis import given, settings, strategies as st

from moonpatch.bytecode import opcodes as bc
from moonpatch.bytecode.dump import VERSION, dump, undump
from moonpatch.bytecode.listing import listing
from moonpatch.bytecode.proto import ins_abc, ins_ad
from moonpatch.errors import LuaSyntaxError
from moonpatch.frontend.codegen import compile_chunk

SAMPLE = '''
local t = {1, 2, 3, x = "y", [true] = false, n = 2}
local function f(a, ...)
  local s = 0
  for i, v in ipairs({...}) do s = s + v * a end
  for k, v in pairs(t) do if type(v) == "number" then s = s + v end end
  local g = function() return s end
  while s > 100 do s = s - 100 end
  repeat s = s + 1 until s % 7 == 0
  return g(), select('#', ...), #t .. "!"
end
return f(2, 3, 4, 5)
'''


def run(proto):
    from moonpatch.engine import Engine
    from moonpatch.runtime.closure import load_closure
    lua = Engine()
    ok, results = lua.call(load_closure(proto, lua.globals), [])
    assert ok, results
    return list(results)


def test_round_trip_keeps_everything():
    p = compile_chunk(SAMPLE, '=sample')
    q = undump(dump(p), '=sample')
    assert listing(q) == listing(p)
    assert run(q) == run(p) == [35.0, 3.0, '3!']
    assert [(v.name, v.startpc, v.endpc) for v in q.varinfo] == \
        [(v.name, v.startpc, v.endpc) for v in p.varinfo]
    assert list(q.lines) == list(p.lines)


def test_stripped_chunk_runs_without_debug_info():
    p = compile_chunk(SAMPLE, '=sample')
    data = dump(p, strip=True)
    assert len(data) < len(dump(p))
    q = undump(data, '=loaded')
    assert q.varinfo == [] and set(q.lines) == {0}
    assert run(q) == [35.0, 3.0, '3!']


def test_binary_chunk_is_a_lua_string():
    data = dump(compile_chunk('return 1', '=x'))
    assert data.startswith('\x1bLJ') and all(ord(c) < 256 for c in data)


def chunk_of(code, framesize=2, kn=(), kgc=(), vararg=False, nuv=0):
    """A hand-made one-function chunk (what an attacker could write)."""
    out = bytearray(b'\x1bLJ' + bytes([VERSION, 1]))   # stripped
    out.append(1 if vararg else 0)
    for n in (0, framesize, 0, 0, len(code)):
        out.append(n)
    out += struct.pack('<%dI' % len(code), *code)
    out.append(len(kn))
    out += struct.pack('<%dd' % len(kn), *kn)
    out.append(len(kgc))
    for s in kgc:
        out += bytes([0, len(s)]) + s.encode('latin-1')
    out.append(0)                                # no TNEW sizes
    out.append(nuv)
    for _ in range(nuv):
        out += b'\x00\x00'
    return out.decode('latin-1')


RET0 = ins_ad(bc.RET0, 0, 1)


def test_hand_made_valid_chunk_runs():
    code = [ins_ad(bc.KSHORT, 0, 42), ins_ad(bc.RET1, 0, 2)]
    assert run(undump(chunk_of(code), '=x')) == [42.0]


@pytest.mark.parametrize('code,kw,why', [
    ([ins_ad(bc.MOV, 5, 0), RET0], {}, 'register out of range'),
    ([ins_abc(bc.ADDVV, 0, 1, 9), RET0], {}, 'register out of range'),
    ([ins_ad(bc.KNUM, 0, 3), RET0], {}, 'bad constant index'),
    ([ins_ad(bc.KSTR, 0, 0), RET0], {}, 'bad constant index'),
    ([ins_ad(bc.KSTR, 0, 0), RET0], {'kn': (1.0,)}, 'bad constant index'),
    ([ins_ad(bc.JMP, 0, 0x8000 + 5), RET0], {}, 'bad jump'),
    ([ins_ad(bc.ISLT, 0, 1), RET0], {}, 'test without its jump'),
    ([ins_ad(bc.KSHORT, 0, 1)], {}, 'code falls off the end'),
    ([ins_abc(bc.VARG, 0, 2, 0), RET0], {}, 'vararg in a fixed-argument function'),
    ([ins_ad(bc.RETM, 0, 0)], {}, 'multiple results used without being produced'),
    ([ins_ad(bc.UGET, 0, 0), RET0], {}, 'bad upvalue index'),
    ([ins_ad(bc.KPRI, 0, 7), RET0], {}, 'bad constant'),
    ([0xff, RET0], {}, 'bad opcode'),
    ([ins_abc(bc.CALL, 1, 3, 2), RET0], {}, 'register out of range'),
    ([ins_ad(bc.FORL, 0, 0x8000), RET0], {}, 'register out of range'),
])
def test_hostile_chunk_is_rejected(code, kw, why):
    with pytest.raises(LuaSyntaxError) as e:
        undump(chunk_of(code, **kw), '=evil')
    assert e.value.value == 'evil: bad binary format (%s)' % why


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_mutated_chunks_never_crash_the_loader(data):
    good = dump(compile_chunk(SAMPLE, '=sample'))
    raw = bytearray(good.encode('latin-1'))
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(raw)))
    try:
        undump(bytes(raw[:cut] if data.draw(st.booleans()) else raw).decode('latin-1'), '=m')
    except LuaSyntaxError:
        pass
