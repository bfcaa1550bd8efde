"""The string library (stub: to be written).

NOTE TO THE ENGINEER WRITING THIS MODULE: read /tmp/common_context.md first
(project conventions: value representation, library calling convention,
argument checking, error classes, tests) and /work/shared/DESIGN.md.
"""
LIB = 'string'
