-- Yields across tail calls and Lua-to-Lua calls; coroutine as a state machine.
local function state_b(n) coroutine.yield("b" .. n) if n > 0 then return state_b(n - 1) end return "end" end
local function state_a() coroutine.yield("a") return state_b(2) end
local co = coroutine.wrap(state_a)
print(1, co(), co(), co(), co(), co())
-- values passed at each resume reach the matching yield
local echo = coroutine.create(function(...)
  local args = {...}
  while true do
    args = {coroutine.yield(unpack(args))}
    if args[1] == "stop" then return "stopped" end
  end
end)
print(2, coroutine.resume(echo, 1, 2))
print(3, coroutine.resume(echo, "x"))
print(4, coroutine.resume(echo))
print(5, coroutine.resume(echo, "stop"))
-- a coroutine body that is a vararg tail call
local co2 = coroutine.create(function(...) return select('#', ...), ... end)
print(6, coroutine.resume(co2, nil, nil))
