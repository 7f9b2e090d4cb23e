"""The `chitieu` command in a checkout: `python cli.py …` is `chitieu …`. The commands live in chitieu.cli (engine/cli.py)."""

from chitieu.cli import main

if __name__ == "__main__":
    main()
