"""Turning source text or a binary chunk into a callable Lua function.

It sits above the runtime (it runs the front end, then makes a closure of
the result), so the runtime never imports the front end.
"""
from .bytecode.dump import BINARY_MARK, undump
from .errors import LuaSyntaxError
from .frontend.codegen import compile_chunk
from .frontend.parser import HOST_CCALLS
from .runtime.clevels import C_LEVELS
from .runtime.closure import load_closure
from .runtime.limits import armed, spend

COMPILE_COST = 4        # instructions a byte of source costs to compile (~4 us on CPython)
PIECE = 1024            # bytes the lexer gets at a time while a budget is armed


def load(chunk, chunkname, env, mode='bt', skip_shebang=False):
    """A main-chunk closure for chunk: a str of code points 0-255 (Lua source
    or a string.dump result), or a reader, a function giving the chunk a
    piece at a time ('' or None at the end) that is called only as the
    lexer needs more, as lua5.1's ZIO. Raises LuaSyntaxError with Lua's
    message; what the reader raises passes through."""
    return load_closure(load_proto(chunk, chunkname, mode, skip_shebang), env)


def load_proto(chunk, chunkname, mode='bt', skip_shebang=False):
    """The Proto of the main chunk of chunk (what `luajit -bl` lists). Any
    chunk that starts with ESC is binary, also after a file's '#' line
    (lua5.1's lua_load and luaL_loadfile)."""
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
        elif chunk[:1] == BINARY_MARK and not text_only:
            chunk = ''.join(iter_pieces(chunk, reader))     # binary: read it all
            reader = None
    if skip_shebang and chunk[:1] == '#':
        line_end = chunk.find('\n') + 1
        if line_end and chunk[line_end:line_end + 1] == BINARY_MARK:
            chunk = chunk[chunk.index(BINARY_MARK):]    # lua5.1 reads on from the first ESC
    if chunk[:1] == BINARY_MARK and not text_only:
        if 'b' not in mode:
            raise LuaSyntaxError('attempt to load chunk with wrong mode')
        spend(len(chunk))
        return undump(chunk, chunkname)
    if 't' not in mode:
        raise LuaSyntaxError('attempt to load chunk with wrong mode')
    if armed():
        chunk, reader = _metered(chunk, reader)
    return compile_chunk(chunk, chunkname, skip_shebang=skip_shebang,
                         ccalls=HOST_CCALLS + C_LEVELS.n, reader=reader)


def _metered(first, reader):
    """The source as a reader that charges the running budget for
    compiling it a piece at a time, so that the limits hold while a long
    chunk compiles: (first piece, reader)."""
    def pieces():
        for text in (iter_pieces(first, reader) if reader is not None else (first,)):
            for i in range(0, len(text), PIECE):
                piece = text[i:i + PIECE]
                spend(COMPILE_COST * len(piece))
                yield piece
    it = pieces()

    def read():
        return next(it, None)
    return read() or '', read


def iter_pieces(first, reader):
    """first and the pieces reader gives after it, to the end."""
    piece = first
    while piece:
        yield piece
        piece = reader()
