"""Every example in README.md and in every command's --help runs as written on a fresh clone, and none of them
writes into the seed commune's facts or the shipped catalogue.

The examples are parsed out of the README's ``sh`` blocks and the help texts (nothing is listed here by hand), then
run in order by a small shell: ``export`` sets a variable, ``~`` is a temporary home, ``&&`` chains, ``#`` starts a
comment; every ``chitieu`` command runs in process (click's CliRunner) in a copy of the project, whose rules/ and
facts/ stand in for the installed package's.
"""

from __future__ import annotations

import hashlib
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import chitieu.resources
from chitieu.cli import main
from conftest import ROOT

CLONE_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis", ".pytest_cache", "out"
)


def _not_here(command: str) -> bool:
    """Examples that cannot run in a test as written: `chitieu serve` serves until Ctrl+C (tests/test_web*.py start
    it on a free port), and the shared-server recipe names a PostgreSQL host `db` (tests/test_web_store.py runs on
    PostgreSQL where CHITIEU_TEST_POSTGRES is set)."""
    return command.startswith("chitieu serve") or "postgresql+psycopg://chitieu@db/" in command


def _commands(text: str) -> list[str]:
    """The shell commands of a block of example lines: `a && b` is two; only chitieu and export lines are run."""
    out = []
    text = re.sub(r"\\\n\s*", " ", text)  # a line ending in a backslash goes on on the next one
    for line in text.splitlines():
        for part in line.split("&&"):
            part = part.strip()
            if (part.startswith(("chitieu ", "export ")) or part == "chitieu") and not _not_here(part):
                out.append(part)
    return out


def readme_examples() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [c for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S) for c in _commands(block)]


def help_examples() -> list[tuple[str, str]]:
    """(command path, example) for the examples of every command's help, the group's before its commands'."""
    found = []

    def walk(cmd: click.Command, path: str) -> None:
        help_text = cmd.help or ""
        m = re.search(r"Examples?:\n(.*?)(?:\n\s*\n|\Z)", help_text, flags=re.S)
        if m:
            found.extend((path, c) for c in _commands(m.group(1)))
        if isinstance(cmd, click.Group):
            for name in cmd.list_commands(click.Context(cmd)):
                walk(cmd.get_command(click.Context(cmd), name), f"{path} {name}")

    walk(main, "chitieu")
    return found


class Shell:
    """Runs example commands in ``cwd`` with ``home`` as ~, as a user's shell would."""

    def __init__(self, home: Path):
        self.home = home
        self.env: dict[str, str | None] = {"HOME": str(home), "CHITIEU_RULES": None, "COLUMNS": "100"}

    def _expand(self, word: str) -> str:
        return re.sub(r"(^|=)~(?=/|$)", lambda m: m.group(1) + str(self.home), word)

    def run(self, command: str):
        words = [self._expand(w) for w in shlex.split(command, comments=True)]
        if words[0] == "export":
            name, _, value = words[1].partition("=")
            self.env[name] = value
            return None
        return CliRunner().invoke(main, words[1:], env=self.env, catch_exceptions=True)


def _tracked_files() -> list[str] | None:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, check=True, timeout=60
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return [name for name in out.decode("utf-8").split("\0") if name]


@pytest.fixture
def clone(tmp_path, monkeypatch) -> Path:
    """A fresh copy of the project, as working folder and as the installed package's rules and seed commune."""
    root = tmp_path / "chitieu"
    tracked = _tracked_files()
    if tracked is None:  # not a git checkout (an unpacked source archive): the folder as it is
        shutil.copytree(ROOT, root, ignore=CLONE_IGNORE)
    else:  # what a fresh clone holds: not the outputs a user's own runs of the README left in the checkout
        for rel in tracked:
            if (ROOT / rel).is_file():
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / rel, root / rel)
    folders = {"chitieu.rules": root / "rules", "chitieu.seed": root / "facts"}
    monkeypatch.setattr(chitieu.resources, "_folder", lambda package: folders[package])
    monkeypatch.chdir(root)
    (tmp_path / "home").mkdir()
    return root


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def _run_all(clone: Path, commands: list[str]) -> list[str]:
    shell = Shell(clone.parent / "home")
    problems = []
    for command in commands:
        result = shell.run(command)
        if result is None:
            continue
        err = result.stderr
        if (
            result.exit_code not in (0, 1)
            or "Traceback" in err
            or "internal error" in err
            or result.exception
            and not isinstance(result.exception, SystemExit)
        ):
            problems.append(f"{command}\n  exit {result.exit_code}: {err.strip()[-400:]} {result.exception!r}")
    return problems


def test_the_examples_are_found():
    readme = readme_examples()
    assert len(readme) >= 25 and readme[0].startswith("chitieu check")
    assert any(c.startswith("chitieu facts lint examples/") for c in readme)
    assert any(c.startswith("chitieu rules new ") for c in readme)
    paths = {p for p, _ in help_examples()}
    assert {
        "chitieu",
        "chitieu check",
        "chitieu report",
        "chitieu shortfalls",
        "chitieu init",
        "chitieu facts",
        "chitieu facts extract",
        "chitieu facts lint",
        "chitieu rules",
        "chitieu rules list",
        "chitieu rules show",
        "chitieu rules new",
        "chitieu rules lint",
        "chitieu rules test",
        "chitieu rules docs",
    } <= paths


def test_every_readme_example_runs_on_a_fresh_clone(clone):
    seed, rules = _digest(clone / "facts"), _digest(clone / "rules")
    assert _run_all(clone, readme_examples()) == []
    assert _digest(clone / "facts") == seed, "a README example wrote into facts/"
    assert _digest(clone / "rules") == rules, "a README example wrote into rules/"


def test_every_help_example_runs_on_a_fresh_clone(clone):
    seed, rules = _digest(clone / "facts"), _digest(clone / "rules")
    assert _run_all(clone, [c for _, c in help_examples()]) == []
    assert _digest(clone / "facts") == seed and _digest(clone / "rules") == rules


def test_the_sample_report_is_the_same_in_text_and_word():
    from docx import Document

    text = (ROOT / "examples" / "bao-cao-mau.txt").read_text(encoding="utf-8")
    blocks = [b.strip("\n") for b in text.split("\n\n") if b.strip()]
    assert [p.text for p in Document(str(ROOT / "examples" / "bao-cao-mau.docx")).paragraphs] == blocks
