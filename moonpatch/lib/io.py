"""The io library (stub: to be written)."""
LIB = 'io'
