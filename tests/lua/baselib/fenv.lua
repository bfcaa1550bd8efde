-- getfenv / setfenv
print(1, getfenv() == _G, getfenv(0) == _G, getfenv(1) == _G)
local function f() return getfenv(1) end
print(2, f() == _G, getfenv(f) == _G)
-- changing a function's environment redirects its global accesses
local env = {print = print, x = "env x"}
x = "global x"
local function readx() return x end
setfenv(readx, env)
print(3, readx(), x)
-- setfenv returns the function
local g = function() return y end
print(4, setfenv(g, {y = "why"}) == g, g())
-- global writes go to the new environment
local function writez() z = "written" end
local wenv = {}
setfenv(writez, wenv)
writez()
print(5, wenv.z, rawget(_G, "z"))
-- an environment with __index falling back to _G
local sandbox = setmetatable({}, {__index = _G})
local function sandboxed() newglobal = "sandboxed"; return type(print), newglobal end
setfenv(sandboxed, sandbox)
print(6, sandboxed())
print(7, rawget(_G, "newglobal"), sandbox.newglobal)
-- setfenv(1, ...) inside a function changes its own environment
local function selfenv()
  local print = print
  setfenv(1, {v = "own env"})
  return v
end
print(8, selfenv())
-- setfenv(2, ...) changes the caller's environment
local function changer() setfenv(2, {w = "caller env"}) end
local function victim() changer(); return w end
print(9, victim())
-- getfenv(2) is the caller's environment
local function peek() local e = getfenv(2) return e end
local function caller() local e = peek() return e end
local cenv = {}
setfenv(caller, setmetatable(cenv, {__index = _G}))
print(10, caller() == cenv)
-- functions created inside inherit the creator's environment
local function factory() return function() return marker end end
setfenv(factory, {marker = "inherited"})
print(11, factory()())
-- C functions
print(12, pcall(setfenv, print, {}))
print(13, getfenv(print) == _G)
-- bad levels and arguments
print(14, pcall(getfenv, 100))
print(15, pcall(setfenv, 100, {}))
print(16, pcall(setfenv, f, nil))
print(17, pcall(getfenv, -1))
-- loadstring chunks get the global environment, but can be changed
local chunk = loadstring("return q")
setfenv(chunk, {q = "chunk env"})
print(18, chunk())
