"""Syntax tree -> Proto: LuaJIT's code generator, walking our AST.

The emitter is a port of lj_parse.c: expression descriptors (Exp) that
delay emission until the consumer knows where a value must go, jump lists
threaded through the D fields of pending jumps, register allocation in
stack order, constant folding of numeric literals (never to NaN or -0), and
the same statement shapes (loop inversion, FORI/FORL, ISNEXT/ITERN for
pairs, TDUP templates for constant table parts). Functions are named after
their lj_parse.c counterparts so the two can be read side by side.

Differences from LuaJIT, all due to the interpreter keeping each frame's
registers in a list of its own: returns need no UCLO (a returning frame's
registers are never reused), and the call frame has one slot (no LJ_FR2).
"""
from ..bytecode import opcodes as bc
from ..bytecode.proto import (BIAS_J, MAX_SLOTS, Proto, TableTemplate, VarInfo, ins_abc,
                              ins_ad)
from ..common.chunkid import chunkid
from ..common.cnumber import Complex, Int64
from ..common.luanumber import div, mod, pow
from ..errors import LuaSyntaxError
from . import ast
from .lexer import EOF, MAXSRC
from .parser import HOST_CCALLS, parse

NO_JMP = -1
NO_REG = 255
MAX_C = 255          # largest B/C operand
MAX_D = 0xffff

# Expression kinds, in lj_parse.c's order (constants first).
VKNIL, VKFALSE, VKTRUE, VKSTR, VKNUM = range(5)
VKLAST = VKNUM
VKCDATA = 5         # val=an Int64 or Complex literal: loaded by KCDATA, never folded as a number
VLOCAL, VUPVAL, VGLOBAL, VINDEXED, VJMP, VRELOCABLE, VNONRELOC, VCALL, VVOID = range(6, 15)

ARITH_OPS = {'+': 0, '-': 1, '*': 2, '/': 3, '%': 4, '^': 5}
COMPARE_OPS = {'<': bc.ISLT, '>=': bc.ISGE, '<=': bc.ISLE, '>': bc.ISGT}

FOR_VARNAMES = ('(for index)', '(for limit)', '(for step)')
ITER_VARNAMES = ('(for generator)', '(for state)', '(for control)')
_REGISTER_AT_FIRST_TOKEN = (ast.Table, ast.Vararg)
_LEFT_NESTED = frozenset((ast.BinOp, ast.Index, ast.Call, ast.Method))
_ONE_TOKEN = frozenset((ast.Local, ast.Global, ast.Upval, ast.Number, ast.String, ast.Nil,
                        ast.Bool, ast.Vararg))
_CLOSED = frozenset((ast.Call, ast.Method, ast.Index, ast.Paren))


class Exp:
    """An expression descriptor (lj_parse.c's ExpDesc).

    info/aux by kind: VLOCAL/VNONRELOC info=register; VUPVAL info=index;
    VGLOBAL val=name; VINDEXED info=table register, aux=key (a register, or
    a constant str/byte with keyk 'S'/'B'); VRELOCABLE/VJMP info=pc of the
    instruction; VCALL info=pc of the call, aux=its base register;
    VKSTR/VKNUM/VKCDATA val=the constant. t/f: lists of jumps taken when
    true/false.
    """
    __slots__ = ('k', 'info', 'aux', 'keyk', 'val', 't', 'f')

    def __init__(self, k, info=0, val=None):
        self.k = k
        self.info = info
        self.aux = 0
        self.keyk = 'V'
        self.val = val
        self.t = NO_JMP
        self.f = NO_JMP

    def copy_from(self, o):
        for s in Exp.__slots__:
            setattr(self, s, getattr(o, s))

    def hasjump(self):
        return self.t != self.f

    def isk(self):
        return self.k <= VKLAST

    def isk_nojump(self):
        return self.k <= VKLAST and self.t == self.f

    def isnumk(self):
        return self.k == VKNUM

    def isnumk_nojump(self):
        return self.k == VKNUM and self.t == self.f


class Scope:
    """A block scope (FuncScope): its locals, breaks and pending gotos."""
    __slots__ = ('nactvar', 'is_loop', 'upval', 'breaks', 'prev', 'labels', 'label_names',
                 'gotos')

    def __init__(self, nactvar, is_loop, prev):
        self.nactvar = nactvar
        self.is_loop = is_loop
        self.upval = False          # a captured local is declared in it
        self.breaks = NO_JMP
        self.prev = prev
        self.labels = {}            # name -> (pc, level) of labels already placed
        self.label_names = set()    # every label of the block (visible in all of it)
        self.gotos = {}             # pending forward gotos: name -> [(pc, top captured slot)]


def negated_literal(box):
    """-box for a 1LL or 2i literal, as lj_parse.c folds it: the integer
    negated modulo 2^64, the sign bit of the imaginary part flipped."""
    if type(box) is Int64:
        return Int64.wrap(-box.value, box.unsigned)
    return Complex(box.re, -box.im)


def fold_arith(op, a, b):
    """lj_vm_foldarith for + - * / % ^ on two constants, or None."""
    if op == 0:
        return a + b
    if op == 1:
        return a - b
    if op == 2:
        return a * b
    if op == 3:
        return div(a, b)
    if op == 4:
        return mod(a, b)
    return pow(a, b)


