"""One regex that tells whether a line holds a trigger character or a trigger pair.

The encoding screens ask "is one of these characters here, or a character of
A directly followed by one of B?" (ftfy's badness pattern, and the lead and
continuation characters of misread UTF-8).  Asked as ``[A][B]``, the regex
engine stops at every character of A, and in Cyrillic text every letter is a
cp1251 lead; in Greek text every letter starts one of ftfy's pairs.  So each
pair is anchored at a rare side, the one that adds least to the characters the
screen stops at anyway.  All alternatives then start with a character of one
set, which ``re`` scans for in C before it tries anything (its "charset
prefix"); a clean line of most languages holds none of them.  Where one does
(a Russian capital that leads cp1251 pairs), a few tests settle the stop.

What a stop costs is the regex engine's, measured (CPython 3.11, ``re``, on
Serbian lines): a match attempt, about 25 ns even where the pattern fails at
once; then each alternative whose first item is a class or literal not
holding the character costs 2-3 ns, and each that starts otherwise (a look
back or ahead), or whose class holds it, a call of 10-50 ns.  So every
alternative starts with a class: of the character after the stop, or, inside
one look back at the stop, of the stop itself; a stop none of the look back's
tests starts at is told so by one class before it.  And the letters that stand
in most lines of a language are not stops where another side of their pairs
can be (``stop_frequency``): Serbian 'ћ' is 0.3% of Serbian letters but in a
third of its lines.

>>> screen = pair_screen({"&"}, [Pair(frozenset("ВГРС"), frozenset("‘“•"))])
>>> bool(screen.search("Россия и Грузия")), bool(screen.search("Р“")), bool(screen.search("a & b"))
(False, True, True)
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from corpus_tools.text.letters import basic_letter, everyday_small_letter
from corpus_tools.text.regex import char_class, class_inside

# Typography that edited text of every language uses.
_COMMON_MARKS = frozenset("’‘“”–—…«»\u00a0")


@dataclass(frozen=True)
class Pair:
    """A character of ``first`` directly followed by one of ``second``; then, when
    given, one character of each set of ``then`` in turn, and after all of them no
    character of ``not_then``."""

    first: frozenset[str]
    second: frozenset[str]
    then: tuple[frozenset[str], ...] = ()
    not_then: frozenset[str] = frozenset()

    def anchor_position(self) -> int:
        """The position of the rarest set; the last when it is nearly as rare (within
        10%), since pairs anchored at their last character share one look back.  (The
        screen's own choice, ``anchor_positions``, weighs all its pairs together.)"""
        costs = [stop_frequency(chars) for chars in self.sets()]
        if costs[-1] <= 1.1 * min(costs):
            return len(costs) - 1
        return min(range(len(costs)), key=lambda position: (costs[position], -position))

    def sets(self) -> tuple[frozenset[str], ...]:
        """The characters each position of the pair and what follows it may hold."""
        return (self.first, self.second, *self.then)

    def window(self) -> str:
        """The pair and what follows it, as a regex of fixed width without a lookaround."""
        return "".join(map(char_class, self.sets()))


def frequency(chars: Iterable[str]) -> float:
    """A rough guess of how often correct text holds a character of ``chars``.

    The letters of a script's basic alphabet (``a-z``, ``а-я``, ``α-ω``, all of
    Armenian or Georgian) weigh most; accented and national letters (``é``,
    ``ё``, ``і``) less, capitals less again, typography less; symbols,
    modifier letters and controls are rare in any language.
    """
    # fsum: the same figure whatever order a set gives its characters in (a set's
    # order changes from process to process, and the choices built on it must not).
    return math.fsum(map(_weight, chars))


def stop_frequency(chars: Iterable[str]) -> float:
    """What stopping at the characters of ``chars`` costs a screen: ``frequency``, but
    with the letters of ``_IN_MOST_LINES`` as common as a basic letter."""
    return math.fsum(map(_stop_weight, chars))


# Serbian's own letters: one of them is in nearly every Serbian line, and every stop
# costs the regex engine a match attempt whatever follows, so what counts is how many
# lines hold one, not how many letters are one ('ћ' is 0.3% of them).  The pairs they
# end (after a cp1251 capital: 'Рћ' is 'О') stop at the capital instead.
_IN_MOST_LINES = frozenset("ђјљњћџ")


@functools.cache
def _stop_weight(char: str) -> float:
    return 1.0 if char in _IN_MOST_LINES else _weight(char)


@functools.cache
def _weight(char: str) -> float:
    """How often, relative to an average letter, the language that writes ``char`` most
    writes it: its largest share of one language's letters in langdetect's profiles
    (``data/letter_frequency.tsv``) times 30.  Ukrainian 'і' weighs 2, Polish 'ł' 0.4,
    Macedonian 'ѓ' 0.05, Russian 'Р' 0.06.  A letter of a language without a profile
    (Kazakh 'ә', Azerbaijani 'ə', Armenian, Georgian) weighs by its kind."""
    if char in _COMMON_MARKS:
        return 0.1
    if not char.isalpha() or unicodedata.category(char) == "Lm" or char in "ªºµ":
        return 0.005
    share = _letter_shares().get(char, 0.0)
    if share >= _KNOWN_SHARE:
        return share * 30
    if char.isupper() or unicodedata.category(char) == "Lt":
        return 0.05 if basic_letter(char) else 0.02
    return 1.0 if basic_letter(char) or everyday_small_letter(char) else 0.05


# A share below this is a letter of another language seen in a profile's text
# (Azerbaijani 'ə' in Estonian Wikipedia), not that language's own.
_KNOWN_SHARE = 1e-4


@functools.cache
def _letter_shares() -> dict[str, float]:
    text = importlib.resources.files("corpus_tools.data").joinpath(
        "letter_frequency.tsv").read_text(encoding="utf-8")
    shares = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, share, _language = line.split("\t")
            shares[chr(int(code, 16))] = float(share)
    return shares


def split_everyday(pair: Pair) -> list[Pair]:
    """The pair as pieces, the everyday small letters of each position apart from the
    rest: 'і' after a cp1251 lead is then anchored at the lead, the symbols after it
    at themselves, and Ukrainian text does not stop at every 'і'."""
    pieces = [pair]
    for position in range(len(pair.sets())):
        split = []
        for piece in pieces:
            sets = piece.sets()
            everyday = frozenset(filter(everyday_small_letter, sets[position]))
            rest = sets[position] - everyday
            if not everyday or not rest:
                split.append(piece)
                continue
            for part in (rest, everyday):
                new = (*sets[:position], part, *sets[position + 1:])
                split.append(Pair(new[0], new[1], new[2:], piece.not_then))
        pieces = split
    return pieces


def pair_screen(singles: Iterable[str], pairs: Iterable[Pair]) -> PairScreen:
    """A pattern that finds a character of ``singles`` or any of ``pairs``.

    It finds something exactly when one of them is in the text (``search``
    is the test; where a match starts is not meaningful).  Every match starts
    at an anchor: a single, or a pair's anchor position (``anchor_positions``).
    At a stop, a few tests, each starting with a class: is the character after
    the stop one that a reading-ahead group goes on with (then: is the stop
    one it starts at); or, looking back at the stop, is it a single, or the end
    of some window (per group of windows: those with a whole script before the
    anchor, and the others; then: is the character before it one they hold).
    Only then are the windows themselves looked back over.  A stop that none of
    the looking-back tests starts at is told so by one class before them.  Built
    once per set of singles and pairs, on first use (:class:`PairScreen`).
    """
    return PairScreen(frozenset(singles), tuple(pairs))


class PairScreen:
    """``pair_screen``'s pattern, made on first use: its source (``pattern``) when
    asked, the compiled regex on the first ``search``.  Compiling FixEncoding's
    screen took ~120 ms of every command's start-up, on an empty input too."""

    def __init__(self, singles: frozenset[str], pairs: tuple[Pair, ...]):
        self._singles, self._pairs = singles, pairs

    @functools.cached_property
    def pattern(self) -> str:
        return _source(self._singles, self._pairs)

    @functools.cached_property
    def compiled(self) -> re.Pattern[str]:
        # re's own cache gives every screen of the same source one compiled pattern.
        return re.compile(self.pattern)

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled.search(text, *bounds)

    def __getattr__(self, name: str):
        # finditer, match, ...: the compiled regex's (pickling's dunder look-ups fail).
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled, name)


