"""The debug library (stub: to be written)."""
LIB = 'debug'
