-- Class-style inheritance with __index chains.
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound)
  return setmetatable({name = name, sound = sound}, Animal)
end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:kind() return "animal" end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name)
  local d = Animal.new(name, "woof")
  return setmetatable(d, Dog)
end
function Dog:kind() return "dog, a kind of " .. Animal.kind(self) end
function Dog:fetch() return self.name .. " fetches" end
local a = Animal.new("Cat", "meow")
local d = Dog.new("Rex")
print(1, a:speak(), a:kind())
print(2, d:speak(), d:kind(), d:fetch())
print(3, getmetatable(d) == Dog, getmetatable(a) == Animal)
print(4, rawget(d, "speak"), d.fetch ~= nil, a.fetch)
-- overriding on the instance
function d:speak() return "custom " .. Animal.speak(self) end
print(5, d:speak(), Dog.new("Max"):speak())
-- calling a missing method
print(6, pcall(function() return a:fetch() end))
-- class with __tostring and __eq shared by instances
local Point = {}
Point.__index = Point
Point.__tostring = function(p) return "(" .. p.x .. "," .. p.y .. ")" end
Point.__eq = function(p, q) return p.x == q.x and p.y == q.y end
Point.__add = function(p, q) return Point.new(p.x + q.x, p.y + q.y) end
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
local p = Point.new(1, 2) + Point.new(3, 4)
print(7, tostring(p), p == Point.new(4, 6), p ~= Point.new(0, 0))
