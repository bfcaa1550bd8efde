-- Bracket classes: ']' first, '^' negation, ranges, escapes, '-' at the ends.
local subject = "a]b^c-d%e[f\\g0h_i z"
local function all(pat)
  local out = ""
  for m in subject:gmatch(pat) do out = out .. "<" .. m .. ">" end
  return out
end
local sets = {
  "[]]", "[^]]", "[]a]", "[^]a]+", "[a-]", "[-a]", "[a-c]", "[c-a]", "[%a-z]", "[a%-z]",
  "[%]]", "[%[]", "[[]", "[%^]", "[a^]", "[^^]", "[^%^a]+", "[%%]", "[\\]", "[%w_]+",
  "[%s]", "[ ]", "[^%w%s]", "[%d-z]", "[0-9a-fA-F]+", "[a-a]", "[--/]", "[%--/]", "[]-a]+",
  "[^]-a]+", "[.]", "[%.]", "[*+?]", "[a]]", "[^a-z]+", "[a-z-]", "[$]", "[(]", "[)]",
}
for i, pat in ipairs(sets) do print(i, pat, all(pat)) end
-- sets with quantifiers
print("q1", ("aaa]]]bbb"):match("[]a]+"), ("xx--yy"):match("[x-]*"), ("zz"):match("[^z]-$"))
print("q2", ("abc123"):match("^[%a]+()"), ("abc123"):find("[%d]+$"), ("a-b"):find("[%-]"))
-- a set that never closes is an error only when the matcher reaches it
print("e1", pcall(string.find, "abc", "x[a"))
print("e2", pcall(string.find, "xbc", "x[a"))
print("e3", pcall(string.find, "abc", "[a%"))
print("e4", pcall(string.find, "abc", "[a%]"))
print("e5", pcall(string.find, "abc", "[]"))
print("e6", pcall(string.find, "abc", "[^]"))
print("e7", pcall(string.find, "abc", "[^"))
print("e8", pcall(string.find, "abc", "["))
print("e9", pcall(string.match, "]", "[]]"))
