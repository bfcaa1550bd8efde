from moonpatch.runtime.stack import raise_recursion_limit

# The package raises the recursion limit at import; do the same here so these
# tests do not depend on which module was imported first (and never past what
# the host's main-thread stack can take: hosts that use C stack per call crash).
raise_recursion_limit()
