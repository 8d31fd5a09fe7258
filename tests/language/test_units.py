import pytest

from corpus_tools.language import units
from corpus_tools.language.detector import Detection, LanguageDetector
from corpus_tools.language.units import LanguageDecider, paragraphs
from corpus_tools.stream.records import InputLine

DETECTOR = LanguageDetector(languages=("en", "fr", "ru"))
ENGLISH = ("The talks covered the reopening of the road and the return of families.",
           "Negotiators met on Monday in a hotel near the border for the first time.")
FRENCH = "Les négociateurs se sont retrouvés lundi dans un hôtel près de la frontière."


class FixedDetector:
    """Answers from a table, and records what it was asked."""

    def __init__(self, answers):
        self.answers = answers
        self.texts = []

    def detect(self, text):
        self.texts.append(text)
        return self.answers[text]


def test_a_short_unit_takes_the_document_language_only_when_its_guess_agrees():
    detector = FixedDetector({
        "head one": Detection("en", 0.99, True), "head two": Detection("en", 0.97, True),
        "head one\nhead two": Detection("en", 0.99, True),
        "Hallo da.": Detection("de", 0.40, False), "Hello there.": Detection("en", 0.55, False),
        "...": Detection("und", 0.0, False),
    })
    decider = LanguageDecider(detector)
    head = ("head one", "head two")
    assert decider.resolve("Hallo da.", head) is None  # its best guess is another language
    assert decider.decide("Hallo da.", head) == ("und", 0.0)
    assert decider.decide("Hello there.", head) == ("en", 0.55)
    assert decider.resolve("...", head) == "en"  # no letters: nothing points elsewhere


def test_a_lone_uncertain_unit_keeps_its_best_guess():
    decider = LanguageDecider(FixedDetector({"Hello there.": Detection("en", 0.39, False)}))
    assert decider.resolve("Hello there.") == "en"


def test_an_uncertain_unit_keeps_its_own_guess_far_ahead_of_a_language_the_document_holds():
    english_line = Detection("en", 0.60, False, (("en", 0.60), ("fr", 0.10)))
    detector = FixedDetector({
        "fr one": Detection("fr", 0.99, True), "fr two": Detection("fr", 0.98, True),
        "en one": Detection("en", 0.99, True), "fr one\nfr two\nen one": Detection("fr", 0.9, True),
        "fr one\nfr two": Detection("fr", 0.9, True),
        "Snow on the road.": english_line,
    })
    decider = LanguageDecider(detector)
    assert decider.resolve("Snow on the road.", ("fr one", "fr two", "en one")) == "en"
    assert decider.resolve("Snow on the road.", ("fr one", "fr two")) is None  # no English shown


def test_a_confident_unit_keeps_its_own_language():
    lang, score = LanguageDecider(DETECTOR).decide(FRENCH, ENGLISH)
    assert lang == "fr" and score > 0.9


def test_the_document_is_the_majority_of_confident_head_units():
    assert LanguageDecider(DETECTOR).document_lang((*ENGLISH, FRENCH, "ok")) == "en"


def test_without_a_head_a_short_unit_has_no_language_whatever_came_before():
    decider = LanguageDecider(DETECTOR)
    assert decider.resolve("Hi.") is None
    decider.resolve(ENGLISH[0])
    assert decider.resolve("Hi.") is None  # no state carried from unit to unit


def test_a_document_language_is_computed_once_per_head():
    detector = FixedDetector({"a": Detection("en", 0.9, True), "b": Detection("en", 0.3, False)})
    decider = LanguageDecider(detector)
    decider.resolve("b", ("a",))
    asked = len(detector.texts)
    decider.resolve("b", ("a",))
    assert detector.texts[asked:] == ["b"]


def lines_of(text: bytes):
    return [InputLine(number, b"", content, b"\n", content.decode(), None)
            for number, content in enumerate(text.split(b"\n")[:-1], 1)]


def test_paragraphs_end_at_blank_lines_and_keep_every_line():
    grouped = list(paragraphs(lines_of(b"a\nb\n\nc\n")))
    assert [line.content for line, _ in grouped] == [b"a", b"b", b"", b"c"]
    assert [p.text for _, p in grouped] == ["a\nb", "a\nb", "", "c"]


def test_a_paragraph_without_blank_lines_is_cut(monkeypatch):
    monkeypatch.setattr(units, "PARAGRAPH_LINES", 2)
    grouped = list(paragraphs(lines_of(b"a\nb\nc\n")))
    assert [p.text for _, p in grouped] == ["a\nb", "a\nb", "c"]


# Quotations masked, weak guesses (issue 30, point 4).
def test_a_line_quoting_another_language_is_decided_without_its_quotation():
    quotation = "« Kutaissi ne cédera jamais, jamais »"
    masked = "He said: " + " " * len(quotation) + ", then left."
    decider = LanguageDecider(FixedDetector({masked: Detection("en", 0.9, True)}))
    assert decider.resolve_scored(f"He said: {quotation}, then left.") == ("en", 0.9)


def test_a_weak_guess_takes_the_context_only_in_the_contexts_script():
    weak = Detection("af", 0.04, False, (("af", 0.041), ("en", 0.039)))
    detector = FixedDetector({
        "head one": Detection("en", 0.99, True), "head two": Detection("en", 0.97, True),
        "head one\nhead two": Detection("en", 0.99, True),
        "ჰედ ერთი": Detection("en", 0.99, True), "ჰედ ორი": Detection("en", 0.97, True),
        "ჰედ ერთი\nჰედ ორი": Detection("en", 0.99, True),
        "Pashinian meets Aliev.": weak,
    })
    decider = LanguageDecider(detector)
    assert decider.resolve("Pashinian meets Aliev.", ("head one", "head two")) == "en"
    assert decider.resolve("Pashinian meets Aliev.", ("ჰედ ერთი", "ჰედ ორი")) is None


@pytest.mark.parametrize(
    ("ranked", "expected"),
    [
        ((("af", 0.0408), ("en", 0.0398)), None),  # the model cannot tell: undecided
        ((("en", 0.197), ("nl", 0.180)), "en"),  # weak, but ahead: its best guess
        ((("af", 0.41), ("en", 0.40)), "af"),  # close, but not weak
    ],
)
def test_a_lone_weak_guess_tied_with_the_next_is_undecided(ranked, expected):
    found = Detection(ranked[0][0], ranked[0][1], False, ranked)
    decider = LanguageDecider(FixedDetector({"Pashinian meets Aliev.": found}))
    assert decider.resolve("Pashinian meets Aliev.") == expected


def test_a_real_english_line_quoting_french_or_german_stays_english():
    decider = LanguageDecider(LanguageDetector(languages=("en", "fr", "de")))
    for line in ("The mayor said: « Les habitants de Kutaissi ne quitteront jamais leur ville »"
                 " and left.",
                 "Asked about it, he said „Abchasien wird niemals aufgegeben, das ist sicher“."):
        assert decider.resolve(line, ENGLISH) == "en"
