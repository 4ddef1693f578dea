"""AMA PRA Category 1 Credit™ from the times in a question: live activities (one or several days), enduring
material estimates, faculty teaching credit, and ECMEC conversion.

The arithmetic is the flows' (bot/flows/credits.py): one implementation of "60 minutes = 1 credit, breaks out,
nearest quarter hour". Each rule used is one the knowledge base states, cited by its section."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from bot.answering.tools.followup import adds_to, follow_up_at, latest
from bot.answering.tools.models import Citation, ToolAnswer
from bot.answering.tools.sources import cite, states
from bot.flows.credits import Tally, credits_for_minutes, tally
from bot.flows.timeparse import NON_EDUCATIONAL_WORDS, InputError, TimeMention, find_times, prose

CREDIT_DOC = "ama/credit-calculation-by-format.md"
EACCME_DOC = "europe/eaccme.md"
# Section keywords: the heading of each rule's section holds these words (tests check they still find one).
LIVE = (CREDIT_DOC, ("live activity credit",))
ENDURING = (CREDIT_DOC, ("enduring material credit",))
TEACHING = (CREDIT_DOC, ("teaching credit",))
DIRECT = (CREDIT_DOC, ("direct credit",))
CONVERSION = (EACCME_DOC, ("convert", "ama"))
ECMEC_RATE = (EACCME_DOC, ("ecmecs are calculated",))
RULES = {
    "live": LIVE,
    "enduring": ENDURING,
    "teaching": TEACHING,
    "direct": DIRECT,
    "conversion": CONVERSION,
    "ecmec": ECMEC_RATE,
}
# The words each rule is stated in; when a section stops saying them the tool declines (see sources.states).
STATED = {
    "live": ("60 minutes", "nearest quarter hour"),
    "enduring": ("estimate",),
    "teaching": ("2 credits per hour",),
    "conversion": ("one hour of participation = one credit",),
    "ecmec": ("1 ECMEC per hour", "0.5 ECMEC per 30 minutes"),
}

CREDIT_NAME = "AMA PRA Category 1 Credit"

_CREDIT_WORDS = re.compile(
    r"\bcredits?\b|\bcme hours?\b|\bcategory 1\b|\bcat\.? ?1\b|\bdesignat|\bclaim\b|how many hours|\bworth\b"
)
# Credit systems with rules of their own: the AMA arithmetic would be a wrong answer there.
_OTHER_SYSTEMS = re.compile(
    r"\b(?:ancc|nurs\w*|contact hours?|acpe|pharmac\w*|cpe|aafp|prescribed|aoa|category 1-?a|moc points?|"
    r"ipce|aapa|cdr|cpeu|ce credits?|royal college|mainpro|ecmecs?|eaccme|european cme)\b"
)
# Times that state a rule rather than the activity: "under 15 minutes", "60 minutes per credit".
_RULE_BEFORE = re.compile(
    r"\b(?:under|over|less than|more than|fewer than|at least|minimum|maximum|(?:minimum|maximum|limit) of|per|"
    r"every|increments of|steps of|"
    r"blocks of|than|up to|exceeds?|within|below|above|multiples of|units of|each)\s*$"
)
_RULE_AFTER = re.compile(
    r"^\s*(?:still\s+)?(?:per(?! day)|=(?!\s*(?:how|what|\?))|equals?|is (?:1|one) credit|makes|increments?|steps?|"
    r"blocks?|rule|or (?:less|more)|of (?:cme |ama |cat\.? ?1 |category 1 )?credits?\b|"
    r"late|early|behind|short|shorter|less|fewer|over(?:time)?\b|longer)"
)
# "1h40 instead of 2h", "planned for 2 hours": the plan, not what ran.
_PLANNED_BEFORE = re.compile(r"\b(?:instead of|rather than|planned (?:for|as)|scheduled (?:for|as)|supposed to be)\s*$")
# Faculty asking about their own credit. "We present a workshop" is the provider's voice, so only "I ..." or an
# explicit faculty/teaching-credit phrase counts.
_TEACHING = re.compile(
    r"\bi\s+(?:\w+\s+){0,2}(?:present|presented|presenting|taught|teach|teaching|spoke|speak|lectured)\b|"
    r"\b(?:i|we)\s+(?:\w+\s+){0,2}(?:gave|give|giving) (?:a |my |the |an )?(?:[\w-]+ ){0,3}"
    r"(?:talk|presentation|lecture)\b|"
    r"\bas (?:the |a )?(?:faculty|speaker|presenter|lecturer|moderator)\b|"
    r"\b(?:faculty|speaker|presenter|teaching) credit\b|\bcredit for (?:teaching|presenting|faculty|speakers?|"
    r"presenters?|my talk|my presentation)\b|\bmy (?:talk|presentation|lecture)\b|"
    r"\bteach\w* (?:the )?(?:medical )?(?:students|residents|fellows)\b|"
    r"\bcan (?:faculty|speakers?|presenters?) claim\b|"
    # "faculty teaching 1 hr at our live course - how much cat 1?", "and for the faculty who taught it?"
    r"\b(?:faculty|speakers?|presenters?) (?:teaching|presenting|speaking|lecturing)\b|"
    r"\b(?:faculty|speakers?|presenters?) (?:who|that) (?:taught|teach|teaches|present|presented|spoke|gave)\b|"
    # "faculty presents a 1 hr talk ... how many credits can she get for teaching?"
    r"\b(?:get|earn|claim|receive)s? (?:\w+ ){0,2}for (?:teaching|presenting)\b|"
    # "how much cat 1 can we award her for teaching": the provider asks on the faculty member's behalf.
    r"\b(?:award|give|grant)s? (?:her|him|them|the faculty|the speaker) (?:\w+ ){0,2}for (?:teaching|presenting)\b"
)
# What one learner claims or what is reported is a different question from what the activity carries; "cat 1 or
# cat 2?" asks which kind of credit, not how much.
_NOT_DESIGNATION = re.compile(
    r"\bpars\b|\b(?:arrived|came|left|leaves|arrives)\b[^.?!]*\b(?:late|early)\b|\bmissed\b|"
    r"\bskipp?(?:ed|ing)?\b|\bleft (?:the |our |my )?[\w -]{0,30}\b(?:after|before|at|during)\b|"
    r"\bwas there (?:for )?(?:~|about |around )?\d|\b(?:did ?n[o']t|didnt) (?:attend|stay)\b|"
    r"\b(?:cat(?:egory)?\.?\s*(?:1|i|one)|cat 1)\s*(?:or|vs\.?|versus)\s*(?:cat(?:egory)?\.?\s*)?(?:2|ii|two)\b"
)
_STUDENTS = re.compile(r"\b(?:medical )?(?:students|residents|fellows|trainees)\b")
_ENDURING = re.compile(
    r"\b(?:enduring|on-?demand|self-?paced|online (?:module|course)|e-?learning|podcast|recorded|recording|"
    r"monograph|learners? (?:take|need|spend|takes|needs)|takes? (?:learners|physicians|participants)|"
    r"to complete|completion time|estimated time|time to complete|pilot (?:test|learners|testers))\b"
)
_ECMEC = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:ecmecs?|european cme credits?|eaccme credits?)\b")
# "how many ECMECs for a 90 min session?": European credit for a time, not AMA credit.
_ECMEC_FOR_TIME = re.compile(r"\b(?:ecmecs?|eaccme|european cme)\b")
# "day 2", "day1", "second day"; not "each day 7.5 hrs" (a length, not a day's number) nor "each day 4 parallel
# tracks" (a count).
_DAY_MARK = re.compile(
    r"\b(?:(?<!each )(?<!every )(?<!per )day\s*(\d)\b(?![.,]\d)(?!\s*(?:h|hrs?|hours?|min|mins|minutes)\b)"
    r"|(first|second|third|fourth|fifth) day\b)"
)
_PER_DAY = re.compile(r"\b(?:each|every|per|a|both|all) days?\b|\bdaily\b|/day\b")
_WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|urday|r|rs)?\b")
# "and if we add a 3rd half-day with 3h?", "plus another day of 5 hours": a day added to the earlier agenda.
_ADDED_DAY = re.compile(
    r"\b(?:\d(?:st|nd|rd|th)|second|third|fourth|fifth|another|extra|additional|one more)\s+(?:half[- ]?)?day\b"
    r"|\bhalf[- ]?day\b"
)
# "3-day", "over 2 days", "two-day course".
_DAY_COUNT = re.compile(
    r"\b(\d|two|three|four|five|six|seven)[- ]?day\b|\bover (\d|two|three|four|five|six|seven) days\b"
    r"|\b(\d|two|three|four|five|six|seven) days\b"
)
_DAY_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_LIVE_WORDS = re.compile(
    r"\b(?:live|webinar|conference|workshop|grand rounds|meeting|course|symposium|seminar|summit|congress)\b"
)
_BREAK_NAMES = re.compile(r"\b(lunch|breakfast|dinner|coffee|breaks?|exhibits?|networking|reception)\b")
_CLAIMED = re.compile(
    r"(?<![\d.])(?<!category )(?<!cat )(?<!cat)(?<!cat\. )(\d{1,3}(?:\.\d{1,2})?)\s*-?\s*"
    # "6 hrs of credit" is a claimed amount as much as "6 credits" is.
    r"(?:(?:hrs?|hours?)\s+of\s+)?(?:ama |pra |cme |cat\.? ?1 |category 1 )*credits?\b"
)
# "can the physicians get cat 1 for it, and how much?": a yes or no question before the count.
_CAN_GET = re.compile(
    r"\b(?:can|could|do|does|will|would|are|is)\s+(?:the\s+|our\s+|my\s+)?"
    r"(?:they|we|i|he|she|physicians?|docs?|doctors?|learners?|attendees?|participants?|residents?|it|this|that)\s+"
    r"(?:still\s+)?(?:get|earn|claim|receive|award|offer|give|designate|qualify|eligible|worth|convert)\b"
)
# "doc attended 2.5 hrs of our 6 credit course ... what can she claim": one physician's claim, not the designation.
_ATTENDED = re.compile(r"\b(?:she|he|they|doc|physician|i)\b[^.?!]{0,40}\b(?:attended|was there for|stayed for)\b")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
# "... and if we add a second identical day?", "same agenda repeated the next day": the day's times again.
# A repeat of the same sessions for another audience is not this: a physician claims those once.
_REPEATED_DAY = re.compile(
    r"\b(?:add|adding|plus|with|run|running|have)\s+(?:a|an|one)?\s*(?:second|2nd|another|extra|additional|more)\s+"
    r"(?:identical\s+|same\s+|similar\s+|full\s+)?day\b"
)
# "do pathologists have to do it too?", "are radiologists exempt?": whether someone must take a course, not its credit.
_MUST_TAKE = re.compile(
    r"\b(?:do|does|must|need|needs|is|are)\b[^.?!]{0,60}\b(?:have to (?:do|take|complete)|has to (?:do|take|complete)|"
    r"need to (?:do|take|complete)|required to (?:do|take|complete)|exempt)\b"
)
# "3 day conf: each day 8-5 with 1h lunch and two 30min breaks. total": a bare "total" after an agenda asks for it.
_TOTAL_ASKED = re.compile(r"\btotal\s*[?.!]*\s*$")
# "does a 2 hour poster session count toward credit?" asks whether, not how much: the rules answer it.
_COUNTS_WHETHER = re.compile(
    r"\b(?:does|do|can|will|would|is|are|could)\b[^.?!]{0,80}\bcounts?\s+(?:toward|towards|for|as|in)\b"
)


@dataclass(frozen=True)
class _Day:
    label: str
    tally: Tally


def number(value: Decimal) -> str:
    """2 -> "2", 2.50 -> "2.5", 0.75 -> "0.75"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def credit_phrase(value: Decimal) -> str:
    # The flows' rule: singular only for one credit or less ("a maximum of 1 AMA PRA Category 1 Credit™").
    return f"{number(value)} {CREDIT_NAME}{'' if value <= 1 else 's'}™"


