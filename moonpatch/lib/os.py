"""The os library (stub: to be written)."""
LIB = 'os'
