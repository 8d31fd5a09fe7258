"""Real text: what `clean` changes and what `check` reports in translations packages ship.

Runs the command line, as a user would, on every file that
``build_realtext.py`` writes (built first, from the downloaded wheels, when
missing): ``clean --lang L --report`` and ``check --isolated --lang L --format
json`` for each language.  Prints the exit codes (check's must be 0 or 1, never
2), per language and rule the lines changed and the findings, then per rule
the verdicts of a labelled sample.

    python benchmarks/bench_realtext.py                 # one line a unit
    python benchmarks/bench_realtext.py --unit record   # one message a unit (JSONL)
    python benchmarks/bench_realtext.py --unit record-ascii  # the same, non-ASCII escaped

Every change and finding goes to ``benchmarks/realtext-out/review/<unit>/
review.tsv`` (git-ignored): lang, rule, kind, line id, before, after or the
finding's message, context.  The sample: up to ``--per-group`` items per rule
and language group, the ones whose seeded hash is smallest, so an item keeps
its place when others come or go.  Verdicts live in
``benchmarks/data/realtext/verdicts.tsv``, keyed by (rule, lang, hash of the
line's text, the span's text), so they survive re-runs: a change is
``correct``, ``unneeded`` (harmless, fixes nothing) or ``damage``; a finding is
``true`` or ``false-alarm``.  Sampled items with no verdict yet go to
``review/<unit>/unjudged.tsv``, in the verdict file's columns, to be judged and
appended.

When a command stops with exit 2, the bench says so, finds the lines that
cause it (those whose changes carry a rule id the catalog lacks, found through
the library), blanks them in a copy of the file (line numbers kept) and runs
again, so the figures still cover every other line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import build_realtext  # noqa: E402  (a sibling script)

VERDICTS = build_realtext.DATA / "verdicts.tsv"
VERDICT_COLUMNS = ("rule", "lang", "text_hash", "before", "verdict", "kind", "after", "line", "note")
CHANGE_VERDICTS = ("correct", "unneeded", "damage")
FINDING_VERDICTS = ("true", "false-alarm")
SEED = "realtext-1"
LANGUAGE_GROUPS = {
    "latin-west": ("fr", "de", "es", "gl", "pt", "ca", "it", "nl"),
    "latin-east": ("cs", "pl", "hu", "sq", "tr", "uz", "vi", "sr-Latn"),
    "cyrillic": ("ru", "uk", "bg", "sr", "mk", "be"),
    "greek-caucasus": ("el", "ka", "hy"),
    "rtl": ("ar", "fa", "he"),
    "south-southeast-asia": ("hi", "gu", "th", "km", "my"),
    "cjk": ("zh-Hans", "zh-Hant", "ja", "ko"),
}
GROUP_OF = {language: group for group, languages in LANGUAGE_GROUPS.items()
            for language in languages}


def visible(text: str) -> str:
    """Text for one TSV cell: backslash, tab, breaks and invisible characters escaped."""
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char in "\t\n\r":
            out.append({"\t": "\\t", "\n": "\\n", "\r": "\\r"}[char])
        elif char != " " and unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp"):
            out.append(f"\\u{ord(char):04x}" if ord(char) > 0xFF else f"\\x{ord(char):02x}")
        else:
            out.append(char)
    return "".join(out)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Item:
    lang: str
    rule: str
    kind: str  # fix, suggestion, finding
    severity: str
    line: int
    column: int
    before: str
    after: str  # the fix, or the finding's message
    text: str  # the unit's text (the line, or the record's field)
    where: str  # the source of the line

    @property
    def is_change(self) -> bool:
        return self.kind == "fix"

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.rule, self.lang, text_hash(self.text), visible(self.before))

    def rank(self) -> str:
        # Not the column: JSONL reports count columns in the escaped line, and the
        # same item must be drawn whichever way its record is written.
        return hashlib.sha256(f"{SEED}|{'|'.join(self.key)}".encode(
            "utf-8", "surrogatepass")).hexdigest()


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "corpus_tools.cli", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          errors="surrogateescape")


def last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].split("; the rules are")[0][:160] if lines else ""


def lines_outside_catalog(path: Path, lang: str, unit: str) -> dict[int, str]:
    """Line number -> rule id, for lines whose changes carry an id the catalog lacks."""
    from corpus_tools import CleanConfig, Pipeline
    from corpus_tools.catalog import UnknownRuleError, entry_of

    pipeline = Pipeline(config=CleanConfig(lang=lang))
    found = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = json.loads(raw)["text"] if unit != "line" else raw
        for change in pipeline.clean(text).changes:
            try:
                entry_of(change.rule)
            except UnknownRuleError:
                found[number] = change.rule
                break
    return found


@dataclass
class LanguageRun:
    lang: str
    lines: int
    clean_rc: int
    check_rc: int
    errors: list[str]
    quarantined: dict[int, str]
    items: list[Item]
    clean_changes: int
    check_disagreements: int  # clean's changes that check reports otherwise, and back


def run_language(lang: str, unit: str, text_folder: Path, work: Path) -> LanguageRun:
    suffix = ".jsonl" if unit != "line" else ".txt"
    source = text_folder / f"{lang}{suffix}"
    if unit == "record-ascii":
        # The same records as json.dumps writes them by default: every non-ASCII
        # character as a \\uXXXX escape (surrogate pairs beyond the BMP).
        escaped = work / f"{lang}.ascii.jsonl"
        escaped.write_text("".join(json.dumps(json.loads(raw)) + "\n" for raw in
                                   source.read_text(encoding="utf-8").splitlines()),
                           encoding="utf-8")
        source = escaped
    raw_lines = source.read_text(encoding="utf-8").splitlines()
    if unit != "line":
        records = [json.loads(raw) for raw in raw_lines]
        texts = [record["text"] for record in records]
        wheres = [record["source"] for record in records]
    else:
        texts = raw_lines
        wheres = (text_folder / f"{lang}.where.tsv").read_text(encoding="utf-8").splitlines()
    format_args = ["--jsonl", "--field", "text"] if unit != "line" else []
    errors: list[str] = []
    quarantined: dict[int, str] = {}
    target = source
    first_codes = None
    for attempt in range(2):
        report = work / f"{lang}.report.jsonl"
        cleaned = run(["clean", "--lang", lang, *format_args, "--report", str(report),
                       "-o", str(work / f"{lang}.clean{suffix}"), str(target)], work)
        checked = run(["check", "--isolated", "--lang", lang, *format_args, "--format", "json",
                       "--fail-on", "warning", str(target)], work)
        first_codes = first_codes or (cleaned.returncode, checked.returncode)
        for name, result in (("clean", cleaned), ("check", checked)):
            if result.returncode not in (0, 1) or (name == "clean" and result.returncode):
                errors.append(f"{name} exit {result.returncode}: {last_line(result.stderr)}")
        if 2 not in (cleaned.returncode, checked.returncode) or attempt:
            break
        quarantined = lines_outside_catalog(source, lang, unit)
        if not quarantined:
            break
        target = work / f"{lang}.quarantined{suffix}"
        blank = '{"text": ""}' if unit != "line" else ""
        target.write_text("".join(f"{blank if number in quarantined else raw}\n"
                                  for number, raw in enumerate(raw_lines, 1)), encoding="utf-8")
    items = []

    def item(record: dict, after: str) -> Item:
        number = record["line"]
        return Item(lang, record["rule"], record["kind"], record["severity"], number,
                    record["column"], record.get("before", record.get("text")) or "", after,
                    texts[number - 1], wheres[number - 1])

    clean_fixes: Counter = Counter()
    check_fixes: Counter = Counter()
    if cleaned.returncode == 0 and report.exists():
        for raw in report.read_text(encoding="utf-8").splitlines():
            record = json.loads(raw)
            if record["kind"] == "fix":
                items.append(item(record, record.get("fix", "")))
                clean_fixes[record["line"], record["rule"], record["before"], record["fix"]] += 1
    if checked.returncode in (0, 1):
        for raw in checked.stdout.splitlines():
            record = json.loads(raw)
            if record["kind"] != "fix":
                items.append(item(record, record.get("fix") or record.get("message") or ""))
            else:
                check_fixes[record["line"], record["rule"], record.get("before", record.get("text")),
                            record["fix"]] += 1
    # check's fix findings must be clean's changes, span for span.
    disagreements = sum(((clean_fixes - check_fixes) + (check_fixes - clean_fixes)).values())
    # The exit codes of the first run: a 2 is what the bench reports, even when a re-run
    # without the lines that caused it gives the figures.
    return LanguageRun(lang, len(texts), *first_codes, errors, quarantined, items,
                       sum(clean_fixes.values()), disagreements)


def read_verdicts() -> dict[tuple[str, str, str, str], dict[str, str]]:
    if not VERDICTS.exists():
        return {}
    rows = VERDICTS.read_text(encoding="utf-8").splitlines()
    verdicts = {}
    for row in rows[1:]:
        if not row.strip():
            continue
        cells = dict(zip(VERDICT_COLUMNS, row.split("\t"), strict=False))
        verdicts[cells["rule"], cells["lang"], cells["text_hash"], cells["before"]] = cells
    return verdicts


def draw_sample(items: list[Item], per_group: int) -> list[Item]:
    unique = {}
    for one in items:
        unique.setdefault(one.key, one)
    grouped = defaultdict(list)
    for one in unique.values():
        grouped[one.rule, GROUP_OF.get(one.lang, "other")].append(one)
    sample = []
    for key in sorted(grouped):
        sample.extend(sorted(grouped[key], key=Item.rank)[:per_group])
    return sample


def write_review(items: list[Item], folder: Path) -> Path:
    path = folder / "review.tsv"
    header = "lang\trule\tkind\tseverity\tline_id\tcolumn\tbefore\tafter_or_finding\tcontext\tsource\n"
    with path.open("w", encoding="utf-8") as out:
        out.write(header)
        for one in sorted(items, key=lambda one: (one.lang, one.rule, one.line, one.column)):
            out.write("\t".join((one.lang, one.rule, one.kind, one.severity,
                                 f"{one.lang}:{one.line}", str(one.column), visible(one.before),
                                 visible(one.after), visible(one.text), one.where)) + "\n")
    return path


def verdict_row(one: Item, verdict: str = "", note: str = "") -> str:
    rule, lang, digest, before = one.key
    return "\t".join((rule, lang, digest, before, verdict, one.kind, visible(one.after),
                      visible(one.text), note)) + "\n"


def print_counts(runs: list[LanguageRun]) -> None:
    print("\nExit codes (check must give 0 or 1, never 2), lines, lines changed and findings")
    for one in runs:
        changed = len({item.line for item in one.items if item.is_change})
        findings = sum(1 for item in one.items if not item.is_change)
        problems = "; ".join(one.errors)
        if one.check_disagreements:
            problems += f"; check's fixes differ from clean's changes: {one.check_disagreements}"
        if one.quarantined:
            rules = Counter(one.quarantined.values())
            problems += (f"; re-run without {len(one.quarantined)} line(s) with "
                         + ", ".join(f"{rule} x{count}" for rule, count in sorted(rules.items())))
        print(f"  {one.lang:<8} clean {one.clean_rc} check {one.check_rc}  {one.lines:>6} lines "
              f"{changed:>5} changed {findings:>5} findings  {problems}".rstrip())
    print("\nPer language and rule: lines changed (fix) or lines with a finding")
    for one in runs:
        counts = Counter()
        for rule, _line in {(item.rule, item.line) for item in one.items}:
            counts[rule] += 1
        print(f"  {one.lang:<8} " + ", ".join(f"{rule} {count}"
                                               for rule, count in sorted(counts.items())))


def print_totals(items: list[Item]) -> None:
    lines = defaultdict(set)
    records = Counter()
    languages = defaultdict(set)
    for one in items:
        lines[one.rule, one.kind].add((one.lang, one.line))
        records[one.rule, one.kind] += 1
        languages[one.rule, one.kind].add(one.lang)
    print("\nPer rule, all languages: kind, lines, records, languages")
    for rule, kind in sorted(lines):
        print(f"  {rule:<32} {kind:<10} {len(lines[rule, kind]):>6} {records[rule, kind]:>6} "
              f"{len(languages[rule, kind]):>3}")


def print_verdicts(sample: list[Item], verdicts) -> list[Item]:
    unjudged = []
    tally = defaultdict(Counter)
    for one in sample:
        found = verdicts.get(one.key)
        if found is None or not found["verdict"]:
            unjudged.append(one)
            tally[one.rule, one.kind]["unjudged"] += 1
        else:
            tally[one.rule, one.kind][found["verdict"]] += 1
    print("\nLabelled sample, per rule (changes: correct/unneeded/damage; findings: "
          "true/false-alarm)")
    damage = 0
    for (rule, kind), counts in sorted(tally.items()):
        if kind == "fix":
            judged = sum(counts[name] for name in CHANGE_VERDICTS)
            damage += counts["damage"]
            figures = "  ".join(f"{name} {counts[name]}" for name in CHANGE_VERDICTS)
            rate = f"damage {counts['damage'] / judged:.0%}" if judged else ""
        else:
            judged = sum(counts[name] for name in FINDING_VERDICTS)
            figures = "  ".join(f"{name} {counts[name]}" for name in FINDING_VERDICTS)
            rate = f"false alarms {counts['false-alarm'] / judged:.0%}" if judged else ""
        print(f"  {rule:<32} {kind:<10} {figures}  unjudged {counts['unjudged']}  {rate}")
    print(f"  sampled {len(sample)}, unjudged {len(unjudged)}, changes judged damage "
          f"{damage}")
    return unjudged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--unit", choices=("line", "record", "record-ascii"), default="line")
    parser.add_argument("--per-group", type=int, default=10,
                        help="sampled items per rule and language group")
    parser.add_argument("--languages", help="comma-separated subset (default: all)")
    parser.add_argument("--out", type=Path, default=build_realtext.OUT)
    args = parser.parse_args()
    started = time.perf_counter()
    text_folder = args.out / "text"
    languages = args.languages.split(",") if args.languages else list(build_realtext.LANGUAGES)
    if not all((text_folder / f"{lang}.jsonl").exists() for lang in languages):
        subprocess.run([sys.executable, str(HERE / "build_realtext.py")], check=True)
    folder = args.out / "review" / args.unit
    work = folder / "work"
    work.mkdir(parents=True, exist_ok=True)
    runs = [run_language(lang, args.unit, text_folder, work) for lang in languages]
    items = [one for run_ in runs for one in run_.items]
    total_lines = sum(one.lines for one in runs)
    print(f"real text, unit {args.unit}: {len(runs)} languages, {total_lines:,} units")
    print_counts(runs)
    print_totals(items)
    review = write_review(items, folder)
    sample = draw_sample(items, args.per_group)
    unjudged = print_verdicts(sample, read_verdicts())
    with (folder / "unjudged.tsv").open("w", encoding="utf-8") as out:
        out.write("\t".join(VERDICT_COLUMNS) + "\n")
        out.writelines(verdict_row(one) for one in unjudged)
    exit_twos = [one.lang for one in runs if 2 in (one.clean_rc, one.check_rc)]
    differing = sum(one.check_disagreements for one in runs)
    print(f"\ncheck's fix findings against clean's changes: {differing} differ "
          f"(of {sum(one.clean_changes for one in runs):,} changes)")
    print(f"\nexit 2 in: {', '.join(exit_twos) or 'none'}")
    print(f"review: {review} ({len(items):,} items); unjudged: {folder / 'unjudged.tsv'}; "
          f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
