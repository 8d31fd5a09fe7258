"""`rules suggest` on the spellings real romanization schemes produce.

``benchmarks/data/translit/groups.tsv`` (built by ``data/translit/build.py``
from Faker's name lists and published schemes as iuliia, translitua,
transliterate, cyrtranslit and anyascii implement them; see ``SOURCES.md``)
holds truth groups: every spelling of one Russian, Ukrainian, Georgian,
Armenian or Azerbaijani surname or city. Feminine surnames are groups of
their own beside their masculine ones: look-alikes that must stay apart.

The corpus is English news sentences from templates written here: in each
group the first scheme's spelling (Wikipedia, KMU 2010, anyascii) is the
frequent one (5-10 times), every other spelling 1-3 times, and about one
sentence in five opens with the name. It prints the precision and recall of
the pairs of spellings ``rules suggest`` proposes (with the packaged rules,
as the command loads them), at ``--min-count 1`` and the default 2, and the
precision on a dense list: every scheme's spelling of 2,000 surnames, each
seen once mid-sentence, no context.

    python benchmarks/bench_translit.py [--groups 400] [--seed 29] [--dense 2000]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

from corpus_tools.rules.loader import load_rules
from corpus_tools.tasks.suggest import Collector, Spelling, SpellingIndex, group_spellings

DATA = Path(__file__).resolve().parent / "data" / "translit" / "groups.tsv"

MID = [
    "On Monday officials said {name} had been mentioned in the report.",
    "Reporters asked about {name} during the briefing in the capital.",
    "The delegation travelled to {name} on Tuesday, the ministry said.",
    "A statement from the office of {name} was read out to journalists.",
    "Local media quoted a spokesman as saying that {name} would respond later.",
    "The court heard that {name} had signed the contract in March.",
    "Residents near {name} described the situation as calm.",
    "In an interview, the minister praised {name} for the agreement.",
]
OPENING = [
    "{name} rejected the accusations in a short statement.",
    "{name} was named in the list published on Friday.",
]


def read_groups(path: Path = DATA) -> dict[int, list[dict]]:
    groups: dict[int, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            groups[int(row["group"])].append(row)
    return groups


def pick(groups: dict[int, list[dict]], count: int, rng: random.Random) -> list[int]:
    """``count`` groups with two spellings or more, and the feminine group of each surname
    chosen that has one (the look-alikes)."""
    varied = sorted(g for g, rows in groups.items() if len(rows) >= 2)
    chosen = set(rng.sample(varied, min(count, len(varied))))
    by_source = {rows[0]["source"]: g for g, rows in groups.items()}
    for g, rows in groups.items():
        masculine = rows[0]["feminine_of"]
        if masculine and by_source.get(masculine) in chosen:
            chosen.add(g)
    return sorted(chosen)


def corpus(groups, chosen, rng: random.Random) -> list[str]:
    lines = []
    for g in chosen:
        rows = groups[g]
        mentions = [rows[0]["spelling"]] * rng.randint(5, 10)
        for row in rows[1:]:
            mentions += [row["spelling"]] * rng.randint(1, 3)
        for name in mentions:
            templates = OPENING if rng.random() < 0.2 else MID
            lines.append(rng.choice(templates).format(name=name))
    rng.shuffle(lines)
    return lines


def seen(spelling: str) -> str:
    """The spelling as a reader of names takes it: a closing apostrophe (a soft sign,
    ``Astraxan'``) is punctuation, not part of the word."""
    return spelling.rstrip("'’")


def truth_pairs(groups, chosen, present: set[str]) -> set[frozenset]:
    pairs = set()
    for g in chosen:
        forms = sorted({seen(row["spelling"]) for row in groups[g]} & present)
        pairs |= {frozenset(p) for p in itertools.combinations(forms, 2)}
    return pairs


def proposed(spellings, rules) -> set[frozenset]:
    index = SpellingIndex.from_rules(rules)
    pairs = set()
    for group in group_spellings(spellings, index, rules.names):
        forms = sorted({s.form for s in group.spellings})
        pairs |= {frozenset(p) for p in itertools.combinations(forms, 2)}
    return pairs


def score(found: set[frozenset], truth: set[frozenset]) -> tuple[float, float, int, int]:
    right = len(found & truth)
    precision = right / len(found) if found else 1.0
    recall = right / len(truth) if truth else 1.0
    return precision, recall, len(found), len(truth)


def dense(groups, surnames: int, rules) -> tuple[float, float, int, int]:
    """Every spelling of the first ``surnames`` surname groups, once each, no context."""
    chosen = [g for g, rows in sorted(groups.items())
              if rows[0]["kind"] in ("surname", "feminine")][:surnames]
    forms = dict.fromkeys(seen(row["spelling"]) for g in chosen for row in groups[g])
    spellings = [Spelling(form, count=1, mid_sentence=1) for form in forms]
    present = {s.form for s in spellings}
    found = {p for p in proposed(spellings, rules)}
    return score(found, truth_pairs(groups, chosen, present))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=400)
    parser.add_argument("--seed", type=int, default=29)
    parser.add_argument("--dense", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    groups = read_groups()
    chosen = pick(groups, args.groups, rng)
    lines = corpus(groups, chosen, rng)
    rules = load_rules()
    started = time.perf_counter()
    collector = Collector(lang="en")
    for number, line in enumerate(lines, 1):
        collector.add_text(line, "en", ("bench", number))
    lookalikes = sum(1 for g in chosen if groups[g][0]["feminine_of"])
    print(f"{len(chosen)} groups ({lookalikes} feminine look-alike groups), {len(lines)} sentences")
    for min_count in (1, 2):
        spellings = [s for s in collector.spellings.values() if s.count >= min_count]
        truth = truth_pairs(groups, chosen,
                            {seen(row["spelling"]) for g in chosen for row in groups[g]})
        precision, recall, found, total = score(proposed(spellings, rules), truth)
        print(f"corpus --min-count {min_count}: pairs precision {precision:.3f} recall "
              f"{recall:.3f} ({found} proposed, {total} true)")
    precision, recall, found, total = dense(groups, args.dense, rules)
    print(f"dense list ({args.dense} surnames): pairs precision {precision:.3f} recall "
          f"{recall:.3f} ({found} proposed, {total} true)")
    print(f"{time.perf_counter() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
