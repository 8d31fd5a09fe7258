"""``rules suggest``: each grouping method with names that must and must not group, the draft."""

import json
from pathlib import Path

import pytest

from corpus_tools.rules.loader import load_rules
from corpus_tools.tasks.suggest import (
    Collector,
    SpellingIndex,
    close_keys,
    fingerprint,
    group_spellings,
)

INDEX = SpellingIndex.from_rules(load_rules())


def _groups(text: str, rules=()):
    collector = Collector(lang="en")
    for number, line in enumerate(text.splitlines(), 1):
        collector.add_text(line, "en", ("corpus.txt", number))
    return group_spellings(collector.spellings.values(), INDEX, rules)


def _grouped(text: str, rules=()) -> list[set[str]]:
    return [{s.form for s in group.spellings} for group in _groups(text, rules)]


def _mentions(*names: str) -> str:
    return "\n".join(f"On Monday officials said {name} spoke." for name in names)


@pytest.mark.parametrize(
    ("method", "names"),
    [
        ("fingerprint", ["Nagorno-Karabakh", "Nagorno Karabakh", "NAGORNO-KARABAKH"]),
        ("fingerprint", ["Şuşa", "Susa"]),
        ("spelling", ["Pashinyan", "Pachinian", "Pashiniane"]),
        ("spelling", ["Lachin", "Latchine"]),
        ("spelling", ["Aliyev", "Aliev", "Əliyev"]),
        ("spelling", ["Gyumri", "Goumri"]),
        ("spelling", ["Shakhramanyants", "Shakhramanyan"]),
        ("spelling", ["Shakhramanyan", "Shahramanyan"]),
        ("edit-distance", ["Shakhramanyan", "Shakharamanyan"]),
    ],
)
def test_methods_group_spellings_of_one_name(method, names):
    groups = _groups(_mentions(*names))
    assert len(groups) == 1
    assert {s.form for s in groups[0].spellings} == set(names)
    assert method in groups[0].methods


@pytest.mark.parametrize(
    "names",
    [
        ["Aliyev", "Aliyeva"],  # a woman's form is another name
        ["Armenia", "Armenian"],
        ["Pskov", "Peskov"],
        ["Artsakh", "Karabakh"],
        ["Georgia", "Georgian"],
        ["Ivanov", "Ivanova"],
        ["Georgian", "Gevorgyan"],
    ],
)
def test_different_names_are_never_grouped(names):
    assert _grouped(_mentions(*names)) == []


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("shakhramanyan", "shakharamanyan", True),
        ("pskov", "peskov", False),  # too short to tell a typo from another name
        ("aliev", "alieva", False),
        ("armenyan", "armenyans", False),  # an ending, not a spelling
        ("stepanakert", "stepanakerd", False),  # a consonant: another name, as far as we know
        ("georgyan", "gevorgyan", False),
    ],
)
def test_edit_distance_rule(a, b, close):
    assert close_keys(a, b) is close


def test_fingerprint_folds_case_diacritics_and_separators():
    assert fingerprint("Nagorno-Karabakh") == fingerprint("nagorno karabakh") == "nagornokarabakh"
    assert fingerprint("Stépanakert") == fingerprint("Stepanakert")


def test_cross_script_spellings_are_shown_for_review_only():
    text = _mentions("Stepanakert", "Stepanakert", "Степанакерт", "Ստեփանակերտ")
    groups = _groups(text)
    assert len(groups) == 1
    assert {s.form for s in groups[0].cross_script} == {"Степанакерт", "Ստեփանակերտ"}
    assert groups[0].new_spellings() == []  # nothing under suggest: review only


def test_sentence_initial_words_are_not_names():
    assert _grouped("However the talks went on.\nHowever, Lachin stayed closed.") == []


def test_known_names_are_left_out_and_new_spellings_are_additions():
    rules = load_rules().names
    assert _grouped(_mentions("Lachin", "Latchine"), rules) == []  # covered completely
    groups = _groups(_mentions("Pashinyan", "Pachiniane"), rules)
    assert [g.rule.canonical for g in groups] == ["Pashinyan"]
    assert [s.form for s in groups[0].new_spellings()] == ["Pachiniane"]


def test_a_phrase_whose_words_group_on_their_own_is_not_repeated():
    groups = _grouped(_mentions("Nikol Pashinyan", "Nikol Pachinian"))
    assert {"Nikol Pashinyan", "Nikol Pachinian"} not in groups


