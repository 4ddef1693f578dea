"""Is it accredited or just another webinar? The checks on a flyer's text, each finding citing its rule.

A pipeline of small readers over the normalised text: the accreditation statement (ACCME direct, joint
providership, Joint Accreditation, a state medical society, EACCME, and the other professions' accreditors),
the credit designation statement, the provider and joint provider, then the red flags. The verdict follows from
them and never contradicts them: a disqualifying red flag rules out "statements_complete".

Only wording is checked. Whether the named provider really is accredited is for ACCME's list or CME Passport
(`VERIFY_LINKS`); the verdict says so every time."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from bot.checker.extract import FlyerText, normalise
from bot.checker.rules import RULES, VERIFY_LINKS

Verdict = Literal["statements_complete", "statements_incomplete", "no_accreditation_statement"]
RED_FLAGS = (
    "no_accreditation_statement",
    "credit_pending",
    "category2_advertised",
    "attendance_certificate_only",
    "ineligible_company_provider",
    "industry_logos",
    "no_joint_providership_statement",
    "missing_commensurate_clause",
)
# Red flags about something beside the statements (Standards 4 and 5): flagged, but they leave complete statements
# complete. Every other red flag, the disqualifying ones first, rules "statements_complete" out.
BESIDE_THE_STATEMENTS = frozenset({"industry_logos"})

ACCREDITOR_NAMES = {
    "ACCME": "the ACCME",
    "Joint Accreditation": "Joint Accreditation (ACCME, ACPE, ANCC)",
    "state": "a state medical society",
    "EACCME": "the EACCME",
    "AOA": "the AOA",
    "AAFP": "the AAFP",
    "ANCC": "the ANCC",
    "ACPE": "the ACPE",
    "AAPA": "the AAPA",
}


@dataclass
class Finding:
    finding: str
    rule: str
    source: str


@dataclass
class CheckResult:
    verdict: Verdict
    accreditor: str | None
    provider: str | None
    credit: dict[str, Any] | None
    red_flags: list[str]
    findings: list[Finding]
    joint_provider: str | None = None
    confidence: str = "high"
    summary: str = ""
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form `cmebot check --json` prints."""
        return {
            "verdict": self.verdict,
            "accreditor": self.accreditor,
            "provider": self.provider,
            "credit": self.credit,
            "red_flags": list(self.red_flags),
            "findings": [asdict(finding) for finding in self.findings],
            "joint_provider": self.joint_provider,
            "confidence": self.confidence,
            "summary": self.summary,
            "notes": list(self.notes),
        }


