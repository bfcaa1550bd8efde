-- dkjson as its users use it: encode with options, decode, errors, nulls.
local json = require "dkjson"
local doc = {name = "x", list = {1, 2, 3, {a = true, b = json.null}}, nested = {deep = {deeper = {1.5, -2, "s\n\"q\""}}}, empty = setmetatable({}, {__jsontype = 'array'})}
local s = json.encode(doc, {indent = true, keyorder = {"name", "list", "nested", "empty"}})
print(s)
local back, pos, err = json.decode(s)
print(back.name, #back.list, back.list[4].a, back.list[4].b == json.null, back.nested.deep.deeper[3], pos, err)
print(json.decode('[1,2,{"x":[true,false,null]}, "\\u00e9\\ud83d\\ude00"]')[4]:byte(1, -1))
print(json.decode('{"bad": }'))
print(json.encode({1, 2, nil, 4}))
print(json.encode({[1] = 1, [3] = 3}))
