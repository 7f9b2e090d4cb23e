"""Diagnostics: every problem found in an input file, located as path:line:col and collected, never raised one by one."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    col: int
    code: str
    message: str
    level: Level = "error"

    def render(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.level}[{self.code}]: {self.message}"

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "level": self.level,
            "code": self.code,
            "message": self.message,
        }


@dataclass
class Diagnostics:
    """An ordered, de-duplicated collection of diagnostics for one run."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diag: Diagnostic) -> None:
        if diag not in self.items:
            self.items.append(diag)

    def error(self, path: str | Path, line: int, col: int, code: str, message: str) -> None:
        self.add(Diagnostic(str(path), line, col, code, message, "error"))

    def warning(self, path: str | Path, line: int, col: int, code: str, message: str) -> None:
        self.add(Diagnostic(str(path), line, col, code, message, "warning"))

    def extend(self, diags: Iterable[Diagnostic]) -> None:
        for d in diags:
            self.add(d)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.level == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.level == "warning"]

    def has_errors(self) -> bool:
        return any(d.level == "error" for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (d.path, d.line, d.col, d.code, d.message))


class InputError(Exception):
    """Raised when input cannot be used; carries every diagnostic found so far."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.render() for d in self.diagnostics))


def did_you_mean(name: str, candidates: Iterable[str], *, n: int = 3) -> str:
    """A ' (did you mean: a, b?)' suffix naming the nearest candidates, or '' when none is near."""
    close = difflib.get_close_matches(name, sorted(set(candidates)), n=n, cutoff=0.6)
    if not close:
        return ""
    return " (did you mean: " + ", ".join(f"'{c}'" for c in close) + "?)"
