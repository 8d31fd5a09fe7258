"""clean with language-scoped rules, detect-lang and filter-lang, through the CLI."""

import json
from collections import Counter

import pytest

EN = "The talks covered the reopening of the Latchine road and the return of displaced families."
FR = "Les négociations ont porté sur la réouverture de la route de Latchine et le retour des familles."
EN_UNIFIED = EN.replace("Latchine", "Lachin")
RU = "Переговоры продолжатся в Женеве на следующей неделе, сообщили в министерстве."


@pytest.mark.parametrize("unit", ["line", "paragraph"])
def test_french_keeps_latchine_while_english_is_unified(invoke, unit):
    text = f"{EN}\n\n{FR}\n"
    result = invoke(["clean", "--lang-unit", unit], input=text.encode())
    assert result.stdout.splitlines() == [EN_UNIFIED, "", FR]


def test_jsonl_records_each_have_their_language(invoke):
    lines = [json.dumps({"text": EN}), json.dumps({"text": FR})]
    out = invoke(["unify-names", "--jsonl"], input=("\n".join(lines) + "\n").encode()).stdout
    assert [json.loads(line)["text"] for line in out.splitlines()] == [EN_UNIFIED, FR]


def test_a_short_english_line_in_an_english_document_is_english(invoke):
    text = f"{EN}\n{EN}\nLatchine too.\n"
    out = invoke(["unify-names", "--lang-unit", "line"], input=text.encode()).stdout
    assert out.splitlines()[2] == "Lachin too."


def test_a_short_line_in_a_french_document_is_french(invoke):
    text = f"{FR}\n{FR}\nLatchine aussi.\n"
    out = invoke(["unify-names", "--lang-unit", "line"], input=text.encode()).stdout
    assert out.splitlines()[2] == "Latchine aussi."


def test_lang_skips_detection(invoke):
    out = invoke(["unify-names", "--lang", "en"], input=f"{FR}\n".encode()).stdout
    assert out == FR.replace("Latchine", "Lachin") + "\n"


def test_bad_languages_and_backends_are_usage_errors(invoke):
    result = invoke(["clean", "--languages", "english1"], input=b"x\n")
    assert result.exit_code == 2 and "not a language code" in result.stderr
    result = invoke(["clean", "--lang-backend", "langdetect", "--languages", "en,hy,az"], input=b"x\n")
    assert result.exit_code == 2 and "langdetect cannot identify az" in result.stderr


def test_lingua_without_the_extra_names_it(invoke, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_lingua(name, *args, **kwargs):
        if name == "lingua":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_lingua)
    from corpus_tools.language import backends
    backends._lingua_detector.cache_clear()
    result = invoke(["detect-lang", "--lang-backend", "lingua", "--languages", "en,fr"], input=b"x\n")
    assert result.exit_code == 2
    assert "pip install '.[lingua]'" in result.stderr


# --- detect-lang ---------------------------------------------------------------------

def test_detect_lang_text_is_line_aligned(invoke):
    text = f"{EN}\r\n\r\n{FR}\r\nok\n{RU}".encode()  # CRLF, a blank line, no final newline
    out = invoke(["detect-lang", "--languages", "en,fr,ru"], input=text).stdout_bytes
    rows = [row.split(b"\t") for row in out.splitlines()]
    assert len(rows) == 5
    assert [row[0] for row in rows] == [b"en", b"und", b"fr", b"en", b"ru"]
    assert rows[1][1] == b"0.00" and float(rows[0][1]) > 0.9


def test_detect_lang_jsonl_adds_fields_and_keeps_the_rest(invoke):
    line = '{"id":7,  "text": "' + FR + '", "n": 1.50}'
    out = invoke(["detect-lang", "--jsonl", "--lang-field", "language"], input=(line + "\n").encode()).stdout
    assert out.startswith(line[:-1] + ', "language": "fr", "lang_score": ')
    assert json.loads(out)["language"] == "fr"


def test_detect_lang_tsv_gives_a_pair_per_column(invoke):
    out = invoke(["detect-lang", "--tsv", "--column", "1", "--column", "2"],
                 input=f"{EN}\t{RU}\n".encode()).stdout
    assert out.split("\t")[0::2] == ["en", "ru"]


