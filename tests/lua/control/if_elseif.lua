-- if / elseif / else selection and truthiness.
local function classify(x)
  if x == nil then return "nil"
  elseif x == false then return "false"
  elseif type(x) == "number" and x < 0 then return "negative"
  elseif type(x) == "number" then return "non-negative"
  else return "other" end
end
print(1, classify(nil), classify(false), classify(-1), classify(0), classify("s"))
local function truthy(v) if v then return "T" else return "F" end end
print(2, truthy(0), truthy(""), truthy({}), truthy(nil), truthy(false), truthy(true))
-- nested ifs
local function sign3(a, b)
  if a > 0 then
    if b > 0 then return "++" else return "+-" end
  else
    if b > 0 then return "-+" end
    return "--"
  end
end
print(3, sign3(1, 1), sign3(1, -1), sign3(-1, 1), sign3(-1, -1))
-- if without else, with empty branches
local r = "unchanged"
if false then r = "changed" end
if true then else r = "never" end
print(4, r)
-- only the first true branch runs
local hits = ""
if true then hits = hits .. "a" elseif true then hits = hits .. "b" else hits = hits .. "c" end
print(5, hits)
-- conditions are evaluated lazily in order
local log = ""
local function c(v, n) log = log .. n; return v end
if c(false, 1) then elseif c(false, 2) then elseif c(true, 3) then elseif c(true, 4) then end
print(6, log)
-- many elseifs
local function grade(s)
  if s >= 90 then return "A" elseif s >= 80 then return "B" elseif s >= 70 then return "C"
  elseif s >= 60 then return "D" else return "F" end
end
print(7, grade(95), grade(85), grade(75), grade(65), grade(10))
