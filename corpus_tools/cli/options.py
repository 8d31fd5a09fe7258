"""Every option, defined once, in groups the commands share; the one function that runs
the filter commands; the checks that turn options into library objects."""

from __future__ import annotations

import functools

import click

from corpus_tools.engine.executor import ENGINES
from corpus_tools.engine.runner import Runner, RunOptions
from corpus_tools.errors import CorpusToolsError, InputError
from corpus_tools.language.backends import BACKENDS, DEFAULT_BACKEND, check_available
from corpus_tools.language.codes import check_code, parse_languages
from corpus_tools.language.detector import DEFAULT_MIN_SCORE
from corpus_tools.language.units import UNIT_MODES
from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.registry import RECOMMENDED_STEPS, STEPS, resolve_steps
from corpus_tools.rules.loader import load_rules
from corpus_tools.rules.model import RuleSet
from corpus_tools.stream.by_extension import ByExtension
from corpus_tools.stream.formats import JsonlFormat, TextFormat, TsvFormat
from corpus_tools.stream.legacy import set_input_encoding
from corpus_tools.stream.opener import binary_reason, local_path

# A path an option writes: click checks nothing of it, and a configuration file's value
# is taken from the file's folder (as for every click.Path option).
WRITTEN_PATH = click.Path(allow_dash=True, readable=False)


def apply_options(command, options):
    """Decorate ``command`` with ``options`` so they show in the order listed."""
    for option in reversed(options):
        command = option(command)
    return command


def option_group(*options):
    """One decorator for several options, shown in the order listed."""

    def decorate(command):
        return apply_options(command, options)

    return decorate


# Each option is defined once, here; commands take them whole, by the groups below.
INPUT_OPTIONS = {
    "files": click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True)),
    "output": click.option(
        "-o", "--output", default="-", metavar="FILE", type=WRITTEN_PATH,
        help="Write here instead of stdout (.gz/.bz2/.xz/.zst compress). Written atomically."),
    "jsonl": click.option("--jsonl", is_flag=True, help="Input is JSON Lines; only --field counts."),
    "field": click.option("--field", default="text", show_default=True, metavar="PATH",
                          help="JSONL field to work on; dotted for nested fields (meta.body)."),
    "tsv": click.option("--tsv", is_flag=True, help="Input is tab-separated; only --column counts."),
    "column": click.option("--column", "columns", type=int, multiple=True, metavar="N",
                           help="TSV column to work on, counted from 1 (repeatable)."),
    "on_bad_record": click.option(
        "--on-bad-record", type=click.Choice(["error", "pass"]), default="error", show_default=True,
        help="A record that cannot be read: stop with exit 2, or pass it through untouched."),
    "encoding": click.option(
        "--encoding", metavar="PAGE", expose_value=False, is_eager=True,
        callback=lambda _context, _option, value: _set_encoding(value),
        help="Inputs are in this legacy encoding (cp1251, koi8-r, armscii-8...; auto: "
             "detect, pip install '.[detect]'); read as UTF-8 from it."),
    "progress": click.option("--progress/--no-progress", default=None,
                             help="Progress bar on stderr (default: only when stderr is a terminal)."),
}

files_argument = INPUT_OPTIONS["files"]
output_option = INPUT_OPTIONS["output"]
progress_option = INPUT_OPTIONS["progress"]
# --jsonl --field, --tsv --column, --on-bad-record: what a record is (see record_format).
record_options = option_group(*(INPUT_OPTIONS[name] for name in (
    "jsonl", "field", "tsv", "column", "on_bad_record", "encoding")))


def _set_encoding(value: str | None) -> None:
    try:
        set_input_encoding(value)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--encoding") from None

jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(0), default=1, show_default=True,
    help="Worker processes (0: every core); the same output as -j 1.")

# --engine, --scheduler: where the chunks run (see check_engine).
engine_options = option_group(
    click.option("--engine", type=click.Choice(ENGINES), default="local",
                 show_default=True,
                 help="dask: run on a Dask cluster (pip install '.[dask]'); "
                      "the same output."),
    click.option("--scheduler", metavar="ADDRESS",
                 help="With --engine dask: the scheduler (tcp://host:8786); default: a local "
                      "cluster of -j worker processes."),
)

lang_option = click.option("--lang", metavar="CODE",
                           help="Language of the input (ISO 639-1, e.g. en).")

