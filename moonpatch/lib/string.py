"""The string library (stub: to be written)."""
LIB = 'string'
