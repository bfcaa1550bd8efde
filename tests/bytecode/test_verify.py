"""The verifier of binary chunks: every rule refuses the chunk that breaks
it (with lua5.1's 'bad code in precompiled chunk'), and accepts all that the
code generator makes."""
import glob
import os

import pytest

from handmade import RET0, jump, op, proto, run
from moonpatch.bytecode.dump import dump, undump
from moonpatch.bytecode.opcodes import BY_NAME
from moonpatch.bytecode.proto import TableTemplate, jump_target
from moonpatch.bytecode.verify import BadChunk, verify
from moonpatch.errors import LuaSyntaxError
from moonpatch.frontend.codegen import compile_chunk

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))



def refusal(p):
    with pytest.raises(BadChunk) as e:
        verify(p)
    return e.value.detail


def closure_capturing(*slots):
    """A child prototype whose upvalues are the parent's registers slots."""
    return proto([op('RET0', 0, 1)], uvdesc=[(True, s) for s in slots])


# A numeric loop: 0..2 control registers set by KSHORT, FORI at 3, body, FORL.
def numeric_loop(body, framesize=6, **kw):
    head = [op('KSHORT', 0, 1), op('KSHORT', 1, 3), op('KSHORT', 2, 1)]
    fori = 3
    forl = fori + 1 + len(body)
    return proto(head + [jump('FORI', 0, fori, forl + 1)] + body +
                 [jump('FORL', 0, forl, fori + 1), RET0], framesize, **kw)


# A pairs() loop over the table in R0: R1..R3 generator, state, control.
def pairs_loop(body, before_isnext=(), framesize=8, **kw):
    head = [op('TNEW', 0, 0), op('GGET', 1, 0), op('MOV', 2, 0), op('KPRI', 3, 0)]
    head += list(before_isnext)
    isnext = len(head)
    itern = isnext + 1 + len(body)
    return proto(head + [jump('ISNEXT', 4, isnext, itern)] + body +
                 [op('ITERN', 4, 3, 3), jump('ITERL', 4, itern + 1, isnext + 1), RET0],
                 framesize, kgc=['next'] + list(kw.pop('kgc', ())), **kw)


# ---- operands and shapes ---------------------------------------------------------

@pytest.mark.parametrize('p,detail', [
    (proto([op('MOV', 5, 0), RET0], 2), 'register out of range'),
    (proto([op('ADDVV', 0, 1, 9), RET0], 2), 'register out of range'),
    (proto([op('CALL', 1, 3, 2), RET0], 2), 'register out of range'),
    (proto([op('KNIL', 1, 0), RET0]), 'register out of range'),
    (proto([op('ITERC', 2, 2, 3), RET0]), 'register out of range'),      # reads R(A-3)
    (proto([op('TSETM', 0, 0), RET0], kn=[1.0]), 'register out of range'),  # the table R(A-1)
    (proto([op('RET', 3, 3)]), 'register out of range'),
    (proto([op('KNUM', 0, 3), RET0]), 'bad constant index'),
    (proto([op('KSTR', 0, 0), RET0], kn=[1.0]), 'bad constant index'),
    (proto([op('FNEW', 0, 0), RET0], kgc=['not a function']), 'bad constant index'),
    (proto([op('TDUP', 0, 0), RET0], kgc=[proto([RET0])]), 'bad constant index'),
    (proto([op('KPRI', 0, 7), RET0]), 'bad constant'),
    (proto([op('UGET', 0, 0), RET0]), 'bad upvalue index'),
    (proto([op('USETP', 1, 0), RET0], uvdesc=[(False, 0)]), 'bad upvalue index'),
    (proto([0xff, RET0]), 'bad opcode'),
    (proto([op('JMP', 0, 0x8000 + 5), RET0]), 'bad jump'),
    (proto([op('ISLT', 0, 1), RET0]), 'test without its jump'),
    (proto([op('ISLT', 0, 1), op('UCLO', 0, 0x8000), RET0]), 'test without its jump'),
    (proto([op('CAT', 0, 1, 1), RET0]), 'bad concatenation'),
    (proto([op('ITERC', 4, 1, 3), RET0], 8), 'generic for without variables'),
    (proto([op('VARG', 0, 2, 0), RET0]), 'vararg in a fixed-argument function'),
    (proto([op('KSHORT', 0, 1)]), 'code falls off the end'),
    (proto([RET0], 0), 'bad function header'),
    (proto([RET0], 251), 'bad function header'),
    (proto([RET0], 2, numparams=3), 'bad function header'),
    (proto([], 2), 'bad function header'),
])
def test_operands_and_shapes(p, detail):
    assert refusal(p) == detail


