from corpus_tools.language import units
from corpus_tools.language.detector import LanguageDetector
from corpus_tools.language.units import DocumentLanguage, paragraphs
from corpus_tools.stream.lines import decode

DETECTOR = LanguageDetector(languages=("en", "fr", "ru"))
ENGLISH = ["The talks covered the reopening of the road and the return of families.",
           "Negotiators met on Monday in a hotel near the border for the first time."]
FRENCH = "Les négociateurs se sont retrouvés lundi dans un hôtel près de la frontière."


def test_a_short_unit_takes_the_document_language():
    document = DocumentLanguage(DETECTOR, head={None: ENGLISH})
    assert document.resolve("Latchine too.") == "en"
    lang, score = document.decide("Latchine too.")
    assert lang == "en" and score == (DETECTOR.detect("Latchine too.").score
                                      if DETECTOR.detect("Latchine too.").lang == "en" else 0.0)


def test_a_confident_unit_keeps_its_own_language():
    document = DocumentLanguage(DETECTOR, head={None: ENGLISH})
    lang, score = document.decide(FRENCH)
    assert lang == "fr" and score > 0.9


def test_the_document_is_the_majority_of_confident_head_units():
    document = DocumentLanguage(DETECTOR, head={None: [*ENGLISH, FRENCH, "ok"]})
    assert document.document_lang() == "en"


def test_each_tsv_column_has_its_own_document_language():
    document = DocumentLanguage(DETECTOR, head={"1": ENGLISH, "2": [FRENCH, FRENCH]})
    assert (document.resolve("Hi.", "1"), document.resolve("Oui.", "2")) == ("en", "fr")


def test_without_a_head_the_confident_units_seen_so_far_decide():
    document = DocumentLanguage(DETECTOR)
    assert document.resolve("Hi.") is None
    document.resolve(ENGLISH[0])
    assert document.resolve("Hi.") == "en"


class CountingDetector:
    def __init__(self):
        self.texts = []

    def detect(self, text):
        self.texts.append(text)
        return DETECTOR.detect(text)


def test_detection_runs_only_when_asked():
    detector = CountingDetector()
    resolve = DocumentLanguage(detector, head={None: ENGLISH}).detect_for(FRENCH)
    assert detector.texts == []
    assert resolve() == "fr"
    assert detector.texts == [FRENCH]


def lines_of(text: bytes):
    return [(line.rstrip(b"\n"), b"\n") for line in text.splitlines(keepends=True)]


def test_paragraphs_end_at_blank_lines_and_keep_every_line():
    lines = lines_of(b"a\nb\n\nc\n")
    grouped = list(paragraphs(lines, decode))
    assert [content for content, _, _ in grouped] == [b"a", b"b", b"", b"c"]
    assert [p.text for _, _, p in grouped] == ["a\nb", "a\nb", "", "c"]


def test_a_paragraph_without_blank_lines_is_cut(monkeypatch):
    monkeypatch.setattr(units, "PARAGRAPH_LINES", 2)
    grouped = list(paragraphs(lines_of(b"a\nb\nc\n"), decode))
    assert [p.text for _, _, p in grouped] == ["a\nb", "a\nb", "c"]
