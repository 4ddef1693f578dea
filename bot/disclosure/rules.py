"""The rules each decision cites: short text in our words, the knowledge file and section that restate it, and the
ACCME page listed in that file's front matter. Tests check every heading and URL still exists in the file, so a
reworded knowledge file shows up as a failing test rather than a citation to nowhere."""

from __future__ import annotations

from bot.disclosure.models import Rule

S3_DOC = "accme/standard-3-financial-relationships.md"
EXC_DOC = "accme/standard-3-exceptions.md"
ELIG_DOC = "accme/standards-overview-and-eligibility.md"
RSS_DOC = "planning/regularly-scheduled-series.md"

S3_URL = "https://accme.org/rule/identify-mitigate-and-disclose-relevant-financial-relationships/"
STOCK_FAQ = "https://accme.org/faq/if-individual-reports-they-own-stock-ineligible-company-how-should-provider-manage-relationship"
OPTIONS_FAQ = (
    "https://accme.org/faq/if-individual-reports-they-have-stock-options-ineligible-company-how-should-provider-manage"
)
SIGNED_FORM_FAQ = "https://accme.org/faq/does-accme-require-signed-disclosure-form-means-demonstrate-compliance-standard-for-integrity"
ELIGIBILITY_URL = "https://accme.org/rule/eligibility"
SELF_ASSESSMENT_FAQ = "https://www.accme.org/faq/how-can-i-determine-if-my-organization-ineligible-company-formerly-known-commercial-interest"
SPONTANEOUS_URL = "https://accme.org/news/spontaneous-case-conversations-understanding-accmes-exception-2-to-standard-3"
ENDURING_URL = "https://accme.org/highlights/compliance-check-enduring-materials"
RSS_URL = "https://accme.org/resource/regularly-scheduled-series-definition"

_LOOKBACK_H = "Who must disclose financial relationships, and how far back (24-month lookback)?"
_RELEVANCE_H = "Is there a minimum dollar amount for disclosure, and who decides relevance?"
_COLLECT_H = "What information must be collected in a financial disclosure?"
_OWNERS_H = "Can owners or employees of ineligible companies be planners or faculty (the three exceptions)?"
_STOCK_H = 'Does owning stock in an ineligible company make someone an "owner" who must be excluded?'
_MITIGATE_H = "When and how must relevant financial relationships be mitigated?"
_LEARNERS_H = "What must be disclosed to learners, and when?"

