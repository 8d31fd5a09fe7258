"""The command line's conventions: the bare command shows help; -q keeps stderr quiet."""

import subprocess
import sys


def test_the_bare_command_prints_help_and_exits_0():
    result = subprocess.run([sys.executable, "-c", "from corpus_tools.cli import main; main()"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("Usage: corpus-tools [OPTIONS] COMMAND [ARGS]...")
    assert "  check " in result.stdout


def test_quiet_check_prints_the_findings_only(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    loud = invoke(["check"], input=b"The the road.\n")
    quiet = invoke(["check", "-q"], input=b"The the road.\n")
    assert quiet.stdout == loud.stdout != ""
    assert loud.stderr.startswith("corpus-tools: 1 finding(s)") and quiet.stderr == ""
    assert quiet.exit_code == loud.exit_code == 1
