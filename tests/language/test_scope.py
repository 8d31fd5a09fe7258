"""A rule for one language never touches another (issue 10, point 1), through the CLI."""

from pathlib import Path

import pytest

from corpus_tools.pipeline import CleanConfig, Pipeline

SCOPE_DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "lang-scope.tsv"
ENGLISH = [
    "The talks covered the reopening of the road and the return of displaced families.",
    "Negotiators met on Monday in a hotel near the border for the first time since spring.",
    "Officials said the convoy would leave the capital early on Tuesday morning.",
]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The Latchine road is open.", "The Lachin road is open."),
        ("Le corridor de Latchine est fermé.", "Le corridor de Latchine est fermé."),
        ("Predsjednik je jučer posjetio Jerevan.", "Predsjednik je jučer posjetio Jerevan."),
        ("Der Präsident besuchte gestern Eriwan und Erevan.",
         "Der Präsident besuchte gestern Eriwan und Erevan."),
    ],
)
def test_a_lone_line_takes_its_best_guess_only_for_a_rule_of_that_language(invoke, line, expected):
    assert invoke(["clean"], input=line.encode() + b"\n").stdout == expected + "\n"
    jsonl = invoke(["clean", "--jsonl"], input=f'{{"text": "{line}"}}\n'.encode())
    assert jsonl.stdout == f'{{"text": "{expected}"}}\n'


@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize(
    "foreign",
    ["Le corridor de Latchine est fermé.", "Predsjednik je jučer posjetio Jerevan.",
     "Proteste in Eriwan, sagt Aliev.", "Протест в Ереван", "Laçın yolu açıldı",
     "Manifestation à Erevan"],
)
def test_short_foreign_lines_in_an_english_document_keep_their_spelling(invoke, foreign, blank):
    lines = [*ENGLISH[:2], foreign, "Pashinian wins vote", ENGLISH[2] + " Aliev agreed."]
    text = blank.join(line + "\n" for line in lines)
    out = invoke(["clean"], input=text.encode()).stdout
    got = [line for line in out.split("\n") if line]
    assert got[2] == foreign
    assert got[3] == "Pashinyan wins vote"
    assert got[4].endswith("Aliyev agreed.")


def test_a_skipped_match_is_an_info_finding_that_says_why(invoke):
    text = "\n".join([*ENGLISH, "Predsjednik je jučer posjetio Jerevan."]) + "\n"
    result = invoke(["clean", "--check"], input=text.encode())
    assert result.exit_code == 0  # info findings do not fail the check
    assert ("<stdin>:4:31: info lang:undecided: 'Jerevan': a rule for en "
            "(name:Yerevan) matched 'Jerevan', but the line's language was not decided; "
            "use --lang en if it is en") in result.stderr


def test_an_english_headline_corpus_passes_check_only_when_fixed(invoke):
    headlines = b"Latchine road reopens\nPashinian visits Brussels\nNew talks in Erevan\n"
    damaged = invoke(["clean", "--check"], input=headlines)
    assert damaged.exit_code == 1
    fixed = invoke(["clean"], input=headlines).stdout_bytes
    assert fixed == b"Lachin road reopens\nPashinyan visits Brussels\nNew talks in Yerevan\n"
    assert invoke(["clean", "--check"], input=fixed).exit_code == 0


def test_a_quotation_in_another_language_keeps_its_names(invoke, tmp_path):
    rules = tmp_path / "kyiv.toml"
    rules.write_text('[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\nlang = ["en"]\n'
                     'examples = [{ text = "in Kiev", expect = "in Kyiv" }]\n')
    line = "The minister told reporters in Kiev that « Kiev ne cédera pas » on Monday.\n"
    result = invoke(["unify-names", "--lang", "en", "--rules", str(rules), "--report", "-",
                     "-o", str(tmp_path / "out.txt")], input=line.encode())
    assert (tmp_path / "out.txt").read_text() == line.replace("in Kiev", "in Kyiv")
    assert '"rule": "lang:foreign-span"' in result.stdout and '"column": 44' in result.stdout


def test_detect_lang_prints_the_language_clean_uses(invoke):
    lines = [*ENGLISH, "Le corridor de Latchine est fermé.", "Latchine road reopens",
             "Predsjednik je jučer posjetio Jerevan.", "Pashinian wins vote"]
    text = "".join(f"{line} Erevan.\n" if index < 3 else f"{line}\n"
                   for index, line in enumerate(lines))
    detected = invoke(["detect-lang"], input=text.encode()).stdout.splitlines()
    cleaned = invoke(["clean"], input=text.encode()).stdout.splitlines()
    for tag, before, after in zip(detected, text.splitlines(), cleaned, strict=True):
        assert (tag.split("\t")[0] == "en") == (before != after), (tag, before)