def _cite(rule: tuple[str, tuple[str, ...]]) -> Citation:
    return cite(rule[0], *rule[1])


def _stated(name: str) -> bool:
    return states(_cite(RULES[name]), *STATED[name])


def _minutes(value: int) -> str:
    return f"{value} min"


def _quantity_times(question: str) -> list[TimeMention]:
    """The question's times that describe the activity, without ones that state a rule; after a joined follow-up
    ("... what about 3 hours?"), its educational times and its breaks each replace the earlier ones."""
    value = prose(question)
    kept = []
    for mention in find_times(question):
        before = value[max(0, mention.position - 40) : mention.position]
        rule = _RULE_BEFORE.search(before)
        if rule is not None and rule.group(0).strip() == "each" and not re.search(r"\bcredits?\b", before):
            rule = None  # "4 concurrent tracks, each 2.5 hours": the tracks' length, not "a credit each 15 minutes"
        if rule is not None or _RULE_AFTER.match(value[mention.end : mention.end + 40]):
            continue
        if _PLANNED_BEFORE.search(before):
            continue
        kept.append(mention)
    cut = follow_up_at(value)
    clocks = [m for m in kept if not m.is_break]
    if adds_to(value, cut) and clocks and all(m.clock for m in clocks) and _apart(clocks):
        cut = -1  # another part of the day, added to the first: all the times count
    education = latest([m for m in kept if not m.is_break], cut, lambda m: m.position)
    breaks = [m for m in kept if m.is_break]
    later = {_label(m) for m in breaks if cut >= 0 and m.position >= cut}
    # "8-4:30 with 30 min lunch and two 15 min breaks ... what if we cut lunch to 15 min?": the new lunch replaces the
    # lunch; the breaks stay.
    breaks = [m for m in breaks if m.position >= cut or _label(m) not in later] if later else breaks
    return sorted(education + breaks, key=lambda m: m.position)


