"""The jit library (stub: to be written)."""
LIB = 'jit'
