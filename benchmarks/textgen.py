"""Deterministic generated news-like English text for benchmarks (no corpus is copied)."""

from __future__ import annotations

import random

SUBJECTS = ["The minister", "A spokesperson", "Local officials", "The delegation", "Aid workers",
            "The committee", "Residents", "Negotiators", "The president’s office", "Observers"]
VERBS = ["said", "announced", "warned", "confirmed", "denied", "reported", "suggested", "argued"]
OBJECTS = ["that the road would reopen next week", "that talks had made “real progress”",
           "a new round of negotiations in Geneva", "that fuel deliveries were delayed again",
           "the return of 1,200 displaced families", "that the border crossing was closed",
           "an agreement on water and electricity supplies", "that prices had risen by 14%"]
TAILS = ["on Tuesday.", "in a statement.", "after a late meeting.", "to reporters in the capital.",
         "despite heavy snow.", "according to local media.", "without giving details."]


def news_lines(size_bytes: int, seed: int = 1) -> list[str]:
    """Lines of plausible wire-service English, about ``size_bytes`` of UTF-8 in all."""
    rng = random.Random(seed)
    lines, total = [], 0
    while total < size_bytes:
        sentences = [
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
            for _ in range(rng.randint(1, 4))
        ]
        line = " ".join(sentences)
        lines.append(line)
        total += len(line.encode("utf-8")) + 1
    return lines
