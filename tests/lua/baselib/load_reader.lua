-- load with a reader function: the reader is called only when the lexer
-- needs more text (lua5.1's ZIO), so a syntax error stops the reading; an
-- empty first piece is read past once; numbers are pieces; other values,
-- errors and yields inside the reader make load fail.
local function pieces(s, n)
  local i, calls = 0, 0
  return function()
    calls = calls + 1
    if i >= #s then return nil end
    local p = s:sub(i + 1, i + n)
    i = i + n
    return p
  end, function() return calls end
end
local function try(label, s, n)
  local r, calls = pieces(s, n)
  local f, e = load(r)
  print(label, type(f), e, calls())
end
local s, i = "*a = 123", 0
local f, e = load(function() i = i + 1 return s:sub(i, i) end)
print(0, f, e, i)
try(1, "*a = 123", 3)
try(2, "", 1)
try(3, "return 1", 1)
try(4, "return 1", 3)
try(5, "x = = 1 and more tokens here", 1)
try(6, "x = 1\nlocal = 5\n y = 2", 2)
try(7, "return 'abc", 1)
try(8, "return [[abc", 4)
try(9, "x = 0x", 1)
try(10, "a.b.c = {1, 2, 3,", 1)
try(11, "local t = {a = 1, b", 1)
try(12, "return", 1)
try(13, "return 1 +", 1)
try(14, "-- comment only", 3)
try(15, "x = 'a\\\nb' return x", 1)
try(16, "x = 1 y = 2 z = 3 )", 1)
try(17, "return [==[\r\n]=]]==] .. 'x'", 1)
try(18, "x = 1e", 1)
try(19, "x = 12345678 + 1.5e+10 -- the end", 5)
try(20, "return \"\\65\\066\\0677\"", 2)
try(21, "for i = 1 do end", 1)
try(22, "--[==[ long\ncomment ]==] return 1", 2)
try(23, "x = \"unfinished\nstring\"", 3)
try(24, "return 1 --[[ open", 4)
local n = 0
local function counted(f) n = 0 return function() n = n + 1 return f(n) end end
print(25, load(counted(function(n) if n == 1 then return "" end return "x = 1" end)))
print(26, n)
print(27, pcall(load, counted(function(n) if n == 1 then return {} end end)))
print(28, load(counted(function(n) if n == 1 then return 12 end end)))
print(29, pcall(load, counted(function(n) error("boom") end)))
print(30, select('#', load(counted(function(n) error({}) end))))
print(31, pcall(load, counted(function(n) if n == 1 then return "return " elseif n == 2 then return true end end)))
print(32, pcall(load, counted(function(n) if n == 1 then return "x = " elseif n == 2 then error("late", 0) end end)))
print(33, load(counted(function(n) error() end)))
print(34, type(load(counted(function(n) if n == 1 then return "x = " elseif n == 2 then return "1", "junk" end end))), n)
print(35, load(counted(function(n) if n == 1 then return "\0" end end)))
print(36, load(counted(function(n) if n == 1 then return "return 1" elseif n == 2 then return "" elseif n == 3 then return "+1" end end))(), n)
print(37, load(counted(function(n) if n == 1 then return "return 4" elseif n == 2 then return 2 end end))(), n)
print(38, coroutine.resume(coroutine.create(function() return load(function() coroutine.yield(1) end) end)))
-- the message handler of the protected call around load sees a reader error
print(39, xpcall(function() return load(function() error("e") end) end, function(m) return "handled: " .. m end))
print(40, xpcall(function() return load(function() return {} end) end, function(m) return "handled: " .. m end))
print(41, xpcall(function() return load(function() return "x = = 1" end) end, function(m) return "handled: " .. m end))
print(42, xpcall(function() return pcall(load, function() error("e") end) end, function(m) return "handled: " .. m end))
-- (the earlier checks of this file)
local function reader_from(pieces)
  local i = 0
  return function() i = i + 1; return pieces[i] end
end
local f = load(reader_from({"return ", "1 + ", "2"}))
print("a1", f())
f = load(reader_from({"local a, b = ...; ", "return a * b"}))
print("a2", f(6, 7))
-- a reader returning an empty string ends the chunk
f = load(reader_from({"return 'first'", "", "error('never read')"}))
print("a3", f())
-- a reader returning nil immediately: empty chunk
f = load(function() return nil end)
print("a4", type(f), select('#', f()))
-- pieces can split tokens
f = load(reader_from({"ret", "urn 'spl", "it'"}))
print("a5", f())
-- chunk name
f = load(reader_from({"error('named')"}), "=reader")
print("a6", pcall(f))
f = load(reader_from({"error('named')"}), "mychunk")
print("a7", pcall(f))
print("a8", pcall(load(reader_from({"error('default name')"}))))
-- syntax errors are returned, not raised
print("a9", load(reader_from({"return +"})))
print("a10", load(reader_from({"x = "}), "=r"))
-- a reader returning a non-string is an error (shown through pcall)
print("a12", pcall(load, function() return {} end))
-- load with a non-function
print("a14", pcall(load))
-- errors inside the reader
print("a15", pcall(load, function() error("reader broke") end))
-- the loaded function's environment is the global table
GLOBAL_FOR_LOAD = "seen"
print("a16", load(reader_from({"return GLOBAL_FOR_LOAD"}))())
-- at the top level, lua.c's handler adds the traceback
print(43, load(function() error("top") end))