class FuncState:
    def __init__(self, node, parent, chunkname):
        self.node = node
        self.parent = parent
        self.chunkname = chunkname
        self.pt = Proto(chunkname, node.line)
        self.pt.lastline = node.lastline
        self.pt.numparams = len(node.params)
        self.pt.is_vararg = node.is_vararg
        self.pt.uvnames = [u.name for u in node.upvals]
        self.code = self.pt.code
        self.lines = self.pt.lines
        self.kstr = {}              # str -> kgc index
        self.knum = {}              # float -> kn index
        self.freereg = 0
        self.nactvar = 0
        self.framesize = 1
        self.actvars = []           # active LocalVars, by register
        self.varinfo_open = []      # VarInfo of active locals, by register
        self.jpc = NO_JMP           # jumps pending to the next instruction
        self.lasttarget = 0
        self.bl = None
        self.line = node.line
        self.near = None            # what a register overflow is 'near' (ast.ExprList)
        self.tokens = node.tokens if parent is None else parent.tokens
        # what a jump out of range is 'near': the index of a token, or (text, line)
        self.jump_near = None

    # ---- errors ----

    def error(self, msg, line=None):
        raise LuaSyntaxError('%s:%d: %s' % (chunkid(self.chunkname, MAXSRC),
                                            self.line if line is None else line, msg))

    # ---- constants ----
    # An operand holds constant MAX_D at most. LuaJIT checks the count when
    # the function ends (check_constants); until then a constant past it is
    # given as MAX_D, in code that is never used.

    def const_str(self, s):
        i = self.kstr.get(s)
        if i is None:
            i = self.kstr[s] = len(self.pt.kgc)
            self.pt.kgc.append(s)
        return i if i <= MAX_D else MAX_D

    def const_num(self, n):
        i = self.knum.get(n)
        if i is None:
            i = self.knum[n] = len(self.pt.kn)
            self.pt.kn.append(n)
        return i if i <= MAX_D else MAX_D

    def const_gc(self, obj):
        self.pt.kgc.append(obj)
        return min(len(self.pt.kgc) - 1, MAX_D)

    def check_constants(self):
        """LuaJIT's limit on each kind of constant (lua5.1 allows 2^18)."""
        pt = self.pt
        if len(pt.kn) > MAX_D + 1 or len(pt.kgc) > MAX_D + 1:
            if self.node.line == 0:
                what = 'main function'
            else:
                what = 'function at line %d' % self.node.line
            self.error('%s has more than %d constants' % (what, MAX_D + 1), self.node.lastline)

    # ---- jump lists (threaded through the D fields of pending jumps) ----

    def getj(self, pc):
        return (self.code[pc] >> 16) - BIAS_J

    def setd(self, pc, d):
        self.code[pc] = (self.code[pc] & 0xffff) | (d << 16)

    def seta(self, pc, a):
        self.code[pc] = (self.code[pc] & 0xffff00ff) | (a << 8)

    def setb(self, pc, b):
        self.code[pc] = (self.code[pc] & 0x00ffffff) | (b << 24)

    def setop(self, pc, op):
        self.code[pc] = (self.code[pc] & 0xffffff00) | op

    def jmp_next(self, pc):
        delta = self.getj(pc)
        return NO_JMP if delta == NO_JMP else pc + 1 + delta

    def jmp_novalue(self, lst):
        while lst != NO_JMP:
            p = self.code[lst - 1 if lst >= 1 else lst]
            op = p & 0xff
            if not (op == bc.ISTC or op == bc.ISFC or ((p >> 8) & 0xff) == NO_REG):
                return True
            lst = self.jmp_next(lst)
        return False

    def jmp_patchtestreg(self, pc, reg):
        ip = pc - 1 if pc >= 1 else pc
        ins = self.code[ip]
        op = ins & 0xff
        if op == bc.ISTC or op == bc.ISFC:
            if reg != NO_REG and reg != ins >> 16:
                self.seta(ip, reg)
            else:            # nothing to store, or already there: plain test
                self.setop(ip, op + (bc.IST - bc.ISTC))
                self.seta(ip, 0)
        elif ((ins >> 8) & 0xff) == NO_REG:
            if reg == NO_REG:
                self.code[ip] = ins_ad(bc.JMP, (self.code[pc] >> 8) & 0xff, BIAS_J)
            else:
                self.seta(ip, reg)
                if reg >= (self.code[ip + 1] >> 8) & 0xff:
                    self.seta(ip + 1, reg + 1)
        else:
            return False
        return True

    def jmp_dropval(self, lst):
        while lst != NO_JMP:
            self.jmp_patchtestreg(lst, NO_REG)
            lst = self.jmp_next(lst)

    def jmp_patchins(self, pc, dest):
        offset = dest - (pc + 1) + BIAS_J
        if not 0 <= offset <= MAX_D:
            # LuaJIT's 16-bit jumps: lua5.1 reaches 2^17, LuaJIT's message is ours
            near = self.jump_near
            if type(near) is int:
                near = (self.tokens.near(near), self.tokens.lines[near])
            msg = 'control structure too long'
            if near is None:
                self.error(msg)
            self.error("%s near '%s'" % (msg, near[0]), near[1])
        self.setd(pc, offset)

    def jmp_append(self, l1, l2):
        """The list l1 with l2 appended (returns the new head). It walks l1:
        a list that grows with the source (an elseif chain's escapes, an
        and-chain's false exits, a loop's breaks) is passed as l2, so that a
        chain of n is built in linear time (the order of a list is free:
        all its jumps go to one place)."""
        if l2 == NO_JMP:
            return l1
        if l1 == NO_JMP:
            return l2
        lst = l1
        while True:
            nxt = self.jmp_next(lst)
            if nxt == NO_JMP:
                break
            lst = nxt
        self.jmp_patchins(lst, l2)
        return l1

    def jmp_patchval(self, lst, vtarget, reg, dtarget):
        while lst != NO_JMP:
            nxt = self.jmp_next(lst)
            if self.jmp_patchtestreg(lst, reg):
                self.jmp_patchins(lst, vtarget)
            else:
                self.jmp_patchins(lst, dtarget)
            lst = nxt

    def jmp_tohere(self, lst):
        self.lasttarget = len(self.code)
        self.jpc = self.jmp_append(self.jpc, lst)

    def jmp_patch(self, lst, target):
        if target == len(self.code):
            self.jmp_tohere(lst)
        else:
            self.jmp_patchval(lst, target, NO_REG, target)

    # ---- registers ----

    def bcreg_bump(self, n):
        sz = self.freereg + n
        if sz > self.framesize:
            if sz >= MAX_SLOTS:
                self.error('function or expression too complex' +
                           (" near '%s'" % self.near if self.near is not None else ''))
            self.framesize = sz

    def bcreg_reserve(self, n):
        self.bcreg_bump(n)
        self.freereg += n

    def bcreg_free(self, reg):
        if reg >= self.nactvar:
            self.freereg -= 1
            assert reg == self.freereg, 'bad regfree'

    def expr_free(self, e):
        if e.k == VNONRELOC:
            self.bcreg_free(e.info)

    # ---- emitting ----

    def emit(self, ins):
        pc = len(self.code)
        self.jmp_patchval(self.jpc, pc, NO_REG, pc)
        self.jpc = NO_JMP
        self.code.append(ins)
        self.lines.append(self.line)
        return pc

    def emit_abc(self, op, a, b, c):
        return self.emit(ins_abc(op, a, b, c))

    def emit_ad(self, op, a, d):
        return self.emit(ins_ad(op, a, d))

    def emit_aj(self, op, a, j):
        return self.emit(ins_ad(op, a, j + BIAS_J))

    def bcemit_nil(self, frm, n):
        if len(self.code) > self.lasttarget:          # try to merge with the previous
            ip = len(self.code) - 1
            ins = self.code[ip]
            pfrom = (ins >> 8) & 0xff
            op = ins & 0xff
            if op == bc.KPRI and ins >> 16 == 0:
                if frm == pfrom:
                    if n == 1:
                        return
                    self.code[ip] = ins_ad(bc.KNIL, frm, frm + n - 1)
                    return
                if frm == pfrom + 1:
                    self.code[ip] = ins_ad(bc.KNIL, pfrom, pfrom + n)
                    return
            elif op == bc.KNIL:
                pto = ins >> 16
                if pfrom <= frm <= pto + 1:
                    if frm + n - 1 > pto:
                        self.setd(ip, frm + n - 1)
                    return
        if n == 1:
            self.emit_ad(bc.KPRI, frm, 0)
        else:
            self.emit_ad(bc.KNIL, frm, frm + n - 1)

    # ---- expressions to registers ----

    def expr_discharge(self, e):
        if e.k == VUPVAL:
            ins = ins_ad(bc.UGET, 0, e.info)
        elif e.k == VGLOBAL:
            ins = ins_ad(bc.GGET, 0, self.const_str(e.val))
        elif e.k == VINDEXED:
            if e.keyk == 'S':
                ins = ins_abc(bc.TGETS, 0, e.info, e.aux)
            elif e.keyk == 'B':
                ins = ins_abc(bc.TGETB, 0, e.info, e.aux)
            else:
                self.bcreg_free(e.aux)
                ins = ins_abc(bc.TGETV, 0, e.info, e.aux)
            self.bcreg_free(e.info)
        elif e.k == VCALL:
            e.info = e.aux
            e.k = VNONRELOC
            return
        elif e.k == VLOCAL:
            e.k = VNONRELOC
            return
        else:
            return
        e.info = self.emit(ins)
        e.k = VRELOCABLE

    def expr_toreg_nobranch(self, e, reg):
        self.expr_discharge(e)
        k = e.k
        if k == VKSTR:
            ins = ins_ad(bc.KSTR, reg, self.const_str(e.val))
        elif k == VKNUM:
            n = e.val
            if n == int(n) and -0x8000 <= n <= 0x7fff if n == n and abs(n) < 1e6 else False:
                ins = ins_ad(bc.KSHORT, reg, int(n) & 0xffff)
            else:
                ins = ins_ad(bc.KNUM, reg, self.const_num(n))
        elif k == VKCDATA:
            ins = ins_ad(bc.KCDATA, reg, self.const_gc(e.val))
        elif k == VRELOCABLE:
            self.seta(e.info, reg)
            e.info = reg
            e.k = VNONRELOC
            return
        elif k == VNONRELOC:
            if reg == e.info:
                e.k = VNONRELOC
                return
            ins = ins_ad(bc.MOV, reg, e.info)
        elif k == VKNIL:
            self.bcemit_nil(reg, 1)
            e.info = reg
            e.k = VNONRELOC
            return
        elif k <= VKTRUE:
            ins = ins_ad(bc.KPRI, reg, k)
        else:
            assert k in (VVOID, VJMP), k
            return
        self.emit(ins)
        e.info = reg
        e.k = VNONRELOC

    def expr_toreg(self, e, reg):
        self.expr_toreg_nobranch(e, reg)
        if e.k == VJMP:
            e.t = self.jmp_append(e.info, e.t)
        if e.hasjump():
            jfalse = jtrue = NO_JMP
            if self.jmp_novalue(e.t) or self.jmp_novalue(e.f):
                jval = NO_JMP if e.k == VJMP else self.bcemit_jmp()
                jfalse = self.emit_ad(bc.KPRI, reg, VKFALSE)
                self.emit_aj(bc.JMP, self.freereg, 1)
                jtrue = self.emit_ad(bc.KPRI, reg, VKTRUE)
                self.jmp_tohere(jval)
            jend = len(self.code)
            self.lasttarget = jend
            self.jmp_patchval(e.f, jend, reg, jfalse)
            self.jmp_patchval(e.t, jend, reg, jtrue)
        e.f = e.t = NO_JMP
        e.info = reg
        e.k = VNONRELOC

    def expr_tonextreg(self, e):
        self.expr_discharge(e)
        self.expr_free(e)
        self.bcreg_reserve(1)
        self.expr_toreg(e, self.freereg - 1)

    def expr_toanyreg(self, e):
        self.expr_discharge(e)
        if e.k == VNONRELOC:
            if not e.hasjump():
                return e.info
            if e.info >= self.nactvar:
                self.expr_toreg(e, e.info)
                return e.info
        self.expr_tonextreg(e)
        return e.info

    def expr_toval(self, e):
        if e.hasjump():
            self.expr_toanyreg(e)
        else:
            self.expr_discharge(e)

    def bcemit_store(self, var, e):
        if var.k == VLOCAL:
            self.expr_free(e)
            self.expr_toreg(e, var.info)
            return
        if var.k == VUPVAL:
            self.expr_toval(e)
            if e.k <= VKTRUE:
                ins = ins_ad(bc.USETP, var.info, e.k)
            elif e.k == VKSTR:
                ins = ins_ad(bc.USETS, var.info, self.const_str(e.val))
            elif e.k == VKNUM:
                ins = ins_ad(bc.USETN, var.info, self.const_num(e.val))
            else:
                ins = ins_ad(bc.USETV, var.info, self.expr_toanyreg(e))
        elif var.k == VGLOBAL:
            ra = self.expr_toanyreg(e)
            ins = ins_ad(bc.GSET, ra, self.const_str(var.val))
        else:
            assert var.k == VINDEXED
            ra = self.expr_toanyreg(e)
            if var.keyk == 'S':
                ins = ins_abc(bc.TSETS, ra, var.info, var.aux)
            elif var.keyk == 'B':
                ins = ins_abc(bc.TSETB, ra, var.info, var.aux)
            else:
                if e.k == VNONRELOC and ra >= self.nactvar and var.aux >= ra:
                    self.bcreg_free(var.aux)     # a key loaded after the value
                ins = ins_abc(bc.TSETV, ra, var.info, var.aux)
        self.emit(ins)
        self.expr_free(e)

    def bcemit_method(self, e, name):
        obj = self.expr_toanyreg(e)
        self.expr_free(e)
        func = self.freereg
        self.emit_ad(bc.MOV, func + 1, obj)
        idx = self.const_str(name)
        if idx <= MAX_C:
            self.bcreg_reserve(2)
            self.emit_abc(bc.TGETS, func, obj, idx)
        else:
            self.bcreg_reserve(3)
            self.emit_ad(bc.KSTR, func + 2, idx)
            self.emit_abc(bc.TGETV, func, obj, func + 2)
            self.freereg -= 1
        e.info = func
        e.k = VNONRELOC

    # ---- branches ----

    def bcemit_jmp(self):
        jpc = self.jpc
        j = len(self.code) - 1
        self.jpc = NO_JMP
        if j >= self.lasttarget and j >= 0 and (self.code[j] & 0xff) == bc.UCLO:
            self.setd(j, NO_JMP + BIAS_J)
            self.lasttarget = j + 1
        else:
            j = self.emit_aj(bc.JMP, self.freereg, NO_JMP)
        return self.jmp_append(j, jpc)

    def bcemit_uclo_jmp(self, level):
        """A UCLO that jumps (a break or goto leaving captured locals). It is
        on a jump list already, so the next bcemit_jmp must not take it over as
        it takes over the UCLO closing a scope (LuaJIT's breaks are JMPs until
        their scope ends, so they never meet that merge)."""
        pc = self.emit_aj(bc.UCLO, level, NO_JMP)
        self.lasttarget = pc + 1
        return pc

    def invertcond(self, e):
        pc = e.info - 1
        self.setop(pc, (self.code[pc] & 0xff) ^ 1)

    def bcemit_branch(self, e, cond):
        if e.k == VRELOCABLE:
            ins = self.code[e.info]
            if ins & 0xff == bc.NOT:
                self.code[e.info] = ins_ad(bc.ISF if cond else bc.IST, 0, ins >> 16)
                return self.bcemit_jmp()
        if e.k != VNONRELOC:
            self.bcreg_reserve(1)
            self.expr_toreg_nobranch(e, self.freereg - 1)
        self.emit_ad(bc.ISTC if cond else bc.ISFC, NO_REG, e.info)
        pc = self.bcemit_jmp()
        self.expr_free(e)
        return pc

    def bcemit_branch_t(self, e):
        self.expr_discharge(e)
        if e.k in (VKSTR, VKNUM, VKTRUE):
            pc = NO_JMP
        elif e.k == VJMP:
            self.invertcond(e)
            pc = e.info
        elif e.k in (VKFALSE, VKNIL):
            self.expr_toreg_nobranch(e, NO_REG)
            pc = self.bcemit_jmp()
        else:
            pc = self.bcemit_branch(e, False)
        e.f = self.jmp_append(pc, e.f)
        self.jmp_tohere(e.t)
        e.t = NO_JMP

    def bcemit_branch_f(self, e):
        self.expr_discharge(e)
        if e.k in (VKNIL, VKFALSE):
            pc = NO_JMP
        elif e.k == VJMP:
            pc = e.info
        elif e.k in (VKSTR, VKNUM, VKTRUE):
            self.expr_toreg_nobranch(e, NO_REG)
            pc = self.bcemit_jmp()
        else:
            pc = self.bcemit_branch(e, True)
        e.t = self.jmp_append(pc, e.t)
        self.jmp_tohere(e.f)
        e.f = NO_JMP

    # ---- operators ----

    def foldarith(self, op, e1, e2):
        if not (e1.isnumk_nojump() and e2.isnumk_nojump()):
            return False
        n = fold_arith(op, e1.val, e2.val)
        if n != n or (n == 0 and str(n)[0] == '-'):     # no NaN or -0 constants
            return False
        e1.val = n
        return True

    def bcemit_arith(self, op, e1, e2):
        if self.foldarith(op, e1, e2):
            return
        if op == 5:
            opc = bc.POW
            rc = self.expr_toanyreg(e2)
            rb = self.expr_toanyreg(e1)
        else:
            opc = bc.ADDVV + op
            self.expr_toval(e2)
            if e2.isnumk() and self.const_num(e2.val) <= MAX_C:
                rc = self.const_num(e2.val)
                opc -= bc.ADDVV - bc.ADDVN
            else:
                rc = self.expr_toanyreg(e2)
            self.expr_toval(e1)
            if e1.isnumk() and not e2.isnumk() and self.const_num(e1.val) <= MAX_C:
                rb, rc = rc, self.const_num(e1.val)
                opc -= bc.ADDVV - bc.ADDNV
            else:
                rb = self.expr_toanyreg(e1)
        if e1.k == VNONRELOC and e1.info >= self.nactvar:
            self.freereg -= 1
        if e2.k == VNONRELOC and e2.info >= self.nactvar:
            self.freereg -= 1
        e1.info = self.emit_abc(opc, 0, rb, rc)
        e1.k = VRELOCABLE

    def bcemit_comp(self, opr, e1, e2):
        eret = e1
        self.expr_toval(e1)
        if opr in ('==', '~='):
            op = bc.ISEQV if opr == '==' else bc.ISNEV
            if e1.isk():
                e1, e2 = e2, e1
            ra = self.expr_toanyreg(e1)
            self.expr_toval(e2)
            if e2.k <= VKTRUE:
                ins = ins_ad(op + (bc.ISEQP - bc.ISEQV), ra, e2.k)
            elif e2.k == VKSTR:
                ins = ins_ad(op + (bc.ISEQS - bc.ISEQV), ra, self.const_str(e2.val))
            elif e2.k == VKNUM:
                ins = ins_ad(op + (bc.ISEQN - bc.ISEQV), ra, self.const_num(e2.val))
            else:
                ins = ins_ad(op, ra, self.expr_toanyreg(e2))
        else:
            op = COMPARE_OPS[opr]
            if (op - bc.ISLT) & 1:          # GT -> LT, GE -> LE with swapped operands
                e1, e2 = e2, e1
                op = ((op - bc.ISLT) ^ 3) + bc.ISLT
                self.expr_toval(e1)
                ra = self.expr_toanyreg(e1)
                rd = self.expr_toanyreg(e2)
            else:
                rd = self.expr_toanyreg(e2)
                ra = self.expr_toanyreg(e1)
            ins = ins_ad(op, ra, rd)
        if e1.k == VNONRELOC and e1.info >= self.nactvar:
            self.freereg -= 1
        if e2.k == VNONRELOC and e2.info >= self.nactvar:
            self.freereg -= 1
        self.emit(ins)
        eret.info = self.bcemit_jmp()
        eret.k = VJMP

    def bcemit_binop_left(self, op, e):
        if op == 'and':
            self.bcemit_branch_t(e)
        elif op == 'or':
            self.bcemit_branch_f(e)
        elif op == '..':
            self.expr_tonextreg(e)
        elif op in ('==', '~='):
            if not e.isk_nojump():
                self.expr_toanyreg(e)
        else:
            if not e.isnumk_nojump():
                self.expr_toanyreg(e)

    def bcemit_binop(self, op, e1, e2):
        if op in ARITH_OPS:
            self.bcemit_arith(ARITH_OPS[op], e1, e2)
        elif op == 'and':
            self.expr_discharge(e2)
            e2.f = self.jmp_append(e2.f, e1.f)
            e1.copy_from(e2)
        elif op == 'or':
            self.expr_discharge(e2)
            e2.t = self.jmp_append(e2.t, e1.t)
            e1.copy_from(e2)
        elif op == '..':
            self.expr_toval(e2)
            if e2.k == VRELOCABLE and (self.code[e2.info] & 0xff) == bc.CAT:
                self.expr_free(e1)
                self.setb(e2.info, e1.info)
                e1.info = e2.info
            else:
                self.expr_tonextreg(e2)
                self.expr_free(e2)
                self.expr_free(e1)
                e1.info = self.emit_abc(bc.CAT, 0, e1.info, e2.info)
            e1.k = VRELOCABLE
        else:
            self.bcemit_comp(op, e1, e2)

    def bcemit_unop(self, op, e):
        if op == 'not':
            e.t, e.f = e.f, e.t
            self.jmp_dropval(e.f)
            self.jmp_dropval(e.t)
            self.expr_discharge(e)
            if e.k in (VKNIL, VKFALSE):
                e.k = VKTRUE
                return
            if e.isk() or e.k == VKCDATA:
                e.k = VKFALSE
                return
            if e.k == VJMP:
                self.invertcond(e)
                return
            if e.k == VRELOCABLE:
                self.bcreg_reserve(1)
                self.seta(e.info, self.freereg - 1)
                e.info = self.freereg - 1
                e.k = VNONRELOC
            opc = bc.NOT
        else:
            opc = bc.UNM if op == '-' else bc.LEN
            if opc == bc.UNM and not e.hasjump():
                if e.isnumk() and e.val != 0:        # fold, but never to -0
                    e.val = -e.val
                    return
                if e.k == VKCDATA:                   # LuaJIT negates the literal's box
                    e.val = negated_literal(e.val)
                    return
            self.expr_toanyreg(e)
        self.expr_free(e)
        e.info = self.emit_ad(opc, 0, e.info)
        e.k = VRELOCABLE

    # ---- scopes and locals ----

    def fscope_begin(self, is_loop):
        self.bl = Scope(self.nactvar, is_loop, self.bl)
        assert self.freereg == self.nactvar, 'bad regalloc'

    def fscope_end(self):
        bl = self.bl
        self.bl = bl.prev
        self.var_remove(bl.nactvar)
        self.freereg = self.nactvar
        if bl.upval:
            self.emit_aj(bc.UCLO, bl.nactvar, 0)
        if bl.is_loop and bl.breaks != NO_JMP:
            self.jmp_tohere(bl.breaks)
        if bl.gotos:                       # unresolved gotos move out
            if self.bl is None:
                self.error("undefined label '%s'" % next(iter(bl.gotos)))
            for name, gotos in bl.gotos.items():
                self.bl.gotos.setdefault(name, []).extend(gotos)

    def var_add(self, variables):
        """Activate locals in the next registers (their values are there)."""
        pc = len(self.code)
        for v in variables:
            name = v if type(v) is str else v.name
            if type(v) is not str:
                v.slot = self.nactvar
                if v.captured:
                    self.bl.upval = True
            self.actvars.append(v)
            info = VarInfo(name, pc, pc)
            self.pt.varinfo.append(info)
            self.varinfo_open.append(info)
            self.nactvar += 1

    def var_remove(self, tolevel):
        pc = len(self.code)
        while self.nactvar > tolevel:
            self.nactvar -= 1
            self.actvars.pop()
            self.varinfo_open.pop().endpc = pc

    def top_captured_slot(self):
        """Highest register holding an active captured local, or -1: a jump
        to a place where level locals are active must close from level when
        this is >= level."""
        for slot in range(self.nactvar - 1, -1, -1):
            v = self.actvars[slot]
            if type(v) is not str and v.captured:
                return slot
        return -1

    # ---- expressions ----

    def expr(self, node):
        """Compile an expression to a descriptor (expr / expr_simple / expr_primary)."""
        t = type(node)
        if t is ast.Local:
            e = Exp(VLOCAL, node.var.slot)
        elif t in _LEFT_NESTED:
            return self.expr_chain(node)
        elif t is ast.Number:
            e = Exp(VKNUM if type(node.value) is float else VKCDATA, val=node.value)
        elif t is ast.String:
            e = Exp(VKSTR, val=node.value)
        elif t is ast.Global:
            e = Exp(VGLOBAL, val=node.name)
        elif t is ast.UnOp:
            e = self.expr(node.operand)
            self.line = end_line(node.operand)
            self.bcemit_unop(node.op, e)
        elif t is ast.Upval:
            e = Exp(VUPVAL, node.index)
        elif t is ast.Nil:
            e = Exp(VKNIL)
        elif t is ast.Bool:
            e = Exp(VKTRUE if node.value else VKFALSE)
        elif t is ast.Vararg:
            self.bcreg_reserve(1)
            base = self.freereg - 1
            e = Exp(VCALL, self.emit_abc(bc.VARG, base, 2, self.pt.numparams))
            e.aux = base
        elif t is ast.Paren:
            e = self.expr(node.expr)
            self.line = node.closeline
            self.expr_discharge(e)
        elif t is ast.Table:
            e = self.expr_table(node)
        elif t is ast.FunctionExpr:
            e = self.expr_function(node.func)
        else:
            raise AssertionError('unknown expression %r' % node)
        return e

    def expr_chain(self, node):
        """An expression nested on its left (a.b[c]:d()(), 1 + 2 + 3): Lua
        reads such a chain in a loop and compiles any length of it, so it is
        walked down its left side, not recursively."""
        chain = [node]
        while True:
            t = type(node)
            node = node.left if t is ast.BinOp else node.func if t is ast.Call else node.obj
            if type(node) not in _LEFT_NESTED:
                break
            chain.append(node)
        e = self.expr(node)
        for node in reversed(chain):
            t = type(node)
            if t is ast.Index:
                self.line = end_line(node.obj)      # before '[' or '.' is read
                self.expr_toanyreg(e)
                key = self.expr(node.key)
                self.line = end_line(node.key)      # before ']' is read
                self.expr_toval(key)
                self.line = node.closeline
                self.expr_index(e, key)
            elif t is ast.Call:
                self.line = end_line(node.func)
                self.expr_tonextreg(e)
                self.parse_args(e, node)
            elif t is ast.Method:
                self.line = node.nameline
                self.bcemit_method(e, node.name)
                self.parse_args(e, node)
            else:
                self.line = node.opline             # the operator is read
                self.bcemit_binop_left(node.op, e)
                e2 = self.expr(node.right)
                self.line = end_line(node.right)
                self.bcemit_binop(node.op, e, e2)
        return e

    def expr_index(self, t, e):
        """t[e] with t already in a register and e discharged to a value."""
        t.k = VINDEXED
        if e.isnumk():
            n = e.val
            if 0 <= n <= MAX_C and n == int(n):
                t.keyk, t.aux = 'B', int(n)
                return
        elif e.k == VKSTR:
            idx = self.const_str(e.val)
            if idx <= MAX_C:
                t.keyk, t.aux = 'S', idx
                return
        t.keyk, t.aux = 'V', self.expr_toanyreg(e)

    def expr_list(self, nodes):
        """Compile a list; all but the last go to consecutive registers."""
        e = self.expr(nodes[0])
        for i in range(1, len(nodes)):
            self.near = nodes.near[i - 1]
            self.line = nodes.seplines[i - 1]       # after the ','
            self.expr_tonextreg(e)
            node = nodes[i]
            # '{' and '...' take a register at once; other items when done
            self.near = nodes.near[i - 1] if type(node) in _REGISTER_AT_FIRST_TOKEN else None
            e = self.expr(node)
        # until the statement places the last one (f{...}, f'...' and
        # `function name()` make plain one-item lists: nothing to quote)
        self.near = nodes.near[-1] if type(nodes) is ast.ExprList else None
        return e

    def parse_args(self, e, node):
        """The call `node` (Call or Method) of function e, in a register."""
        args = node.args
        if not args:
            a = Exp(VVOID)
        else:
            a = self.expr_list(args)
            if a.k == VCALL:
                self.setb(a.info, 0)        # pass on all results
        base = e.info
        self.line = node.closeline          # the last argument is placed after ')'
        if a.k == VCALL:
            ins = ins_abc(bc.CALLM, base, 2, a.aux - base - 1)
        else:
            if a.k != VVOID:
                self.expr_tonextreg(a)
            ins = ins_abc(bc.CALL, base, 2, self.freereg - base)
        self.line = node.opline             # and the call has the line of '('
        e.k = VCALL
        e.info = self.emit(ins)
        e.aux = base
        self.freereg = base + 1

    def expr_table(self, node):
        freg = self.freereg
        pc = self.emit_ad(bc.TNEW, freg, 0)
        e = Exp(VNONRELOC, freg)
        self.bcreg_reserve(1)
        freg += 1
        template = None
        narr = 1
        nhash = 0
        nkeyed = 0                      # Lua 5.1's count of keyed items ([0] included)
        needarr = False
        vcall = False
        for (key_node, val_node), sepline in zip(node.items, node.seplines):
            vcall = False
            if key_node is None:
                key = Exp(VKNUM, val=float(narr))
                narr += 1
                needarr = vcall = True
            else:
                nkeyed += 1
                self.line = key_node.line
                key = self.expr(key_node)
                self.line = end_line(key_node)      # before ']' is read
                self.expr_toval(key)
                if not key.isk():
                    self.expr_index(e, key)
                if key.isnumk() and key.val == 0:
                    needarr = True
                else:
                    nhash += 1
            self.line = val_node.line
            val = self.expr(val_node)
            if key.isk() and key.k != VKNIL and (key.k == VKSTR or val.isk_nojump()) and not (
                    key.k == VKNUM and key.val != key.val):
                if template is None:
                    template = TableTemplate([])
                    self.code[pc] = ins_ad(bc.TDUP, freg - 1, self.const_gc(template))
                vcall = False
                if val.isk_nojump():
                    kv = {VKNUM: key.val, VKSTR: key.val, VKTRUE: True, VKFALSE: False}[key.k]
                    vv = {VKNUM: val.val, VKSTR: val.val, VKTRUE: True, VKFALSE: False,
                          VKNIL: None}[val.k]
                    template.items.append((kv, vv))
                    self.freereg = freg
                    continue
            # 5.1 stores a positional item once the separator after it is read
            self.line = sepline if key_node is None else end_line(val_node)
            if val.k != VCALL:
                self.expr_toanyreg(val)
                vcall = False
            if key.isk():
                self.expr_index(e, key)
            self.bcemit_store(e, val)
            self.freereg = freg
        self.line = node.lastline
        if vcall:
            last = len(self.code) - 1
            ins = self.code[last]
            assert (ins >> 8) & 0xff == freg and ins & 0xff in (bc.TSETB, bc.TSETV)
            if narr > 256:                  # the key was loaded by a KNUM/KSHORT
                self.code.pop()
                self.lines.pop()
                last -= 1
            self.code[last] = ins_ad(bc.TSETM, freg, self.const_num(float(narr - 1)))
            self.setb(last - 1, 0)
        if pc == len(self.code) - 1:
            e.info = pc
            self.freereg -= 1
            e.k = VRELOCABLE
        else:
            e.k = VNONRELOC
            e.info = freg - 1
        # Lua 5.1 sizes the table for its positional items but a
        # multiple-result last one, and its keyed items.
        narray = narr - 1 - vcall
        if template is not None:
            template.narray, template.nhash = narray, nkeyed
        else:
            self.pt.tnew_sizes[pc] = (narray, nkeyed)
            if not needarr:
                narr = 0
            elif narr < 3:
                narr = 3
            elif narr > 0x7ff:
                narr = 0x7ff
            hbits = nhash.bit_length() if nhash > 1 else nhash
            self.setd(pc, narr | (min(hbits, 31) << 11))
        return e

    def expr_function(self, func):
        child = FuncState(func, self, self.chunkname)
        pt = child.compile()
        e = Exp(VRELOCABLE)
        line, self.line = self.line, func.lastline     # 5.1's CLOSURE is on the `end` line
        e.info = self.emit_ad(bc.FNEW, 0, self.const_gc(pt))
        self.line = line
        return e

    # ---- statements ----

    def block(self, node, is_loop=False):
        self.fscope_begin(is_loop)
        self.stats(node.stats)
        self.fscope_end()

    def stats(self, stats):
        self.bl.label_names.update(s.name for s in stats if type(s) is ast.Label)
        last = len(stats)           # labels from here on end the block
        while last > 0 and type(stats[last - 1]) is ast.Label:
            last -= 1
        after = stats.after
        for i, s in enumerate(stats):
            self.line = s.line
            self.jump_near = after[i]       # approximately where LuaJIT is reading
            if type(s) is ast.Label:
                self.stat_label(s, i >= last)
            else:
                self.stat(s)
            assert self.framesize >= self.freereg
            self.freereg = self.nactvar

    def stat(self, s):
        self.near = None
        t = type(s)
        if t is ast.CallStat:
            e = self.expr(s.call)
            self.setb(e.info, 1)            # no results
        elif t is ast.LocalAssign:
            nvars = len(s.vars)
            if s.exprs:
                e = self.expr_list(s.exprs)
                nexps = len(s.exprs)
                self.line = end_line(s.exprs[-1])
            else:
                e = Exp(VVOID)
                nexps = 0
                self.line = s.vars[-1].line
            self.assign_adjust(nvars, nexps, e)
            self.var_add(s.vars)
        elif t is ast.Assign:
            self.stat_assign(s)
        elif t is ast.LocalFunction:
            reg = self.freereg
            self.bcreg_reserve(1)
            self.var_add([s.var])
            b = self.expr_function(s.func)
            self.expr_free(b)
            self.expr_toreg(b, reg)
            self.varinfo_open[-1].startpc = len(self.code)
        elif t is ast.Return:
            self.stat_return(s)
        elif t is ast.If:
            self.stat_if(s)
        elif t is ast.While:
            self.stat_while(s)
        elif t is ast.NumericFor:
            self.stat_fornum(s)
        elif t is ast.GenericFor:
            self.stat_foriter(s)
        elif t is ast.Repeat:
            self.stat_repeat(s)
        elif t is ast.Do:
            self.block(s.body)
        elif t is ast.Break:
            self.stat_break()
        elif t is ast.Goto:
            self.stat_goto(s)
        else:
            raise AssertionError('unknown statement %r' % s)

    def assign_adjust(self, nvars, nexps, e):
        extra = nvars - nexps
        if e.k == VCALL:
            extra += 1
            if extra < 0:
                extra = 0
            self.setb(e.info, extra + 1)
            if extra > 1:
                self.bcreg_reserve(extra - 1)
        else:
            if e.k != VVOID:
                self.expr_tonextreg(e)
            if extra > 0:
                reg = self.freereg
                self.bcreg_reserve(extra)
                self.bcemit_nil(reg, extra)
        if nexps > nvars:
            self.freereg -= nexps - nvars

    def stat_assign(self, s):
        targets = []
        for node in s.targets:
            self.line = node.line
            if type(node) is ast.Local:
                v = Exp(VLOCAL, node.var.slot)
                self.assign_hazard(targets, v)
            elif type(node) is ast.Index:
                v = self.expr(node)
            else:
                v = self.expr(node)
            targets.append(v)
        nvars = len(targets)
        self.line = s.line
        e = self.expr_list(s.exprs)
        nexps = len(s.exprs)
        # the stores follow the values, or sit on the line of 'function'
        self.line = s.store_line or max(s.line, end_line(s.exprs[-1]))
        if nexps == nvars:
            if e.k == VCALL:
                if self.code[e.info] & 0xff == bc.VARG:
                    self.freereg -= 1
                    e.k = VRELOCABLE
                else:
                    e.info = e.aux
                    e.k = VNONRELOC
            self.bcemit_store(targets[-1], e)
            rest = targets[-2::-1]
        else:
            self.assign_adjust(nvars, nexps, e)
            rest = targets[::-1]
        for v in rest:
            self.bcemit_store(v, Exp(VNONRELOC, self.freereg - 1))

    def assign_hazard(self, targets, v):
        """`t[i], i = ...` / `t[i], t = ...`: copy the local first."""
        reg = v.info
        tmp = self.freereg
        hazard = False
        for lh in targets:
            if lh.k == VINDEXED:
                if lh.info == reg:
                    hazard = True
                    lh.info = tmp
                if lh.keyk == 'V' and lh.aux == reg:
                    hazard = True
                    lh.aux = tmp
        if hazard:
            self.emit_ad(bc.MOV, tmp, reg)
            self.bcreg_reserve(1)

    def stat_return(self, s):
        if not s.exprs:
            ins = ins_ad(bc.RET0, 0, 1)
        else:
            e = self.expr_list(s.exprs)
            if len(s.exprs) == 1:
                if e.k == VCALL and self.code[e.info] & 0xff != bc.VARG:
                    call = self.code.pop()
                    line = self.lines.pop()          # the tail call keeps the call's line
                    op = bc.CALLT if call & 0xff == bc.CALL else bc.CALLMT
                    self.line = line
                    self.emit(ins_ad(op, (call >> 8) & 0xff, (call >> 16) & 0xff))
                    return
                elif e.k == VCALL:
                    self.setb(e.info, 0)
                    ins = ins_ad(bc.RETM, self.nactvar, e.aux - self.nactvar)
                else:
                    self.line = end_line(s.exprs[-1])
                    ins = ins_ad(bc.RET1, self.expr_toanyreg(e), 2)
            elif e.k == VCALL:
                self.setb(e.info, 0)
                ins = ins_ad(bc.RETM, self.nactvar, e.aux - self.nactvar)
            else:
                self.line = end_line(s.exprs[-1])
                self.expr_tonextreg(e)
                ins = ins_ad(bc.RET, self.nactvar, len(s.exprs) + 1)
            self.line = end_line(s.exprs[-1])
        self.emit(ins)

    def expr_cond(self, node):
        e = self.expr(node)
        if e.k == VKNIL:
            e.k = VKFALSE
        self.line = end_line(node)
        self.bcemit_branch_t(e)
        return e.f

    def stat_if(self, s):
        escapelist = NO_JMP
        flist = NO_JMP
        for i, (cond, body) in enumerate(s.clauses):
            if i > 0:
                escapelist = self.jmp_append(self.bcemit_jmp(), escapelist)
                self.jmp_tohere(flist)
            self.line = cond.line
            flist = self.expr_cond(cond)
            self.block(body)
        if s.orelse is not None:
            escapelist = self.jmp_append(self.bcemit_jmp(), escapelist)
            self.jmp_tohere(flist)
            self.block(s.orelse)
        else:
            escapelist = self.jmp_append(flist, escapelist)
        self.jmp_tohere(escapelist)

    def stat_while(self, s):
        end = self.jump_near - 1            # the loop is closed as 'end' is read
        start = self.lasttarget = len(self.code)
        condexit = self.expr_cond(s.cond)
        self.fscope_begin(True)
        loop = self.emit_ad(bc.LOOP, self.nactvar, 0)
        self.block(s.body)
        self.jump_near = end
        self.jmp_patch(self.bcemit_jmp(), start)
        self.fscope_end()
        self.jmp_tohere(condexit)
        self.jmp_patchins(loop, len(self.code))

    def stat_repeat(self, s):
        after = self.jump_near
        loop = self.lasttarget = len(self.code)
        self.fscope_begin(True)              # the breakable loop scope
        self.fscope_begin(False)             # the body, seen by the condition
        self.emit_ad(bc.LOOP, self.nactvar, 0)
        self.stats(s.body.stats)
        self.line = s.cond.line
        self.jump_near = after
        condexit = self.expr_cond(s.cond)
        if not self.bl.upval:
            self.fscope_end()
        else:                                # exit and loop both close upvalues
            self.stat_break()
            self.jmp_tohere(condexit)
            self.fscope_end()
            condexit = self.bcemit_jmp()
        self.jmp_patch(condexit, loop)
        self.jmp_patchins(loop, len(self.code))
        self.fscope_end()

    def stat_fornum(self, s):
        end = self.jump_near - 1            # the loop is closed as 'end' is read
        self.fscope_begin(True)
        base = self.freereg
        line = s.line
        for node in (s.start, s.stop, s.step):
            if node is not None:
                e = self.expr(node)
                self.line = end_line(node)
                self.expr_tonextreg(e)
        if s.step is None:
            self.emit_ad(bc.KSHORT, self.freereg, 1)
            self.bcreg_reserve(1)
        self.var_add(FOR_VARNAMES)
        self.line = s.doline                # the loop is entered once 'do' is read
        loop = self.emit_aj(bc.FORI, base, NO_JMP)
        self.fscope_begin(False)
        self.var_add([s.var])
        self.bcreg_reserve(1)
        self.stats(s.body.stats)
        self.jump_near = end
        self.fscope_end()
        self.line = line
        loopend = self.emit_aj(bc.FORL, base, NO_JMP)
        self.jmp_patchins(loopend, loop + 1)
        self.jmp_patchins(loop, len(self.code))
        self.fscope_end()

    def stat_foriter(self, s):
        end = self.jump_near - 1            # the loop is closed as 'end' is read
        self.fscope_begin(True)
        base = self.freereg + 3
        nvars = len(s.vars) + 3
        e = self.expr_list(s.exprs)
        self.line = end_line(s.exprs[-1])
        self.assign_adjust(3, len(s.exprs), e)
        self.bcreg_bump(3)
        isnext = nvars <= 5 and predict_next(s.exprs)
        self.var_add(ITER_VARNAMES)
        self.line = s.doline
        loop = self.emit_aj(bc.ISNEXT if isnext else bc.JMP, base, NO_JMP)
        self.fscope_begin(False)
        self.var_add(s.vars)
        self.bcreg_reserve(nvars - 3)
        self.stats(s.body.stats)
        self.jump_near = end
        self.fscope_end()
        self.jmp_patchins(loop, len(self.code))
        self.line = s.inline                # 5.1 and LuaJIT: the line after 'in'
        self.emit_abc(bc.ITERN if isnext else bc.ITERC, base, nvars - 3 + 1, 3)
        loopend = self.emit_aj(bc.ITERL, base, NO_JMP)
        self.jmp_patchins(loopend, loop + 1)
        self.fscope_end()

    def stat_break(self):
        bl = self.bl
        while not bl.is_loop:
            bl = bl.prev
        if self.top_captured_slot() >= bl.nactvar:
            pc = self.bcemit_uclo_jmp(bl.nactvar)
        else:
            pc = self.bcemit_jmp()
        bl.breaks = self.jmp_append(pc, bl.breaks)

    def stat_goto(self, s):
        bl = self.bl
        while bl is not None and s.name not in bl.label_names:
            bl = bl.prev
        target = bl.labels.get(s.name) if bl is not None else None
        if target is not None:              # backward: the label is placed
            pc, level = target
            if self.top_captured_slot() >= level:
                j = self.bcemit_uclo_jmp(level)
            else:
                j = self.bcemit_jmp()
            self.jmp_patch(j, pc)
            return
        j = self.emit_aj(bc.JMP, self.freereg, NO_JMP)
        self.bl.gotos.setdefault(s.name, []).append((j, self.top_captured_slot()))

    def stat_label(self, s, at_end):
        bl = self.bl
        level = bl.nactvar if at_end else self.nactvar
        pc = self.lasttarget = len(self.code)
        bl.labels[s.name] = (pc, level)
        arriving = NO_JMP
        for j, captured in bl.gotos.pop(s.name, ()):
            if captured >= level:
                self.code[j] = ins_ad(bc.UCLO, level, self.code[j] >> 16)
            arriving = self.jmp_append(j, arriving)     # one jump each: linear
        self.jmp_patch(arriving, pc)

    # ---- the function ----

    def compile(self):
        node = self.node
        self.fscope_begin(False)
        self.var_add(node.params)
        self.bcreg_reserve(len(node.params))
        self.stats(node.body.stats)
        self.jump_near = ('end' if self.parent is not None else EOF, node.lastline)
        lastpc = len(self.code)
        if lastpc <= self.lasttarget or not _is_return(self.code[lastpc - 1]):
            self.line = node.retline
            self.emit_ad(bc.RET0, 0, 1)
        bl = self.bl
        if bl.gotos:
            self.line = node.lastline
            self.error("undefined label '%s'" % next(iter(bl.gotos)))
        self.check_constants()
        self.var_remove(0)
        self.bl = None
        pt = self.pt
        pt.framesize = self.framesize
        pt.uvdesc = [(u.instack, u.var.slot if u.instack else u.index) for u in node.upvals]
        return pt


