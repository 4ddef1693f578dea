"""The rules each finding of the accreditation checker cites: a sentence in our own words and the authority page
it comes from. Each is also in the knowledge base (the document named in the comment), so an answer and a check
never disagree."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    text: str
    source: str


RULES: dict[str, Rule] = {
    # knowledge/accme/verifying-accreditation.md
    "accreditation_statement": Rule(
        "Accredited CME names the accredited provider and its accreditor in an accreditation statement; ACCME "
        "accredits organizations, not single activities.",
        "https://accme.org/about-accreditation/expectations-eligibility",
    ),
    # knowledge/accme/joint-providership-and-statements.md
    "joint_providership_statement": Rule(
        "When a nonaccredited organization plans an activity with an accredited provider, materials carry the "
        "joint providership statement naming both, and the accredited provider is responsible for compliance.",
        "https://www.accme.org/accreditation-rules/policies/joint-providership",
    ),
    "publicizing": Rule(
        "The accreditation statement uses ACCME's wording; older 'accredited to sponsor' or 'approved for "
        "Category 1' language is not the current statement.",
        "https://accme.org/accreditation-rules/policies/publicizing-accme-accreditation",
    ),
    # knowledge/ama/pra-category-1-credit.md
    "designation_statement": Rule(
        "An accredited provider designates AMA PRA Category 1 Credit™ in advance with the AMA designation "
        "statement: the format, the maximum credit, and 'Physicians should claim only the credit commensurate with "
        "the extent of their participation in the activity.'",
        "https://www.accme.org/cme-providers/ama-accme-alignment",
    ),
    # knowledge/ama/applied-for-wording.md
    "applied_for": Rule(
        "In the US system credit is designated by the accredited provider, not applied for: 'credit pending' or "
        "'applied for' wording does not belong on a flyer.",
        "https://ama-assn.org/education/ama-pra-credit-system/cme-achievement-unlocked-how-ama-pra-credit-system-helps-you",
    ),
    # knowledge/ama/category-2-credit.md
    "category_2": Rule(
        "AMA PRA Category 2 Credit™ is self-claimed by physicians for learning they choose; providers do not "
        "designate or certify it.",
        "https://ama-assn.org/education/ama-pra-credit-system/what-know-about-other-kind-cme-credit",
    ),
    "attendance_only": Rule(
        "A certificate of attendance is not credit: accredited CME carries an accreditation statement and a "
        "designation statement.",
        "https://accme.org/about-accreditation/expectations-eligibility",
    ),
    # knowledge/accme/standards-overview-and-eligibility.md
    "ineligible_company": Rule(
        "Ineligible companies (those producing, marketing, selling or distributing healthcare products used by or "
        "on patients) cannot be accredited, cannot be joint providers, and cannot control accredited education.",
        "https://accme.org/rule/eligibility",
    ),
    # knowledge/accme/standard-4-commercial-support.md
    "logos": Rule(
        "Supporters are named to learners without logos, trade names or product messages (Standard 4); no "
        "marketing in the educational space (Standard 5).",
        "https://accme.org/standards",
    ),
    # knowledge/europe/eaccme.md
    "eaccme": Rule(
        "EACCME® accredits live and e-learning events for European CME credits (ECMEC®s); the statement names the "
        "event and the maximum ECMEC®s.",
        "https://eaccme.uems.eu/industry",
    ),
    # knowledge/joint-accreditation/joint-accreditation-ipce.md
    "joint_accreditation": Rule(
        "A jointly accredited provider plans education for the healthcare team and uses the Joint Accreditation "
        "statement, then designates each profession's credit.",
        "https://www.jointaccreditation.org/designation-credits",
    ),
}

VERIFY_LINKS = (
    "Confirm the provider in ACCME's list of accredited providers (accme.org) or the activity in CME Passport "
    "(cmepassport.org): this check reads the flyer, it does not verify the provider's status."
)
