"""``python -m opsbook``: the command line."""

from opsbook.cli import main

main()