def _is_return(ins):
    return ins & 0xff in (bc.RETM, bc.RET, bc.RET0, bc.RET1, bc.CALLT, bc.CALLMT)


def predict_next(exprs):
    """`for k, v in pairs(t)` / `in next, t`: worth an ISNEXT (checked at run time)."""
    first = exprs[0]
    if type(first) is ast.Call:
        first = first.func
    name = getattr(first, 'name', None)
    if type(first) is ast.Local:
        name = first.var.name
    return name in ('pairs', 'next')


def end_line(node):
    """The line of the last token of an expression (Lua gives a binary
    operator the line where its right operand ends)."""
    while True:
        t = type(node)
        if t in _ONE_TOKEN:
            return node.line
        if t in _CLOSED:
            return node.closeline
        if t is ast.BinOp:
            node = node.right
        elif t is ast.UnOp:
            node = node.operand
        elif t is ast.Table:
            return node.lastline
        else:
            return node.func.lastline       # ast.FunctionExpr


def compile_chunk(source, chunkname, skip_shebang=False, ccalls=HOST_CCALLS, reader=None):
    """Source text (a str of code points 0-255) -> the main chunk's Proto;
    ccalls: the C calls active (lua5.1's parser limits depend on them);
    reader: gives the pieces after source, if any (parser.parse)."""
    tree = parse(source, chunkname, skip_shebang=skip_shebang, ccalls=ccalls, reader=reader)
    return FuncState(tree, None, chunkname).compile()
