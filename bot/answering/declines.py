"""Why the bot cannot answer a CME question, and where the member can find out: a decline that names the kind of
answer it lacks and who holds it, instead of pointing every member at the accreditors.

Members' near-scope questions fall into a few kinds: their own organisation's records and policies, products and
vendors, prices, news and future dates, named people and contact details, one state's or one profession's board
rules, and event logistics. Each kind has its own honest reason and its own place to ask. The rules are read in
order; the first that fits names the reason. They decide the wording of a decline: whether to decline is the
fitted decision model's call (bot/answering/decision.py), except that a question asking for what only the member's
organisation, a named person or a recent decision holds is declined when no answer card answers it
(`held_elsewhere`): quoted rules would stand in for an answer the knowledge does not have."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answering.decision import asked_values

_STATES = (
    "alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|"
    "indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|"
    "montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|"
    "oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|"
    "west virginia|wisconsin|wyoming"
)


@dataclass(frozen=True)
class DeclineReason:
    kind: str
    why: str
    where: str


# Each kind: the words beyond what the decision model already reads as asking for that value (its `asked_values`,
# bot/answering/decision.py, which the kinds fee, recent, ours, best and person share), the reason, and where to ask.
_RULES: tuple[tuple[str, re.Pattern[str] | None, str, str], ...] = (
    (
        "status",
        None,  # read by `_PARTICULAR_CASE` below
        "I can't see the current status of a particular provider, activity, application or person",
        "the organisation itself, or the accreditor's own directory (ACCME's CME Finder, jointaccreditation.org, "
        "the board's portal)",
    ),
    (
        "ours",
        re.compile(
            r"\b(?:our|my)\s+(?:own\s+|next\s+|current\s+|last\s+)?(?:hospital|organi[sz]ation|institution|committee|"
            r"office|policy|policies|system|department|program(?:me)?|self-study|deadline|records?|ceo|chair|"
            r"director|cme office|team|bylaws|contract|budget|audit letter|accreditation|term|registration|"
            r"license|licence|certificates?|transcript)\b|\bat\s+st\.?\s+\w+",
            re.I,
        ),
        "I can't see your own or your organisation's records, deadlines or policies",
        "your CME office, your own records, or whoever owns that policy",
    ),
    (
        "best",
        re.compile(
            r"\b(?:recommend\w*|best|good|which|should we use|anyone use)\b[^?]{0,60}\b(?:software|tools?|platforms?|"
            r"lms|apps?|vendors?|survey\w*|qualtrics|surveymonkey|venues?|hotels?|podcasts?|books?|consultants?|"
            r"compan(?:y|ies)|products?|systems?|courses?|trainings?)\b|\b\w+ or \w+ for our\b",
            re.I,
        ),
        "I don't recommend products, vendors or platforms",
        "colleagues who run the same kind of program",
    ),
    (
        "fee",
        # Mentioning a fee is not asking for one ("can the grant cut the registration fee for everyone?").
        re.compile(r"\b(?:refunds?|tickets?|discounts?)\b", re.I),
        "I don't have current fees or prices: they change, and I only answer from the published rules",
        "the organisation that charges it",
    ),
    (
        "recent",
        re.compile(
            r"\b(?:last|this|next|upcoming|recent(?:ly)?)\s+webinar\b|\bwill\b[^?]{0,40}\b(?:renew\w*|change|happen)\b",
            re.I,
        ),
        "I don't have recent decisions, news or future dates: my knowledge is the published rules",
        "the authority's news page",
    ),
    (
        "person",
        re.compile(
            r"\bwho (?:is|was|are) (?:the )?current\b|\bphone number\b|\bemail address\b|\bcontact (?:details|info)\b|"
            r"\bstill chair\w*\b",
            re.I,
        ),
        "I don't keep names or contact details of staff",
        "the organisation's website",
    ),
    (
        "state",
        re.compile(rf"\b(?:{_STATES})\b|\bstate (?:medical |pharmacy |nursing )?board\b", re.I),
        "I don't hold each state board's current requirements: they change often and an outdated number is worse "
        "than none",
        "that state's licensing board (for pharmacists, nurses or PAs, their own board)",
    ),
)


# Whether a particular event has happened or a particular person or provider stands somewhere: "has Lakeside Health
# System gotten joint accreditation yet?", "did the ACCME decision on our progress report come out yet?", "has Dr.
# Patel met her ABIM MOC requirements?", "is the 2026 ESC congress already accredited?", "can you tell me if our
# activity got approved by EACCME yet?". A card on the general rule answers a different question.
_PARTICULAR_CASE = re.compile(
    r"\b(?:has|have|did|is|was|were|are|if|whether)\b[^?.]{0,80}\b(?:approved|approve|accredited|decided|come out|"
    r"came out|posted|released|announced|published|met|gotten|got|received|reviewed|processed|responded|renewed)\b"
    r"[^?.]{0,40}\byet\b"
    r"|\balready\s+(?:been\s+)?(?:accredited|approved|decided|published|posted|out|released|announced|registered)\b"
    r"|\b(?:has|did|is|was)\s+(?:dr\.?|doctor|prof\.?|professor)\s+[a-z]+"
    r"|\bprovider\s*(?:#|number|no\.?|id)\s*\d+"
    # A member's own record: "can you check whether my texas license renewal went through", "pull my cme transcript
    # from CME Passport", "did my ABIM points from october post yet?", "check my record pls".
    r"|(?<!how do we )(?<!how do i )(?<!how can we )(?<!how can i )(?<!where do we )(?<!where do i )"
    r"\bcheck (?:whether|if|on)\b[^?.]{0,60}\b(?:my|our)\b"
    r"|\b(?:pull|look up|find|show|check)\s+(?:up\s+)?(?:my|our)\s+(?:[\w-]+\s+){0,3}(?:record|records|transcript|"
    r"file|account|status|pars|portal|submission|application)\b|\bcheck my (?:credits|points)\b"
    # "has ABIM posted my MOC points from the conference last week?": one member's record, asked without "yet".
    r"|\b(?:has|have|did)\b[^?.]{0,40}\b(?:posted|uploaded|reported|received|processed|recorded)\s+(?:my|our)\b"
    r"|\bdid (?:my|our)\b[^?.]{0,60}\b(?:post yet|posted|upload(?:ed)?|go through|went through|get reported|show up)\b"
    r"|\bwho(?:'s| is)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:person|staff|contact|reviewer|specialist)\s+"
    r"(?:assigned|handling|for our)\b",
    re.I,
)
# What a body decided recently: "did ABIM change its MOC point requirements at its meeting last week?", "did the ANCC
# change contact hour rules at their meeting yesterday?". A card on the rule as published answers a different question.
_RECENT_CHANGE = re.compile(
    r"\b(?:did|has|have)\b[^?.]{0,60}\b(?:change|changed|decide|decided|vote|voted|announce|announced|update|updated|"
    r"revise|revised)\b[^?.]{0,60}(?:\b(?:last|this|recent)\s+(?:week|month|meeting)\b|\byesterday\b|\btoday\b"
    r"|\bthis morning\b)",
    re.I,
)
# Choosing a product: "which LMS do you recommend for PARS upload?", "which registration platform handles opt-in
# consent best?". Not "which company gave commercial support" or "which podcast episodes" (rules about them).
_PRODUCT = r"(?:lms|platforms?|software|vendors?|tools?|apps?)"
_PRODUCT_CHOICE = re.compile(
    rf"\b(?:which|what)\s+(?:[\w-]+\s+){{0,2}}{_PRODUCT}\b[^?]*\b(?:best|recommend\w*|good|handles?|should we|do you)\b"
    rf"|\b(?:best|recommend\w*|recs?)\b[^?]{{0,40}}\b{_PRODUCT}\b",
    re.I,
)


def decline_reason(question: str) -> DeclineReason | None:
    """The kind of answer the question asks for that the bot does not hold, with where to ask; None if no rule
    fits (the caller then names the authority or says it has no reliable source)."""
    asked = asked_values(question)
    if _PARTICULAR_CASE.search(question):
        asked = ("status", *asked)
    if _PRODUCT_CHOICE.search(question):
        asked = ("best", *asked)
    if _RECENT_CHANGE.search(question):
        asked = ("recent", *asked)
    for kind, extra, why, where in _RULES:
        if kind in asked or (extra is not None and extra.search(question)):
            return DeclineReason(kind, why, where)
    return None


def about_a_particular_case(question: str) -> bool:
    """Whether the question asks for a particular case's status, a product choice or a recent decision: what no rule,
    and so no answer card on a rule, answers."""
    return any(rule.search(question) for rule in (_PARTICULAR_CASE, _PRODUCT_CHOICE, _RECENT_CHANGE))


# A recent decision, not a recent year: "report by when for this year?" asks a rule (declining on "last year" or "this
# year" cost four right answers on the development sets), and so do "best" ("which association is best for CPD
# research people?") and "good news".
_RECENT_DECISION = re.compile(r"\b(?:last|this|recent)\s+(?:month|week|meeting)\b|\bdecided\b|\bannounced\b", re.I)


def held_elsewhere(question: str, asks: tuple[str, ...]) -> bool:
    """Whether the question asks for what only the member's organisation, a named person or a recent decision holds
    (`asks`: the decision model's `asked_values`)."""
    return "ours" in asks or "person" in asks or ("recent" in asks and bool(_RECENT_DECISION.search(question)))


def reason_by_why(why: str) -> DeclineReason | None:
    """The kind whose reason reads `why` (metrics label declines by kind from the answer's recorded reason)."""
    return next((DeclineReason(k, w, where) for k, _, w, where in _RULES if w == why), None)