@pytest.mark.parametrize('start', [float('nan'), 0.0, 0.5, -1.0, 2.0 ** 31, float('inf')])
def test_tsetm_starts_at_an_integer_index(start):
    p = proto([op('TNEW', 0, 0), op('VARG', 1, 0, 0), op('TSETM', 1, 0), RET0],
              kn=[start], vararg=True)
    assert refusal(p) == 'bad table index'
    p.kn = [3.0]
    verify(p)


def test_child_upvalues_name_the_parents_frame_and_upvalues():
    assert refusal(proto([op('FNEW', 0, 0), RET0], 4, kgc=[closure_capturing(4)])) == \
        'upvalue outside its parent'
    child = proto([RET0], uvdesc=[(False, 0)])
    assert refusal(proto([op('FNEW', 0, 0), RET0], kgc=[child])) == 'upvalue outside its parent'


def test_template_no_larger_than_its_constructor():
    for t in (TableTemplate([(1.0, 'a')], 2 ** 30), TableTemplate([(1.0, 'a')], 1, 2 ** 30)):
        assert refusal(proto([op('TDUP', 0, 0), RET0], kgc=[t])) == \
            'table template larger than its constructor'


def test_every_prototype_is_checked():
    bad_child = proto([op('MOV', 9, 0), RET0])
    assert refusal(proto([RET0], kgc=[proto([RET0], kgc=[bad_child])])) == \
        'register out of range'


# ---- control flow ------------------------------------------------------------------

def test_skipping_a_comparisons_jmp_must_not_leave_the_code():
    # the old verifier took this; the interpreter then read past the end (IndexError)
    p = proto([op('ISLT', 0, 1), jump('JMP', 0, 1, 0)])
    assert refusal(p) == 'code falls off the end'


def test_itern_skipping_its_iterl_must_not_leave_the_code():
    p = pairs_loop([])
    del p.code[-1]
    del p.lines[-1]
    assert refusal(p) == 'code falls off the end'


def test_mr_only_right_after_the_multiple_results():
    ok = proto([op('VARG', 0, 0, 0), op('RETM', 0, 0)], vararg=True)
    verify(ok)
    assert refusal(proto([op('RETM', 0, 0)])) == \
        'multiple results used without being produced'
    p = proto([op('VARG', 0, 0, 0), jump('JMP', 0, 1, 2), op('RETM', 0, 0)], vararg=True)
    assert refusal(p) == 'multiple results used without being produced'
    p = proto([op('CALL', 0, 0, 1), op('MOV', 3, 0), op('CALLM', 0, 1, 0), RET0])
    assert refusal(p) == 'multiple results used without being produced'


def test_fori_replaced_by_a_jmp_to_its_forl():
    """issue 8: the verifier took this, and FORL added a string and a number
    (TypeError in the interpreter)."""
    p = compile_chunk('for i = "a", 2 do end', '=x')
    pc = next(pc for pc, ins in enumerate(p.code) if ins & 0xff == BY_NAME['FORI'].code)
    forl = jump_target(pc, p.code[pc]) - 1
    p.code[pc] = jump('JMP', 0, pc, forl)
    with pytest.raises(LuaSyntaxError) as e:
        undump(dump(p), '=x')
    assert e.value.value == 'x: bad code in precompiled chunk'
    assert refusal(p) == 'numeric for loop entered without its FORI'