# A class before an anchor larger than this holds whole scripts (all of Greek to
# Georgian): asked apart from the others.
_WHOLE_SCRIPTS = 1000


@functools.lru_cache(maxsize=64)
def _source(singles: frozenset[str], pairs: tuple[Pair, ...]) -> str:
    # Choosing the anchors and groups takes three times as long as compiling the
    # pattern: the choices for the screens of FixEncoding's configurations are kept
    # in data/screen_choices.jsonl (see build_screen_choices.py).
    pattern, _ = screen_pattern(singles, pairs, _prebuilt().get(screen_key(singles, pairs)))
    return pattern


def screen_key(singles: frozenset[str], pairs: tuple[Pair, ...]) -> str:
    """A digest of what a screen is built from: the same singles and pairs, the same key."""
    digest = hashlib.sha256("".join(sorted(singles)).encode("utf-8", "surrogatepass"))
    for pair in pairs:
        for chars in (*pair.sets(), pair.not_then):
            digest.update(b"\0" + "".join(sorted(chars)).encode("utf-8", "surrogatepass"))
        digest.update(b"\1")
    return digest.hexdigest()


@functools.cache
def _prebuilt() -> dict[str, dict]:
    """``data/screen_choices.jsonl``: key -> the choices ``screen_pattern`` made."""
    text = importlib.resources.files("corpus_tools.data").joinpath(
        "screen_choices.jsonl").read_text(encoding="utf-8")
    entries = (json.loads(line) for line in text.splitlines() if line)
    return {entry["key"]: entry["choices"] for entry in entries}


