"""The io library moves bytes unchanged: all 256 values through every read
format and write, large files, long lines, and lines with NUL bytes as 5.1
reads them."""
import io
import os
import shutil
import subprocess

import pytest

from moonpatch.engine import Engine

ALL_BYTES = bytes(range(256))


def run(code, **names):
    """Run code in a fresh engine with the given globals (str or bytes
    values become Lua strings); returns (ok, printed bytes, message)."""
    lua = Engine()
    out = io.BytesIO()
    lua.state.stdout = lua.state.stderr = out
    for k, v in names.items():
        lua.globals.hash[k] = v.decode('latin-1') if isinstance(v, bytes) else v
    ok, msg = lua.do_string(code, '=test')
    return ok, out.getvalue(), msg


def lua_string(lua, name):
    return lua.globals.hash[name].encode('latin-1')


def test_read_all_and_write_round_trip_every_byte(tmp_path):
    src, dst = tmp_path / 'src.bin', tmp_path / 'dst.bin'
    src.write_bytes(ALL_BYTES * 4)
    ok, out, msg = run('''
        local f = assert(io.open(SRC, "rb"))
        local s = f:read("*a")
        f:close()
        local g = assert(io.open(DST, "wb"))
        assert(g:write(s) == true)
        g:close()
        print(#s)
    ''', SRC=str(src), DST=str(dst))
    assert ok, msg
    assert out == b'1024\n'
    assert dst.read_bytes() == ALL_BYTES * 4


def test_read_counts_return_exact_bytes(tmp_path):
    p = tmp_path / 'b.bin'
    p.write_bytes(ALL_BYTES)
    lua = Engine()
    lua.globals.hash['NAME'] = str(p)
    ok, msg = lua.do_string('''
        local f = io.open(NAME, "rb")
        A, B, C, D = f:read(1, 100, 155, 1)
        f:close()
    ''', '=test')
    assert ok, msg
    assert lua_string(lua, 'A') == ALL_BYTES[:1]
    assert lua_string(lua, 'B') == ALL_BYTES[1:101]
    assert lua_string(lua, 'C') == ALL_BYTES[101:]
    assert lua.globals.hash.get('D') is None


def test_lines_keep_every_byte_but_newline(tmp_path):
    # no NUL here: 5.1 cuts a line at a NUL (see test_lines_with_nul)
    body = bytes(b for b in ALL_BYTES if b not in (0, 10))
    p = tmp_path / 'l.bin'
    p.write_bytes(body + b'\n' + body[::-1] + b'\n' + body)
    lua = Engine()
    lua.globals.hash['NAME'] = str(p)
    ok, msg = lua.do_string('''
        local t = {}
        for l in io.lines(NAME) do t[#t + 1] = l end
        L1, L2, L3, N = t[1], t[2], t[3], #t
    ''', '=test')
    assert ok, msg
    assert lua.globals.hash['N'] == 3.0
    assert lua_string(lua, 'L1') == body
    assert lua_string(lua, 'L2') == body[::-1]
    assert lua_string(lua, 'L3') == body


def test_write_of_lua_escapes(tmp_path):
    p = tmp_path / 'e.bin'
    ok, _, msg = run('''
        local f = io.open(NAME, "wb")
        f:write("\\0\\255\\r\\n\\26", 1.5, "\\128")
        f:close()
    ''', NAME=str(p))
    assert ok, msg
    assert p.read_bytes() == b'\x00\xff\r\n\x1a1.5\x80'


def test_stdout_and_stderr_are_byte_exact():
    ok, out, msg = run('io.write(S) io.stdout:write(S) io.stderr:write(S) print(S)',
                       S=ALL_BYTES)
    assert ok, msg
    # print writes with fputs, as lua.c does: it stops at the first zero byte
    assert out == ALL_BYTES * 3 + b'\n'


def test_large_file(tmp_path):
    p = tmp_path / 'big.bin'
    chunk = ALL_BYTES * 64                       # 16 KiB
    ok, out, msg = run('''
        local f = io.open(NAME, "wb")
        for i = 1, 320 do f:write(C) end         -- 5 MiB
        f:close()
        f = io.open(NAME, "rb")
        local a = f:read(3000000)
        local b = f:read(2 ^ 40)                 -- more than there is: the rest
        print(#a, #b, f:read(1), f:read(0), f:seek("end"))
        f:seek("set", 16384 * 100 + 255)
        print(f:read(1) == "\\255", f:seek())
        f:close()
    ''', NAME=str(p), C=chunk)
    assert ok, msg
    assert out == b'3000000\t2242880\tnil\tnil\t5242880\ntrue\t1638656\n'
    assert p.read_bytes() == chunk * 320