CORPUS = """Prime Minister Nikol Pashinyan met the delegation in Yerevan on Monday.
The talks with Pachinian and Aliyev covered the corridor, said Goumri officials.
In Yerevan, Shakhramanyants said the road to Gyumri would reopen.
Officials said Shakharamanyan, Aliyeva and Shakhramanyants met in Goumri and Gyumri.
"""


def test_the_draft_passes_rules_check_and_rules_test(invoke, tmp_path):
    corpus = tmp_path / "corpus.txt"
    corpus.write_text(CORPUS, encoding="utf-8")
    draft = tmp_path / "draft.toml"
    result = invoke(["rules", "suggest", "--min-count", "1", str(corpus), "-o", str(draft)])
    assert result.exit_code == 0, result.stderr
    text = draft.read_text(encoding="utf-8")
    assert 'canonical = "Gyumri"' in text and 'suggest = ["Goumri"]' in text
    assert "# add to " in text and "(name:Shahramanyan)" in text
    assert not [line for line in text.splitlines()
                if line.startswith("suggest") and "Aliyeva" in line]  # never Aliyev's spelling
    assert invoke(["rules", "check", str(draft)]).exit_code == 0
    tested = invoke(["rules", "test", str(draft)])
    assert tested.exit_code == 0, tested.stdout + tested.stderr
    # an existing draft is not overwritten
    again = invoke(["rules", "suggest", "--min-count", "1", str(corpus), "-o", str(draft)])
    assert again.exit_code == 2


def test_csv_goes_back_through_rules_import(invoke, tmp_path):
    corpus = tmp_path / "corpus.txt"
    corpus.write_text(CORPUS, encoding="utf-8")
    csv_text = invoke(["rules", "suggest", "--min-count", "1", "--format", "csv",
                       str(corpus)]).stdout
    assert csv_text.startswith("kind,canonical,variant,treatment")
    (tmp_path / "review.csv").write_text(csv_text, encoding="utf-8")
    imported = tmp_path / "imported.toml"
    result = invoke(["rules", "import", str(tmp_path / "review.csv"), "-o", str(imported)])
    assert result.exit_code == 0, result.stderr
    assert invoke(["rules", "check", str(imported)]).exit_code == 0


def test_tsv_json_and_near(invoke, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"text": line}) + "\n" for line in CORPUS.splitlines()),
                      encoding="utf-8")
    tsv = invoke(["rules", "suggest", "--jsonl", "--min-count", "1", "--format", "tsv",
                  str(corpus)]).stdout.splitlines()
    assert tsv[0] == "variant\tcanonical\tlang\tcount"
    assert "Goumri\tGyumri\ten\t2" in tsv
    groups = json.loads(invoke(["rules", "suggest", "--jsonl", "--min-count", "1", "--format",
                                "json", str(corpus)]).stdout)
    assert {"canonical", "methods", "new", "spellings", "cross_script"} <= set(groups[0])
    near = invoke(["rules", "suggest", "--jsonl", "--min-count", "1", "--near", "Shahramanyan",
                   str(corpus)]).stdout.splitlines()
    assert [row.split("\t")[0] for row in near] == ["Shakhramanyants", "Shakharamanyan"]
    assert near[0].split("\t")[1] == "2"


def test_min_count_leaves_out_rare_spellings(invoke, tmp_path):
    corpus = tmp_path / "corpus.txt"
    corpus.write_text(CORPUS, encoding="utf-8")
    assert "Goumri" in invoke(["rules", "suggest", "--min-count", "2", str(corpus)]).stdout
    assert "Goumri" not in invoke(["rules", "suggest", "--min-count", "3", str(corpus)]).stdout


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[[spelling]]\nid = "x"\nsame = ["Tch"]\n', "two or more lower-case spellings"),
        ('[[spelling]]\nid = "x"\nsame = ["e", ""]\nat = "end"\n', "goes first"),
        ('[[spelling]]\nid = "x"\nsame = ["", "e"]\n', 'only allowed with at = "end"'),
        ('[[spelling]]\nid = "x"\nsame = ["a", "b"]\nat = "middle"\n', "must be one of"),
        ('[[transliteration]]\nid = "x"\nscript = "Cyrilic"\nletters = { "а" = "a" }\n',
         "did you mean 'Cyrillic'"),
        ('[[transliteration]]\nid = "x"\nscript = "Cyrillic"\nletters = { "а" = "á" }\n',
         "plain ASCII"),
    ],
)
def test_bad_spelling_tables_name_file_line_and_field(invoke, tmp_path, table, message):
    path = tmp_path / "spellings.toml"
    path.write_text(table, encoding="utf-8")
    result = invoke(["rules", "check", "--no-default-rules", str(path)])
    assert result.exit_code == 2
    assert f"{path}:" in result.stderr and message in result.stderr