def screen_pattern(singles: frozenset[str], pairs: tuple[Pair, ...],
                   choices: dict | None = None) -> tuple[str, dict]:
    """The regex source of ``pair_screen`` (see there), and the choices it made: each
    piece's anchor position (``anchors``) and the reading-ahead groups (``groups``,
    each a list of the reading-ahead pieces in order).  Given ``choices``, it makes
    them again as given: the same pattern, without the time it takes to choose."""
    anchors = set(singles)
    ending_at_anchor: dict[int, list[Pair]] = {}  # by the width of the window
    looking_back: list[tuple[frozenset[str], frozenset[str], PairTest]] = []  # before, anchor, test
    # anchor, next, the test after the next character was read:
    reading_ahead: list[tuple[frozenset[str], frozenset[str], PairTest]] = []
    pairs = [piece for pair in merged(pairs) for piece in split_everyday(pair)]
    positions = (choices["anchors"] if choices is not None
                 else anchor_positions(singles, pairs))
    for pair, position in zip(pairs, positions, strict=True):
        window, sets = pair.window(), pair.sets()
        rest = f"(?![{class_inside(pair.not_then)}])" if pair.not_then else ""
        anchors |= sets[position]
        if position == len(sets) - 1 and not rest:
            ending_at_anchor.setdefault(len(sets), []).append(pair)
        elif position == len(sets) - 1:
            looking_back.append((sets[-2], sets[-1], PairTest("", window, rest, len(sets))))
        else:
            # Asked after its group has read the character after the stop.  What was
            # read ahead is not asked again looking back ('.'): each class is one more
            # table for the regex compiler to build.
            ahead = "".join(map(char_class, sets[position + 2:]))
            behind = "".join(map(char_class, sets[:position + 2])) + "." * len(sets[position + 2:])
            reading_ahead.append((sets[position], sets[position + 1],
                                  PairTest(ahead, behind, rest, len(sets))))
    groups = choices["groups"] if choices is not None else _reading_groups(reading_ahead)
    made = {"anchors": list(positions), "groups": groups}
    if not anchors:
        return "(?!)", made
    for width, group in sorted(ending_at_anchor.items(), reverse=True):
        # Each position of the window asked once for all of them, then each window.
        columns = [frozenset().union(*(pair.sets()[column] for pair in group))
                   for column in range(width)]
        windows = "|".join(pair.window() for pair in group)
        looking_back.insert(0, (columns[-2], columns[-1], PairTest(
            None, f"(?<={''.join(map(char_class, columns))})(?<={windows})", "", width)))
    # A few tests decide most stops: does the character after the stop go on from it
    # (``ahead``, asked just after the stop); or, looking back at the stop itself, is
    # it a single, do the character before it and it end a window (``at_stop``).
    # Each starts with a class, which the regex engine passes over at once where the
    # character is not in it; one that starts with a look back costs every stop a call.
    at_stop = [char_class(singles)] if singles else []
    looked_back_at = set(singles)  # the stops that a test of ``at_stop`` starts at
    ahead = []
    if looking_back:
        # One union of every window's last two classes would let a Cyrillic letter
        # before 'і' through (a pair with any letter of Greek to Georgian before a Latin
        # lead, others with 'і' at their end): the windows whose class before holds a
        # whole script are asked apart, the others together (each alternative more
        # costs every stop a test).
        by_size: dict[bool, tuple[set[str], set[str], list[str]]] = {}
        for before, at, branch in looking_back:
            group = by_size.setdefault(len(before) > _WHOLE_SCRIPTS, (set(), set(), []))
            group[0].update(before)
            group[1].update(at)
            group[2].append(branch)
        for _, (before, at, branches) in sorted(by_size.items()):
            # The anchor asked first: most stops are not where a whole script's windows end.
            at_stop.append(f"{char_class(at)}(?<={char_class(before)}.)"
                           f"(?:{_alternation(branches)})")
            looked_back_at |= at
    # Reading ahead, the pairs in a few groups, each asking its own characters at and
    # after the stop: one union of them all would let Russian 'Р' then 'о' through
    # (a capital's pair before 'і', a lead's before a lowercase lead) to every branch.
    for members in groups:
        at = frozenset().union(*(reading_ahead[member][0] for member in members))
        following = frozenset().union(*(reading_ahead[member][1] for member in members))
        tests = _alternation([reading_ahead[member][2] for member in members])
        if _after_first(following):
            ahead.append(f"{char_class(following)}(?<={char_class(at)}.)(?:{tests})")
        else:
            at_stop.append(f"{char_class(at)}(?={char_class(following)}(?:{tests}))")
            looked_back_at |= at
    # The tests at the stop as one look back, each one character wide.  A stop where
    # none of them starts (a Cyrillic capital that only leads cp1251 pairs, read
    # ahead) passes over it after one look back at a class, not at each of them.
    if at_stop:
        passing = anchors - looked_back_at
        guard = ""
        if passing:
            guard = (f"(?<![{class_inside(passing)}])" if len(passing) <= len(looked_back_at)
                     else f"(?<=[{class_inside(looked_back_at & anchors)}])")
        ahead.append(guard + "(?<=" + "|".join(at_stop) + ")")
    # (?s): in a block of lines, the character after a pair may be a line break.
    return "(?s)" + char_class(anchors) + "(?:" + "|".join(ahead) + ")", made


