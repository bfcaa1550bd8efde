-- collectgarbage options.
print(1, type(collectgarbage("count")), collectgarbage("count") > 0)
print(2, collectgarbage())
print(3, collectgarbage("collect"))
print(4, type(collectgarbage("step")))
print(5, pcall(collectgarbage, "bogus"))
print(6, type(collectgarbage("setpause", 200)), type(collectgarbage("setstepmul", 200)))
print(7, collectgarbage("stop"), collectgarbage("restart"))
print(8, type(gcinfo()))
