"""One test per error kind: each message names the file, the line and the field."""

import textwrap

import pytest

from corpus_tools.rules.loader import RuleFileError, load_rules


def load(tmp_path, text, name="rules.toml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return load_rules([path], use_defaults=False), path


def problems(tmp_path, text):
    with pytest.raises(RuleFileError) as caught:
        load(tmp_path, text)
    return caught.value.problems


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ('[[name]]\ncanonical = "A"\nvariants = ["B",\n  "C"\n\n[[name]]\ncanonical = "D"\n',
         3, "never closed"),
        ('[[name]]\ncanonical = "A\nvariants = ["B"]\n', 2, "closing quote"),
        ('[[name]]\ncanonical = "A"\ncanonical = "B"\nvariants = ["C"]\n', 3, "written twice"),
        ('[[name]]\ncanonical = "A"\nvariants = ["B"]\nvarients = ["C"]\n', 4,
         "varients: unknown field in [[name]]; did you mean 'variants'?"),
        ('[[name]]\nvariants = ["B"]\n', 1, "canonical: missing"),
        ('[[name]]\ncanonical = "A"\nvariants = ["B", ""]\n', 3, "variants: has an empty variant"),
        ('[[name]]\ncanonical = "A"\nvariants = ["B"]\nfix = "maybe"\n', 4, "fix: must be"),
        ('[[name]]\ncanonical = "A"\nvariants = ["B"]\nlang = "english"\n', 4, "lang: in [[name]]"),
        ('[[artifact]]\nid = "x"\npattern = "(unclosed"\n', 3, "pattern: a bracket ( opened"),
        ('[[artifact]]\npattern = "x"\n', 1, "id: missing"),
        ('[[names]]\ncanonical = "A"\n', 1, "names: unknown table; did you mean 'name'?"),
        ('[[punctuation]]\nid = "x"\nchar = "ab"\n', 3, "char: must be one character, not 2"),
        ('[[punctuation]]\nchar = "x"\n', 1, "id: missing"),
        ('[[punctuation]]\nid = "x"\nchar = "՛"\nnext_to = ["Latn"]\n', 4,
         "Latn: unknown script in next_to; did you mean 'Latin'?"),
        ('[[punctuation]]\nid = "x"\nchar = "՛"\nkeep_lang = "uzbek"\n', 4, "keep_lang: in"),
        ('[[punctuation]]\nid = "x"\nchar = "՛"\nbecomes = 1\n', 4, "becomes: must be text"),
        # Templates and patterns that used to pass `rules check` and crash at run time.
        ('[[artifact]]\nid = "x"\npattern = \'(a)\'\nreplace = "\\\\9"\n', 4,
         "replace: refers to group 9, but the pattern has 1 group(s)"),
        ("[[artifact]]\nid = \"x\"\npattern = '(?P<yes>a)'\nreplace = '\\g<nope>'\n", 4,
         "replace: refers to group 'nope'"),
        ("[[artifact]]\nid = \"x\"\npattern = 'a'\nreplace = 'b\\'\n", 4,
         "replace: is not a valid replacement"),
        ("[[artifact]]\nid = \"x\"\npattern = '(?R)?x'\nreplace = ''\n", 3,
         "pattern: calls itself recursively"),
        ("[[artifact]]\nid = \"x\"\npattern = '(a(?1)?b)'\n", 3, "pattern: calls itself"),
        ('[[artifact]]\nid = "x"\npattern = "a"\nseverity = "fatal"\n', 4,
         "severity: must be one of error, warning, info"),
        ('[[artifact]]\nid = "x"\npattern = "a"\nrequires = [1]\n', 4, "requires: must be"),
        ("x = " + "[" * 2000 + "]" * 2000 + "\n", 1, "nested too deep"),
    ],
)
def test_errors_name_file_line_and_field(tmp_path, text, line, expected):
    found = problems(tmp_path, text)
    assert any(p.startswith(f"{tmp_path / 'rules.toml'}:{line}: ") and expected in p for p in found), found


