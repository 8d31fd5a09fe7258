"""review: occurrences of a clean dry run, and decisions that become rules (no browser)."""

import csv
import io

import pytest

from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.rules.loader import load_rules
from corpus_tools.tasks.review import ReviewOptions, collect, keep_ladder, phrase_key
from corpus_tools.tasks.review_decisions import (
    Decisions,
    DecisionsError,
    decisions_from_csv,
    patch_toml,
    read_decisions,
    sheet_csv,
)

OCCURRENCES = {  # line: (rule, spelling, outcome, a word of the detail, decided language)
    1: ("name:Nikolayev", "Nikolaev", "changed", "", "en"),
    2: ("name:Nikolayev", "Nikolaev", "changed", "", "en"),
    3: ("name:Nikolayev", "Nicolaev", "suggested", "", "en"),
    4: ("name:Nikolayev", "Nikolaev", "skipped", "the line is fr", "fr"),
    5: ("name:Nikolayev", "Nikolaev", "changed", "", "en"),
    6: ("name:Nikolayev", "Nikolaev", "kept", "'Nikolaev Street'", "en"),
    7: ("name:Nikolayev", "Nikolaev", "kept", "not_after", "en"),
    8: ("encoding:mojibake", "Ã©", "changed", "", None),
    9: ("name:Nikolayev", "Nikolaev", "changed", "", "en"),
}


@pytest.fixture
def corpus(fixtures_dir):
    return fixtures_dir / "review"


def review_of(corpus, *more_rules, sample=None):
    rule_set = load_rules([corpus / "names.toml", *more_rules], use_defaults=False)
    pipeline = Pipeline(None, CleanConfig(rule_set=rule_set))
    return collect(pipeline, [str(corpus / "news.txt")], ReviewOptions(sample=sample))


def by_line(review):
    return {occurrence.line: occurrence for occurrence in review.occurrences}


def test_every_match_is_listed_with_its_outcome_and_language(corpus):
    found = by_line(review_of(corpus))
    assert sorted(found) == sorted(OCCURRENCES)
    for line, (rule, spelling, outcome, detail, lang) in OCCURRENCES.items():
        occurrence = found[line]
        assert (occurrence.rule, occurrence.spelling, occurrence.outcome, occurrence.lang) == \
            (rule, spelling, outcome, lang), line
        assert detail in occurrence.detail, (line, occurrence.detail)


def test_an_occurrence_carries_its_sentence_and_whole_words(corpus):
    occurrence = by_line(review_of(corpus))[8]
    assert occurrence.sentence == "A cafÃ© near the ministry served coffee to the reporters."
    assert occurrence.sentence[occurrence.start:occurrence.end] == "Ã©"
    assert occurrence.sentence[occurrence.word_start:occurrence.word_end] == "cafÃ©"
    assert occurrence.id == f"{corpus / 'news.txt'}:8:6:encoding:mojibake"


@pytest.mark.parametrize("sentence, narrowest", [
    ("Colonel Nikolaev, not the minister.", "Colonel Nikolaev"),  # the word before first
    ("Nikolaev said so.", "Nikolaev said"),                        # none before: the word after
    ("He met {x} Nikolaev.", None),                                 # braces would be a template
])
def test_keep_ladder_narrowest_first(sentence, narrowest):
    start = sentence.index("Nikolaev")
    ladder = [phrase for phrase, _, _ in keep_ladder(sentence, start, start + len("Nikolaev"))]
    assert (ladder[0] if ladder else None) == narrowest
    assert all("Nikolaev" in phrase for phrase in ladder)
    assert [len(phrase.split()) for phrase in ladder] == sorted(len(p.split()) for p in ladder)


def test_phrase_key_matches_as_keep_phrases_do():
    assert phrase_key("Odessa ,  Texas") == phrase_key("Odessa,Texas")
    assert phrase_key("Colonel Nikolaev") != phrase_key("colonel Nikolaev")


