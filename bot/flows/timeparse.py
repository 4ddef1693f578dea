"""Reading durations and agendas as people type them, with messages that say what to fix."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

DAY_MINUTES = 24 * 60


class InputError(ValueError):
    """Input that cannot be used as given; the message is shown to the member as is."""


_VULGAR = {"½": ".5", "¼": ".25", "¾": ".75"}
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-five": 45, "forty five": 45,
    "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
}  # fmt: skip
_SPELLED = [
    # Longest phrases first: "an hour and a half" must not become "1 hour and a half".
    (re.compile(r"\b(?:an|one|1) hour and a half\b"), "1.5 hours"),
    (re.compile(r"\b(\d+) and a half (hours?|hrs?)\b"), r"\1.5 \2"),
    (re.compile(r"\b(?:half an|a half|half[- ]an?)[- ]hour\b|\bhalf[- ]hour\b"), "30 min"),
    (re.compile(r"\b(?:a )?quarter[- ](?:of an[- ])?hour\b"), "15 min"),
    (re.compile(r"\b(?:an|a)[- ](hour|hr)\b"), r"1 \1"),
    # "8am-noon": noon is a time of day like 12pm.
    (re.compile(r"\b(?:noon|midday)\b"), "12pm"),
]
_WORD_NUMBER = re.compile(r"\b(" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")\b")


def _normalise(text: str) -> str:
    # Vulgar fractions first: NFKC would turn "1½" into "11⁄2". NFKC then turns full-width digits and colons
    # (common with CJK keyboards) into ASCII ones; spelled-out amounts become digits so one pattern reads both.
    for symbol, decimal in _VULGAR.items():
        text = re.sub(rf"(\d){symbol}", rf"\g<1>{decimal}", text).replace(symbol, "0" + decimal)
    value = unicodedata.normalize("NFKC", text).strip().lower()
    value = re.sub(r"(\d+)\s+1/2\b", r"\1.5", value)
    value = _WORD_NUMBER.sub(lambda m: str(_WORD_NUMBERS[m.group(1)]), value)
    for pattern, replacement in _SPELLED:
        value = pattern.sub(replacement, value)
    return value


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:h|hr|hrs|hour|hours)$", re.ASCII), "hours"),
    (re.compile(r"^(\d+)\s*(?:m|min|mins|minute|minutes)?$", re.ASCII), "minutes"),
    (
        re.compile(r"^(\d+)\s*(?:h|hr|hrs|hour|hours)\s*(?:and\s*)?(\d+)\s*(?:m|min|mins|minute|minutes)?$", re.ASCII),
        "hm",
    ),
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


# --- durations and clock ranges inside a sentence ------------------------------------------------------
# A member writes "our workshop is 9-12:30 with a 30 min break" or "2 h 20 min with two 15-minute breaks"
# rather than an agenda. These read such prose; deciding what the times add up to is the caller's job.

NON_EDUCATIONAL_WORDS = (
    "break", "lunch", "coffee", "meal", "breakfast", "dinner", "exhibit", "networking", "registration",
    "reception", "pause", "intermission", "recess", "social", "non-educational", "welcome", "housekeeping",
    "announcements", "remarks", "business meeting", "business session", "business update", "department update",
    "admin update", "administrative", "non-cme", "not cme", "non-accredited",
)  # fmt: skip
_SESSION_WORDS = ("plenary", "session", "keynote", "panel", "track", "breakout", "workshop", "lecture", "talk",
                  "symposium", "grand", "course", "module", "case")  # fmt: skip
_DAY_WORDS = ("day", "days", "daily")
_UNIT_AFTER = re.compile(r"^\s*(?:h|hr|hrs|hours?|m|mins?|minutes?|days?|credits?|people|speakers|sessions)\b")
# "a 40 min lunch-and-learn" is an educational format, not a lunch.
_LUNCH_AND_LEARN = re.compile(r"^\W*lunch\s*-?\s*(?:and|&|n'?)\s*-?\s*learn", re.I)
# Words that end the phrase a time belongs to: in "2 hours including lunch" the lunch is not the 2 hours.
_PHRASE_END = {"and", "with", "plus", "then", "but", "including", "includes", "incl", "excluding", "except",
               "without", "not", "net", "minus", "inclusive", "after", "before", "followed"}  # fmt: skip
_NET = re.compile(r"^\W*(?:excluding|not counting|not including|without|net of|minus|exclusive of|after)\b[^,;.]*"
                  r"\b(?:breaks?|lunch|meals?|coffee)")  # fmt: skip

_NUM = r"\d+(?:[.,]\d+)?"
_HOURS = r"(?:hours|hour|hrs|hr|h)"
_MINUTES = r"(?:minutes|minute|mins|min|m)"
_DURATION = re.compile(
    rf"(?:(?P<times>\d+)\s*(?:x|×|\*)\s*)?"
    rf"(?:(?P<clock_h>\d{{1,2}}):(?P<clock_m>\d{{2}})\s*-?\s*{_HOURS}\b"
    rf"|(?P<h>{_NUM})\s*-?\s*{_HOURS}(?:\b|(?=\d))(?:\s*(?:and\s+)?(?P<m>\d{{1,2}})(?P<m_unit>\s*-?\s*{_MINUTES}\b)?)?"
    rf"|(?P<mo>{_NUM})\s*-?\s*{_MINUTES}\b)",
    re.ASCII,
)
# Unit-less minutes after hours ("2hrs 20") only count when the phrase visibly ends there.
_BARE_MINUTES_END = re.compile(
    r"^\s*(?:$|[,.;:!?)(]|(?:with|and|plus|of|total|for|in|including|instead|rather|not|vs|versus)\b)"
)
_PLURAL_ITEM = re.compile(
    r"^\s*(?:[a-z-]+\s+)?(?:breaks|sessions|talks|lectures|presentations|workshops|modules|segments|blocks|"
    r"lunches|webinars|panels|days|breakouts|rounds|slots|time slots)\b"
)
_COUNT_BEFORE = re.compile(r"(?:^|[^\w.:])(\d{1,2})\s+$")
_N_PART = re.compile(r"\b(\d{1,2})[- ](?:sessions?|talks?|lectures?|parts?|modules?|workshops?|webinars?)\b")
_AT_ONCE = re.compile(r"\b(?:at the same time|concurrent\w*|simultaneous\w*|parallel|at once)\b")
# "4 run simultaneously", "3 at a time", "in 4 parallel rooms": how many of a larger number of sessions run at once.
_AT_A_TIME = re.compile(
    r"\b(\d{1,2})\s+(?:(?:of them|run|running|are|happen\w*|go|going)\s+)?(?:at a time|at once|at the same time|"
    r"simultaneous\w*|concurrent\w*|in parallel)\b|\bin\s+(\d{1,2})\s+(?:parallel\s+)?(?:rooms|tracks)\b"
)
_SEQUENTIAL = re.compile(r"\b(?:rounds|slots|time slots|back to back|one after another|consecutive)\b")
# "3 rounds of 1-hr breakouts": rounds one after another, each counted (rooms running at once are not).
_OF_COUNT = re.compile(
    r"(\d{1,2})\s+(?:[a-z-]+\s+)?(?:breaks|sessions|talks|lectures|presentations|blocks|days|rounds|slots|"
    r"time slots)\s+of\s+$"
)
# "day 3 3.25 hrs (breaks already removed)": words saying the breaks are already out do not make the time a break.
_BREAKS_OUT = re.compile(
    r"\b(?:breaks?|lunch(?:es)?|meals?)\s+(?:(?:are|were|is|was|already|all|been|have|has)\s+)*"
    r"(?:removed|excluded|out|taken out|deducted|subtracted|not included|not counted)\b"
    # "1 hr 40 min no break": a session without a break is not a break.
    r"|\b(?:no|without(?:\s+a|\s+any)?|zero)\s+(?:breaks?|lunch(?:es)?|meals?)\b"
)
# "60 minutes including 15 minutes of Q&A": the 15 minutes are part of the 60, not extra.
_WITHIN = re.compile(r"\b(?:including|includes|incl\.?|inclusive of|of which|which includes)\s+(?:a |an |the )?$")
# "a 2 hour course, 30 min of it is the panel": part of the time stated before it, said after the time.
_OF_IT = re.compile(r"^\s*(?:of it|of that|of those|of them|of this|of the (?:time|hour|hours|session|course|day))\b")

_CLOCK = r"(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?"
_CLOCK_RANGE = re.compile(
    rf"(?P<lead>\b(?:from|between)\s+)?(?<![\d:.])\b{_CLOCK}\s*(?:-|–|—|to|until|till|and)\s*{_CLOCK}(?![\d:])",
    re.ASCII,
)


@dataclass(frozen=True)
class TimeMention:
    """A length of time found in prose: a duration ("20 min") or a clock range ("9-12:30")."""

    minutes: int  # one occurrence
    text: str
    position: int  # offset in prose(text)
    end: int
    count: int = 1  # "two 15-minute breaks" -> 2
    is_break: bool = False
    clock: tuple[int, int] | None = None  # start and end, minutes after midnight, for clock ranges
    net: bool = False  # "6 hours excluding breaks": the breaks are already out
    within: bool = False  # "including 15 minutes of Q&A": part of the time stated before it
    lead: str = ""  # the words just before and after, for callers that look for "each day", "teaching"...
    trail: str = ""

    @property
    def total(self) -> int:
        return self.minutes * self.count


def prose(text: str) -> str:
    """The normalised text that find_times' positions refer to."""
    return _normalise(text)


