-- The last line of this file is a comment without a trailing newline.
print("before comment at EOF")
local x = 41 + 1
print(x)
-- final comment, no newline after it