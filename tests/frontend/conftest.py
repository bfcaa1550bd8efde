import sys

# The package raises the recursion limit at import; do the same here so these
# tests do not depend on which module was imported first.
if sys.getrecursionlimit() < 20000:
    sys.setrecursionlimit(20000)
