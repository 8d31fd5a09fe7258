"""Mojibake beyond ftfy: how much of each kind of damage `fix-encoding` restores,
per language, against ftfy alone, and what it does to correct text.

Sentences: ``data/lang-labelled.tsv`` and ``data/mojibake-sentences.tsv``
(our own, CC0).  Each is damaged, with a fixed seed, in five ways for each code
page UTF-8 is misread as (cp1252, latin-1, cp1251, cp1250, MacRoman):

- ``whole``: the whole line misread;
- ``word``: one word with a non-ASCII letter misread, the rest correct;
- ``short``: a short line, the first two words of the sentence, misread;
- ``double``: the one word misread twice (UTF-8 -> page -> UTF-8 -> page);
- ``lossy``: the whole line misread by a page that has no character for some
  bytes, which are dropped (``lossy-drop``) or become U+FFFD (``lossy-fffd``).

A kind is counted for a page only where the damage exists (the text changes)
and the page can represent it.  A lost byte can be restored without a model
of the language only when exactly one of the page's undefined bytes gives an
everyday letter of the lost letter's script and case: Russian ``с``, ``э``
and ``я`` (D1 81, D1 8D, D1 8F) all lose their byte in cp1252, so no rule can
tell them apart, while Armenian ``ց`` (D6 81) can be restored.  Lossy lines
are split into those that can be reversed and those that cannot; the latter
should be reported (``encoding:unrepaired``), never guessed.

It also runs every correct sentence through fix-encoding (changed lines must
be 0) and times clean text with and without span repair, in this process.

    python benchmarks/bench_mojibake.py [--runs 3] [--details] [--set tuning|held-out|by-others]
                                        [--no-speed] [--per-language] [--mb 5] [--codepages]

``--set held-out`` runs the sentences of ``data/mojibake-held-out.tsv``, written
after the rules were tuned on the others and run once as a check;
``--set by-others`` runs ``data/mojibake-by-others.tsv``, text written by people
outside the project (spaCy's example sentences, MIT; the CLDR's region names,
Unicode License), Kyrgyz and Tatar among them; ``--set cldr`` takes 150 of
the CLDR's names per language from Babel (installed, or unpacked: ``--babel``).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from textgen import news_lines

from corpus_tools.engine.runner import Runner, RunOptions
from corpus_tools.filters.base import DocumentFacts, UnitContext
from corpus_tools.filters.encoding.fix_encoding import EncodingConfig, FixEncoding
from corpus_tools.pipeline import CleanConfig, Pipeline

try:
    from corpus_tools.text.letters import everyday_letter
except ImportError:  # a revision before text/ (compare_outputs.py --current-benchmarks)
    from corpus_tools.filters.encoding.span_repair import everyday_letter
from corpus_tools.text.scripts import script_of

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("hy", "ru", "uk", "az", "tr", "ka", "el", "sr", "sr-Latn", "uz", "kk",
             "fr", "de", "es", "pl", "cs", "ky", "tt")
CODECS = ("cp1252", "latin-1", "cp1251", "cp1250", "mac_roman")
LOSSY_CODECS = ("cp1252", "cp1251", "cp1250")
KINDS = ("whole", "word", "short", "double", "lossy-drop", "lossy-fffd")


SETS = {"tuning": ("lang-labelled.tsv", "mojibake-sentences.tsv"),
        "held-out": ("mojibake-held-out.tsv",),
        "by-others": ("mojibake-by-others.tsv",),
        "cldr": ("the CLDR's names, via Babel",)}


CLDR_LOCALES = {"hy": "hy", "ru": "ru", "uk": "uk", "az": "az", "tr": "tr", "ka": "ka",
                "el": "el", "sr": "sr", "sr-Latn": "sr_Latn", "uz": "uz", "kk": "kk", "fr": "fr",
                "de": "de", "es": "es", "pl": "pl", "cs": "cs", "ky": "ky", "tt": "tt"}
CLDR_PER_LANGUAGE = 150


def cldr_strings() -> dict[str, list[str]]:
    """150 CLDR names beyond ASCII per language (languages, regions, scripts, currencies,
    months, days; a fixed seed), from Babel, which must be importable (``--babel``)."""
    from babel import Locale
    from bench_cldr_clean import strings_of

    rng = random.Random(7)
    found = {}
    for lang, locale in CLDR_LOCALES.items():
        names = [name for name in strings_of(Locale.parse(locale)) if not name.isascii()]
        rng.shuffle(names)
        found[lang] = names[:CLDR_PER_LANGUAGE]
    return found


def sentences(which: str = "tuning") -> dict[str, list[str]]:
    if which == "cldr":
        return cldr_strings()
    found: dict[str, list[str]] = defaultdict(list)
    for name in SETS[which]:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                lang, text = line.split("\t", 1)
                if lang in LANGUAGES:
                    found[lang].append(text)
    return found


def misread(text: str, codec: str, errors: str = "strict") -> str | None:
    try:
        return text.encode("utf-8").decode(codec, errors=errors)
    except UnicodeDecodeError:
        return None


def lost_byte_recoverable(char: str, codec: str) -> bool:
    """Whether exactly one undefined byte of ``codec`` gives an everyday letter like ``char``."""
    raw = char.encode("utf-8")
    undefined = [b for b in range(0x80, 0xC0) if misread(bytes([b]).decode("latin-1"), codec)
                 is None and _undefined(b, codec)]
    if not any(b in undefined for b in raw[1:]):
        return True  # nothing of this letter is lost
    fitting = 0
    for position, byte in enumerate(raw):
        if position == 0 or byte not in undefined:
            continue
        for other in undefined:
            candidate = bytearray(raw)
            candidate[position] = other
            try:
                letter = bytes(candidate).decode("utf-8")
            except UnicodeDecodeError:
                continue
            if (unicodedata.category(letter)[0] == "L" and script_of(letter) == script_of(char)
                    and letter.islower() == char.islower()
                    and everyday_letter(letter, script_of(letter))):
                fitting += 1
    return fitting == 1


def _undefined(byte: int, codec: str) -> bool:
    try:
        bytes([byte]).decode(codec)
        return False
    except UnicodeDecodeError:
        return True


def _words_and_one_chosen(text: str, rng: random.Random) -> tuple[list[str], int | None]:
    """The sentence's words, and the index of one word beyond ASCII to damage alone."""
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if not w.isascii()]
    return words, rng.choice(candidates) if candidates else None