def _apart(mentions: list[TimeMention]) -> bool:
    """Whether clock ranges do not overlap (parallel tracks at the same time overlap and count once anyway)."""
    spans = sorted(m.clock for m in mentions if m.clock)
    return all(a[1] <= b[0] for a, b in pairwise(spans))


def wants_credit(question: str) -> bool:
    value = prose(question)
    asks_credit = _CREDIT_WORDS.search(value) or re.search(r"\becmecs?\b", value) or _TOTAL_ASKED.search(value)
    if not asks_credit or _NOT_DESIGNATION.search(value):
        return False
    last = re.split(r"(?<=[.?!])\s+", value.strip())[-1]
    if _MUST_TAKE.search(last) and not re.search(r"\bhow (?:many|much)\b|\bcredits?\b", last):
        return False
    if _ECMEC.search(value):
        return True
    if _ECMEC_FOR_TIME.search(value):
        return any(not m.is_break for m in _quantity_times(question))
    if _OTHER_SYSTEMS.search(value):
        return False
    if _COUNTS_WHETHER.search(value) and not re.search(r"\bhow (?:many|much)\b", value) and not _CLAIMED.search(value):
        return False
    return any(not m.is_break for m in _quantity_times(question))


def credit_answer(question: str) -> ToolAnswer | None:
    """The credit for the times in the question, or None when it names no educational time."""
    value = prose(question)
    if (ecmec := _ECMEC.search(value)) is not None:
        if not _stated("conversion"):
            return None
        converted = _conversion(Decimal(ecmec.group(1).replace(",", ".")))
        if _CAN_GET.search(value):  # "can she convert them to AMA cat 1?"
            return ToolAnswer(converted.tool, f"Yes, {converted.text}", converted.citations, converted.assumptions)
        return converted
    mentions = _quantity_times(question)
    if _ECMEC_FOR_TIME.search(value) and any(not m.is_break for m in mentions):
        return _ecmecs(mentions) if _stated("ecmec") else None
    if not any(not m.is_break for m in mentions) or not _stated("live"):
        return None
    try:
        if _TEACHING.search(value):
            return _teaching(mentions, bool(_STUDENTS.search(value))) if _stated("teaching") else None
        if _ENDURING.search(value):
            return _enduring(mentions) if _stated("enduring") else None
        cut = follow_up_at(value)
        if cut >= 0 and adds_to(value, cut) and _ADDED_DAY.search(value[cut:]):
            return _live(value, mentions, _with_added_day(question, value, cut, mentions))
        if cut >= 0 and (days := _with_changed_day(question, value, cut, mentions)) is not None:
            return _live(value, mentions, days)
        return _live(value, mentions)
    except InputError as error:
        if follow_up_at(value) >= 0:
            return None  # "... and if we add a 30 min sponsor talk at 12?" is not a calculation to refuse
        return ToolAnswer(
            "credit",
            f"I can't calculate the credit from that: {error} Give the session times and the breaks.",
            [_cite(LIVE)],
        )


