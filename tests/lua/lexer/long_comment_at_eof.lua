-- The last line of this file is a long comment that ends at EOF.
print("ok")
--[[ long comment
ending at eof ]]