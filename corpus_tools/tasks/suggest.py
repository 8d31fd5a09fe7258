"""``corpus-tools rules suggest``: the spellings of names a corpus uses, grouped, as a rule draft.

Reading (one pass, memory bounded by the number of distinct spellings):
names are runs of capitalised words in any script (``Pashinyan``,
``Nagorno-Karabakh``, ``Nagorno Karabakh``, ``Степанакерт``), a possessive
folded away (``Pashinyan's``). A spelling only ever seen at the start of a
sentence is kept, flagged, and joins a group only beside a spelling seen
mid-sentence (``Kobachidse rejected...`` beside ``said Kobakhidze``), so a
sentence's first word (``However``) is never a group of its own. Text is
repaired first (the ``fix-encoding`` step), so mojibake (``Ivanishviliâ€™s``)
is counted as the name it spells. Each spelling keeps its count, the
languages of the documents it was seen in and its first two contexts.

Grouping, from strict to lax; each group says which method joined it:

- ``fingerprint``: the same letters once case, diacritics, spaces, hyphens,
  apostrophes and modifier letters (the soft and hard signs of schemes:
  ``ʹ ʺ ʼ ʻ``) are folded (OpenRefine's fingerprint);
- ``spelling``: the same once the equivalences of ``[[spelling]]`` rules
  (``rules/spellings.toml``: ``tch``/``ch``, ``ian``/``yan``, French ``-e``...)
  are applied and doubled letters count once;
- ``phonetic``: a shared key of ``rules/phonetic-classes.tsv`` (the letters
  and sound classes romanization schemes differ in: ``j``/``y``, ``c``/``ts``,
  ``w``/``v``, ``x``/``kh``, German ``sch``/``tsch``, French ``ou``; an
  ambiguous ``ch`` gives a key per reading), never where one spelling is the
  other with an ending or one ends in ``-a`` and the other not
  (``Ivanov``/``Ivanova``, ``Kovalska``/``Kovalskyi``);
- ``edit-distance``: spelling keys one edit apart (two from 11 letters),
  from 7 letters on, starting with the same letter, differing in vowels only,
  and never where one key is the other with an ending (``Aliyev``/``Aliyeva``,
  ``Armenia``/``Armenian``);
- ``cross-script``: a Cyrillic, Armenian or Georgian spelling whose
  transliteration (``[[transliteration]]`` tables) has a Latin group's key:
  shown for review, never put under ``suggest``.

>>> from corpus_tools.rules.loader import load_rules
>>> index = SpellingIndex.from_rules(load_rules())
>>> index.key("Pachinian") == index.key("Pashinyan"), index.key("Aliyeva") == index.key("Aliyev")
(True, False)
"""

from __future__ import annotations

import difflib
import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from corpus_tools.engine.documents import CHUNK_BYTES, documents, line_chunks
from corpus_tools.engine.executor import make_executor
from corpus_tools.errors import CorpusToolsError
from corpus_tools.filters.base import UnitContext
from corpus_tools.filters.encoding.fix_encoding import FixEncoding
from corpus_tools.language.detector import LanguageDetector
from corpus_tools.rules.model import Example, NameRule, RuleSet, Source
from corpus_tools.rules.phonetic import PhoneticKeys
from corpus_tools.rules.writer import export_csv, name_rule_toml, toml_string
from corpus_tools.stream.formats import RecordFormat, TextFormat
from corpus_tools.tasks.language import portable_detector
from corpus_tools.text.scripts import script_of

# A soft sign's apostrophe may stand before a hyphen: ``Ust'-Kut``.
_TOKEN = r"\p{Lu}[\p{L}\p{M}]*(?:(?:['’]-|[-'’])\p{L}[\p{L}\p{M}]*)*"
# A capitalised word, or two joined by a space (a hyphen stays inside a word).
_NAMES = regex.compile(rf"(?<![\p{{L}}\p{{M}}'’-])({_TOKEN})(?: ({_TOKEN}))?")
_POSSESSIVE = regex.compile(r"['’]s$")
_SENTENCE_END = regex.compile(r"(?:^|[.!?…]\s+|[\"«“„(\[]\s*)$")
# Letters NFKD leaves whole that a fingerprint still folds.
_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i",
                       "ħ": "h", "þ": "th", "ð": "d"})
