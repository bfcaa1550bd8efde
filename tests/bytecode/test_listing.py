"""The `luajit -bl` listing: number constants as LuaJIT's tostring prints
them (captured from luajit -bl), also the ones no int() can take."""
from moonpatch.bytecode.dump import dump, undump
from moonpatch.bytecode.listing import listing
from moonpatch.frontend.codegen import compile_chunk

SOURCE = ('local a, b, c, d = 1e999, -1e999, 2^53, 999999999999999\n'
          'local e, f, g = 0.1, -2^63, 1e15\n')

LUAJIT = '''\
-- BYTECODE -- kn.lua:0-3
0001    KNUM     0   0      ; inf
0002    KNUM     1   1      ; -inf
0003    KNUM     2   2      ; 9.007199254741e+15
0004    KNUM     3   3      ; 1e+15
0005    KNUM     4   4      ; 0.1
0006    KNUM     5   5      ; -9.2233720368548e+18
0007    KNUM     6   6      ; 1e+15
0008    RET0     0   1

'''


def test_number_constants():
    assert listing(compile_chunk(SOURCE, '@kn.lua')) == LUAJIT


def test_constants_a_source_cannot_make():
    """A binary chunk may hold nan and -0 (LuaJIT's parser never folds to them)."""
    proto = compile_chunk('local a, b = 1.5, 2.5', '@kn.lua')
    proto.kn[:] = [float('nan'), -0.0]
    listed = listing(undump(dump(proto), '@kn.lua')).split('\n')
    assert listed[1:3] == ['0001    KNUM     0   0      ; nan', '0002    KNUM     1   1      ; -0']


CDATA_SOURCE = 'local a, b, c = 1LL, -2ULL, 3i\nlocal d = not 4LL\nif 5LL then a = a + 6LL end\n'

LUAJIT_CDATA = '''\
-- BYTECODE -- kc.lua:0-4
0001    KCDATA   0   0
0002    KCDATA   1   1
0003    KCDATA   2   2
0004    KPRI     3   1
0005    KCDATA   4   3
0006    ISF          4
0007    JMP      5 => 0010
0008    KCDATA   4   4
0009    ADDVV    0   0   4
0010 => RET0     0   1

'''


def test_cdata_constants():
    """1LL/1i literals load by KCDATA (no comment in the listing), negation
    folded, `not` folded, a test of one kept, arithmetic not folded; they
    survive a dump and load."""
    proto = compile_chunk(CDATA_SOURCE, '@kc.lua')
    assert listing(proto) == LUAJIT_CDATA
    assert listing(undump(dump(proto), '@kc.lua')) == LUAJIT_CDATA
    assert [repr(k) for k in undump(dump(proto), '@kc.lua').kgc] == [
        '1LL', '18446744073709551614ULL', 'Complex(0.0, 3.0)', '5LL', '6LL']
