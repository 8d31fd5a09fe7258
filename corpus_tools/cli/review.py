"""``corpus-tools review``: one page (or sheet) of every match, for a linguist to decide."""

from __future__ import annotations

from contextlib import ExitStack

import click

from corpus_tools.cli import cli
from corpus_tools.cli.options import (
    files_argument,
    lang_option,
    language_code,
    language_config,
    language_options,
    option_group,
    output_option,
    record_format,
    record_options,
    rule_set_from,
    rules_options,
    steps_from,
    steps_options,
)
from corpus_tools.engine.runner import check_inputs
from corpus_tools.errors import CorpusToolsError
from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.report.review_page import render_page
from corpus_tools.stream.atomic import open_destination
from corpus_tools.stream.opener import COMPRESSED_SUFFIXES, open_output
from corpus_tools.tasks.check import expand_paths
from corpus_tools.tasks.review import ReviewOptions, collect, with_suggestions
from corpus_tools.tasks.review_decisions import Decisions, page_data, read_decisions, sheet_csv
from corpus_tools.tasks.selection import rule_ids

_OPTIONS = [
    files_argument,
    output_option,
    click.option("--sheet", is_flag=True,
                 help="Write the sheet (CSV, one occurrence a row) instead of the page; "
                      "the default for -o FILE.csv."),
    click.option("--decisions", metavar="FILE", type=click.Path(dir_okay=False, exists=True),
                 help="Decisions made before: a sheet (CSV) or rule patch (TOML) the page "
                      "exported; their occurrences are shown decided."),
    click.option("--select", multiple=True, metavar="ID,...",
                 help="Report only these rule ids or prefixes (name:, script:)."),
    click.option("--suggest", "with_suggest", is_flag=True,
                 help="Also review the spellings rules suggest finds in the corpus (each "
                      "under suggest of its drafted rule until you accept it)."),
    click.option("--sample", type=click.IntRange(1), metavar="N",
                 help="At most N occurrences per rule (the same ones on every run)."),
    click.option("--title", default="corpus-tools review", show_default=True,
                 help="The page's title."),
    record_options,
    rules_options,
    steps_options,
    lang_option,
    language_options,
]


@cli.command("review")
@option_group(*_OPTIONS)
def review(**options):
    """Write one page where every match of a clean dry run is shown in its sentence.

    FILES are files or folders (walked for .txt, .jsonl and .tsv, compressed too).

    Each occurrence carries file:line, the unit's decided language, the
    outcome (changed, suggested, kept, skipped for language, undecided) and
    the rule's note.  On the page (no server; open it from disk), accept or
    reject occurrences or whole spellings with the keyboard, then export a
    rule patch (TOML) for --rules, and the sheet (CSV) for --decisions.
    --sheet (or -o FILE.csv) writes the same rows as CSV for a spreadsheet.

    \b
    Examples:
      corpus-tools review --rules my-rules corpus/ -o review.html
      corpus-tools review --select name: corpus/ -o review.csv
      corpus-tools review --rules my-rules --rules review-patch.toml \\
          --decisions review-patch.toml corpus/ -o review.html
    """
    paths = expand_paths(list(options["files"]) or ["-"])
    check_inputs(paths)
    if options["with_suggest"] and "-" in paths:
        raise click.UsageError("--suggest reads the corpus twice: give file names, not stdin")
    review_options = ReviewOptions(
        record_format=record_format(options["jsonl"], options["field"], options["tsv"],
                                    options["columns"]),
        sample=options["sample"], on_bad_record=options["on_bad_record"],
        select=rule_ids(options["select"]))
    lang = language_code(options["lang"])
    drafted: dict = {}
    try:
        rule_set = rule_set_from(options["rule_paths"], options["no_default_rules"])
        if options["with_suggest"]:
            rule_set, drafted = with_suggestions(rule_set, paths, review_options, lang)
        language = language_config(options["lang_backend"], options["languages"],
                                   options["lang_unit"], options["min_lang_score"])
        config = CleanConfig(lang=lang, rule_set=rule_set, **language)
        pipeline = Pipeline(steps_from(options["steps"], options["skip"]), config)
    except (ValueError, CorpusToolsError) as error:
        raise click.UsageError(str(error)) from None
    decisions = read_decisions(options["decisions"]) if options["decisions"] else Decisions()
    found = collect(pipeline, paths, review_options, drafted)
    output = options["output"]
    if options["sheet"] or _plain_name(output).endswith(".csv"):
        text = sheet_csv(found, decisions)
    else:
        text = render_page(page_data(found, decisions), options["title"])
    with open_destination(output) as raw, ExitStack() as stack:
        open_output(output, raw, stack).write(text.encode("utf-8", "surrogateescape"))
    decided = sum(decisions.of(occurrence) is not None for occurrence in found.occurrences)
    click.echo(f"corpus-tools: {len(found.occurrences)} occurrence(s) of {len(found.rules)} "
               f"rule(s), {decided} decided already", err=True)
    return 0


def _plain_name(path: str) -> str:
    """The name without a compression suffix: ``review.csv.gz`` is a sheet."""
    for suffix in COMPRESSED_SUFFIXES:
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return path
