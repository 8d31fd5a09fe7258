"""``corpus-tools rules check|test|list``: for the linguists who write rule files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from corpus_tools.catalog import CATALOG, UnknownRuleError, entry_of
from corpus_tools.cli import cli
from corpus_tools.cli.options import INPUT_OPTIONS, check_engine, executor_options, record_format
from corpus_tools.language.codes import check_code
from corpus_tools.rules.loader import RuleFileError, default_rules_path, load_rules
from corpus_tools.rules.starter import STARTER_FILES
from corpus_tools.rules.writer import export_csv, import_csv, rules_toml
from corpus_tools.tasks.rule_examples import run_examples

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


def _from_paths(rules, paths, no_default_rules):
    """The rules written in PATHS (all loaded rules when no PATHS were named)."""
    if not paths:
        return rules.all_rules()
    roots = [Path(p).resolve() for p in paths]
    default_root = default_rules_path().resolve()
    chosen = []
    for rule in rules.all_rules():
        source = Path(rule.source.file).resolve()
        if source.is_relative_to(default_root) and not any(
            source == root or source.is_relative_to(root) for root in roots
        ):
            continue
        chosen.append(rule)
    return chosen


def _detail(item: dict) -> str:
    if item["kind"] == "name":
        return ", ".join(item["variants"])
    if item["kind"] == "artifact":
        return f"text: {item['text']}" if item.get("text") else item["pattern"]
    if item["kind"] == "repeat":
        return ", ".join(item["words"])
    if item["kind"] == "spelling":
        return " = ".join(item["same"]) + (" (at the end)" if item["at"] == "end" else "")
    if item["kind"] == "transliteration":
        return f"{item['script']}: {item['letters']} letters"
    return f"{item['char']} ({item['codepoint']}) -> {item['becomes']} next to {', '.join(item['next_to'])}"


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
    click.echo(f"ok: {len(rules.names)} name rule(s), {len(rules.artifacts)} artifact rule(s), "
               f"{len(rules.punctuation)} punctuation rule(s), {len(rules.repeats)} repeat rule(s)"
               + (f", {len(rules.spellings)} spelling rule(s), "
                  f"{len(rules.transliterations)} transliteration table(s)"
                  if rules.spellings or rules.transliterations else ""))
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
    count, failures = run_examples(rules, _from_paths(rules, paths, no_default_rules))
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
    packaged = default_rules_path().resolve()
    summaries = []
    for rule in rules.all_rules():
        item = rule.summary()
        item["layer"] = ("packaged" if Path(rule.source.file).resolve().is_relative_to(packaged)
                         else "yours")
        item.setdefault("treatment", "replace" if getattr(rule, "replace", "") is not None
                        else "report")
        item["examples"] = len(getattr(rule, "examples", ()))
        summaries.append(item)
    if output_format == "json":
        click.echo(json.dumps(summaries, ensure_ascii=False, indent=2))
        return 0
    width = max((len(item["id"]) for item in summaries), default=0)
    click.echo(f"{'id':<{width}} {'treatment':<9} {'scope':<8} {'keep':>4} {'ex.':>3} "
               f"{'layer':<8} where  spellings or pattern")
    for item in summaries:
        scope = ",".join(item["lang"]) if item["lang"] else "all"
        keep = len(item.get("keep", ()))
        click.echo(f"{item['id']:<{width}} {item['treatment']:<9} {scope:<8} {keep:>4} "
                   f"{item['examples']:>3} {item['layer']:<8} {item['file']}:{item['line']}  "
                   f"{_detail(item)}")
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
    target = Path(folder)
    if target.exists() and any(target.iterdir()):
        raise click.UsageError(f"{folder} already holds files; give a new or empty folder")
    target.mkdir(parents=True, exist_ok=True)
    for name, text in STARTER_FILES.items():
        (target / name).write_text(text, encoding="utf-8")
    click.echo(f"wrote {', '.join(str(target / name) for name in STARTER_FILES)}")
    click.echo(f"next: corpus-tools rules test --no-default-rules {folder}")
    return 0


@rules_group.command("export")
@_paths
@_no_defaults
@click.option("--format", "output_format", type=click.Choice(["csv"]), default="csv",
              show_default=True)
@click.option("--no-source", is_flag=True, help="Leave out the file and line columns.")
def rules_export(paths, no_default_rules, output_format, no_source):
    """Write name rules as CSV for a spreadsheet (one row per spelling).

    Columns: kind, canonical, variant, treatment, lang, keep, note, example,
    expect, file, line.  Only name rules are exported.

    \b
    Examples:
      corpus-tools rules export --no-default-rules my-rules > names.csv
    """
    rules = _load(paths, no_default_rules, quiet=True)
    chosen = [rule for rule in _from_paths(rules, paths, no_default_rules) if rule.kind == "name"]
    click.echo(export_csv(chosen, with_source=not no_source), nl=False)
    return 0


@rules_group.command("import")
@click.argument("csv_file", type=click.Path(dir_okay=False, exists=True))
@click.option("-o", "--output", required=True, metavar="FILE.toml",
              help="The rule file to write (refused if it exists).")
def rules_import(csv_file, output):
    """Turn a spreadsheet's CSV (as rules export writes it) into a rule file.

    \b
    Examples:
      corpus-tools rules import names.csv -o my-rules/names.toml
    """
    if Path(output).exists():
        raise click.UsageError(f"{output} exists; give a new file name")
    text = Path(csv_file).read_text(encoding="utf-8-sig")
    imported = import_csv(text, csv_file)
    Path(output).write_text(rules_toml(imported, f"imported from {Path(csv_file).name}"),
                            encoding="utf-8")
    load_rules([output], use_defaults=False)  # what was written must load
    click.echo(f"wrote {len(imported)} name rule(s) to {output}")
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
    click.echo(f"{rule_id} ({entry.id}): severity {entry.severity}, step {entry.step}\n")
    click.echo(entry.explanation)
    return 0


@rules_group.command("suggest")
@click.argument("corpus", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--rules", "rule_paths", multiple=True, metavar="PATH",
              help="Rule file or folder, layered over the defaults (repeatable).")
@_no_defaults
@click.option("--min-count", type=click.IntRange(1), default=2, show_default=True,
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
    from corpus_tools.language.detector import LanguageDetector
    from corpus_tools.stream.atomic import atomic_output
    from corpus_tools.tasks.check import expand_paths
    from corpus_tools.tasks.suggest import (
        Collector,
        SpellingIndex,
        draft_csv,
        draft_json,
        draft_toml,
        draft_tsv,
        group_spellings,
    )
    from corpus_tools.tasks.suggest import (
        near as near_spellings,
    )

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
    index = SpellingIndex.from_rules(rules)
    collector = Collector(lang=lang, detector=None if lang else LanguageDetector())
    paths = expand_paths(corpus)
    collector.read_all(paths, fmt, on_bad_record, jobs, engine, scheduler)
    spellings = [s for s in collector.spellings.values() if s.count >= min_count]
    if near:
        for spelling, how in near_spellings(spellings, near, index):
            where = ""
            if spelling.contexts:
                file, line, snippet = spelling.contexts[0]
                where = f"  {file}:{line}  {snippet}"
            click.echo(f"{spelling.form}\t{spelling.count}\t{spelling.lang_summary()}\t{how}{where}")
        return 0
    groups = group_spellings(spellings, index, rules.names)
    summary = (f"{len(spellings)} spelling(s) of names seen at least {min_count} times in "
               f"{len(paths)} file(s), {collector.lines} line(s); {len(groups)} group(s)")
    writers = {"toml": lambda: draft_toml(groups, summary, rules),
               "csv": lambda: draft_csv(groups, rules),
               "tsv": lambda: draft_tsv(groups), "json": lambda: draft_json(groups)}
    text = writers[output_format]()
    if output == "-":
        click.echo(text, nl=False)
    else:
        with atomic_output(output) as stream:
            stream.write(text.encode("utf-8"))
    click.echo(f"corpus-tools: {summary}", err=True)
    return 0