# --- the readers ---------------------------------------------------------------------------------------------
_ACCME = r"(?:the\s+)?(?:Accreditation\s+Council\s+for\s+Continuing\s+Medical\s+Education\s*(?:\(ACCME\))?|ACCME)"
_FOR_PHYSICIANS = r"to\s+provide\s+continuing\s+medical\s+education\s+(?:\(CME\)\s+)?for\s+physicians"
_ACCME_DIRECT = re.compile(rf"\bis\s+accredited\s+by\s+{_ACCME}\s+{_FOR_PHYSICIANS}", re.IGNORECASE)
# The wording before ACCME's "to provide": still a statement naming provider and accreditor, noted as outdated.
_ACCME_OLD = re.compile(
    rf"\bis\s+accredited\s+by\s+{_ACCME}\s+to\s+sponsor\s+continuing\s+medical\s+education", re.IGNORECASE
)
_ACCME_SPONSOR = re.compile(rf"\bis\s+accredited\s+by\s+{_ACCME}\s+to\s+sponsor\b", re.IGNORECASE)
_JOINTLY_ACCREDITED = re.compile(
    r"\bis\s+jointly\s+accredited\s+by\s+the\s+Accreditation\s+Council\s+for\s+Continuing\s+Medical\s+Education",
    re.IGNORECASE,
)
_JOINT_PROVIDERSHIP = re.compile(
    r"planned\s+and\s+implemented\s+in\s+accordance\s+with\s+the\s+accreditation\s+requirements\s+and\s+policies\s+"
    r"of\s+.{0,160}?\s+through\s+the\s+joint\s+providership\s+of\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)\s*(?:\.(?:\s|$)|\n)",
    re.IGNORECASE | re.DOTALL,
)
_STATE = re.compile(
    r"\bis\s+accredited\s+by\s+(?:the\s+)?(?P<body>(?:[A-Z][\w.'-]*\s+){0,4}(?:State\s+)?Medical\s+(?:Society|Association)"
    r"(?:\s+of\s+(?:the\s+State\s+of\s+)?[A-Z][\w]+(?:\s+[A-Z][\w]+)?)?|Medical\s+Society\s+of\s+the\s+State\s+of\s+"
    r"[A-Z]\w+(?:\s+[A-Z]\w+)?)\s*(?:\([A-Z]+\))?\s+" + _FOR_PHYSICIANS,
)
_EACCME = re.compile(
    r"accredited\s+by\s+the\s+European\s+Accreditation\s+Council\s+for\s+Continuing\s+Medical\s+Education", re.I
)
_OTHER_ACCREDITORS = {
    "AOA": re.compile(r"accredited\s+by\s+the\s+American\s+Osteopathic\s+Association", re.I),
    "AAFP": re.compile(
        r"acceptable\s+for\s+(?:up\s+to\s+)?\d{1,3}(?:\.\d{1,2})?\s+(?:[\w,]+\s+){0,3}(?:AAFP\s+)?Prescribed\s+credit",
        re.I,
    ),
    "ANCC": re.compile(r"accredited\s+.{0,80}?by\s+the\s+American\s+Nurses\s+Credentialing\s+Center", re.I | re.S),
    "ACPE": re.compile(r"accredited\s+by\s+the\s+Accreditation\s+Council\s+for\s+Pharmacy\s+Education", re.I),
    # AAPA's "not yet approved... plan to request" pre-approval wording is not a statement.
    "AAPA": re.compile(
        r"(?<!not yet )(?:designated|approved)\s+for\s+(?:up\s+to\s+)?\d{1,3}(?:\.\d{1,2})?\s+"
        r"AAPA\s+Category\s+1\s+CME",
        re.I,
    ),
}
# "X is (jointly) accredited [as a provider ...] by": whose statement it is.
_IS_ACCREDITED = re.compile(r"\bis\s+(?:jointly\s+)?accredited\b", re.IGNORECASE)
_AMOUNT = r"(?P<amount>\d{1,3}(?:\.\d{1,2})?)"
_DESIGNATION = re.compile(
    # Up to 300 characters may sit between "for" and "a maximum of": a PDF page break with its footer.
    rf"designates\s+this\s+(?P<format>[\w\s,()/-]{{3,80}}?)\s+for\b.{{0,300}}?(?:a\s+maximum\s+of|up\s+to)\s+"
    rf"{_AMOUNT}\s+AMA\s+PRA\s+Category\s+(?P<category>[12])\s+Credits?",
    re.IGNORECASE | re.DOTALL,
)
_OLD_DESIGNATION = re.compile(
    rf"(?:has\s+been\s+)?(?:approved|certified)\s+for\s+(?:up\s+to\s+|a\s+maximum\s+of\s+)?(?:{_AMOUNT}\s+)?"
    r"(?:hours?\s+(?:of\s+)?)?(?:in\s+)?(?:AMA\s+PRA\s+)?Category\s+1\b(?!-)",
    re.IGNORECASE,
)
_COMMENSURATE = re.compile(
    r"commensurate\s+with\s+the\s+extent\s+of\s+.{0,30}?participation"
    r"|claim\s+only\s+(?:those\s+)?hours\s+of\s+credit\s+that\s+(?:he|she|he/she|they)\s+actually\s+spent",
    re.IGNORECASE | re.DOTALL,
)
_ECMEC = re.compile(
    rf"(?:maximum\s+of|with)\s+{_AMOUNT}\s+(?:hours\s+of\s+)?European\s+(?:external\s+)?CME\s+credits", re.I
)
_AAFP_CREDIT = re.compile(
    rf"acceptable\s+for\s+(?:up\s+to\s+)?{_AMOUNT}\s+(?:[\w,]+\s+){{0,3}}Prescribed\s+credit", re.IGNORECASE
)
_AOA_CREDIT = re.compile(rf"{_AMOUNT}\s+AOA\s+Category\s+1-?A\s+credits?", re.IGNORECASE)
_ANCC_CREDIT = re.compile(rf"{_AMOUNT}\s+(?:ANCC\s+|nursing\s+)?contact\s+hours?", re.IGNORECASE)
# AAPA credit as approved, not the "plan to request N AAPA Category 1 CME credits" pre-approval sentence.
_AAPA_APPROVED = re.compile(
    rf"(?<!not yet )(?:designated|approved)\s+for\s+(?:up\s+to\s+)?{_AMOUNT}\s+AAPA\s+Category\s+1\s+CME", re.I
)

