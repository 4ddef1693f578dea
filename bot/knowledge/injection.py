"""Instructions planted in knowledge files, found before the file is indexed.

A source is data, never an instruction to the bot. Fixed phrases are easy to dodge, so the text is normalised first
(NFKC, zero-width characters removed, look-alike letters mapped to Latin, letter-spaced words joined) and then matched
against patterns built from an instruction verb, an addressee (the assistant, an AI reader) and an imperative, plus
overrides of earlier instructions and fake system markers. Rules that tell *providers* what to tell *learners* are the
ordinary content of a CME corpus and must not match: patterns about telling people something only fire for the bot's
audience (users, members, whoever asks) or when the sentence is addressed to an AI.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Bump when the rules change: every indexed document is scanned again on the next sync (no re-embedding).
RULES_VERSION = 1

# U+200B..U+200F (zero-width space/joiners, direction marks), word joiner, BOM, soft hyphen.
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
# Zero-width characters (not soft hyphens, which legitimately hint hyphenation) sitting inside a word.
_INVISIBLE_IN_WORD = re.compile(r"(?<=\w)[\u200b-\u200f\u2060\ufeff]+(?=\w)")
_HEAVY_INVISIBLE = 5

# Cyrillic and Greek letters that look like Latin ones; NFKC leaves them alone.
_CONFUSABLES = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
        "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M",
        "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X", "І": "I", "Ѕ": "S", "Ј": "J",
        "α": "a", "ο": "o", "ρ": "p", "ι": "i", "κ": "k", "ν": "v", "τ": "t", "υ": "u", "Α": "A", "Β": "B",
        "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T",
        "Υ": "Y", "Χ": "X",
    }
)  # fmt: skip

# Four or more single letters separated by a space or punctuation: "i g n o r e", "I.G.N.O.R.E", "i-g-n-o-r-e".
_SPACED = re.compile(r"(?<![\w])(?:[A-Za-z][ \t.\-_*·•|]{1,3}){3,}[A-Za-z](?![\w])")


@dataclass(frozen=True)
class Finding:
    snippet: str
    reason: str
    where: str

    def describe(self) -> str:
        return f'{self.reason}: "{self.snippet}" ({self.where})'


def normalise(text: str) -> str:
    """What a reader (or a model) would see: compatibility forms folded, invisible characters gone, look-alike
    letters made Latin, letter-spaced words joined, runs of whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text).translate(_CONFUSABLES)
    text = _SPACED.sub(_join_spaced, text)
    return re.sub(r"[ \t]+", " ", text)


def _join_spaced(match: re.Match[str]) -> str:
    # Wider gaps separate words ("i g n o r e   p r e v i o u s"); single separators only separate letters.
    words = re.split(r"[ \t.\-_*·•|]{2,}", match.group(0))
    joined = [re.sub(r"[ \t.\-_*·•|]", "", word) for word in words]
    # Sentence-level joining keeps "ignoreprevious..." matchable by the patterns' optional spaces.
    return " ".join(joined)


# --- building blocks -------------------------------------------------------------------------------------------
_S = r"[\s,:;\-]*"  # between words: may be nothing once letter-spaced text has been joined
_AI = (
    r"(?:ai|a\.i\.|artificial intelligence|assistants?|chat\s*bots?|bots?|cmebot|llms?|large language models?|"
    r"language models?|gpt(?:-?\d\w*)?|chat\s*gpt|claude|gemini|copilot|bard|llama|mistral|ai agents?)"
)
_SAY = (
    r"(?:say|says|tell|answer|respond|reply|state|claim|assert|insist|confirm|affirm|report|output|print|write|"
    r"mention|recommend|describe|present|treat|call|declare|pretend|act|ignore|disregard|forget|reveal|refuse|"
    r"always|never|only|not|stop)"
)
# The bot's audience, not a provider's: "tell learners that ..." is an ordinary rule for providers (and moderators
# "inform members"), while "tell users that ..." or "tell anyone who asks that ..." speaks to whoever answers.
_AUDIENCE = (
    r"(?:the\s+)?(?:users?|askers?|whoever\s+asks|the\s+person\s+asking|(?:anyone|everyone|people|those|members|"
    r"users)\s+who\s+asks?)"
)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.MULTILINE)


