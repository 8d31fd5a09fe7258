"""The filter commands: each maps its own options to steps and a config."""

from __future__ import annotations

import click

from corpus_tools.cli import cli
from corpus_tools.cli.options import filter_command
from corpus_tools.errors import CorpusToolsError
from corpus_tools.filters.fix_encoding import EncodingConfig
from corpus_tools.pipeline import resolve_steps


def _encoding_config(nfc: bool, html: bool, ligatures: bool) -> EncodingConfig:
    return EncodingConfig(
        unescape_html="auto" if html else False,
        fix_latin_ligatures=ligatures,
        normalization="NFC" if nfc else None,
    )


_nfc = click.option("--nfc", is_flag=True, help="Also apply Unicode NFC normalization.")
_html = click.option("--html/--no-html", default=True, show_default=True,
                     help="Decode HTML entities (not in lines that contain '<').")
_ligatures = click.option("--ligatures/--no-ligatures", default=True, show_default=True,
                          help="Split Latin ligatures such as 'ﬁ' into letters.")


@filter_command(cli, "fix-encoding")
@_nfc
@_html
@_ligatures
def fix_encoding(nfc, html, ligatures):
    """Repair mojibake, HTML entities, C1 controls and terminal escapes (ftfy).

    Curly quotes, fullwidth forms and line endings are kept.

    \b
    Examples:
      corpus-tools fix-encoding news.txt > fixed.txt
      corpus-tools fix-encoding --jsonl --field text crawl.jsonl.gz -o clean.jsonl.gz
    """
    return ["fix-encoding"], {"encoding": _encoding_config(nfc, html, ligatures)}


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


@filter_command(cli, "clean")
@click.option("--steps", metavar="A,B,C", help="Run these steps, in this order.")
@click.option("--skip", multiple=True, metavar="STEP", help="Leave out a step (repeatable).")
@_nfc
@_html
@_ligatures
def clean(steps, skip, nfc, html, ligatures):
    """Run the recommended pipeline in one process.

    Same bytes as piping the single filters in the same order.

    \b
    Examples:
      corpus-tools clean fixtures/news-sample.txt
      corpus-tools clean --skip normalize-space --stats corpus.txt -o clean.txt
      corpus-tools clean --tsv --column 2 --column 3 bitext.tsv.xz -o clean.tsv.xz
    """
    chosen = [name.strip() for name in steps.split(",") if name.strip()] if steps else None
    try:
        step_names = resolve_steps(chosen, skip)
    except CorpusToolsError as error:
        raise click.UsageError(str(error)) from None
    return step_names, {"encoding": _encoding_config(nfc, html, ligatures)}