_PENDING = re.compile(
    r"(?:AMA\s+PRA|Category\s+1|CME|continuing\s+medical\s+education|ACCME|EACCME|accreditation|credits?)"
    r"[^.\n]{0,60}?\b(?:pending|applied\s+for|(?:has\s+been|will\s+be|being)\s+(?:requested|sought|applied)|"
    r"application\s+(?:is\s+)?(?:in\s+process|submitted|under\s+review))\b"
    r"|\b(?:pending|applied\s+for)\b[^.\n]{0,40}?(?:AMA\s+PRA|Category\s+1|CME\s+credit|accreditation)",
    re.IGNORECASE,
)
_NOT_PHYSICIAN = re.compile(r"nurs|ANCC|contact\s+hours?|pharmac|ACPE|AAPA|physician\s+assistant", re.IGNORECASE)
_CATEGORY_2 = re.compile(
    r"(?:earn|offer(?:s|ed|ing)?|award(?:s|ed)?|approved\s+for|certif(?:y|ies|ied)|designat(?:es|ed)|provides?|receive)"
    r"(?:[^.\n]|\.\d){0,80}?AMA\s+PRA\s+Category\s+2|AMA\s+PRA\s+Category\s+2\s+Credits?[^.\n]{0,40}?"
    r"(?:will\s+be\s+(?:awarded|issued|certified)|available|offered|awarded)",
    re.IGNORECASE,
)
_ATTENDANCE = re.compile(r"certificates?\s+of\s+(?:attendance|participation|completion)|attendance\s+certificate", re.I)
_ORGANIZER = re.compile(
    r"\b(?:[Pp]resented|[Hh]osted|[Oo]rgani[sz]ed|[Bb]rought\s+to\s+you|[Jj]ointly\s+provided|[Cc]o-?sponsored|"
    # "Provided by:" as a label, or credit "provided by" someone; not "supplies are provided by" (in-kind support).
    r"^[Pp]rovided(?=\s+by\s*:)|(?:CME|[Cc]redits?(?:\s*\(TM\)|™)?)\s+(?:is\s+|are\s+)?provided)\s+"
    r"by\s*:?\s+(?:the\s+)?(?P<org>[A-Z][\w&.,'’ -]{2,80}?)(?=\s*(?:[.;\n(!]|,\s|\s+and\s+|\s+in\s+"
    r"(?:partnership|collaboration|association)|$))"
    # "The Evergreen Rheumatology Alliance presents its annual...", "HARBOR VALLEY DERMATOLOGY SOCIETY\npresents"
    r"|(?:^|\n|\.\s)\s*(?:The\s+)?(?P<subject>[A-Z][\w&'’-]*(?:\s+(?:(?:of|for|and|the|in|on|de|du|des)\s+)?"
    r"[A-Z][\w&'’-]*){1,7})\s+"
    r"(?:presents|invites\s+you|is\s+pleased\s+to\s+present|welcomes\s+you)\b",
    re.MULTILINE,
)
_ORG_WORDS = re.compile(
    r"\b(?:Society|Soci[ée]t[ée]|Association|Alliance|Academy|College|Coalition|Network|Foundation|Group|Institute|"
    r"Council|Cent(?:er|re)|Hospital|University|Universit[ée]|Department|Club|Partners|Collaborative|Consortium|"
    r"Federation|Chapter|Practice|Clinic|Health|Medical|Board|Committee|Inc|LLC|Ltd|Corp|GmbH|Company|Division|"
    r"School|System|Services|Affairs|Education)\b",
    re.IGNORECASE,
)
# "... is the education division of Solvix Medical, Inc.": a provider that belongs to a company.
_PARENT = re.compile(
    r"\b(?:division|subsidiary|affiliate|unit|arm)\s+of\s+(?P<parent>[A-Z][\w&.'’ -]{2,60}?,?\s+"
    r"(?:Inc|LLC|Ltd|Corp|Corporation|GmbH|plc|AG|S\.A)\b\.?)"
)
_SUPPORT_CONTEXT = re.compile(r"(?:educational\s+grants?|support(?:ed)?|exhibit|in-kind|grant)\s*$", re.IGNORECASE)

