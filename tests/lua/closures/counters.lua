-- Independent counters built from closures.
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
print(1, c1(), c1(), c1())
print(2, c2(), c2())
print(3, c1())
-- counter with step captured as a parameter
local function stepper(step)
  local v = 0
  return function() v = v + step; return v end
end
local s5 = stepper(5)
s5()
print(4, s5(), stepper(2)())
-- an accumulator object made of several closures
local function account(balance)
  local function deposit(x) balance = balance + x; return balance end
  local function withdraw(x)
    if x > balance then return nil, "insufficient funds" end
    balance = balance - x
    return balance
  end
  local function get() return balance end
  return {deposit = deposit, withdraw = withdraw, get = get}
end
local acc = account(100)
acc.deposit(50)
print(5, acc.withdraw(30), acc.get())
print(6, acc.withdraw(500))
local acc2 = account(1)
print(7, acc2.get(), acc.get())