_DOUBLE = regex.compile(r"(\p{L})\1+")
CONTEXTS = 2
CROSS_SCRIPTS = ("Cyrillic", "Armenian", "Georgian")


def fingerprint(form: str) -> str:
    """Case, diacritics, spaces, hyphens, apostrophes and modifier letters folded.

    >>> fingerprint("Nagorno-Karabakh") == fingerprint("nagorno karabakh"), fingerprint("Şuşa")
    (True, 'susa')
    >>> fingerprint("Kovalʹsʹkyy") == fingerprint("Koval's'kyy") == fingerprint("Kovalskyy")
    True
    """
    decomposed = unicodedata.normalize("NFKD", form.casefold().translate(_FOLD))
    # A modifier letter (Lm: the ʹ of a soft sign, the ʻ of an ayin) is a letter to
    # isalpha, but a mark of the scheme, not of the name.
    return "".join(char for char in decomposed
                   if char.isalpha() and unicodedata.category(char) != "Lm")


def never_joined(a: str, b: str) -> bool:
    """The guard of the phonetic method: one spelling is the other with an ending
    (``Armenia``/``Armenian``), or a feminine ``-a`` stands against a masculine form
    (``Ivanova``/``Ivanov``, ``Kovalska``/``Kovalskyi``)."""
    fa, fb = fingerprint(a), fingerprint(b)
    if fa.startswith(fb) or fb.startswith(fa):
        return True
    return fa.endswith("a") != fb.endswith("a")


class SpellingIndex:
    """The keys of the grouping methods, from the loaded ``[[spelling]]`` and
    ``[[transliteration]]`` rules."""

    def __init__(self, spellings: Sequence, transliterations: Sequence,
                 phonetic: PhoneticKeys | None = None):
        self.phonetic = phonetic if phonetic is not None else PhoneticKeys.packaged()
        inside: dict[str, str] = {}
        endings: list[tuple[str, str]] = []
        for rule in spellings:
            target = rule.same[0]
            for item in rule.same[1:] if rule.at == "end" else rule.same:
                if rule.at == "end":
                    endings.append((item, target))
                else:
                    inside.setdefault(item, target)
        alternatives = sorted(inside, key=lambda item: (-len(item), item))
        self._inside = inside
        self._pattern = regex.compile("|".join(regex.escape(a) for a in alternatives)) \
            if alternatives else None
        self._endings = sorted(endings, key=lambda pair: -len(pair[0]))
        self._letters = {letter: latin for rule in transliterations for letter, latin in rule.letters}

    @classmethod
    def from_rules(cls, rules: RuleSet) -> SpellingIndex:
        return cls(rules.spellings, rules.transliterations)

    def key(self, form: str) -> str:
        """The spelling key: equivalences applied (longest first), endings, folded, doubles once."""
        text = form.casefold()
        if self._pattern is not None:
            text = self._pattern.sub(lambda match: self._inside[match.group()], text)
        words = []
        for word in regex.split(r"[\s\-'’]+", text):
            for ending, target in self._endings:
                if len(word) > len(ending) + 3 and word.endswith(ending):
                    word = word[:len(word) - len(ending)] + target
                    break
            words.append(word)
        return _DOUBLE.sub(r"\1", fingerprint(" ".join(words)))

    def latin(self, form: str) -> str | None:
        """A Cyrillic, Armenian or Georgian spelling in Latin letters (None when not one)."""
        scripts = {script_of(char) for char in form if char.isalpha()} - {None}
        if not scripts or not scripts <= set(CROSS_SCRIPTS):
            return None
        lowered = form.casefold()
        if not all(char in self._letters for char in lowered if char.isalpha()):
            return None
        return "".join(self._letters.get(char, char) for char in lowered)


