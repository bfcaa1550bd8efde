"""The bit library (stub: to be written)."""
LIB = 'bit'