# --- live activities ---------------------------------------------------------------------------------------
def _day_of(value: str, mention: TimeMention, marks: list[tuple[int, int, int]]) -> int | None:
    """The day a time belongs to: "8:00-17:00 on day 1" names it just after; "day 2: 9-12" just before."""
    after = re.split(r"[,;.]|\band\b|\d{1,2}:\d{2}", value[mention.end : mention.end + 40])[0]
    for start, end, day in marks:
        if mention.end <= start and start - mention.end < len(after) + 1 and end <= mention.end + len(after) + 1:
            return day
    before = [day for start, end, day in marks if end <= mention.position]
    return before[-1] if before else None


def _split_days(value: str, mentions: list[TimeMention]) -> list[tuple[str, list[TimeMention]]]:
    marks = [
        (m.start(), m.end(), int(m.group(1)) if m.group(1) else _ORDINALS[m.group(2)])
        for m in _DAY_MARK.finditer(value)
    ]
    if not marks:
        # "thursday 1pm-5pm, friday 8am-5pm, saturday 8am-noon": days named by the weekday, in the order given.
        order: dict[str, int] = {}
        for m in _WEEKDAY.finditer(value):
            name = m.group(1)[:3]
            order.setdefault(name, len(order) + 1)
            marks.append((m.start(), m.end(), order[name]))
        if len(order) < 2:
            marks = []
    # "6 hours of sessions each day": the per-day words can sit a few words after the time.
    # "each day 4 parallel tracks of 6 hours": or further back in the same clause.
    every = [
        m
        for m in mentions
        if _PER_DAY.search(
            f"{re.split(r'[,;.]', value[max(0, m.position - 50) : m.position])[-1]} {m.lead} "
            f"{re.split(r'[,;.]', value[m.end : m.end + 40])[0]}"
        )
    ]
    own = [m for m in mentions if m not in every]
    if len({day for _, _, day in marks}) >= 2:
        by_day: dict[int, list[TimeMention]] = {}
        for mention in own:
            day = _day_of(value, mention, marks)
            if day is not None:
                by_day.setdefault(day, []).append(mention)
        days = [
            (f"day {day}", sorted(times + every, key=lambda m: m.position))
            for day, times in sorted(by_day.items())
            if any(not m.is_break for m in times + every)
        ]
        if len(days) >= 2:
            return days
    if _REPEATED_DAY.search(value) and not marks:
        return [("day 1", mentions), ("day 2", mentions)]  # _live says the second day is assumed to be new content
    count = _DAY_COUNT.search(value)
    if count and every and not marks:
        said = next(g for g in count.groups() if g)
        n = _DAY_WORDS.get(said) or int(said)
        if 2 <= n <= 7:
            return [(f"day {d}", mentions) for d in range(1, n + 1)]
    return [("", mentions)]


