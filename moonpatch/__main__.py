import sys

from .cli import main, module_command

sys.exit(main(progname='moonpatch', interpreter=module_command()))
