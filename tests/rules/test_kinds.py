"""The table of rule kinds: every kind loads, lists, exports and imports from its entry, and
the linguists' guide lists what the table holds."""

import json
from pathlib import Path

import pytest

from corpus_tools.registry import RULE_KINDS
from corpus_tools.rules.guide import kinds_section, with_section
from corpus_tools.rules.kinds import EXAMPLE_COLUMNS, FORMS, KINDS
from corpus_tools.rules.loader import RuleFileError, load_rules
from corpus_tools.rules.model import RuleSet
from corpus_tools.rules.writer import rule_toml

# One table of every kind, with every field it has; a new kind fails the test below until
# it has one here.
SAMPLES = {
    "name": '''[[name]]
canonical = "Kyiv"
variants = ["Kiev"]
suggest = ["Kijow"]
lang = ["en"]
keep = ["(formerly {variant})", "Kiev, Minnesota"]
not_after = ["Colonel", "Mr"]
not_before = ["Street"]
note = "=Ukrainian spelling"
ignore_case = true
fix = "suggest"
severity = "warning"
message = "write Kyiv"
examples = [
  { text = "in Kiev", finds = "Kiev", lang = "en" },
  { text = "old Kijow", finds = "Kijow" },
]
''',
    "artifact": '''[[artifact]]
id = "stray-todo"
pattern = "\\\\s+TO DO\\\\.(?=\\\\s|$)"
replace = ""
requires = ["TO DO"]
lang = ["en", "fr"]
severity = "info"
message = "a leftover marker"
examples = [
  { text = "called on Baku. TO DO.", expect = "called on Baku." },
]

[[artifact]]
id = "photo-credit"
text = "(photo: AFP)"
ignore_case = true
examples = [
  { text = "Talks resumed (Photo: AFP) on Monday.", expect = "Talks resumed on Monday." },
]

[[artifact]]
id = "translators-note"
starts = "[Translator's note:"
ends = "]"
ignore_case = true
examples = [
  { text = "A [translator's NOTE: x] and B [Translator's note: y] met.", expect = "A and B met." },
]
''',
    "punctuation": '''[[punctuation]]
id = "armenian-emphasis"
char = "\u055b"
becomes = "apostrophe"
next_to = ["Latin", "Cyrillic"]
lang = ["en"]
keep_lang = ["uz"]
note = "a mark of Armenian"
severity = "warning"
message = "an Armenian mark in Latin text"
examples = [
  { text = "Azerbaijan\u055bs army", expect = "Azerbaijan’s army" },
]
''',
    "repeat": '''[[repeat]]
id = "fr"
words = ["nous", "vous"]
lang = ["fr"]
note = "reflexive pronouns"
''',
    "spelling": '''[[spelling]]
id = "french-e"
same = ["", "e"]
at = "end"
note = "an ending that may be left out"
''',
    "transliteration": '''[[transliteration]]
id = "cyrillic"
script = "Cyrillic"
letters = { "ш" = "sh", "ъ" = "" }
note = "Russian letters"
''',
}


def test_every_kind_has_a_sample_with_every_field():
    assert set(SAMPLES) == set(KINDS)
    for kind in KINDS.values():
        for field in kind.fields:
            assert f"\n{field.name} = " in SAMPLES[kind.table], (kind.table, field.name)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_goes_through_export_and_import_and_is_listed(invoke, tmp_path, kind):
    source = tmp_path / "mine.toml"
    source.write_text(SAMPLES[kind], encoding="utf-8")
    written = load_rules([source], use_defaults=False).all_rules()
    assert "\n".join(rule_toml(rule) for rule in written) == SAMPLES[kind]

    listed = json.loads(invoke(["rules", "list", "--no-default-rules", "--format", "json",
                                str(source)]).stdout)
    assert [item["id"] for item in listed] == [rule.id for rule in written]
    table = invoke(["rules", "list", "--no-default-rules", str(source)]).stdout
    assert all(rule.id in table and KINDS[kind].detail(rule) in table for rule in written)

    exported = invoke(["rules", "export", "--no-default-rules", "--no-source", str(source)])
    assert exported.stdout.splitlines()[0] == ",".join(("kind", *KINDS[kind].csv_columns))
    (tmp_path / "rules.csv").write_text(exported.stdout, encoding="utf-8")
    back = tmp_path / "back.toml"
    imported = invoke(["rules", "import", str(tmp_path / "rules.csv"), "-o", str(back)])
    assert imported.exit_code == 0, imported.stderr
    again = load_rules([back], use_defaults=False).all_rules()
    assert "\n".join(rule_toml(rule) for rule in again) == SAMPLES[kind]


def test_export_of_every_kind_at_once_comes_back_whole(invoke, tmp_path):
    source = tmp_path / "all.toml"
    source.write_text("\n".join(SAMPLES.values()), encoding="utf-8")
    exported = invoke(["rules", "export", "--no-default-rules", str(source)]).stdout
    (tmp_path / "rules.csv").write_text(exported, encoding="utf-8")
    back = tmp_path / "back.toml"
    assert invoke(["rules", "import", str(tmp_path / "rules.csv"), "-o", str(back)]).exit_code == 0
    again = load_rules([back], use_defaults=False).all_rules()
    assert "\n".join(rule_toml(rule) for rule in again) == "\n".join(SAMPLES.values())
    only_names = invoke(["rules", "export", "--no-default-rules", "--kind", "name",
                         str(source)]).stdout
    assert {line.split(",")[0] for line in only_names.splitlines()[1:]} == {"name"}