def test_variant_of_two_canonicals_names_both_places(tmp_path):
    found = problems(tmp_path, """
        [[name]]
        canonical = "Lachin"
        variants = ["Latchin"]

        [[name]]
        canonical = "Lachine"
        variants = ["Latchin"]
    """)
    assert any(":5: variants: 'Latchin'" in p and "rules.toml:1" in p for p in found), found


def test_variant_in_two_rules_with_other_languages_is_fine(tmp_path):
    rules, _ = load(tmp_path, """
        [[name]]
        canonical = "Lachin"
        variants = ["Latchin"]
        lang = ["en"]

        [[name]]
        canonical = "Latchine"
        variants = ["Latchin"]
        lang = ["fr"]
    """)
    assert len(rules.names) == 2


def test_chain_is_an_error(tmp_path):
    found = problems(tmp_path, """
        [[name]]
        canonical = "A"
        variants = ["B"]

        [[name]]
        canonical = "B"
        variants = ["C"]
    """)
    assert any(":5: canonical: 'B' is also a variant of 'A'" in p for p in found), found


def test_duplicate_artifact_id_names_both_places(tmp_path):
    found = problems(tmp_path, """
        [[artifact]]
        id = "todo"
        pattern = "TODO"

        [[artifact]]
        id = "todo"
        pattern = "TBD"
    """)
    assert any(":5: id: 'todo' is already used at" in p and "rules.toml:1" in p for p in found)


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    found = problems(tmp_path, '[[name]]\nvariants = ["B"]\n\n[[artifact]]\nid = "x"\npattern = "("\n')
    assert len(found) == 2


def test_later_layer_replaces_an_entity_whole(tmp_path):
    override = tmp_path / "mine.toml"
    override.write_text('[[name]]\ncanonical = "Lachin"\nvariants = ["Lachine"]\n', encoding="utf-8")
    rules = load_rules([override])
    lachin = [rule for rule in rules.names if rule.canonical == "Lachin"]
    assert [rule.variants for rule in lachin] == [("Lachine",)]
    assert any("replaces the rule at" in note for note in rules.notes)


def test_file_lang_is_the_default_scope(tmp_path):
    rules, _ = load(tmp_path, """
        [file]
        lang = ["en"]

        [[name]]
        canonical = "A"
        variants = ["B"]

        [[name]]
        canonical = "C"
        variants = ["D"]
        lang = ["fr"]
    """)
    assert [rule.lang for rule in rules.names] == [("en",), ("fr",)]


def test_a_rule_without_examples_is_a_warning(tmp_path):
    rules, _ = load(tmp_path, '[[name]]\ncanonical = "A"\nvariants = ["B"]\n')
    assert len(rules.warnings) == 1
    assert "rules.toml:1: name:A has no examples" in rules.warnings[0]


def test_two_punctuation_rules_for_one_character_name_both_places(tmp_path):
    found = problems(tmp_path, """
        [[punctuation]]
        id = "a"
        char = "՛"

        [[punctuation]]
        id = "b"
        char = "\\u055B"
    """)
    assert found == [f"{tmp_path / 'rules.toml'}:5: char: U+055B already has a rule at "
                     f"{tmp_path / 'rules.toml'}:1; keep one rule per character"]


def test_later_layer_replaces_a_punctuation_rule_for_the_same_character(tmp_path):
    (tmp_path / "mine.toml").write_text('[[punctuation]]\nid = "mine"\nchar = "\\u055B"\nbecomes = "\'"\n',
                                        encoding="utf-8")
    rules = load_rules([tmp_path / "mine.toml"])
    emphasis = [rule for rule in rules.punctuation if rule.char == "\u055b"]
    assert [(rule.rule_id, rule.becomes) for rule in emphasis] == [("mine", "'")]


def test_group_references_the_pattern_has_pass(tmp_path):
    rules, _ = load(tmp_path, """
        [[artifact]]
        id = "x"
        pattern = '(?P<word>a)(b)'
        replace = '\\g<word>\\2\\g<1>'
        examples = [{ text = "ab", expect = "aba" }]
    """)
    (rule,) = rules.artifacts
    assert rule.compiled.sub(rule.replace, "ab") == "aba"
