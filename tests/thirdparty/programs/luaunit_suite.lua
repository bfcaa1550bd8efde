-- luaunit run the way its users run a suite (TAP output, exit status), with
-- the clock and date fixed so that the output can be compared.
os.clock = function() return 0 end
os.date = function() return "(date)" end
local lu = require "luaunit"
TestArith = {}
function TestArith:testAdd() lu.assertEquals(1 + 1, 2) end
function TestArith:testTables() lu.assertEquals({1, {2, 3}}, {1, {2, 3}}) lu.assertItemsEquals({1, 2, 3}, {3, 2, 1}) end
function TestArith:testFail() lu.assertEquals({a = 1}, {a = 2}) end
function TestArith:testError() error("boom") end
function TestArith:testStr() lu.assertStrContains("hello world", "o w") lu.assertErrorMsgContains("bad", function() error("bad thing") end) end
function TestArith:testAlmost() lu.assertAlmostEquals(0.1 + 0.2, 0.3, 1e-12) lu.assertNil(nil) lu.assertIsTable({}) end
local runner = lu.LuaUnit.new()
runner:setOutputType("tap")
os.exit(runner:runSuite("--pattern", "Test", "-v"))