LOOKBACK = Rule(
    "lookback",
    "Collect all financial relationships with ineligible companies from the prior 24 months, of any dollar amount; "
    "the window counts back from when the disclosure is collected, before the person takes on the role.",
    S3_URL,
    S3_DOC,
    _LOOKBACK_H,
)
RENEWAL = Rule(
    "renewal",
    "ACCME sets no refresh schedule; many providers refresh disclosure at least annually so it is current when the "
    "person takes on a role, and it must cover the 24 months before their involvement.",
    S3_URL,
    S3_DOC,
    _LOOKBACK_H,
)
INELIGIBLE = Rule(
    "ineligible_company",
    "An ineligible company is one whose primary business is producing, marketing, selling, re-selling or "
    "distributing healthcare products used by or on patients.",
    ELIGIBILITY_URL,
    ELIG_DOC,
    "What counts as an ineligible company?",
)
STARTUP = Rule(
    "startup",
    "A biomedical startup that has begun a governmental regulatory approval process is an ineligible company, even "
    "before its first product is sold.",
    ELIGIBILITY_URL,
    ELIG_DOC,
    "What counts as an ineligible company?",
)
PARENT = Rule(
    "parent_or_sister",
    "ACCME's self-assessment asks whether a parent company (one that owns or fiscally controls the organization) or "
    "a sister company produces, markets, sells, re-sells or distributes healthcare products used by or on patients; "
    "corporate structure matters, and ACCME makes eligibility determinations when in doubt.",
    SELF_ASSESSMENT_FAQ,
    ELIG_DOC,
    "How can we tell if our organization is an ineligible company (parent and sister companies)?",
)
ELIGIBLE = Rule(
    "eligible_company",
    "Organizations that are not otherwise ineligible are eligible; ACCME's examples include hospitals and health "
    "systems, insurance or managed care companies, EHR companies, pharmacies that do not manufacture proprietary "
    "compounds, and diagnostic labs that do not sell proprietary products.",
    ELIGIBILITY_URL,
    ELIG_DOC,
    "Which organizations are eligible to be accredited?",
)
OWNER_EMPLOYEE = Rule(
    "owner_employee_exclusion",
    "Owners and employees of ineligible companies must be excluded from controlling content, except when (1) the "
    "content is not related to the business lines or products of their employer or company; (2) the content is "
    "limited to basic science research (such as pre-clinical research and drug discovery) or the methodologies of "
    "research, and they do not make care recommendations; or (3) they participate as technicians teaching the safe "
    "and proper use of medical devices, and do not recommend whether or when a device is used.",
    S3_URL,
    S3_DOC,
    _OWNERS_H,
)
PRIVATE_STOCK = Rule(
    "private_stock",
    "Stock in a privately held ineligible company, held directly, makes the person an owner: excluded from "
    "controlling content unless one of the three exceptions applies.",
    STOCK_FAQ,
    S3_DOC,
    _STOCK_H,
)
PUBLIC_STOCK = Rule(
    "public_stock",
    "Stock in a publicly traded ineligible company does not make the person an owner or employee; it is a financial "
    "relationship to disclose and, if relevant, mitigate.",
    STOCK_FAQ,
    S3_DOC,
    _STOCK_H,
)
OPTIONS = Rule(
    "stock_options",
    "Stock options do not make the person an owner or employee; they are disclosed and, if relevant, mitigated.",
    OPTIONS_FAQ,
    S3_DOC,
    _STOCK_H,
)
MUTUAL_FUNDS = Rule(
    "mutual_funds",
    "Individual stocks and stock options are disclosed; diversified mutual funds do not need to be disclosed.",
    S3_URL,
    S3_DOC,
    _COLLECT_H,
)
ROYALTIES = Rule(
    "royalties",
    "People who receive royalties from an ineligible company are not its owners or employees, so they are not "
    "automatically excluded; the relationship is disclosed and, if relevant, mitigated.",
    S3_URL,
    S3_DOC,
    _COLLECT_H,
)
RELEVANCE = Rule(
    "relevance",
    "A financial relationship is relevant when the educational content the individual can control is related to the "
    "business lines or products of the ineligible company. The provider, not the individual, decides, per person and "
    "per activity, and documents the reasoning.",
    S3_URL,
    S3_DOC,
    _RELEVANCE_H,
)
MITIGATION = Rule(
    "mitigation",
    "Mitigate relevant financial relationships before the person assumes the role, with steps that fit the role "
    "(planners' steps usually differ from faculty's), and document them; if a relevant relationship cannot be "
    "mitigated, the person should not control that content.",
    S3_URL,
    S3_DOC,
    _MITIGATE_H,
)
LEARNER_DISCLOSURE = Rule(
    "learner_disclosure",
    "Before learners engage, disclose the names of the individuals with relevant financial relationships, the "
    "ineligible companies (names only, no logos), the nature of each relationship, and a statement that all were "
    "mitigated; learners are also told about those in control of content with no relevant relationships.",
    S3_URL,
    S3_DOC,
    _LEARNERS_H,
)
RECORD = Rule(
    "record",
    "ACCME does not require a signed form; information may be collected electronically or verbally and kept in a "
    "spreadsheet, table or database, as long as the provider can show ACCME what was collected.",
    SIGNED_FORM_FAQ,
    S3_DOC,
    _COLLECT_H,
)
NON_CLINICAL = Rule(
    "exception_non_clinical",
    "Standard 3 need not be applied to non-clinical education, such as leadership or communication skills training. "
    "Topics that touch products (talking to patients about a class of therapy, choosing a device) are clinical.",
    S3_URL,
    EXC_DOC,
    'When is education "non-clinical" for the Standard 3 exception?',
)
LEARNER_CONTROLLED = Rule(
    "exception_learner_controlled",
    "Standard 3 need not be applied where the learner group controls the content, such as a spontaneous case "
    "conversation among peers. Regularly scheduled series, department rounds, M&M rounds and tumor boards are not "
    "this exception.",
    SPONTANEOUS_URL,
    EXC_DOC,
    "Do regularly scheduled series (RSS), M&M rounds, or tumor boards qualify for the learner-controlled exception?",
)
SELF_DIRECTED = Rule(
    "exception_self_directed",
    "Standard 3 need not be applied to self-directed education, where the learner controls their own goals and "
    "reports the resulting changes (learning from teaching, remediation, a personal development plan). Enduring "
    "materials are not self-directed: someone else planned the content.",
    ENDURING_URL,
    EXC_DOC,
    'Are enduring materials or on-demand modules "self-directed" education?',
)
DOCUMENT_EXCEPTION = Rule(
    "document_exception",
    "Record in the activity file which exception was used and a one- or two-sentence rationale; the exception "
    "removes only the Standard 3 steps (Standards 1 and 2 still apply, 4 and 5 if there is commercial support or "
    "marketing).",
    S3_URL,
    EXC_DOC,
    "How should we document that an activity fits a Standard 3 exception?",
)
RSS = Rule(
    "rss",
    "A regularly scheduled series meets the same requirements as any activity: collect disclosure from everyone who "
    "controls content and tell learners before each session; how often a provider renews approval or disclosure is "
    "local policy, not an ACCME rule.",
    RSS_URL,
    RSS_DOC,
    "Planning requirements for an RSS (gaps, objectives, evaluation)",
)

EXCEPTION_RULES = {
    "non_clinical": NON_CLINICAL,
    "learner_controlled": LEARNER_CONTROLLED,
    "self_directed": SELF_DIRECTED,
}

ALL_RULES: tuple[Rule, ...] = (
    LOOKBACK,
    RENEWAL,
    INELIGIBLE,
    STARTUP,
    PARENT,
    ELIGIBLE,
    OWNER_EMPLOYEE,
    PRIVATE_STOCK,
    PUBLIC_STOCK,
    OPTIONS,
    MUTUAL_FUNDS,
    ROYALTIES,
    RELEVANCE,
    MITIGATION,
    LEARNER_DISCLOSURE,
    RECORD,
    NON_CLINICAL,
    LEARNER_CONTROLLED,
    SELF_DIRECTED,
    DOCUMENT_EXCEPTION,
    RSS,
)
