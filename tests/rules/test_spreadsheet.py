"""Rules through a spreadsheet: every kind and field out and back, errors at CSV rows."""

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_tools.rules.loader import load_rules
from corpus_tools.rules.model import Example, NameRule, Source
from corpus_tools.rules.spreadsheet import (
    CsvRuleError,
    decode_spreadsheet,
    export_csv,
    import_csv,
    sniff_delimiter,
)
from corpus_tools.rules.writer import rules_toml
from corpus_tools.tasks.rule_files import imported_toml

HEADER = "kind,canonical,variant,treatment"


def _imported(text: str) -> str:
    return imported_toml(import_csv(text, "names.csv", sniff_delimiter(text)))[0]


def _libreoffice(csv_text: str) -> bytes:
    """What LibreOffice writes back: every cell quoted, CRLF, Windows-1252 where it can."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerows(csv.reader(io.StringIO(csv_text)))
    try:
        return out.getvalue().encode("cp1252")
    except UnicodeEncodeError:
        return out.getvalue().encode("utf-8")


def test_the_starter_survives_a_spreadsheet_and_passes_its_own_tests(invoke, tmp_path):
    assert invoke(["rules", "init", str(tmp_path / "mine")]).exit_code == 0
    exported = invoke(["rules", "export", "--no-default-rules", str(tmp_path / "mine")])
    assert exported.exit_code == 0
    assert "'" not in exported.stdout.split("\n", 1)[0]
    (tmp_path / "names.csv").write_bytes(_libreoffice(exported.stdout))
    out = tmp_path / "names.toml"
    result = invoke(["rules", "import", str(tmp_path / "names.csv"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    before = load_rules([tmp_path / "mine"], use_defaults=False)
    after = load_rules([out], use_defaults=False)
    assert [rule.summary() | {"file": "", "line": 0} for rule in after.all_rules()] == \
        [rule.summary() | {"file": "", "line": 0} for rule in before.all_rules()]
    tested = invoke(["rules", "test", "--no-default-rules", str(out)])
    assert tested.exit_code == 0, tested.stdout
    assert " 0 failed" in tested.stdout


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (f"{HEADER}\nname,,Kiev,replace\n", "row 2, column canonical"),
        (f"{HEADER}\nname,Kyiv,Kiev,swap\n", "row 2, column treatment: 'swap': write replace"),
        (f"{HEADER},lang\nname,Kyiv,Kiev,replace,eng\n",
         "row 2, column lang: lang 'eng' is not a language code we know; did you mean 'en'?"),
        ("kind,canonical,variant\nname,Kyiv,Kiev\n", "missing column(s) treatment"),
        (f"{HEADER},lang\nname,Kyiv,Kiev,replace,en\nname,Kyiv,Kijev,replace,de\n",
         "row 3, column lang: name 'Kyiv' has 'en' on row 2 and 'de' on row 3; rows of one rule "
         "must agree"),
        (f"{HEADER},note\nname,Kyiv,Kiev,replace,a city\nname,Kyiv,,,the capital\n",
         "row 3, column note: name 'Kyiv' has 'a city' on row 2 and 'the capital' on row 3"),
        (f"{HEADER},pattern\nname,Kyiv,Kiev,replace,x+\n",
         "row 2, column pattern: a name rule has no pattern; leave the cell empty"),
        (f"{HEADER}\nnames,Kyiv,Kiev,replace\n", "row 2, column kind: 'names' is not a kind"),
        (f"{HEADER},example,expect\nname,Kyiv,Kiev,replace,,in Kyiv\n",
         "row 2, column expect: an expect with no example"),
        ("kind,id,same\nspelling,ou-u,u | ou\nspelling,ou-u,u | ou\nspelling,,x\n",
         "row 4, column id: is empty; write the rule's id"),
        ("kind,id,script,letters\ntransliteration,cyr,Cyrillic,ш-sh\n",
         "row 2, column letters: 'ш-sh': write each letter as letter=latin"),
    ],
)
def test_import_errors_name_row_and_column(rows, message):
    with pytest.raises(CsvRuleError) as error:
        import_csv(rows, "names.csv")
    assert message in str(error.value)


def test_rows_of_one_rule_add_up_spellings_examples_and_phrases():
    text = (f"{HEADER},keep,example,expect\n"
            "name,Kyiv,Kiev,replace,Kiev Street,in Kiev,in Kyiv\n"
            "name,Kyiv,Kijow,suggest,(formerly {variant}),on Kiev Street,\n")
    assert _imported(text) == (
        '[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\nsuggest = ["Kijow"]\n'
        'keep = ["Kiev Street", "(formerly {variant})"]\nexamples = [\n'
        '  { text = "in Kiev", expect = "in Kyiv" },\n  { text = "on Kiev Street" },\n]\n')


@pytest.mark.parametrize("note", ['=HYPERLINK("x")', "+1", "-1 from the list", "@user",
                                  "'=already quoted", "'s-Hertogenbosch"])
def test_cells_a_spreadsheet_would_evaluate_go_out_quoted_and_come_back(tmp_path, note):
    source = tmp_path / "a.toml"
    source.write_text(rules_toml([NameRule("Kyiv", ("Kiev",), Source("x", 1), note=note)]))
    exported = export_csv(load_rules([source], use_defaults=False).names, with_source=False)
    cell = next(csv.DictReader(io.StringIO(exported)))["note"]
    assert not cell.startswith(("=", "+", "-", "@"))
    back = tmp_path / "back.toml"
    back.write_text(_imported(exported))
    assert load_rules([back], use_defaults=False).names[0].note == note


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzàéşəКиев", min_size=1, max_size=8).map(
    str.capitalize)


@st.composite
def name_rules(draw):
    count = draw(st.integers(min_value=1, max_value=3))
    canonicals = draw(st.lists(_WORD, min_size=count, max_size=count, unique=True))
    rules, used = [], set(canonicals)
    for canonical in canonicals:
        spellings = [w for w in draw(st.lists(_WORD, min_size=1, max_size=4, unique=True))
                     if w not in used]
        used.update(spellings)
        if not spellings:
            continue
        split = draw(st.integers(min_value=1, max_value=len(spellings)))
        examples = tuple(Example(f"in {v}", f"in {canonical}", Source("x", 1),
                                 lang=draw(st.sampled_from([None, "en", "fr"])))
                         for v in draw(st.lists(st.sampled_from(spellings[:split]), max_size=2)))
        examples += tuple(Example(f"old {v}", None, Source("x", 1), finds=v)
                          for v in spellings[split:split + 1])
        rules.append(NameRule(
            canonical, tuple(spellings[:split]), Source("x", 1),
            lang=draw(st.sampled_from([None, ("en",), ("en", "fr")])),
            keep=tuple(f"{v} Street" for v in spellings[:1] if draw(st.booleans())),
            note=draw(st.sampled_from(["", "a note, with a comma", 'a "quoted" note', "=1+1"])),
            examples=examples, suggest=tuple(spellings[split:]),
            not_after=tuple(draw(st.sampled_from([(), ("Colonel",), ("Mr", "Dr")]))),
            not_before=tuple(draw(st.sampled_from([(), ("Street",)]))),
            ignore_case=draw(st.booleans()),
            severity=draw(st.sampled_from([None, "warning"]))))
    return rules


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name_rules())
def test_export_a_spreadsheet_s_rewrite_and_import_keep_every_field_of_a_name_rule(tmp_path_factory, rules):
    folder = tmp_path_factory.mktemp("rt")
    first = folder / "a.toml"
    first.write_text(rules_toml(rules))
    loaded = load_rules([first], use_defaults=False).names
    exported = export_csv(loaded, with_source=False)
    second = folder / "b.toml"
    second.write_text(_imported(decode_spreadsheet(_libreoffice(exported), "x.csv")[0]))
    again = load_rules([second], use_defaults=False).names
    assert rules_toml(again) == rules_toml(loaded)
    assert export_csv(again, with_source=False) == exported
    assert next(csv.reader(io.StringIO(exported)))[0] == "kind"
