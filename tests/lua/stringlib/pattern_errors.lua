-- Malformed patterns: 5.1's messages, raised only when the matcher reaches the bad item.
local function try(f, s, p, ...)
  local ok, a, b = pcall(f, s, p, ...)
  print(string.format("%-8s %-12q %-14q %s %s %s", ok and "ok" or "error", s, p, tostring(a), tostring(b), ""))
end
local pats = {"%", "a%", "[", "[a", "[a%", "[a%]", "[]", "[^]", "[^", "(", "(()", ")", "a)",
              "%1", "(%1)", "(a)%2", "%0", "(a)%0", "%b", "%ba", "%f", "%fa", "%f[", "%f[a",
              "((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))", "x%", "x["}
for _, p in ipairs(pats) do
  try(string.find, "abc", p)
  try(string.find, "xa", p)
  try(string.match, "", p)
end
for _, p in ipairs{"%", "[", "(", ")", "%1", "%b", "%f"} do
  try(string.gsub, "abc", p, "x")
  local ok, err = pcall(function() for m in string.gmatch("abc", p) do end end)
  print("gmatch", p, ok, err)
end
-- a pattern ends at its first zero byte
try(string.find, "a\0b", "\0b")
try(string.find, "a.b\0c", ".\0c")
try(string.match, "ab", "a\0zzz")
try(string.match, "a", "%\0")
try(string.match, "a", "[\0]")
try(string.gsub, "a\0b", "%z", "0")
