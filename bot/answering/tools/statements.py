"""Accreditation, designation, Joint Accreditation and IPCE statements with the question's names and numbers
filled in.

The fixed words are the knowledge files' own, character for character (tests compare them with the sections);
a placeholder the question does not fill stays in the knowledge's brackets, and wording the knowledge itself
marks as unconfirmed is flagged in the answer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from bot.answering.tools.credit import CREDIT_NAME, number
from bot.answering.tools.followup import follow_up_at
from bot.answering.tools.models import Citation, ToolAnswer
from bot.answering.tools.sources import cite
from bot.flows.credits import credits_for_minutes, tally
from bot.flows.timeparse import InputError, find_times

STATEMENTS_DOC = "accme/joint-providership-and-statements.md"
AMA_DOC = "ama/pra-category-1-credit.md"
JA_DOC = "joint-accreditation/joint-accreditation-ipce.md"


@dataclass(frozen=True)
class Template:
    name: str
    text: str  # {slot} for each placeholder
    defaults: dict[str, str]  # the knowledge's own bracketed placeholders
    doc: str
    keywords: tuple[str, ...]  # words of the heading of the section that quotes it
    caveat: str = ""  # how the knowledge qualifies the wording

    def citation(self) -> Citation:
        return cite(self.doc, *self.keywords)

    def fill(self, **values: str | None) -> str:
        """The statement with the values given; a slot left out or None keeps the knowledge's placeholder."""
        return self.text.format(**{k: v if (v := values.get(k)) is not None else d for k, d in self.defaults.items()})


_ACCME = "Accreditation Council for Continuing Medical Education (ACCME)"
ACCME_DIRECT = Template(
    "ACCME accreditation statement (directly provided activity)",
    "The {provider} is accredited by the " + _ACCME + " to provide continuing medical education for physicians.",
    {"provider": "[name of accredited provider]"},
    STATEMENTS_DOC,
    ("accreditation statement", "directly"),
    "The knowledge quotes this as the accreditation sentence of ACCME's joint providership wording; check "
    "ACCME's Accreditation Statement policy page before printing.",
)
ACCME_JOINT = Template(
    "ACCME accreditation statement (jointly provided activity)",
    "This activity has been planned and implemented in accordance with the accreditation requirements and policies "
    "of the " + _ACCME + " through the joint providership of {provider} and {partner}. The {provider} is accredited "
    "by the ACCME to provide continuing medical education for physicians.",
    {"provider": "[name of accredited provider]", "partner": "[name of nonaccredited provider]"},
    STATEMENTS_DOC,
    ("accreditation statement", "jointly"),
)
_CMA = "California Medical Association (CMA)"
CMA_DIRECT = Template(
    "CMA accreditation statement (directly provided activity)",
    "The {provider} is accredited by the " + _CMA + " to provide continuing medical education for physicians.",
    {"provider": "[name of accredited provider]"},
    STATEMENTS_DOC,
    ("state-accredited",),
    "This is CMA's published example, not an ACCME page; check CMA's current wording.",
)
CMA_JOINT = Template(
    "CMA accreditation statement (jointly provided activity)",
    "This activity has been planned and implemented in accordance with the accreditation requirements and policies "
    "of the " + _CMA + " through the joint providership of {provider} and {partner}. The {provider} is accredited "
    "by CMA to provide continuing medical education for physicians.",
    {"provider": "[accredited provider]", "partner": "[nonaccredited provider]"},
    STATEMENTS_DOC,
    ("state-accredited",),
    CMA_DIRECT.caveat,
)
DESIGNATION = Template(
    "AMA credit designation statement",
    "The {provider} designates this {format} for a maximum of {credits} " + CREDIT_NAME + "{plural}™. Physicians "
    "should claim only the credit commensurate with the extent of their participation in the activity.",
    {
        "provider": "[name of accredited CME provider]",
        "format": "[learning format]",
        "credits": "[number of credits]",
        "plural": "(s)",
    },
    AMA_DOC,
    ("designation statement",),
)
JOINT_ACCREDITATION = Template(
    "Joint Accreditation statement",
    "In support of improving patient care, {organization} is jointly accredited by the " + _ACCME + ", the "
    "Accreditation Council for Pharmacy Education (ACPE), and the American Nurses Credentialing Center (ANCC), to "
    "provide continuing education for the healthcare team.",
    {"organization": "[organization]"},
    JA_DOC,
    ("joint accreditation", "statement"),
    "Unconfirmed: the knowledge could not confirm this wording on jointaccreditation.org and older versions differ; "
    "copy the current wording from jointaccreditation.org.",
)
IPCE = Template(
    "IPCE credit statement",
    "This activity was planned by and for the healthcare team, and learners will receive {credits} "
    "Interprofessional Continuing Education (IPCE) {credit_word} for learning and change.",
    {"credits": "[#]", "credit_word": "credit(s)"},
    JA_DOC,
    ("ipce credit", "statement"),
)
TEMPLATES = [ACCME_DIRECT, ACCME_JOINT, CMA_DIRECT, CMA_JOINT, DESIGNATION, JOINT_ACCREDITATION, IPCE]

