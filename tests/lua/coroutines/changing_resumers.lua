-- One coroutine resumed in turn by the main thread and by other coroutines:
-- every yield goes back to whoever resumed it last, the statuses follow,
-- and a coroutine whose function returns is dead whoever resumed it.
local log = {}
local shared = coroutine.create(function(a)
  for i = 1, 4 do
    local running = coroutine.running()
    log[#log + 1] = tostring(a) .. (running and "" or " main?")
    a = coroutine.yield(a * 10)
  end
  return "done", a
end)

local function resumer(name)
  return coroutine.create(function(x)
    while true do
      print(name, "resumes", coroutine.status(shared))
      local ok, v = coroutine.resume(shared, x)
      print(name, "got", ok, v, coroutine.status(shared))
      x = coroutine.yield(v)
    end
  end)
end
local r1, r2 = resumer("r1"), resumer("r2")

print("main", coroutine.resume(shared, 1))
print("r1", coroutine.resume(r1, 2))
print("main", coroutine.resume(shared, 3))
print("r2", coroutine.resume(r2, 4))
print("r1", coroutine.resume(r1, 5))     -- the function returns inside r1
print("status", coroutine.status(shared), coroutine.status(r1), coroutine.status(r2))
print("main", coroutine.resume(shared, 6))
print("r2", coroutine.resume(r2, 7))
print(table.concat(log, " "))

-- the resumer's status while the resumed one runs, from a nested resumer
local outer
local inner = coroutine.create(function()
  print("inner sees outer", coroutine.status(outer))
  coroutine.yield()
  print("inner again sees outer", coroutine.status(outer))
end)
outer = coroutine.create(function()
  coroutine.resume(inner)
  coroutine.yield()
  coroutine.resume(inner)
end)
coroutine.resume(outer)
coroutine.resume(inner)                 -- from main this time
print("inner", coroutine.status(inner))
coroutine.resume(outer)                 -- outer resumes a dead inner
print("outer", coroutine.status(outer), coroutine.resume(outer))

-- an error in a coroutine resumed by different resumers in turn
local fails = coroutine.create(function()
  coroutine.yield(1)
  coroutine.yield(2)
  error("boom")
end)
print(coroutine.resume(fails))
print(coroutine.resume(coroutine.create(function() return coroutine.resume(fails) end)))
print(coroutine.resume(coroutine.create(function() return coroutine.resume(fails) end)))
print(coroutine.status(fails), coroutine.resume(fails))

-- a wrap called from a coroutine, then from main, then dead
local gen = coroutine.wrap(function() coroutine.yield("a") coroutine.yield("b") end)
print(coroutine.wrap(function() return gen() end)())
print(gen(), gen(), pcall(gen))