# Words in an organization's name that mark a maker or seller of healthcare products (ACCME: ineligible companies).
_INELIGIBLE_WORDS = re.compile(
    r"\b(?:pharma\w*|therapeutics|biopharma\w*|bioscience\w*|biotech\w*|biologics|medical\s+devices?|devices|"
    r"diagnostics|surgical,?\s+(?:inc|llc|corp|co)\b|medical,?\s+(?:inc|llc|corp)\b|orthop(?:a)?edics|vaccines?|"
    r"medtech|lifesciences|life\s+sciences)\b",
    re.IGNORECASE,
)
_KNOWN_INELIGIBLE = re.compile(
    r"\b(?:Pfizer|Merck|Novartis|Roche|Genentech|AstraZeneca|Johnson\s*&\s*Johnson|Janssen|Eli\s+Lilly|Lilly|"
    r"Bristol[- ]Myers|GSK|GlaxoSmithKline|Sanofi|AbbVie|Amgen|Gilead|Bayer|Boehringer|Takeda|Novo\s+Nordisk|"
    r"Medtronic|Abbott|Boston\s+Scientific|Stryker|Zimmer|Edwards\s+Lifesciences|Baxter|Becton|Siemens\s+Healthineers|"
    r"Biogen|Regeneron|Vertex|Moderna|Teva|Viatris|Intuitive\s+Surgical)\b",
)
_ACCREDITOR_MARK = re.compile(
    r"\b(?:ACCME|Joint\s+Accreditation|JA\b|ANCC|ACPE|AAFP|AOA|AAPA|EACCME|UEMS|accredit)", re.IGNORECASE
)
_LOGO = re.compile(r"\blogo\b|\blogotype\b|\bbrand(?:ing|mark)\b", re.IGNORECASE)
_TEXT_LOGO = re.compile(r"[\[(]\s*(?P<what>[^\])\n]{2,60}?)\s*logo\s*[\])]", re.IGNORECASE)


def _sentence_before(text: str, end: int, limit: int = 200) -> str:
    """The name before `end` ("... is accredited by"): back to its sentence start or blank line. A PDF wraps long
    names over lines, so a single line break does not end it unless the text before it is a whole sentence."""
    chunk = text[max(0, end - limit) : end]
    ends = [chunk.rfind(sep) + len(sep) for sep in (". ", ".\n", "\n\n", ": ", "| ", "! ", "? ", "•") if sep in chunk]
    subject = chunk[max(ends, default=0) :]
    lines = [line.strip() for line in subject.splitlines() if line.strip()]
    # Headings and labels on lines of their own ("Accreditation", "Credit designation") are not the name.
    while len(lines) > 1 and (len(lines[0].split()) <= 3 or len(" ".join(lines).split()) > 14):
        lines.pop(0)
    subject = " ".join(lines)
    subject = re.sub(r"^(?:In\s+support\s+of\s+improving\s+patient\s+care,\s*)", "", subject, flags=re.I)
    subject = re.sub(r"^(?:Accreditation(?:\s+statement)?|Physicians|Nurses|Pharmacists)\s*[:.-]?\s*", "", subject)
    return _clean_name(subject)