def test_forl_needs_floats_in_its_control_registers():
    verify(numeric_loop([op('MOV', 4, 3)]))
    assert run(numeric_loop([op('MOV', 4, 3)])) == []
    # a JMP into the body instead of the FORI
    p = numeric_loop([op('MOV', 4, 3)])
    p.code[0] = op('KSTR', 0, 0)
    p.kgc = ['x']
    p.code[3] = jump('JMP', 0, 3, 4)
    assert refusal(p) == 'numeric for loop entered without its FORI'
    # the body writes a control register
    assert refusal(numeric_loop([op('KSTR', 2, 0)], kgc=['x'])) == \
        'numeric for loop entered without its FORI'
    # a closure made in the body can write the step while the loop runs
    body = [op('FNEW', 4, 0), op('CALL', 4, 1, 1)]
    assert refusal(numeric_loop(body, kgc=[closure_capturing(2)])) == \
        'numeric for loop entered without its FORI'


def test_forl_without_fori_on_numbers_is_fine():
    # what FORL assumes is floats, which KSHORT gives as well as FORI
    p = proto([op('KSHORT', 0, 1), op('KSHORT', 1, 3), op('KSHORT', 2, 1),
               jump('FORL', 0, 3, 5), RET0, jump('JMP', 0, 5, 3)], 4)
    verify(p)
    assert run(p) == []


def test_pairs_loop_state_stays_hidden():
    verify(pairs_loop([op('MOV', 7, 5)]))
    # read by another instruction than ITERN
    assert refusal(pairs_loop([op('MOV', 7, 3)])) == 'loop state read as a value'
    assert refusal(pairs_loop([op('ITERC', 4, 2, 3)])) == 'loop state read as a value'
    p = pairs_loop([])
    p.code[-1] = op('RET1', 3, 2)               # read after the loop ends
    assert refusal(p) == 'loop state read as a value'
    # captured by a closure, or put where an open upvalue sees it
    assert refusal(pairs_loop([op('FNEW', 7, 1)], kgc=[closure_capturing(3)])) == \
        'loop state captured by a closure'
    p = pairs_loop([], [op('FNEW', 7, 1)], kgc=[closure_capturing(3)])
    assert refusal(p) == 'loop state in a captured register'
    p = pairs_loop([], [op('FNEW', 7, 1), jump('UCLO', 3, 5, 6)], kgc=[closure_capturing(3)])
    verify(p)


def test_pairs_loop_shape():
    p = pairs_loop([])
    p.code[4] = jump('ISNEXT', 4, 4, 6)          # to the ITERL
    assert refusal(p) == 'ISNEXT without its ITERN'
    p = pairs_loop([])
    p.code[6] = jump('ITERL', 5, 6, 5)           # not the ITERN's registers
    assert refusal(p) == 'test without its jump'


def test_refused_chunk_message():
    with pytest.raises(LuaSyntaxError) as e:
        undump(dump(proto([op('MOV', 9, 0), RET0])), '@evil.luac')
    assert e.value.value == 'evil.luac: bad code in precompiled chunk'


def test_everything_the_code_generator_makes_is_accepted():
    paths = sorted(glob.glob(os.path.join(ROOT, 'tests', 'lua', '*', '*.lua')) +
                   glob.glob(os.path.join(ROOT, 'tests', 'fuzz', '*', '*.lua')) +
                   [os.path.join(ROOT, 'tests', 'fuzz', 'chunk_seeds.lua')])
    checked = 0
    for path in paths:
        with open(path, 'rb') as f:
            text = f.read().decode('latin-1')
        try:
            p = compile_chunk(text, '@' + path, skip_shebang=True)
        except LuaSyntaxError:
            continue
        verify(p)
        checked += 1
    assert checked > 500


def test_hand_made_valid_chunk_runs():
    p = proto([op('KSHORT', 0, 42), op('RET1', 0, 2)])
    assert run(undump(dump(p), '=x')) == [42.0]


def test_verifying_has_a_linear_budget(monkeypatch):
    import moonpatch.bytecode.verify as verifier
    p = compile_chunk('local s = 0 for i = 1, 3 do while s < i do s = s + 1 end end', '=x')
    verify(p)
    monkeypatch.setattr(verifier, '_VISITS', (1, 0))
    assert refusal(p) == 'control flow too complex'