def test_the_keep_proposal_is_the_narrowest_that_protects_nothing_that_changes(corpus):
    review = review_of(corpus)
    line_2, line_9 = by_line(review)[2], by_line(review)[9]
    # "Colonel Nikolaev" would also keep line 9, which changes: the next phrase is proposed.
    patch = patch_toml(review, Decisions({line_2.id: "reject"}))
    assert 'keep = ["Nikolaev Street", "Nikolaev, who"]' in patch
    # With line 9 rejected too, "Colonel Nikolaev" protects only rejected occurrences.
    patch = patch_toml(review, Decisions({line_2.id: "reject", line_9.id: "reject"}))
    assert 'keep = ["Nikolaev Street", "Colonel Nikolaev"]' in patch  # once for both


def decided(review):
    lines = by_line(review)
    return Decisions({lines[2].id: "reject", lines[1].id: "accept"},
                     {("name:Nikolayev", "Nicolaev"): "accept"})




def test_decisions_become_a_rule_patch_that_rules_check_test_and_clean_accept(
        corpus, tmp_path, invoke):
    review = review_of(corpus)
    patch = tmp_path / "patch.toml"
    patch.write_text(patch_toml(review, decided(review)), encoding="utf-8")
    rules = ["--no-default-rules", str(corpus / "names.toml"), str(patch)]
    checked = invoke(["rules", "check", "--strict", *rules])
    assert checked.exit_code == 0, checked.stderr
    tested = invoke(["rules", "test", *rules])
    assert tested.exit_code == 0, tested.stdout
    assert " 0 failed" in tested.stdout and "4 passed" in tested.stdout
    cleaned = invoke(["clean", "--no-default-rules", "--rules", str(corpus / "names.toml"),
                      "--rules", str(patch), str(corpus / "news.txt")])
    assert cleaned.exit_code == 0, cleaned.stderr
    assert cleaned.stdout == (corpus / "expected.txt").read_text(encoding="utf-8")


def test_the_patch_writes_each_rule_whole_with_its_decisions(corpus):
    review = review_of(corpus)
    patch = patch_toml(review, decided(review))
    assert 'variants = ["Nikolaev", "Nicolaev"]' in patch  # accepted: moved from suggest
    assert "suggest =" not in patch
    assert 'not_after = ["Sergeant"]' in patch and 'lang = ["en"]' in patch
    assert '# review: "Nicolaev" accepted: moved from suggest to variants' in patch
    assert ('{ text = "The minister, Nicolaev, arrived in the capital late on Tuesday.", '
            'expect = "The minister, Nikolayev, arrived in the capital late on Tuesday.", '
            'lang = "en" }') in patch
    assert patch.rstrip().splitlines()[-3:] == [
        f'# decision: accept occurrence "{by_line(review)[1].id}"',
        f'# decision: reject occurrence "{by_line(review)[2].id}"',
        '# decision: accept spelling "name:Nikolayev" "Nicolaev"',
    ]


def test_a_rejected_spelling_leaves_the_rule_unless_an_occurrence_is_accepted(corpus):
    review = review_of(corpus)
    rejected = Decisions(spellings={("name:Nikolayev", "Nicolaev"): "reject"})
    assert '# review: "Nicolaev" rejected' in patch_toml(review, rejected)
    assert "suggest =" not in patch_toml(review, rejected)
    rejected.occurrences[by_line(review)[3].id] = "accept"
    patch = patch_toml(review, rejected)
    assert "rejected: not a spelling" not in patch and 'variants = ["Nikolaev", "Nicolaev"]' in patch


DECISION_CASES = {  # name: (occurrence decisions by line, spelling decisions)
    "reject a suggestion": ({3: "reject"}, {}),
    "accept a kept match": ({6: "accept"}, {}),
    "reject a whole spelling": ({}, {"Nikolaev": "reject"}),
    "reject a skipped match": ({4: "reject"}, {}),
    "reject a spelling, keep one match": ({5: "accept"}, {"Nikolaev": "reject"}),
    "accept a suggestion, reject it once": ({3: "reject"}, {"Nicolaev": "accept"}),
}