def _label(mention: TimeMention) -> str:
    """What a break is called in the question: "break", "lunch", "coffee break"."""
    words = f"{mention.lead} {mention.trail}".split()
    phrase = " ".join(words)
    for multiword in ("business meeting", "business session", "business update", "department update", "admin update"):
        if multiword in phrase:
            return multiword
    if re.search(r"\bnon-cme\b|\bnot cme\b|\bnon-accredited\b", phrase):
        return "non-CME segment"
    named = [w for w in words if any(w.startswith(b) for b in NON_EDUCATIONAL_WORDS)]
    return named[-1] if named else "break"


def _as_written(mention: TimeMention) -> str:
    if mention.clock:
        start, end = mention.clock
        return f"{start // 60}:{start % 60:02d}-{end // 60}:{end % 60:02d}"
    if mention.count > 1:
        return f"{mention.count} × {_minutes(mention.minutes)}"
    if re.fullmatch(r"\d+\s*-?\s*(?:minutes?|mins?|m)", mention.text):
        return _minutes(mention.minutes)  # "90-minute" -> "90 min"
    return mention.text


def _describe(t: Tally) -> str:
    """Working such as: 2 h 20 min (140 min) minus 20 min break = 120 min."""
    stated = " + ".join(_as_written(m) for m in t.parts)
    gross = stated if stated == _minutes(t.gross) else f"{stated} ({_minutes(t.gross)})"
    if not t.break_minutes:
        return gross
    breaks = " and ".join(f"{_as_written(m)} {_label(m)}" for m in t.breaks)
    return f"{gross} minus {breaks} = {_minutes(t.minutes)}"


