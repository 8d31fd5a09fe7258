"""`corpus-tools review` at scale: the page's size and its load time in headless Chromium.

Goals (issue 31): the page for 10,000 occurrences under 5 MB; loaded (script
run, first rows drawn) in under 2 s.  Also measured: building the review
(the clean dry run and the keep ladders), and, in the page, a filter change
and a j keystroke with all rows loaded.  The corpus is generated: English
news sentences from templates, each holding one spelling of one of 40 names
(variants, report-only spellings, canonical forms kept, a French line now and
then so that some matches are skipped for language).

    python benchmarks/bench_review.py [--occurrences 10000 50000] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.report.review_page import render_page
from corpus_tools.rules.loader import load_rules
from corpus_tools.tasks.review import collect
from corpus_tools.tasks.review_decisions import page_data

STEMS = ["Abram", "Bogdan", "Chernov", "Dobrin", "Yegor", "Fomin", "Gorod", "Khar", "Ilin",
         "Zhukov", "Karel", "Lebed", "Moroz", "Novak", "Orlov", "Pavel", "Rudin", "Sokol",
         "Tikhon", "Ustin"]
ENGLISH = [
    "The delegation led by {name} arrived in the capital on {day} after a long delay.",
    "Officials said {name} would attend the talks on water, roads and schools.",
    "{name} told reporters that the agreement was close but not yet signed.",
    "A statement from the office of {name} called the report premature.",
    "Residents of the valley asked {name} to reopen the bridge before the winter.",
    "In an interview, {name} described the negotiations as difficult but useful.",
]
FRENCH = ["Selon le ministère, {name} a rencontré les délégués {day} matin."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def write_rules(path: Path) -> None:
    rules = []
    for stem in STEMS:
        for ending, other in (("ov", "off"), ("in", "ine")):
            canonical = stem + ending
            rules.append(f'[[name]]\ncanonical = "{canonical}"\nvariants = ["{stem}{other}"]\n'
                         f'suggest = ["{stem}{other}e"]\nlang = ["en"]\n'
                         f'note = "benchmark name {canonical}"\n'
                         f'examples = [{{ text = "{stem}{other} said", '
                         f'expect = "{canonical} said" }}]\n')
    path.write_text("\n".join(rules), encoding="utf-8")


def write_corpus(path: Path, occurrences: int, seed: int = 7) -> None:
    generator = random.Random(seed)
    lines = []
    for index in range(occurrences):
        stem = generator.choice(STEMS)
        other = generator.choice(("off", "ine"))
        name = generator.choice([f"{stem}{other}"] * 6 + [f"{stem}{other}e"])
        template = generator.choice(FRENCH if index % 15 == 0 else ENGLISH)
        lines.append(template.format(name=name, day=generator.choice(DAYS)))
        if index % 8 == 7:
            lines.append("")  # paragraphs
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1400,860"):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or shutil.which("google-chrome")
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def page_timings(driver, page: Path, runs: int) -> dict[str, float]:
    """Best of ``runs``: navigation to the script's end, a filter change, a j keystroke (s)."""
    best: dict[str, float] = {}
    for _ in range(runs):
        started = time.perf_counter()
        driver.get(page.as_uri())  # returns after the load event: the script has run
        wall = time.perf_counter() - started
        ready = driver.execute_script("return window.corpusReview.readyAt") / 1000
        filtered = driver.execute_script("""
            const t = performance.now(); const r = window.corpusReview;
            r.filters.outcome = "suggested"; r.applyFilters();
            r.filters.outcome = ""; r.applyFilters(); return (performance.now() - t) / 2;""")
        moved = driver.execute_script("""
            document.getElementById('list').focus(); const t = performance.now();
            for (let i = 0; i < 20; i++) document.dispatchEvent(new KeyboardEvent('keydown', {key: 'j'}));
            return (performance.now() - t) / 20;""")
        for key, value in (("load (navigation to ready)", ready), ("load (wall, driver)", wall),
                           ("filter change", filtered / 1000), ("j keystroke", moved / 1000)):
            best[key] = min(best.get(key, value), value)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--occurrences", type=int, nargs="+", default=[10_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    driver = browser() if shutil.which("chromedriver") else None
    if driver is None:
        print("chromedriver absent: page load times not measured", file=sys.stderr)
    try:
        with tempfile.TemporaryDirectory() as temp:
            rules = Path(temp) / "names.toml"
            write_rules(rules)
            pipeline = Pipeline(None, CleanConfig(rule_set=load_rules([rules], use_defaults=False)))
            for count in args.occurrences:
                corpus = Path(temp) / f"news-{count}.txt"
                write_corpus(corpus, count)
                started = time.perf_counter()
                review = collect(pipeline, [str(corpus)])
                built = time.perf_counter() - started
                page = Path(temp) / f"review-{count}.html"
                page.write_text(render_page(page_data(review)), encoding="utf-8")
                size = page.stat().st_size / 1e6
                outcomes: dict[str, int] = {}
                for occurrence in review.occurrences:
                    outcomes[occurrence.outcome] = outcomes.get(occurrence.outcome, 0) + 1
                print(f"{len(review.occurrences)} occurrences ({', '.join(f'{n} {o}' for o, n in sorted(outcomes.items()))})")
                print(f"  review built (dry run, ladders): {built:6.1f} s")
                print(f"  page size:                       {size:6.2f} MB   (goal < 5 MB at 10,000)")
                if driver is not None:
                    for key, value in page_timings(driver, page, args.runs).items():
                        print(f"  {key + ':':32s} {value * 1000:7.1f} ms" +
                              ("   (goal < 2 s at 10,000)" if key.startswith("load (nav") else ""))
    finally:
        if driver is not None:
            driver.quit()


if __name__ == "__main__":
    main()
