"""Quotations found on their own, and masked for deciding a line's language."""

import pytest

from corpus_tools.language.quotations import mask_quotations, quotations


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "we stay" twice.', ['"we stay"']),
        ("Il a dit « on reste » hier.", ["« on reste »"]),
        ("Er sagte „wir bleiben“ gestern.", ["„wir bleiben“"]),
        ("Powiedział „zostajemy” wczoraj.", ["„zostajemy”"]),
        ("Er sagte ‚wir bleiben‘ gestern.", ["‚wir bleiben‘"]),
        ("He said “we stay” twice.", ["“we stay”"]),
        ("Il a dit ‹ on reste › hier.", ["‹ on reste ›"]),
        ("« dit “oui” puis » et « non »", ["« dit “oui” puis »", "« non »"]),  # outermost
        ("It's the mayor's road.", []),  # apostrophes are no quotation marks
        ("An unclosed « quotation", []),
    ],
)
def test_quotations_are_found_by_their_marks(text, quoted):
    assert [text[start:end] for start, end in quotations(text)] == quoted


def test_masking_keeps_the_length_and_the_text_outside():
    text = "He said: « Kutaissi ne cédera jamais » and left."
    masked = mask_quotations(text)
    assert len(masked) == len(text)
    assert masked.split() == ["He", "said:", "and", "left."]


@pytest.mark.parametrize("text", ["« Kutaissi ne cédera jamais »", "“Kutaissi ne cédera pas”, 2024.", "No quotes."])
def test_a_line_that_is_almost_all_quotation_is_judged_whole(text):
    assert mask_quotations(text) == text