def _verdict(value: str, credits: Decimal) -> str:
    """ "Is it OK to designate 1.5 credits for a 75 minute session?" gets a yes or no before the number."""
    # After a joined follow-up ("60 min talk = 1 credit right? what if it's only 40 minutes"), the claim to check is
    # the follow-up's own, not the earlier question's.
    cut = follow_up_at(value)
    claimed = _CLAIMED.search(value, max(cut, 0))
    if claimed is None or re.search(r"\bhow (?:many|much)\b", value):
        # "how many credits can we designate" asks only for the number; "can they get cat 1, and how much?" also
        # asks whether.
        # "do we designate 2.75 or round up to 3?" asks which, not whether. After a joined follow-up only the
        # follow-up's own words ask: "... to get 0.25 credit? so a 20 min talk would be?" asks for the number.
        asks_whether = any(
            # "how do we designate that?" asks how, not whether.
            not re.search(
                r"\bhow (?:many|much)\b[^,;?.]*$|\b(?:what|which)\s*$"
                r"|\bhow (?:do|does|should|would|to)\b[^,;?.]*$|\bhow\s*$",
                value[: m.start()],
            )
            and not re.search(r"\bor\b", value[m.end() :].split("?")[0])
            for m in _CAN_GET.finditer(value, max(cut, 0))
        )
        return "Yes, " if credits > 0 and asks_whether else ""
    if re.search(r"\d(?:\.\d+)?\s*(?:credits?\s*)?or\s*\d", value[max(0, claimed.start() - 12) : claimed.end() + 12]):
        return ""  # "0.75 or 1 credit?" asks which, and the number answers it
    stated = Decimal(claimed.group(1))
    if stated == credits:
        return "Yes, "
    # The verdict and the number in one sentence: a reader (and a Slack preview) sees "No, not 6 but 2.5 AMA ...".
    return f"No, not {number(stated)} but " if stated > credits else ""


def _division(minutes: int) -> str:
    credits = credits_for_minutes(minutes)
    exact = Decimal(minutes) / Decimal(60)
    if exact == credits:
        return f"{minutes} ÷ 60 = {number(credits)}"
    return f"{minutes} ÷ 60 = {exact:.2f}, to the nearest quarter hour {number(credits)}"


def _earlier_days(question: str, value: str, cut: int) -> list[tuple[str, list[TimeMention]]]:
    """The days of the question before a joined follow-up starting at `cut`, each labelled ("day 1", ...)."""
    earlier = _split_days(value[:cut], _quantity_times(question[:cut]))
    return [(label or f"day {i}", times) for i, (label, times) in enumerate(earlier, 1)]


def _with_added_day(
    question: str, value: str, cut: int, added: list[TimeMention]
) -> list[tuple[str, list[TimeMention]]]:
    """The earlier question's days and the day the follow-up adds: "2 day course, 6h each day, max credits? and if
    we add a 3rd half-day with 3h?" is three days, not the 3 hours alone."""
    earlier = _earlier_days(question, value, cut)
    return [*earlier, (f"day {len(earlier) + 1}", added)]


def _with_changed_day(
    question: str, value: str, cut: int, changed: list[TimeMention]
) -> list[tuple[str, list[TimeMention]]] | None:
    """The earlier question's days with the one the follow-up changes: "3 day meeting, 6.5 hrs per day ... and if day
    3 is only a half day with 3.25 hrs?" is 6.5 + 6.5 + 3.25, not the 3.25 hours alone. None when the follow-up names
    no day of the earlier agenda or brings no time of its own."""
    named = _DAY_MARK.search(value, cut)
    if named is None or not changed or any(m.position < cut for m in changed):
        return None
    number = int(named.group(1)) if named.group(1) else _ORDINALS[named.group(2)]
    days = _earlier_days(question, value, cut)
    if len(days) < 2 or number > len(days):
        return None
    days[number - 1] = (f"day {number}", changed)
    return days


