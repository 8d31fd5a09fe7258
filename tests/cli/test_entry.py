"""The command line's conventions: the bare command shows help; -q keeps stderr quiet."""

import os
import subprocess
import sys
from pathlib import Path


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


def test_select_on_the_command_line_wins_over_ignore_in_the_file(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus-tools.toml").write_text('[check]\nignore = ["space:"]\n')
    (tmp_path / "a.txt").write_text("A  road. The the end.\n")
    assert invoke(["check", "a.txt"]).stdout.count("space:collapse") == 0  # the file's ignore
    selected = invoke(["check", "a.txt", "--select", "space:"]).stdout
    assert selected.splitlines() == ["a.txt:1:2: info space:collapse: '  ' → ' '"]
    # other rules stay as the file and the selection say; --ignore typed too is kept
    assert invoke(["check", "a.txt", "--select", "space:,repeated-word", "--ignore",
                   "space:"]).stdout.count("space:") == 0


def test_steps_help_lists_the_step_names(invoke):
    unwrapped = "".join(invoke(["clean", "--help"]).stdout.split())  # as click wraps it
    assert "thesteps:fix-encoding,fix-scripts,strip-artifacts,normalize-space,unify-names," \
           "foreign-sentences(default:" in unwrapped


def test_the_readme_installs_in_a_venv_from_the_clone():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("```sh\n", 1)[1]
    assert quick_start.startswith("python3 -m venv .venv && . .venv/bin/activate\n")
    assert "corpus-tools[" not in readme  # not on PyPI: a name someone else could register


def test_a_bug_is_one_line_naming_the_command_and_where_with_exit_70(invoke, monkeypatch):
    import corpus_tools.report.findings as findings

    def broken(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(findings, "as_text", broken)
    result = invoke(["check"], input=b"The the road.\n")
    assert result.exit_code == 70
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("corpus-tools: error: internal error in 'check': RecursionError: "
                               "maximum recursion depth exceeded at corpus_tools/report/")
    assert lines[0].endswith("please report it (a bug, not your input)")


def test_a_bug_in_a_subcommand_of_a_group_names_both(invoke, monkeypatch):
    import corpus_tools.cli.rules as rules_cli

    monkeypatch.setattr(rules_cli.rules_group.commands["list"], "callback", lambda *a, **k: 1 / 0)
    result = invoke(["rules", "list"])
    assert result.exit_code == 70
    assert result.stderr.startswith("corpus-tools: error: internal error in 'rules list': "
                                    "ZeroDivisionError: division by zero at ")


def test_findings_reach_a_strict_ascii_stdout_escaped(tmp_path):
    # Generated documents: a finding quoting invalid bytes or non-ASCII letters, written to
    # a stdout whose encoding cannot hold them, raised UnicodeEncodeError (exit 1).
    (tmp_path / "bad.txt").write_bytes("Ã©tÃ© caf\u00e9 \xff\n".encode("utf-8", "surrogateescape")
                                       .replace(b"\xc3\xbf", b"\xff"))
    environment = {**os.environ, "PYTHONIOENCODING": "ascii:strict"}
    result = subprocess.run([sys.executable, "-c", "from corpus_tools.cli import main; main()",
                             "check", "bad.txt"], cwd=tmp_path, capture_output=True, timeout=120,
                            env=environment)
    assert result.returncode == 1, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"invalid-utf8: '\\xff'" in result.stdout
    assert result.stdout.isascii()


def test_filter_lang_keeps_a_record_with_a_lone_surrogate_escape(invoke):
    record = b'{"text": "\\ud800"}\n'
    result = invoke(["filter-lang", "--jsonl", "--keep", "en,und"], input=record)
    assert result.exit_code == 0 and result.stdout_bytes == record
