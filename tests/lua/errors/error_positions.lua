-- Which line is reported for errors in multi-line constructs.
local t = {}
print(1, pcall(function()
  return t.a
    .b
end))
print(2, pcall(function()
  local x = 1 +
    nil
  return x
end))
print(3, pcall(function()
  local f = nil
  f(
    1,
    2
  )
end))
print(4, pcall(function()
  return "a" ..
    {} ..
    "b"
end))
print(5, pcall(function()
  error(
    "multi-line call"
  )
end))
print(6, pcall(function()
  local v = {
    a = 1,
    b = nil + 1,
  }
end))
print(7, pcall(function() local x = t.y.z end))
