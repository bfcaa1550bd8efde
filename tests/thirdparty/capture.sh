#!/bin/sh
# Regenerate the .expected files of tests/thirdparty from lua5.1: each
# program's stdout+stderr and exit status, run in its folder with the
# libraries of lib/ on LUA_PATH, as test_thirdparty.py runs moonpatch.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
export LUA_PATH="$here/lib/?.lua;$here/lib/?/init.lua;;"
for prog in "$here"/programs/*.lua "$here"/lua-uri-tests/run.lua; do
    dir=$(dirname "$prog")
    name=$(basename "$prog" .lua)
    (cd "$dir" && { lua5.1 "$name.lua" 2>&1; echo "exit $?"; } > "$name.expected") || true
    echo "$prog"
done
