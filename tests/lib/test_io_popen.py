"""io.popen runs a shell command through subprocess: reading its output,
writing its input, what close returns, and pipes that break."""
import io

from moonpatch.engine import Engine


def run(code, **names):
    lua = Engine()
    out = io.BytesIO()
    lua.state.stdout = lua.state.stderr = out
    for k, v in names.items():
        lua.globals.hash[k] = v
    ok, msg = lua.do_string(code, '=test')
    assert ok, msg
    return out.getvalue()


def test_close_returns_true_whatever_the_exit_status():
    out = run('''
        for _, cmd in ipairs{"true", "false", "exit 7", "kill -TERM $$"} do
          local p = io.popen(cmd)
          print(p:read("*a"), p:close())
        end
    ''')
    assert out == b'\ttrue\n' * 4


def test_large_output_read_by_lines():
    out = run('''
        local p = io.popen("seq 1 20000")
        local n, sum = 0, 0
        for l in p:lines() do n = n + 1; sum = sum + tonumber(l) end
        print(n, sum, p:close())
    ''')
    assert out == b'20000\t200010000\ttrue\n'


def test_numbers_from_a_pipe():
    out = run('''
        local p = io.popen("printf '1 2.5\\n-3e2 x'")
        print(p:read("*n", "*n", "*n", "*n"))
        print(p:read("*a"))
        p:close()
    ''')
    assert out == b'1\t2.5\t-300\tnil\nx\n'


def test_write_to_a_command_that_exits_early():
    # lua5.1 is killed by SIGPIPE here; Python ignores SIGPIPE, so the
    # write or the close reports the broken pipe instead
    out = run('''
        local p = io.popen("true", "w")
        local chunk = ""
        for i = 1, 12 do chunk = chunk .. chunk .. "yyyyyyyy" end
        local results = {}
        for i = 1, 64 do
          local ok, err, code = p:write(chunk)
          if not ok then results[#results + 1] = err .. " " .. code break end
        end
        local ok, err = p:close()
        print(results[1] or "no write error", ok or err)
    ''')
    write_result, close_result = out.rstrip(b'\n').split(b'\t')
    assert write_result in (b'Broken pipe 32', b'no write error')
    assert close_result in (b'true', b'Broken pipe')
    assert b'Broken pipe' in out


def test_unclosed_pipes_are_closed_by_gc(tmp_path):
    out = run('''
        for i = 1, 20 do io.popen("echo " .. i .. " >> " .. NAME, "w") end
        collectgarbage()
        collectgarbage()
        local n = 0
        for l in io.lines(NAME) do n = n + 1 end
        print(n)
    ''', NAME=str(tmp_path / 'log.txt'))
    assert out == b'20\n'


def test_the_command_string_is_bytes(tmp_path):
    name = str(tmp_path / 'caf\xe9')
    out = run('''
        local p = io.popen("printf 'x' > '" .. NAME .. "'; echo done")
        print(p:read(), p:close())
        print(io.open(NAME):read("*a"))
    ''', NAME=name)
    assert out == b'done\ttrue\nx\n'