def decisions_for(review, case):
    lines = by_line(review)
    by_line_decisions, by_spelling = DECISION_CASES[case]
    return Decisions({lines[line].id: d for line, d in by_line_decisions.items()},
                     {("name:Nikolayev", spelling): d for spelling, d in by_spelling.items()})


@pytest.mark.parametrize("case", DECISION_CASES)
def test_every_kind_of_decision_gives_a_patch_whose_examples_pass(case, corpus, tmp_path, invoke):
    review = review_of(corpus)
    patch = tmp_path / "patch.toml"
    patch.write_text(patch_toml(review, decisions_for(review, case)), encoding="utf-8")
    rules = ["--no-default-rules", str(corpus / "names.toml"), str(patch)]
    assert invoke(["rules", "check", *rules]).exit_code == 0
    tested = invoke(["rules", "test", *rules])
    assert tested.exit_code == 0 and " 0 failed" in tested.stdout, tested.stdout
    assert read_decisions(str(patch)).as_dict() == decisions_for(review, case).as_dict()


def test_no_decision_no_rule(corpus):
    assert "[[name]]" not in patch_toml(review_of(corpus), Decisions())


def test_second_run_shows_decisions_applied_and_proposes_nothing_again(corpus, tmp_path):
    first = review_of(corpus)
    patch = tmp_path / "patch.toml"
    patch.write_text(patch_toml(first, decided(first)), encoding="utf-8")
    second = review_of(corpus, patch)
    decisions = read_decisions(str(patch))
    lines = by_line(second)
    assert lines[2].outcome == "kept" and "Nikolaev, who" in lines[2].detail
    assert decisions.of(lines[2]) == "reject"
    assert lines[3].outcome == "changed" and decisions.of(lines[3]) == "accept"
    proposed = [o for o in second.occurrences
                if o.outcome == "suggested" or (o.outcome == "changed" and decisions.of(o) == "reject")]
    assert proposed == []


def test_the_sheet_has_one_row_per_occurrence_and_an_empty_decision(corpus):
    review = review_of(corpus)
    rows = list(csv.DictReader(io.StringIO(sheet_csv(review))))
    occurrences = [row for row in rows if row["scope"] == "occurrence"]
    assert len(occurrences) == len(OCCURRENCES)
    assert all(row["decision"] == "" for row in rows)
    line_2 = next(row for row in occurrences if row["line"] == "2")
    assert (line_2["outcome"], line_2["lang"], line_2["keep"]) == ("changed", "en", "Nikolaev, who")
    assert line_2["sentence"].startswith("Colonel Nikolaev, who")
    assert {row["spelling"] for row in rows if row["scope"] == "spelling"} == \
        {"Nikolaev", "Nicolaev", "Ã©"}


def test_sheet_decisions_read_back_as_a_spreadsheet_saves_them(corpus):
    review = review_of(corpus)
    rows = list(csv.reader(io.StringIO(sheet_csv(review))))
    for row in rows[1:]:
        if row[1] == "occurrence" and row[11] == "2":
            row[0] = "Reject"
        if row[1] == "spelling" and row[4] == "Nicolaev":
            row[0] = "a"
    out = io.StringIO()
    csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    decisions = decisions_from_csv(out.getvalue(), "sheet.csv")
    assert decisions.occurrences == {by_line(review)[2].id: "reject"}
    assert decisions.spellings == {("name:Nikolayev", "Nicolaev"): "accept"}