def test_a_kind_s_spreadsheet_columns_carry_each_of_its_fields():
    for kind in KINDS.values():
        assert kind.csv_columns[0] == kind.key_column
        for field in kind.fields:
            assert field.form in FORMS
            assert field.csv_column in kind.csv_columns, (kind.table, field.name)
            if field.form == "examples":
                assert set(EXAMPLE_COLUMNS) <= set(kind.csv_columns)


def test_every_kind_has_its_rule_set_list_in_the_table_s_order():
    empty = RuleSet()
    assert [kind.collection for kind in KINDS.values() if hasattr(empty, kind.collection)] == \
        [kind.collection for kind in KINDS.values()]
    rules = RuleSet(**{kind.collection: [kind.table] for kind in KINDS.values()})
    assert rules.all_rules() == list(KINDS)


def test_each_step_reads_a_kind_of_the_table():
    assert set(RULE_KINDS) <= set(KINDS)


def test_a_later_layer_replaces_by_the_kind_s_key(tmp_path):
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text(SAMPLES["punctuation"] + "\n" + SAMPLES["repeat"], encoding="utf-8")
    second.write_text(SAMPLES["punctuation"].replace('"armenian-emphasis"', '"other-id"'),
                      encoding="utf-8")
    rules = load_rules([first, second], use_defaults=False)
    assert [rule.rule_id for rule in rules.punctuation] == ["other-id"]
    assert [rule.rule_id for rule in rules.repeats] == ["fr"]
    assert rules.notes == [f"{second}:1: punctuation for '\u055b' replaces the rule at {first}:1"]


@pytest.mark.parametrize("kind", [kind for kind in KINDS if "id" in KINDS[kind].unique])
def test_an_id_written_twice_in_a_layer_is_an_error(tmp_path, kind):
    path = tmp_path / "twice.toml"
    sample = SAMPLES[kind].replace("\u055b", "\u055c")
    path.write_text(SAMPLES[kind] + "\n" + sample, encoding="utf-8")
    with pytest.raises(RuleFileError) as error:
        load_rules([path], use_defaults=False)
    assert f"is already used at {path}:1; {kind} ids must be unique" in str(error.value)


def test_the_guide_lists_the_kinds_of_the_table():
    guide = (Path(__file__).parents[2] / "rules" / "README.md").read_text(encoding="utf-8")
    assert kinds_section() in guide
    assert with_section(guide) == guide
    for kind in KINDS.values():
        assert f"| `[[{kind.table}]]` | {kind.about} |" in guide


def test_list_shows_a_name_s_report_only_spellings_and_context_words(invoke, tmp_path):
    source = tmp_path / "mine.toml"
    source.write_text(SAMPLES["name"], encoding="utf-8")
    table = invoke(["rules", "list", "--no-default-rules", str(source)]).stdout
    assert "Kiev; suggest: Kijow; not after: Colonel, Mr; not before: Street" in table


@pytest.mark.parametrize(("char", "becomes"), [("\u00a0", " "), ("\u2009", " - ")])
def test_a_mark_that_is_a_space_and_what_it_becomes_keep_their_spaces(invoke, tmp_path, char,
                                                                     becomes):
    sample = SAMPLES["punctuation"].replace('"\u055b"', json.dumps(char)).replace(
        '"apostrophe"', json.dumps(becomes))
    source = tmp_path / "mine.toml"
    source.write_text(sample, encoding="utf-8")
    exported = invoke(["rules", "export", "--no-default-rules", str(source)]).stdout
    (tmp_path / "rules.csv").write_text(exported, encoding="utf-8")
    back = tmp_path / "back.toml"
    assert invoke(["rules", "import", str(tmp_path / "rules.csv"), "-o", str(back)]).exit_code == 0
    [rule] = load_rules([back], use_defaults=False).punctuation
    assert (rule.char, rule.becomes) == (char, becomes)


def test_a_user_spelling_class_replaces_the_packaged_class_it_overlaps(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[[spelling]]\nid = "my-u"\nsame = ["u", "oo"]\n', encoding="utf-8")
    rules = load_rules([mine])
    holding_u = [rule.rule_id for rule in rules.spellings if "u" in rule.same]
    assert holding_u == ["my-u"]
    assert any(note.startswith(f"{mine}:1: spelling 'my-u' replaces the rule at ")
               for note in rules.notes)


def test_a_spelling_in_two_classes_of_one_layer_is_an_error(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[[spelling]]\nid = "a"\nsame = ["ch", "tch"]\n\n'
                    '[[spelling]]\nid = "b"\nsame = ["sh", "ch"]\n\n'
                    '[[spelling]]\nid = "c"\nsame = ["", "ts"]\nat = "end"\n\n'
                    '[[spelling]]\nid = "d"\nsame = ["ts", "tz"]\n', encoding="utf-8")
    with pytest.raises(RuleFileError) as error:
        load_rules([path], use_defaults=False)
    assert error.value.problems == [
        f"{path}:5: same: 'ch' is already in 'a' at {path}:1; a spelling belongs in one "
        f"[[spelling]] only (merge the two)"]
