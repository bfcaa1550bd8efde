-- Metatables on the global table: detecting undefined globals.
local declared = {}
local log = ""
setmetatable(_G, {
  __newindex = function(t, k, v)
    log = log .. "new:" .. k .. ";"
    declared[k] = true
    rawset(t, k, v)
  end,
  __index = function(t, k)
    if not declared[k] then error("undeclared global '" .. tostring(k) .. "'", 2) end
    return nil
  end,
})
some_global = 1
print(1, some_global, log)
some_global = 2
print(2, some_global, log)
print(3, pcall(function() return undefined_thing end))
-- assigning nil to an existing global bypasses __newindex; later reads hit __index, which allows declared names
some_global = nil
print(4, pcall(function() return some_global end))
setmetatable(_G, nil)
print(5, undefined_thing)
-- __index on _G supplying defaults
setmetatable(_G, {__index = function(_, k) return "default for " .. k end})
print(6, anything, rawget(_G, "anything"))
setmetatable(_G, nil)
print(7, anything)