@dataclass
class Spelling:
    form: str
    count: int = 0
    mid_sentence: int = 0
    langs: Counter = field(default_factory=Counter)
    contexts: list = field(default_factory=list)  # (file, line, snippet)

    @property
    def only_initial(self) -> bool:
        """Seen only at the start of sentences: a name only beside a mid-sentence spelling."""
        return self.mid_sentence == 0

    def lang_summary(self) -> str:
        return ", ".join(f"{lang} {count}" for lang, count in self.langs.most_common())


@dataclass
class Group:
    spellings: list[Spelling]
    methods: set[str]
    rule: NameRule | None = None  # an existing rule that names one of the spellings
    cross_script: list[Spelling] = field(default_factory=list)

    @property
    def canonical(self) -> str:
        """The form an existing rule names, else the form most used in English units, else
        the most used; a tie goes to the form more often seen mid-sentence, then to a
        plain-letter form (English text writes ``Kutaisi``, not ``Kʼutʼaisi``)."""
        if self.rule is not None:
            return self.rule.canonical
        return max(self.spellings, key=lambda s: (s.langs.get("en", 0), s.count, s.mid_sentence,
                                                  s.form.isascii(), s.form)).form

    @property
    def langs(self) -> tuple[str, ...] | None:
        """The languages the spellings were seen in, most seen first (None: not known)."""
        seen = Counter()
        for spelling in self.spellings:
            seen.update(spelling.langs)
        known = tuple(lang for lang, _count in seen.most_common() if lang != "und")
        return known or None

    def new_spellings(self) -> list[Spelling]:
        known = set()
        if self.rule is not None:
            known = {self.rule.canonical.casefold(), *(v.casefold() for v in self.rule.variants),
                     *(v.casefold() for v in self.rule.suggest)}
        canonical = self.canonical.casefold()
        return [s for s in self.spellings if s.form.casefold() not in known
                and s.form.casefold() != canonical]


_FIXER: FixEncoding | None = None


def repaired(text: str, lang: str | None) -> str:
    """``text`` as the ``fix-encoding`` step writes it, so mojibake is counted as the
    name it spells (``Ivanishviliâ€™s`` as ``Ivanishvili’s``), not as a spelling."""
    global _FIXER
    if _FIXER is None:
        _FIXER = FixEncoding()
    if not _FIXER.needs_ftfy(text):
        return text
    fixed, _changes = _FIXER.apply(text, UnitContext(lang if lang != "und" else None))
    return fixed


class Tally:
    """Spellings of names counted in some lines, in the order first seen.  The tallies of a
    document's chunks, merged in order, are the tally of the whole document."""

    def __init__(self):
        self.spellings: dict[str, Spelling] = {}
        self.lines = 0

    def add_text(self, text: str, lang: str, where: tuple[str, int]) -> None:
        text = repaired(text, lang)
        for match in _NAMES.finditer(text):
            start = match.start()
            initial = _SENTENCE_END.search(text, 0, start) is not None if start else True
            first = match.group(1)
            self._count(_POSSESSIVE.sub("", first), initial, lang, where, text, start)
            if match.group(2):
                phrase = _POSSESSIVE.sub("", match.group(0))
                self._count(phrase, initial, lang, where, text, start)
                self._count(_POSSESSIVE.sub("", match.group(2)), False, lang, where, text,
                            match.start(2))

    def _count(self, form: str, initial: bool, lang: str, where, text: str, start: int) -> None:
        if len(form) < 3 or (form.isupper() and len(form) <= 4):
            return  # initials and acronyms are not spellings of names
        spelling = self.spellings.get(form)
        if spelling is None:
            spelling = self.spellings[form] = Spelling(form)
        spelling.count += 1
        if not initial:
            spelling.mid_sentence += 1
        spelling.langs[lang] += 1
        if len(spelling.contexts) < CONTEXTS:
            snippet = text[max(0, start - 40):start + len(form) + 40].strip()
            spelling.contexts.append((where[0], where[1], snippet))

    def merge(self, later: Tally) -> None:
        """Add the tally of the lines after these (its spellings are taken, not copied)."""
        self.lines += later.lines
        for form, theirs in later.spellings.items():
            mine = self.spellings.get(form)
            if mine is None:
                self.spellings[form] = theirs
                continue
            mine.count += theirs.count
            mine.mid_sentence += theirs.mid_sentence
            mine.langs.update(theirs.langs)  # languages new to it come after, in their order
            mine.contexts.extend(theirs.contexts[:max(0, CONTEXTS - len(mine.contexts))])


