"""Review decisions in and out: the rule patch (TOML) and the sheet (CSV).

The page (``corpus_tools/report/review_page.js``) does the same in the
browser, function for function (``plan``, ``renderRule``, ``patchToml``,
``sheetCsv``); a browser test compares the two byte for byte.

A decision is ``accept`` or ``reject``, for one occurrence (by id) or for a
spelling of a rule (every occurrence of it that has no decision of its
own).  What the patch does with them, per name rule:

- a suggested spelling accepted (as a spelling, or at one occurrence) moves
  from ``suggest`` to ``variants``;
- a spelling rejected, with none of its occurrences accepted, leaves the rule;
- a rejected occurrence that would change (or be reported) gets a ``keep``
  phrase: the narrowest of its ladder that protects no occurrence that will
  change; and an example that must come out unchanged (its sentence when
  nothing else of the unit was listed, else the phrase itself);
- a spelling moved to ``variants`` gets an example of the change.

Each rule touched is written whole (a later layer's rule replaces the
earlier one whole), so ``clean --rules yours --rules patch.toml`` applies it.
The decisions themselves close the file, as comments that ``--decisions``
reads back.
"""

from __future__ import annotations

import csv
import io
import json
import re

from corpus_tools.errors import CorpusToolsError
from corpus_tools.rules.model import NameRule
from corpus_tools.tasks.review import Review, phrase_key

DRAFT = "draft"  # the source of what rules suggest drafts (corpus_tools.tasks.suggest)

DECISIONS = ("accept", "reject")
_SYNONYMS = {"accept": "accept", "a": "accept", "yes": "accept", "y": "accept",
             "reject": "reject", "r": "reject", "no": "reject", "n": "reject", "": None}
SHEET_COLUMNS = ("decision", "scope", "id", "rule", "spelling", "replacement", "outcome",
                 "detail", "lang", "score", "file", "line", "column", "keep", "sentence", "note")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_DECISION_LINE = re.compile(r'^# decision: (accept|reject) (occurrence|spelling) (".*)$')


class DecisionsError(CorpusToolsError):
    pass


class Decisions:
    """Accept or reject, per occurrence id and per (rule, spelling)."""

    def __init__(self, occurrences: dict[str, str] | None = None,
                 spellings: dict[tuple[str, str], str] | None = None):
        self.occurrences = dict(occurrences or {})
        self.spellings = dict(spellings or {})

    def of(self, occurrence) -> str | None:
        """The occurrence's own decision, else its spelling's."""
        return self.occurrences.get(occurrence.id) or \
            self.spellings.get((occurrence.rule, occurrence.spelling))

    def as_dict(self) -> dict:
        return {"occurrences": self.occurrences,
                "spellings": [[rule, spelling, decision]
                              for (rule, spelling), decision in self.spellings.items()]}

    def __len__(self) -> int:
        return len(self.occurrences) + len(self.spellings)


# -- the rule a patch writes -----------------------------------------------------------------

def rule_template(rule: NameRule, drafted: tuple[str, ...] = ()) -> dict:
    """Every field of a name rule as the patch writes it; ``None`` marks the fields that
    decisions change (variants, suggest, keep, examples), rendered by :func:`render_rule`.
    ``drafted``: spellings ``review --suggest`` added, written only where decided (their
    draft examples never)."""
    fields: list[list] = [["canonical", _string(rule.canonical)], ["variants", None],
                          ["suggest", None]]
    if rule.lang:
        fields.append(["lang", _list(rule.lang)])
    if rule.ignore_case:
        fields.append(["ignore_case", "true"])
    fields.append(["keep", None])
    for key in ("not_after", "not_before"):
        if getattr(rule, key):
            fields.append([key, _list(getattr(rule, key))])
    if rule.fix != "auto":
        fields.append(["fix", _string(rule.fix)])
    for key in ("severity", "message", "note"):
        if getattr(rule, key):
            fields.append([key, _string(getattr(rule, key))])
    fields.append(["examples", None])
    return {"fields": fields, "variants": list(rule.variants), "suggest": list(rule.suggest),
            "keep": list(rule.keep_written or rule.keep), "drafted": list(drafted),
            "examples": [[example_toml(e.text, e.expect, e.finds, e.lang), _asserted(rule, e)]
                         for e in rule.examples if e.source.file != DRAFT]}


def _asserted(rule: NameRule, example) -> list[str]:
    """The spellings an example says are changed or reported: it goes with them when a
    decision takes them out of the rule."""
    if example.finds is None and example.expect in (None, example.text):
        return []
    return [s for s in (*rule.variants, *rule.suggest) if s in example.text]


