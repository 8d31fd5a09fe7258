"""`rules suggest` quality and speed on a corpus with planted spelling groups.

The corpus is generated English news (``textgen.py``) with sentences naming
people and places, each written in several spellings the way translation
makes them: French (``-ian``, ``ch`` for ``sh``, ``ou`` for ``u``, ``dj``,
a closing ``-e``), Russian-derived (``kh``, ``-yev``/``-ev``, ``ya``),
Azerbaijani (``ə``, ``ş``, ``x``), the old Armenian ``-ts``, and one-letter
slips in long names.  Beside them stand look-alike names that are NOT
spellings of one name: a woman's form (``Aliyeva``), a people beside its
country (``Armenian``), short names one letter apart (``Pskov``/``Peskov``),
and names sharing a stem.

It runs the grouping as ``rules suggest --no-default-rules --rules
rules/spellings.toml`` does (the spelling rules, no name rules), and prints
the precision and recall of the proposed pairs of spellings: a pair is right
when both spellings were planted in the same group.  Goal: recall >= 0.9,
precision >= 0.85.  Then it times the reading and grouping on ``--mb`` of the
same kind of text, beside a plain read of the same lines in the same run.

    python benchmarks/bench_suggest.py [--groups 60] [--mb 20] [--seed 7] [--cli-mb 100]

``--cli-mb N`` also writes an N MB file and times ``corpus-tools rules suggest``
on it through the command line (start-up, reading, language identification
of the file's head, grouping and writing the draft), with its peak memory.
"""

from __future__ import annotations

import argparse
import itertools
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from textgen import news_lines

from corpus_tools.rules.loader import load_rules
from corpus_tools.tasks.suggest import Collector, SpellingIndex, group_spellings

SPELLINGS = Path(__file__).resolve().parents[1] / "rules" / "spellings.toml"

ARMENIAN_ROOTS = ["Petros", "Grigor", "Sargs", "Vardan", "Khachatr", "Hovhannis", "Manuk",
                  "Shahraman", "Ghukas", "Arzuman", "Tigran", "Zakar", "Harutyun", "Avetis",
                  "Mkrtch", "Gevorg", "Ashot", "Sukias", "Galust", "Karapet", "Ohan", "Khoren",
                  "Nersis", "Simon", "Minas", "Poghos", "Shushan", "Martiros", "Yeghish", "Khosrov"]
TURKIC_ROOTS = ["Məmməd", "Hüseyn", "Əhməd", "Şahin", "Rəsul", "Cəfər", "Qasım", "Xəlil",
                "Abbas", "Nəcəf", "Mustafa", "Şükür"]
PLACES = ["Gyumri", "Vanadzor", "Dilijan", "Goris", "Kapan", "Jermuk", "Shushi", "Martuni",
          "Khojaly", "Aghdam", "Fuzuli", "Jabrayil", "Zangilan", "Kalbajar", "Shirak", "Tavush"]
TEMPLATES = [
    "On Monday officials said {name} had spoken with the delegation.",
    "Reports from the region quoted {name} as saying the talks would go on.",
    "According to local media, {name} visited the border area on Tuesday.",
    "The statement, signed by {name}, was read to reporters in the capital.",
    "Negotiators met {name} again after a late meeting.",
]


def armenian_variants(canonical: str, rng: random.Random) -> list[str]:
    """French, older English, Russian-derived and slipped spellings of an Armenian surname."""
    forms = {
        canonical.replace("yan", "ian"),  # French and older English
        canonical.replace("sh", "ch").replace("yan", "ian"),  # French
        canonical.replace("yan", "iane").replace("sh", "ch"),  # French, with its -e
        canonical.replace("u", "ou"),  # French
        canonical + "ts",  # old Armenian patronymic
        canonical.replace("kh", "x"),
        canonical.replace("gh", "ğ"),
        canonical.replace("j", "dj"),
    }
    if len(canonical) >= 9:  # a slip: a vowel added in the middle (Shakharamanyan)
        middle = len(canonical) // 2
        forms.add(canonical[:middle] + "a" + canonical[middle:])
    forms.discard(canonical)
    forms = sorted(forms)
    rng.shuffle(forms)
    return forms[:rng.randint(2, 4)]


def turkic_variants(root: str, rng: random.Random) -> tuple[str, list[str]]:
    """An Azerbaijani surname in -ov, as English, Russian-derived and Azerbaijani text write it."""
    azerbaijani = root + "ov"
    english = azerbaijani.replace("ə", "a").replace("ş", "sh").replace("x", "kh").replace(
        "ü", "u").replace("ı", "i").replace("c", "j").replace("q", "g")
    forms = {azerbaijani, english.replace("a", "ä", 1), english.replace("sh", "ch"),
             english.replace("ov", "ow") if False else english.replace("u", "ou")}
    forms.discard(english)
    forms = sorted(forms)
    rng.shuffle(forms)
    return english, forms[:rng.randint(2, 3)]


def place_variants(place: str, rng: random.Random) -> list[str]:
    forms = {place.replace("u", "ou"), place.replace("sh", "ch"), place + "e",
             place.replace("j", "dj"), place.replace("kh", "x"), place.replace("gh", "ğ"),
             place.replace("yu", "ou")}
    forms.discard(place)
    forms = sorted(forms)
    rng.shuffle(forms)
    return forms[:rng.randint(2, 3)]