class Collector(Tally):
    """Counts the spellings of names in records, one pass, in chunks any executor runs.

    A plain-text document's language is decided, when no ``lang`` is given, from
    its first 4,000 characters; a JSONL or TSV record's, from each text.
    """

    def __init__(self, lang: str | None = None, detector: LanguageDetector | None = None):
        super().__init__()
        self.lang = lang
        self.detector = detector

    def read(self, path: str, record_format: RecordFormat, on_bad_record: str = "error") -> None:
        self.read_all([path], record_format, on_bad_record)

    def read_all(self, paths: Sequence[str], record_format: RecordFormat,
                 on_bad_record: str = "error", jobs: int = 1, engine: str = "local",
                 scheduler: str | None = None, chunk_bytes: int = CHUNK_BYTES) -> None:
        """Count every path's spellings (``-j``, ``--engine``: the same counts, in the same
        order, as one process)."""
        try:
            executor = make_executor(SuggestWork(self.lang, self.detector), jobs, engine,
                                     scheduler)
        except ValueError as error:
            raise CorpusToolsError(str(error)) from None
        with executor:
            for document in documents(paths, record_format, self._decider(record_format),
                                      on_bad_record, head_test=self._head_test(record_format)):
                for _, tally in executor.ordered(count_chunk,
                                                 line_chunks(document, None, chunk_bytes)):
                    self.merge(tally)

    def _by_head(self, record_format: RecordFormat) -> bool:
        """Whether documents take one language, decided from their heads."""
        return self.lang is None and isinstance(record_format, TextFormat)

    def _head_test(self, record_format: RecordFormat):
        """For each document, a test of its lines: true at the head's last."""
        if not self._by_head(record_format):
            return lambda: lambda line: True  # nothing to decide from a head

        def new_test():
            size = 0

            def until(line) -> bool:
                nonlocal size
                if line.record is not None:
                    size += len(line.text)
                return size >= _HEAD_CHARS

            return until

        return new_test

    def _decider(self, record_format: RecordFormat):
        if not self._by_head(record_format):
            return lambda head: self.lang

        def document_lang(head) -> str | None:
            texts = [line.text for line in head if line.record is not None]
            return self._detect(" ".join(texts)) if texts else None

        return document_lang

    def add_lines(self, lines, document_lang: str | None, label: str) -> None:
        for line in lines:
            self.lines += 1
            if line.record is not None:
                self._add_record(line, document_lang, label)

    def _add_record(self, line, document_lang: str | None, label: str) -> None:
        for text in line.record.texts:
            lang = document_lang or self._detect(text[:1000])
            self.add_text(text, lang, (label, line.number))

    def _detect(self, text: str) -> str:
        if self.detector is None:
            return "und"
        return self.detector.detect(text[:_HEAD_CHARS]).lang


_HEAD_CHARS = 4000  # a plain-text document's language: from the text of its first lines


@dataclass
class SuggestWork:
    """What a worker needs to count spellings: the language given, or the detector."""

    lang: str | None
    detector: LanguageDetector | None

    def __reduce__(self):
        if self.detector is None:
            return SuggestWork, (self.lang, None)
        return _suggest_work, (self.lang, *portable_detector(self.detector))


def _suggest_work(lang, build, args) -> SuggestWork:
    return SuggestWork(lang, build(*args))


def count_chunk(state: SuggestWork, chunk) -> Tally:
    """The work of ``rules suggest`` on one chunk of lines, in any executor: its tally
    (the chunk carries its document's language, or None)."""
    collector = Collector(state.lang, state.detector)
    collector.add_lines(chunk.lines(), chunk.facts, chunk.label)
    tally = Tally()
    tally.spellings, tally.lines = collector.spellings, collector.lines
    return tally


def _levenshtein_at_most(a: str, b: str, limit: int) -> bool:
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char != other)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


