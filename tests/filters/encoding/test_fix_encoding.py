import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools.filters.base import UnitContext
from corpus_tools.filters.encoding.fix_encoding import EncodingConfig, FixEncoding
from corpus_tools.filters.encoding.ftfy_triggers import (
    TriggerScreen,
    fixer_triggers,
    mojibake_triggers,
)
from corpus_tools.stream.lines import decode
from corpus_tools.text.entities import writes_entities_as_text

FIX = FixEncoding()
# Without span repair, fix-encoding is ftfy with a screen: the same output.
FTFY_ONLY = EncodingConfig(span_repair=False)


def fix(text, config=None):
    return (FixEncoding(config) if config else FIX).apply(text, UnitContext())


@pytest.mark.parametrize(
    ("damaged", "repaired", "rule"),
    [
        ("Azerbaijanâ€™s army", "Azerbaijan’s army", "encoding:mojibake"),
        ("CafÃ© in MontrÃ©al", "Café in Montréal", "encoding:mojibake"),
        ("The committeeÃ¢â‚¬â„¢s report", "The committee’s report", "encoding:mojibake"),
        ("ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет", "encoding:mojibake"),
        ("РџСЂРёРІРµС‚, РјРёСЂ", "Привет, мир", "encoding:mojibake"),
        ("5 &euro; &amp; more", "5 € & more", "encoding:html-entity"),
        ("a \x1b[31mred\x1b[0m word", "a red word", "encoding:terminal-escape"),
        ("price \x80 5", "price € 5", "encoding:c1-control"),
        ("the ﬁnal ﬁgure", "the final figure", "encoding:ligature"),
        ("nul\x00byte", "nulbyte", "encoding:control-char"),
    ],
)
def test_repairs(damaged, repaired, rule):
    text, changes = fix(damaged)
    assert text == repaired
    assert changes[0].rule == rule


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII stays.",
        "Curly ‘single’ and “double” quotes stay curly.",
        "Fullwidth ＡＢＣ１２３ stays: 東京。",
        "<b>&amp;</b> stays in a line with markup",
        "Line separator\u2028stays inside the line",
        "Français: « déjà vu » à l’œil",
        "Η ¨ανατροφή¨ με ελληνικά",
        "Հայերեն տեքստ՝ «Երևան»",
        "e\u0301 is not normalized unless asked",
    ],
)
def test_leaves_alone(text):
    assert fix(text) == (text, [])


@pytest.mark.parametrize(
    "line, fixed",
    [
        # Lines that talk about entities keep them (real translator lines, issue 27).
        ("valid entities are: &amp; &quot; &lt; &gt; &apos;",
         "valid entities are: &amp; &quot; &lt; &gt; &apos;"),
        ("escape ampersand as &amp;.", "escape ampersand as &amp;."),
        ("(&#234; for example)", "(&#234; for example)"),
        # Text escaped as a whole is still decoded.
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("caf&eacute;", "café"),
    ],
)
def test_entities_written_as_entities_stay(line, fixed):
    assert fix(line)[0] == fixed


@pytest.mark.parametrize("config", [None, FTFY_ONLY])
def test_u_fffd_misread_is_restored_as_u_fffd(config):
    # Hypothesis found it: U+FFFD's own bytes read as latin-1 are restored, as ftfy does;
    # only a U+FFFD standing for characters that were there is refused.
    assert fix("\u00ef\u00bf\u00bd\u00ef\u00bf\u00bd", config)[0] == "\ufffd\ufffd"


def test_nfc_only_when_asked():
    assert fix("e\u0301", EncodingConfig(normalization="NFC"))[0] == "\u00e9"


def test_change_record_locates_the_repair():
    (change,) = fix("It was Azerbaijanâ€™s turn")[1]
    assert (change.column, change.before, change.fix) == (18, "â€™", "’")


def test_invalid_bytes_pass_through_while_the_rest_is_fixed():
    text = decode("cafÃ© ".encode() + b"\xff\xfe" + " and CafÃ©".encode())
    fixed, changes = fix(text)
    assert fixed.encode("utf-8", "surrogateescape") == b"caf\xc3\xa9 \xff\xfe and Caf\xc3\xa9"
    assert [c.column for c in changes] == [4, 17]


def test_every_alternative_of_ftfys_badness_has_a_trigger():
    triggers = mojibake_triggers()
    assert {"Ã", "Â", "â"} <= triggers
    assert not any(char.isascii() for char in triggers)


