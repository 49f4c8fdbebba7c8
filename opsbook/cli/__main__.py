"""``python -m opsbook.cli``: the command line."""

from opsbook.cli import main

main()
