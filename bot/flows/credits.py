"""AMA PRA Category 1 Credit™ for time-based formats (live activities, enduring material estimates).

60 minutes of educational content = 1 credit, designated in quarter-credit (15-minute) steps, breaks
excluded, rounded to the nearest quarter hour (knowledge/ama/credit-calculation-by-format.md: 65 minutes of
education is 1.0 credit, 68 minutes 1.25). Below 15 minutes nothing can be designated: the AMA's minimum
designation is 0.25 credit, and rounding 8 minutes up to it would overstate the education."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from bot.flows.timeparse import (
    InputError,
    Session,
    TimeMention,
    educational_minutes,
    parse_agenda,
    parse_duration,
)

MINUTES_PER_CREDIT = 60
STEP_MINUTES = 15


@dataclass(frozen=True)
class CreditResult:
    minutes: int
    credits: Decimal
    sessions: list[Session] = field(default_factory=list)
    break_minutes: int = 0

    @property
    def display(self) -> str:
        """Credits as a designation shows them: 1.0, 1.25, 1.5, 7.75."""
        text = f"{self.credits:.2f}"
        return text[:-1] if text.endswith("0") else text


def credits_for_minutes(minutes: int) -> Decimal:
    if minutes < 0:
        raise InputError("Educational time cannot be negative.")
    if minutes < STEP_MINUTES:
        return Decimal(0)
    # Half a step (7.5 min) or more rounds up, as "nearest quarter hour" reads; integer maths avoids float ties.
    quarters = (2 * minutes + STEP_MINUTES) // (2 * STEP_MINUTES)
    return Decimal(quarters) / Decimal(4)


def calculate(
    agenda: str = "", estimated: str = "", breaks: str = "", non_educational: list[str] | None = None
) -> CreditResult:
    """Credit from an agenda (preferred) or an estimated time, minus unlisted breaks.

    Raises InputError with a member-facing message when the times cannot be used."""
    sessions: list[Session] = []
    if agenda.strip():
        sessions = parse_agenda(agenda, non_educational or [])
        minutes = educational_minutes(sessions)
    elif estimated.strip():
        minutes = parse_duration(estimated)
    else:
        raise InputError("Give an agenda or an estimated time so the credit can be calculated.")
    break_minutes = parse_duration(breaks) if breaks.strip() else 0
    if break_minutes and break_minutes >= minutes:
        raise InputError(f"Breaks of {break_minutes} min leave no educational time out of {minutes} min.")
    minutes -= break_minutes
    return CreditResult(minutes, credits_for_minutes(minutes), sessions, break_minutes)


@dataclass(frozen=True)
class Tally:
    """Educational time from the times a member wrote in a sentence (timeparse.find_times)."""

    gross: int  # time stated for the education, before breaks come out
    break_minutes: int  # taken out of the stated time
    minutes: int  # educational time
    parts: list[TimeMention] = field(default_factory=list)
    breaks: list[TimeMention] = field(default_factory=list)  # subtracted
    breaks_outside: list[TimeMention] = field(default_factory=list)  # listed beside sessions, not inside them
    restated: list[TimeMention] = field(default_factory=list)  # "9-12:30 (3.5 h)": said twice, counted once

    @property
    def credits(self) -> Decimal:
        return credits_for_minutes(self.minutes)


def tally(mentions: list[TimeMention]) -> Tally:
    """Add up prose times. Clock ranges, or a single stated total, contain the breaks named with them; separate
    sessions ("three 45-minute talks and a 15-minute break") are summed and their breaks assumed to lie between.

    Raises InputError when no educational time is left."""
    ranges = [m for m in mentions if m.clock]
    breaks = [m for m in mentions if m.is_break and not m.clock]
    parts = [m for m in mentions if not m.is_break and not m.clock and not m.within]
    restated: list[TimeMention] = [m for m in mentions if not m.is_break and m.within]
    range_breaks = 0
    if ranges:
        sessions = [Session(m.clock[0], m.clock[1], m.text, not m.is_break) for m in ranges if m.clock]
        teaching = [s for s in sessions if s.educational]
        gross = educational_minutes(teaching)  # parallel ranges once
        range_breaks = gross - educational_minutes(sessions)  # "12:30-13:30 lunch" inside the day
        lengths = {m.minutes for m in ranges if not m.is_break} | {gross, gross - range_breaks}
        restated += [m for m in parts if m.count == 1 and m.total in lengths]
        extra = [m for m in parts if m not in restated]
        gross += sum(m.total for m in extra)
        education = [m for m in ranges if not m.is_break] + extra
        breaks = [m for m in ranges if m.is_break] + breaks
        inside = True
    else:
        education = parts
        gross = sum(m.total for m in parts)
        inside = len(parts) == 1 and parts[0].count == 1
    if not education:
        raise InputError("I found no educational time, only breaks.")
    if not inside or any(m.net for m in education):
        return Tally(gross, range_breaks, gross - range_breaks, education, [], breaks, restated)
    break_minutes = range_breaks + sum(m.total for m in breaks if not m.clock)
    if break_minutes >= gross:
        raise InputError(f"Breaks of {break_minutes} min leave no educational time out of {gross} min.")
    return Tally(gross, break_minutes, gross - break_minutes, education, breaks, [], restated)
