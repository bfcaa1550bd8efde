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
