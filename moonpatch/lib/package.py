"""The package library (stub: to be written)."""
LIB = 'package'
