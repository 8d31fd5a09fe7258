"""Rule authoring a linguist can do alone (issue 14): start, no silent no-ops, examples,
rules that say what she means."""

import json

import pytest

from corpus_tools.rules.loader import RuleFileError, load_rules

CITIES = '''
[[name]]
canonical = "Lviv"
variants = ["Lvov"]
suggest = ["Lemberg", "Lwów"]
lang = ["en"]
examples = [{ text = "in Lvov", expect = "in Lviv" }, { text = "old Lemberg", finds = "Lemberg" }]

[[name]]
canonical = "Odesa"
variants = ["Odessa"]
lang = ["en"]
keep = ["Odessa, Texas"]
examples = [{ text = "the port of Odessa", expect = "the port of Odesa" },
            { text = "Odessa ,Texas" }]

[[name]]
canonical = "Kharkiv"
variants = ["Kharkov"]
lang = ["en"]
examples = [{ text = "Kharkov", expect = "Kharkiv" }]
'''

SCENARIO = (
    "The talks in Kiev resumed on Monday after a week of shelling near Kharkov.\n"
    "Les négociations à Kiev ont repris lundi après une semaine de bombardements.\n"
    "Colonel Sergei Kiev told reporters the convoy had left for Lvov and Odessa.\n"
    "Kyiv (formerly Kiev) hosted the meeting, and the Kiev/Kyiv debate went on.\n"
    "The delegation later flew from Odessa, Texas to Lemberg for a conference.\n"
)
EXPECTED = (
    "The talks in Kyiv resumed on Monday after a week of shelling near Kharkiv.\n"
    "Les négociations à Kiev ont repris lundi après une semaine de bombardements.\n"
    "Colonel Sergei Kiev told reporters the convoy had left for Lviv and Odesa.\n"
    "Kyiv (formerly Kiev) hosted the meeting, and the Kiev/Kyiv debate went on.\n"
    "The delegation later flew from Odessa, Texas to Lemberg for a conference.\n"
)


def test_the_ukrainian_cities_scenario_from_rules_init(invoke, tmp_path):
    folder = tmp_path / "my-rules"
    assert invoke(["rules", "init", str(folder)]).exit_code == 0
    with (folder / "names.toml").open("a", encoding="utf-8") as names:
        names.write(CITIES)
    checked = invoke(["rules", "check", "--strict", str(folder)])
    assert checked.exit_code == 0, checked.stderr
    assert "loaded 7 file(s)" in checked.stderr and "packaged rules:" in checked.stderr
    tested = invoke(["rules", "test", str(folder)])
    assert tested.exit_code == 0 and tested.stdout.endswith("14 passed, 0 failed\n"), tested.stdout
    cleaned = invoke(["clean", "--rules", str(folder)], input=SCENARIO.encode())
    assert cleaned.stdout == EXPECTED
    report = invoke(["check", "--isolated", "--rules", str(folder), "--format", "json",
                     "--select", "name:"], input=SCENARIO.encode())
    findings = [json.loads(line) for line in report.stdout.splitlines()]
    kept = [f for f in findings if f["line"] == 3 and f["before"] == "Kiev"]
    assert kept and kept[0]["kind"] == "finding" and "not_after" in kept[0]["message"]
    lemberg = [f for f in findings if f["before"] == "Lemberg"]
    assert lemberg and lemberg[0]["kind"] == "suggestion" and lemberg[0]["fix"] == "Lviv"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"cities.toml.txt": CITIES}, "no rule file (*.toml) in this folder (found only: "
                                      "cities.toml.txt)"),
        ({}, "the folder is empty"),
    ],
)
def test_a_folder_with_nothing_loadable_is_an_error(tmp_path, files, message):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    with pytest.raises(RuleFileError, match=message.replace("(", r"\(").replace(")", r"\)")
                       .replace("*", r"\*")):
        load_rules([tmp_path], use_defaults=False)


def test_a_file_not_ending_in_toml_is_an_error(tmp_path):
    path = tmp_path / "cities.toml.txt"
    path.write_text(CITIES)
    with pytest.raises(RuleFileError, match=r"a rule file's name must end in \.toml"):
        load_rules([path], use_defaults=False)


@pytest.mark.parametrize(
    ("rule", "warning"),
    [
        ('keep = ["Kiev Street"]', None),
        ('keep = ["Odessa Street"]', "the phrase 'Odessa Street' holds none of the rule's variants"),
        ('keep = ["Kyiv Street"]', "protects nothing (it holds the canonical form, which is never "
                                   "changed anyway; write the variant there)"),
        ('variants = ["Kiev", "Kiev"]', "'Kiev' is listed twice"),
    ],
)
def test_silent_no_ops_are_warnings(tmp_path, rule, warning):
    base = '[[name]]\ncanonical = "Kyiv"\n' + ('variants = ["Kiev"]\n' if "variants" not in rule
                                                 else "") + rule + "\n"
    path = tmp_path / "x.toml"
    path.write_text(base + 'examples = [{ text = "Kiev", expect = "Kyiv" }]\n')
    warnings = load_rules([path], use_defaults=False).warnings
    if warning is None:
        assert warnings == []
    else:
        assert any(warning in w for w in warnings), warnings


