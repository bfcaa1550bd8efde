"""The table library (stub: to be written)."""
LIB = 'table'
