"""What kind of answer a question asks for, and whether a card's answer is of that kind.

A card found for a neighbouring question answers a neighbouring question: "how often do we need to review an enduring
material?" reached the card on how enduring credit is estimated, "what share of our activities has to meet Engages
Students?" the card on what commendation is, "how quickly after the activity should we submit to PARS?" a card that
opened with "Yes". Each asked for a value the card does not hold. A question that plainly asks for a number, a share,
a frequency, a time or a year is only answered by a card whose answer holds one; otherwise the next fitting card, or
the passages, answer it. Only clear interrogatives count: "can we give 3 credits for it?" asks for a yes or no.
"""

from __future__ import annotations

import re

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
    r"hundred|half|quarter|dozen|single|both|none|zero|no|any|all|every|each|unlimited|depends"
)
_MONTHS = r"jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*"

# Each kind: how a question asks for it, and what an answer of that kind contains.
_KINDS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "share",
        re.compile(r"\bwhat\s+(?:%|percent(?:age)?|share|proportion|fraction|portion)\b|\bhow much of\b", re.I),
        re.compile(rf"\d\s*%|\bpercent|\b(?:{_NUMBER_WORDS}|majority|most|some|minimum|no set)\b", re.I),
    ),
    (
        "year",
        re.compile(r"\bwhen did\b|\bwhat year\b|\bsince when\b|\bin which year\b", re.I),
        re.compile(rf"\b(?:19|20)\d\d\b|\b(?:{_MONTHS})\b", re.I),
    ),
    (
        "clock",
        re.compile(r"\bwhat time\b(?!\s+(?:window|frame|period|span|limit))", re.I),
        re.compile(r"\d{1,2}(?::\d\d)?\s*(?:a\.?m|p\.?m)\b|\d{1,2}:\d\d|\bnoon\b|\bo'clock\b", re.I),
    ),
    (
        "frequency",
        re.compile(r"\bhow often\b|\bhow frequently\b", re.I),
        re.compile(
            r"\b(?:every|each|annual\w*|yearly|monthly|weekly|quarterly|per (?:year|month|cycle|term)|a year|"
            r"once|twice|times|cycle|term|ongoing|continu\w*|no (?:set|fixed|specific)|not (?:required|set)|"
            r"no requirement|whenever|until|at least)\b",
            re.I,
        ),
    ),
    (
        "time",
        re.compile(
            r"\bhow (?:long|far (?:ahead|in advance|back)|soon|quickly|fast|late|early|many (?:days|weeks|months|"
            r"years))\b|\bby when\b|\bwhat(?:'s| is)? the deadline\b|\bwhen (?:is|are)\b[^?]{0,40}\bdue\b|"
            r"\bwhat (?:time )?(?:window|frame|period|timeframe)\b",
            re.I,
        ),
        # A length of time, a date, or a time relative to something: not any number ("two or more professions").
        re.compile(
            rf"\b(?:\d+|{_NUMBER_WORDS})[\s-]*(?:calendar\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?)\b|"
            rf"\b(?:{_MONTHS})\b|\b(?:before|after|within|until|prior to|by the end|immediately|indefinite\w*|"
            r"annual\w*|each year|every year|no (?:deadline|time limit|limit|expir\w*)|end of)\b",
            re.I,
        ),
    ),
    (
        "number",
        re.compile(r"\bhow (?:many|much)\b(?!\s+(?:does|do|is|are|will|would|did)\b)", re.I),
        re.compile(rf"\d|\b(?:{_NUMBER_WORDS}|many|cap|limit|maximum|minimum)\b", re.I),
    ),
)


def asked_kind(question: str) -> str | None:
    """The kind of value the question plainly asks for, or None (a yes/no, what or how question)."""
    return next((kind for kind, asks, _ in _KINDS if asks.search(question)), None)


def holds(answer: str, kind: str | None) -> bool:
    """Whether an answer holds a value of that kind (always, for None)."""
    if kind is None:
        return True
    return any(holds_kind.search(answer) is not None for name, _, holds_kind in _KINDS if name == kind)