def damaged_cases(lang: str, text: str, rng: random.Random):
    """(kind, codec, damaged, reversible) for one sentence."""
    words, chosen = _words_and_one_chosen(text, rng)
    for codec in CODECS:
        whole = misread(text, codec)
        if whole is not None and whole != text:
            yield "whole", codec, whole, True
        if chosen is not None:
            word = misread(words[chosen], codec)
            if word is not None and word != words[chosen]:
                yield "word", codec, " ".join([*words[:chosen], word, *words[chosen + 1:]]), True
                twice = misread(word, codec)
                if twice is not None:
                    yield "double", codec, " ".join(
                        [*words[:chosen], twice, *words[chosen + 1:]]), True
        short = " ".join(words[:2])
        short_damaged = misread(short, codec)
        if short_damaged is not None and short_damaged != short:
            yield "short", codec, short_damaged, True
    for codec in LOSSY_CODECS:
        if misread(text, codec) is not None:
            continue  # nothing is lost
        reversible = all(lost_byte_recoverable(char, codec) for char in text if not char.isascii())
        yield "lossy-drop", codec, misread(text, codec, "ignore"), reversible
        yield "lossy-fffd", codec, misread(text, codec, "replace"), reversible


def run_fix(fixer: FixEncoding, text: str, lang: str | None = None) -> tuple[str, bool]:
    """The fixed text, and whether it was reported; ``lang``: the document's language, as
    ``--lang`` gives it."""
    fixed, changes = fixer.apply(text, UnitContext(facts=DocumentFacts(lang=lang)))
    return fixed, any(change.rule == "encoding:unrepaired" for change in changes)


