"""An AArch64 CPU under unicorn (a test extra, CPython only) for the native tier's tests:
it runs a function until it returns to RETURN."""

import struct

from moonpatch.jit.native import arm64

try:
    import unicorn
    from unicorn import arm64_const
except ImportError:
    unicorn = None

MASK = (1 << 64) - 1


def signed(value):
    value &= MASK
    return value - (1 << 64) if value >> 63 else value


def bits_of(value):
    return struct.unpack("<Q", struct.pack("<d", value))[0]


def double_of(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


CODE, STUB, STACK, DATA, RETURN = 0x100000, 0x500000, 0x600000, 0x700000, 0x800000
STACK_TOP = STACK + 0x10000


class Machine:
    """One unicorn AArch64 CPU with code, stub, stack and data regions; runs a function
    until it returns to RETURN."""

    def __init__(self):
        self.uc = unicorn.Uc(unicorn.UC_ARCH_ARM64, unicorn.UC_MODE_ARM)
        for start, size in ((CODE, 4 << 20), (STUB, 0x10000), (STACK, 0x10000),
                            (DATA, 0x10000), (RETURN, 0x1000)):
            self.uc.mem_map(start, size)

    def xreg(self, n):
        name = {29: "FP", 30: "LR", 31: "SP"}.get(n, f"X{n}")
        return getattr(arm64_const, f"UC_ARM64_REG_{name}")

    def dreg(self, n):
        return getattr(arm64_const, f"UC_ARM64_REG_D{n}")

    def run(self, code, xs=(), ds=(), data=b"", stubs=(), address=CODE):
        """Runs code (bytes or a program) at address with x0.. = xs (or {n: xn}) and
        d0.. = ds, and DATA holding data and zeros after it (unless data is None)."""
        if not isinstance(code, (bytes, bytearray)):
            code = arm64.assemble(code).data
        self.uc.mem_write(address, bytes(code))
        for stub_address, program in stubs:
            self.uc.mem_write(stub_address, arm64.assemble(program).data)
        if data is not None:
            self.uc.mem_write(DATA, bytes(data).ljust(0x10000, b"\0"))
        self.uc.ctl_flush_tb()      # unicorn's translations are its instruction cache
        for n in range(31):
            self.uc.reg_write(self.xreg(n), 0x5EED0000 + n)
            self.uc.reg_write(self.dreg(n), bits_of(1000.0 + n))
        for n, value in (xs.items() if isinstance(xs, dict) else enumerate(xs)):
            self.uc.reg_write(self.xreg(n), value & MASK)
        for n, value in enumerate(ds):
            self.uc.reg_write(self.dreg(n), bits_of(value))
        self.uc.reg_write(self.xreg(31), STACK_TOP)
        self.uc.reg_write(self.xreg(30), RETURN)
        self.uc.emu_start(address, RETURN, count=10_000_000)
        assert self.uc.reg_read(arm64_const.UC_ARM64_REG_PC) == RETURN
        return self

    def x(self, n=0):
        return self.uc.reg_read(self.xreg(n))

    def d(self, n=0):
        return double_of(self.uc.reg_read(self.dreg(n)))

    def words(self, count, offset=0):
        return list(struct.unpack(f"<{count}Q", self.uc.mem_read(DATA + offset, 8 * count)))

    def doubles(self, count, offset=0):
        return [double_of(w) for w in self.words(count, offset)]
