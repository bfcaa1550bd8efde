"""What several layers share: Lua's rules that are neither front end nor runtime.

This package is the bottom layer: it imports nothing else from moonpatch, so
the front end, the bytecode, the runtime, the JIT and the libraries can all
use it (tests/test_layers.py checks the import graph).
"""
