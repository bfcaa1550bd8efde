-- Infinity and NaN behaviour.
local inf, nan = 1/0, 0/0
print(1, inf, -inf, inf == math.huge, -inf == -math.huge)
print(2, inf + 1, inf - inf ~= inf - inf, inf * 0 ~= inf * 0, inf / inf ~= inf / inf)
print(3, nan ~= nan, nan == nan, not (nan < nan), not (nan > 0), not (nan <= nan))
print(4, nan ~= 0, not (nan < 1), not (1 < nan), not (nan >= 1))
print(5, 1/inf, -1/inf, 1/(-inf) == 0)
print(6, inf > 1e308, -inf < -1e308, inf >= inf, inf <= inf)
print(7, 1e308 * 10, -1e308 * 10, 2^1024, 2^1023 * 2)
local zero = tonumber("0")
local negzero = -zero
print(8, 1/negzero, 1/zero == 1/negzero)
print(9, zero == negzero, zero * -1 == 0)
print(10, math.huge - math.huge ~= 0)
local t = {}
print(11, pcall(function() t[nan] = 1 end))
print(12, t[nan], rawget(t, nan))
t[inf] = "inf key"
t[-inf] = "-inf key"
print(13, t[inf], t[-inf], t[1/0])
print(14, (-8) ^ (1/3) ~= (-8) ^ (1/3), 0 ^ 0, 0 ^ -1, inf ^ 0)