def example_toml(text: str, expect=None, finds=None, lang=None) -> str:
    fields = [f"text = {_string(text)}"]
    for key, value in (("expect", expect), ("finds", finds), ("lang", lang)):
        if value is not None:
            fields.append(f"{key} = {_string(value)}")
    return "{ " + ", ".join(fields) + " }"


def render_rule(template: dict, variants: list, suggest: list, keep: list, examples: list,
                comments: list) -> str:
    lines = [f"# review: {comment}" for comment in comments] + ["[[name]]"]
    values = {"variants": variants, "suggest": suggest, "keep": keep}
    for key, value in template["fields"]:
        if key in values:
            if values[key] or key == "variants":
                lines.append(f"{key} = {_list(values[key])}")
        elif key == "examples":
            if examples:
                lines += ["examples = [", *(f"  {example}," for example in examples), "]"]
        else:
            lines.append(f"{key} = {value}")
    return "\n".join(lines) + "\n"


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _list(items) -> str:
    return "[" + ", ".join(_string(item) for item in items) + "]"


def _writable(text: str) -> bool:
    """Whether TOML can hold the text (no lone surrogates from undecodable bytes)."""
    return not any("\ud800" <= char <= "\udfff" for char in text)


# -- decisions -> what changes in each rule --------------------------------------------------

def fates(review: Review, decisions: Decisions) -> tuple[set, set, list[bool]]:
    """What the decisions make of each spelling and occurrence: the (rule, spelling) pairs
    promoted from ``suggest`` to ``variants``, those removed from the rule, and for each
    occurrence whether it will change."""
    promoted, removed = set(), set()
    by_spelling: dict[tuple[str, str], list] = {}
    for occurrence in review.occurrences:
        if occurrence.rule in review.name_rules:
            by_spelling.setdefault((occurrence.rule, occurrence.spelling), []).append(occurrence)
    for key, items in by_spelling.items():
        chosen = decisions.spellings.get(key)
        if key[1] in review.name_rules[key[0]].suggest and (chosen == "accept" or any(
                o.outcome == "suggested" and decisions.occurrences.get(o.id) == "accept"
                for o in items)):
            promoted.add(key)
        if chosen == "reject" and not any(decisions.of(o) == "accept" for o in items):
            removed.add(key)
    changing = []
    for occurrence in review.occurrences:
        key = (occurrence.rule, occurrence.spelling)
        decided = decisions.of(occurrence)
        if key in removed or decided == "reject":
            changing.append(False)
        elif decided == "accept":
            changing.append(occurrence.outcome in ("changed", "suggested"))
        else:
            changing.append(occurrence.outcome == "changed" or (
                occurrence.outcome == "suggested" and key in promoted))
    return promoted, removed, changing


def plan(review: Review, decisions: Decisions) -> dict[str, dict]:
    """Per name rule touched: its new variants, suggest, keep phrases and examples."""
    promoted, removed, changing = fates(review, decisions)
    by_rule: dict[str, list] = {}
    for index, occurrence in enumerate(review.occurrences):
        if occurrence.rule in review.name_rules:
            by_rule.setdefault(occurrence.rule, []).append((index, occurrence))
    patches = {}
    for rule_id, items in by_rule.items():
        patch = _rule_patch(review, decisions, rule_id, items, promoted, removed, changing)
        if patch is not None:
            patches[rule_id] = patch
    return patches


def proposal(review: Review, occurrence, changing: list[bool], index: int) -> str | None:
    """The narrowest keep phrase around the occurrence that protects nothing that changes."""
    for phrase, group, _, _ in occurrence.keep:
        if not any(changing[other] for other in review.groups[group] if other != index):
            return phrase
    return None


