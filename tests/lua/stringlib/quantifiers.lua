-- *, +, - and ? on single classes: greedy, lazy, backtracking, empty matches.
local cases = {
  {"aaab", "a*"}, {"aaab", "a+"}, {"aaab", "a-"}, {"aaab", "a?"}, {"aaab", "a-b"},
  {"aaab", "a*b"}, {"aaab", "a+b"}, {"aaab", "a?b"}, {"baaa", "a*"}, {"baaa", "a+"},
  {"baaa", "ba-"}, {"baaa", "ba-$"}, {"<a><b>", "<.*>"}, {"<a><b>", "<.->"}, {"<a><b>", "<(.-)>"},
  {"xyz", ".-"}, {"xyz", ".-z"}, {"xyz", ".*z"}, {"xyz", ".?y"}, {"aaa", "a*a*a*a"},
  {"aaa", "a-a-a-a"}, {"aaaa", "^(a-)(a+)$"}, {"aaaa", "^(a*)(a+)$"}, {"aaaa", "^(a?)(a*)$"},
  {"ab", "a**"}, {"a*", "a**"}, {"ab", "a+?"}, {"a+?", "a+?"}, {"--", "-"}, {"a-b", "a-b"},
  {"*+?", "*"}, {"*+?", "+"}, {"*+?", "?"}, {"abc", "%a*%d*%a*"}, {"   x", "%s*()"},
  {"key = value", "^(%w+)%s*=%s*(%w+)$"}, {"1.5e10", "^[+-]?%d+%.?%d*[eE]?[+-]?%d*$"},
  {"aXbXc", "(.-)X"}, {"aXbXc", "(.*)X"}, {"", "a*"}, {"", "a+"}, {"", "a-"}, {"", "a?"},
}
for i, c in ipairs(cases) do
  print(i, c[1], c[2], string.find(c[1], c[2]))
end
-- gsub and gmatch with patterns that can match empty
for _, p in ipairs{"a*", "a-", "a?", "x*", "%s*", "b*$", "^a*"} do
  local r, n = string.gsub("baaac", p, "<%0>")
  local g = ""
  for m in string.gmatch("baaac", p) do g = g .. "[" .. m .. "]" end
  print(p, r, n, g)
end
-- backtracking over long runs
local s = string.rep("a", 300) .. "b"
print("long", string.find(s, "a*b"), string.find(s, "a-b"), string.find(s, "a*c"), #string.match(s, "(a+)a"))
