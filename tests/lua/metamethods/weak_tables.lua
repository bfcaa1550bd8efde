-- Weak tables: unreachable table keys/values disappear after a full collection.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local keep = {}
local function fill_keys(t, n)
  for i = 1, n do
    local k = {}
    t[k] = i
    if i % 2 == 0 then keep[#keep + 1] = k end
  end
end
local wk = setmetatable({}, {__mode = "k"})
fill_keys(wk, 10)
wk["str"] = "strings are not collected"
wk[1] = "numbers are not collected"
print(1, count(wk))
collectgarbage("collect")
print(2, count(wk))
-- weak values
local wv = setmetatable({}, {__mode = "v"})
local function fill_values(t)
  for i = 1, 10 do t[i] = {} end
  t.kept = keep
  t.s = "string value"
  t.n = 123
  t.b = true
end
fill_values(wv)
print(3, count(wv))
collectgarbage("collect")
print(4, count(wv), wv.kept == keep, wv.s, wv.n, wv.b)
-- weak keys and values
local wkv = setmetatable({}, {__mode = "kv"})
local function fill_both(t)
  t[{}] = "collected key"
  t["x"] = {}
  t[keep] = "kept key"
  t.k2 = keep
end
fill_both(wkv)
collectgarbage("collect")
print(5, count(wkv), wkv[keep], wkv.k2 == keep)
-- strong table: nothing disappears
local strong = {}
local function fill_strong(t) for i = 1, 5 do t[{}] = {} end end
fill_strong(strong)
collectgarbage("collect")
print(6, count(strong))
-- functions (closures) as weak values
local wf = setmetatable({}, {__mode = "v"})
local function fill_fn(t) for i = 1, 3 do local c = i; t[i] = function() return c end end end
fill_fn(wf)
collectgarbage("collect")
print(7, count(wf))
print(8, #keep)