def _clock_range(match: re.Match[str], named_break: bool = False) -> tuple[int, int] | None:
    h1, m1, half1, h2, m2, half2 = match.group(2, 3, 4, 5, 6, 7)
    # A bare "12-1" is a time of day only right after a break's name ("lunch 12-1").
    explicit = named_break or bool(match.group("lead") or half1 or half2) or m1 is not None or m2 is not None
    if not explicit or (match.group(0).rstrip().endswith("and") and not match.group("lead")):
        return None  # "1-2 hours", "grades 9-12": not a time of day
    if " and " in match.group(0) and "between" not in (match.group("lead") or ""):
        return None
    a, b, am, bm = int(h1), int(h2), int(m1 or 0), int(m2 or 0)
    if a > 24 or b > 24 or am > 59 or bm > 59:
        return None

    def to_24(hour: int, half: str | None) -> int:
        if not half:
            return hour
        return hour % 12 + (12 if half.startswith("p") else 0)

    # "9-12:30pm": the pm belongs to the end; a bare start earlier on the 12-hour dial is the same half day.
    start = to_24(a, half1) * 60 + am
    end = to_24(b, half2) * 60 + bm
    if half2 and not half1 and half2.startswith("p") and a <= 12:
        start = (a % 12 + 12) * 60 + am
        if start >= end:
            start -= 12 * 60
    while end <= start and end + 12 * 60 <= start + DAY_MINUTES:
        end += 12 * 60  # "9-1" is 9:00 to 13:00
    if end - start <= 0 or end - start > DAY_MINUTES:
        return None
    return start, end


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z'-]*|\d+(?:[.,:]\d+)?", text)


