"""The review page: one self-contained HTML file (no server, no network; opens from file://).

The data (occurrences, rules, keep groups, decisions already made) goes in
as one JSON object inside the page; the page's script and style are package
data beside this module (``review_page.js``, ``review_page.css``) and are
written into the page, so the file is all a linguist needs.  What the data
holds is made by :mod:`corpus_tools.tasks.review`; this module only lays it
out.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources

_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def asset(name: str) -> str:
    """The text of one of the page's files (``review_page.js``, ``review_page.css``)."""
    return resources.files("corpus_tools.report").joinpath(name).read_text(encoding="utf-8")


def data_json(data: dict) -> str:
    """The data as JSON that may sit inside ``<script>``: ``</`` never closes it, and bytes
    that were not UTF-8 (lone surrogates) are JSON escapes, so the page stays UTF-8.

    >>> data_json({"s": "a</script>\\udce9"})
    '{"s":"a<\\\\/script>\\\\udce9"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_page(data: dict, title: str = "corpus-tools review") -> str:
    """The page, as text (write it as UTF-8)."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{html.escape(title)}</title>
<style>
{asset("review_page.css")}
</style>
</head>
<body>
<a class="skip" href="#list">Skip to the occurrences</a>
<header>
  <h1>{html.escape(title)}</h1>
  <p id="summary" aria-live="polite"></p>
  <p class="keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous, <kbd>a</kbd>/<kbd>r</kbd> accept/reject,
  <kbd>A</kbd>/<kbd>R</kbd> the whole spelling, <kbd>u</kbd>/<kbd>U</kbd> clear, <kbd>/</kbd> search</p>
</header>
<main>
  <nav aria-label="Filters and counts" id="side">
    <form id="filters" role="search" onsubmit="return false">
      <label for="search">Search</label>
      <input id="search" type="search" placeholder="text, file, rule (/)">
      <label for="filter-rule">Rule</label><select id="filter-rule"></select>
      <label for="filter-outcome">Outcome</label><select id="filter-outcome"></select>
      <label for="filter-lang">Language</label><select id="filter-lang"></select>
      <label for="filter-file">File</label><select id="filter-file"></select>
      <label for="filter-decision">Decision</label><select id="filter-decision"></select>
    </form>
    <h2>Counts per rule</h2>
    <div id="counts"></div>
  </nav>
  <section aria-label="Occurrences" id="middle">
    <div id="list" role="listbox" tabindex="0" aria-label="Occurrences (j/k to move)">
      <div id="spacer"></div>
    </div>
  </section>
  <aside aria-label="The occurrence in focus" id="detail">
    <div id="detail-body"></div>
    <div class="buttons" role="group" aria-label="Decide">
      <button type="button" id="accept">Accept <kbd>a</kbd></button>
      <button type="button" id="reject">Reject <kbd>r</kbd></button>
      <button type="button" id="accept-spelling">Accept spelling <kbd>A</kbd></button>
      <button type="button" id="reject-spelling">Reject spelling <kbd>R</kbd></button>
      <button type="button" id="undo">Clear <kbd>u</kbd></button>
      <button type="button" id="undo-spelling">Clear spelling <kbd>U</kbd></button>
    </div>
    <h2>Export</h2>
    <div class="buttons" role="group" aria-label="Export">
      <button type="button" id="export-toml">Rule patch (TOML)</button>
      <button type="button" id="export-csv">Sheet (CSV)</button>
    </div>
    <label for="export-output">Exported text (also downloaded)</label>
    <textarea id="export-output" readonly rows="8" spellcheck="false"></textarea>
  </aside>
</main>
<script type="application/json" id="review-data">{data_json(data)}</script>
<script>
{asset("review_page.js")}
</script>
</body>
</html>
"""
