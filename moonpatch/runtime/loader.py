"""Turning source text or a binary chunk into a callable Lua function."""
import sys

from ..bytecode.dump import BINARY_SIGNATURE, undump
from ..errors import LuaSyntaxError
from ..frontend.codegen import compile_chunk
from ..frontend.parser import HOST_CCALLS
from .callstack import c_calls
from .closure import load_closure


def load(chunk, chunkname, env, mode='bt', skip_shebang=False):
    """A main-chunk closure for chunk: a str of code points 0-255 (Lua source
    or a string.dump result), or a reader, a function giving the chunk a
    piece at a time ('' or None at the end) that is called only as the
    lexer needs more, as lua5.1's ZIO. Raises LuaSyntaxError with Lua's
    message; what the reader raises passes through."""
    reader = None
    text_only = False
    if callable(chunk):
        reader = chunk
        chunk = reader() or ''
        if not chunk:
            # lua5.1's binary check met the end; its lexer reads once more
            chunk = reader() or ''
            text_only = True
        if not chunk:
            reader = None
        elif chunk.startswith(BINARY_SIGNATURE[0]) and not text_only:
            chunk = ''.join(iter_pieces(chunk, reader))     # binary: read it all
            reader = None
    if chunk.startswith(BINARY_SIGNATURE) and not text_only:
        if 'b' not in mode:
            raise LuaSyntaxError('attempt to load chunk with wrong mode')
        proto = undump(chunk, chunkname)
    else:
        if 't' not in mode:
            raise LuaSyntaxError('attempt to load chunk with wrong mode')
        proto = compile_chunk(chunk, chunkname, skip_shebang=skip_shebang,
                              ccalls=HOST_CCALLS + c_calls(sys._getframe()), reader=reader)
    return load_closure(proto, env)


def iter_pieces(first, reader):
    """first and the pieces reader gives after it, to the end."""
    piece = first
    while piece:
        yield piece
        piece = reader()
