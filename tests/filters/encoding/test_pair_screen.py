"""The one-regex screens find exactly what their plain definitions find."""

import re
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools.data import build_screen_choices
from corpus_tools.filters.encoding import code_pages
from corpus_tools.filters.encoding import pair_screen as pair_screen_module
from corpus_tools.filters.encoding.code_pages import load_table
from corpus_tools.filters.encoding.fix_encoding import EncodingConfig, FixEncoding
from corpus_tools.filters.encoding.ftfy_triggers import (
    TriggerScreen,
    _badness_requirements,
    fixer_triggers,
)
from corpus_tools.filters.encoding.pair_screen import Pair, anchor_positions, frequency, pair_screen
from corpus_tools.filters.encoding.span_repair import SpanRepair


def holds(text: str, singles, pairs) -> bool:
    """The definition: a single anywhere, or a pair's two characters side by side."""
    if any(char in singles for char in text):
        return True
    for index, (left, right) in enumerate(pairwise(text)):
        for pair in pairs:
            rest = text[index + 2:]
            if (left in pair.first and right in pair.second
                    and len(rest) >= len(pair.then)
                    and all(char in chars for char, chars in zip(rest, pair.then, strict=False))
                    and rest[len(pair.then):][:1] not in pair.not_then):
                return True
    return False


ALPHABET = "aeАаВсіё’«»é™Ã©ƒ\u00a0 Õ¬"
pair_sets = st.frozensets(st.sampled_from(ALPHABET), min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(singles=st.frozensets(st.sampled_from(ALPHABET), max_size=2),
       pairs=st.lists(st.builds(Pair, pair_sets, pair_sets,
                                st.lists(pair_sets, max_size=2).map(tuple),
                                st.frozensets(st.sampled_from(ALPHABET), max_size=3)),
                      max_size=4),
       text=st.text(alphabet=ALPHABET, max_size=12))
def test_pair_screen_is_its_definition(singles, pairs, text):
    found = pair_screen(singles, pairs).search(text) is not None
    assert found is holds(text, singles, pairs)


@pytest.mark.parametrize(("text", "found"), [
    ("Россия и Грузия", False),   # the pair's letters, but no mark after them
    ("Р“", True),
    ("“Р", False),                 # the other order is not the pair
    ("a & b", True),               # a single
    ("", False),
])
def test_pair_screen_cases(text, found):
    screen = pair_screen({"&"}, [Pair(frozenset("ВГРС"), frozenset("‘“•"))])
    assert (screen.search(text) is not None) is found


def test_an_empty_screen_finds_nothing():
    assert pair_screen((), []).search("anything Ã©") is None


@pytest.mark.parametrize(("rarer", "commoner"), [
    ("«»’", "абвгд"),       # typography is rarer than basic letters
    ("ёії", "рстуф"),       # national letters rarer than basic ones
    ("™ƒ©", "«»"),          # symbols rarer than typography
    ("ÀÉ", "àé"),           # capitals rarer than small letters
])
def test_frequency_ranks_rarer_sides_lower(rarer, commoner):
    assert frequency(rarer) < frequency(commoner)


def test_frequency_does_not_depend_on_the_order_of_a_set():
    # A set's order changes from process to process; the kept choices must not.
    chars = sorted(set(_SCREEN_ALPHABET) | set(map(chr, range(0x400, 0x530))))
    assert frequency(chars) == frequency(reversed(chars)) == frequency(chars[1::2] + chars[::2])


def _alternatives(source: str) -> list[str]:
    """The top-level alternatives of a group's inside."""
    parts, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
        index += 1
    return [*parts, source[start:]]


def test_fix_encoding_screen_alternatives_start_with_a_class():
    # The regex engine passes over an alternative whose first class does not hold the
    # character at once; one that starts with a look back costs every stop a call.
    pattern = FixEncoding()._fixing_screen.pattern
    anchor = re.match(r"\(\?s\)\[(?:\\.|[^\]\\])*\]\(\?:", pattern)
    *ahead, at_stop = _alternatives(pattern[anchor.end():-1])
    guard = re.match(r"\(\?<[!=]\[(?:\\.|[^\]\\])*\]\)", at_stop)
    at_stop = at_stop[guard.end():] if guard else at_stop
    assert at_stop.startswith("(?<=") and at_stop.endswith(")")
    for alternative in ahead + _alternatives(at_stop[4:-1]):
        assert alternative.startswith("["), alternative[:40]


def test_a_stop_only_read_ahead_from_passes_the_look_back_at_one_class():
    # A Cyrillic capital leads cp1251 pairs, read ahead; no single or window ends there.
    pattern = FixEncoding()._fixing_screen.pattern
    anchor = re.match(r"\(\?s\)\[(?:\\.|[^\]\\])*\]\(\?:", pattern)
    at_stop = _alternatives(pattern[anchor.end():-1])[-1]
    guard = re.match(r"\(\?<!(\[(?:\\.|[^\]\\])*\])\)", at_stop)
    assert guard and all(re.fullmatch(guard.group(1), capital) for capital in "ВГРСТ")
    looked_back = at_stop[guard.end() + len("(?<="):-1]
    leads = [re.match(r"\[(?:\\.|[^\]\\])*\]", test).group() for test in _alternatives(looked_back)]
    assert len(leads) >= 3 and not any(re.fullmatch(lead, "С") for lead in leads)


@pytest.mark.parametrize(("singles", "pairs", "positions"), [
    # alone, a pair is anchored at its rarer side
    ("", [Pair(frozenset("é"), frozenset("™"))], [1]),
    ("", [Pair(frozenset("™"), frozenset("é"))], [0]),
    # a side that is a stop already costs nothing more: 'é' is a single here
    ("é", [Pair(frozenset("é"), frozenset("™"))], [0]),
    # Czech 'š' is rarer than Polish 'ł'; but when the first pair stops at 'ł' anyway,
    # the second anchors there too and 'š' makes no new stop
    ("", [Pair(frozenset("ł"), frozenset("š"))], [1]),
    ("", [Pair(frozenset("abc"), frozenset("ł")), Pair(frozenset("ł"), frozenset("š"))], [1, 0]),
    # a Ukrainian 'і' after a capital lead: the capitals, not 'і', are the stop
    ("", [Pair(frozenset("ГДЕРТУ"), frozenset("і"))], [0]),
    # Serbian 'ћ' is rarer than those capitals, but in far more lines: not a stop
    ("", [Pair(frozenset("ВГДЕОРСТУ"), frozenset("ћџ"))], [0]),
])
def test_anchor_positions(singles, pairs, positions):
    assert anchor_positions(frozenset(singles), pairs) == positions


# The characters ftfy's and span repair's screens are made of, with letters
# of several scripts around them.
_TRIGGERS = TriggerScreen(fixer_triggers(ligatures=True, control_chars=True))
_SCREEN_ALPHABET = sorted(
    {char for pair in _TRIGGERS.pairs for side in (pair.first, pair.second) for char in side}
    | {char for table in load_table().values() for char in table.values() if char}
    | set("aéАаВсіёαΩԱաა \ufffd&\x1b"))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_SCREEN_ALPHABET, max_size=8))
