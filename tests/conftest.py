from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_tools.cli import cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def invoke(runner):
    """Run the CLI in process: ``invoke(args, input=b"...")`` -> click Result (bytes in, bytes out)."""

    def run(args, input=None):
        return runner.invoke(cli, args, input=input, catch_exceptions=False)

    return run


@pytest.fixture
def fixtures_dir():
    return FIXTURES