@pytest.mark.parametrize(
    ("value", "message"),
    [("xx-unknown", "'xx-unknown' is not a language code we know"),
     ("", "needs a language code"),
     ("eng", "did you mean 'en'?"),
     ("ua", "did you mean 'uk'?")],
)
def test_lang_is_validated_like_languages(invoke, value, message):
    result = invoke(["clean", "--lang", value], input=b"x\n")
    assert result.exit_code == 2 and message in result.stderr
    assert invoke(["clean", "--languages", f"en,{value or ','}"], input=b"x\n").exit_code == (
        2 if value else 0)


def _scope_lines():
    for line in SCOPE_DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


@pytest.mark.parametrize("row", [row for row in _scope_lines() if row[0] != "en"],
                         ids=lambda row: f"{row[0]}-{row[1]}")
def test_the_benchmarks_foreign_sentences_are_never_changed(row):
    _, _, text = row
    pipeline = Pipeline()
    assert pipeline.clean(text).text == text
    facts = pipeline.facts([*ENGLISH, text])
    assert pipeline.clean(text, facts).text == text


def test_a_given_lang_still_decides(invoke):
    pipeline = Pipeline(config=CleanConfig(lang="en"))
    assert pipeline.clean("Le corridor de Latchine est fermé.").text == (
        "Le corridor de Lachin est fermé.")  # the user said English: their call


def test_stats_count_edits_kept_and_skipped_apart(invoke, tmp_path):
    rules = tmp_path / "georgia.toml"
    rules.write_text('[[name]]\ncanonical = "Kutaisi"\nvariants = ["Kutaissi"]\nlang = ["en"]\n'
                     'keep = ["Kutaissi Street"]\n', encoding="utf-8")
    lines = [*ENGLISH, "The road to Kutaissi was closed by the police on Monday.",
             "Kutaissi Street stays as it is in the old town of the city.",
             "Les habitants de Kutaissi ont manifesté devant la mairie lundi soir."]
    result = invoke(["clean", "--isolated", "--rules", str(rules), "--stats", "--check"],
                    input=("\n".join(lines) + "\n").encode())
    assert "1 edit(s), 0 suggestion(s), 1 kept, 1 skipped by language" in result.stderr
    assert "info name:kept: 'Kutaissi'" in result.stderr
    assert "info lang:skipped: 'Kutaissi': name:Kutaisi is for en; the line is fr" in result.stderr


GEORGIA_RULES = ('[[name]]\ncanonical = "Kutaisi"\nvariants = ["Kutaissi"]\nlang = ["en"]\n\n'
                 '[[name]]\ncanonical = "Abkhazia"\nvariants = ["Abchasien"]\nlang = ["en"]\n')


@pytest.mark.parametrize(
    ("line", "expected", "kept"),
    [
        ("The mayor of Kutaissi said: « Les habitants de Kutaissi ne quitteront jamais leur "
         "ville » and left.",
         "The mayor of Kutaisi said: « Les habitants de Kutaissi ne quitteront jamais leur "
         "ville » and left.", "Kutaissi"),
        ("In Abchasien, he said „Abchasien wird niemals aufgegeben, das ist sicher“ to us.",
         "In Abkhazia, he said „Abchasien wird niemals aufgegeben, das ist sicher“ to us.",
         "Abchasien"),
        ("In Abchasien, he said ‚Abchasien wird niemals aufgegeben, das ist sicher‘ to us.",
         "In Abkhazia, he said ‚Abchasien wird niemals aufgegeben, das ist sicher‘ to us.",
         "Abchasien"),
    ],
)
def test_an_english_line_quoting_another_language_is_fixed_outside_the_quotation(
        invoke, tmp_path, line, expected, kept):
    rules = tmp_path / "georgia.toml"
    rules.write_text(GEORGIA_RULES, encoding="utf-8")
    text = "\n".join([*ENGLISH, line]) + "\n"
    result = invoke(["clean", "--isolated", "--rules", str(rules), "--check"], input=text.encode())
    assert result.exit_code == 1
    assert result.stderr.count("lang:foreign-span") == 1 and f"'{kept}'" in result.stderr
    fixed = invoke(["clean", "--isolated", "--rules", str(rules)], input=text.encode())
    assert fixed.stdout.splitlines()[-1] == expected


def test_a_lone_record_the_identifier_cannot_tell_is_undecided(invoke):
    result = invoke(["clean", "--jsonl", "--check"], input=b'{"text": "Pashinian meets Aliev."}\n')
    assert result.stderr.count("info lang:undecided") == 2 and "use --lang en" in result.stderr
