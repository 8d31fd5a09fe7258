"""``corpus-tools rules check|test|list``: for the linguists who write rule files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from corpus_tools.catalog import CATALOG, UnknownRuleError, entry_of
from corpus_tools.cli import cli
from corpus_tools.cli.options import INPUT_OPTIONS, check_engine, executor_options, record_format
from corpus_tools.language.codes import check_code
from corpus_tools.rules.kinds import KINDS
from corpus_tools.rules.loader import RuleFileError, default_rules_path, load_rules
from corpus_tools.rules.starter import StarterFolderError, write_starter
from corpus_tools.tasks.rule_examples import run_examples
from corpus_tools.tasks.rule_files import (
    counts,
    export_rules,
    import_rules,
    read_spreadsheet,
    rules_written_in,
    summaries,
    summary_table,
)

_paths = click.argument("paths", nargs=-1, type=click.Path(path_type=str))
_no_defaults = click.option("--no-default-rules", is_flag=True,
                            help="Leave out the packaged default rules.")


def _load(paths, no_default_rules, quiet: bool = False):
    """Load, and say on stderr which files were read and what a later file replaced."""
    rules = load_rules(paths, use_defaults=not no_default_rules)
    if not quiet:
        if not no_default_rules:
            click.echo(f"packaged rules: {default_rules_path()}", err=True)
        click.echo(f"loaded {len(rules.files)} file(s): {', '.join(rules.files)}", err=True)
        for note in rules.notes:
            click.echo(f"note: {note}", err=True)
    return rules


@cli.group("rules")
def rules_group():
    """Check, test and list rule files (names, artifacts, punctuation).

    \b
    Examples:
      corpus-tools rules check my-rules/
      corpus-tools rules test --no-default-rules my-rules/names.toml
      corpus-tools rules list --format json
    """


@rules_group.command("check")
@_paths
@_no_defaults
@click.option("--strict", is_flag=True, help="Make warnings (a rule with no example) errors.")
def rules_check(paths, no_default_rules, strict):
    """Validate rule files; exit 2 on any error, naming file, line and field.

    PATHS are files or folders of *.toml, layered over the defaults in order.

    \b
    Examples:
      corpus-tools rules check
      corpus-tools rules check --strict rules/
    """
    try:
        rules = _load(paths, no_default_rules)
    except RuleFileError as error:
        for problem in error.problems:
            click.echo(f"error: {problem}", err=True)
        click.echo(f"{len(error.problems)} error(s)", err=True)
        return 2
    for warning in rules.warnings:
        click.echo(f"{'error' if strict else 'warning'}: {warning}", err=True)
    if strict and rules.warnings:
        click.echo(f"{len(rules.warnings)} error(s) (--strict)", err=True)
        return 2
    click.echo(f"ok: {counts(rules)}")
    return 0


@rules_group.command("test")
@_paths
@_no_defaults
def rules_test(paths, no_default_rules):
    """Run every rule's examples through the real pipeline; exit 1 on a failure.

    \b
    Examples:
      corpus-tools rules test
      corpus-tools rules test my-rules/
    """
    rules = _load(paths, no_default_rules)
    count, failures = run_examples(rules, rules_written_in(rules, paths))
    for failure in failures:
        click.echo(failure.describe())
    click.echo(f"{count - len(failures)} passed, {len(failures)} failed")
    if not count:
        click.echo("no example ran: add examples = [{ text = \"...\", expect = \"...\" }] to "
                   "your rules, so rules test can check them", err=True)
        return 1
    return 1 if failures else 0


@rules_group.command("list")
@_paths
@_no_defaults
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def rules_list(paths, no_default_rules, output_format):
    """List every loaded rule: treatment, scope, keep phrases, examples, layer, file and line.

    \b
    Examples:
      corpus-tools rules list
      corpus-tools rules list --format json my-rules/ | jq .
    """
    rules = _load(paths, no_default_rules)
    if output_format == "json":
        click.echo(json.dumps(summaries(rules), ensure_ascii=False, indent=2))
        return 0
    for line in summary_table(rules):
        click.echo(line)
    return 0


@rules_group.command("init")
@click.argument("folder", type=click.Path(file_okay=False))
def rules_init(folder):
    """Start a rule folder of your own: a names file and an artifacts file, one worked rule each.

    Then edit them, and use them with --rules FOLDER.

    \b
    Examples:
      corpus-tools rules init my-rules
      corpus-tools rules test --no-default-rules my-rules
      corpus-tools clean --rules my-rules corpus.txt
    """
    try:
        written = write_starter(folder)
    except StarterFolderError as error:
        raise click.UsageError(str(error)) from None
    click.echo(f"wrote {', '.join(str(path) for path in written)}")
    click.echo(f"next: corpus-tools rules test --no-default-rules {folder}")
    return 0


@rules_group.command("export")
@_paths
@_no_defaults
@click.option("--format", "output_format", type=click.Choice(["csv"]), default="csv",
              show_default=True)
@click.option("--kind", "kinds", multiple=True, type=click.Choice(list(KINDS)),
              help="Export only rules of this kind (repeatable; default: every kind).")
@click.option("--no-source", is_flag=True, help="Leave out the file and line columns.")
def rules_export(paths, no_default_rules, output_format, kinds, no_source):
    """Write rules as CSV for a spreadsheet: one row per spelling and per example.

    Columns: kind, then those of the kinds exported (a name's: canonical,
    variant, treatment, lang, keep, note, example, expect, finds,
    example_lang, not_after, not_before, ignore_case, fix, severity,
    message), then file and line.  A cell a spreadsheet would read as a
    formula (=, +, -, @ first) gets a ' before it, which import takes off.
    `rules import` reads it back.

    \b
    Examples:
      corpus-tools rules export --no-default-rules my-rules > rules.csv
      corpus-tools rules export --kind name my-rules > names.csv
    """
    rules = _load(paths, no_default_rules, quiet=True)
    click.echo(export_rules(rules, paths, kinds, with_source=not no_source), nl=False)
    return 0


@rules_group.command("import")
@click.argument("csv_file", type=click.Path(dir_okay=False, exists=True))
@click.option("-o", "--output", required=True, metavar="FILE.toml",
              help="The rule file to write (refused if it exists).")
@click.option("--delimiter", type=click.Choice([",", ";", "tab"]),
              help="The separator between columns (default: found from the first row).")
def rules_import(csv_file, output, delimiter):
    """Turn a spreadsheet's CSV (as rules export writes it) into a rule file.

    Reads UTF-8 (with or without BOM), UTF-16 and Windows-1252 (Excel's
    "CSV (Comma delimited)"), with commas, semicolons or tabs between the
    columns, and says which it used.  The file is written only when every
    rule in it passes `rules check`; errors name the CSV's row and column.

    \b
    Examples:
      corpus-tools rules import names.csv -o my-rules/names.toml
    """
    if Path(output).exists():
        raise click.UsageError(f"{output} exists; give a new file name")
    sheet = read_spreadsheet(csv_file, "\t" if delimiter == "tab" else delimiter)
    click.echo(f"{csv_file}: {sheet.describe()}", err=True)
    imported = import_rules(sheet, csv_file, output)
    click.echo(f"wrote {len(imported.rules)} rule(s) to {output}")
    return 0


@rules_group.command("explain")
@click.argument("rule_id", required=False)
def rules_explain(rule_id):
    """Explain a rule id of change records: its step, default severity and meaning.

    Without RULE_ID, list the catalog.  Rule-file rules (name:Lachin,
    artifact:stray-marker) are explained by their family.

    \b
    Examples:
      corpus-tools rules explain encoding:mojibake
      corpus-tools rules explain name:Lachin
      corpus-tools rules explain
    """
    if rule_id is None:
        width = max(len(entry_id) for entry_id in CATALOG)
        for entry in CATALOG.values():
            click.echo(f"{entry.id:<{width}}  {entry.severity:<7}  {entry.step}")
        return 0
    try:
        entry = entry_of(rule_id)
    except UnknownRuleError as error:
        raise click.UsageError(str(error)) from None
    shown = rule_id if rule_id == entry.id else f"{rule_id} ({entry.id})"  # a family: say it
    click.echo(f"{shown}: severity {entry.severity}, step {entry.step}\n")
    click.echo(entry.explanation)
    return 0


@rules_group.command("suggest")
@click.argument("corpus", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--rules", "rule_paths", multiple=True, metavar="PATH",
              help="Rule file or folder, layered over the defaults (repeatable).")
@_no_defaults
@click.option("--min-count", type=click.IntRange(1), default=1, show_default=True,
              help="Leave out spellings seen fewer times.")
@click.option("--lang", metavar="CODE",
              help="The corpus's language (ISO 639-1); else each document's is identified.")
@click.option("--near", metavar="NAME",
              help="List every spelling close to NAME, with counts and contexts, instead of a draft.")
@click.option("-o", "--output", default="-", metavar="FILE",
              help="Write the draft here (refused if it exists) instead of stdout.")
@click.option("--format", "output_format", type=click.Choice(["toml", "csv", "tsv", "json"]),
              default="toml", show_default=True,
              help="toml: a rule file; csv: for a spreadsheet and `rules import`; "
                   "tsv: variant, canonical, lang, count; json: everything.")
@INPUT_OPTIONS["jsonl"]
@INPUT_OPTIONS["field"]
@INPUT_OPTIONS["tsv"]
@INPUT_OPTIONS["column"]
@INPUT_OPTIONS["on_bad_record"]
@executor_options
def rules_suggest(corpus, rule_paths, no_default_rules, min_count, lang, near, output,
                  output_format, jsonl, field, tsv, columns, on_bad_record, jobs, engine,
                  scheduler):
    """Find the spellings of names a corpus uses and draft rules for review.

    Capitalised words and pairs of them are counted with their documents'
    languages and contexts, grouped (same letters, spelling equivalences of
    rules/spellings.toml, one edit apart, other scripts for review), and
    written as [[name]] rules with every new spelling under `suggest`, so
    nothing changes text until a linguist moves a spelling to `variants`.
    Names the loaded rules already cover are left out; new spellings of a
    known name are drafted as additions to its rule.

    \b
    Examples:
      corpus-tools rules suggest news/ -o draft.toml
      corpus-tools rules suggest --format csv corpus.jsonl.gz --jsonl > review.csv
      corpus-tools rules suggest --near Shahramanyan corpus.txt
    """
    from corpus_tools.stream.atomic import atomic_output
    from corpus_tools.tasks.draft import DraftRequest, draft

    fmt = record_format(jsonl, field, tsv, columns)
    check_engine(engine, scheduler)
    if lang is not None:
        try:
            lang = check_code(lang, "--lang")
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--lang") from None
    if output != "-" and Path(output).exists():
        raise click.UsageError(f"{output} exists; give a new file name")
    rules = load_rules(rule_paths, use_defaults=not no_default_rules)
    result = draft(DraftRequest(corpus, rules, record_format=fmt, on_bad_record=on_bad_record,
                                min_count=min_count, lang=lang, near=near,
                                output_format=output_format, jobs=jobs, engine=engine,
                                scheduler=scheduler))
    if output == "-" or near:
        click.echo(result.text, nl=False)
    else:
        with atomic_output(output) as stream:
            stream.write(result.text.encode("utf-8"))
    if result.summary:
        click.echo(f"corpus-tools: {result.summary}", err=True)
    return 0
