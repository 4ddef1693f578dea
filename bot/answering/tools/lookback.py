"""Is a financial relationship inside the 24-month disclosure lookback?

Standard 3 counts back 24 months from when the disclosure is collected, which happens before the person takes
on the role; the activity date does not set the window. A date phrase is a span ("mid-2021" is June-July), so
the answer is yes or no only when the whole span falls on one side; otherwise it gives the cut-off date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.answering.tools.dates import Period, add_months, find_periods, long_date, shift
from bot.answering.tools.followup import follow_up_at, latest
from bot.answering.tools.models import Citation, ToolAnswer
from bot.answering.tools.sources import cite, sentence, states

STANDARD3_DOC = "accme/standard-3-financial-relationships.md"
LOOKBACK = (STANDARD3_DOC, ("24-month",))
MITIGATION = (STANDARD3_DOC, ("mitigated",))
RULES = {"lookback": LOOKBACK, "mitigation": MITIGATION}
WINDOW_MONTHS = 24
STATED = ("24 months",)  # the section must still say it, or the tool stands down


def window_opens(collected: date) -> date:
    """The first day inside the lookback for a disclosure collected on `collected`: 24 months earlier, same day of
    the month (the 31st becomes the month's last day). A relationship that ended on or after it is inside the window.
    Public so other callers (bot/disclosure) count the window exactly as this tool does."""
    return add_months(collected, -WINDOW_MONTHS)


def _flat(rule: tuple[str, tuple[str, ...]]) -> tuple[str, ...]:
    return (rule[0], *rule[1])


# Words that say what a date is about, looked for in the words just before it.
_ENDED = re.compile(
    r"\b(?:ended|ends|end(?:ing)? (?:in|on)|until|till|through|thru|stopped|left|quit|ceased|terminated|expired|"
    r"finished|sold|divested|resigned|retired|last (?:paid|received|consulted|worked|spoke|served)|concluded|"
    r"wrapped up|dropped|ending|was (?:a|an|on)|were|had|received|got|did|consulted|worked|served|advised|spoke|owned|"
    r"held|paid)\b"
)
# "from" starts a relationship only right before the date ("from 2019 to 2021", not "a grant from Pfizer in").
_STARTED = re.compile(r"\b(?:since|started|began|begun|joined|starting|has been|have been)\b|\bfrom\s*$")
_COLLECTION = re.compile(
    r"\b(?:plan\w*|collect\w*|disclosure forms?|forms?|invit\w*|recruit\w*|onboard\w*|asked|agreed|signs?|signed|"
    r"submit\w*|survey|role|kick-?off|begins? (?:working|planning))\b"
)
_ACTIVITY = re.compile(
    r"\b(?:activity|activities|conference|meeting|course|webinar|event|session|symposium|grand rounds|held|"
    r"takes? place|talk|lecture|happens|scheduled|workshop|presents?|presenting|cme|summit|congress)\b"
)
_RELATIONSHIP = re.compile(
    r"\b(?:consult\w*|advis\w*|speakers?'? ?bureau|speaker|grants?|stocks?|shares|equity|options|employ\w*|"
    r"relationships?|honorari\w*|royalt\w*|paid|contract\w*|worked for|works for|research funding|ownership|"
    r"owned|owns|board|fees?|payments?|sponsor\w*|job)\b"
)
_DISCLOSURE = re.compile(
    r"\b(?:disclos\w*|look-?back|look back|24[- ]months?|window|declare|report|count|counts|include|collect|"
    r"list (?:it|them|that|this)|"
    r"mention|need to|have to|must|relevant|within|on the form|on our form|coi form|still go|still count|"
    r"still matter)\b"
)
_ONGOING = {"currently", "ongoing", "to date", "at present"}
_CLAUSE = re.compile(r"[,;.!?]\s|\band\b|\bbut\b|\bwhile\b")
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|to|until|till|through|thru|and)\s*$")


@dataclass(frozen=True)
class _Dates:
    relationship: list[Period]
    collection: Period | None
    activity: Period | None
    ongoing: bool


def _last(pattern: re.Pattern[str], text: str) -> int:
    return max((m.end() for m in pattern.finditer(text)), default=-1)


def _role(lead: str) -> str:
    """What the date a lead-in introduces is about: the word nearest the date wins ("activity planning starts"
    is collection; "advisory board role ... ending" is the relationship)."""
    nearest = {
        "relationship": _last(_ENDED, lead),
        "started": _last(_STARTED, lead) if _RELATIONSHIP.search(lead) else -1,
        "collection": _last(_COLLECTION, lead),
        "activity": _last(_ACTIVITY, lead),
    }
    role, where = max(nearest.items(), key=lambda item: item[1])
    if where >= 0:
        return role
    return "relationship" if _RELATIONSHIP.search(lead) else "unknown"


def _read(question: str, today: date) -> _Dates:
    value = question.lower()
    periods = find_periods(value, today)
    relationship: list[Period] = []
    collection = activity = None
    ongoing = False
    previous: tuple[Period, str] | None = None
    for period in periods:
        gap_start = previous[0].end if previous else 0
        gap = value[gap_start : period.position]
        lead = _CLAUSE.split(gap)[-1] if not _RANGE_JOIN.match(gap) else gap
        role = _role(lead[-80:])
        if previous and previous[1] in {"relationship", "started"} and _RANGE_JOIN.match(gap):
            role = "relationship"  # "from 2019 to 2021": the second date ends the relationship
        trail = value[period.end : period.end + 40]
        if re.match(r"^\s*(?:[\w-]+\s+)?(?:" + _ACTIVITY.pattern + ")", trail):
            role = "activity"  # "for our March 2027 course"
        if (
            period.relative
            and period.first == today
            and (period.text.startswith("still") or period.text in _ONGOING or role in {"relationship", "started"})
        ):
            ongoing = True  # "still consults", "currently", "ongoing"; "disclosed now" is not about the relationship
            relationship.append(period)
        elif period.relative and period.first == today:
            pass
        elif role == "started":
            ongoing = True
            relationship.append(period)
        elif role == "relationship":
            relationship.append(period)
            ongoing = False
        elif role == "collection" and collection is None:
            collection = period
        elif role == "activity" and activity is None:
            activity = period
        previous = (period, role)
    cut = follow_up_at(value)  # "... what if it ended in March 2023?" replaces the earlier end date
    relationship = latest(relationship, cut, lambda p: p.position)
    if cut >= 0 and ongoing and not any(p.relative and p.first == today for p in relationship):
        ongoing = False
    return _Dates(relationship, collection, activity, ongoing)


# Support an organisation receives (a grant, a sponsorship, a payment) is commercial support, not a person's financial
# relationship: "the company that gave us the grant now wants the attendee list" is about Standard 2, and the
# lookback answered it. Such words count as a relationship only beside a person whose relationship it is.
_ORGANISATION_ONLY = re.compile(r"\b(?:grants?|sponsor\w*|paid|fees?|payments?)\b")
_PERSON = re.compile(
    r"\b(?:speakers?|faculty|planners?|authors?|reviewers?|moderators?|presenters?|docs?|doctors?|physicians?|"
    r"dr|she|he|her|his|him|investigators?|nurses?|pharmacists?|surgeons?|cardiologists?|member|chair)\b"
)


# Whose relationship it is decides before when it ended: a spouse's or partner's relationship is not collected under
# the current Standards at all, whatever its dates ("does the spouse's pharma consulting need to go on the disclosure
# now?" had got "Yes, it must be disclosed").
_SOMEONE_ELSE = re.compile(
    r"\b(?:spouses?|spouse's|husbands?|wi(?:fe|ves)|domestic partners?|life partners?|partner's|family members?|"
    r"relatives?)\b"
)


# Boards that are not companies: "is Dr. Patel still on the ABIM board?" asks about a certifying board, not a
# financial relationship with an ineligible company.
_NOT_A_COMPANY_BOARD = re.compile(
    r"\b(?:ab[a-z]{1,4}|abms|accme|acgme|ama|medical|state|licens\w*|certifying|specialty|review|editorial|school|"
    r"hospital|ethics|irb|residency|program|university|college|society|association|our|the american)\s+board\b|"
    r"\badvisory (?:list|roster)\b"
)


# "is there a $ minimum below which a speaker doesn't have to disclose? she got $200 in 2025": the amount, not the date.
_AMOUNT_RULE = re.compile(r"\$|\bdollars?\b|\bminimum\b|\bthreshold\b|\bde minimis\b|\bbelow which\b")


def wants_lookback(question: str, today: date) -> bool:
    value = _NOT_A_COMPANY_BOARD.sub(" ", question.lower())
    if _AMOUNT_RULE.search(value):
        return False
    relationships = {m.group(0) for m in _RELATIONSHIP.finditer(value)}
    if not relationships or not _DISCLOSURE.search(value) or _SOMEONE_ELSE.search(value):
        return False
    if all(_ORGANISATION_ONLY.fullmatch(word) for word in relationships) and not _PERSON.search(value):
        return False
    return bool(_read(question, today).relationship)


def lookback_answer(question: str, today: date) -> ToolAnswer | None:
    dates = _read(question, today)
    if not dates.relationship or not states(cite(*_flat(LOOKBACK)), *STATED):
        return None
    assumptions: list[str] = []
    if dates.ongoing:
        ended = Period(today, today, "ongoing", 0, 0)
        ended_text = "is ongoing"
    else:
        ended = max(dates.relationship, key=lambda p: p.last)
        if ended.relative:
            ended_text = f"ended {ended.text} (about {ended.describe()})"
        elif ended.first != ended.last:
            ended_text = f"ended in {ended.describe()}"
        else:
            ended_text = f"ended on {ended.describe()}"
    if any(p.seasonal for p in [*dates.relationship, dates.collection] if p):
        assumptions.append("seasons are read for the northern hemisphere (spring = March-May)")
    citations = [cite(*_flat(LOOKBACK))]
    # The rule in the knowledge's own words, then why the window starts at collection rather than the activity.
    quoted = sentence(citations[0], "24 months", "before")
    rule = (
        (f'The rule: "{quoted}" ' if quoted else "Standard 3 covers the 24 months before the person's involvement. ")
        + "Disclosure is collected before the role starts, so the window counts back from collection, not from the "
        "activity date."
    )
    after = (
        "Collect it; if it is relevant to the content, mitigate it before the role starts and disclose it to learners."
    )

    collected = dates.collection
    if collected is None and dates.activity is not None:
        return _activity_only(dates, ended, ended_text, rule, citations, assumptions)
    if collected is None:
        collected = Period(today, today, "today", 0, 0)
        assumptions.append(
            f"disclosure is collected today ({long_date(today)}); give the date you collect it if it differs"
        )
    elif _COLLECTION.search(question.lower()) and "plan" in question.lower():
        assumptions.append(f"disclosure is collected at planning start ({collected.describe()})")
    window = shift(collected, -WINDOW_MONTHS)
    opens = window.describe()
    window_text = (
        f"The window opens 24 months before collection ({collected.describe()}), so in {opens}."
        if collected.first != collected.last
        else f"The window runs from {long_date(window.first)} to {long_date(collected.first)}."
    )
    if dates.ongoing or ended.first >= window.last or ended.last >= window.first:
        citations.append(cite(*_flat(MITIGATION)))  # the answer goes on to mitigation before the role
    if dates.ongoing or ended.first >= window.last:
        lead = f"Yes, it must be disclosed: a relationship that {ended_text} falls inside the 24-month window."
        return ToolAnswer("lookback", f"{lead} {window_text} {rule} {after}", citations, assumptions)
    if ended.last < window.first:
        lead = f"No, it need not be disclosed: a relationship that {ended_text} is outside the 24-month window."
        return ToolAnswer("lookback", f"{lead} {window_text} {rule}", citations, assumptions)
    cutoff = window.first if window.first == window.last else None
    cutoff_text = (
        f"it is inside if it ended on or after {long_date(cutoff)}"
        if cutoff
        else f"it is inside if it ended on or after the date 24 months before collection (in {opens})"
    )
    lead = f"It depends on the exact dates: the relationship {ended_text}, and {cutoff_text}."
    return ToolAnswer("lookback", f"{lead} {window_text} {rule} {after}", citations, assumptions)


def _activity_only(
    dates: _Dates, ended: Period, ended_text: str, rule: str, citations: list[Citation], assumptions: list[str]
) -> ToolAnswer:
    """Only the activity date is known. Disclosure is collected before the activity, so a relationship ending
    within 24 months of the activity is inside whenever it is collected; an older one depends on the collection."""
    activity = dates.activity
    assert activity is not None
    boundary = window_opens(activity.last)
    if dates.ongoing or ended.first >= boundary:
        lead = (
            f"Yes, it must be disclosed: a relationship that {ended_text} is inside the 24-month window, whenever "
            f"before the activity ({activity.describe()}) you collect the disclosure."
        )
        return ToolAnswer("lookback", f"{lead} {rule}", citations, assumptions)
    if ended.last >= boundary:
        lead = (
            f"It depends on the exact dates: the relationship {ended_text}. If it ended on or after "
            f"{long_date(boundary)}, it is inside the window for an activity in {activity.describe()}; if earlier, it "
            "is outside only when you collect the disclosure more than 24 months after it ended."
        )
    else:
        lead = (
            f"It depends on when you collect the disclosure, not on the activity date: the relationship "
            f"{ended_text}, so it is outside the window if you collect the disclosure after "
            f"{long_date(add_months(ended.last, WINDOW_MONTHS))}, and must be disclosed if you collected it earlier."
        )
    assumptions.append("disclosure is collected before the person takes the role; give its date to settle this")
    return ToolAnswer("lookback", f"{lead} {rule}", citations, assumptions)
