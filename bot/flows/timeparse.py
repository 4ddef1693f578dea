"""Reading durations and agendas as people type them, with messages that say what to fix."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

DAY_MINUTES = 24 * 60


class InputError(ValueError):
    """Input that cannot be used as given; the message is shown to the member as is."""


def _normalise(text: str) -> str:
    # NFKC turns full-width digits and colons (common with CJK keyboards) into ASCII ones.
    return unicodedata.normalize("NFKC", text).strip().lower()


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:h|hr|hrs|hour|hours)$", re.ASCII), "hours"),
    (re.compile(r"^(\d+)\s*(?:m|min|mins|minute|minutes)?$", re.ASCII), "minutes"),
    (re.compile(r"^(\d+)\s*(?:h|hr|hrs|hour|hours)\s*(\d+)\s*(?:m|min|mins|minute|minutes)?$", re.ASCII), "hm"),
    (re.compile(r"^(\d+):(\d{2})$", re.ASCII), "hm"),
]


def parse_duration(text: str) -> int:
    """Minutes from "90", "90 min", "1.5h", "1h30" or "1:30"; InputError for anything else."""
    value = _normalise(text)
    if not value:
        raise InputError("Enter a duration, for example 90 min, 1h30 or 1:30.")
    if value.startswith("-"):
        raise InputError(f"“{text.strip()}” is negative; a duration must be zero or more minutes.")
    minutes: float | None = None
    for pattern, kind in _PATTERNS:
        match = pattern.match(value)
        if not match:
            continue
        if kind == "hours":
            minutes = float(match.group(1).replace(",", ".")) * 60
        elif kind == "minutes":
            minutes = int(match.group(1))
        else:
            extra = int(match.group(2))
            if extra >= 60:
                raise InputError(f"“{text.strip()}”: minutes after the hours must be below 60.")
            minutes = int(match.group(1)) * 60 + extra
        break
    if minutes is None:
        raise InputError(f"I can't read “{text.strip()}” as a duration. Write it like 90 min, 1h30 or 1:30.")
    if minutes > DAY_MINUTES:
        raise InputError(f"“{text.strip()}” is longer than a day (24 hours); enter the time for one day at most.")
    return round(minutes)


@dataclass(frozen=True)
class Session:
    start: int  # minutes after midnight
    end: int
    title: str
    educational: bool


_TIME = r"(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?"
_RANGE = re.compile(rf"^{_TIME}\s*(?:-|–|—|to)\s*{_TIME}\s*(.*)$", re.ASCII | re.IGNORECASE)


def _clock(hour: str, minute: str | None, half: str | None, line_no: int) -> int:
    h, m = int(hour), int(minute or 0)
    if half:
        if not 1 <= h <= 12:
            raise InputError(f"Line {line_no}: {h} {half} is not a time.")
        h = h % 12 + (12 if half.lower() == "pm" else 0)
    if h > 23 or m > 59:
        raise InputError(f"Line {line_no}: {hour}:{minute or '00'} is not a time of day.")
    return h * 60 + m


def parse_agenda(text: str, non_educational: list[str]) -> list[Session]:
    """Sessions from lines like "08:00-09:30 Title"; titles with a non-educational word are marked as such."""
    sessions: list[Session] = []
    lines = [line for line in text.splitlines() if line.strip()]
    for number, raw in enumerate(lines, start=1):
        line = unicodedata.normalize("NFKC", raw).strip().lstrip("-*• ").strip()
        match = _RANGE.match(line)
        if not match:
            raise InputError(
                f"Line {number} (“{raw.strip()[:60]}”): I can't find a time range. Write it like 08:00-09:30 Title."
            )
        start = _clock(match.group(1), match.group(2), match.group(3), number)
        end = _clock(match.group(4), match.group(5), match.group(6), number)
        if end <= start:
            raise InputError(f"Line {number} (“{raw.strip()[:60]}”): the session ends before it starts.")
        title = match.group(7).strip(" :-–—")
        lowered = title.lower()
        educational = not any(word.lower() in lowered for word in non_educational)
        sessions.append(Session(start, end, title, educational))
    return sessions


def _union(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def educational_minutes(sessions: list[Session]) -> int:
    """Educational time in an agenda: parallel sessions count once, breaks inside a session are taken out."""
    teaching = _union([(s.start, s.end) for s in sessions if s.educational])
    breaks = _union([(s.start, s.end) for s in sessions if not s.educational])
    total = 0
    for start, end in teaching:
        overlap = sum(max(0, min(end, b_end) - max(start, b_start)) for b_start, b_end in breaks)
        total += end - start - overlap
    return total
