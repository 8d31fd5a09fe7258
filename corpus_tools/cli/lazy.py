"""A command group that imports each command on first use."""

from __future__ import annotations

import importlib
from typing import ClassVar

import click


class LazyCommands(click.Group):
    """A group whose commands are imported on first use: running one command imports its
    own module only (the group's ``--help`` imports them all, for their summaries).
    ``command_modules`` names each command's module, which registers it on import."""

    command_modules: ClassVar[dict[str, str]] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.command_modules, *self.commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in self.command_modules:
            importlib.import_module(self.command_modules[name])
        return self.commands.get(name)
