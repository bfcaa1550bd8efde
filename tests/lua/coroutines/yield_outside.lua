-- Yielding from the main thread is an error.
print(1, pcall(coroutine.yield))
print(2, pcall(coroutine.yield, 1, 2))
print(3, pcall(function() coroutine.yield() end))
-- after a failed yield the program continues
print(4, "still running")