# --- what the question asks for ----------------------------------------------------------------------------
_KINDS = [
    ("ja", re.compile(r"\bjoint accreditation\b(?! for interprofessional continuing education credit)|"
                      r"\bjointly accredited\b|\bja\b")),
    ("ipce", re.compile(r"\bipce\b|\binterprofessional continuing education credit")),
    ("co", re.compile(r"\bco-?provid\w*|\bco-?sponsor\w*")),
    ("designation", re.compile(r"\bdesignation\b|\bcredit statement\b|\bama (?:pra )?statement\b")),
    ("joint", re.compile(r"\bjoint(?:ly)? (?:provid\w*|sponsor\w*)|\bjoint provider|\bjoint statement")),
    ("accreditation", re.compile(r"\baccreditation statement|\baccredited statement|\bcme statement\b")),
]  # fmt: skip
_STATEMENT = re.compile(r"\bstatements?\b|\bwording\b|\btemplate\b|\blanguage\b|\bdisclaimer\b")
# Asking about a statement, not for one: "what must an accreditation statement include?"
_ABOUT = re.compile(
    r"\b(?:include|includes|contain|contains|required|require|requires|requirement|must|should|mandatory|"
    r"necessary|needed|when|where|why|who|difference|differ|versus|vs\.?|mean|means|placement|place|put|appear|"
    r"italic\w*|font|size|order|allowed|permitted|rules?|explain|purpose|elements?|parts?|components?|change[ds]?|"
    r"update[ds]?|old|older|new|current|valid|okay|ok|correct|wrong|compliant|missing|omit|drop|use|used|using|"
    r"pending|applied for|save[- ]the[- ]date|is there|are there|do(?:es)? (?:it|we|i|they|this|that|our) "
    r"(?:need|have|require))\b"
)
# Asking for one outright wins over the about-words ("write the statement we should use for ...").
_REQUEST = re.compile(
    r"\b(?:give|write|draft|generate|create|fill|fill in|compose|prepare|produce|send|show me|paste|customi[sz]e|"
    r"personali[sz]e|adapt)\b"
)
_FORMATS = [
    ("enduring material", r"\benduring|\bon-?demand\b|\bpodcast|\bonline (?:module|course)|\bmonograph|\brecorded"
                          r"|\bself-?paced|\be-?learning"),
    ("journal-based CME activity", r"\bjournal"),
    ("live activity", r"\blive\b|\bwebinar|\bconference|\bworkshop|\bgrand rounds|\bmeeting|\bcourse\b|\bsymposium"
                      r"|\bseminar|\bsummit|\blecture|\bregularly scheduled|\brss\b|\btumou?r board|\bm&m\b"),
]  # fmt: skip
_CREDITS = re.compile(
    r"(?<![\d.])(\d{1,3}(?:\.\d{1,2})?)\s*-?\s*(?:ama pra category 1 |category 1 |cat 1 |cme |ipce )?credits?\b|"
    r"\bmaximum of (\d{1,3}(?:\.\d{1,2})?)\b|\b(\d{1,3}(?:\.\d{1,2})?)\s*-?\s*(?:cme )?hours? of (?:credit|cme)\b"
)


def _kinds(lower: str) -> list[str]:
    kinds = [kind for kind, pattern in _KINDS if pattern.search(lower)]
    # "the statements for our workshop": the accreditation and the designation statement, as materials need both.
    if re.search(r"\b(?:both|the|our|all) (?:\w+ )?statements\b", lower) and "designation" not in kinds:
        kinds += ["designation"] if kinds and kinds[0] in {"joint", "accreditation"} else []
        if not kinds:
            kinds = ["accreditation", "designation"]
    if "ja" in kinds:
        kinds = [k for k in kinds if k not in {"joint", "accreditation"}]
    if "ipce" in kinds:
        kinds = [k for k in kinds if k != "designation"]
    cut = follow_up_at(lower)
    if "joint" in kinds and cut >= 0 and re.search(r"\bdirect(?:ly)?\b", lower[cut:]):
        # "the jointly provided statement? ... and if it's just us, directly provided?": the follow-up's kind wins.
        kinds = ["accreditation" if k == "joint" else k for k in kinds]
    if "joint" in kinds and "accreditation" in kinds:
        kinds.remove("accreditation")
    return list(dict.fromkeys(kinds))