def quality(details: bool, which: str = "tuning",
            every_line: bool = False) -> tuple[dict, dict, int, int]:
    """Restoration per language and kind; ``every_line`` prints every case's output, so two
    versions of the code can be compared line by line (benchmarks/compare_outputs.py)."""
    ftfy_only = FixEncoding(EncodingConfig(span_repair=False))
    full = FixEncoding()
    rng = random.Random(13)
    # lines, ftfy, fix-encoding, reported, fix-encoding with the document's language given
    table: dict = defaultdict(lambda: [0, 0, 0, 0, 0])
    by_codec: dict = defaultdict(lambda: [0, 0, 0, 0, 0])
    clean_changed = clean_total = 0
    for lang, texts in sentences(which).items():
        for text in texts:
            clean_total += 1
            for given in (None, lang):  # without and with the document's language
                fixed, reported = run_fix(full, text, given)
                if every_line:
                    print(f"  LINE correct {lang} (--lang {given}): {text!r} -> {fixed!r} "
                          f"reported={reported}")
                if fixed != text or reported:  # a finding on correct text is wrong too
                    clean_changed += 1
                    print(f"  CHANGED or REPORTED correct {lang} (--lang {given}): {text!r} -> "
                          f"{fixed!r}")
            for kind, codec, damaged, reversible in damaged_cases(lang, text, rng):
                expected = text if kind != "short" else " ".join(text.split(" ")[:2])
                label = kind if not kind.startswith("lossy") or reversible else kind + " (ambiguous)"
                by_ftfy = run_fix(ftfy_only, damaged)[0] == expected
                fixed, reported = run_fix(full, damaged)
                restored = fixed == expected
                if restored and reported:
                    print(f"  REPORTED although restored {lang} {label} {codec}: {damaged!r}")
                with_lang = restored or run_fix(full, damaged, lang)[0] == expected
                if every_line:
                    print(f"  LINE {lang} {label} {codec}: {damaged!r} -> {fixed!r} "
                          f"ftfy={by_ftfy} reported={reported} with_lang={with_lang}")
                for key, store in (((lang, label), table), ((codec, label), by_codec)):
                    row = store[key]
                    row[0] += 1
                    row[1] += by_ftfy
                    row[2] += restored
                    row[3] += (not restored) and reported
                    row[4] += with_lang
                if details and not restored and (reversible or fixed != damaged):
                    print(f"  {lang} {label} {codec}: {damaged!r} -> {fixed!r}")
    return table, by_codec, clean_changed, clean_total


