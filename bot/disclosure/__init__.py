"""ACCME Standard 3 (Identify, Mitigate, and Disclose Relevant Financial Relationships) for one activity: pure
domain logic, no Slack and no database. A guided flow (Slack modal or console) builds the inputs, shows
`result.questions` to the planner, and calls `evaluate` again with the answers until `result.ready`.

Rules are those restated in knowledge/accme/standard-3-financial-relationships.md, standard-3-exceptions.md,
standards-overview-and-eligibility.md and knowledge/planning/regularly-scheduled-series.md; every decision carries
its reason and a Rule (short text, ACCME source URL, knowledge file and section).

Public API
----------
Models (bot.disclosure.models)
    Person(name, role: "planner"|"faculty"|"reviewer"|"other", collected_on: date | None = None)
    Relationship(person, company, nature, start: date | None, end: date | None (None = ongoing),
                 ownership: None|"private_stock"|"public_stock"|"options"|"employee", line: int | None)
    CompanyFacts(name, makes_or_sells_patient_products, parent_or_subsidiary_of_ineligible,
                 startup_in_regulatory_approval (each bool | None), business_lines: str, suggested: bool, why: str)
    Activity(title, topic, collection_date, standard3_exception: "none"|"non_clinical"|"learner_controlled"|
             "self_directed", rss: bool, renewal_months: int = 12, activity_date: date | None = None)
    Question(id, kind, text, options: tuple[Option(id, label)], rule, person, company, multiple, suggestion, why)
    Answer(choice: str | Sequence[str], note: str = "", by: str = "")
    Rule(id, text, source_url, doc, heading); Problem(kind, message, line, person, company, blocking)
    Decision(kind, subject, outcome, reason, rule, person, company, by, note); Exclusion; Mitigation; Disclosed;
    PersonStatus(name, roles, collected_on, window_opens, status: "relevant"|"none"|"excluded"|"pending")

evaluate(activity, people, relationships, company_facts=(), answers=None, *, problems=()) -> DisclosureResult
    answers: {question_id: option id | [option ids] | Answer}. DisclosureResult has .questions (what still needs
    the planner), .decisions, .excluded, .mitigations, .problems, .disclosed, .people, .standard3_applies,
    .not_applicable_reason and .ready (no open question and no input problem that must be fixed).

decide_company(facts) -> CompanyDecision(company, status: "ineligible"|"eligible"|"unknown", reason, rule, missing)
suggest_company_facts(name) -> CompanyFacts(suggested=True, why=...)   a suggestion only, never a decision
window_opens(collection_date) -> date; check_window(relationship, collected) -> WindowCheck(status, reason, opens)
classify_holding(relationship, collected, answered=None) -> Holding(kind, owner_or_employee, disclosable, ...)
steps_for(role) -> tuple[Option, ...]                                  mitigation steps offered for a role

learner_disclosure(result) -> str
activity_record(result) -> ActivityRecord(title, sections, ready, data); .as_dict(); .section(title)
record_markdown(result) -> str
record_docx(result, path) -> Path

renewal_due(person_last_collected, today, renewal_months=12) -> date
reminders(records: Sequence[CollectionRecord], today, lead_days=30) -> list[Reminder]
records_from(result) -> list[CollectionRecord(name, role, collected_on, renewal_months)]
session_disclosure(result, session_date, presenters=None) -> SessionDisclosure(text, ready, stale, missing)

csv_template() -> str
parse_csv(source: str | bytes, *, as_of: date | None = None) -> CsvUpload(people, relationships, problems)
parse_date(text, *, end=False) -> date
"""

from bot.disclosure.csv_upload import COLUMNS, CsvUpload, csv_template, parse_csv, parse_date
from bot.disclosure.eligibility import CompanyDecision, decide_company, suggest_company_facts
from bot.disclosure.evaluate import evaluate
from bot.disclosure.holdings import Holding, classify_holding
from bot.disclosure.learner import MITIGATED, NONE_RELEVANT, learner_disclosure
from bot.disclosure.mitigation import steps_for
from bot.disclosure.models import (
    Activity,
    Answer,
    CompanyFacts,
    Decision,
    Disclosed,
    DisclosureResult,
    Exclusion,
    Mitigation,
    Option,
    Person,
    PersonStatus,
    Problem,
    Question,
    Relationship,
    Rule,
)
from bot.disclosure.record import ActivityRecord, RecordSection, activity_record, record_docx, record_markdown
from bot.disclosure.rss import (
    CollectionRecord,
    Reminder,
    SessionDisclosure,
    records_from,
    reminders,
    renewal_due,
    session_disclosure,
)
from bot.disclosure.window import WindowCheck, check_window, window_opens

__all__ = [
    "COLUMNS",
    "MITIGATED",
    "NONE_RELEVANT",
    "Activity",
    "ActivityRecord",
    "Answer",
    "CollectionRecord",
    "CompanyDecision",
    "CompanyFacts",
    "CsvUpload",
    "Decision",
    "Disclosed",
    "DisclosureResult",
    "Exclusion",
    "Holding",
    "Mitigation",
    "Option",
    "Person",
    "PersonStatus",
    "Problem",
    "Question",
    "RecordSection",
    "Relationship",
    "Reminder",
    "Rule",
    "SessionDisclosure",
    "WindowCheck",
    "activity_record",
    "check_window",
    "classify_holding",
    "csv_template",
    "decide_company",
    "evaluate",
    "learner_disclosure",
    "parse_csv",
    "parse_date",
    "record_docx",
    "record_markdown",
    "records_from",
    "reminders",
    "renewal_due",
    "session_disclosure",
    "steps_for",
    "suggest_company_facts",
    "window_opens",
]
