"""Executable pages: W^X, freeing with their owner, and the reasons native code is off."""

import ctypes
import errno
import gc
import sys

import pytest

from moonpatch.jit import native
from moonpatch.jit.native import pages

needs_pages = pytest.mark.skipif(not native.available(),
                                 reason=native.unavailable_reason() or "")
needs_maps = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads the mappings in /proc/self/maps")


def permissions(address: int):
    """The permissions of the mapping holding `address` ("rw-p", "r-xp"), or None."""
    with open("/proc/self/maps") as maps:
        for line in maps:
            span, perms = line.split()[:2]
            start, end = (int(x, 16) for x in span.split("-"))
            if start <= address < end:
                return perms
    return None


def host_code(result: int) -> bytes:
    """A function of no arguments returning `result`, for the host."""
    from moonpatch.jit.native.ir import MovI, Ret
    abi = native.encoder().ABI
    return native.assemble([MovI(abi.result, result), Ret()]).data


@needs_pages
@needs_maps
def test_never_writable_and_executable_at_once():
    p = pages.ExecPages(100)
    assert p.size == pages.PAGE
    assert permissions(p.address) == "rw-p"
    p.write(0, host_code(7))
    assert permissions(p.address + p.size - 1) == "rw-p"
    p.seal()
    assert permissions(p.address) == "r-xp"
    with pytest.raises(pages.PagesError, match="never writable again"):
        p.write(0, b"\xc3")
    assert permissions(p.address) == "r-xp"
    assert p.entry(ctypes.c_int64)() == 7


def collect():
    """Collect garbage until done: PyPy frees a ctypes function (it has a finalizer) on the
    collection after the one that finds it dead."""
    for _ in range(3):
        gc.collect()


@needs_pages
@needs_maps
def test_pages_are_unmapped_when_their_owner_dies():
    p = pages.load(host_code(5))
    address = p.address
    function = p.entry(ctypes.c_int64)
    del p
    collect()
    assert permissions(address) == "r-xp"      # the entry function keeps them
    assert function() == 5
    del function
    collect()
    assert permissions(address) is None


@needs_pages
@needs_maps
def test_free_unmaps_at_once():
    p = pages.ExecPages(1)
    address = p.address
    p.free()
    assert not p.alive and permissions(address) is None
    p.free()                                    # a second free does nothing


@needs_pages
def test_misuse_is_refused():
    p = pages.ExecPages(10)
    with pytest.raises(pages.PagesError, match="do not fit"):
        p.write(p.size - 1, b"ab")
    with pytest.raises(pages.PagesError, match="seal"):
        p.entry(ctypes.c_int64)


def test_the_instruction_cache_is_flushed_over_what_was_written(monkeypatch):
    flushed = []
    monkeypatch.setattr(pages, "_icache_flush", lambda address, size: flushed.append(
        (address, size)))
    p = pages.load(b"\xc3")
    assert flushed == [(p.address, p.size)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="looks up libgcc's flush")
def test_aarch64_finds_the_instruction_cache_flush(monkeypatch):
    monkeypatch.setattr(pages, "host_target", lambda: "arm64")
    flush = pages._find_icache_flush()
    assert flush is not None
    p = pages.load(b"\xc3")
    flush(p.address, p.size)


@pytest.fixture
def fresh_reason():
    """unavailable_reason() asks again, and the cached answer is restored after the test."""
    native.unavailable_reason.cache_clear()
    native.cpu_features.cache_clear()
    yield
    native.unavailable_reason.cache_clear()
    native.cpu_features.cache_clear()


def test_a_refused_mprotect_turns_the_tier_off(monkeypatch, fresh_reason):
    def refuse(address, size, prot):
        ctypes.set_errno(errno.EACCES)
        return -1
    monkeypatch.setattr(pages, "_mprotect", refuse)
    reason = native.unavailable_reason()
    assert reason.startswith("native tier off: mprotect(PROT_EXEC) refused (hardened host?)")
    assert "Permission denied" in reason
    assert not native.available() and native.cpu_features() == {}


def test_no_instruction_cache_flush_turns_the_tier_off(monkeypatch, fresh_reason):
    monkeypatch.setattr(pages, "_icache_flush", None)
    assert native.unavailable_reason() == (
        "native tier off: no instruction-cache flush (__clear_cache) on this host")


def test_an_unknown_cpu_turns_the_tier_off(monkeypatch, fresh_reason):
    monkeypatch.setattr(native, "machine", lambda: "mips64")
    assert native.host_target() is None
    assert native.unavailable_reason() == "native tier off: no encoder for this CPU (mips64)"


def test_a_missing_encoder_turns_the_tier_off(monkeypatch, fresh_reason):
    def missing(target=None):
        raise ImportError("No module named 'moonpatch.jit.native.arm64'")
    monkeypatch.setattr(native, "encoder", missing)
    assert native.unavailable_reason() == (
        "native tier off: No module named 'moonpatch.jit.native.arm64'")


def test_targets_by_machine_name(monkeypatch):
    for machine, target in (("x86_64", "x64"), ("AMD64", "x64"), ("aarch64", "arm64"),
                            ("arm64", "arm64"), ("riscv64", None)):
        monkeypatch.setattr(native, "machine", lambda: machine)
        assert native.host_target() == target
    with pytest.raises(ValueError, match="no native encoder"):
        native.encoder("sparc")