def test_detect_lang_summary(invoke, tmp_path):
    path = tmp_path / "mix.txt"
    path.write_text(f"{EN}\n{EN}\n{FR}\n{RU}\n", encoding="utf-8")
    out = invoke(["detect-lang", "--summary", str(path)]).stdout
    assert out.splitlines() == ["file\tlang\trecords\tshare", f"{path}\ten\t2\t50.0%",
                                f"{path}\tfr\t1\t25.0%", f"{path}\tru\t1\t25.0%"]


# --- filter-lang ---------------------------------------------------------------------

def test_filter_lang_output_and_rejected_hold_every_record_once(invoke, tmp_path):
    lines = [EN, FR, RU, "", "ok", EN, FR]
    source = tmp_path / "in.txt"
    source.write_bytes(("\n".join(lines) + "\n").encode())
    kept, rejected = tmp_path / "kept.txt", tmp_path / "rejected.txt"
    result = invoke(["filter-lang", "--keep", "en", str(source), "-o", str(kept),
                     "--rejected", str(rejected)])
    assert result.exit_code == 0
    kept_lines = kept.read_bytes().splitlines(keepends=True)
    rejected_lines = rejected.read_bytes().splitlines(keepends=True)
    assert Counter(kept_lines + rejected_lines) == Counter(source.read_bytes().splitlines(keepends=True))
    assert kept_lines == [f"{EN}\n".encode(), b"ok\n", f"{EN}\n".encode()]
    assert "kept 3, rejected 4 of 7 record(s) (rejected: fr 2, ru 1, und 1)" in result.stderr


def test_filter_lang_tsv_keeps_a_row_only_when_every_column_holds(invoke):
    rows = [f"{EN}\t{FR}", f"{EN}\t{RU}", f"{FR}\t{FR}"]
    out = invoke(["filter-lang", "--tsv", "--column", "2", "--keep", "fr", "--column", "1",
                  "--keep", "en"], input=("\n".join(rows) + "\n").encode()).stdout
    assert out.splitlines() == [rows[0]]


def test_filter_lang_min_score(invoke):
    out = invoke(["filter-lang", "--keep", "en", "--min-score", "0.5"],
                 input=f"{EN}\nok\n".encode()).stdout
    assert out.splitlines() == [EN]  # "ok" inherits English, with no score of its own


def test_filter_lang_mismatched_keeps_is_a_usage_error(invoke):
    result = invoke(["filter-lang", "--tsv", "--column", "1", "--column", "2", "--column", "3",
                     "--keep", "en", "--keep", "fr"], input=b"a\tb\tc\n")
    assert result.exit_code == 2 and "one --keep per --column" in result.stderr


# --- foreign-sentences ------------------------------------------------------------------

def test_foreign_sentences_are_warnings(invoke):
    text = f"{EN}\n{EN}\n{FR}\n"
    result = invoke(["foreign-sentences", "--check", "--lang-unit", "line"], input=text.encode())
    assert result.exit_code == 0  # warnings do not fail a check
    assert result.stderr.startswith("<stdin>:3:1: warning lang:foreign-sentence: ")
    assert "a fr sentence" in result.stderr


def test_progress_bar_when_asked(invoke):
    result = invoke(["detect-lang", "--progress"], input=f"{EN}\n".encode())
    assert result.exit_code == 0 and "corpus-tools" in result.stderr


def test_filter_lang_jsonl_null_field_is_undetermined(invoke):
    lines = [json.dumps({"text": EN}), json.dumps({"text": None})]
    result = invoke(["filter-lang", "--jsonl", "--keep", "en"], input=("\n".join(lines) + "\n").encode())
    assert result.stdout.splitlines() == [lines[0]]
    assert "rejected: und 1" in result.stderr


def test_no_model_is_loaded_when_no_scoped_rule_has_a_match(invoke, monkeypatch):
    from corpus_tools.language import backends

    def refuse(*args):
        raise AssertionError("a model was loaded")

    monkeypatch.setattr(backends, "_langid_identifier", refuse)
    result = invoke(["clean"], input=b"The weather was fine and the road reopened.\n")
    assert result.stdout == "The weather was fine and the road reopened.\n"
