"""``corpus-tools check``: the CI gate. Options -> configuration -> the check task."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path

import click
from click.core import ParameterSource

from corpus_tools.catalog import UnknownRuleError, entry_of
from corpus_tools.cli import cli
from corpus_tools.cli.options import (
    EXECUTOR_OPTIONS,
    INPUT_OPTIONS,
    apply_options,
    check_engine,
    language_config,
    language_options,
    record_format,
)
from corpus_tools.detectors import DETECTORS
from corpus_tools.engine.runner import check_inputs
from corpus_tools.errors import CorpusToolsError
from corpus_tools.language.codes import check_code
from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.registry import resolve_steps
from corpus_tools.report.findings import FORMATS, reporter
from corpus_tools.report.progress import progress_bar
from corpus_tools.rules.loader import load_rules
from corpus_tools.tasks.baseline import Baseline
from corpus_tools.tasks.check import (
    DEFAULT_GLOBS,
    FAIL_LEVELS,
    Checker,
    CheckOptions,
    expand_paths,
    matches,
)
from corpus_tools.tasks.config import find_config, load_config


def _ids(values) -> tuple[str, ...]:
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())


_OPTIONS = [
    click.argument("paths", nargs=-1, type=click.Path(allow_dash=True)),
    click.option("--glob", "globs", multiple=True, metavar="PATTERN",
                 help=f"Files to check in folders (default: {' '.join(DEFAULT_GLOBS)}, and "
                      f"compressed)."),
    INPUT_OPTIONS["jsonl"], INPUT_OPTIONS["field"], INPUT_OPTIONS["tsv"], INPUT_OPTIONS["column"],
    INPUT_OPTIONS["on_bad_record"],
    click.option("--rules", "rule_paths", multiple=True, metavar="PATH",
                 help="Rule file or folder, layered over the defaults (repeatable)."),
    click.option("--no-default-rules", is_flag=True, help="Leave out the packaged default rules."),
    click.option("--steps", metavar="A,B,C", help="Repairing steps to dry-run, in order "
                                                   "(add foreign-sentences here)."),
    click.option("--skip", multiple=True, metavar="STEP", help="Leave out a step (repeatable)."),
    click.option("--lang", metavar="CODE", help="Language of the input (ISO 639-1, e.g. en)."),
    click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
                 show_default=True, help="How findings are written on stdout."),
    click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default="warning",
                 show_default=True, help="Exit 1 when a finding of this severity or worse is found."),
    click.option("--select", multiple=True, metavar="ID,...",
                 help="Report only these rule ids or prefixes (name:, script:)."),
    click.option("--ignore", multiple=True, metavar="ID,...",
                 help="Never report these rule ids or prefixes."),
    click.option("--max-findings", type=click.IntRange(1), metavar="N",
                 help="Stop after N findings (and say so)."),
    click.option("--statistics", is_flag=True, help="Print counts per rule instead of findings."),
    click.option("--config", "config_path", type=click.Path(dir_okay=False),
                 help="Configuration file (default: corpus-tools.toml or pyproject.toml's "
                      "[tool.corpus-tools], from here upward)."),
    click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
    click.option("--baseline", metavar="FILE", help="Accept the findings recorded in FILE."),
    click.option("--write-baseline", metavar="FILE",
                 help="Record the current findings in FILE (then exit 0)."),
    click.option("--explain", metavar="ID", help="Explain a rule id and exit."),
    INPUT_OPTIONS["progress"],
    *EXECUTOR_OPTIONS,
]


def _check_command(function):
    function = language_options(apply_options(function, _OPTIONS))
    return click.pass_context(function)


@cli.command("check")
@_check_command
def check(ctx, **options):
    """Report every change clean would make and what the detectors find; change nothing.

    PATHS are files, folders (walked for --glob) or '-' for stdin.  Findings go
    to stdout, the summary to stderr.  Exit 0: nothing reaches --fail-on; 1:
    something does; 2: usage, configuration or unreadable input.

    \b
    Examples:
      corpus-tools check corpus/
      corpus-tools check --format github --fail-on error data/*.jsonl --jsonl
      corpus-tools check --format sarif corpus/ > findings.sarif
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
        click.echo(f"{options['explain']} ({entry.id}): severity {entry.severity}, "
                   f"from {entry.step}\n\n{entry.explanation}")
        return 0
    check_engine(options["engine"], options["scheduler"])
    settings = _settings(ctx, options)
    paths = expand_paths(list(options["paths"]) or ["-"], settings["glob"] or DEFAULT_GLOBS)
    check_inputs(paths)
    pipeline, detectors = _build(settings)
    baseline = Baseline.load(settings["baseline"]) if settings["baseline"] and \
        not options["write_baseline"] else None
    check_options = CheckOptions(
        record_format=record_format(settings["jsonl"], settings["field"], settings["tsv"],
                                    tuple(settings["column"])),
        select=_ids(settings["select"]), ignore=_ids(settings["ignore"]),
        per_path_ignores={pattern: tuple(rules)
                          for pattern, rules in settings["per-path-ignores"].items()},
        fail_on=settings["fail-on"], max_findings=settings["max-findings"], baseline=baseline,
        on_bad_record=options["on_bad_record"], jobs=options["jobs"], engine=options["engine"],
        scheduler=options["scheduler"],
    )
    with ExitStack() as stack:
        bar = progress_bar(paths, options["progress"], sys.stderr, stack)
        check_options.on_read = bar.update if bar is not None else None
        checker = Checker(pipeline, detectors, check_options)
        if options["write_baseline"]:
            found = list(checker.run(paths))
            Path(options["write_baseline"]).write_text(
                Baseline.from_findings(found).dumps(), encoding="utf-8")
            click.echo(f"corpus-tools: recorded {len(found)} finding(s) in "
                       f"{options['write_baseline']}", err=True)
            return 0
        out = reporter(options["output_format"], sys.stdout)
        for finding, _ in checker.run(paths):
            if not options["statistics"]:
                out.take(finding)
        if not options["statistics"]:
            out.finish()
        summary = checker.summary
        if options["statistics"]:
            click.echo(summary.rule_table() or "no findings")
    text = f"corpus-tools: {summary.describe()}"
    if baseline is not None:
        text += f"; {baseline.stale()} baseline entr(ies) no longer match"
    click.echo(text, err=True)
    return summary.exit_code()


def _settings(ctx, options) -> dict:
    """The command line over the configuration file over the defaults."""
    config: dict = {}
    if not options["isolated"]:
        path = Path(options["config_path"]) if options["config_path"] else find_config()
        if path is not None:
            config = load_config(path)
    elif options["config_path"]:
        raise click.UsageError("--config and --isolated exclude each other")

    def pick(option: str, key: str):
        given = ctx.get_parameter_source(option) == ParameterSource.COMMANDLINE
        if not given and key in config:
            return config[key]
        return options[option]

    settings = {
        "glob": pick("globs", "glob"), "jsonl": pick("jsonl", "jsonl"),
        "field": pick("field", "field"), "tsv": pick("tsv", "tsv"),
        "column": pick("columns", "column"), "rules": pick("rule_paths", "rules"),
        "no-default-rules": pick("no_default_rules", "no-default-rules"),
        "steps": pick("steps", "steps"), "skip": pick("skip", "skip"), "lang": pick("lang", "lang"),
        "languages": pick("languages", "languages"), "lang-backend": pick("lang_backend",
                                                                          "lang-backend"),
        "lang-unit": pick("lang_unit", "lang-unit"),
        "min-lang-score": pick("min_lang_score", "min-lang-score"),
        "fail-on": pick("fail_on", "fail-on"), "select": pick("select", "select"),
        "ignore": pick("ignore", "ignore"), "max-findings": pick("max_findings", "max-findings"),
        "baseline": pick("baseline", "baseline"),
        "per-path-ignores": config.get("per-path-ignores", {}),
    }
    if settings["fail-on"] not in FAIL_LEVELS:
        raise click.UsageError(f"fail-on must be one of {', '.join(FAIL_LEVELS)}")
    return settings


def _build(settings):
    try:
        chosen = [name.strip() for name in settings["steps"].split(",") if name.strip()] \
            if settings["steps"] else None
        step_names = resolve_steps(chosen, settings["skip"])
        rule_set = load_rules(settings["rules"], use_defaults=not settings["no-default-rules"])
        lang = check_code(settings["lang"]) if settings["lang"] else None
        language = language_config(settings["lang-backend"], settings["languages"],
                                   settings["lang-unit"], settings["min-lang-score"])
        pipeline = Pipeline(step_names, CleanConfig(lang=lang, rule_set=rule_set, **language))
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    except CorpusToolsError as error:
        raise click.UsageError(str(error)) from None
    select, ignore = _ids(settings["select"]), _ids(settings["ignore"])
    detectors = [cls.build(rule_set) for cls in DETECTORS.values()
                 if (not select or matches(cls.id, select)) and not matches(cls.id, ignore)]
    return pipeline, detectors
