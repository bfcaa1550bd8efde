"""A chunk's name as Lua prints it in messages (lobject.c's luaO_chunkid).

The front end uses it for syntax errors, the runtime and the debug library
for positions in runtime errors and tracebacks, the listing for headers.
"""

LUA_IDSIZE = 60         # luaconf.h: chunk ids in runtime messages


def chunkid(chunkname, bufflen=LUA_IDSIZE):
    """The chunk's name as Lua 5.1 prints it in messages (luaO_chunkid).

    '=name' gives 'name'; '@file' gives 'file', or '...' and its tail when too
    long; anything else is source text: '[string "first line..."]'. Syntax
    errors use bufflen=MAXSRC (frontend/lexer.py), runtime errors the
    default LUA_IDSIZE.
    """
    source = chunkname.split('\0', 1)[0]        # a C string ends at NUL
    if source[:1] == '=':
        return source[1:bufflen]
    if source[:1] == '@':
        source = source[1:]
        bufflen -= len(" '...' ") + 1
        if len(source) > bufflen:
            return '...' + source[len(source) - bufflen:]
        return source
    bufflen -= len(' [string "..."] ') + 1
    length = min(len(source.split('\n', 1)[0].split('\r', 1)[0]), bufflen)
    if length < len(source):
        return f'[string "{source[:length]}..."]'
    return f'[string "{source}"]'
