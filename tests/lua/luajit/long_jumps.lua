-- LuaJIT's jumps reach 32767 instructions (lua5.1's reach 131071): longer
-- control structures are 'control structure too long', near the token
-- LuaJIT is reading when it closes them.
local body = ("x = x + 1 "):rep(11000)
local function try(label, src)
  local f, err = loadstring(src, "=s")
  print(label, f and "ok" or err)
end
try(1, "while x do " .. body .. "end print(1)")
try(2, "repeat " .. body .. "until x print(1)")
try(3, "x = " .. ("a and "):rep(11500) .. "a")
try(4, "if x then " .. ("elseif x then "):rep(8500) .. "end")
