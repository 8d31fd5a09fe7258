"""``rules suggest``'s run over files, called as a library: a draft, or the spellings near a name."""

import json

import pytest

from corpus_tools.rules.loader import load_rules
from corpus_tools.tasks.draft import Draft, DraftRequest, draft

CORPUS = "".join(f"On Monday officials said {name} spoke.\n"
                 for name in ["Shakhramanyan", "Shakharamanyan", "Shakhramanyan",
                              "Shakharamanyan", "Tbilisi"])


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(CORPUS, encoding="utf-8")
    return str(path)


def test_a_draft_groups_spellings_seen_often_enough(corpus):
    result = draft(DraftRequest([corpus], load_rules(use_defaults=False), lang="en",
                                output_format="json", min_count=2))
    groups = json.loads(result.text)
    assert [sorted(s["spelling"] for s in group["spellings"]) for group in groups] == \
        [["Shakharamanyan", "Shakhramanyan"]]
    assert "seen at least 2 times in 1 file(s), 5 line(s); 1 group(s)" in result.summary


def test_near_lists_close_spellings_instead_of_a_draft(corpus):
    result = draft(DraftRequest([corpus], load_rules(use_defaults=False), lang="en",
                                near="Shakhramanyan", min_count=1))
    assert result == Draft(result.text, "")
    assert sorted(line.split("\t")[0] for line in result.text.splitlines()) == \
        ["Shakharamanyan", "Shakhramanyan"]


def test_by_default_a_spelling_seen_once_is_a_candidate(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("Officials said Shakhramanyan spoke.\nOfficials said Shakharamanyan "
                    "spoke.\n", encoding="utf-8")
    result = draft(DraftRequest([str(path)], load_rules(use_defaults=False), lang="en",
                                output_format="json"))
    groups = json.loads(result.text)
    assert [sorted(s["spelling"] for s in group["spellings"]) for group in groups] == \
        [["Shakharamanyan", "Shakhramanyan"]]
