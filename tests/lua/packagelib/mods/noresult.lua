-- returns nothing: require stores true
print("noresult sees", type(package.loaded[...]), package.loaded[...] == true)
