"""``detect-lang`` and ``filter-lang``: each record's language, as a tag or a filter."""

from __future__ import annotations

import sys
from contextlib import ExitStack

import click

from corpus_tools.cli import cli
from corpus_tools.cli.options import (
    check_engine,
    executor_options,
    files_argument,
    language_config,
    language_options,
    option_group,
    output_option,
    progress_option,
    record_format,
    record_options,
)
from corpus_tools.engine.runner import check_inputs
from corpus_tools.errors import CorpusToolsError
from corpus_tools.language.detector import LanguageDetector
from corpus_tools.language.units import LanguageDecider
from corpus_tools.report.progress import progress_bar
from corpus_tools.stream.atomic import check_outputs, open_destination
from corpus_tools.stream.opener import open_output
from corpus_tools.tasks.keep_languages import keep_conditions
from corpus_tools.tasks.language import (
    LanguageOptions,
    NameMasker,
    check_conditions,
    detect_languages,
    filter_languages,
)

_input = option_group(files_argument, output_option, record_options, progress_option,
                      executor_options, language_options(default_unit="line"))


def _setup(files, jsonl, field, tsv, columns, on_bad_record, progress, stack, jobs=1,
           engine="local", scheduler=None, **language):
    check_engine(engine, scheduler)
    files = list(files) or ["-"]
    check_inputs(files)
    config = language_config(**language)
    try:
        decider = LanguageDecider(LanguageDetector(config["lang_backend"], config["languages"],
                                                   config["min_lang_score"]))
    except CorpusToolsError as error:
        raise click.UsageError(str(error)) from None
    bar = progress_bar(files, progress, sys.stderr, stack)
    options = LanguageOptions(record_format(jsonl, field, tsv, tuple(sorted(set(columns)))),
                              config["lang_unit"], on_bad_record, bar.update if bar is not None else None,
                              NameMasker(), jobs=jobs, engine=engine, scheduler=scheduler)
    return files, decider, options


def _output(output: str, stack: ExitStack):
    return open_output(output, stack.enter_context(open_destination(output)), stack)


@cli.command("detect-lang")
@_input
@click.option("--summary", is_flag=True, help="Print a table of languages per file instead.")
@click.option("--lang-field", default="lang", show_default=True, help="JSONL: field for the language.")
@click.option("--score-field", default="lang_score", show_default=True,
              help="JSONL: field for the score.")
def detect_lang(output, summary, lang_field, score_field, **kwargs):
    """Tag each record with its language and score.

    Plain text: one 'lang<TAB>score' line per input line, line-aligned
    (TSV: a pair per --column).  JSONL: the record with two fields added.
    A unit too short or uncertain takes its document's language; its score
    is its own for that language when its first guess agrees, else 0.

    \b
    Examples:
      corpus-tools detect-lang --languages en,fr,ru,hy,az corpus.txt > langs.tsv
      corpus-tools detect-lang --jsonl --field text crawl.jsonl.gz -o tagged.jsonl.gz
      corpus-tools detect-lang --summary corpus/*.txt
    """
    with ExitStack() as stack:
        files, decider, options = _setup(stack=stack, **kwargs)
        check_outputs(files, {"-o": output})
        out = _output(output, stack)
        detect_languages(files, decider, options, out, summary, lang_field, score_field)
        out.flush()
    return 0


@cli.command("filter-lang")
@_input
@click.option("--keep", "keeps", multiple=True, required=True, metavar="xx,yy",
              help="Languages to keep; with --tsv, one --keep per --column, in the same order.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Also reject records whose language score is below this.")
@click.option("--rejected", metavar="FILE", help="Write rejected records here (atomically).")
def filter_lang(output, keeps, min_score, rejected, **kwargs):
    """Keep the records in the given languages; drop (or set aside) the rest.

    The one command that drops records, by design: lines come out byte for
    byte, and the output plus --rejected hold every input record once.
    Counts go to stderr.  Blank and letterless lines are 'und': list it in
    --keep to keep them.

    \b
    Examples:
      corpus-tools filter-lang --keep en,fr corpus.txt -o kept.txt --rejected other.txt
      corpus-tools filter-lang --tsv --column 1 --keep en --column 2 --keep hy bitext.tsv
      corpus-tools filter-lang --jsonl --keep ru --min-score 0.9 crawl.jsonl.gz -o ru.jsonl.gz
    """
    stack = ExitStack()
    files, decider, options = _setup(stack=stack, **kwargs)
    check_outputs(files, {"-o": output, "--rejected": rejected})
    try:
        conditions = keep_conditions(keeps, kwargs["columns"], min_score)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--keep") from None
    try:
        check_conditions(options.record_format, conditions)
    except CorpusToolsError as error:
        raise click.UsageError(str(error)) from None
    with stack:
        out = _output(output, stack)
        rejected_out = _output(rejected, stack) if rejected else None
        counts = filter_languages(files, decider, options, conditions, out, rejected_out)
        out.flush()
    click.echo(counts.describe(), err=True)
    return 0
