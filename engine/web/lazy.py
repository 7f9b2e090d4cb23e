"""Commands registered on `chitieu` but imported only when run, so that Flask and SQLAlchemy never slow down
`chitieu check` (this module imports nothing but click)."""

from __future__ import annotations

import importlib

import click


class LazyCommand(click.Command):
    """A command whose real definition (``module:attr``) is imported when it is invoked or asked for help."""

    def __init__(self, name: str, target: str, short_help: str):
        super().__init__(name, short_help=short_help, help=short_help, add_help_option=False)
        self._target = target

    def real(self) -> click.Command:
        module, attr = self._target.split(":")
        return getattr(importlib.import_module(module), attr)

    def make_context(self, info_name, args, parent=None, **extra):
        return self.real().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx):  # pragma: no cover - make_context hands the real command to the group
        return self.real().invoke(ctx)


def lazy(name: str, target: str, short_help: str) -> LazyCommand:
    return LazyCommand(name, target, short_help)
