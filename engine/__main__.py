"""`python -m chitieu …` is the `chitieu` command."""

from .cli import main

main(prog_name="chitieu")
