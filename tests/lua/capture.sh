#!/bin/sh
# Regenerate the .expected files of the Lua conformance corpus from the
# reference implementations.
#
#   tests/lua/capture.sh                 # every program in every folder
#   tests/lua/capture.sh calls/foo.lua   # only the named programs
#
# Each <area>/<name>.expected is the exact stdout+stderr of
#   cd tests/lua/<area> && <ref> <name>.lua 2>&1
# where <ref> is `luajit` for the luajit/ and ffi/ folders (and tests/ffi/'s
# programs) and `lua5.1` everywhere else.
set -eu

here=$(cd "$(dirname "$0")" && pwd)

ref_for() {
    case "$1" in
        luajit|ffi) echo luajit ;;
        *) echo lua5.1 ;;
    esac
}

for ref in lua5.1 luajit; do
    command -v "$ref" >/dev/null 2>&1 || { echo "capture.sh: '$ref' not found on PATH" >&2; exit 1; }
done

capture_one() {
    # $1 = absolute path of a .lua program
    dir=$(dirname "$1")
    name=$(basename "$1" .lua)
    area=$(basename "$dir")
    ref=$(ref_for "$area")
    case "$dir" in */tests/ffi/programs) ref=luajit ;; esac
    # A program may legitimately exit non-zero (uncaught error); keep its output.
    (cd "$dir" && timeout 10 "$ref" "$name.lua" > "$name.expected" 2>&1) || true
    echo "$area/$name.lua ($ref)"
}

if [ "$#" -gt 0 ]; then
    for f in "$@"; do
        case "$f" in
            /*) capture_one "$f" ;;
            *) capture_one "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" ;;
        esac
    done
else
    for f in "$here"/*/*.lua; do
        capture_one "$f"
    done
fi
