"""Build ``screen_choices.jsonl``: the choices behind the encoding screens of every
FixEncoding configuration, so that a process builds them without choosing again.

Where each of some 230 pairs is anchored, and how what the screen reads ahead is
grouped (:mod:`corpus_tools.filters.encoding.pair_screen`), took 0.6 s of each process's
start, three times as long as compiling the pattern.  Each entry is keyed by a
digest of the singles and pairs it was chosen for (``screen_key``), so it is only
ever used for exactly those: when ftfy's triggers or the code pages change, the
screen is chosen from scratch again, as before, until the table is rewritten::

    python -m corpus_tools.data.build_screen_choices    # rewrite the table

``tests/filters/test_pair_screen.py`` fails while the table is not current.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

TABLE_NAME = "screen_choices.jsonl"


def screen_choices() -> dict[str, dict]:
    """Key -> choices, for every screen the FixEncoding configurations build, each
    chosen from scratch (neither the table nor an earlier build is asked)."""
    from corpus_tools.filters.encoding import code_pages, pair_screen, span_repair
    from corpus_tools.filters.encoding.fix_encoding import EncodingConfig, FixEncoding

    chosen: dict[str, dict] = {}
    build = pair_screen.screen_pattern

    def recording(singles, pairs, choices=None):
        pattern, made = build(singles, pairs)
        chosen[pair_screen.screen_key(singles, pairs)] = made
        return pattern, made

    saved = pair_screen.screen_pattern, pair_screen._prebuilt
    pair_screen.screen_pattern, pair_screen._prebuilt = recording, dict
    pair_screen._source.cache_clear()
    code_pages.screens.cache_clear()
    try:
        for ligatures, controls, span in itertools.product((True, False), repeat=3):
            fixer = FixEncoding(EncodingConfig(fix_latin_ligatures=ligatures,
                                               remove_control_chars=controls,
                                               span_repair=span))
            # Its screens are built when first used: use each once.
            fixer._screen.might_change("")
            fixer._fixing_screen.search("")
        for screen in code_pages.screens(span_repair.SpanRepair()._names):
            screen.search("")  # span repair's own screens, built when first asked
    finally:
        pair_screen.screen_pattern, pair_screen._prebuilt = saved
        pair_screen._source.cache_clear()
        code_pages.screens.cache_clear()
    return chosen


def main() -> None:
    entries = sorted(screen_choices().items())
    path = Path(__file__).with_name(TABLE_NAME)
    path.write_text("".join(json.dumps({"key": key, "choices": choices}, separators=(",", ":"))
                            + "\n" for key, choices in entries), encoding="utf-8")
    print(f"{path}: {len(entries)} screens, {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
