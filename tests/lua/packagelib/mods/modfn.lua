-- a 5.1-style module
module(..., package.seeall)
local hidden = "local"
value = 10
function get() return value, hidden, _NAME, _PACKAGE, _M == getfenv(1) end
