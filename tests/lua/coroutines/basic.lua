-- create / resume / yield: values flow both ways.
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got", d, e)
  return "done", d + e
end)
print(1, type(co), coroutine.status(co))
print(2, coroutine.resume(co, 1, 2))
print(3, coroutine.status(co))
print(4, coroutine.resume(co, 10))
print(5, coroutine.resume(co, 3, 4))
print(6, coroutine.status(co))
print(7, coroutine.resume(co))
-- yield with no values / resume with no values
local co2 = coroutine.create(function(...)
  print("args", select('#', ...))
  print("yield returned", select('#', coroutine.yield()))
  return
end)
print(8, coroutine.resume(co2))
print(9, select('#', coroutine.resume(co2)))
-- yield many values including nils
local co3 = coroutine.create(function() coroutine.yield(nil, 2, nil) return nil end)
print(10, coroutine.resume(co3))
print(11, select('#', coroutine.resume(co3)))
-- a coroutine that returns immediately
local co4 = coroutine.create(function(...) return ... end)
print(12, coroutine.resume(co4, "x", "y"))
print(13, coroutine.status(co4))