@pytest.mark.parametrize("sheet, message", [
    ("decision,scope,id,rule,spelling\nmaybe,occurrence,a:1:1:x,x,y\n",
     "row 2, column decision: 'maybe'"),
    ("decision,scope,id,rule\n", "missing column(s) spelling"),
    ("decision,scope,id,rule,spelling\nreject,occurrence,,x,y\n", "row 2, column id: empty"),
])
def test_bad_sheets_name_row_and_column(sheet, message):
    with pytest.raises(DecisionsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        decisions_from_csv(sheet, "sheet.csv")


def test_cells_a_spreadsheet_would_evaluate_are_neutralised_and_read_back(tmp_path):
    from corpus_tools.tasks.review_decisions import _safe, _unsafe

    assert _safe(["=SUM(A1)", "-x", "plain"]) == ["'=SUM(A1)", "'-x", "plain"]
    assert [_unsafe(cell) for cell in _safe(["=SUM(A1)", "'quoted", "@me"])] == \
        ["=SUM(A1)", "'quoted", "@me"]


def test_sample_keeps_at_most_n_per_rule_the_same_every_time(corpus):
    first, again = review_of(corpus, sample=2), review_of(corpus, sample=2)
    assert [o.id for o in first.occurrences] == [o.id for o in again.occurrences]
    per_rule = {}
    for occurrence in first.occurrences:
        per_rule[occurrence.rule] = per_rule.get(occurrence.rule, 0) + 1
    assert per_rule == {"name:Nikolayev": 2, "encoding:mojibake": 1}
    assert first.sampled == {"name:Nikolayev": 6}


def test_cli_writes_the_sheet_and_reads_decisions(corpus, tmp_path, invoke):
    args = ["review", "--no-default-rules", "--rules", str(corpus / "names.toml"),
            "--sheet", str(corpus / "news.txt")]
    sheet = invoke(args)
    assert sheet.exit_code == 0, sheet.stderr
    assert sheet.stdout.startswith("decision,scope,id,rule,spelling")
    decided_sheet = tmp_path / "decided.csv"
    decided_sheet.write_text(sheet.stdout.replace("\n,spelling,,name:Nikolayev,Nicolaev",
                                                  "\nreject,spelling,,name:Nikolayev,Nicolaev"),
                             encoding="utf-8")
    again = invoke([*args, "--decisions", str(decided_sheet)])
    assert "1 decided already" in again.stderr
    assert "\nreject,spelling,,name:Nikolayev,Nicolaev," in again.stdout


def test_cli_select_and_bad_input(corpus, invoke, tmp_path):
    result = invoke(["review", "--no-default-rules", "--rules", str(corpus / "names.toml"),
                     "--select", "encoding:", "--sheet", str(corpus / "news.txt")])
    assert "name:Nikolayev" not in result.stdout and "encoding:mojibake" in result.stdout
    missing = invoke(["review", str(tmp_path / "nothing.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.stderr


def test_suggest_adds_the_spellings_rules_suggest_finds_and_writes_only_those_decided(
        tmp_path, invoke):
    from corpus_tools.tasks.review import with_suggestions

    corpus = tmp_path / "news.txt"
    corpus.write_text("The talks were led by Saakashvili and his aides.\n"
                      "A statement from Saakashvili called the report premature.\n"
                      "Later, Saakachvili met the delegation again.\n", encoding="utf-8")
    rule_set, drafted = with_suggestions(load_rules(), [str(corpus)], ReviewOptions(), "en")
    review = collect(Pipeline(None, CleanConfig(lang="en", rule_set=rule_set)), [str(corpus)],
                     drafted=drafted)
    (occurrence,) = review.occurrences
    assert (occurrence.rule, occurrence.spelling, occurrence.outcome) == \
        ("name:Saakashvili", "Saakachvili", "suggested")
    assert drafted == {"name:Saakashvili": ("Saakachvili",)}
    assert "[[name]]" not in patch_toml(review, Decisions())  # undecided: nothing written
    patch = tmp_path / "patch.toml"
    patch.write_text(patch_toml(review, Decisions({occurrence.id: "accept"})), encoding="utf-8")
    assert 'variants = ["Saakachvili"]' in patch.read_text(encoding="utf-8")
    assert invoke(["rules", "check", "--strict", str(patch)]).exit_code == 0
    assert " 0 failed" in invoke(["rules", "test", str(patch)]).stdout
    cleaned = invoke(["clean", "--lang", "en", "--rules", str(patch), str(corpus)])
    assert "Later, Saakashvili met" in cleaned.stdout
