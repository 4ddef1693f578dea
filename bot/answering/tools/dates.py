"""Dates as members write them ("mid-2021", "spring 2025", "March 2024", "3 years ago") read as periods.

A phrase names a span, not a day: "June 2022" is 1-30 June. Callers decide with both ends, so an answer is only
definite when the whole span falls on one side of a boundary."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in {calendar.month_name[number].lower(), calendar.month_abbr[number].lower()}
}
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a": 1, "an": 1, "eighteen": 18,
                 "twelve": 12, "eighteen months": 18, "thirty": 30, "twenty-four": 24}  # fmt: skip
_AMOUNT = r"(?P<n>\d{1,3}|one|two|three|four|five|six|twelve|eighteen|twenty-four|thirty|an?)"

# Part-of-year words -> (first month, last month); seasons are northern-hemisphere and said so in the answer.
_PARTS = {
    "early": (1, 4), "beginning of": (1, 2), "start of": (1, 2), "first half of": (1, 6),
    "mid": (6, 7), "middle of": (6, 7), "mid-year": (6, 7), "second half of": (7, 12),
    "late": (9, 12), "end of": (11, 12), "the end of": (11, 12),
    "spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (1, 2),
    "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12),
    "first quarter of": (1, 3), "second quarter of": (4, 6), "third quarter of": (7, 9), "fourth quarter of": (10, 12),
}  # fmt: skip
_PART = r"(?P<part>" + "|".join(re.escape(p) for p in sorted(_PARTS, key=len, reverse=True)) + r")"


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    text: str
    position: int
    end: int
    seasonal: bool = False  # a season was read northern-hemisphere
    relative: bool = False  # counted from today

    def describe(self) -> str:
        if self.first == self.last:
            return long_date(self.first)
        if self.first.day == 1 and self.last == _month_end(self.last.year, self.last.month):
            if (self.first.month, self.last.month) == (1, 12) and self.first.year == self.last.year:
                return str(self.first.year)
            if (self.first.year, self.first.month) == (self.last.year, self.last.month):
                return f"{calendar.month_name[self.first.month]} {self.first.year}"
            if self.first.year == self.last.year:
                months = f"{calendar.month_name[self.first.month]}-{calendar.month_name[self.last.month]}"
                return f"{months} {self.last.year}"
        return f"{long_date(self.first)} to {long_date(self.last)}"


def long_date(day: date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """Same day of the month, months later (or earlier); the 31st becomes the month's last day when needed."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(period: Period, months: int) -> Period:
    """The same span moved by whole months; a span ending on a month's last day still does."""
    last = add_months(period.last, months)
    if period.last == _month_end(period.last.year, period.last.month):
        last = _month_end(last.year, last.month)
    return Period(add_months(period.first, months), last, period.text, period.position, period.end)


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), _month_end(year, last)


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?\b")),
    ("us", re.compile(r"\b(?P<m>\d{1,2})/(?:(?P<d>\d{1,2})/)?(?P<year>(?:19|20)\d{2})\b")),
    ("day_month", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("month_day", re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b")),
    ("part_month", re.compile(rf"\b(?P<part>early|mid|late|end of|beginning of|start of)[\s-]+{_MONTH},?\s+{_YEAR}\b")),
    ("month", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b")),
    ("part", re.compile(rf"\b{_PART}[\s-]*(?:of\s+)?{_YEAR}\b")),
    ("year", re.compile(rf"(?<![\d/-]){_YEAR}(?![\d/-])")),
    ("ago", re.compile(rf"\b{_AMOUNT}\s*(?P<unit>years?|yrs?|months?|mos?|weeks?|wks?|days?)\s+ago\b")),
    ("last", re.compile(r"\b(?P<which>last|this|next|past)\s+(?P<unit>year|month)\b")),
    # "still" only with a verb of holding a relationship: "do we still need to disclose" is not a date.
    (
        "now",
        re.compile(
            r"\b(?:now|today|currently|ongoing|to date|at present|at the moment|still (?:consults?|"
            r"works?|serves?|holds?|owns?|has|receives?|is|on|advises?|speaks?|employed|sits?))\b"
        ),
    ),
]


def _amount(text: str) -> int:
    return int(text) if text.isdigit() else _WORD_NUMBERS[text]


def _period(kind: str, m: re.Match[str], today: date) -> tuple[date, date, bool, bool] | None:
    g = m.groupdict()
    if kind in {"iso", "us"}:
        year, month = int(g["year"]), int(g["m"])
        if not 1 <= month <= 12:
            return None
        if g.get("d"):
            try:
                day = date(year, month, int(g["d"]))
            except ValueError:
                return None
            return day, day, False, False
        return (*_months(year, month, month), False, False)
    if kind in {"day_month", "month_day"}:
        try:
            day = date(int(g["year"]), MONTHS[g["month"]], int(g["d"]))
        except ValueError:
            return None
        return day, day, False, False
    if kind == "part_month":
        year, month = int(g["year"]), MONTHS[g["month"]]
        last_day = calendar.monthrange(year, month)[1]
        first, last = {"early": (1, 10), "beginning of": (1, 10), "start of": (1, 10), "mid": (11, 20)}.get(
            g["part"], (21, last_day)
        )
        return date(year, month, first), date(year, month, last), False, False
    if kind == "month":
        return (*_months(int(g["year"]), MONTHS[g["month"]], MONTHS[g["month"]]), False, False)
    if kind == "part":
        year = int(g["year"])
        first, last = _PARTS[g["part"]]
        if g["part"] == "winter":  # winter 2025: December 2024 to February 2025
            return date(year - 1, 12, 1), _month_end(year, 2), True, False
        seasonal = g["part"] in {"spring", "summer", "fall", "autumn"}
        return (*_months(year, first, last), seasonal, False)
    if kind == "year":
        return (*_months(int(g["year"]), 1, 12), False, False)
    if kind == "ago":
        n, unit = _amount(g["n"]), g["unit"].rstrip("s")
        unit = {"yr": "year", "mo": "month", "wk": "week"}.get(unit, unit)
        if unit == "year":
            day = add_months(today, -12 * n)
        elif unit == "month":
            day = add_months(today, -n)
        else:
            day = today - timedelta(days=n * (7 if unit == "week" else 1))
        return day, day, False, True
    if kind == "last":
        shift = {"last": -1, "past": -1, "this": 0, "next": 1}[g["which"]]
        if g["unit"] == "year":
            return (*_months(today.year + shift, 1, 12), False, True)
        month = add_months(today.replace(day=1), shift)
        return (*_months(month.year, month.month, month.month), False, True)
    return today, today, False, True  # now, currently, ongoing


def find_periods(text: str, today: date) -> list[Period]:
    """Date phrases in text (lower-cased by the caller or not), earliest position first, none overlapping."""
    value = text.lower()
    found: list[Period] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(value):
            if any(p.position < match.end() and match.start() < p.end for p in found):
                continue
            if kind == "year" and re.match(r"\s*(?:hours?|hrs?|minutes?|min|credits?|people|learners)\b",
                                           value[match.end():]):  # fmt: skip
                continue
            span = _period(kind, match, today)
            if span is None:
                continue
            first, last, seasonal, relative = span
            found.append(Period(first, last, match.group(0), match.start(), match.end(), seasonal, relative))
    return sorted(found, key=lambda p: p.position)