def test_read_all_of_a_large_file_in_one_piece(tmp_path):
    p = tmp_path / 'big.txt'
    p.write_bytes(b'line\n' * 200000)
    ok, out, msg = run('''
        local n = 0
        for l in io.lines(NAME) do n = n + 1 end
        local f = io.open(NAME)
        print(n, #f:read("*a"))
        f:close()
    ''', NAME=str(p))
    assert ok, msg
    assert out == b'200000\t1000000\n'


NUL_LINES = [
    b'a\0b\nc\n',
    b'\0\n\0',
    b'x' * 9000 + b'\0y\nz\n',         # the NUL is in the second fgets piece
    b'x' * 8191 + b'\0\n',             # ... at its very start
    b'x' * 8190 + b'\n' + b'\0' * 3 + b'\n',
    b'\n\n\0\n',
]


def _read_lines(path):
    lua = Engine()
    lua.globals.hash['NAME'] = str(path)
    ok, msg = lua.do_string('''
        LINES = {}
        local f = io.open(NAME, "rb")
        for l in f:lines() do LINES[#LINES + 1] = l end
        f:close()
    ''', '=test')
    assert ok, msg
    t = lua.globals.hash['LINES']
    return [s.encode('latin-1') for s in t.array(int(t.length()))]


def _reference_lines(data):
    """5.1's read_line: fgets pieces of up to 8191 bytes, each cut at its
    first NUL; a line ends with a piece that ends with a newline."""
    out, parts, i = [], [], 0
    while i < len(data):
        end = data.find(b'\n', i, i + 8191)
        piece = data[i:end + 1] if end >= 0 else data[i:i + 8191]
        i += len(piece)
        z = piece.find(b'\0')
        if z >= 0:
            parts.append(piece[:z])
        elif piece.endswith(b'\n'):
            out.append(b''.join(parts) + piece[:-1])
            parts = []
        else:
            parts.append(piece)
    if b''.join(parts):
        out.append(b''.join(parts))
    return out


@pytest.mark.parametrize('data', NUL_LINES, ids=range(len(NUL_LINES)))
def test_lines_with_nul(tmp_path, data):
    p = tmp_path / 'nul.bin'
    p.write_bytes(data)
    assert _read_lines(p) == _reference_lines(data)


@pytest.mark.skipif(shutil.which('lua5.1') is None, reason='lua5.1 not installed')
@pytest.mark.parametrize('data', NUL_LINES, ids=range(len(NUL_LINES)))
def test_lines_with_nul_match_lua51(tmp_path, data):
    p = tmp_path / 'nul.bin'
    p.write_bytes(data)
    code = f'for l in io.lines("{p}") do io.write(#l, ":", l, "|") end'
    ref = subprocess.run(['lua5.1', '-e', code], capture_output=True, timeout=30,
                         check=False).stdout
    expected = b''.join(b'%d:%s|' % (len(s), s) for s in _read_lines(p))
    assert ref == expected


def test_popen_passes_every_byte(tmp_path):
    p = tmp_path / 'src.bin'
    p.write_bytes(ALL_BYTES * 3)
    q = tmp_path / 'dst.bin'
    ok, out, msg = run('''
        local r = io.popen("cat " .. SRC)
        local s = r:read("*a")
        print(#s, r:close())
        local w = io.popen("cat > " .. DST, "w")
        w:write(s)
        print(w:close())
    ''', SRC=str(p), DST=str(q))
    assert ok, msg
    assert out == b'768\ttrue\ntrue\n'
    assert q.read_bytes() == ALL_BYTES * 3


def test_tmpfile_round_trip():
    lua = Engine()
    lua.globals.hash['S'] = ALL_BYTES.decode('latin-1')
    ok, msg = lua.do_string('''
        local f = io.tmpfile()
        f:write(S, S)
        f:seek("set", 256)
        R = f:read("*a")
        f:close()
    ''', '=test')
    assert ok, msg
    assert lua_string(lua, 'R') == ALL_BYTES


def test_file_names_are_bytes(tmp_path):
    # a Lua file name is bytes: a latin-1 string names the file with those bytes
    name = os.path.join(os.fsencode(tmp_path), b'caf\xe9.txt')
    code = 'local f = io.open(N, "w") f:write("x") f:close() print(io.open(N):read("*a"))'
    ok, out, msg = run(code, N=name)
    assert ok, msg
    assert out == b'x\n'
    assert os.path.exists(name)