# Statements of accreditors the tool has no template for: the answer cards and passages give theirs.
_OTHER_ACCREDITORS = re.compile(r"\b(?:eaccme|ecmecs?|uems|european cme|aafp|aapa|aoa|royal college)\b")


def wants_statement(question: str) -> bool:
    lower = question.lower()
    if not _STATEMENT.search(lower) or not _kinds(lower) or _OTHER_ACCREDITORS.search(lower):
        return False
    if _REQUEST.search(lower):
        return True
    # Left: "what is the joint providership statement?" or "designation statement for ...", which ask for the
    # wording itself, unless the question is about the statement ("do we need one on save-the-dates?").
    question_start = r"^\s*(?:do|does|is|are|can|could|should|must|when|where|why|who|how|which)\b"
    return not (_ABOUT.search(lower) or re.match(question_start, lower))


# --- names ---------------------------------------------------------------------------------------------------
_WORD = r"[A-Z0-9][\w.'’&-]*"
_NAME = rf"(?:(?:the|The)\s+)?{_WORD}(?:\s+(?:(?:of|for|on|in|de|la|the|at|&)\s+)*{_WORD})*"
_NOT_NAMES = {
    "accme", "ama", "pra", "cme", "ipce", "ancc", "acpe", "joint", "accreditation", "statement", "statements",
    "category", "credit", "credits", "designation", "i", "we", "our", "can", "could", "please", "give", "write",
    "draft", "what", "the", "need", "thanks", "hi", "hello", "cma", "providership", "provider", "activity",
}  # fmt: skip
_ACCREDITED_CUE = re.compile(
    r"(?:(?<!non)(?<!non-)(?<!un)(?:accredited )?(?:provider|organi[sz]ation)\s*(?:is|:|=)?\s*)(?P<a>" + _NAME + r")|"
    r"(?P<b>" + _NAME + r")\s*(?:\((?:the )?accredited(?: provider)?\)|,? (?:is|being) (?:the )?accredited\b|"
    r", the accredited provider)",
)
_NONACCREDITED_CUE = re.compile(
    r"(?:non-?accredited|unaccredited|joint) (?:provider|organi[sz]ation|partner|society)\s*(?:is|:|=)?\s*"
    r"(?P<a>" + _NAME + r")|"
    r"(?P<b>" + _NAME + r")\s*(?:\((?:the )?(?:non-?accredited|not accredited|joint provider)[^)]*\)|"
    r",? (?:is|being) (?:not accredited|non-?accredited|the non-?accredited|the joint provider))",
)
_ACCREDITOR = re.compile(r"\baccredited by (?:the )?(?P<name>" + _NAME + r")")


def _clean(name: str | None) -> str:
    if not name:
        return ""
    words = name.strip(" .,;:'\"").split()
    while words and words[-1].lower() in _NOT_NAMES | {"and"}:
        words.pop()
    while words and words[0].lower() in _NOT_NAMES - {"the"}:
        words.pop(0)
    if not words or all(w.lower() in _NOT_NAMES for w in words):
        return ""
    return " ".join(words)


def _names(question: str) -> list[str]:
    """Organisation names as typed, in order, after words like "for", "between", "of", "with"."""
    names: list[str] = []
    for match in re.finditer(
        rf"\b(?:for|between|of|with|by|from|and|&|:)\s+(?P<name>{_NAME})", question.replace("’", "'")
    ):
        name = _clean(match.group("name"))
        accreditor = re.search(r"\baccredited by (?:the )?$", question[: match.start("name")])
        if name and not accreditor and name.lower() not in {n.lower() for n in names}:
            names.append(name)
    return names


def _bare(name: str) -> str:
    # The templates open with "The [provider]": "The Mercy Hospital" is fine, "The The Heart Society" is not.
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)


@dataclass(frozen=True)
class _Parties:
    provider: str
    partner: str
    assumed: str = ""


def _parties(question: str) -> _Parties:
    names = _names(question)
    accredited = _ACCREDITED_CUE.search(question)
    nonaccredited = _NONACCREDITED_CUE.search(question)
    provider = _clean(accredited.group("a") or accredited.group("b")) if accredited else ""
    partner = _clean(nonaccredited.group("a") or nonaccredited.group("b")) if nonaccredited else ""
    rest = [n for n in names if _bare(n).lower() not in {_bare(provider).lower(), _bare(partner).lower()}]
    assumed = ""
    if not provider and rest and (partner or len(rest) >= 2 or not re.search(r"\bwith\s+" + re.escape(rest[0]),
                                                                              question)):  # fmt: skip
        provider = rest.pop(0)
        if not partner and rest:
            assumed = f"{_bare(provider)} is the accredited provider and {rest[0]} the nonaccredited one (swap if not)"
    if not partner and rest:
        partner = rest.pop(0)
    return _Parties(provider, partner, assumed)