def test_the_default_spellings_table_is_consistent():
    rules = load_rules()
    seen = {}
    for rule in rules.spellings:
        if rule.at == "anywhere":
            for item in rule.same:
                assert item not in seen, f"{item!r} is in {seen.get(item)} and {rule.id}"
                seen[item] = rule.id
    assert {rule.script for rule in rules.transliterations} == {"Cyrillic", "Armenian", "Georgian"}
    assert Path(rules.spellings[0].source.file).name == "spellings.toml"


@pytest.mark.parametrize(
    ("plain", "with_signs"),
    [
        ("Kovalskyy", "Kovalʹsʹkyy"),  # the modifier prime of scientific and GOST
        ("Kovalskyy", "Koval's'kyy"),  # an apostrophe for it
        ("Uman", "Umanʼ"),  # the modifier apostrophe
        ("Kutaisi", "Kʻutʻaisi"),  # the turned comma of Georgian aspiration
    ],
)
def test_soft_signs_and_modifier_letters_meet_their_plain_forms(plain, with_signs):
    assert fingerprint(plain) == fingerprint(with_signs)
    assert _grouped(_mentions(plain, plain, with_signs)) == [{plain, with_signs}]


def test_a_name_opening_a_sentence_is_kept_and_flagged():
    groups = _groups("Pachinian rejected the claims.\nOfficials said Pashinyan spoke.\n"
                     "Officials said Pashinyan left.")
    assert [{s.form for s in g.spellings} for g in groups] == [{"Pashinyan", "Pachinian"}]
    assert {s.form: s.only_initial for s in groups[0].spellings} == {
        "Pashinyan": False, "Pachinian": True}


def test_mojibake_is_repaired_before_counting():
    collector = Collector(lang="en")
    collector.add_text("Officials said Ivanishviliâ€™s plan failed.", "en", ("c.txt", 1))
    collector.add_text("Officials said Ivanishvili spoke.", "en", ("c.txt", 2))
    assert {form: s.count for form, s in collector.spellings.items()} == {"Officials": 2,
                                                                          "Ivanishvili": 2}


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        (_mentions("Kutaisi", "Kutaisi", "Kutaissi"), "Kutaisi"),  # the form used more
        # a tie: the one more often mid-sentence, not the later in the alphabet
        ("Kutaissi rejected it.\n" + _mentions("Kutaisi"), "Kutaisi"),
        (_mentions("Kʻutʻaisi", "Kutaisi"), "Kutaisi"),  # a tie: plain letters
    ],
)
def test_the_canonical_is_the_form_most_used(text, canonical):
    assert [g.canonical for g in _groups(text)] == [canonical]


def test_the_drafted_rule_says_the_languages_its_spellings_were_seen_in():
    from corpus_tools.tasks.suggest import draft_rules

    collector = Collector()
    collector.add_text("Officials said Kutaisi spoke.", "en", ("c.txt", 1))
    collector.add_text("Les officiels ont dit que Koutaïssi parlait.", "fr", ("c.txt", 2))
    collector.add_text("Officials said Kutaisi left.", "en", ("c.txt", 3))
    groups = group_spellings(collector.spellings.values(), INDEX)
    assert [(r.canonical, r.suggest, r.lang) for r in draft_rules(groups)] == [
        ("Kutaisi", ("Koutaïssi",), ("en", "fr"))]


@pytest.mark.parametrize(
    "names",
    [
        ["Kuznetsov", "Kuznecov", "Kouznetsov"],
        ["Abramchuk", "Abramtschuk", "Abramčuk"],
        ["Vasylenko", "Wasylenko"],
    ],
)
def test_the_phonetic_method_joins_scheme_spellings(names):
    groups = _groups(_mentions(*names))
    assert [{s.form for s in g.spellings} for g in groups] == [set(names)]
    assert "phonetic" in groups[0].methods


@pytest.mark.parametrize(
    "names",
    [
        ["Haievska", "Haievskyi"],  # feminine and masculine: one vowel apart in the key
        ["Kovalska", "Kovalskyi"],
        ["Ivanov", "Ivanova"],
    ],
)
def test_no_method_joins_a_feminine_form_to_its_masculine(names):
    assert _grouped(_mentions(*names)) == []


def test_a_soft_sign_before_a_hyphen_stays_inside_the_name():
    assert _grouped(_mentions("Ust-Kut", "Ust-Kut", "Ust'-Kut")) == [{"Ust-Kut", "Ust'-Kut"}]
