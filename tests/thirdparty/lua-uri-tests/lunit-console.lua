-- a minimal lunit runner: counts and prints each failure/error
local M = {}
local pass, fail, err = 0, 0, 0
function M.begin() end
function M.run() end
function M.pass() pass = pass + 1 end
function M.fail(name, where, msg, usermsg) fail = fail + 1 print("FAIL", name, where, msg, usermsg) end
function M.err(name, msg, tb) err = err + 1 print("ERROR", name, msg) end
function M.done() print(("pass %d fail %d error %d"):format(pass, fail, err)) end
return M