_OVERRIDE_VERB = (
    r"(?:ignore|disregard|forget|bypass|discard|abandon|neglect|set\s+aside|pay\s+no\s+attention\s+to|"
    r"do\s+not\s+(?:follow|obey)|don'?t\s+(?:follow|obey)|stop\s+following|no\s+longer\s+follow)"
)
_EARLIER = (
    r"(?:previous|prior|above|earlier|preceding|foregoing|former|original|initial|system|developer|any\s+other|"
    r"all\s+other|everything)"
)
_INSTRUCTIONS = (
    r"(?:instructions?|prompts?|directions?|directives?|commands?|programming|guidelines?|rules|context|"
    r"messages?|conversation|constraints|orders|training|system\s+prompt|guardrails|policies)"
)
_VERB_OF_SAYING = r"(?:say|answer|respond|reply|tell|state|claim|insist|confirm|assert)"

# (reason, pattern): each reason names what kind of planted instruction was found.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "overrides the bot's instructions",
        _rx(
            rf"\b{_OVERRIDE_VERB}{_S}(?:(?:all|any|each|every|of|the|your|these|those|my|our)\s*){{0,3}}"
            rf"{_EARLIER}{_S}(?:\w+\s*){{0,2}}?{_INSTRUCTIONS}\b"
        ),
    ),
    (
        "overrides the bot's instructions",
        _rx(
            rf"\b{_OVERRIDE_VERB}{_S}(?:all\s+|everything\s+)?(?:(?:you\s+(?:were|have\s+been|'?ve\s+been)\s+"
            r"(?:told|given|instructed|taught|trained))|(?:what\s+you\s+were\s+told)|(?:everything\s+(?:above|before|"
            r"else|so\s+far|said)))"
        ),
    ),
    (
        "overrides the bot's instructions",
        _rx(r"\b(?:instead\s+of|rather\s+than)\s+(?:following\s+)?your\s+(?:instructions|system\s+prompt|rules)\b"),
    ),
    (
        "gives the bot a new role",
        _rx(
            rf"\byou{_S}are{_S}now{_S}(?:(?:[\w-]+,?\s+)?(?:an?|the|my|our)\s+(?:\w+\s+){{0,3}}?(?:{_AI}|persona|character|"
            r"expert\s+who|unrestricted|unfiltered)\b|in\s+(?:\w+\s+)?mode\b|(?:unrestricted|unfiltered|jailbroken|"
            r"uncensored|dan|liberated|acting\s+as|playing\s+the\s+role|called|named|known\s+as)\b|free\s+(?:of|from)\s+"
            r"(?:all\s+|any\s+|your\s+)?(?:rules|restrictions|guidelines|constraints|instructions)|no\s+longer\s+"
            r"(?:bound|restricted|limited|required\s+to\s+follow|an?\s+(?:assistant|ai|bot)))"
        ),
    ),
    (
        "gives the bot a new role",
        _rx(
            r"\bfrom\s+now\s+on,?\s+(?:you|the\s+assistant|the\s+bot|the\s+ai)\s+(?:(?:will|must|should|shall)\s+)?"
            r"(?:always\s+|only\s+|never\s+)?(?:respond|answer|reply|say|act|behave|ignore|pretend|speak|tell|claim|"
            r"state)\b"
        ),
    ),
    (
        "gives the bot a new role",
        _rx(
            rf"\b(?:act|behave|respond|answer)\s+as\s+(?:if\s+you\s+(?:were|are)\s+)?(?:an?\s+)?(?:\w+\s+){{0,2}}"
            rf"(?:{_AI}|persona)\s+(?:that|who|which|without)\b|\bpretend\s+(?:that\s+)?you\s+(?:are|were|have\s+no)\b"
            r"|\bjailbreak(?:en|ing)?\b|\bdo\s+anything\s+now\b"
        ),
    ),
    (
        "announces a new system prompt",
        _rx(
            r"\b(?:new|updated|revised|real|actual|true|hidden|secret|override|replacement)\s+(?:system\s+prompt|"
            r"system\s+message|prompt\s*:|instructions?\s+(?:for|to)\s+(?:the\s+)?(?:ai|assistant|bot|model|llm)\b)"
            r"|\bnew\s+(?:instructions|directives|rules)\s*(?::|follow\b|below\b|are\s+as\s+follows)"
            r"|\b(?:begin|start|end)\s+(?:of\s+)?(?:new\s+)?(?:system\s+)?(?:prompt|instructions)\s*(?:[:\]>]|$)"
            r"|\bsystem\s+prompt\s*(?::|is\b|follows\b|=)"
        ),
    ),
    (
        "addresses a note to the bot",
        _rx(
            rf"\b(?:note|message|instructions?|reminder|directive|memo|hint|request|warning|ps|p\.s\.)\s+"
            rf"(?:to|for)\s+(?:the\s+|any\s+|all\s+|every\s+|our\s+)?(?:{_AI}|automated\s+(?:systems?|readers?|"
            rf"tools?))\b|\b(?:dear|hey|hi|hello|attention|attn)\s*[,:]?\s*(?:{_AI})\b\s*[,:!.]"
        ),
    ),
    (
        "instructs AI readers",
        _rx(
            rf"\b(?:{_AI}|models?|machines?|automated\s+(?:systems?|readers?|tools?)|crawlers?|scrapers?)\s+"
            r"(?:that\s+(?:are\s+)?|which\s+(?:are\s+)?|who\s+(?:are\s+)?)?(?:reading|processing|parsing|"
            r"summari[sz]ing|indexing|ingesting|scanning|reads?|process(?:es)?|parses?|ingests?|answering\s+from)\s+"
            rf"(?:this|these|the\s+following|the\s+above)\b|\bif\s+you\s+are\s+(?:an?\s+)?(?:{_AI}|model|automated)\b"
        ),
    ),
    (
        "instructs AI readers",
        _rx(
            rf"\b(?:the|any|all|every|an|our|this)\s+(?:{_AI})\s+(?:must|should|shall|needs\s+to|has\s+to|have\s+to|"
            rf"is\s+to|are\s+to|is\s+required\s+to|are\s+required\s+to|is\s+instructed\s+to|are\s+instructed\s+to|"
            rf"is\s+expected\s+to|are\s+expected\s+to)\s+(?:now\s+|always\s+|never\s+|only\s+|not\s+|also\s+)*{_SAY}\b"
        ),
    ),
    (
        "instructs AI readers",
        _rx(
            rf"(?:^|[.!?\n]\s*)(?:{_AI})\s*[,:]\s*(?:please\s+)?(?:now\s+|always\s+|never\s+|just\s+)?"
            r"(?:ignore|say|tell|answer|respond|reply|pretend|act|output|print|write|claim|state|confirm|"
            r"recommend|forget|disregard|do\s+not|don'?t|stop|reveal|treat)\b"
        ),
    ),
    (
        "instructs AI readers",
        _rx(
            r"\b(?:instruct(?:s|ing|ed)?|command(?:s|ing|ed)?|order(?:s|ing|ed)?|requir(?:es|ing|ed))\s+"
            rf"(?:the\s+|any\s+|all\s+|you,?\s+the\s+)?(?:{_AI})\s+to\b"
        ),
    ),
    (
        "scripts the bot's answer",
        _rx(
            r"\b(?:when(?:ever)?|if|once)\s+(?:you\s+are\s+|you're\s+|you\s+get\s+|it\s+is\s+|you\s+were\s+)?"
            r"(?:asked|questioned|queried|prompted)\b[^.\n]{0,160}?[,:;]\s*(?:then\s+)?(?:you\s+(?:should|must|"
            r"shall|need\s+to)\s+)?(?:please\s+|always\s+|just\s+|simply\s+|only\s+)?"
            rf"{_VERB_OF_SAYING}\b"
        ),
    ),
    (
        "scripts the bot's answer",
        _rx(
            r"\b(?:when(?:ever)?|if)\s+(?:a\s+|the\s+|any\s+)?(?:users?|someone|somebody|anyone|people|"
            r"askers?)\s+(?:asks?|inquires?|wants\s+to\s+know|questions?)\b[^.\n]{0,160}?[,:;]\s*(?:then\s+)?"
            rf"(?:you\s+(?:should|must|shall|need\s+to)\s+|(?:the\s+)?(?:{_AI})\s+(?:should|must|shall)\s+)?"
            rf"(?:please\s+|always\s+|just\s+|simply\s+|only\s+)?{_VERB_OF_SAYING}\b"
        ),
    ),
    (
        "tells the bot what to tell its users",
        _rx(
            r"(?:^|[.!?:;\n]\s*|\byou\s+(?:(?:must|should|will|shall)\s+)?|\bplease\s+|\balways\s+)(?:please\s+)?"
            rf"(?:always\s+)?(?:tell|inform|assure|reassure|convince)\s+(?:all\s+)?{_AUDIENCE}\s+that\b"
        ),
    ),
    (
        "tells the bot what to tell its users",
        _rx(
            rf"\b(?:{_AI}|model)\s+(?:must|should|shall|needs\s+to|is\s+to|will\s+now)\s+(?:always\s+)?"
            r"(?:tell|inform|assure|reassure|advise)\s+(?:all\s+)?(?:the\s+)?(?:users?|members?|learners?|"
            r"people|everyone|anyone|physicians?|providers?|askers?)\b"
        ),
    ),
    (
        "fake system or admin marker",
        _rx(
            r"\[\s*/?\s*(?:system|admin|administrator|developer|dev|root|operator|assistant|instructions?|inst|"
            r"sys|override|prompt)\s*\](?!\s*\()|<\|\s*(?:im_start|im_end|im_sep|system|user|assistant|endoftext|"
            r"start_header_id|end_header_id|eot_id|begin_of_text)\s*\|>|<<\s*/?\s*sys\s*>>|</?\s*(?:system|"
            r"instructions?|admin|prompt)\s*>"
        ),
    ),
    (
        "fake system or admin marker",
        _rx(r"^\s*#{1,6}\s*(?:instruction|system|system\s+prompt|system\s+message|new\s+instructions)\s*:?\s*$"),
    ),
    (
        "fake system or admin marker",
        # Upper case only: "Developer: ACCME" is a plain label, "DEVELOPER NOTE:" is not.
        re.compile(
            r"^\s*\[?(?:SYSTEM|ADMIN|ADMINISTRATOR|DEVELOPER|OPERATOR)\]?\s*(?:NOTE|MESSAGE|OVERRIDE|PROMPT|"
            r"INSTRUCTIONS?)?\s*:",
            re.MULTILINE,
        ),
    ),
    (
        "fake system or admin marker",
        _rx(
            r"^\s*(?:system|admin|developer)\s+(?:message|note|prompt|instructions?|override)\s*:"
            r"|\b(?:admin(?:istrator)?|developer|dev|system|root|sudo|operator|security|maintenance|emergency|"
            r"priority|god)\s+(?:override|mode\s+(?:enabled|activated|on|engaged)|access\s+granted)\b"
            r"|\b(?:admin|developer|system|root)\s+(?:commands?|directives?|instructions?)\s*:"
            r"|\boverride\s+(?:code|mode|enabled|activated|accepted|instructions?)\b"
        ),
    ),
    (
        "asks the bot to reveal its instructions",
        _rx(
            r"\b(?:reveal|show|print|output|display|repeat|disclose|leak|share|tell\s+(?:me|us|users)|give\s+me|"
            r"write\s+out|dump|recite|paste|copy)\s+(?:me\s+|us\s+)?(?:all\s+of\s+)?"
            r"(?:(?:your|the|its)\s+(?:full\s+|entire\s+|complete\s+|exact\s+)?(?:system\s+prompt|system\s+message|"
            r"(?:initial|hidden|secret|original|internal|system)\s+(?:prompt|instructions))"
            r"|your\s+(?:full\s+|entire\s+|complete\s+|exact\s+)?(?:prompt|instructions|configuration)"
            r"(?!\s+(?:for|to|on|about|of|with)\b))\b"
            r"|\bwhat\s+(?:is|are|were)\s+your\s+(?:system\s+prompt|instructions|initial\s+prompt|rules)\b"
            r"|\bwhat\s+(?:were|have)\s+you\s+(?:been\s+)?(?:told|instructed)\b"
        ),
    ),
    (
        "tells the bot to hide its sources",
        _rx(
            r"\b(?:do\s+not|don'?t|never|avoid|stop|no\s+need\s+to|refrain\s+from)\s+(?:ever\s+)?(?:cit(?:e|ing)|"
            r"mention(?:ing)?|referenc(?:e|ing)|show(?:ing)?|includ(?:e|ing)|reveal(?:ing)?|list(?:ing)?|"
            r"link(?:ing)?\s+to|attribut(?:e|ing)|nam(?:e|ing)|giv(?:e|ing))\s+(?:any\s+|the\s+|your\s+|this\s+|"
            r"these\s+|a\s+)?(?:(?:sources?|citations?|references)(?!\s+of\b)|this\s+(?:document|page|file|note|text|"
            r"instruction|message)|where\s+(?:this|the\s+answer|it|the\s+information)\s+(?:came|comes)\s+from)\b"
            r"|\b(?:answer|respond|reply)\s+without\s+(?:cit(?:ing|ations)|sources|referenc(?:es|ing)|mentioning)\b"
            r"|\bkeep\s+(?:this|these)\s+(?:instructions?|notes?|messages?)\s+(?:secret|hidden|private|"
            r"confidential)\b|\b(?:do\s+not|don'?t|never)\s+(?:tell|let)\s+(?:the\s+)?(?:users?|anyone|them|"
            r"members?)\s+(?:know\s+)?(?:about\s+)?(?:this|these)\s+(?:instructions?|notes?|messages?)\b"
        ),
    ),
]

