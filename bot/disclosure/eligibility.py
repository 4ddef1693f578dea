"""Is a company an ineligible company? Decided only from business facts the planner confirmed.

A name can look like a drug maker and not be one (or the reverse), and ACCME itself makes eligibility
determinations when in doubt, so the name only ever yields a suggestion shown next to the question; the decision
waits for the planner's yes or no."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.disclosure.models import CompanyFacts, Eligibility, Option, Question, Rule, slug
from bot.disclosure.rules import ELIGIBLE, INELIGIBLE, PARENT, STARTUP

YES_NO = (Option("yes", "Yes"), Option("no", "No"))

# field name -> (question id suffix, rule)
FIELDS: dict[str, tuple[str, Rule]] = {
    "makes_or_sells_patient_products": ("products", INELIGIBLE),
    "parent_or_subsidiary_of_ineligible": ("parent", PARENT),
    "startup_in_regulatory_approval": ("startup", STARTUP),
}


@dataclass(frozen=True)
class CompanyDecision:
    company: str
    status: Eligibility
    reason: str
    rule: Rule
    missing: tuple[str, ...] = ()  # CompanyFacts fields still unknown


def company_question_id(company: str, field: str) -> str:
    return f"company:{slug(company)}:{FIELDS[field][0]}"


def decide_company(facts: CompanyFacts) -> CompanyDecision:
    """Ineligible if any confirmed fact says so, eligible only when all three are confirmed "no", else unknown.
    Suggested facts decide nothing."""
    name = facts.name
    if facts.suggested:
        return CompanyDecision(
            name,
            "unknown",
            f"the facts about {name} are only a suggestion from its name ({facts.why or 'no reason given'}); the "
            "planner must confirm them",
            INELIGIBLE,
            tuple(FIELDS),
        )
    lines = f" ({facts.business_lines})" if facts.business_lines.strip() else ""
    if facts.makes_or_sells_patient_products:
        return CompanyDecision(
            name,
            "ineligible",
            f"confirmed that {name}{lines} produces, markets, sells, re-sells or distributes healthcare products used "
            "by or on patients",
            INELIGIBLE,
        )
    if facts.startup_in_regulatory_approval:
        return CompanyDecision(
            name,
            "ineligible",
            f"confirmed that {name} is a startup that has begun a regulatory approval process",
            STARTUP,
        )
    if facts.parent_or_subsidiary_of_ineligible:
        # The self-assessment says a "yes" here is a signal, not an automatic answer; treating it as ineligible is
        # the cautious reading (its people are then excluded or disclosed), and the reason says to ask ACCME.
        return CompanyDecision(
            name,
            "ineligible",
            f"confirmed that {name} is a parent or subsidiary of a company that produces, markets, sells, re-sells or "
            "distributes healthcare products used by or on patients; treated as ineligible (ask ACCME if unsure)",
            PARENT,
        )
    missing = tuple(f for f in FIELDS if getattr(facts, f) is None)
    if missing:
        return CompanyDecision(
            name, "unknown", f"business facts about {name} are not yet confirmed", INELIGIBLE, missing
        )
    return CompanyDecision(
        name,
        "eligible",
        f"confirmed that {name}{lines} does not produce, market, sell, re-sell or distribute healthcare products used "
        "by or on patients, is not a parent or subsidiary of a company that does, and is not a startup in regulatory "
        "approval",
        ELIGIBLE,
    )


def with_answers(facts: CompanyFacts, answers: dict[str, bool]) -> CompanyFacts:
    """The facts with the planner's yes/no answers filled in (answers: question id -> bool). Answering anything
    makes the facts confirmed: unanswered suggested values are dropped, not promoted to facts."""

    def value(field: str) -> bool | None:
        answered = answers.get(company_question_id(facts.name, field))
        given = None if facts.suggested else getattr(facts, field)
        return given if given is not None else answered

    return CompanyFacts(
        facts.name,
        makes_or_sells_patient_products=value("makes_or_sells_patient_products"),
        parent_or_subsidiary_of_ineligible=value("parent_or_subsidiary_of_ineligible"),
        startup_in_regulatory_approval=value("startup_in_regulatory_approval"),
        business_lines=facts.business_lines,
    )


def company_questions(decision: CompanyDecision, suggestion: CompanyFacts | None = None) -> list[Question]:
    """What to ask about a company still unknown. The products question comes first; the parent and startup
    questions only once the answer to it is no (for a drug maker they would be beside the point)."""
    if decision.status != "unknown":
        return []
    name = decision.company
    wanted = (
        ["makes_or_sells_patient_products"]
        if "makes_or_sells_patient_products" in decision.missing
        else list(decision.missing)
    )
    texts = {
        "makes_or_sells_patient_products": (
            f"Is {name}'s primary business producing, marketing, selling, re-selling or distributing healthcare "
            "products used by or on patients? ACCME's examples of such companies: drug and device makers or "
            "distributors, diagnostic labs selling proprietary products, compounding pharmacies making proprietary "
            "compounds, pharmacy benefit managers, medical food and supplement makers, health wearable makers, "
            "reagent makers, and advertising or marketing firms whose clients are such companies."
        ),
        "parent_or_subsidiary_of_ineligible": (
            f"Is {name} a parent or a subsidiary of a company that produces, markets, sells, re-sells or distributes "
            "healthcare products used by or on patients?"
        ),
        "startup_in_regulatory_approval": (
            f"Is {name} a biomedical startup that has begun a governmental regulatory approval process for a product?"
        ),
    }
    questions = []
    for field in wanted:
        hint = getattr(suggestion, field) if suggestion else None
        questions.append(
            Question(
                company_question_id(name, field),
                f"company_{FIELDS[field][0]}",
                texts[field],
                YES_NO,
                FIELDS[field][1],
                company=name,
                suggestion=None if hint is None else ("yes" if hint else "no"),
                why=suggestion.why if suggestion and hint is not None else "",
            )
        )
    return questions


# --- suggestions from the name ------------------------------------------------------------------------------------
# Well-known drug, device and distribution companies (and PBMs, which ACCME lists as ineligible). A suggestion only.
_KNOWN: dict[str, str] = {
    **dict.fromkeys(
        [
            "pfizer", "merck", "msd", "eli lilly", "lilly", "novartis", "roche", "genentech", "astrazeneca",
            "johnson & johnson", "janssen", "gsk", "glaxosmithkline", "sanofi", "abbvie", "bristol myers squibb",
            "bristol-myers squibb", "amgen", "gilead", "novo nordisk", "bayer", "boehringer ingelheim", "takeda",
            "biogen", "regeneron", "vertex", "moderna", "teva", "viatris", "daiichi sankyo", "astellas", "eisai",
        ],
        "pharmaceuticals",
    ),
    **dict.fromkeys(
        [
            "medtronic", "abbott", "boston scientific", "stryker", "becton dickinson", "edwards lifesciences",
            "baxter", "zimmer biomet", "intuitive surgical", "dexcom", "insulet", "smith & nephew",
            "siemens healthineers",
        ],
        "medical devices",
    ),
    **dict.fromkeys(
        ["mckesson", "cardinal health", "cencora", "amerisourcebergen"], "distribution of healthcare products"
    ),
    **dict.fromkeys(["express scripts", "caremark", "optumrx"], "pharmacy benefit management"),
}  # fmt: skip
_INELIGIBLE_WORDS = {
    "pharma": "pharmaceuticals",
    "pharmaceutical": "pharmaceuticals",
    "pharmaceuticals": "pharmaceuticals",
    "biopharma": "pharmaceuticals",
    "therapeutics": "therapeutics",
    "biologics": "biologics",
    "devices": "medical devices",
    "diagnostics": "diagnostics",
}
_ELIGIBLE_WORDS = {
    "hospital": "hospitals and healthcare delivery systems",
    "health system": "hospitals and healthcare delivery systems",
    "medical center": "hospitals and healthcare delivery systems",
    "clinic": "hospitals and healthcare delivery systems",
    "university": "schools of medicine and health science universities",
    "school of medicine": "schools of medicine and health science universities",
    "insurance": "insurance or managed care companies",
    "health plan": "insurance or managed care companies",
    "blue cross": "insurance or managed care companies",
    "blue shield": "insurance or managed care companies",
    "ehr": "electronic health records (EHR) companies",
    "health records": "electronic health records (EHR) companies",
    "epic systems": "electronic health records (EHR) companies",
    "society": "health profession membership organizations",
    "association": "health profession membership organizations",
    "academy": "health profession membership organizations",
}


_CARE_SETTINGS = ("hospital", "health system", "medical center", "university", "school of medicine")


def _eligible_hint(name: str, word: str) -> CompanyFacts:
    return CompanyFacts(
        name,
        makes_or_sells_patient_products=False,
        suggested=True,
        why=f"the name contains '{word}'; ACCME lists {_ELIGIBLE_WORDS[word]} as eligible; confirm it sells no "
        "patient products",
    )


def _has(words: str, phrase: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", words) is not None


def suggest_company_facts(name: str) -> CompanyFacts:
    """A guess from the name, marked suggested=True with why. Never a decision: decide_company refuses it and the
    evaluation shows it only as the suggested answer to the planner's question."""
    words = " ".join(name.casefold().replace(",", " ").replace(".", " ").split())
    # A care setting in the name outweighs a drug maker's name in it ("Abbott Northwestern Hospital").
    for word in _CARE_SETTINGS:
        if _has(words, word):
            return _eligible_hint(name, word)
    for known, lines in _KNOWN.items():
        if _has(words, known):
            return CompanyFacts(
                name,
                makes_or_sells_patient_products=True,
                business_lines=lines,
                suggested=True,
                why=f"{name} is on our list of well-known {lines} companies; confirm its primary business",
            )
    if _has(words, "pbm") or _has(words, "pharmacy benefit"):
        return CompanyFacts(
            name,
            makes_or_sells_patient_products=True,
            business_lines="pharmacy benefit management",
            suggested=True,
            why="ACCME lists pharmacy benefit managers among ineligible companies",
        )
    if _has(words, "pharmacy") or _has(words, "compounding"):
        return CompanyFacts(
            name,
            suggested=True,
            why="pharmacies are eligible unless they manufacture proprietary compounds; ask which this is",
        )
    for word, lines in _INELIGIBLE_WORDS.items():
        if _has(words, word):
            caveat = (
                " (diagnostic labs that do not sell proprietary products are eligible)" if word == "diagnostics" else ""
            )
            return CompanyFacts(
                name,
                makes_or_sells_patient_products=True,
                business_lines=lines,
                suggested=True,
                why=f"the name contains '{word}', typical of {lines} companies{caveat}; confirm its primary business",
            )
    for word in _ELIGIBLE_WORDS:
        if _has(words, word):
            return _eligible_hint(name, word)
    return CompanyFacts(
        name, suggested=True, why=f"nothing in the name '{name}' suggests its business; ask the planner"
    )