def _clean_name(name: str) -> str:
    name = " ".join(name.split()).strip(" ,;:-\"'")
    name = re.sub(r"\s*\([A-Z]{2,8}\)$", "", name)  # "Baltic Association ... (BAPKC)"
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)


def looks_ineligible(name: str) -> bool:
    """A name that reads like a drug, device or diagnostics maker. A hint for the member to confirm, not proof."""
    return bool(_INELIGIBLE_WORDS.search(name) or _KNOWN_INELIGIBLE.search(name))


def _words(name: str) -> set[str]:
    stop = {"the", "of", "and", "for", "inc", "llc", "a", "&", "at", "in", "annual"}
    return {w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in stop}


def _same_org(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


@dataclass
class _Reading:
    accreditors: list[str] = field(default_factory=list)
    providers: dict[str, str] = field(default_factory=dict)  # accreditor -> the provider its statement names
    joint_provider: str | None = None
    joint_statement: bool = False
    old_wording: bool = False
    designation: re.Match[str] | None = None
    old_designation: re.Match[str] | None = None
    commensurate: bool = False
    credit: dict[str, Any] | None = None
    organizers: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)

    def provider_for(self, accreditor: str | None) -> str | None:
        if accreditor and self.providers.get(accreditor):
            return self.providers[accreditor]
        return next((name for name in self.providers.values() if name), None)


def _whose(text: str, start: int) -> str:
    """The provider a statement at `start` names: the words before "is (jointly) accredited"."""
    window = text[max(0, start - 40) : start + 40]
    found = list(_IS_ACCREDITED.finditer(window))
    at = max(0, start - 40) + found[0].start() if found else start
    return _sentence_before(text, at)


def _read_statements(text: str) -> _Reading:
    reading = _Reading()

    def add(accreditor: str, provider: str | None) -> None:
        if accreditor not in reading.accreditors:
            reading.accreditors.append(accreditor)
        if provider and provider.lower().split()[0] not in ("this", "it", "the", "activity"):
            reading.providers.setdefault(accreditor, provider)

    joint = _JOINT_PROVIDERSHIP.search(text)
    if joint:
        reading.joint_statement = True
        reading.providers["ACCME"] = _clean_name(joint.group("a"))
        reading.joint_provider = _clean_name(joint.group("b"))
    if (jointly := _JOINTLY_ACCREDITED.search(text)) is not None:
        add("Joint Accreditation", _whose(text, jointly.start()))
    for pattern, old in ((_ACCME_DIRECT, False), (_ACCME_OLD, True)):
        for match in pattern.finditer(text):
            add("ACCME", _whose(text, match.start()))
            reading.old_wording = reading.old_wording or old
    if (state := _STATE.search(text)) is not None:
        add("state", _whose(text, state.start()))
    if _EACCME.search(text):
        add("EACCME", None)
    for name, pattern in _OTHER_ACCREDITORS.items():
        if (match := pattern.search(text)) is not None:
            add(name, _whose(text, match.start()) if name in ("AOA", "ANCC", "ACPE") else None)
    reading.designation = _DESIGNATION.search(text)
    reading.old_designation = None if reading.designation else _OLD_DESIGNATION.search(text)
    reading.commensurate = bool(_COMMENSURATE.search(text))
    reading.credit = _credit(text, reading.designation, reading.old_designation)
    for match in _ORGANIZER.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        if _SUPPORT_CONTEXT.search(before):
            continue  # "supported by an educational grant from..." names a supporter, not an organizer
        name = _clean_name(match.group("org") or match.group("subject"))
        # "Dr. Lee presents the case" names a person; an organizer is an organization (or a company).
        if _ORG_WORDS.search(name) or looks_ineligible(name):
            reading.organizers.append(name)
    reading.parents = [_clean_name(m.group("parent")) for m in _PARENT.finditer(text)]
    # EACCME accredits events, so the statement names no provider: the organizing society is the one to check.
    for accreditor in ("EACCME", "AAFP", "AAPA"):
        if accreditor in reading.accreditors and not reading.providers.get(accreditor) and reading.organizers:
            reading.providers[accreditor] = reading.organizers[0]
    return reading