# --rules, --no-default-rules: the rule files (see rule_set_from).
rules_options = option_group(
    click.option("--rules", "rule_paths", multiple=True, metavar="PATH",
                 type=click.Path(path_type=str),
                 help="Rule file or folder, layered over the defaults (repeatable)."),
    click.option("--no-default-rules", is_flag=True, help="Leave out the packaged default rules."),
)
verbose_option = click.option("--verbose", is_flag=True,
                              help="Say which rules a later --rules layer replaced.")

# --steps, --skip: which steps run, in which order (see steps_from).
steps_options = option_group(
    click.option("--steps", metavar="A,B,C",
                 help=f"Run these steps, in this order; the steps: {', '.join(STEPS)} "
                      f"(default: {','.join(RECOMMENDED_STEPS)})."),
    click.option("--skip", multiple=True, metavar="STEP", help="Leave out a step (repeatable)."),
)

# -j, --engine, --scheduler: where any command's work runs (engine/executor.py).
executor_options = option_group(jobs_option, engine_options)

_STREAM_OPTIONS = [
    files_argument,
    output_option,
    click.option("--in-place", is_flag=True,
                 help="Rewrite each FILE atomically (owner, group and mode kept; links followed)."),
    click.option("--force-in-place", is_flag=True,
                 help="With --in-place: rewrite a file that has other hard links, or whose "
                      "owner cannot be kept."),
    record_options,
    click.option("--diff", is_flag=True, help="Print a unified diff instead of the output."),
    click.option("--check", is_flag=True,
                 help="Write nothing; list each change and finding on stderr; exit 1 if there are any."),
    click.option("--report", metavar="FILE.jsonl", type=WRITTEN_PATH,
                 help="Write one JSON line per change record (- for stdout, with -o or --check)."),
    click.option("--stats", is_flag=True, help="Print counts per rule on stderr."),
    progress_option,
    lang_option,
    click.option("--output-dir", metavar="DIR", type=WRITTEN_PATH,
                 help="One output per input, at its path relative to the inputs' common folder."),
    click.option("--force", is_flag=True, help="With --output-dir: overwrite existing outputs."),
    jobs_option,
    engine_options,
]


def language_options(command=None, default_unit: str = "paragraph"):
    """--lang-backend, --languages, --lang-unit, --min-lang-score: how units' languages are found."""
    options = [
        click.option("--lang-backend", type=click.Choice(list(BACKENDS)), default=DEFAULT_BACKEND,
                     show_default=True, help="Language identification model (lingua: pip install '.[lingua]')."),
        click.option("--languages", metavar="xx,yy",
                     help="Candidate languages of identification, e.g. en,fr,ru,hy,az (faster, more accurate)."),
        click.option("--lang-unit", type=click.Choice(list(UNIT_MODES)), default=default_unit,
                     show_default=True, help="Plain text: what one language is identified for."),
        click.option("--min-lang-score", type=click.FloatRange(0, 1), default=DEFAULT_MIN_SCORE,
                     show_default=True,
                     help="Below this score (or under 15 letters) a unit takes its document's language."),
    ]

    def decorate(command):
        return apply_options(command, options)

    return decorate(command) if command is not None else decorate


def language_config(lang_backend, languages, lang_unit, min_lang_score) -> dict:
    try:
        candidates = parse_languages(languages)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--languages") from None
    return {"lang_backend": lang_backend, "languages": candidates, "lang_unit": lang_unit,
            "min_lang_score": min_lang_score}


def check_engine(engine: str, scheduler: str | None) -> None:
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler goes with --engine dask")


def language_code(lang: str | None) -> str | None:
    """--lang, checked: a known ISO 639-1 code, or None."""
    if lang is None:
        return None
    try:
        return check_code(lang)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--lang") from None


def steps_from(steps: str | None, skip) -> list[str]:
    """--steps a,b,c and --skip x: the step names, in order."""
    chosen = [name.strip() for name in steps.split(",") if name.strip()] if steps else None
    try:
        return resolve_steps(chosen, skip)
    except CorpusToolsError as error:
        raise click.UsageError(str(error)) from None


def rule_set_from(rule_paths, no_default_rules: bool, verbose: bool = False) -> RuleSet:
    """--rules and --no-default-rules: the rules loaded (with --verbose, what replaced what)."""
    rule_set = load_rules(rule_paths, use_defaults=not no_default_rules)
    if verbose:
        for note in rule_set.notes:
            click.echo(f"corpus-tools: {note}", err=True)
    return rule_set


