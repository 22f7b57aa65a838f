"""Allow `python -m appeal`."""

from appeal.cli import main

main()
