"""Observers of compilation: -jv, -jdump and jit.attach handlers.

One pass of the pipeline at priority -99 (odd, so it runs after failures
too) reports each compilation of the running state to what watches it:
  state.jit_verbose   a binary stream: -jv, one line per compilation (what, where,
                      how long, or why it failed), and one on its native code (or
                      why none)
  state.jit_dump      a binary stream: -jdump, the bytecode listing, the
                      generated Python and the machine code (or why none) of each
                      compiled prototype
  state.jit_handlers  jit.attach(handler, 'trace'): handler(what, nil, func,
                      pc, reason) with what 'stop' (compiled) or 'abort'
Python code can add passes of its own (pipeline.add_pass).
"""
import time

from ..runtime import ops
from ..runtime.state import current_state
from . import pipeline


def _where(c):
    p = c.proto
    at = '' if c.entry is None else ' loop at %d' % (c.entry + 1)
    return '%s:%d%s' % (p.chunkname.lstrip('@='), p.firstline, at)


def _write(stream, text):
    stream.write(text.encode('latin-1', 'replace'))
    stream.flush()


def _native_verbose(state, verbose, c):
    """-jv's line on the native pass: compiled, refused (why), or, once, that native code
    cannot run here."""
    if c.native is not None:
        _write(verbose, '[JIT] native %s (%d instructions, %d bytes)\n'
               % (_where(c), c.native.instructions, len(c.native.code)))
    elif c.native_refused is not None:
        from .native import unavailable_reason
        if c.native_refused != unavailable_reason():
            _write(verbose, '[JIT] not native %s: %s\n' % (_where(c), c.native_refused))
        elif not getattr(state, 'jit_native_told', False):
            state.jit_native_told = True
            _write(verbose, '[JIT] %s\n' % c.native_refused)


def _observe(c):
    state = current_state()
    seconds = time.perf_counter() - c.started
    verbose = getattr(state, 'jit_verbose', None)
    if verbose is not None:
        if c.failed is None:
            _write(verbose, '[JIT] ok %s (%d instructions, %.2f ms)\n'
                   % (_where(c), len(c.proto.code), seconds * 1e3))
        else:
            _write(verbose, '[JIT] failed %s: %s\n' % (_where(c), c.failed))
        _native_verbose(state, verbose, c)
    dump = getattr(state, 'jit_dump', None)
    if dump is not None:
        from ..bytecode.listing import listing
        _write(dump, '---- JIT %s %s\n%s\n' % ('ok' if c.failed is None else 'failed',
                                               _where(c), listing(c.proto)))
        if c.hints:
            _write(dump, '---- hints\n%s\n' % c.hints.describe())
        if c.source:
            _write(dump, '---- Python\n%s\n' % c.source)
        if c.native is not None:
            from .native.disasm import describe_all
            _write(dump, describe_all(c.native) + '\n')
        elif c.native_refused is not None:
            _write(dump, '---- not native: %s\n\n' % c.native_refused)
    handler = getattr(state, 'jit_handlers', {}).get('trace')
    if handler is not None:
        ops.call(handler, ['stop' if c.failed is None else 'abort', None, c.closure,
                           float(c.entry or 0), c.failed])


pipeline.add_pass(-99, 'observers', _observe)
