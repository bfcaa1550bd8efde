"""The math library (stub: to be written)."""
LIB = 'math'