_VOWELS = frozenset("aeiouy")


def close_keys(a: str, b: str) -> bool:
    """The edit-distance method's test on two spelling keys (see the module's documentation).

    Only vowels may differ: transliteration slips a vowel in or out
    (``Shakharamanyan``), while a consonant more makes another name
    (``Georgian``, ``Gevorgyan``).
    """
    shorter = min(len(a), len(b))
    if shorter < 7 or a[0] != b[0] or a.startswith(b) or b.startswith(a):
        return False
    if not _levenshtein_at_most(a, b, 2 if shorter >= 11 else 1):
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return all(set(a[i1:i2]) <= _VOWELS and set(b[j1:j2]) <= _VOWELS
               for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}
        self.methods: dict[str, set[str]] = defaultdict(set)

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str, method: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a
            self.methods[root_a] |= self.methods.pop(root_b, set())
        self.methods[root_a].add(method)


def group_spellings(spellings: Iterable[Spelling], index: SpellingIndex,
                    rules: Sequence[NameRule] = ()) -> list[Group]:
    """Groups of two or more spellings (or one new spelling of a known name)."""
    chosen = list(spellings)
    latin_of = {s.form: index.latin(s.form) for s in chosen}
    latin_forms = [s for s in chosen if latin_of[s.form] is None]
    other_forms = [s for s in chosen if latin_of[s.form] is not None]
    joined = _UnionFind()
    by_key: dict[tuple[str, str], str] = {}
    keys = {s.form: index.key(s.form) for s in chosen}
    for spelling in chosen:
        joined.find(spelling.form)
        for method, key in (("fingerprint", fingerprint(spelling.form)),
                            ("spelling", keys[spelling.form])):
            earlier = by_key.setdefault((method, key), spelling.form)
            if earlier != spelling.form:
                joined.union(earlier, spelling.form, method)
    by_sound: dict[str, str] = {}
    for spelling in latin_forms:
        for key in sorted(index.phonetic.keys(spelling.form)):
            if len(key) < 4:
                continue
            earlier = by_sound.setdefault(key, spelling.form)
            if earlier != spelling.form and not never_joined(earlier, spelling.form):
                joined.union(earlier, spelling.form, "phonetic")
    blocks: dict[str, list[str]] = defaultdict(list)
    for spelling in latin_forms:
        key = keys[spelling.form]
        if len(key) >= 7:
            blocks[key[0]].append(spelling.form)
    for forms in blocks.values():
        distinct: dict[str, str] = {}
        for form in forms:
            distinct.setdefault(keys[form], form)
        items = sorted(distinct.items())
        for i, (key, form) in enumerate(items):
            for other_key, other_form in items[i + 1:]:
                if close_keys(key, other_key) and not never_joined(form, other_form):
                    joined.union(form, other_form, "edit-distance")
    groups: dict[str, list[Spelling]] = defaultdict(list)
    for spelling in latin_forms:
        groups[joined.find(spelling.form)].append(spelling)
    latin_keys = {keys[s.form]: joined.find(s.form) for s in latin_forms}
    cross: dict[str, list[Spelling]] = defaultdict(list)
    for spelling in other_forms:
        root = latin_keys.get(index.key(latin_of[spelling.form]))
        if root is not None:
            cross[root].append(spelling)
        else:
            groups[joined.find(spelling.form)].append(spelling)
    known = {}
    rule_keys: dict[str, dict[str, NameRule]] = defaultdict(dict)  # first letter -> key -> rule
    for rule in rules:
        for form in (rule.canonical, *rule.variants, *rule.suggest):
            known.setdefault(form.casefold(), rule)
            key = index.key(form)
            if key:
                rule_keys[key[0]].setdefault(key, rule)

    def rule_near(members: Sequence[Spelling]) -> NameRule | None:
        """A loaded rule one of whose spellings has a member's key, or one close to it."""
        for member in members:
            key = keys.get(member.form) or index.key(member.form)
            block = rule_keys.get(key[:1], {})
            if key in block:
                return block[key]
            for other, rule in block.items():
                if close_keys(key, other):
                    return rule
        return None

    def word_group(word: str) -> str:
        rule = known.get(word.casefold())
        if rule is not None:
            return rule.id
        return joined.find(word) if word in joined.parent else index.key(word)

    result = []
    for root, members in groups.items():
        members.sort(key=lambda s: (-s.count, s.form))
        touched = [known[s.form.casefold()] for s in members if s.form.casefold() in known]
        others = [s for s in cross.get(root, []) if s.form.casefold() not in known]
        group = Group(members, set(joined.methods.get(root, set())),
                      rule=touched[0] if touched else rule_near(members), cross_script=others)
        if len(members) < 2 and not group.cross_script:
            continue
        if all(s.only_initial for s in [*members, *group.cross_script]):
            continue  # only sentences' first words: nothing says they are names
        if _words_already_grouped(members, word_group):
            continue  # 'Nikol Pachinian' / 'Nikol Pashinyan': its words are grouped on their own
        if group.rule is not None and not group.new_spellings() and not group.cross_script:
            continue  # the loaded rules cover it completely
        result.append(group)
    result.sort(key=lambda g: (-sum(s.count for s in g.spellings), g.canonical))
    return result