class PairTest(NamedTuple):
    """What a pair asks once the screen has read up to some character: ``lead`` read
    after it, and ``window`` (of ``width`` characters) looking back, and ``rest`` after
    that (a ``not_then``).  A ``lead`` of None: ``window`` is the whole test."""

    lead: str | None
    window: str
    rest: str
    width: int


def _alternation(tests: list[PairTest]) -> str:
    """The tests as one alternation.  Those that start by reading a class stay apart
    (the regex engine passes over each at once where the class does not hold the
    character); those that start by looking back are asked per ``rest`` and width
    in one look back over all their windows: one call where each cost one."""
    alternatives, reading, looking_back = [], {}, {}
    for test in tests:
        if test.lead is None:
            alternatives.append(test.window)
        elif test.lead:
            reading.setdefault(test.lead, []).append(test._replace(lead=""))
        else:
            looking_back.setdefault((test.rest, test.width), []).append(test.window)
    # Those that read the same class first read it once.
    for lead, then in reading.items():
        alternatives.append(f"{lead}(?:{_alternation(then)})")
    for (rest, _), windows in looking_back.items():
        alternatives.append(f"{rest}(?<={'|'.join(windows)})")
    return "|".join(alternatives)


def _after_first(following: frozenset[str]) -> bool:
    """Whether pairs read ahead from their stop ask the character after it first: not
    where what may follow holds whole scripts or several everyday letters ('ბ' short of
    a byte before any Cyrillic letter), as most stops in such a text are followed by one."""
    return len(following) <= _WHOLE_SCRIPTS and frequency(following) <= _FREQUENT_AFTER