def check_output(which: str) -> str:
    """What ``corpus-tools check --select encoding:`` reports on a file of every damaged line
    of the set (each kind, each page, the same seed) and its correct sentences: the step's
    and the detector's ``encoding:unrepaired`` records together, as a user sees them."""
    rng = random.Random(13)
    lines = []
    for lang, texts in sentences(which).items():
        for text in texts:
            lines.append(text)
            lines += [damaged for _kind, _codec, damaged, _reversible
                      in damaged_cases(lang, text, rng)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.txt"
        path.write_text("".join(line.replace("\n", " ").replace("\r", " ") + "\n"
                                for line in lines), encoding="utf-8", errors="surrogateescape")
        done = subprocess.run([sys.executable, "-m", "corpus_tools.cli", "check", "--select",
                               "encoding:", "damaged.txt"], cwd=folder, capture_output=True,
                              text=True)
    return done.stdout + done.stderr + f"exit status {done.returncode}\n"


def best_of_alternating(runs: int, without, with_) -> tuple[float, float, float]:
    """The best seconds of ``without()`` and ``with_()`` over ``2 * runs`` rounds, and the
    median over the rounds of the one's seconds over the other's (the throughput ratio).
    In each round the two run back to back, each first as often: a slower spell of the
    machine (this VM's come and go within seconds) hits both of a round alike, and the
    median of the rounds' ratios is what such spells move least."""
    best = [float("inf"), float("inf")]
    ratios = []
    calls = (without, with_)
    for run in range(2 * runs):
        seconds = [0.0, 0.0]
        for index in ((0, 1) if run % 2 == 0 else (1, 0)):
            start = time.perf_counter()
            calls[index]()
            seconds[index] = time.perf_counter() - start
            best[index] = min(best[index], seconds[index])
        ratios.append(seconds[0] / seconds[1])
    return best[0], best[1], statistics.median(ratios)


def apply_throughput(runs: int, lines: list[str]) -> tuple[float, float, float]:
    """fix-encoding's apply on each of ``lines``: MB/s without and with span repair (the
    best rounds), and the median of the rounds' ratios (``best_of_alternating``)."""
    size = sum(len(line.encode("utf-8")) + 1 for line in lines) / 1e6
    context = UnitContext()
    without, with_ = (FixEncoding(EncodingConfig(span_repair=False)), FixEncoding(EncodingConfig()))

    def run(fixer):
        def apply_all() -> None:
            for line in lines:
                fixer.apply(line, context)
        return apply_all

    seconds = best_of_alternating(runs, run(without), run(with_))
    return size / seconds[0], size / seconds[1], seconds[2]


def throughput(runs: int) -> tuple[float, ...]:
    """``apply_throughput`` on English news and on every language's sentences together."""
    english = news_lines(4_000_000)
    multilingual = [text for texts in sentences().values() for text in texts] * 200
    return (*apply_throughput(runs, english), *apply_throughput(runs, multilingual))


def per_language_throughput(runs: int) -> list[tuple[str, float, float, float]]:
    """``apply_throughput`` per line on each language's clean sentences: (language,
    without, with, ratio).  Many short rounds (ten times ``runs``, about a millisecond
    each), so that enough of them fall where the machine runs steadily."""
    return [(lang, *apply_throughput(10 * runs, texts * 60)) for lang, texts in sentences().items()]


def pipeline_throughput(runs: int, megabytes: float) -> list[tuple[str, float, float, float]]:
    """MB/s of the command-line steps on a file of clean sentences of all the languages,
    without and with span repair, and the ratio: (what, without, with, ratio)."""
    texts = [text for texts in sentences().values() for text in texts]
    return [(name, *file_throughput(runs, texts, megabytes, steps))
            for name, steps in (("fix-encoding", ["fix-encoding"]), ("clean", None))]


def per_language_file_throughput(runs: int,
                                  megabytes: float) -> list[tuple[str, float, float, float]]:
    """fix-encoding through the Runner (the command line's path: a block screen over
    whole blocks of lines) on a file of each language's clean sentences."""
    return [(lang, *file_throughput(runs, texts, megabytes, ["fix-encoding"]))
            for lang, texts in sentences().items()]


def file_throughput(runs: int, texts: list[str], megabytes: float,
                    steps: list[str] | None) -> tuple[float, float, float]:
    """MB/s of ``steps`` on a file of ``texts`` (paragraphs of five between blank lines),
    without and with span repair, and the ratio.  In process, each pipeline warmed
    first, ``2 * runs`` rounds (``best_of_alternating``)."""
    texts = list(texts)
    rng = random.Random(5)
    lines, size = [], 0
    while size < megabytes * 1e6:
        rng.shuffle(texts)
        for text in texts[:5]:
            lines.append(text)
            size += len(text.encode("utf-8")) + 1
        lines.append("")
        size += 1
    with tempfile.TemporaryDirectory() as temp:
        source, out = Path(temp) / "clean.txt", Path(temp) / "out.txt"
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        sample = Path(temp) / "sample.txt"
        sample.write_text("\n".join(lines[:2000]) + "\n", encoding="utf-8")
        megabytes = source.stat().st_size / 1e6
        pipelines = [Pipeline(steps, CleanConfig(encoding=EncodingConfig(span_repair=False))),
                     Pipeline(steps, CleanConfig())]
        for pipeline in pipelines:
            Runner(pipeline, RunOptions(output=str(out))).run([str(sample)])
        without, with_ = (
            lambda pipeline=pipeline: Runner(pipeline, RunOptions(output=str(out))).run(
                [str(source)]) for pipeline in pipelines)
        seconds = best_of_alternating(runs, without, with_)
    return megabytes / seconds[0], megabytes / seconds[1], seconds[2]


# The legacy Cyrillic pages (--codepages): UTF-8 read as each, and text saved in each
# read as another page.
CYRILLIC_PAGES = ("koi8_r", "koi8_u", "cp866", "mac_cyrillic", "kz1048")
CYRILLIC_LANGUAGES = ("ru", "uk", "kk", "sr", "ky", "tt", "be", "bg")
READ_AS = ("cp1251", "latin-1", "cp1252")


def codepage_cases(text: str, rng: random.Random):
    """(kind, damaged) for one sentence, through the legacy Cyrillic pages: ``PAGE whole``,
    ``PAGE word`` and ``PAGE+cp1251`` (two layers: UTF-8 read as the page, saved as UTF-8
    and read as cp1251) for UTF-8 misread; ``PAGE as READ`` for text saved in the page
    and read as another (``cp1251 as koi8_r`` is the classic 'бНОПНЯ')."""
    words, chosen = _words_and_one_chosen(text, rng)
    for page in CYRILLIC_PAGES:
        whole = misread(text, page)
        if whole is not None and whole != text:
            yield f"{page} whole", whole
            twice = misread(whole, "cp1251")
            if twice is not None:
                yield f"{page}+cp1251", twice
        if chosen is not None:
            word = misread(words[chosen], page)
            if word is not None and word != words[chosen]:
                yield f"{page} word", " ".join([*words[:chosen], word, *words[chosen + 1:]])
    for page in ("cp1251", *CYRILLIC_PAGES):
        for read_as in ("koi8_r", *READ_AS) if page == "cp1251" else READ_AS:
            try:
                damaged = text.encode(page).decode(read_as)
            except UnicodeError:
                continue
            if damaged != text:
                yield f"{page} as {read_as}", damaged


def codepage_quality(which: str, details: bool) -> tuple[dict, int, int]:
    """Restored by ftfy and by fix-encoding per kind of ``codepage_cases``, over the set's
    Cyrillic languages: kind -> [lines, ftfy, fix-encoding]; and clean lines changed."""
    fixer = FixEncoding(EncodingConfig())
    ftfy_only = FixEncoding(EncodingConfig(span_repair=False))
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    clean_changed = clean_total = 0
    for lang, texts in sentences(which).items():
        if lang not in CYRILLIC_LANGUAGES:
            continue
        rng = random.Random(f"{lang}-codepages")
        for text in texts:
            for variant in (text, text.upper()):
                clean_total += 1
                clean_changed += run_fix(fixer, variant) != (variant, False)
            for kind, damaged in codepage_cases(text, rng):
                row = table[kind]
                row[0] += 1
                row[1] += run_fix(ftfy_only, damaged)[0] == text
                fixed = run_fix(fixer, damaged)[0]
                row[2] += fixed == text
                if details and fixed != text:
                    print(f"  {lang} {kind}: {damaged!r} -> {fixed!r}")
    return table, clean_changed, clean_total


def print_codepages(which: str, details: bool) -> None:
    table, clean_changed, clean_total = codepage_quality(which, details)
    print(f"Legacy Cyrillic pages, sentences of {which} ({', '.join(CYRILLIC_LANGUAGES)}):")
    print(f"{'kind':<26} {'lines':>5}  {'ftfy':>6}  {'fix-enc':>7}")
    for kind in sorted(table):
        lines, by_ftfy, restored = table[kind]
        print(f"{kind:<26} {lines:>5}  {percent(by_ftfy, lines)}  {percent(restored, lines)}")
    print(f"Correct sentences (and in capitals) changed or reported: {clean_changed}/{clean_total}")


def print_rows(table: dict, keys, labels, width: int) -> None:
    for key in keys:
        for label in labels:
            lines, by_ftfy, restored, reported, with_lang = table.get((key, label), (0,) * 5)
            if lines:
                print(f"{key:<{width}} {label:<24} {lines:>5}  {percent(by_ftfy, lines)}  "
                      f"{percent(restored, lines):>7}  {percent(reported, lines - restored):>8}"
                      f"  {percent(with_lang, lines):>7}")


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   - "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mb", type=float, default=5, help="size of the file the steps run on")
    parser.add_argument("--details", action="store_true", help="print every line not restored")
    parser.add_argument("--set", choices=SETS, default="tuning",
                        help="which sentences: ours the rules were tuned on, ours written after "
                             "(held-out), or written by others (spaCy's examples, CLDR names)")
    parser.add_argument("--held-out", action="store_const", dest="set", const="held-out",
                        help="the same as --set held-out")
    parser.add_argument("--babel", metavar="DIR",
                        help="an unpacked Babel wheel, for --set cldr (or pip install babel)")
    parser.add_argument("--every-line", action="store_true",
                        help="print every line's output (to compare two versions of the code)")
    parser.add_argument("--check-output", action="store_true",
                        help="only print what `check --select encoding:` reports on the set's "
                             "damaged lines")
    parser.add_argument("--no-speed", action="store_true", help="restoration only, no timing")
    parser.add_argument("--per-language", action="store_true",
                        help="also time fix-encoding on each language's sentences, per line "
                             "and on a 3 MB file")
    parser.add_argument("--codepages", action="store_true",
                        help="only the legacy Cyrillic pages (KOI8-R/U, cp866, MacCyrillic, "
                             "KZ-1048), both ways of damage")
    args = parser.parse_args()
    which = args.set
    if args.babel:
        sys.path.insert(0, args.babel)
    if args.codepages:
        print_codepages(which, args.details)
        return
    if args.check_output:
        print(check_output(which), end="")
        return
    print(f"Sentences: {which} set ({', '.join(SETS[which])})")
    table, by_codec, clean_changed, clean_total = quality(args.details, which, args.every_line)
    labels = sorted({label for _key, label in table}, key=lambda k: (KINDS.index(k.split()[0]), k))
    print("Restored (ftfy alone / fix-encoding), per language and kind, all code pages together;")
    print("'reported' is the share of lines not restored that carry encoding:unrepaired;")
    print("'--lang' the share restored when the document's language is given.")
    print(f"{'lang':<8} {'kind':<24} {'lines':>5}  {'ftfy':>6}  {'fix-enc':>7}  {'reported':>8}"
          f"  {'--lang':>7}")
    print_rows(table, LANGUAGES, labels, 8)
    print("\nPer code page, all languages together:")
    print_rows(by_codec, CODECS, labels, 10)
    totals = defaultdict(lambda: [0, 0, 0, 0, 0])
    for (_lang, label), (lines, by_ftfy, restored, reported, with_lang) in table.items():
        totals[label][0] += lines
        totals[label][1] += by_ftfy
        totals[label][2] += restored
        totals[label][3] += with_lang
        totals[label][4] += reported
    print("\nAll languages ('reported': of the lines not restored):")
    for label in labels:
        lines, by_ftfy, restored, with_lang, reported = totals[label]
        print(f"  {label:<24} {lines:>5} lines  ftfy {percent(by_ftfy, lines)}  "
              f"fix-encoding {percent(restored, lines)}  with --lang {percent(with_lang, lines)}"
              f"  reported {percent(reported, lines - restored)}")
    print(f"\nCorrect sentences changed or reported (each run without and with --lang): "
          f"{clean_changed}/{2 * clean_total}")
    if args.no_speed:
        return
    print("Speed on clean text, without and with span repair: MB/s of the best rounds, and"
          " the median ratio of the rounds (each round runs both)")
    en_off, en_on, en_ratio, multi_off, multi_on, multi_ratio = throughput(args.runs)
    print(f"Clean English news: {en_off:.1f} MB/s without span repair, {en_on:.1f} MB/s with "
          f"({en_ratio:.2f}x)")
    print(f"Clean sentences of the {len(sentences())} languages: {multi_off:.1f} MB/s without, "
          f"{multi_on:.1f} MB/s with ({multi_ratio:.2f}x)")
    if args.per_language:
        print("fix-encoding per line, each language's clean sentences (MB/s without / with):")
        for lang, off, on, ratio in per_language_throughput(args.runs):
            print(f"  {lang:<8} {off:7.1f} {on:7.1f}  {ratio:.2f}x")
    if args.per_language:
        print("fix-encoding on a file (the command line's path), each language's clean "
              "sentences, 3 MB (MB/s without / with):")
        for lang, off, on, ratio in per_language_file_throughput(args.runs, 3):
            print(f"  {lang:<8} {off:7.1f} {on:7.1f}  {ratio:.2f}x")
    for name, off, on, ratio in pipeline_throughput(args.runs, args.mb):
        print(f"{name} on a file of those sentences ({args.mb:g} MB): {off:.1f} MB/s without "
              f"span repair, {on:.1f} MB/s with ({ratio:.2f}x)")


if __name__ == "__main__":
    main()