def _credit(text: str, designation: re.Match[str] | None, old: re.Match[str] | None = None) -> dict[str, Any] | None:
    if designation:
        category = designation.group("category")
        return {"type": f"AMA PRA Category {category}", "amount": float(designation.group("amount"))}
    if old and old.group("amount"):
        return {"type": "AMA PRA Category 1", "amount": float(old.group("amount"))}
    for pattern, kind in (
        (_ECMEC, "ECMEC"),
        (_AAFP_CREDIT, "AAFP Prescribed"),
        (_AOA_CREDIT, "AOA Category 1-A"),
    ):
        match = pattern.search(text)
        if match:
            return {"type": kind, "amount": float(match.group("amount"))}
    loose = re.search(rf"{_AMOUNT}\s+AMA\s+PRA\s+Category\s+(?P<category>[12])\s+Credits?", text, re.IGNORECASE)
    if loose:
        return {"type": f"AMA PRA Category {loose.group('category')}", "amount": float(loose.group("amount"))}
    for pattern, kind in ((_ANCC_CREDIT, "ANCC contact hours"), (_AAPA_APPROVED, "AAPA Category 1 CME")):
        match = pattern.search(text)
        if match:
            return {"type": kind, "amount": float(match.group("amount"))}
    return None


def _main_accreditor(accreditors: list[str]) -> str | None:
    # The physician accreditor leads: a flyer with ACCME and ANCC statements is an ACCME-accredited activity.
    for name in ("Joint Accreditation", "ACCME", "state", "EACCME", "AOA", "AAFP", "ANCC", "ACPE", "AAPA"):
        if name in accreditors:
            return name
    return None


def _finding(findings: list[Finding], text: str, rule: str) -> None:
    findings.append(Finding(text, RULES[rule].text, RULES[rule].source))


_NO_CREDIT = re.compile(
    r"\bnot\s+(?:certified|accredited|approved)\s+for\s+(?:continuing\s+medical\s+education|CME|credit)"
    r"|\bno\s+(?:CME\s+)?credits?\s+(?:is|are|will\s+be)\s+(?:offered|provided|awarded|available)"
    r"|\bnot\s+(?:an\s+)?accredited\b",
    re.IGNORECASE,
)


