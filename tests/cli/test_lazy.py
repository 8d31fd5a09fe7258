"""The lazy command group: one command imports its own module only."""

import subprocess
import sys

import click

from corpus_tools.cli import CorpusToolsGroup, cli


def test_every_command_is_listed_with_the_module_that_registers_it():
    context = click.Context(cli)
    for name in cli.list_commands(context):
        command = cli.get_command(context, name)
        assert command is not None, name
        assert sys.modules[CorpusToolsGroup.command_modules[name]].__dict__, name
    assert set(cli.commands) == set(CorpusToolsGroup.command_modules)


def test_one_command_imports_only_its_own_module(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    script = ("import sys\nfrom corpus_tools.cli import cli\n"
              "try:\n    cli.main(['clean', sys.argv[1]], prog_name='corpus-tools')\n"
              "except SystemExit:\n    pass\n"
              "print(sorted(m for m in sys.modules if m.startswith('corpus_tools.cli.')))")
    shown = subprocess.run([sys.executable, "-c", script, str(empty)], capture_output=True,
                           text=True, check=True, cwd=tmp_path).stdout
    assert "corpus_tools.cli.filters" in shown
    for other in ("corpus_tools.cli.check", "corpus_tools.cli.language", "corpus_tools.cli.rules"):
        assert other not in shown