def _rule_patch(review, decisions, rule_id, items, promoted, removed, changing):
    rule = review.name_rules[rule_id]
    template = rule_template(rule, review.drafted.get(rule_id, ()))
    variants, suggest = list(template["variants"]), list(template["suggest"])
    keep, examples, comments = list(template["keep"]), [], []
    touched = False
    for spelling in dict.fromkeys(o.spelling for _, o in items):
        if (rule_id, spelling) in promoted:
            suggest.remove(spelling)
            variants.append(spelling)
            comments.append(f"{_string(spelling)} accepted: moved from suggest to variants")
            touched = True
            first = next((o for index, o in items if o.spelling == spelling and o.solo
                          and changing[index] and _writable(o.sentence)), None)
            if first is not None:
                expect = first.sentence[:first.start] + first.replacement + first.sentence[first.end:]
                examples.append(example_toml(first.sentence, expect, None, _lang(rule, first)))
        if (rule_id, spelling) in removed:
            for spellings in (variants, suggest):
                if spelling in spellings:
                    spellings.remove(spelling)
            comments.append(f"{_string(spelling)} rejected: not a spelling of this name")
            touched = True
    keys = set()
    for index, occurrence in items:
        decided = decisions.of(occurrence)
        if (rule_id, occurrence.spelling) in removed:
            continue
        if decided == "accept" and occurrence.outcome not in ("changed", "suggested"):
            comments.append(f"{occurrence.id}: accepted, but it was {occurrence.outcome} "
                            f"({occurrence.detail}); change the rule by hand")
            touched = True
        if decided != "reject" or occurrence.outcome not in ("changed", "suggested"):
            continue
        phrase = proposal(review, occurrence, changing, index)
        touched = True
        if phrase is None:
            comments.append(f"{occurrence.id}: rejected, but no phrase of up to three words "
                            f"on each side is its own; add a not_after word or a keep by hand")
            continue
        if phrase_key(phrase) in keys:
            continue
        keys.add(phrase_key(phrase))
        keep.append(phrase)
        text = occurrence.sentence if occurrence.solo and _writable(occurrence.sentence) else phrase
        if _writable(text):
            examples.append(example_toml(text, None, None, _lang(rule, occurrence)))
    if not touched:
        return None
    suggest = [spelling for spelling in suggest if spelling not in template["drafted"]]
    kept_examples = [example for example, asserted in template["examples"]
                     if not any((rule_id, spelling) in removed for spelling in asserted)]
    return {"template": template, "variants": variants, "suggest": suggest, "keep": keep,
            "examples": kept_examples + examples, "comments": comments}


def _lang(rule: NameRule, occurrence) -> str | None:
    """An example's language: the occurrence's, where the rule is scoped and it was decided."""
    return occurrence.lang if rule.lang and occurrence.lang else None


def patch_toml(review: Review, decisions: Decisions) -> str:
    """The rule patch: each rule the decisions touch, whole, then the decisions as comments."""
    patches = plan(review, decisions)
    parts = ["# Written by corpus-tools review: layer it over your rules,\n"
             "#   corpus-tools clean --rules YOUR-RULES --rules THIS-FILE ...\n"
             "# Each rule below replaces the rule of the same name whole.\n"]
    for patch in patches.values():
        parts.append(render_rule(patch["template"], patch["variants"], patch["suggest"],
                                 patch["keep"], patch["examples"], patch["comments"]))
    parts.append(_decision_comments(review, decisions))
    return "\n".join(parts)


def _decision_comments(review: Review, decisions: Decisions) -> str:
    lines = ["# The decisions (corpus-tools review --decisions reads these lines back):"]
    seen = set()
    for occurrence in review.occurrences:
        key = (occurrence.rule, occurrence.spelling)
        if key in decisions.spellings and key not in seen:
            seen.add(key)
            lines.append(f"# decision: {decisions.spellings[key]} spelling "
                         f"{_string(occurrence.rule)} {_string(occurrence.spelling)}")
        if occurrence.id in decisions.occurrences:
            lines.append(f"# decision: {decisions.occurrences[occurrence.id]} occurrence "
                         f"{_string(occurrence.id)}")
    return "\n".join(lines) + "\n"


# -- the page ----------------------------------------------------------------------------

def page_data(review: Review, decisions: Decisions | None = None) -> dict:
    """What the page reads (``review_page.js``): rules with their templates, files, rows."""
    decisions = decisions or Decisions()
    rule_index = {rule_id: index for index, rule_id in enumerate(review.rules)}
    files = list(dict.fromkeys(occurrence.file for occurrence in review.occurrences))
    file_index = {file: index for index, file in enumerate(files)}
    rules = []
    for rule_id, info in review.rules.items():
        info = dict(info)
        if rule_id in review.name_rules:
            info["template"] = rule_template(review.name_rules[rule_id],
                                             review.drafted.get(rule_id, ()))
        rules.append(info)
    return {"version": 1, "rules": rules, "files": files,
            "rows": [occurrence.page_row(rule_index[occurrence.rule], file_index[occurrence.file])
                     for occurrence in review.occurrences],
            "groups": review.groups, "decisions": decisions.as_dict(),
            "sampled": review.sampled}