def test_of_two_equally_rare_pairs_the_screen_reads_on_from_the_smaller_set():
    # '[ВГРС][punctuation][ВГРС]': its first two, so the screen stops at a Cyrillic
    # capital and reads the next character, instead of looking back from the capital.
    screen = TriggerScreen(frozenset())
    cp1251 = [pair for pair in screen.pairs if pair.first == frozenset("ВГРС")]
    assert cp1251 and all("‘" in pair.second for pair in cp1251)
    assert not any(pair.second == frozenset("ВГРС") for pair in screen.pairs)
    # (and a quote before a Serbian word is no longer taken for the pair's end)
    assert screen.might_change("Р‘Р") and not screen.might_change("«Србија»")


@pytest.mark.parametrize(
    ("text", "might_change"),
    [
        ("He said “yes” and ‘no’ — twice…", False),
        ("Ελληνικά, русский, Հայերեն", False),
        ("cafÃ©", True),
        ("â€™", True),
        ("“Ã", True),
        ("&amp;", True),
        ("ﬁ", True),
    ],
)
def test_screen(text, might_change):
    screen = TriggerScreen(fixer_triggers(ligatures=True, control_chars=True))
    assert screen.might_change(text) is might_change


@pytest.mark.parametrize(("line", "fixed", "reported"), [
    # '”' lost its 9D to cp1252 before a space: ftfy would write 'lesie†czytała'; after
    # the quotation the line opened, it is the closing quote
    ("Wiersz „Zima w lesie” czytała babcia.", "Wiersz „Zima w lesie” czytała babcia.", []),
    ("He said “yes.” Then he left.", "He said “yes.” Then he left.", []),
    # with no quotation open, nothing tells it from a joiner, a mark or a hyphen: reported
    ("Read here” and there.", "Read hereâ€ and there.", ["hereâ€"]),
    ("A well‐known word.", "A wellâ€known word.", ["wellâ€known"]),
    # a dagger whose A0 became a space, before a space of its own: ftfy's reading stays
    ("Ölçü † 1945", "Ölçü † 1945", []),
])
def test_a_space_after_a_sequence_short_of_a_byte_is_no_lost_a0(line, fixed, reported):
    damaged = line.encode().decode("cp1252", errors="ignore").replace("\u00a0", " ")
    result, changes = FIX.apply(damaged, UnitContext())
    assert result == fixed
    assert [c.before for c in changes if c.kind == "finding"] == reported
    assert FixEncoding(FTFY_ONLY).apply(damaged, UnitContext())[0] == _ftfy_per_line(damaged)


def _ftfy_per_line(text, config=None):
    """What ftfy makes of a line, but for the one place we part from it on purpose: a
    line that writes HTML entities as entities keeps them."""
    ftfy_config = (config or EncodingConfig()).ftfy_config()
    if writes_entities_as_text(text):
        ftfy_config = ftfy_config._replace(unescape_html=False)
    return ftfy.fix_text(text, ftfy_config)


def test_equals_ftfy_on_every_fixture_line(fixtures_dir):
    lines = [
        line
        for path in sorted(fixtures_dir.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").split("\n")
    ]
    assert len(lines) > 20
    for line in lines:
        assert fix(line)[0] == _ftfy_per_line(line), line


# Text drawn mostly from the characters mojibake is made of, so that both the
# skipped and the repaired paths are exercised.
_MOJIBAKE_ALPHABET = st.sampled_from(
    sorted(mojibake_triggers())
    + list("aeiouAEIOU ,.;-&<>#;0123456789ﬁ")
    + ["\x1b", "\x85", "\u2019", "\u201c", "\u00a0", "é", "Ж", "€", "™", "œ"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_MOJIBAKE_ALPHABET, max_size=12).map("".join))
def test_prefilter_never_skips_what_ftfy_would_change(text):
    assert fix(text, FTFY_ONLY)[0] == _ftfy_per_line(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\n\r")))
def test_equals_ftfy_on_any_text(text):
    assert fix(text, FTFY_ONLY)[0] == _ftfy_per_line(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\n\r"),
               max_size=30))
def test_equals_ftfy_on_mojibake_of_any_text(text):
    text = text.encode("utf-8").decode("latin-1")
    assert fix(text, FTFY_ONLY)[0] == _ftfy_per_line(text)


# What misread UTF-8 of several scripts is made of, for span repair's screen too.
_SPAN_ALPHABET = st.sampled_from(
    sorted(mojibake_triggers())
    + list("ÐÑÕÔÖáƒ‚Ð¡Ðµ ÉÄÅÄŸ™¬ÕÕ¡Õ¶ РСЃЎѓџ") + list("abc ЖжՀհαΩშ.\ufffd\u00a0’")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPAN_ALPHABET, max_size=10).map("".join))
def test_the_fast_screen_never_skips_what_fix_segment_changes(text):
    # apply's one scan stands in for ftfy's screen and span repair's together.
    assert FIX.apply(text, UnitContext()) == FIX.fix_segment(text)
