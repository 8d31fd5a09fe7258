"""Names blanked before identification: same length, the rest of the line untouched."""

import pytest

from corpus_tools.tasks.language import NameMasker

MASK = NameMasker()


@pytest.mark.parametrize(("text", "masked"), [
    ("The Latchine road is open.", "The          road is open."),
    ("La route de Latchine.", "La route de         ."),
    ("nothing here", "nothing here"),
])
def test_scoped_names_are_blanked_in_place(text, masked):
    assert MASK(text) == masked
