"""One configuration path for every command: the file's keys become click's ``default_map``.

The command line wins over the file, the file over the options' defaults (click's
own order: command line, environment, ``default_map``, default).  A key is an
option's long name (``fail-on``, ``rules``, ``jobs``); keys at the top of the table
apply to every command that has the option, ``[check]``, ``[clean]``,
``[rules-suggest]``... to one command, over the top.  A key no command has is an
error with a did-you-mean; a path option's value is taken from the file's folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click

from corpus_tools.tasks.config import (
    ConfigError,
    ConfigFile,
    find_config,
    read_config,
    search_start,
)

# Options that say what to do this once, not how: never read from a file.
NOT_CONFIGURABLE = frozenset({"help", "config", "isolated", "explain", "write-baseline"})
# Arguments whose values are the inputs the search for a file starts from.
INPUT_ARGUMENTS = ("files", "paths", "corpus")

config_options = [
    click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE",
                 help="Configuration file (default: corpus-tools.toml or pyproject.toml's "
                      "[tool.corpus-tools], from the inputs' folder upward)."),
    click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
]


class ConfiguredCommand(click.Command):
    """A command that takes its defaults from the configuration file, as black does.

    The arguments are parsed once to learn ``--config``, ``--isolated`` and the inputs,
    then the file's keys for this command become ``ctx.default_map`` before click
    resolves any option, so every option of every command is configurable the same way.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for option in config_options:
            option(self)  # a decorator applied to a Command appends to its params

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not ctx.resilient_parsing:
            given, _, _ = self.make_parser(ctx).parse_args(args=list(args))
            help_option = self.get_help_option(ctx)
            if not (help_option and given.get(help_option.name) is True):
                config = _config_file(given)
                if config is not None:
                    ctx.default_map = {**(ctx.default_map or {}),
                                       **defaults_for(self, _section_name(ctx), config, ctx)}
        rest = super().parse_args(ctx, args)
        # Read above; the command's own function never sees them.
        ctx.params.pop("config_path", None)
        ctx.params.pop("isolated", None)
        return rest


def _given(given: dict, name: str):
    # Values the first parse did not see are absent, or click's "unset" marker.
    value = given.get(name)
    return value if isinstance(value, (str, bool, tuple, list)) else None


def _config_file(given: dict) -> ConfigFile | None:
    path, isolated = _given(given, "config_path"), _given(given, "isolated")
    if isolated:
        if path:
            raise click.UsageError("--config and --isolated exclude each other")
        return None
    if path:
        return read_config(Path(path))
    inputs = [value for name in INPUT_ARGUMENTS for value in _given(given, name) or ()]
    found = find_config(search_start(inputs))
    return read_config(found) if found is not None else None


def _section_name(ctx: click.Context) -> str:
    """``check``, or ``rules-suggest`` for a subcommand of a group."""
    return "-".join(ctx.command_path.split()[1:])


def every_command(group: click.Group, prefix: str = "") -> Iterator[tuple[str, click.Command]]:
    """Every command under ``group`` by section name (this imports them all)."""
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        if isinstance(command, click.Group):
            yield from every_command(command, f"{prefix}{name}-")
        else:
            yield f"{prefix}{name}", command


def option_keys(command: click.Command) -> dict[str, click.Option]:
    """The keys a command reads from a file: each option's long names, without dashes."""
    keys = {}
    for param in command.params:
        if isinstance(param, click.Option):
            for flag in param.opts:
                if flag.startswith("--") and flag[2:] not in NOT_CONFIGURABLE:
                    keys[flag[2:]] = param
    return keys


def defaults_for(command: click.Command, section: str, config: ConfigFile,
                 ctx: click.Context) -> dict:
    """The ``default_map`` of one command: the shared keys it has, then its own section."""
    own = option_keys(command)
    defaults = {}
    for key, value in config.shared.items():
        if key in own:
            defaults[own[key].name] = _value(own[key], key, value, config, ctx, None)
    others = set(config.shared).difference(own) | set(config.sections).difference([section])
    if others:
        # A key or section of another command is fine; only one no command has is an
        # error.  Telling them apart imports every command, so only when there are such.
        commands = dict(every_command(ctx.find_root().command))
        every_key = {key for one in commands.values() for key in option_keys(one)}
        for key in sorted(set(config.shared).difference(own)):
            if key not in every_key:
                raise config.unknown_key(key, every_key | set(commands))
        for name in sorted(set(config.sections).difference([section])):
            if name not in commands:
                raise config.unknown_key(name, every_key | set(commands))
            theirs = option_keys(commands[name])
            for key in config.sections[name]:
                if key not in theirs:
                    raise config.unknown_key(key, theirs, name)
    for key, value in config.sections.get(section, {}).items():
        if key not in own:
            raise config.unknown_key(key, own, section)
        defaults[own[key].name] = _value(own[key], key, value, config, ctx, section)
    return defaults


def _value(option: click.Option, key: str, value, config: ConfigFile, ctx: click.Context,
           section: str | None):
    """The file's value as the option takes it, or an error naming the file and the key."""
    where = f"{config.path}: '{key}'" + (f" in {config.where(section)}" if section else "")
    if option.multiple and isinstance(value, dict) and getattr(option.type, "takes_tables", False):
        value = list(value.items())
    if option.multiple or option.nargs != 1:
        if not isinstance(value, list):
            raise ConfigError(f"{where} must be a list, not {value!r}")
    elif option.is_flag and not option.count:
        if not isinstance(value, bool):
            raise ConfigError(f"{where} must be true or false, not {value!r}")
    elif isinstance(value, (list, dict)):
        raise ConfigError(f"{where} must be a single value, not {value!r}")
    kinds, words = _python_kinds(option.type)
    for item in value if isinstance(value, list) else [value]:
        if kinds and (not isinstance(item, kinds) or (bool not in kinds and isinstance(item, bool))):
            raise ConfigError(f"{where}: {item!r} is not {words}")
    if isinstance(option.type, click.Path):
        value = [config.resolve(item) for item in value] if isinstance(value, list) \
            else config.resolve(value)
    try:
        option.type_cast_value(ctx, value)
    except click.BadParameter as error:
        raise ConfigError(f"{where}: {error.message}") from None
    return value


def _python_kinds(kind: click.ParamType) -> tuple[tuple[type, ...], str]:
    """What a TOML value must be for an option of this type: the command line gives texts
    and click converts them, a file gives typed values that must already be right."""
    if isinstance(kind, click.Path):
        return (str,), "a path"
    if isinstance(kind, (click.types.StringParamType, click.Choice)):
        return (str,), "a text in quotes"
    if isinstance(kind, click.types.BoolParamType):
        return (bool,), "true or false"
    if isinstance(kind, click.types.IntParamType):
        return (int,), "a whole number"
    if isinstance(kind, click.types.FloatParamType):
        return (int, float), "a number"
    return (), ""


class ConfiguredGroup(click.Group):
    """A group (``rules``) whose commands read the configuration file."""

    command_class = ConfiguredCommand
