"""Detectors: checks that repair nothing and report findings, for ``corpus-tools check``.

Each detector looks at one unit's input text (and its document's facts) and
returns findings (:class:`~corpus_tools.changes.Change` of kind ``finding``)
in the unit's input coordinates.  Their ids and severities are in the catalog.
"""

from __future__ import annotations

from corpus_tools.detectors.base import Detector
from corpus_tools.detectors.characters import (
    ControlChar,
    EncodingUnrepaired,
    InvalidUtf8,
    LostChar,
)
from corpus_tools.detectors.quotes import MixedQuoteStyle, UnbalancedBrackets, UnbalancedQuotes
from corpus_tools.detectors.repeated import RepeatedWord

DETECTORS: dict[str, type[Detector]] = {
    cls.id: cls for cls in (InvalidUtf8, ControlChar, LostChar, EncodingUnrepaired, UnbalancedQuotes,
                            UnbalancedBrackets, MixedQuoteStyle, RepeatedWord)
}

__all__ = ["DETECTORS", "Detector"]