def stream_options(command):
    """Add the shared input, output and reporting options to a filter command."""
    return apply_options(command, _STREAM_OPTIONS)


def record_format(jsonl: bool, field: str, tsv: bool, columns: tuple[int, ...]):
    if jsonl and tsv:
        raise click.UsageError("--jsonl and --tsv exclude each other")
    if columns and not tsv:
        raise click.UsageError("--column goes with --tsv")
    try:
        if jsonl:
            return JsonlFormat(field)
        if tsv:
            return TsvFormat(columns)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    return TextFormat()


def _files_format(options: dict):
    """--jsonl or --tsv: every input so; with --output-dir and neither, each file by its
    extension (.jsonl and .ndjson JSON lines, .tsv tab-separated), as check reads a folder."""
    if options["output_dir"] and not (options["jsonl"] or options["tsv"]):
        try:
            return ByExtension(options["field"], options["columns"])
        except ValueError as error:
            raise click.UsageError(str(error)) from None
    return record_format(options["jsonl"], options["field"], options["tsv"], options["columns"])


def refuse_binary(files) -> None:
    """A binary input (a NUL byte in its first block, as grep decides) is not text to clean:
    exit 2 before anything is written (``check`` skips it with a warning instead)."""
    for name in files:
        reason = binary_reason(name)
        if reason:
            raise InputError(name, None, f"{reason}; not cleaned")


def run_pipeline(steps, config_kwargs: dict, options: dict) -> int:
    """Build the pipeline and run it over the files; return the exit code."""
    if options["in_place"] and options["output"] != "-":
        raise click.UsageError("--in-place and -o exclude each other")
    if options["output_dir"] and (options["in_place"] or options["output"] != "-"):
        raise click.UsageError("--output-dir excludes -o and --in-place")
    if options["force"] and not options["output_dir"]:
        raise click.UsageError("--force goes with --output-dir")
    if options["diff"] and options["check"]:
        raise click.UsageError("--diff and --check exclude each other")
    check_engine(options["engine"], options["scheduler"])
    mode = "diff" if options["diff"] else "check" if options["check"] else "write"
    if options["in_place"] and mode != "write":
        raise click.UsageError(f"--in-place writes files; it does not go with --{mode}")
    run_options = RunOptions(
        record_format=_files_format(options),
        output=local_path(options["output"]),
        in_place=options["in_place"],
        force_in_place=options["force_in_place"],
        mode=mode,
        report=options["report"] and local_path(options["report"]),
        stats=options["stats"],
        progress=options["progress"],
        on_bad_record=options["on_bad_record"],
        jobs=options["jobs"],
        output_dir=options["output_dir"] and local_path(options["output_dir"]),
        force=options["force"],
        engine=options["engine"],
        scheduler=options["scheduler"],
    )
    files = [local_path(name) for name in options["files"]]
    refuse_binary(files)
    lang = language_code(options["lang"])
    try:
        pipeline = Pipeline(steps, CleanConfig(lang=lang, **config_kwargs))
        if pipeline.needs_language:
            check_available(pipeline.config.lang_backend)
        if pipeline.needs_language and pipeline.config.languages is not None:
            # An unknown language fails here, before any output; without
            # --languages the model loads only when a unit needs it.
            pipeline.detector  # noqa: B018
    except CorpusToolsError as error:
        raise click.UsageError(str(error)) from None
    summary = Runner(pipeline, run_options).run(files)
    return summary.exit_code(check=mode == "check")


STREAM_OPTION_NAMES = (
    "files", "output", "in_place", "force_in_place", "jsonl", "field", "tsv", "columns", "on_bad_record",
    "diff", "check", "report", "stats", "progress", "lang", "jobs", "output_dir", "force",
    "engine", "scheduler",
)


def split_stream_options(kwargs: dict) -> tuple[dict, dict]:
    """Separate the shared options from a command's own."""
    shared = {name: kwargs.pop(name) for name in STREAM_OPTION_NAMES}
    return shared, kwargs


def filter_command(group, name: str, **settings):
    """Register a filter command whose function returns (steps, config kwargs)."""

    def decorate(function):
        @group.command(name, **settings)
        @stream_options
        @functools.wraps(function)
        def command(**kwargs):
            shared, own = split_stream_options(kwargs)
            steps, config_kwargs = function(**own)
            return run_pipeline(steps, config_kwargs, shared)

        return command

    return decorate
