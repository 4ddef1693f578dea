"""The evaluation metrics, as pure functions over texts so any pipeline can be scored the same way."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence


def satisfies(text: str, groups: Sequence[Sequence[str]]) -> bool:
    """Every group has at least one alternative occurring in the text, case-insensitively."""
    lowered = text.lower()
    return all(any(alt.lower() in lowered for alt in group) for group in groups)


def first_sentence(text: str) -> str:
    """The answer's first sentence, where members look for the yes, the no or the number."""
    text = " ".join(text.replace("•", " ").split())
    ends = [at for end in (". ", "? ", "! ", ": ") if (at := text.find(end)) > 0]
    return text[: min(ends) + 1] if ends else text[:300]


def leads_with(text: str, alternatives: Sequence[str]) -> bool:
    if not alternatives:
        return True
    head = first_sentence(text).lower()
    # Whole words: the "no" of a lead is not the "no" in "not" or "know".
    return any(re.search(r"(?<![a-z0-9])" + re.escape(alt.lower()) + r"(?![a-z0-9])", head) for alt in alternatives)


def avoids(text: str, phrases: Sequence[str]) -> bool:
    lowered = text.lower()
    return not any(phrase.lower() in lowered for phrase in phrases)


def hit_at_k(passages: Sequence[str], groups: Sequence[Sequence[str]], k: int) -> bool:
    return satisfies("\n".join(passages[:k]), groups)


def reciprocal_rank(passages: Sequence[str], groups: Sequence[Sequence[str]], k: int) -> float:
    for rank, passage in enumerate(passages[:k], 1):
        if satisfies(passage, groups):
            return 1.0 / rank
    return 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return float(ordered[rank - 1])


def mean(values: Sequence[float]) -> float:
    return float(sum(values) / len(values)) if values else 0.0