# As often as this many average letters.
_FREQUENT_AFTER = 10


# At most this many groups read ahead: each costs every stop one more test, and
# fewer let more through to their pairs' tests.  FixEncoding's pairs join into no
# fewer than five without a union that asks the other side first (6 and 8 were
# measured 0.5-2% slower per line in Serbian and Kazakh).
_READING_GROUPS = 5


def _reading_groups(reading_ahead) -> list[list[int]]:
    """The reading-ahead pairs as at most ``_READING_GROUPS`` groups in all (each the
    indexes of its pairs, in order), while two may still be joined.  Every stop asks
    each group's first test, the union of its pairs' first characters, and where it
    holds the group's pairs.  Pairs with the same characters at the stop and the same
    side asked first start as one group; two groups are joined only where both and
    their union ask the same side first (``_after_first`` of what may follow: a union
    of pairs that read ahead could come to ask the stop first, and a Cyrillic capital
    that only leads cp1251 pairs would then be looked back at), the two whose union
    costs least more (how often its first test holds, by ``frequency``, times its
    pairs) first."""
    by_anchor: dict[tuple[bool, frozenset[str]], tuple[set[str], list[int]]] = {}
    for index, (at, following, *_branches) in enumerate(reading_ahead):
        group = by_anchor.setdefault((_after_first(following), at), (set(), []))
        group[0].update(following)
        group[1].append(index)
    groups = [(frozenset(at), frozenset(following), members)
              for (_, at), (following, members) in by_anchor.items()]

    def cost(group) -> float:
        # How often the group's first test holds (then its pairs are asked), times
        # its pairs.
        first = group[1] if _after_first(group[1]) else group[0]
        return frequency(first) * len(group[2])

    def joined(first, second):
        return (first[0] | second[0], first[1] | second[1], first[2] + second[2])

    def joinable(first, second) -> bool:
        # Only groups that ask the same side first, and whose union still does.
        side = _after_first(first[1])
        return side == _after_first(second[1]) == _after_first(first[1] | second[1])

    costs = [cost(group) for group in groups]
    increases = {(first, second): cost(joined(groups[first], groups[second]))
                 - costs[first] - costs[second]
                 for first in range(len(groups)) for second in range(first + 1, len(groups))
                 if joinable(groups[first], groups[second])}
    alive = set(range(len(groups)))
    while len(alive) > _READING_GROUPS and increases:
        first, second = min(increases, key=lambda key: (increases[key], key))
        groups[first] = joined(groups[first], groups[second])
        costs[first] = cost(groups[first])
        alive.discard(second)
        increases = {key: value for key, value in increases.items()
                     if first not in key and second not in key}
        for other in alive - {first}:
            if not joinable(groups[first], groups[other]):
                continue
            key = (min(first, other), max(first, other))
            increases[key] = cost(joined(groups[first], groups[other])) - costs[first] - costs[other]
    return [groups[index][2] for index in sorted(alive)]