def test_rules_test_with_no_example_exits_1(invoke, tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\n')
    result = invoke(["rules", "test", "--no-default-rules", str(path)])
    assert result.exit_code == 1 and "no example ran" in result.stderr


@pytest.mark.parametrize(
    ("example", "passes"),
    [
        ('{ text = "à Kiev", lang = "fr" }', True),  # run as French: the English rule is silent
        ('{ text = "in Kiev", lang = "fr", expect = "in Kyiv" }', False),
    ],
)
def test_an_example_may_carry_a_language(invoke, tmp_path, example, passes):
    path = tmp_path / "x.toml"
    path.write_text(f'[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\nlang = ["en"]\n'
                    f"examples = [{example}]\n")
    assert invoke(["rules", "test", "--no-default-rules", str(path)]).exit_code == (0 if passes
                                                                                   else 1)


@pytest.mark.parametrize(
    ("pattern", "example", "passes", "reported"),
    [
        (r"\[Translator's note: [^\]]*\]", '{ text = "a [Translator\'s note: x] b", finds = '
         '"[Translator\'s note: x]" }', True, None),
        # A broken pattern (a character class: any one letter) no longer passes.
        (r"[Translator's note]", '{ text = "a [Translator\'s note: x] b", finds = '
         '"[Translator\'s note: x]" }', False, "a |   | T | r"),
        (r"[Translator's note]", '{ text = "nothing here" }', False, "n | o | t"),
    ],
)
def test_report_only_examples_say_what_they_find(invoke, tmp_path, pattern, example, passes,
                                                 reported):
    path = tmp_path / "x.toml"
    path.write_text(f"[[artifact]]\nid = \"note\"\npattern = '''{pattern}'''\n"
                    f"examples = [{example}]\n")
    result = invoke(["rules", "test", "--no-default-rules", str(path)])
    assert result.exit_code == (0 if passes else 1)
    if reported:
        assert "reported: " in result.stdout and reported in result.stdout


@pytest.mark.parametrize(
    ("example", "passes"),
    [
        ('{ text = "in Kiev", expect = "in Kyiv" }', True),
        ('{ text = "old Kijow", finds = "Kijow" }', True),
        ('{ text = "old Kijow" }', False),  # without finds: the rule must report nothing
        ('{ text = "in Kiev", finds = "Kiev", expect = "in Kyiv" }', True),
        ('{ text = "in Kiev", finds = "Kiev" }', False),  # finds still checks the replacement
        ('{ text = "Colonel Kiev said" }', True),  # what not_after keeps is not a report
    ],
)
def test_finds_and_expect_both_hold_for_a_rule_with_report_only_spellings(invoke, tmp_path,
                                                                          example, passes):
    path = tmp_path / "x.toml"
    path.write_text('[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\nsuggest = ["Kijow"]\n'
                    f'not_after = ["Colonel"]\nexamples = [{example}]\n')
    result = invoke(["rules", "test", "--no-default-rules", str(path)])
    assert result.exit_code == (0 if passes else 1), result.stdout


def test_a_failing_example_is_named_at_its_own_line(invoke, tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\nexamples = [\n'
                    '  { text = "Kiev today", expect = "Kyiv today" },\n'
                    '  { text = "Kiev today", expect = "Kiev today" },\n]\n')
    result = invoke(["rules", "test", "--no-default-rules", str(path)])
    assert result.stdout.startswith(f"{path}:6: name:Kyiv: example failed")


def test_rules_list_shows_treatment_scope_keep_examples_and_layer(invoke, tmp_path):
    path = tmp_path / "x.toml"
    path.write_text(CITIES)
    listed = json.loads(invoke(["rules", "list", "--format", "json", str(path)]).stdout)
    lviv = next(item for item in listed if item["id"] == "name:Lviv")
    assert (lviv["treatment"], lviv["lang"], lviv["suggest"], lviv["examples"], lviv["layer"]) == (
        "replace", ["en"], ["Lemberg", "Lwów"], 2, "yours")
    assert next(item for item in listed if item["id"] == "name:Lachin")["layer"] == "packaged"
    table = invoke(["rules", "list", "--no-default-rules", str(path)]).stdout.splitlines()
    assert table[0].split()[:6] == ["id", "treatment", "scope", "keep", "ex.", "layer"]
