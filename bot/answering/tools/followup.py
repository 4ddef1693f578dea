"""Questions the engine joined with the follow-up after them.

For a follow-up the engine searches with the earlier question and the new message together ("how many credits for
a 2 hour workshop? what about 3 hours?"). The figures after such an opening replace the earlier figures of the
same kind instead of adding to them."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_START = r"(?:^|[.?!;]\s+)(?:ok(?:ay)?,?\s+)?"
_FOLLOW_UP = re.compile(
    _START + r"(?:(?:and\s+)?(?:what|how)\s+about|(?:and|what|but)\s+if|(?:same|and)\s+for|(?:and|but)\s+with|"
    r"and\s+(?:a|an)\s|instead|so\s+(?:a|an)\s)\b"
    # "a session is 50 min, what credit? and 35 min?": a bare "and" opening on a new figure; "so a 20 min talk
    # would be?" after a question about the quarter-hour minimum.
    r"|" + _START + r"and\s+(?=\d)",
    re.IGNORECASE,
)


def follow_up_at(text: str) -> int:
    """Where the last follow-up opening starts in text, or -1."""
    return max((m.start() for m in _FOLLOW_UP.finditer(text)), default=-1)


# "morning plenary 8-10, what's the credit? what if the afternoon has 2 parallel tracks 1-2:30?": the follow-up adds
# another part of the day rather than replacing the first.
_ADDS = re.compile(r"\b(?:afternoon|evening|also|plus|add|adding|added|in addition|on top)\b", re.IGNORECASE)


def adds_to(text: str, position: int) -> bool:
    """Whether the follow-up starting at `position` adds to the earlier figures instead of replacing them."""
    return position >= 0 and bool(_ADDS.search(text[position:]))


def latest(items: list[T], position: int, where: Callable[[T], int]) -> list[T]:
    """The items from the follow-up on when there are any, else all of them."""
    later = [item for item in items if where(item) >= position] if position >= 0 else []
    return later or items
