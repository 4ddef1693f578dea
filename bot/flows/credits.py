"""AMA PRA Category 1 Credit™ for time-based formats (live activities, enduring material estimates).

60 minutes of educational content = 1 credit, designated in quarter-credit (15-minute) steps, breaks
excluded, rounded to the nearest quarter hour (knowledge/ama/credit-calculation-by-format.md: 65 minutes of
education is 1.0 credit, 68 minutes 1.25). Below 15 minutes nothing can be designated: the AMA's minimum
designation is 0.25 credit, and rounding 8 minutes up to it would overstate the education."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from bot.flows.timeparse import InputError, Session, educational_minutes, parse_agenda, parse_duration

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
