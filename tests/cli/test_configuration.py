"""One configuration path: every command reads the file through click's default_map."""

import os
from pathlib import Path

import pytest

KIEV = b"He flew to Kiev today.\n"
NAME_RULE = 'canonical = "Kyiv"\nvariants = ["Kiev"]\nexamples = [{ text = "Kiev" }]\n'


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A corpus repository with a rule folder of its own, run from a folder outside it."""
    (tmp_path / "proj" / "my-rules").mkdir(parents=True)
    (tmp_path / "proj" / "my-rules" / "names.toml").write_text(f"[[name]]\n{NAME_RULE}")
    (tmp_path / "proj" / "corpus").mkdir()
    (tmp_path / "proj" / "corpus" / "a.txt").write_bytes(KIEV)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    return tmp_path / "proj"


def configure(project, text, name="corpus-tools.toml"):
    (project / name).write_text(text)


def test_check_and_clean_agree_on_a_configured_rule_folder(invoke, project):
    configure(project, 'rules = ["my-rules"]\n')
    corpus = str(project / "corpus")
    checked = invoke(["check", "--select", "name:", corpus])
    cleaned = invoke(["clean", "--check", str(project / "corpus" / "a.txt")])
    assert (checked.exit_code, cleaned.exit_code) == (1, 1)
    # One report model: both commands print the same finding, in the same form.
    assert checked.stdout.strip().endswith("a.txt:1:12: error name:Kyiv: 'Kiev' → 'Kyiv'")
    assert cleaned.stderr.strip().endswith("a.txt:1:12: error name:Kyiv: 'Kiev' → 'Kyiv'")
    repaired = invoke(["clean", str(project / "corpus" / "a.txt")])
    assert repaired.stdout_bytes == b"He flew to Kyiv today.\n"
    assert invoke(["clean", "--isolated", str(project / "corpus" / "a.txt")]).stdout_bytes == KIEV


def test_the_command_line_wins_over_the_file_and_the_file_over_the_defaults(invoke, project):
    data = "The cafÃ©  is open.\n".encode()
    os.chdir(project)
    assert invoke(["clean"], input=data).stdout_bytes == "The café is open.\n".encode()
    configure(project, '[clean]\nsteps = "normalize-space"\n')
    assert invoke(["clean"], input=data).stdout_bytes == "The cafÃ© is open.\n".encode()
    chosen = invoke(["clean", "--steps", "fix-encoding"], input=data)
    assert chosen.stdout_bytes == "The café  is open.\n".encode()


@pytest.mark.parametrize(("text", "message"), [
    ('rulez = ["my-rules"]\n', "unknown key 'rulez' in the file; did you mean 'rules'?"),
    ('[clean]\njobz = 2\n', "unknown key 'jobz' in [clean]; did you mean 'jobs'?"),
    ('[chek]\nfail-on = "error"\n', "unknown key 'chek' in the file; did you mean 'check'?"),
    ('[check]\nsteps = "fix-encoding"\nfail_on = "error"\n',
     "unknown key 'fail_on' in [check]; did you mean 'fail-on'?"),
    ('jobs = "two"\n', "'jobs': 'two' is not a whole number"),
    ('jobs = -1\n', "'jobs': -1 is not in the range x>=0."),
    ('lang = 5\n', "'lang': 5 is not a text in quotes"),
    ('column = [true]\n', "'column': True is not a whole number"),
    ('select = "name:"\n', "'select' must be a list, not 'name:'"),
    ('jsonl = "yes"\n', "'jsonl' must be true or false, not 'yes'"),
    ('[clean]\nlang = ["en"]\n', "'lang' in [clean] must be a single value, not ['en']"),
    ('[clean]\nrules = [1]\n', "'rules' in [clean]: 1 is not a path"),
    ('[per-path-ignores]\n"legacy/*" = "name:"\n', "'legacy/*' must be a list of rule ids"),
])
def test_a_bad_key_is_one_line_naming_the_file_and_the_key(invoke, project, text, message):
    configure(project, text)
    command = "check" if "check" in text or "select" in text or "per-path" in text else "clean"
    result = invoke([command, str(project / "corpus" / "a.txt")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"corpus-tools: error: {project / 'corpus-tools.toml'}: ")
    assert message in result.stderr


def test_a_key_of_another_command_is_not_an_error(invoke, project):
    configure(project, 'fail-on = "never"\nglob = ["*.txt"]\n[check]\nformat = "json"\n')
    result = invoke(["normalize-space", str(project / "corpus" / "a.txt")])
    assert (result.exit_code, result.stdout_bytes) == (0, KIEV)


def test_a_commands_section_wins_over_the_shared_keys(invoke, project):
    configure(project, 'fail-on = "never"\n[check]\nfail-on = "error"\nrules = ["my-rules"]\n')
    assert invoke(["check", str(project / "corpus")]).exit_code == 1
    assert invoke(["check", "--fail-on", "never", str(project / "corpus")]).exit_code == 0


def test_pyproject_sections_and_paths_from_the_files_folder(invoke, project):
    configure(project, '[project]\nname = "x"\n[tool.corpus-tools.clean]\nrules = ["my-rules"]\n',
              name="pyproject.toml")
    os.chdir(project / "corpus")  # stdin: found from the current folder upward
    assert invoke(["clean"], input=KIEV).stdout_bytes == b"He flew to Kyiv today.\n"
    configure(project, '[tool.corpus-tools.clean]\nrulez = ["my-rules"]\n', name="pyproject.toml")
    assert "unknown key 'rulez' in [tool.corpus-tools.clean]" in invoke(["clean"], input=KIEV).stderr


def test_config_names_a_file_and_isolated_ignores_every_file(invoke, project, tmp_path):
    (tmp_path / "other.toml").write_text('[clean]\nsteps = "normalize-space"\n')
    data = "The cafÃ©  is open.\n".encode()
    named = invoke(["clean", "--config", str(tmp_path / "other.toml")], input=data)
    assert named.stdout_bytes == "The cafÃ© is open.\n".encode()
    both = invoke(["clean", "--config", str(tmp_path / "other.toml"), "--isolated"], input=data)
    assert both.exit_code == 2 and "--config and --isolated exclude each other" in both.stderr


def test_per_path_ignores_on_the_command_line_and_in_the_file(invoke, project):
    (project / "corpus" / "legacy").mkdir()
    (project / "corpus" / "legacy" / "b.txt").write_bytes(KIEV)
    configure(project, 'rules = ["my-rules"]\nselect = ["name:"]\n')
    corpus = str(project / "corpus")
    assert invoke(["check", corpus]).stdout.count("name:Kyiv") == 2
    given = invoke(["check", "--per-path-ignores", "legacy/*=name:,space:", corpus])
    assert given.stdout.count("name:Kyiv") == 1
    configure(project, 'rules = ["my-rules"]\nselect = ["name:"]\n'
                       '[per-path-ignores]\n"legacy/*" = ["name:"]\n')
    assert invoke(["check", corpus]).stdout.count("name:Kyiv") == 1


def test_help_shows_even_with_a_broken_file(invoke, project):
    configure(project, "rulez = 1\n")
    os.chdir(project)
    assert invoke(["clean", "--help"]).exit_code == 0


def test_every_command_takes_config_and_isolated(invoke):
    from corpus_tools.cli import cli
    from corpus_tools.cli.configuration import every_command

    for name, command in every_command(cli):
        flags = {flag for param in command.params for flag in getattr(param, "opts", ())}
        assert {"--config", "--isolated"} <= flags, name


def test_the_readmes_example_configuration_holds_for_every_command(invoke, project):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Configuration"):]
    example = section[section.index("```toml\n") + 8:section.index("```\n", 8)]
    configure(project, example)
    (project / "rules").mkdir()
    (project / "rules" / "names.toml").write_text(f"[[name]]\n{NAME_RULE}")
    os.chdir(project)
    for command in (["check"], ["clean"], ["detect-lang"], ["unify-names"], ["normalize-space"]):
        result = invoke([*command, "corpus/a.txt"])
        assert result.exit_code in (0, 1), (command, result.stderr)
    assert invoke(["clean", "corpus/a.txt"]).stdout_bytes == b"He flew to Kyiv today.\n"


def test_every_key_the_check_only_reader_took_is_still_a_key_of_check():
    from corpus_tools.cli import cli
    from corpus_tools.cli.configuration import every_command, option_keys

    before = {"rules", "no-default-rules", "select", "ignore", "fail-on", "per-path-ignores",
              "lang", "languages", "lang-backend", "lang-unit", "min-lang-score", "glob",
              "steps", "skip", "max-findings", "baseline", "jsonl", "field", "tsv", "column"}
    assert before <= set(option_keys(dict(every_command(cli))["check"]))
