-- string_patterns.lua: Lua pattern matching.
-- Measures: string.gmatch, string.gsub (with string, function and table
-- replacements, and %1 captures), string.find (plain and with patterns,
-- anchored), string.match with captures, string.upper/lower/rep.
-- Size: number of generated lines (default 2000).
local n = tonumber(arg and arg[1]) or 2000

-- Deterministic pseudo-random numbers (same on every engine).
local seed = 42
local function rand(k)
  seed = (seed * 16807) % 2147483647
  return seed % k
end

local syllables = { "lo", "re", "mi", "pa", "tan", "ku", "ze", "sho", "vin", "da" }
local function word()
  local w = {}
  for i = 1, 1 + rand(3) do w[i] = syllables[rand(#syllables) + 1] end
  return table.concat(w)
end

local lines = {}
for i = 1, n do
  lines[i] = string.format("%s=%d; %s %s, user%d@%s.org [%s] %d.%d",
    word(), rand(1000), word(), word(), i, word(), word(), rand(100), rand(100))
end
local text = table.concat(lines, "\n")

-- 1. gmatch: word frequencies.
local freq, nwords = {}, 0
for w in string.gmatch(text, "%a+") do
  nwords = nwords + 1
  freq[w] = (freq[w] or 0) + 1
end
local distinct, maxfreq = 0, 0
for _, c in pairs(freq) do
  distinct = distinct + 1
  if c > maxfreq then maxfreq = c end
end

-- 2. gmatch with captures: key=value pairs.
local kvsum = 0
for k, v in string.gmatch(text, "(%a+)=(%d+)") do
  kvsum = kvsum + #k + tonumber(v)
end

-- 3. gsub with a function, a table and a %1 template.
local doubled, nnum = string.gsub(text, "%d+", function(d) return tostring(tonumber(d) * 2) end)
local map = { lo = "LO", re = "RE", mi = "MI" }
local mapped, nmapped = string.gsub(text, "%l%l", map)
local swapped, nswap = string.gsub(text, "(%w+)@(%w+)", "%2 at %1")
local stripped = string.gsub(text, "[%[%]%.,;]", "")

-- 4. find: plain and pattern, in a loop over lines.
local plainhits, pathits, anchored = 0, 0, 0
for i = 1, n do
  local line = lines[i]
  if string.find(line, "sho", 1, true) then plainhits = plainhits + 1 end
  local s, e = string.find(line, "%[(%a+)%]")
  if s then pathits = pathits + (e - s) end
  if string.find(line, "^ku") then anchored = anchored + 1 end
end

-- 5. match with several captures, per line.
local msum = 0
for i = 1, n do
  local user, dom, a, b = string.match(lines[i], "user(%d+)@(%a+)%.org %[%a+%] (%d+)%.(%d+)$")
  if user then msum = msum + tonumber(user) % 97 + #dom + tonumber(a) + tonumber(b) end
end

-- 6. Case conversion and rep.
local up = string.upper(string.sub(text, 1, 5000))
local low = string.lower(up)
local rep = string.rep("ab,", 1000)
local _, ncommas = string.gsub(rep, ",", ",")

print(string.format("string_patterns n=%d len=%d words=%d distinct=%d maxfreq=%d kv=%d",
  n, #text, nwords, distinct, maxfreq, kvsum))
print(string.format("gsub: nums=%d/%d mapped=%d/%d swap=%d/%d stripped=%d",
  nnum, #doubled, nmapped, #mapped, nswap, #swapped, #stripped))
print(string.format("find: plain=%d pat=%d anchored=%d match=%d case=%d/%s reps=%d",
  plainhits, pathits, anchored, msum, #low, string.sub(low, 1, 12), ncommas))