_TRAIL_FILLER = frozenset({"of", "it", "is", "are", "was", "will", "be", "a", "an", "the", "that", "this", "just"})


def _context(value: str, start: int, end: int, previous_end: int, next_start: int) -> tuple[str, str]:
    before = value[previous_end:start]
    before = re.split(r"[,;.!?]\s|[,;!?]$|\.$|\n", before)[-1]
    lead: list[str] = []
    for word in reversed(_words(before)):
        if word in _PHRASE_END or (word[0].isdigit() and lead):
            break
        lead.insert(0, word)
    lead = lead[-3:]
    after = value[end:next_start]
    after = re.split(r"[,;!?]|\.\s|\.$|\n", after)[0]
    trail: list[str] = []
    for word in _words(after):
        if word in _PHRASE_END or word[0].isdigit():
            break
        trail.append(word)
    # Three words say what the time is; "20 min of it is a department business update" says it after "of it is a",
    # so filler words do not count towards the three.
    kept: list[str] = []
    for word in trail:
        kept.append(word)
        if sum(w not in _TRAIL_FILLER for w in kept) == 3:
            break
    return " ".join(lead), " ".join(kept)


def find_times(text: str, non_educational: tuple[str, ...] = NON_EDUCATIONAL_WORDS) -> list[TimeMention]:
    """Durations and clock ranges in a sentence, in order, each marked as a break or not by its own words."""
    value = _normalise(text)
    found: list[tuple[int, int, int, tuple[int, int] | None, int]] = []  # start, end, minutes, clock, count
    taken: list[tuple[int, int]] = []
    cursor = 0
    while (match := _CLOCK_RANGE.search(value, cursor)) is not None:
        before = _words(value[max(0, match.start() - 20) : match.start()])[-2:]
        # A bare "1-3" is a time of day right after a break's name ("lunch 12-1") or a session's ("then a plenary
        # 1-3"), unless a unit follows ("a plenary 1-3 hours long").
        after = _words(value[match.end() : match.end() + 20])[:1]
        named = any(w.startswith(_SESSION_WORDS) for w in [*before, *after])
        # "2 days 8-4", "8-5 each day": a bare range starting in the morning beside "day" is the day's hours; "days
        # 1-3" (a start before 6) stays a day count.
        following = _words(value[match.end() : match.end() + 20])[:2]
        day = any(w in _DAY_WORDS for w in [*before, *following]) and 6 <= int(match.group(2)) <= 11
        session = (named or day) and not _UNIT_AFTER.match(value[match.end() :])
        clock = _clock_range(match, session or any(w.startswith(non_educational) for w in before))
        if not clock:
            # "day 1 and 8:00-12:00": a rejected candidate must not hide the real range it overlaps.
            cursor = match.start() + 1
            continue
        end = match.start() + len(match.group(0).rstrip())
        found.append((match.start(), end, clock[1] - clock[0], clock, 1))
        taken.append((match.start(), end))
        cursor = end
    for match in _DURATION.finditer(value):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        end = match.end()
        if match.group("clock_h"):
            minutes = int(match.group("clock_h")) * 60 + int(match.group("clock_m"))
        elif match.group("h"):
            minutes = float(match.group("h").replace(",", ".")) * 60
            if match.group("m"):
                if match.group("m_unit") or _BARE_MINUTES_END.match(value[match.end() :]):
                    minutes += int(match.group("m"))
                else:
                    end = match.start("m")  # "2 h 20 people": the 20 is not minutes
                    while end > match.start() and value[end - 1] in " and":
                        end -= 1
        else:
            minutes = float(match.group("mo").replace(",", "."))
        count = int(match.group("times") or 1)
        start = match.start()
        window = max(0, start - 60)
        before = value[window:start]  # a bounded look back keeps long messages linear
        if count == 1 and (of := _OF_COUNT.search(before)):
            count = int(of.group(1))
        elif (
            count == 1
            and (bare := _COUNT_BEFORE.search(before))
            and _PLURAL_ITEM.match(value[end:])
            and not re.search(r"\bday\s*$", before[: bare.start(1)])  # "day 2 4 h" is not two times 4 h
        ):
            count = int(bare.group(1))
            start = window + bare.start(1)  # "two 15 min breaks": the mention starts at the count
        if (
            count == 1
            and re.match(r"^\s*each\b", value[end:])
            and (series := _N_PART.search(value[max(0, start - 60) : start]))
        ):
            count = int(series.group(1))  # "a 4-session evening series (1 hr each)": four hours
        side_by_side = _AT_A_TIME.search(value[max(0, start - 60) : end + 60]) if count > 1 else None
        rooms = int(side_by_side.group(1) or side_by_side.group(2)) if side_by_side else 0
        if 1 < rooms < count and count % rooms == 0:
            # "20 sessions of 1 hour, but 4 run simultaneously": five rounds of four rooms, a physician attends one
            # session a round.
            count //= rooms
        elif (
            count > 1
            and _AT_ONCE.search(value[max(0, start - 60) : end + 60])
            and not _SEQUENTIAL.search(value[max(0, start - 60) : end + 20])
        ):
            count = 1  # "three sessions of 90 min running at the same time": a physician attends one of them
        found.append((start, end, round(minutes), None, max(count, 1)))
    found.sort()
    mentions: list[TimeMention] = []
    for index, (start, end, minutes, clock, count) in enumerate(found):
        previous_end = found[index - 1][1] if index else 0
        next_start = found[index + 1][0] if index + 1 < len(found) else len(value)
        lead, trail = _context(value, start, end, previous_end, next_start)
        nearby = _BREAKS_OUT.sub(" ", f"{lead} {trail}")
        # "day3 3h educational time (breaks already excluded)": the words saying so run past the three-word trail.
        for said in _BREAKS_OUT.finditer(value[end : min(next_start, end + 60)]):
            for word in set(re.findall(r"\b(?:breaks?|lunch(?:es)?|meals?)\b", said.group(0))):
                nearby = re.sub(rf"\b{word}\b", " ", nearby)
        # Whole words: "breakout sessions" are education, not a break.
        is_break = any(re.search(rf"\b{re.escape(word)}(?:e?s)?\b", nearby) for word in non_educational) and not (
            _LUNCH_AND_LEARN.match(value[end:])
        )
        mentions.append(
            TimeMention(
                minutes=minutes,
                text=value[start:end],
                position=start,
                end=end,
                count=count,
                is_break=is_break,
                clock=clock,
                net=bool(_NET.match(value[end:next_start])),
                within=bool(_WITHIN.search(value[max(0, start - 40) : start]) or (index and _OF_IT.match(value[end:]))),
                lead=lead,
                trail=trail,
            )
        )
    return mentions
