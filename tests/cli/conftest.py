import os
import sys

import pytest

from .clirun import SCRIPT


@pytest.fixture(scope='session')
def script():
    """The installed script (pip put it next to the venv's python)."""
    if not os.path.exists(SCRIPT):
        pytest.skip('the moonpatch script is not installed next to %s' % sys.executable)
    return SCRIPT
