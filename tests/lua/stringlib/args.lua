-- Argument checking of every string function: messages, argument numbers, method calls.
local function e(f)
  local ok, msg = pcall(f)
  return ok and "ok" or msg
end
local calls = {
  function() return string.len() end,
  function() return string.sub() end,
  function() return string.sub("x", {}) end,
  function() return string.upper({}) end,
  function() return string.lower() end,
  function() return string.rep() end,
  function() return string.rep("x", nil) end,
  function() return string.reverse(true) end,
  function() return string.byte() end,
  function() return string.byte("x", {}) end,
  function() return string.byte("x", 1, "z") end,
  function() return string.char(true) end,
  function() return string.char(1, 2, 300) end,
  function() return string.dump() end,
  function() return string.dump(1) end,
  function() return string.find() end,
  function() return string.find("x") end,
  function() return string.find("x", "x", {}) end,
  function() return string.match(nil, "x") end,
  function() return string.match("x", nil) end,
  function() return string.match("x", "x", "y") end,
  function() return string.gmatch() end,
  function() return string.gmatch("x") end,
  function() return string.gsub() end,
  function() return string.gsub("x") end,
  function() return string.gsub("x", "y") end,
  function() return string.gsub("x", "y", false) end,
  function() return string.gsub("x", "y", "z", {}) end,
  function() return string.format() end,
  function() return string.format({}) end,
  -- method calls count the arguments after self
  function() return ("x"):sub() end,
  function() return ("x"):rep() end,
  function() return ("x"):byte({}) end,
  function() return ("x"):find() end,
  function() return ("x"):find("x", {}) end,
  function() return ("x"):gsub("x") end,
  function() return ("x"):format() end,
  function() return ("%d"):format({}) end,
  -- through a local and a field of another table
  function() local f = string.rep return f() end,
  function() local t = {f = string.sub} return t.f() end,
  function() local t = {f = string.sub} return t:f() end,
  function() return string["find"]() end,
}
for i, f in ipairs(calls) do print(i, e(f)) end
-- numbers are accepted wherever strings are, and numeric strings wherever numbers are
print(string.len(123.5), string.upper(1e20), string.rep(1, "3"), string.sub(12345, "2", "-2"))
print(string.byte(0, "1"), string.char("72", "105"), string.find(1234, 23), string.match(3.5, "%d"))
print(string.gsub(1000, 0, 1), string.format(12, 34), string.format("%s%d", 1, "2"))
