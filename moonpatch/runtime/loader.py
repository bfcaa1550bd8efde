"""Turning source text or a binary chunk into a callable Lua function."""
import sys

from ..bytecode.dump import BINARY_MARK, undump
from ..errors import LuaSyntaxError
from ..frontend.codegen import compile_chunk
from ..frontend.parser import HOST_CCALLS
from .callstack import c_calls
from .closure import load_closure


def load(chunk, chunkname, env, mode='bt', skip_shebang=False):
    """A main-chunk closure for chunk (a str of code points 0-255: Lua source
    or a string.dump result). Raises LuaSyntaxError with Lua's message."""
    return load_closure(load_proto(chunk, chunkname, mode, skip_shebang), env)


def load_proto(chunk, chunkname, mode='bt', skip_shebang=False):
    """The Proto of the main chunk of chunk (what `luajit -bl` lists). Any
    chunk that starts with ESC is binary, also after a file's '#' line
    (lua5.1's lua_load and luaL_loadfile)."""
    if skip_shebang and chunk[:1] == '#':
        line_end = chunk.find('\n') + 1
        if line_end and chunk[line_end:line_end + 1] == BINARY_MARK:
            chunk = chunk[chunk.index(BINARY_MARK):]    # lua5.1 reads on from the first ESC
    if chunk[:1] == BINARY_MARK:
        if 'b' not in mode:
            raise LuaSyntaxError('attempt to load chunk with wrong mode')
        return undump(chunk, chunkname)
    if 't' not in mode:
        raise LuaSyntaxError('attempt to load chunk with wrong mode')
    return compile_chunk(chunk, chunkname, skip_shebang=skip_shebang,
                         ccalls=HOST_CCALLS + c_calls(sys._getframe()))
