"""Turning source text or a binary chunk into a callable Lua function."""
import sys

from ..bytecode.dump import BINARY_SIGNATURE, undump
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
    """The Proto of the main chunk of chunk (what `luajit -bl` lists)."""
    if chunk.startswith(BINARY_SIGNATURE):
        if 'b' not in mode:
            raise LuaSyntaxError('attempt to load chunk with wrong mode')
        return undump(chunk, chunkname)
    if 't' not in mode:
        raise LuaSyntaxError('attempt to load chunk with wrong mode')
    return compile_chunk(chunk, chunkname, skip_shebang=skip_shebang,
                         ccalls=HOST_CCALLS + c_calls(sys._getframe()))
