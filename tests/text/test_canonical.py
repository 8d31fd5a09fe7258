"""The NFC view of a text maps each composed character back to the characters it came from."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from corpus_tools.text.canonical import nfc_view

PIECES = st.sampled_from(["a", "e", "u", "S", " ", "\u0301", "\u0308", "\u0323", "é", "ü",
                          "\u1100", "\u1161", "\u11a8", "가", "-"])


@given(st.lists(PIECES, max_size=12).map("".join))
def test_the_view_is_the_nfc_text_and_its_spans_cover_the_input_in_order(text):
    view = nfc_view(text)
    if view.starts is None:  # already NFC, or Hangul jamo composing across letters
        assert view.text == text
        return
    assert view.text == unicodedata.normalize("NFC", text)
    spans = [view.span(index, index + 1) for index in range(len(view.text))]
    assert all(unicodedata.normalize("NFC", text[start:stop]).find(view.text[index]) >= 0
               for index, (start, stop) in enumerate(spans))
    assert [start for start, _ in spans] == sorted(start for start, _ in spans)
    assert view.span(0, len(view.text)) == (0, len(text))


def test_a_decomposed_name_maps_to_its_input_span():
    text = "in Su\u0308d-Ossetien"
    view = nfc_view(text)
    start = view.text.index("Süd")
    assert view.span(start, start + len("Süd-Ossetien")) == (3, len(text))