# -- the sheet -------------------------------------------------------------------------------

def sheet_csv(review: Review, decisions: Decisions | None = None) -> str:
    """One row per occurrence, after one row per spelling (its first time), with the
    decision column (empty where nothing is decided)."""
    decisions = decisions or Decisions()
    changing = fates(review, decisions)[2]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SHEET_COLUMNS)
    seen = set()
    for index, occurrence in enumerate(review.occurrences):
        rule = review.rules[occurrence.rule]
        key = (occurrence.rule, occurrence.spelling)
        if key not in seen:
            seen.add(key)
            writer.writerow(_safe([decisions.spellings.get(key, ""), "spelling", "",
                                   occurrence.rule, occurrence.spelling, occurrence.replacement or "",
                                   "", "", "", "", "", "", "", "", "", rule.get("note", "")]))
        phrase = proposal(review, occurrence, changing, index) \
            if occurrence.keep else None
        writer.writerow(_safe([
            decisions.occurrences.get(occurrence.id, ""), "occurrence", occurrence.id,
            occurrence.rule, occurrence.spelling, occurrence.replacement or "",
            occurrence.outcome, occurrence.detail, occurrence.lang or "",
            "" if occurrence.score is None else f"{occurrence.score:.2f}", occurrence.file,
            str(occurrence.line), str(occurrence.column), phrase or "", occurrence.sentence,
            rule.get("note", "")]))
    return out.getvalue()


def _safe(cells: list[str]) -> list[str]:
    """Cells a spreadsheet would evaluate (``=``, ``+``, ``-``, ``@`` first) get a ``'``."""
    return ["'" + cell if cell.startswith(_FORMULA_START) else cell for cell in cells]


def _unsafe(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:2] and cell[1] in "=+-@\t\r" else cell


# -- reading decisions back ------------------------------------------------------------------

def read_decisions(path: str) -> Decisions:
    """Decisions from an exported sheet (CSV) or rule patch (TOML, its decision comments)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise DecisionsError(f"{path}: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if path.lower().endswith(".toml"):
        return decisions_from_toml(text, path)
    return decisions_from_csv(text, path)


def decisions_from_toml(text: str, source: str) -> Decisions:
    decisions = Decisions()
    for number, line in enumerate(text.splitlines(), 1):
        match = _DECISION_LINE.match(line)
        if not match:
            continue
        decision, scope, rest = match.groups()
        values = _json_strings(rest)
        if values is None:
            raise DecisionsError(f"{source}:{number}: a decision line that does not read: "
                                 f"{line!r}")
        if scope == "occurrence" and len(values) == 1:
            decisions.occurrences[values[0]] = decision
        elif scope == "spelling" and len(values) == 2:
            decisions.spellings[(values[0], values[1])] = decision
        else:
            raise DecisionsError(f"{source}:{number}: a decision line that does not read: {line!r}")
    return decisions


def _json_strings(text: str) -> list[str] | None:
    """``"a" "b"``: JSON strings separated by one space, or None."""
    decoder, values, position = json.JSONDecoder(), [], 0
    while position < len(text):
        try:
            value, position = decoder.raw_decode(text, position)
        except ValueError:
            return None
        if not isinstance(value, str):
            return None
        values.append(value)
        if text[position:position + 1] == " ":
            position += 1
    return values


def decisions_from_csv(text: str, source: str) -> Decisions:
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in next(rows, [])]
    missing = [name for name in ("decision", "scope", "id", "rule", "spelling") if name not in header]
    if missing:
        raise DecisionsError(f"{source}:1: missing column(s) {', '.join(missing)} (read with "
                             f"separator {delimiter!r}); export the sheet with review --format csv")
    decisions = Decisions()
    for number, row in enumerate(rows, 2):
        cells = {name: _unsafe(value.strip()) for name, value in zip(header, row, strict=False)}
        raw = cells.get("decision", "")
        if raw.lower() not in _SYNONYMS:
            raise DecisionsError(f"{source}: row {number}, column decision: {raw!r}; write "
                                 f"accept or reject (or leave it empty)")
        decision = _SYNONYMS[raw.lower()]
        if decision is None:
            continue
        if cells.get("scope") == "spelling":
            decisions.spellings[(cells.get("rule", ""), cells.get("spelling", ""))] = decision
        elif cells.get("id"):
            decisions.occurrences[cells["id"]] = decision
        else:
            raise DecisionsError(f"{source}: row {number}, column id: empty; a decision needs "
                                 f"the occurrence's id (or scope = spelling)")
    return decisions
