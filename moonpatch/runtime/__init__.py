"""The runtime: values, tables, operations, errors, coroutines, interpreter."""
from . import interp  # noqa: F401  (registers the interpreter as the closures' gate)