def planted_groups(count: int, rng: random.Random) -> tuple[list[list[str]], list[list[str]]]:
    """(groups of spellings of one name, look-alike sets that are different names)."""
    groups, lookalikes = [], []
    roots = ARMENIAN_ROOTS[:]
    rng.shuffle(roots)
    for root in roots:
        canonical = root + "yan"
        groups.append([canonical, *armenian_variants(canonical, rng)])
    for root in TURKIC_ROOTS:
        english, variants = turkic_variants(root, rng)
        groups.append([english, *variants])
        lookalikes.append([english, english + "a"])  # Mammadov / Mammadova
    for place in PLACES:
        groups.append([place, *place_variants(place, rng)])
    groups = groups[:count]
    # Different names that look alike.
    lookalikes += [["Armenia", "Armenian"], ["Georgia", "Georgian"], ["Pskov", "Peskov"],
                   ["Artsakh", "Karabakh"], ["Kuban", "Kuba"], ["Tavriya", "Tavriyan"],
                   ["Marina", "Marian"], ["Karen", "Karin"], ["Sevan", "Sivan"],
                   ["Ivanov", "Ivanova"], ["Petrov", "Petrova"], ["Hakob", "Hakobyan"]]
    return groups, lookalikes


def build_corpus(groups, lookalikes, filler_bytes: int, rng: random.Random) -> list[str]:
    lines = news_lines(filler_bytes, seed=rng.randint(0, 10**6))
    planted = []
    for group in groups:
        for position, form in enumerate(group):
            for _ in range(12 if position == 0 else rng.randint(2, 6)):
                planted.append(rng.choice(TEMPLATES).format(name=form))
    for names in lookalikes:
        for form in names:
            for _ in range(rng.randint(3, 8)):
                planted.append(rng.choice(TEMPLATES).format(name=form))
    for sentence in planted:
        lines.insert(rng.randrange(len(lines) + 1), sentence)
    return lines


def proposed_pairs(lines: list[str]) -> tuple[set[frozenset], float]:
    index = SpellingIndex.from_rules(load_rules([SPELLINGS], use_defaults=False))
    collector = Collector(lang="en")
    start = time.perf_counter()
    for number, line in enumerate(lines, 1):
        collector.add_text(line, "en", ("corpus", number))
    spellings = [s for s in collector.spellings.values() if s.count >= 2]
    groups = group_spellings(spellings, index)
    elapsed = time.perf_counter() - start
    pairs = set()
    for group in groups:
        for a, b in itertools.combinations([s.form for s in group.spellings], 2):
            pairs.add(frozenset((a, b)))
    return pairs, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--groups", type=int, default=60, help="planted groups (at most 58)")
    parser.add_argument("--mb", type=float, default=20.0, help="size of the corpus to time")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cli-mb", type=float, default=0, help="also time the CLI on this size")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    groups, lookalikes = planted_groups(args.groups, rng)
    lines = build_corpus(groups, lookalikes, 2_000_000, rng)
    truth = {frozenset(pair) for group in groups for pair in itertools.combinations(group, 2)}
    pairs, _elapsed = proposed_pairs(lines)
    right = pairs & truth
    precision = len(right) / len(pairs) if pairs else 0.0
    recall = len(right) / len(truth)
    print(f"planted: {len(groups)} groups, {sum(len(g) for g in groups)} spellings, "
          f"{len(truth)} pairs; {len(lookalikes)} sets of look-alike different names")
    print(f"proposed pairs: {len(pairs)}, right: {len(right)}")
    print(f"precision: {precision:.3f} (goal >= 0.85)   recall: {recall:.3f} (goal >= 0.9)")
    for pair in sorted(pairs - truth, key=sorted)[:15]:
        print("  wrong pair:", " / ".join(sorted(pair)))
    for pair in sorted(truth - pairs, key=sorted)[:15]:
        print("  missed pair:", " / ".join(sorted(pair)))

    big = build_corpus(groups, lookalikes, int(args.mb * 1_000_000), random.Random(args.seed))
    size = sum(len(line.encode("utf-8")) + 1 for line in big) / 1e6
    start = time.perf_counter()
    letters = sum(sum(char.isupper() for char in line) for line in big)
    baseline = time.perf_counter() - start
    tracemalloc.start()
    _pairs, elapsed = proposed_pairs(big)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"speed on {size:.1f} MB in process: suggest {size / elapsed:.1f} MB/s "
          f"({elapsed:.1f} s); a plain pass counting capitals {size / baseline:.1f} MB/s "
          f"({letters} capitals); peak traced memory {peak / 1e6:.1f} MB")
    print(f"100 MB would take about {100 / (size / elapsed):.0f} s (goal < 120 s, one core)")
    if args.cli_mb:
        time_cli(groups, lookalikes, args.cli_mb, args.seed)


def time_cli(groups, lookalikes, megabytes: float, seed: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.txt"
        with corpus.open("w", encoding="utf-8") as out:
            written, part = 0, 0
            while written < megabytes * 1_000_000:
                chunk = build_corpus(groups, lookalikes, 10_000_000, random.Random(seed + part))
                text = "\n".join(chunk) + "\n"
                out.write(text)
                written += len(text.encode("utf-8"))
                part += 1
        command = [sys.executable, "-m", "corpus_tools.cli", "rules", "suggest",
                   str(corpus), "-o", str(Path(folder) / "draft.toml")]
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"CLI on {written / 1e6:.0f} MB: {elapsed:.0f} s ({written / 1e6 / elapsed:.1f} MB/s), "
              f"peak memory {peak:.0f} MB (goal < 120 s, one core)")


if __name__ == "__main__":
    main()
