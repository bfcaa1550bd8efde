-- argparse: arguments, options, counted flags, help text and errors.
local argparse = require "argparse"
local parser = argparse("script", "An example.")
parser:argument("input", "Input file.")
parser:option("-o --output", "Output file.", "a.out")
parser:option("-I --include", "Include locations."):count("*")
parser:flag("-v --verbose", "Sets verbosity level."):count "0-2":target "verbosity"
local args = parser:parse({"foo", "-I", "x", "-Iy", "-vv", "--output=z"})
print(args.input, args.output, table.concat(args.include, ","), args.verbosity)
print(parser:get_help())
local ok, err = parser:pparse({"-o"})
print(ok, err)