def _words_already_grouped(members: Sequence[Spelling], word_group) -> bool:
    """Whether a group of phrases differs only in words that are one name on their own."""
    split = [member.form.split(" ") for member in members]
    if len(split[0]) < 2 or len({len(words) for words in split}) != 1:
        return False
    return all(len({word_group(words[position]) for words in split}) == 1
               for position in range(len(split[0])))


def _example(spelling: Spelling) -> Example | None:
    """An example for ``rules test``: the spelling in a few words of its first context."""
    if not spelling.contexts:
        return None
    _file, _line, snippet = spelling.contexts[0]
    start = snippet.find(spelling.form)
    if start < 0:
        return None
    before = snippet[:start].split(" ")[-4:]
    after = snippet[start + len(spelling.form):].split(" ")[:4]
    text = (" ".join(before) + spelling.form + " ".join(after)).strip()
    lang = spelling.langs.most_common(1)[0][0] if spelling.langs else None
    return Example(text=text, expect=None, source=Source("draft", 0), finds=spelling.form,
                   lang=lang if lang and lang != "und" else None)


def draft_rules(groups: Sequence[Group]) -> list[NameRule]:
    """One name rule per group: every new spelling under ``suggest``, each with an example."""
    rules = []
    for group in groups:
        new_spellings = group.new_spellings()
        if not new_spellings:
            continue
        new = tuple(s.form for s in new_spellings)
        examples = tuple(e for e in map(_example, new_spellings) if e is not None)
        methods = ", ".join(sorted(group.methods)) or "fingerprint"
        if group.rule is not None:
            old = group.rule
            rules.append(NameRule(
                canonical=old.canonical, variants=old.variants, source=Source("draft", 0),
                lang=old.lang, keep=old.keep, keep_written=old.keep_written, fix=old.fix,
                note=old.note or f"found by {methods}", suggest=(*old.suggest, *new),
                not_after=old.not_after, not_before=old.not_before,
                examples=(*old.examples, *examples)))
        else:
            rules.append(NameRule(canonical=group.canonical, variants=(), source=Source("draft", 0),
                                  lang=group.langs, suggest=new, note=f"found by {methods}", examples=examples))
    return rules


def checked_examples(rules: Sequence[NameRule], loaded: RuleSet) -> list[NameRule]:
    """The draft's rules keeping only the examples ``rules test`` passes with the loaded rules
    (a context where another rule's spelling or a keep phrase stands too is left out)."""
    from dataclasses import replace

    from corpus_tools.tasks.rule_examples import run_examples

    canonicals = {rule.canonical for rule in rules}
    merged = RuleSet(names=[r for r in loaded.names if r.canonical not in canonicals] + list(rules),
                     artifacts=loaded.artifacts, punctuation=loaded.punctuation,
                     repeats=loaded.repeats)
    _count, failures = run_examples(merged, only=list(rules))
    failed = {(id(f.rule), f.example) for f in failures}
    return [replace(rule, examples=tuple(e for e in rule.examples if (id(rule), e) not in failed))
            for rule in rules]


