"""The 24-month lookback for one relationship, counted back from the date the person's disclosure was collected.

The arithmetic is the answer tool's (bot/answering/tools/lookback.window_opens), so a chat answer and an activity
record can never disagree about where the window opens. A relationship is inside when it is ongoing or ended on or
after the day the window opens; bad dates are reported as problems, never raised."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.answering.tools.lookback import window_opens
from bot.disclosure.models import Problem, Relationship

__all__ = ["WindowCheck", "check_dates", "check_window", "window_opens"]


@dataclass(frozen=True)
class WindowCheck:
    status: str  # "inside", "outside", or "unknown" (dates must be fixed first)
    reason: str
    opens: date
    problems: tuple[Problem, ...] = ()


def check_dates(
    start: date | None, end: date | None, reference: date, *, what: str = "collection date", line: int | None = None
) -> list[Problem]:
    """Date problems of one relationship against a reference day (the collection date, or today for an upload).
    A start after the reference or an end before the start leaves the window undecidable (blocking); an end after
    the reference just means the relationship was running at collection, so it is kept as ongoing (a warning)."""
    problems: list[Problem] = []
    if start and end and end < start:
        problems.append(
            Problem(
                "reversed_dates",
                f"end {end.isoformat()} is before start {start.isoformat()}; correct the dates",
                line,
                blocking=True,
            )
        )
    if start and start > reference:
        problems.append(
            Problem(
                "future_date",
                f"start {start.isoformat()} is after the {what} {reference.isoformat()}; a relationship that had not "
                "begun is not in the prior 24 months, so check the date",
                line,
                blocking=True,
            )
        )
    if end and end > reference:
        problems.append(
            Problem(
                "future_date",
                f"end {end.isoformat()} is after the {what} {reference.isoformat()}; it was still running then, so it "
                "is treated as ongoing",
                line,
            )
        )
    if start is None:
        problems.append(
            Problem(
                "missing_start",
                "start date not given; the window depends only on the end date, but record the start for the file",
                line,
            )
        )
    return problems


def check_window(relationship: Relationship, collected: date) -> WindowCheck:
    opens = window_opens(collected)
    problems = tuple(
        Problem(p.kind, p.message, relationship.line, relationship.person, relationship.company, p.blocking)
        for p in check_dates(relationship.start, relationship.end, collected, line=relationship.line)
    )
    window = f"the window opened on {opens.isoformat()} (24 months before collection on {collected.isoformat()})"
    if any(p.blocking for p in problems):
        return WindowCheck(
            "unknown", f"dates must be corrected before the window can be applied; {window}", opens, problems
        )
    end = relationship.end
    if end is None or end > collected:
        return WindowCheck("inside", f"ongoing at collection; {window}", opens, problems)
    if end < opens:
        return WindowCheck(
            "outside",
            f"ended {end.isoformat()}, before the window opened on {opens.isoformat()} (24 months before collection "
            f"on {collected.isoformat()})",
            opens,
            problems,
        )
    return WindowCheck("inside", f"ended {end.isoformat()}, on or after {window}", opens, problems)