def check_flyer(flyer: FlyerText | str) -> CheckResult:
    """Read a flyer's statements and red flags; the verdict never contradicts them."""
    source = flyer if isinstance(flyer, FlyerText) else FlyerText(normalise(flyer), "text")
    text, images = source.text, source.images
    reading = _read_statements(text)
    accreditor = _main_accreditor(reading.accreditors)
    provider = reading.provider_for(accreditor)
    findings: list[Finding] = []
    flags: list[str] = []
    notes: list[str] = []
    confidence = "high"
    # Does the flyer offer credit at all? A promotional dinner that says "not certified for CME" claims nothing.
    claims_credit = bool(accreditor or reading.credit) and not (_NO_CREDIT.search(text) and not accreditor)

    # The accreditation statement.
    if accreditor:
        where = f" naming {provider}" if provider else ""
        label = {"state": "a state medical society's", "Joint Accreditation": "a Joint Accreditation"}.get(
            accreditor, f"an {accreditor}"
        )
        _finding(findings, f"Found {label} accreditation statement{where}.", _rule_for(accreditor))
        if reading.old_wording:
            _finding(
                findings, "The statement uses the old 'accredited ... to sponsor' wording; update it.", "publicizing"
            )
    else:
        flags.append("no_accreditation_statement")
        _finding(
            findings,
            "No accreditation statement names an accredited provider and its accreditor.",
            "accreditation_statement",
        )

    # The joint providership statement, and organizers that are not the accredited provider.
    if reading.joint_statement:
        _finding(
            findings,
            f"Joint providership statement: {provider} with {reading.joint_provider}.",
            "joint_providership_statement",
        )
    elif accreditor in ("ACCME", "state", "Joint Accreditation") and provider:
        others = [org for org in reading.organizers if not _same_org(org, provider)]
        others = [org for org in others if not _ACCREDITOR_MARK.search(org) and not looks_ineligible(org)]
        if others:
            reading.joint_provider = reading.joint_provider or others[0]
            flags.append("no_joint_providership_statement")
            confidence = "medium"
            _finding(
                findings,
                f"{others[0]} presents the activity, but there is no joint providership statement naming it with "
                f"{provider}.",
                "joint_providership_statement",
            )
    if claims_credit:
        for name in (provider, reading.joint_provider, *reading.parents, *reading.organizers):
            if name and looks_ineligible(name):
                flags.append("ineligible_company_provider")
                _finding(
                    findings,
                    f"{name} reads like a drug, device or diagnostics company and is named as provider, organizer or "
                    "parent; confirm its business: an ineligible company cannot provide or jointly provide accredited "
                    "CME.",
                    "ineligible_company",
                )
                break

    _designation_findings(text, accreditor, reading, flags, findings, notes)

    pending = [m for m in _PENDING.finditer(text) if not _NOT_PHYSICIAN.search(m.group(0))]
    if pending:
        flags.append("credit_pending")
        quoted = " ".join(pending[0].group(0).split())
        _finding(findings, f"'{quoted}': pending or applied-for credit wording.", "applied_for")
    if _ATTENDANCE.search(text) and not reading.designation and not reading.credit:
        flags.append("attendance_certificate_only")
        _finding(findings, "Only a certificate of attendance is offered, no credit.", "attendance_only")

    logos = _industry_logos(text, images, reading)
    if logos:
        flags.append("industry_logos")
        _finding(findings, f"Company branding in the material: {', '.join(logos[:3])}.", "logos")

    flags = [flag for flag in RED_FLAGS if flag in flags]
    verdict = _verdict(accreditor, reading, flags)
    if source.words < 40:
        confidence = "low"
        notes.append("Very little text was read; a scanned flyer loses its statements. Paste the text to be sure.")
    result = CheckResult(verdict, accreditor, provider, reading.credit, flags, findings, reading.joint_provider)
    result.confidence = confidence
    result.notes = notes
    result.summary = summary(result)
    return result


def _designation_findings(
    text: str, accreditor: str | None, reading: _Reading, flags: list[str], findings: list[Finding], notes: list[str]
) -> None:
    if reading.designation:
        amount = reading.designation.group("amount")
        if reading.designation.group("category") == "2":
            flags.append("category2_advertised")
            _finding(findings, f"The flyer designates {amount} AMA PRA Category 2 Credits.", "category_2")
        else:
            kind = " ".join(reading.designation.group("format").split())
            _finding(
                findings,
                f"Designation statement: a maximum of {amount} AMA PRA Category 1 Credits for this {kind}.",
                "designation_statement",
            )
        if not reading.commensurate:
            flags.append("missing_commensurate_clause")
            _finding(
                findings,
                "The designation statement lacks the 'commensurate with the extent of their participation' clause.",
                "designation_statement",
            )
        if "™" not in text and "TM" not in text:
            notes.append("No ™ after the credit name: extraction often loses it, so this is a note, not a defect.")
    elif reading.old_designation:
        _finding(
            findings,
            "Credit is described as 'approved for Category 1' instead of the provider's designation statement.",
            "publicizing",
        )
        if not reading.commensurate:
            flags.append("missing_commensurate_clause")
    elif accreditor in ("ACCME", "state", "Joint Accreditation"):
        _finding(
            findings,
            "No AMA credit designation statement (format, maximum credits, commensurate clause).",
            "designation_statement",
        )
    if accreditor == "EACCME" and reading.credit and not reading.commensurate:
        flags.append("missing_commensurate_clause")
        _finding(findings, "The ECMEC® statement lacks the 'claim only the hours actually spent' sentence.", "eaccme")
    if _CATEGORY_2.search(text) and "category2_advertised" not in flags:
        flags.append("category2_advertised")
        _finding(findings, "AMA PRA Category 2 Credit is advertised as if the organizer awards it.", "category_2")


