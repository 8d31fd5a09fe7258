"""Every option is defined once: commands that share a flag share its definition."""

import click
import pytest

from corpus_tools.cli import cli
from corpus_tools.cli.configuration import every_command


def _definitions():
    seen: dict[str, dict[str, str]] = {}
    for name, command in every_command(cli):
        if name.startswith("rules-"):
            continue  # the rules commands keep their own options for now
        for param in command.params:
            for flag in getattr(param, "opts", ()):
                seen.setdefault(flag, {})[name] = (param.name, repr(param.type), param.help)
    return seen


@pytest.mark.parametrize("flag", ["-j", "--lang", "--rules", "--no-default-rules", "--jsonl",
                                  "--field", "--tsv", "--column", "--on-bad-record",
                                  "--progress", "-o", "--languages", "--config", "--isolated"])
def test_a_shared_flag_has_one_definition(flag):
    commands = _definitions()[flag]
    assert len(commands) >= 2, flag
    assert len(set(commands.values())) == 1, commands


def test_no_flag_is_defined_twice_with_different_meanings():
    for flag, commands in _definitions().items():
        assert len(set(commands.values())) == 1, (flag, commands)


def test_engine_options_are_one_decorator():
    from corpus_tools.cli.options import engine_options

    @click.command()
    @engine_options
    def run(engine, scheduler):
        return engine, scheduler

    assert [param.name for param in run.params] == ["engine", "scheduler"]