def _comment_rows(group: Group) -> list[str]:
    rows = []
    width = max(len(s.form) for s in [*group.spellings, *group.cross_script])
    for spelling, mark in [*((s, "") for s in group.spellings),
                           *((s, "cross-script, review: ") for s in group.cross_script)]:
        context = ""
        if spelling.contexts:
            file, line, snippet = spelling.contexts[0]
            context = f"  {file}:{line}  {snippet!r}"
        initial = "  (only at sentence start)" if spelling.only_initial else ""
        rows.append(f"#   {mark}{spelling.form:<{width}}  {spelling.count:>6}  "
                    f"{spelling.lang_summary()}{initial}{context}")
    return rows


def draft_toml(groups: Sequence[Group], summary: str, loaded: RuleSet | None = None) -> str:
    """The draft rule file, each rule with its spellings, counts and a context in comments."""
    out = [
        "# A draft from `corpus-tools rules suggest`: review it before use.",
        f"# {summary}",
        "# Every new spelling is under `suggest`: clean and check report it with the",
        "# canonical form and change nothing, until a linguist moves it to `variants`.",
        "",
        "[file]",
        f"description = {toml_string('Draft from rules suggest: review before use')}",
        "",
    ]
    for group in groups:
        rule = draft_rules([group])
        if rule and loaded is not None:
            rule = checked_examples(rule, loaded)
        if group.rule is not None:
            out.append(f"# add to {group.rule.source} ({group.rule.id})")
        methods = ", ".join(sorted(group.methods)) or "fingerprint"
        out.append(f"# found by: {methods}")
        out += _comment_rows(group)
        if rule:
            out.append(name_rule_toml(rule[0]))
        else:
            out.append("# (only cross-script spellings: nothing to add)\n")
    return "\n".join(out)


def draft_tsv(groups: Sequence[Group]) -> str:
    rows = ["variant\tcanonical\tlang\tcount"]
    for group in groups:
        canonical = group.canonical
        for spelling in group.new_spellings():
            lang = spelling.langs.most_common(1)[0][0] if spelling.langs else ""
            rows.append(f"{spelling.form}\t{canonical}\t{lang}\t{spelling.count}")
    return "\n".join(rows) + "\n"


def draft_json(groups: Sequence[Group]) -> str:
    def spelling_dict(s: Spelling) -> dict:
        return {"spelling": s.form, "count": s.count, "langs": dict(s.langs),
                "contexts": [{"file": f, "line": n, "text": t} for f, n, t in s.contexts]}

    return json.dumps([{
        "canonical": group.canonical, "methods": sorted(group.methods),
        "rule": group.rule.id if group.rule else None,
        "rule_at": str(group.rule.source) if group.rule else None,
        "new": [s.form for s in group.new_spellings()],
        "spellings": [spelling_dict(s) for s in group.spellings],
        "cross_script": [spelling_dict(s) for s in group.cross_script],
    } for group in groups], ensure_ascii=False, indent=2) + "\n"


def draft_csv(groups: Sequence[Group], loaded: RuleSet | None = None) -> str:
    rules = draft_rules(groups)
    if loaded is not None:
        rules = checked_examples(rules, loaded)
    return export_csv(rules, with_source=False)


def near(spellings: Iterable[Spelling], name: str, index: SpellingIndex) -> list[tuple[Spelling, str]]:
    """Every spelling close to ``name``, with how: same fingerprint, same key, or edit distance."""
    target_print, target_key = fingerprint(name), index.key(name)
    found = []
    for spelling in spellings:
        form = spelling.form
        latin = index.latin(form)
        key = index.key(latin if latin is not None else form)
        if fingerprint(form) == target_print:
            how = "fingerprint"
        elif key == target_key:
            how = "cross-script" if latin is not None else "spelling"
        elif _levenshtein_at_most(key, target_key, max(1, min(len(key), len(target_key)) // 4)):
            how = "edit-distance"
        else:
            continue
        found.append((spelling, how))
    found.sort(key=lambda item: (-item[0].count, item[0].form))
    return found