def test_trigger_screen_is_ftfy_requirements(text):
    singles = set(fixer_triggers(ligatures=True, control_chars=True))
    pairs = []
    for requirement in _badness_requirements():
        if len(requirement) == 1:
            singles |= requirement[0]
        else:
            pairs.append(Pair(*requirement))
    assert _TRIGGERS.might_change(text) is holds(text, singles, pairs)


_SPAN = SpanRepair()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_SCREEN_ALPHABET, max_size=8))
def test_span_screen_is_its_pairs(text):
    expected = (not text.isascii() and re.search("[^\x00-\x7f’‘“”–—…«»\u00a0\u202f]", text)
                is not None and holds(text, set(), [*_SPAN.screen_pairs, *_SPAN.touching_pairs]))
    assert _SPAN.might_hold(text) is expected


@pytest.mark.parametrize(("lead", "looked_at"), [
    ("Õ", True), ("Ö", True),   # Armenian ց, Ձ... lose their second byte in cp1252
    ("Ñ", True), ("Ð", True),   # Cyrillic я, с, Н...
    ("Ï", True),                # Greek ϐ... (CF 90 is undefined in cp1252)
    ("é", False), ("à", False), ("ç", False), ("Ã", False),  # nothing of another script
])
def test_latin_leads_beside_another_script(lead, looked_at):
    assert (lead in _SPAN.touching_pairs[0].first) is looked_at
    assert _SPAN.touches_other_script(f"Երևանի{lead}") is looked_at


@pytest.mark.parametrize(("text", "looked_at"), [
    ("Tisíce lidí", False),          # í + a continuation, but no letter could have lost a byte
    ("spóźnił", False),              # a four-byte lead with one continuation
    ("náš dům", False),              # á + š could be Georgian short of a byte, but alone
    ("náší", False),                 # and then a lead: still no Georgian ლ (š is everyday)
    ("á\x90á\x95", True),             # მ ვ through cp1250 (E1 83 90, E1 83 95), 83 dropped
    ("лінії", False),                # ED B3 BF: not UTF-8 (ED takes 80-9F next)
    ("Бразилії", False),             # EB B3 BF is U+BCFF, but Ukrainian '-ії' is no sequence
    ("енергією", False),             # nor '-ією' (E3 B3 BA)
    ("лґї", False),                  # EB B4 BF, a Hangul syllable from small letters only
    ("бѓљ", True),                   # E1 83 9A, small letters too, but Georgian ლ
    ("РїС–Рґ", True),                 # Ukrainian 'під' in cp1251: the capitals are leads
    ("Рівне", False),                # a capital and 'і', then a small letter: a word
    ("MaddÉ™", True),                # a two-byte lead and its continuation
    ("áƒáƒ•", True),                 # Georgian ავ, ა (E1 83 90) short of its last byte (cp1252)
    ("áƒ", False),                   # the same alone: a one-letter word is not looked at
    ("â€™s", True),                  # a three-byte lead and both continuations
])
def test_span_screen_asks_leads_for_what_they_need(text, looked_at):
    assert _SPAN.might_hold(text) is looked_at


def test_the_kept_screen_choices_are_current():
    # When this fails (ftfy's triggers or the code pages changed), run
    # python -m corpus_tools.data.build_screen_choices
    assert pair_screen_module._prebuilt() == build_screen_choices.screen_choices()


def test_fix_encoding_makes_its_screens_from_the_kept_choices(monkeypatch):
    def choose(*args):
        raise AssertionError("chosen from scratch")

    monkeypatch.setattr(pair_screen_module, "anchor_positions", choose)
    monkeypatch.setattr(pair_screen_module, "_reading_groups", choose)
    pair_screen_module._source.cache_clear()
    code_pages.screens.cache_clear()
    try:
        for ligatures, controls in [(True, True), (False, True), (True, False), (False, False)]:
            fixer = FixEncoding(EncodingConfig(fix_latin_ligatures=ligatures,
                                               remove_control_chars=controls))
            assert fixer.apply("Azerbaijanâ€™s", None)[0] == "Azerbaijan’s"
            assert fixer._span.repair("MaddÉ™ 22").text == "Maddə 22"
    finally:
        pair_screen_module._source.cache_clear()
        code_pages.screens.cache_clear()
