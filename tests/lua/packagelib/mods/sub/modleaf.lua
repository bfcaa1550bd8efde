module(...)
x = 1
