"""The inputs (people, relationships, company facts, the activity), what the planner is asked (questions) and what
the check hands back (decisions, exclusions, mitigation, problems). Plain frozen dataclasses: the Slack modal and
the console build them from their own forms, and a stored answer set can be replayed to reproduce a result."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, get_args

Role = Literal["planner", "faculty", "reviewer", "other"]
Ownership = Literal["private_stock", "public_stock", "options", "employee"]
Standard3Exception = Literal["none", "non_clinical", "learner_controlled", "self_directed"]
Eligibility = Literal["ineligible", "eligible", "unknown"]

ROLES: tuple[str, ...] = get_args(Role)
OWNERSHIPS: tuple[str, ...] = get_args(Ownership)
EXCEPTIONS: tuple[str, ...] = get_args(Standard3Exception)


def name_key(name: str) -> str:
    """People and companies are matched by name typed in different places (CSV, modal, company list), so case and
    spacing must not make "Acme  Pharma" and "acme pharma" two companies."""
    return " ".join(name.split()).casefold()


def slug(text: str) -> str:
    """A question id part that stays the same when the same name is re-entered, so stored answers still apply."""
    return re.sub(r"[^a-z0-9]+", "-", name_key(text)).strip("-") or "x"


@dataclass(frozen=True)
class Person:
    name: str
    role: Role
    # When this person's disclosure was collected, if not on the activity's collection date (an RSS presenter who
    # disclosed for the series months ago). The 24-month window counts back from it.
    collected_on: date | None = None


@dataclass(frozen=True)
class Relationship:
    person: str  # the Person's name
    company: str
    nature: str  # consultant, speakers' bureau, advisory board, research grant, stock, royalties, employee, owner ...
    start: date | None = None
    end: date | None = None  # None: ongoing at collection
    ownership: Ownership | None = None
    line: int | None = None  # the CSV line it came from, so a problem can point at it

    @property
    def key(self) -> str:
        start = self.start.isoformat() if self.start else "-"
        return f"{slug(self.person)}:{slug(self.company)}:{slug(self.nature)}:{start}"


@dataclass(frozen=True)
class CompanyFacts:
    """What the planner confirmed about a company's business. None = not yet known (the flow must ask).
    suggested=True marks facts guessed from the name (suggest_company_facts): they are shown as a suggestion in the
    question and never used to decide eligibility."""

    name: str
    makes_or_sells_patient_products: bool | None = None
    parent_or_subsidiary_of_ineligible: bool | None = None
    startup_in_regulatory_approval: bool | None = None
    business_lines: str = ""
    suggested: bool = False
    why: str = ""


@dataclass(frozen=True)
class Activity:
    title: str
    topic: str
    collection_date: date  # when disclosure was collected: the 24-month window counts back from here
    standard3_exception: Standard3Exception = "none"
    rss: bool = False
    renewal_months: int = 12  # the provider's disclosure refresh period (local policy; ACCME sets none)
    activity_date: date | None = None  # shown in the record only; it never moves the window


@dataclass(frozen=True)
class Rule:
    """A rule as our knowledge file restates it, the file and section that say so, and ACCME's page."""

    id: str
    text: str
    source_url: str
    doc: str  # path under knowledge/
    heading: str  # the "## " section heading in that file


@dataclass(frozen=True)
class Option:
    id: str  # what an answer gives (the label is accepted too)
    label: str


@dataclass(frozen=True)
class Question:
    """Something only the planner can settle. Answer it by id in evaluate(answers={question.id: option id}).
    No options = free text. `suggestion` is an option id the tool leans to and `why` says on what evidence; the
    planner must still answer."""

    id: str
    kind: str  # company_products, company_parent, company_startup, holding, exception, relevance, mitigation
    text: str
    options: tuple[Option, ...]
    rule: Rule
    person: str | None = None
    company: str | None = None
    multiple: bool = False  # several options may be chosen (mitigation steps)
    suggestion: str | None = None
    why: str = ""


@dataclass(frozen=True)
class Answer:
    """An answer with the planner's reasoning, which the record keeps (ACCME reviews the activity file, so a
    relevance decision should say why). A bare string or a list of option ids is accepted as well."""

    choice: str | Sequence[str]
    note: str = ""
    by: str = ""  # who answered, for the record


AnswerValue = str | Sequence[str] | Answer


@dataclass(frozen=True)
class Problem:
    kind: str  # missing_name, unknown_role, bad_date, reversed_dates, future_date, missing_start, ...
    message: str
    line: int | None = None
    person: str | None = None
    company: str | None = None
    blocking: bool = False  # the result cannot be ready until the input is fixed


@dataclass(frozen=True)
class Decision:
    """One decision and why, with the rule that makes it: what an activity file must be able to show."""

    kind: str  # standard3, window, holding, eligibility, exclusion, relevance, mitigation
    subject: str
    outcome: str
    reason: str
    rule: Rule
    person: str | None = None
    company: str | None = None
    by: str = ""  # "rule" for a decision from confirmed facts, else who answered the question
    note: str = ""


@dataclass(frozen=True)
class Exclusion:
    person: str
    company: str
    reason: str
    rule: Rule


@dataclass(frozen=True)
class Mitigation:
    person: str
    role: Role
    companies: tuple[str, ...]
    steps: tuple[str, ...]  # the labels of the steps taken
    note: str
    rule: Rule


@dataclass(frozen=True)
class Disclosed:
    """A relevant relationship as learners are told it: the person, the company (name only), the nature."""

    person: str
    roles: tuple[Role, ...]
    company: str
    nature: str


@dataclass(frozen=True)
class PersonStatus:
    name: str
    roles: tuple[Role, ...]
    collected_on: date
    window_opens: date
    # "relevant" (named with relationships), "none" (no relevant relationships), "excluded", or "pending".
    status: str


@dataclass
class DisclosureResult:
    activity: Activity
    standard3_applies: bool
    questions: list[Question] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    excluded: list[Exclusion] = field(default_factory=list)
    mitigations: list[Mitigation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    disclosed: list[Disclosed] = field(default_factory=list)
    people: list[PersonStatus] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    windows: dict[int, tuple[str, str]] = field(default_factory=dict)  # index in relationships -> (status, reason)
    answers: dict[str, Answer] = field(default_factory=dict)
    not_applicable_reason: str = ""

    @property
    def ready(self) -> bool:
        """Nothing left for the planner: no open question and no input that must be fixed first."""
        return not self.questions and not any(p.blocking for p in self.problems)
