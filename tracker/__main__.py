"""``python -m tracker``: the same command as the ``tracker`` console script."""

from tracker.cli import main

main(prog_name="tracker")
