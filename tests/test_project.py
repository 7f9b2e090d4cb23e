"""Promises about the project itself: the README's two commands, CI running the same test command."""

from __future__ import annotations

import re

from conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section, flags=re.S)


def test_readme_holds_exactly_two_setup_commands():
    commands = readme_commands()
    assert len(commands) == 2, commands
    install_run, install_test = commands
    assert "pip install -e ." in install_run and install_run.endswith("chitieu check")
    assert "pip install -e '.[test]'" in install_test and install_test.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()


def test_ci_checks_lint_format_and_types_after_the_tests():
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    after = lines[lines.index(readme_commands()[1]) + 1 :]
    assert "ruff check ." in after and "ruff format --check ." in after and "mypy" in after


def test_no_code_outside_the_kinds_folder_compares_a_rule_kind_name():
    """Rule kinds are plug-ins: engine/kinds/ is the only place that knows their names."""
    from chitieu.kinds import KINDS

    offenders = []
    for path in sorted((ROOT / "engine").rglob("*.py")):
        if "kinds" in path.relative_to(ROOT / "engine").parts:
            continue
        text = path.read_text(encoding="utf-8")
        for name in KINDS:
            for quoted in (f'"{name}"', f"'{name}'"):
                if quoted in text:
                    offenders.append(f"{path.relative_to(ROOT)}: {quoted}")
    assert offenders == []


def test_the_rule_union_names_every_registered_kind_under_its_own_tag():
    """`Rule` is written out for the type checker; it must stay in step with KINDS."""
    from typing import get_args

    from chitieu.kinds import KINDS, Rule

    members = get_args(get_args(Rule)[0])
    tagged = {get_args(m)[1].tag: get_args(m)[0] for m in members}
    assert tagged == {name: kind.model for name, kind in KINDS.items()}
