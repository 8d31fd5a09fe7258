"""The filter commands: each maps its own options to steps and a config."""

from __future__ import annotations

import click

from corpus_tools.cli import cli
from corpus_tools.cli.options import (
    filter_command,
    language_config,
    language_options,
    option_group,
    rule_set_from,
    rules_options,
    steps_from,
    steps_options,
    verbose_option,
)
from corpus_tools.filters.encoding.fix_encoding import EncodingConfig
from corpus_tools.registry import RULE_STEPS


def _encoding_config(nfc: bool, html: bool, ligatures: bool,
                     span_repair: bool = True) -> EncodingConfig:
    return EncodingConfig(
        unescape_html="auto" if html else False,
        fix_latin_ligatures=ligatures,
        normalization="NFC" if nfc else None,
        span_repair=span_repair,
    )


_rule_options = option_group(rules_options, verbose_option, language_options)


def _rule_config(rule_paths, no_default_rules, verbose, **language) -> dict:
    return {"rule_set": rule_set_from(rule_paths, no_default_rules, verbose),
            **language_config(**language)}


_nfc = click.option("--nfc", is_flag=True, help="Also apply Unicode NFC normalization.")
_html = click.option("--html/--no-html", default=True, show_default=True,
                     help="Decode HTML entities (not in lines that contain '<').")
_ligatures = click.option("--ligatures/--no-ligatures", default=True, show_default=True,
                          help="Split Latin ligatures such as 'ﬁ' into letters.")
_span_repair = click.option(
    "--span-repair/--no-span-repair", default=True, show_default=True,
    help="Also repair single misread words that ftfy leaves (encoding:span-repair).")


@filter_command(cli, "fix-encoding")
@_nfc
@_html
@_ligatures
@_span_repair
def fix_encoding(nfc, html, ligatures, span_repair):
    """Repair mojibake, HTML entities, C1 controls and terminal escapes (ftfy).

    Curly quotes, fullwidth forms and line endings are kept.

    \b
    Examples:
      corpus-tools fix-encoding news.txt > fixed.txt
      corpus-tools fix-encoding --jsonl --field text crawl.jsonl.gz -o clean.jsonl.gz
    """
    return ["fix-encoding"], {"encoding": _encoding_config(nfc, html, ligatures, span_repair)}


@filter_command(cli, "fix-scripts")
@_rule_options
def fix_scripts(rule_paths, no_default_rules, verbose, **language):
    """Repair look-alike letters of another script and foreign apostrophes.

    A Cyrillic 'а' in 'Аzerbaijan' or a Latin 'C' in 'Cтепанакерт' becomes
    the majority script's letter; a word it cannot decide is left as it is
    and reported as script:mixed-token (see --check, --report).  Armenian
    '՛' after a Latin letter becomes the text's apostrophe (rules/scripts.toml).

    \b
    Examples:
      corpus-tools fix-scripts --diff article.txt
      corpus-tools fix-scripts --check --jsonl --field text crawl.jsonl
    """
    return ["fix-scripts"], _rule_config(rule_paths, no_default_rules, verbose, **language)


@filter_command(cli, "normalize-space")
def normalize_space():
    """Empty blank lines, drop trailing and invisible spaces, collapse odd ones.

    French NBSP typography, ZWNJ/ZWJ, tabs and leading indentation are kept.

    \b
    Examples:
      corpus-tools normalize-space --diff article.txt
      corpus-tools normalize-space --in-place corpus/*.txt
    """
    return ["normalize-space"], {}


@filter_command(cli, "unify-names")
@_rule_options
def unify_names(rule_paths, no_default_rules, verbose, **language):
    """Write every listed spelling of a name as its canonical form (rule files).

    Scoped rules (lang = [...]) apply only where the unit's language is in
    their list: --lang, or else identified where such a rule has a match.

    \b
    Examples:
      corpus-tools unify-names --lang en --diff article.txt
      corpus-tools unify-names --rules my-names.toml --lang en corpus.txt -o out.txt
    """
    return ["unify-names"], _rule_config(rule_paths, no_default_rules, verbose, **language)


@filter_command(cli, "strip-artifacts")
@_rule_options
def strip_artifacts(rule_paths, no_default_rules, verbose, **language):
    """Cut translators' leftovers such as a stray 'TO DO.' (rule files).

    \b
    Examples:
      corpus-tools strip-artifacts --diff article.txt
      corpus-tools strip-artifacts --report cuts.jsonl corpus.txt > clean.txt
    """
    return ["strip-artifacts"], _rule_config(rule_paths, no_default_rules, verbose, **language)


@filter_command(cli, "foreign-sentences")
@language_options
def foreign_sentences(**language):
    """Report sentences in another language than their document's (warnings).

    The text is never changed: use with --check (lists the warnings; they do
    not make it fail) or --report.  A sentence needs 30 letters and a score of
    0.95 to be judged; the document is the file (TSV: the column), or for
    JSONL the record itself.

    \b
    Examples:
      corpus-tools foreign-sentences --check --languages en,fr,ru article.txt
      corpus-tools foreign-sentences --jsonl --report foreign.jsonl crawl.jsonl > /dev/null
    """
    return ["foreign-sentences"], language_config(**language)


@filter_command(cli, "clean")
@steps_options
@_nfc
@_html
@_ligatures
@_span_repair
@_rule_options
def clean(steps, skip, nfc, html, ligatures, span_repair, rule_paths, no_default_rules, verbose,
          **language):
    """Run the recommended pipeline in one process.

    Same bytes as piping the single filters in the same order.

    \b
    Examples:
      corpus-tools clean fixtures/news-sample.txt
      corpus-tools clean --skip normalize-space --stats corpus.txt -o clean.txt
      corpus-tools clean --tsv --column 2 --column 3 bitext.tsv.xz -o clean.tsv.xz
    """
    step_names = steps_from(steps, skip)
    config = {"encoding": _encoding_config(nfc, html, ligatures, span_repair)}
    if RULE_STEPS & set(step_names):
        config |= _rule_config(rule_paths, no_default_rules, verbose, **language)
    return step_names, config
