import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

# Subprocesses (`python -m moonpatch`) test this tree, installed or not.
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.environ['PYTHONPATH'] = os.pathsep.join(
    p for p in (_ROOT, os.environ.get('PYTHONPATH')) if p)