def anchor_positions(singles: frozenset[str], pairs: list[Pair]) -> list[int]:
    """Where to anchor each pair: at the position whose characters add the least to
    the stops the screen makes anyway (the singles and the other pairs' anchors).
    A character that is a stop already costs a test, not a stop: a pair anchored at
    'š', which another pair stops at, makes no new stop in Czech text."""
    positions = [pair.anchor_position() for pair in pairs]
    # How many pairs stop at each character (the singles always): a pair's own
    # anchor taken out while it chooses, instead of a union of all the others.
    stops = Counter(singles)
    for pair, position in zip(pairs, positions, strict=True):
        stops.update(pair.sets()[position])
    for _ in range(3):
        changed = False
        for index, pair in enumerate(pairs):
            stops.subtract(pair.sets()[positions[index]])
            costs = [stop_frequency(frozenset(char for char in chars if stops[char] <= 0))
                     for chars in pair.sets()]
            best = min(range(len(costs)), key=lambda position: (costs[position], -position))
            if costs[-1] <= 1.1 * costs[best]:
                best = len(costs) - 1
            if best != positions[index]:
                positions[index], changed = best, True
            stops.update(pair.sets()[positions[index]])
        if not changed:
            break
    _move_off_letters(pairs, positions, stops)
    return positions


# A stop at a character whose weight is at least this is worth moving every pair off.
_WORTH_MOVING = 0.1


def _move_off_letters(pairs: list[Pair], positions: list[int], stops: Counter) -> None:
    """Take the frequent letters out of the stops where the pairs anchored there can all
    anchor elsewhere for less.  One pair at a time never moves off 'š' while others
    stop there (a stop already made costs nothing more): asked per letter, all of
    them move together (ftfy's 'Ãš' to 'Ã', a cp1252 'ð…šž' to its middle)."""
    letters = sorted((char for char in stops if stops[char] > 0 and _stop_weight(char) >= _WORTH_MOVING),
                     key=lambda char: (-_stop_weight(char), char))
    for letter in letters:
        movers = [index for index, pair in enumerate(pairs)
                  if letter in pair.sets()[positions[index]]]
        if not movers or stops[letter] > len(movers):
            continue  # a single stops there, or nothing does any more
        for index in movers:
            stops.subtract(pairs[index].sets()[positions[index]])
        moved, added = {}, 0.0
        for index in movers:
            options = [(stop_frequency(char for char in chars if stops[char] <= 0), position)
                       for position, chars in enumerate(pairs[index].sets())
                       if letter not in chars]
            if not options:
                break
            cost, position = min(options, key=lambda option: (option[0], -option[1]))
            moved[index] = position
            added += cost
            stops.update(pairs[index].sets()[position])
        for index, position in moved.items():
            stops.subtract(pairs[index].sets()[position])
        everyone = len(moved) == len(movers) and added < _stop_weight(letter)
        for index in movers:
            # When some pair must stay, the letter stays a stop, and the others move
            # only where they make no new stop (fewer tests at the letter).
            if index in moved and (everyone or not stop_frequency(
                    char for char in pairs[index].sets()[moved[index]] if stops[char] <= 0)):
                positions[index] = moved[index]
            stops.update(pairs[index].sets()[positions[index]])


def merged(pairs: Iterable[Pair]) -> list[Pair]:
    """The same pairs, those that share a side and ask nothing more as one (fewer tests)."""
    simple, others = [], []
    for pair in pairs:
        if pair.first and pair.second:
            plain = not pair.then and not pair.not_then
            (simple if plain else others).append(pair)
    for side in (0, 1, 0):  # by first, then by second, then by first again
        grouped: dict[frozenset[str], set[str]] = {}
        for pair in simple:
            key, value = (pair.first, pair.second) if side == 0 else (pair.second, pair.first)
            grouped.setdefault(key, set()).update(value)
        simple = [Pair(key, frozenset(value)) if side == 0 else Pair(frozenset(value), key)
                  for key, value in grouped.items()]
    return simple + others