def _rule_for(accreditor: str) -> str:
    return {"EACCME": "eaccme", "Joint Accreditation": "joint_accreditation"}.get(accreditor, "accreditation_statement")


_WORDMARK = re.compile(r"^\s*(?P<mark>[A-Z][A-Z0-9&.'-]+(?:\s+[A-Z][A-Z0-9&.'-]+){0,3})\s*$", re.MULTILINE)


def _industry_logos(text: str, images: list[str], reading: _Reading) -> list[str]:
    found = []
    for described in images:
        if _LOGO.search(described) and not _ACCREDITOR_MARK.search(described) and looks_ineligible(described):
            found.append(" ".join(described.split())[:80])
    for match in _TEXT_LOGO.finditer(text):
        what = match.group("what")
        if not _ACCREDITOR_MARK.search(what) and looks_ineligible(what):
            found.append(f"{what.strip()} logo")
    # A company's name set alone in capitals (a PDF wordmark), when that company makes healthcare products.
    companies = [name for name in (*reading.parents, *reading.organizers) if looks_ineligible(name)]
    for match in _WORDMARK.finditer(text):
        mark = match.group("mark")
        if looks_ineligible(mark) or any(_words(mark) and _words(mark) <= _words(company) for company in companies):
            found.append(f"{mark} wordmark")
    return list(dict.fromkeys(found))


def _verdict(accreditor: str | None, reading: _Reading, flags: list[str]) -> Verdict:
    if accreditor is None or "no_accreditation_statement" in flags:
        return "no_accreditation_statement"
    if set(flags) - BESIDE_THE_STATEMENTS:
        return "statements_incomplete"
    if accreditor in ("ACCME", "state", "Joint Accreditation"):
        complete = bool(reading.designation) and reading.commensurate
    elif accreditor in ("EACCME", "AAFP", "AOA"):
        complete = reading.credit is not None and reading.commensurate
    else:  # ANCC, ACPE, AAPA: their statements carry the hours without the AMA clause
        complete = reading.credit is not None
    return "statements_complete" if complete else "statements_incomplete"


def summary(result: CheckResult) -> str:
    """The verdict in plain words, first, as a member reads it."""
    if result.verdict == "no_accreditation_statement":
        return (
            "No accreditation statement found: treat it as not accredited CME until the organizer shows one. "
            + VERIFY_LINKS
        )
    who = ACCREDITOR_NAMES.get(result.accreditor or "", "an accreditor")
    provider = f" ({result.provider})" if result.provider else ""
    credit = ""
    if result.credit:
        amount = f"{result.credit['amount']:g}"
        kind = result.credit["type"]
        credit = f" for up to {amount} {kind}{'' if kind.endswith('hours') else ' Credits'}"
    if result.verdict == "statements_complete":
        return f"Statements look complete: accredited by {who}{provider}{credit}. {VERIFY_LINKS}"
    problems = ", ".join(flag.replace("_", " ") for flag in result.red_flags) or "the statements are not complete"
    return f"Statements incomplete: accredited by {who}{provider}{credit}, but {problems}. {VERIFY_LINKS}"
