-- Upvalues reached through several levels of nesting.
local function l1(a)
  return function(b)
    return function(c)
      return function(d)
        return function(e)
          a = a + 1
          return a + b + c + d + e
        end
      end
    end
  end
end
local f = l1(1)(2)(3)(4)
print(1, f(5), f(5))
local g = l1(1)(2)(3)(4)
print(2, g(5))
-- intermediate levels that do not use the variable still pass it on
local function outer()
  local x = "x"
  local function mid()
    local function inner() return x end
    return inner
  end
  x = "X"
  return mid()
end
print(3, outer()())
-- sibling closures at different depths share a variable
local function mk()
  local n = 0
  local function inc() n = n + 1 end
  local function deep() return function() return function() return n end end end
  return inc, deep()()
end
local inc, get = mk()
inc(); inc(); inc()
print(4, get())
-- recursive closure capturing itself
local function mkfact()
  local fact
  fact = function(n) if n <= 1 then return 1 end return n * fact(n - 1) end
  return fact
end
print(5, mkfact()(10))
