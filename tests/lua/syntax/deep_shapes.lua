-- Long and deep expressions and statements at several sizes: lua5.1 reads
-- left-nested chains (a + a + ..., a.f.f..., f()()...) in a loop and compiles
-- any length of them; nesting (parentheses, unary operators, right
-- associative operators, tables, functions, blocks) stops at its syntax
-- levels; lists stop at its register and variable limits.
local function rep(s, n, sep) return (s .. (sep or "")):rep(n - 1) .. s end
local shapes = {
  {"add", function(n) return "x = " .. rep("1", n, " + ") end},
  {"addv", function(n) return "local a = 1 x = " .. rep("a", n, " + ") end},
  {"field", function(n) return "x = a" .. (".f"):rep(n) end},
  {"index", function(n) return "x = a" .. ("[1]"):rep(n) end},
  {"call", function(n) return "x = f" .. ("()"):rep(n) end},
  {"method", function(n) return "x = a" .. (":m()"):rep(n) end},
  {"callstat", function(n) return "f" .. ("()"):rep(n) end},
  {"strcall", function(n) return "x = f" .. ('"s"'):rep(n) end},
  {"tblcall", function(n) return "x = f" .. ("{}"):rep(n) end},
  {"mixed", function(n) return "x = a" .. ('.f[1]:m()("s"){}'):rep(n) end},
  {"cmp", function(n) return "x = " .. rep("a", n, " == ") end},
  {"minus", function(n) return "x = 1" .. (" - -1"):rep(n) end},
  {"andor", function(n) return "x = " .. rep("a and b", n, " or ") end},
  {"paren", function(n) return "x = " .. ("("):rep(n) .. "1" .. (")"):rep(n) end},
  {"unm", function(n) return "x = " .. ("- "):rep(n) .. "a" end},
  {"not", function(n) return "x = " .. ("not "):rep(n) .. "a" end},
  {"len", function(n) return "x = " .. ("#"):rep(n) .. "a" end},
  {"concat", function(n) return "x = " .. rep("a", n, "..") end},
  {"concatk", function(n) return "x = " .. rep('"s"', n, "..") end},
  {"pow", function(n) return "x = " .. rep("2", n, "^") end},
  {"table", function(n) return "x = " .. ("{"):rep(n) .. ("}"):rep(n) end},
  {"tablek", function(n) return "x = " .. ("{a="):rep(n) .. "1" .. ("}"):rep(n) end},
  {"func", function(n) return "x = " .. ("function() return "):rep(n) .. "1" .. (" end"):rep(n) end},
  {"funcstat", function(n) return ("function f() "):rep(n) .. (" end"):rep(n) end},
  {"nestcall", function(n) return "x = " .. ("f("):rep(n) .. "1" .. (")"):rep(n) end},
  {"nestidx", function(n) return "x = " .. ("a["):rep(n) .. "1" .. ("]"):rep(n) end},
  {"rightparen", function(n) return "x = " .. ("a+("):rep(n) .. "a" .. (")"):rep(n) end},
  {"do", function(n) return ("do "):rep(n) .. ("end "):rep(n) end},
  {"if", function(n) return ("if x then "):rep(n) .. ("end "):rep(n) end},
  {"while", function(n) return ("while x do "):rep(n) .. ("end "):rep(n) end},
  {"repeat", function(n) return ("repeat "):rep(n) .. ("until x "):rep(n) end},
  {"for", function(n) return ("for i = 1, 2 do "):rep(n) .. ("end "):rep(n) end},
  {"args", function(n) return "f(" .. rep("1", n, ", ") .. ")" end},
  {"items", function(n) return "x = {" .. rep("a", n, ", ") .. "}" end},
  {"locals", function(n) return "local v" .. rep("", n, ", v") end},
  {"ret", function(n) return "return " .. rep("a", n, ", ") end},
}
-- chains lua5.1 reads in a loop, at a size far past the syntax levels
local long = {add = true, field = true, call = true, method = true}
for _, shape in ipairs(shapes) do
  local name, make = shape[1], shape[2]
  local sizes = {100, 200, 250, 1000}
  if long[name] then sizes[#sizes + 1] = 30000 end
  for _, n in ipairs(sizes) do
    local f, err = loadstring(make(n), "=s")
    print(name, n, f and "ok" or err)
  end
end
