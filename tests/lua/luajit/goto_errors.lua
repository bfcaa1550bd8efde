-- Compile errors involving goto and labels.
print(1, loadstring("goto nowhere"))
print(2, loadstring("do goto l end local x = 1 ::l:: print(x)"))
print(3, loadstring("::a:: ::a::"))
print(4, loadstring("do ::inner:: end goto inner"))
print(5, type(loadstring("::lbl:: goto lbl")))
print(6, loadstring("local function f() goto out end ::out::"))
-- LuaJIT still accepts goto as a variable name where a name cannot follow
print(7, type(loadstring("goto = 1")))
print(8, type(loadstring("local goto = 1")))
print(8.5, loadstring("goto continue"))
-- a label at the end of a block may follow a local declaration
print(9, type(loadstring("do goto e local x = 1 ::e:: end")))
