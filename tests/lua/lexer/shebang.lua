#!/usr/bin/env lua5.1 this first line is skipped by the file loader
-- A file starting with '#' has its first line ignored.
print("shebang skipped")
print(1 + 1)
-- error positions still count the skipped first line
print(pcall(error, "x"))
print(pcall(function() error("line five") end))
-- loadstring does NOT skip a leading '#' line
print(loadstring("#!not skipped\nreturn 1"))
