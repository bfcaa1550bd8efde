-- moonpatch's bundled example: a little of everything Lua does.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end

local Account = {}
Account.__index = Account
function Account.new(owner, balance) return setmetatable({owner = owner, balance = balance}, Account) end
function Account:deposit(v) self.balance = self.balance + v; return self end

local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i * i) end end)

print("Hello from " .. _VERSION .. " on moonpatch")
print("fib(20) =", fib(20))
print("balance:", Account.new("ada", 100):deposit(42).balance)
print("squares:", gen(), gen(), gen())
print("error caught:", pcall(function() local t = nil; return t.field end))
