"""debug.setlocal can put any value in a numeric for loop's hidden control
registers ('(for index)', '(for limit)', '(for step)'). lua5.1 and luajit
then loop on garbage; moonpatch's FORL gives the error its FORI would have
given, never a Python TypeError."""
import pytest

from moonpatch.engine import Engine


@pytest.mark.parametrize('slot,value,message', [
    (1, '"x"', "'for' initial value must be a number"),
    (2, '{}', "'for' limit must be a number"),
    (3, 'print', "'for' step must be a number"),
])
def test_a_control_register_made_a_non_number(slot, value, message):
    lua = Engine()
    ok, results = lua.do_string(
        'return pcall(function() for i = 1, 3 do debug.setlocal(1, %d, %s) end end)'
        % (slot, value), '=t')
    assert ok and results[0] is False and results[1].endswith(message)
