-- load with a reader function.
local function reader_from(pieces)
  local i = 0
  return function() i = i + 1; return pieces[i] end
end
local f = load(reader_from({"return ", "1 + ", "2"}))
print(1, f())
f = load(reader_from({"local a, b = ...; ", "return a * b"}))
print(2, f(6, 7))
-- a reader returning an empty string ends the chunk
f = load(reader_from({"return 'first'", "", "error('never read')"}))
print(3, f())
-- a reader returning nil immediately: empty chunk
f = load(function() return nil end)
print(4, type(f), select('#', f()))
-- pieces can split tokens
f = load(reader_from({"ret", "urn 'spl", "it'"}))
print(5, f())
-- chunk name
f = load(reader_from({"error('named')"}), "=reader")
print(6, pcall(f))
f = load(reader_from({"error('named')"}), "mychunk")
print(7, pcall(f))
print(8, pcall(load(reader_from({"error('default name')"}))))
-- syntax errors are returned, not raised
print(9, load(reader_from({"return +"})))
print(10, load(reader_from({"x = "}), "=r"))
-- a reader returning a non-string is an error (shown through pcall)
print(12, pcall(load, function() return {} end))
-- load with a non-function
print(14, pcall(load))
-- errors inside the reader
print(15, pcall(load, function() error("reader broke") end))
-- the loaded function's environment is the global table
GLOBAL_FOR_LOAD = "seen"
print(16, load(reader_from({"return GLOBAL_FOR_LOAD"}))())
