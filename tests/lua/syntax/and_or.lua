-- Short-circuit evaluation and the values returned by and/or/not.
local log = ""
local function t(v) log = log .. "T"; return v end
print(1, nil and t(1), log)
print(2, false and t(1), log)
print(3, 1 and t(2), log)
log = ""
print(4, 1 or t(1), log)
print(5, nil or t("x"), log)
print(6, false or nil, nil or false)
print(7, 0 and "zero is true", "" and "empty string is true")
print(8, not nil, not false, not 0, not "", not {})
log = ""
local r = t(false) or t(nil) or t("last")
print(9, r, log)
log = ""
r = t(1) and t(2) and t(3)
print(10, r, log)
log = ""
r = t(1) and t(false) and t(3)
print(11, r, log)
print(12, nil and nil, false and false, nil or nil)
print(13, 1 == 1 and "yes" or "no", 1 == 2 and "yes" or "no")
print(14, true and false or "fallback")
local a = {}
print(15, (a and a.x) or "default")
print(16, type(a or error("not evaluated")))
print(17, pcall(function() return nil or error("evaluated") end))
