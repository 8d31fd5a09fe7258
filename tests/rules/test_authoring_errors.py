"""The mistakes a linguist makes in a rule file, each with the message it must produce."""

import pytest

from corpus_tools.rules.loader import RuleFileError, load_rules

MISTAKES = [
    # (what, file bytes, line, message)
    ("curly quotes", '[[name]]\ncanonical = “Kyiv”\nvariants = ["Kiev"]\n', 2,
     "curly quotes “ ” or ‘ ’ are not quotes in TOML; use straight quotes \" or '"),
    ("a missing comma, one line", '[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev" "Kijev"]\n', 3,
     "two texts in a list with no comma between them; add a comma after this one"),
    ("a missing comma, a list over lines",
     '[[name]]\ncanonical = "Kyiv"\nvariants = [\n  "Kiev"\n  "Kijev",\n]\n', 4,
     "two texts in a list with no comma between them"),
    ("an apostrophe inside single quotes", "[[name]]\ncanonical = 'Kyiv'\nvariants = ['Kiev's']\n",
     3, "an apostrophe inside '...' ends the text early; write this text between double quotes"),
    ("a backslash in double quotes", '[[artifact]]\nid = "x"\npattern = "\\s+TODO"\n', 3,
     "a backslash inside \"...\" starts an escape sequence; write patterns between three single "
     "quotes"),
    ("a broken regex", "[[artifact]]\nid = \"x\"\npattern = 'a (TODO|FIXME'\n", 3,
     "pattern: a bracket ( opened at column 3 of the pattern is never closed; add the )"),
    ("starts without ends", '[[artifact]]\nid = "tn"\nstarts = "[Note:"\n', 3,
     'ends: missing; starts needs ends beside it, e.g. ends = "]"'),
    ("ends without starts", '[[artifact]]\nid = "tn"\nends = "]"\n', 3,
     "starts: missing; ends needs starts beside it"),
    ("starts and ends with text", '[[artifact]]\nid = "tn"\ntext = "TODO"\nstarts = "[Note:"\n'
     'ends = "]"\n', 3, "text: give starts and ends (the marks around a leftover) or text, not both"),
    ("starts and ends with a pattern", '[[artifact]]\nid = "tn"\nstarts = "[Note:"\nends = "]"\n'
     "pattern = 'x'\n", 5, "pattern: give starts and ends"),
    ("an empty end mark", '[[artifact]]\nid = "tn"\nstarts = "[Note:"\nends = " "\n', 4,
     "ends: is empty"),
    ("a tab inside a variant", '[[name]]\ncanonical = "Kyiv"\nvariants = ["Ki\\tev"]\n', 3,
     "variants: variant 'Ki\\tev' holds a tab; write a space"),
    ("a non-UTF-8 byte", b'[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\n# note\n'
     b'note = "caf\xe9"\n', 5, "the byte 0xE9 at column 12 is not UTF-8"),
    ("an unknown language code", '[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\nlang = ["ua"]\n',
     4, "lang: 'ua' is not a language code we know; did you mean 'uk'?"),
    ("an ISO 639-2 code", '[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\nlang = ["eng"]\n',
     4, "did you mean 'en'?"),
]


@pytest.mark.parametrize(("what", "content", "line", "message"), MISTAKES,
                         ids=[m[0] for m in MISTAKES])
def test_each_mistake_names_its_line_and_the_mend(tmp_path, what, content, line, message):
    path = tmp_path / "cities.toml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(RuleFileError) as caught:
        load_rules([path], use_defaults=False)
    problems = caught.value.problems
    assert any(p.startswith(f"{path}:{line}: ") and message in p for p in problems), problems


def test_a_bom_is_accepted(tmp_path):
    path = tmp_path / "cities.toml"
    path.write_bytes(b"\xef\xbb\xbf" + b'[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\n')
    assert [rule.canonical for rule in load_rules([path], use_defaults=False).names] == ["Kyiv"]
