-- moonpatch has no ffi yet (its own issue gives it one on cffi): code that
-- takes `jit` to mean LuaJIT and requires ffi must get the plain
-- not-found error, as from a LuaJIT built without FFI, never a stand-in.
local ok, e = pcall(require, 'ffi')
print(ok, (e:match('^[^\n]*')))
print(package.loaded.ffi, package.preload.ffi, rawget(_G, 'ffi'))
local ok2, ffi = pcall(require, 'ffi')
print(ok2, type(ffi))