def _live(
    value: str, mentions: list[TimeMention], split: list[tuple[str, list[TimeMention]]] | None = None
) -> ToolAnswer:
    days = [_Day(label, tally(times)) for label, times in split or _split_days(value, mentions)]
    minutes = sum(d.tally.minutes for d in days)
    credits = credits_for_minutes(minutes)
    assumptions: list[str] = []
    if credits == 0:
        lead = (
            f"No {CREDIT_NAME}™ can be designated: {_minutes(minutes)} of education is under the 0.25-credit "
            "minimum (15 min)."
        )
    else:
        what = (
            "what can be claimed for the time attended"
            if _ATTENDED.search(value)
            else "the maximum to designate for this live activity"
        )
        lead = f"{_verdict(value, credits)}{credit_phrase(credits)}, {what}."
    if len(days) == 1:
        working = f"{_describe(days[0].tally)} of education; {_division(minutes)}."
        working = working.replace(f"({_minutes(minutes)}) of education", f"= {_minutes(minutes)} of education")
    else:
        described = [_describe(d.tally) for d in days]
        if len(set(described)) == 1:
            per_day = f"{len(days)} days × {described[0]}"
        else:
            per_day = "; ".join(f"{d.label.capitalize()}: {text}" for d, text in zip(days, described, strict=True))
        working = f"{per_day}. Total {_minutes(minutes)} of education; {_division(minutes)}."
        rounded = sum((credits_for_minutes(d.tally.minutes) for d in days), Decimal(0))
        if rounded != credits:
            assumptions.append(f"rounded once on the total (rounding each day separately gives {number(rounded)})")
    for day in days:
        if day.tally.breaks and len(day.tally.parts) == 1 and not day.tally.parts[0].clock:
            stated = "each day's stated time" if len(days) > 1 else f"the {_as_written(day.tally.parts[0])}"
            named = " and ".join(_label(m) for m in day.tally.breaks)
            plural = len(day.tally.breaks) > 1 or day.tally.breaks[0].count > 1 or named.endswith("s")
            assumptions.append(f"the {named} {'fall' if plural else 'falls'} inside {stated}")
        if day.tally.breaks_outside:
            assumptions.append("the breaks come between the sessions, so nothing is taken out of them")
    if _REPEATED_DAY.search(value):
        assumptions.append("the added day has new sessions (the same sessions repeated are claimed once)")
    if not _LIVE_WORDS.search(value):
        assumptions.append("it is a live activity")
    counted = " ".join(f"{m.lead} {m.trail}" for d in days for m in [*d.tally.breaks, *d.tally.breaks_outside])
    # "lunch-and-learn" names the format, not a meal to take out.
    named_breaks = _BREAK_NAMES.findall(re.sub(r"lunch\s*-?\s*(?:and|&|n'?)\s*-?\s*learn", " ", value))
    unmeasured = sorted({w for w in named_breaks if w not in counted})
    if unmeasured:
        assumptions.append(f"nothing is taken out for the {' or '.join(unmeasured)}: no length was given")
    assumptions.append("all the remaining time is CME content (welcome remarks, exhibits and non-CME segments are out)")
    conditions = (
        "Breaks and meals are left out; parallel sessions count once; each physician claims only the time they "
        "attended."
    )
    return ToolAnswer("credit", f"{lead} {working} {conditions}", [_cite(LIVE)], list(dict.fromkeys(assumptions)))


