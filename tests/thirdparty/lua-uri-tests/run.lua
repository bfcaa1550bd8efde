package.path = './?.lua;' .. package.path
require "lunit"
local files = {}
for _, f in ipairs({"_generic","_pristine","_relative","_resolve","_util","data","file","ftp","http","pop","rtsp","telnet","urn-isbn","urn-issn","urn-oid","urn"}) do
  files[#files+1] = "test/" .. f .. ".lua"
end
lunit.main(files)