# In hidden content (HTML comments, invisible elements) a reader never sees, the bar is lower: any address to an AI
# or any instruction verb aimed at what the bot says is enough.
_HIDDEN_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "instruction hidden from human readers",
        _rx(
            rf"\b(?:{_AI})\b[^.\n]{{0,80}}?\b(?:say|tell|answer|respond|reply|claim|state|ignore|pretend|act|"
            r"output|always|never|must|should)\b"
        ),
    ),
    (
        "instruction hidden from human readers",
        _rx(
            r"(?:^|[.!?\n]\s*)(?:please\s+)?(?:always\s+|never\s+)?(?:say|tell|answer|respond|reply|claim|state|"
            r"ignore|disregard|forget|pretend|act\s+as|recommend|assure|reassure|confirm)\b[^.\n]{0,120}?"
            rf"\b(?:that|users?|members?|{_AUDIENCE}|everyone|accredited|always|never)\b"
        ),
    ),
]


def _snippet(text: str, start: int, end: int, width: int = 100) -> str:
    # From the start of the sentence that holds the match, on one line, so the report quotes whole words.
    line_start = text.rfind("\n", 0, start) + 1
    boundary = max(text.rfind(mark, line_start, start) for mark in (". ", "! ", "? "))
    left = boundary + 2 if boundary >= 0 else line_start
    prefix = ""
    if start - left > width // 2:  # a long sentence: start a few words before the match instead
        left, prefix = text.rfind(" ", left, start - 20) + 1, "…"
    line_end = text.find("\n", end)
    right = len(text) if line_end < 0 else max(line_end, end)
    snippet = prefix + " ".join(text[left:right].split())
    if len(snippet) > width:
        snippet = snippet[: width - 1].rstrip() + "…"
    return snippet


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _scan_one(text: str, where: str, hidden: bool) -> list[Finding]:
    findings: list[Finding] = []
    invisible = len(_INVISIBLE_IN_WORD.findall(unicodedata.normalize("NFKC", text)))
    if invisible >= _HEAVY_INVISIBLE:
        findings.append(
            Finding(f"{invisible} zero-width characters inside words", "text hidden with zero-width characters", where)
        )
    clean = normalise(text)
    patterns = _PATTERNS + (_HIDDEN_PATTERNS if hidden else [])
    taken: list[tuple[int, int]] = []
    for reason, pattern in patterns:
        for match in pattern.finditer(clean):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue  # one finding per passage, named by the most specific pattern
            taken.append((start, end))
            place = where if hidden else f"{where}, line {_line_of(clean, start)}"
            findings.append(Finding(_snippet(clean, start, end), reason, place))
    return findings


def scan(text: str, hidden: list[str] | None = None) -> list[Finding]:
    """Instructions addressed to the bot (or to any AI reading the file) in `text` and in `hidden`, the content a
    human reader never sees (HTML comments, invisible elements), which is never indexed but is scanned strictly."""
    findings = _scan_one(text, "text", hidden=False)
    for number, part in enumerate(hidden or [], 1):
        findings.extend(_scan_one(part, f"hidden content {number}", hidden=True))
    return findings


def summary(findings: list[Finding], limit: int = 1) -> str:
    """One line for an operator: the first finding(s) and how many more there are."""
    shown = "; ".join(f.describe() for f in findings[:limit])
    more = len(findings) - limit
    return shown + (f" (and {more} more)" if more > 0 else "")