# --- enduring material -------------------------------------------------------------------------------------
def _enduring(mentions: list[TimeMention]) -> ToolAnswer:
    t = tally(mentions)
    credits = credits_for_minutes(t.minutes)
    lead = (
        f"{credit_phrase(credits)} for the enduring material."
        if credits
        else f"No {CREDIT_NAME}™: an estimate under 15 minutes is below the 0.25-credit minimum."
    )
    text = (
        f"{lead} Credit follows the estimated time most physicians need to complete it: {_division(t.minutes)}. "
        "Keep a note of how you reached it (for example by timing pilot learners). Since 2011 AMA enduring "
        "materials have needed a learner assessment with a passing standard; confirm that in the current AMA PRA "
        "booklet."
    )
    return ToolAnswer(
        "credit",
        text,
        [_cite(ENDURING), _cite(LIVE)],
        [f"{_minutes(t.minutes)} is the time most physicians need, not the fastest learner's"],
    )


# --- faculty teaching credit -------------------------------------------------------------------------------
def _teaching(mentions: list[TimeMention], students: bool) -> ToolAnswer:
    t = tally(mentions)
    # 2 credits per hour: the time in the live activity's quarter-hour steps, doubled (45 min -> 1.5 credits).
    hours = credits_for_minutes(t.minutes)
    credits = hours * 2
    arithmetic = f"{_minutes(t.minutes)} is {number(hours)} h × 2 credits per hour = {number(credits)}"
    # The knowledge gives 2 per hour as providers restate it, not from a current AMA page: the answer says so.
    if students:
        text = (
            f"{credit_phrase(credits)} for the learning linked to teaching. {arithmetic}, the rate providers describe; "
            "check the AMA page for the current rule. The certifying provider must be an accredited CME provider "
            "linked to LCME- or ACGME-accredited education, and you document what you learned; routine teaching "
            "with no new learning is not Category 1."
        )
        assumptions = ["the teaching is certified by an eligible accredited provider"]
    else:
        text = (
            f"{credit_phrase(credits)} for presenting. {arithmetic}, as providers restate the AMA rate; the AMA page "
            "itself was not confirmed, so check the AMA application. This is AMA direct credit: you apply to the "
            "AMA (a fee applies). Older booklets add that you cannot also claim learner credit for your own session."
        )
        assumptions = ["the activity you presented at is certified for AMA PRA Category 1 Credit™"]
    if hours * 60 != t.minutes:
        assumptions.append("the presentation time is rounded to the nearest quarter hour, as for live credit")
    citations = [_cite(TEACHING)] if students else [_cite(TEACHING), _cite(DIRECT)]
    return ToolAnswer("credit", text, citations, assumptions)


# --- ECMECs for a time -------------------------------------------------------------------------------------
def _ecmecs(mentions: list[TimeMention]) -> ToolAnswer:
    t = tally(mentions)
    # 1 ECMEC per hour, in the half-hour steps (0.5 ECMEC per 30 minutes) accredited congresses state: only full
    # half hours count, so 40 minutes is 0.5.
    halves = t.minutes // 30
    ecmecs = Decimal(halves) / 2
    unit = "ECMEC" if ecmecs <= 1 else "ECMECs"
    working = _describe(t)
    text = (
        f"{number(ecmecs)} {unit} (European CME credits), at most: {working} of educational programme, 1 ECMEC per "
        f"hour in steps of 0.5 ECMEC per 30 minutes = {number(ecmecs)}. The EACCME decides the number when it "
        "accredits the event; industry satellite sessions, breaks and social events do not count."
    )
    assumptions = []
    if t.minutes % 30:
        assumptions.append(f"only full half hours count ({t.minutes % 30} min left over), as congress statements "
                           "describe 0.5 ECMEC per 30 minutes")  # fmt: skip
    return ToolAnswer("credit", text, [_cite(ECMEC_RATE)], assumptions)


# --- ECMEC -> AMA ------------------------------------------------------------------------------------------
def _conversion(ecmecs: Decimal) -> ToolAnswer:
    credits = ecmecs  # the UEMS-AMA agreement: one hour of participation = one credit on both sides
    text = (
        f"{credit_phrase(credits)}: ECMECs convert one for one ({number(ecmecs)} ECMECs = {number(credits)} "
        "credits): one hour of participation = one credit. Each physician applies to the AMA with the EACCME "
        "certificate and pays a processing fee; the provider does not convert. The UEMS-AMA agreement is reported "
        "to have been renewed in 2022 for four years (to about 2026), which the knowledge could not confirm, so "
        "check it is still in force."
    )
    return ToolAnswer("credit", text, [_cite(CONVERSION)])
