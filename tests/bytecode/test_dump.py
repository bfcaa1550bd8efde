"""string.dump's binary chunks: round trips, and malformed chunks refused
with lua5.1's messages (every field range-checked)."""
import pytest
from hypothesis import given, settings, strategies as st

from handmade import RET0, op, proto, run
from moonpatch.bytecode.dump import MAX_DEPTH, dump, undump
from moonpatch.bytecode.listing import listing
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


def refused(data, name='=x'):
    """lua5.1's reason for refusing chunk data."""
    with pytest.raises(LuaSyntaxError) as e:
        undump(data, name)
    msg = e.value.value
    assert msg.startswith('x: ') and msg.endswith(' in precompiled chunk'), msg
    return msg[len('x: '):-len(' in precompiled chunk')]


def test_line_numbers_out_of_range():
    """issue 8: a line of 2^31 was an OverflowError in the loader."""
    p = proto([op('KSHORT', 0, 1), op('RET1', 0, 2)])
    p.lines = [2 ** 31 - 1, 1]
    assert list(undump(dump(p), '=x').lines) == [2 ** 31 - 1, 1]
    for line in (2 ** 31, 2 ** 32, 2 ** 35 - 1):
        p.lines = [line, 1]
        assert refused(dump(p)) == 'bad integer'


@pytest.mark.parametrize('field', ['firstline', 'lastline', 'numparams', 'framesize'])
def test_header_fields_out_of_range(field):
    p = proto([RET0])
    setattr(p, field, 2 ** 31)
    assert refused(dump(p)) == 'bad integer'


def test_integer_longer_than_five_bytes():
    p = proto([RET0])
    data = dump(p, strip=True)
    # the framesize field (after header and the function's flags and numparams)
    assert refused(data[:7] + '\x84\x80\x80\x80\x80\x00' + data[8:]) == 'bad integer'


def test_every_truncation_is_an_unexpected_end():
    data = dump(compile_chunk(SAMPLE, '=sample'))
    for cut in range(len(data)):
        assert refused(data[:cut]) == 'unexpected end', cut


def test_counts_larger_than_the_chunk_are_an_unexpected_end():
    p = proto([op('KSHORT', 0, 1), RET0])
    data = dump(p, strip=True)
    ncode = data.index('\x02', 9)         # after flags, params, frame, lines: ncode = 2
    assert refused(data[:ncode] + '\xff\x7f' + data[ncode + 1:]) == 'unexpected end'


@pytest.mark.parametrize('header', [
    '\x1bLuaQ\x00\x01\x04\x08\x04\x08\x00',         # lua5.1's luac
    '\x1bLJ\x02\x0a',                               # luajit -b
    '\x1bLJ\x81\x00',                               # another version of ours
    '\x1bLJ\x82\x04',                               # unknown flags
])
def test_foreign_headers(header):
    body = dump(proto([RET0]))[5:]
    assert refused(header + body) == 'bad header'


def test_short_headers_are_an_unexpected_end():
    for data in ('\x1b', '\x1bL', '\x1bLJ', '\x1bLJ\x82'):
        assert refused(data) == 'unexpected end'


def test_bad_constant_tag():
    p = proto([op('TDUP', 0, 0), RET0])
    data = dump(p, strip=True)
    # nkgc = 0 -> 1 and a constant of tag 9
    at = len(data) - 3            # before nkgc, the TNEW sizes and nuv
    assert refused(data[:at] + '\x01\x09' + data[at + 1:]) == 'bad constant'


def test_functions_nested_too_deeply():
    p = inner = proto([RET0])
    for _ in range(MAX_DEPTH + 1):
        p = proto([RET0], kgc=[p])
    assert refused(dump(p)) == 'code too deep'
    assert undump(dump(proto([RET0], kgc=[inner])), '=x')


def test_bytes_after_the_chunk_are_ignored():
    data = dump(compile_chunk('return 7', '=x'))
    assert run(undump(data + 'more', '=x')) == [7.0]


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