def _format(lower: str) -> str:
    for name, pattern in _FORMATS:
        if re.search(pattern, lower):
            return name
    return ""


def _credits(question: str, lower: str, fmt: str) -> tuple[Decimal | None, str]:
    """The number of credits stated, or calculated from the times given, with the working."""
    found = _CREDITS.search(lower)
    if found:
        return Decimal(next(g for g in found.groups() if g)), ""
    try:
        mentions = [m for m in find_times(question)]
        if not any(not m.is_break for m in mentions):
            return None, ""
        t = tally(mentions)
    except InputError:
        return None, ""
    credits = credits_for_minutes(t.minutes)
    if not credits:
        return None, ""
    working = f"{t.minutes} min of education" + (f" after {t.break_minutes} min of breaks" if t.break_minutes else "")
    rule = "enduring material" if "enduring" in fmt else "live activity"
    return credits, f"{working} = {number(credits)} at 60 min per credit ({rule} rule)."


# --- the answer ----------------------------------------------------------------------------------------------
def statement_answer(question: str) -> ToolAnswer | None:
    lower = question.lower()
    kinds = _kinds(lower)
    if not kinds:
        return None
    parts: list[str] = []
    citations: list[Citation] = []
    assumptions: list[str] = []
    notes: list[str] = []

    def add(template: Template, text: str, extra: str = "") -> None:
        parts.append(f"{template.name}:\n{text}")
        citation = template.citation()
        if citation not in citations:
            citations.append(citation)
        for note in (template.caveat, extra):
            if note and note not in notes:
                notes.append(note)

    parties = _parties(question)
    if "co" in kinds:
        add(
            ACCME_DIRECT,
            ACCME_DIRECT.fill(provider=_bare(parties.provider) or None),
            "There is no co-provided statement: when two accredited providers work together, the one that awards "
            "the credit takes responsibility and uses the direct statement.",
        )
    if "ja" in kinds:
        organization = parties.provider or parties.partner
        add(JOINT_ACCREDITATION, JOINT_ACCREDITATION.fill(organization=organization or None))
    if "ipce" in kinds:
        credits, working = _credits(question, lower, "live")
        add(
            IPCE,
            IPCE.fill(
                credits=number(credits) if credits else None,
                credit_word=("credit" if credits <= 1 else "credits") if credits else None,
            ),
        )
    if ("joint" in kinds or "accreditation" in kinds) and "co" not in kinds:
        accreditor = _ACCREDITOR.search(question)
        accreditor_name = _clean(accreditor.group("name")) if accreditor else ""
        joint = "joint" in kinds or bool(parties.partner)
        cma = bool(re.search(r"\bcma\b|california medical association", lower))
        template = (CMA_JOINT if joint else CMA_DIRECT) if cma else (ACCME_JOINT if joint else ACCME_DIRECT)
        text = template.fill(provider=_bare(parties.provider) or None, partner=parties.partner or None)
        extra = ""
        if accreditor_name and not cma and not accreditor_name.lower().startswith(("accme", "accreditation council")):
            # Other state accreditors: the knowledge says they use the same pattern with their own name.
            text = text.replace(_ACCME, accreditor_name).replace("the ACCME", f"the {accreditor_name}")
            extra = (
                f"Unconfirmed: state accreditors use this pattern with their own name, but check {accreditor_name}'s "
                "exact wording; a state-accredited provider must not say it is accredited by the ACCME."
            )
        if joint and parties.assumed:
            assumptions.append(parties.assumed)
        add(template, text, extra)
    if "designation" in kinds:
        fmt = _format(lower)
        credits, working = _credits(question, lower, fmt)
        text = DESIGNATION.fill(
            provider=_bare(parties.provider) or None,
            format=fmt or None,
            credits=number(credits) if credits else None,
            plural=("" if credits <= 1 else "s") if credits else None,
        )
        add(DESIGNATION, text, working)
        notes.append("Write the credit name in italics with the ™, and keep the second sentence.")
        if working:
            assumptions.append("all the time counted is CME content; breaks named are inside the stated time")
    if not parts:
        return None
    unfilled = sorted(set(re.findall(r"\[[^\]]+\]", " ".join(parts))))
    if unfilled:
        notes.append("Replace " + ", ".join(unfilled) + ".")
    text = "\n".join(parts) + ("\n" + " ".join(notes) if notes else "")
    return ToolAnswer("statement", text, citations, assumptions)
