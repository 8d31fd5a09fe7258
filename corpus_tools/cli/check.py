"""``corpus-tools check``: the CI gate. Options -> configuration -> the check task."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path

import click

from corpus_tools.catalog import UnknownRuleError, entry_of
from corpus_tools.cli import cli
from corpus_tools.cli.options import (
    WRITTEN_PATH,
    check_engine,
    executor_options,
    lang_option,
    language_code,
    language_config,
    language_options,
    option_group,
    progress_option,
    record_format,
    record_options,
    rule_set_from,
    rules_options,
    steps_from,
    steps_options,
)
from corpus_tools.engine.runner import check_inputs
from corpus_tools.errors import CorpusToolsError, InputError
from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.report.findings import FORMATS, reporter
from corpus_tools.report.progress import progress_bar
from corpus_tools.stream.by_extension import ByExtension
from corpus_tools.stream.opener import binary_reason, local_path
from corpus_tools.tasks.baseline import Baseline
from corpus_tools.tasks.check import (
    DEFAULT_GLOBS,
    FAIL_LEVELS,
    Checker,
    CheckOptions,
    expand_paths,
    matches,
)
from corpus_tools.tasks.selection import chosen_detectors, rule_ids


class PathIgnores(click.ParamType):
    """GLOB=ID,...: rules never reported in the files the glob matches.  A configuration
    file writes them as a table, ``[per-path-ignores]`` with ``"GLOB" = ["ID", ...]``."""

    name = "GLOB=ID,..."
    takes_tables = True

    def convert(self, value, param, ctx) -> tuple[str, tuple[str, ...]]:
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], tuple):
            return value  # converted already
        if isinstance(value, tuple):  # from a file's table: (glob, [ids])
            pattern, ids = value
            if not isinstance(ids, list) or not all(isinstance(rule, str) for rule in ids):
                self.fail(f"'{pattern}' must be a list of rule ids", param, ctx)
            return pattern, tuple(ids)
        pattern, equals, ids = str(value).rpartition("=")
        if not equals or not pattern:
            self.fail(f"{value!r} is not GLOB=ID,...", param, ctx)
        return pattern, rule_ids([ids])


_OPTIONS = [
    click.argument("paths", nargs=-1, type=click.Path(allow_dash=True)),
    click.option("--glob", "globs", multiple=True, metavar="PATTERN",
                 help=f"Files to check in folders (default: {' '.join(DEFAULT_GLOBS)}, and "
                      f"compressed)."),
    record_options,
    rules_options,
    steps_options,
    lang_option,
    click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
                 show_default=True, help="How findings are written on stdout."),
    click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default="warning",
                 show_default=True, help="Exit 1 when a finding of this severity or worse is found."),
    click.option("--select", multiple=True, metavar="ID,...",
                 help="Report only these rule ids or prefixes (name:, script:)."),
    click.option("--ignore", multiple=True, metavar="ID,...",
                 help="Never report these rule ids or prefixes."),
    click.option("--per-path-ignores", multiple=True, type=PathIgnores(),
                 help="Never report these rule ids or prefixes in files matching GLOB "
                      "(repeatable)."),
    click.option("--max-findings", type=click.IntRange(1), metavar="N",
                 help="Stop after N findings (and say so)."),
    click.option("--statistics", is_flag=True, help="Print counts per rule instead of findings."),
    click.option("--baseline", metavar="FILE", type=click.Path(dir_okay=False),
                 help="Accept the findings recorded in FILE."),
    click.option("--write-baseline", metavar="FILE", type=WRITTEN_PATH,
                 help="Record the current findings in FILE (then exit 0)."),
    click.option("--explain", metavar="ID", help="Explain a rule id and exit."),
    click.option("--strict", is_flag=True,
                 help="A binary input (a NUL byte in its first 8 KiB) is an error, not skipped."),
    click.option("-q", "--quiet", is_flag=True,
                 help="Print the findings only: no summary, no progress bar."),
    progress_option,
    executor_options,
    language_options,
]


@cli.command("check")
@option_group(*_OPTIONS)
def check(**options):
    """Report every change clean would make and what the detectors find; change nothing.

    PATHS are files, folders (walked for --glob) or '-' for stdin.  Each file is
    read by its extension: .jsonl and .ndjson as JSON Lines (--field), .tsv as
    TSV (--column, else every column), others as plain text, compressed or not;
    --jsonl or --tsv reads every input so.  Findings go
    to stdout, the summary to stderr.  Exit 0: nothing reaches --fail-on; 1:
    something does; 2: usage, configuration or unreadable input.

    \b
    Examples:
      corpus-tools check corpus/
      corpus-tools check --format github --fail-on error data/*.jsonl --jsonl
      corpus-tools check --format sarif --max-findings 25000 corpus/ > findings.sarif
      corpus-tools check --format gitlab corpus/ > gl-code-quality.json
      corpus-tools check --select name:,script: --ignore repeated-word corpus/
      corpus-tools check --write-baseline baseline.json corpus/
      corpus-tools check --baseline baseline.json corpus/
      corpus-tools check --explain unbalanced-quotes
    """
    if options["explain"]:
        try:
            entry = entry_of(options["explain"])
        except UnknownRuleError as error:
            raise click.UsageError(str(error)) from None
        catalogued_as = "" if entry.id == options["explain"] else f" ({entry.id})"
        click.echo(f"{options['explain']}{catalogued_as}: severity {entry.severity}, "
                   f"from {entry.step}\n\n{entry.explanation}")
        return 0
    check_engine(options["engine"], options["scheduler"])
    options["ignore"] = _ignored(options)
    paths = _inputs(options)
    check_inputs(paths)
    pipeline, detectors = _build(options)
    baseline = Baseline.load(options["baseline"]) if options["baseline"] and \
        not options["write_baseline"] else None
    per_path_ignores: dict[str, tuple[str, ...]] = {}
    for pattern, rules in options["per_path_ignores"]:
        per_path_ignores[pattern] = per_path_ignores.get(pattern, ()) + rules
    check_options = CheckOptions(
        record_format=_formats(options),
        select=rule_ids(options["select"]), ignore=rule_ids(options["ignore"]),
        per_path_ignores=per_path_ignores, fail_on=options["fail_on"],
        max_findings=options["max_findings"], baseline=baseline,
        on_bad_record=options["on_bad_record"], jobs=options["jobs"], engine=options["engine"],
        scheduler=options["scheduler"],
    )
    if options["quiet"] and options["progress"] is None:
        options["progress"] = False
    with ExitStack() as stack:
        bar = progress_bar(paths, options["progress"], sys.stderr, stack)
        check_options.on_read = bar.update if bar is not None else None
        checker = Checker(pipeline, detectors, check_options)
        if options["write_baseline"]:
            found = list(checker.run(paths))
            Path(options["write_baseline"]).write_text(
                Baseline.from_findings(found).dumps(), encoding="utf-8")
            if not options["quiet"]:
                click.echo(f"corpus-tools: recorded {len(found)} finding(s) in "
                           f"{options['write_baseline']}", err=True)
            return 0
        out = reporter(options["output_format"], sys.stdout)
        for finding, line_text in checker.run(paths):
            if not options["statistics"]:
                out.take(finding, line_text)
        summary = checker.summary
        if not options["statistics"]:
            out.finish(summary)
        if options["statistics"]:
            click.echo(summary.rule_table() or "no findings")
    text = f"corpus-tools: {summary.describe()}"
    if baseline is not None:
        text += f"; {baseline.stale()} baseline entr(ies) no longer match"
    if not options["quiet"]:
        click.echo(text, err=True)
    return summary.exit_code()


def _ignored(options) -> tuple[str, ...]:
    """--ignore, where a --select typed on the command line wins over the configuration: an
    ignore from the file that names a selected rule (or a rule under it) is dropped."""
    ignore = rule_ids(options["ignore"])
    context = click.get_current_context()
    typed = click.core.ParameterSource.COMMANDLINE
    if context.get_parameter_source("select") != typed or \
            context.get_parameter_source("ignore") == typed:
        return ignore
    select = rule_ids(options["select"])
    return tuple(pattern for pattern in ignore
                 if not any(matches(chosen, [pattern]) or matches(pattern, [chosen])
                            for chosen in select))


def _inputs(options) -> list[str]:
    """The files to check: folders walked for the globs (none matching is an error, exit 2);
    binary files skipped with a warning (under --strict, an error)."""
    given = [local_path(name) for name in options["paths"]] or ["-"]
    globs = options["globs"] or DEFAULT_GLOBS
    paths = expand_paths(given, globs)
    if not paths:
        raise CorpusToolsError(f"no file to check: {', '.join(given)} holds no file matching "
                               f"{' '.join(globs)} (or their compressed forms); see --glob")
    kept = []
    for path in paths:
        reason = binary_reason(path)
        if reason is None:
            kept.append(path)
        elif options["strict"]:
            raise InputError(path, None, f"{reason}; not checked")
        else:
            click.echo(f"corpus-tools: warning: {path}: {reason}, skipped", err=True)
    return kept


def _build(options):
    """The pipeline whose changes are dry-run, and the detectors chosen."""
    step_names = steps_from(options["steps"], options["skip"])
    try:
        rule_set = rule_set_from(options["rule_paths"], options["no_default_rules"])
        language = language_config(options["lang_backend"], options["languages"],
                                   options["lang_unit"], options["min_lang_score"])
        config = CleanConfig(lang=language_code(options["lang"]), rule_set=rule_set, **language)
        pipeline = Pipeline(step_names, config)
    except (ValueError, CorpusToolsError) as error:
        raise click.UsageError(str(error)) from None
    detectors = chosen_detectors(rule_set, rule_ids(options["select"]),
                                 rule_ids(options["ignore"]))
    return pipeline, detectors


def _formats(options: dict):
    """--jsonl or --tsv: every input so; else each file by its extension (.jsonl, .tsv)."""
    if options["jsonl"] or options["tsv"]:
        return record_format(options["jsonl"], options["field"], options["tsv"],
                             options["columns"])
    try:
        return ByExtension(options["field"], options["columns"])
    except ValueError as error:
        raise click.UsageError(str(error)) from None
