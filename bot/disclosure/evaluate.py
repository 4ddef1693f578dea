"""Standard 3 for one activity: the steps in ACCME's order (collect within the window, exclude owners and
employees, decide relevance, mitigate), each decision with its reason and rule, and a Question wherever only the
planner can answer. Call again with the answers; new questions can follow from them (a company confirmed
ineligible leads to relevance), and the result is ready when none remain."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from bot.disclosure.eligibility import (
    FIELDS,
    CompanyDecision,
    company_question_id,
    company_questions,
    decide_company,
    suggest_company_facts,
    with_answers,
)
from bot.disclosure.exclusion import NONE, UNRELATED, exception_question
from bot.disclosure.holdings import Holding, classify_holding, holding_question
from bot.disclosure.mitigation import CANNOT, OTHER, mitigation_question
from bot.disclosure.models import (
    EXCEPTIONS,
    ROLES,
    Activity,
    Answer,
    AnswerValue,
    CompanyFacts,
    Decision,
    Disclosed,
    DisclosureResult,
    Exclusion,
    Mitigation,
    Person,
    PersonStatus,
    Problem,
    Question,
    Relationship,
    Role,
    Rule,
    name_key,
)
from bot.disclosure.relevance import relevance_question
from bot.disclosure.rules import (
    DOCUMENT_EXCEPTION,
    EXCEPTION_RULES,
    LEARNER_CONTROLLED,
    LOOKBACK,
    MITIGATION,
    OWNER_EMPLOYEE,
    RELEVANCE,
)
from bot.disclosure.window import check_window, window_opens

_NOT_APPLICABLE = {
    "non_clinical": (
        "non-clinical education (such as leadership or communication skills training), where there is no "
        "opportunity to insert commercial bias about healthcare products. A topic that touches products (talking "
        "to patients about a class of therapy, choosing a device) is clinical and needs Standard 3"
    ),
    "learner_controlled": (
        "the learners themselves control the content, as in a spontaneous, unplanned case conversation among peers. "
        "Anything planned ahead with a presenter (RSS, grand rounds, M&M, tumor boards) is not this exception"
    ),
    "self_directed": (
        "self-directed education, where the learner controls their own goals and reports the resulting changes "
        "(learning from teaching, remediation, a personal development plan). Enduring material is not self-directed: "
        "someone else planned its content"
    ),
}
RATIONALE_ID = "standard3:exception_rationale"
_YES = {"yes", "y", "true"}
_NO = {"no", "n", "false"}


def _loose(text: str) -> str:
    """Answers typed by hand ("Not relevant", "not-relevant") still match the option id not_relevant."""
    return "_".join(text.casefold().replace("-", " ").split())


def _as_answer(value: AnswerValue) -> Answer:
    return value if isinstance(value, Answer) else Answer(value)


@dataclass
class _PersonEntry:
    name: str
    roles: list[Role]
    collected: date
    pending: bool = False  # something upstream of relevance is still open
    # company key -> (company name as typed, [(relationship, holding)])
    companies: dict[str, tuple[str, list[tuple[Relationship, Holding]]]] = field(default_factory=dict)


class _Run:
    def __init__(self, activity: Activity, answers: dict[str, Answer], result: DisclosureResult) -> None:
        self.activity = activity
        self.answers = answers
        self.result = result

    def ask(self, question: Question) -> tuple[tuple[str, ...], Answer] | None:
        """The option ids answered, or None after queueing the question (unanswered, or answered with something
        that is not an option: asked again with the reason rather than guessed at)."""
        answer = self.answers.get(question.id)
        if answer is None:
            self.queue(question)
            return None
        raw = (answer.choice,) if isinstance(answer.choice, str) else tuple(answer.choice)
        if question.multiple:
            raw = tuple(part for item in raw for part in item.split(";"))
        raw = tuple(item.strip() for item in raw if item.strip())
        if not question.options:
            return (" ".join(raw),), answer
        by_text = {_loose(o.id): o.id for o in question.options} | {_loose(o.label): o.id for o in question.options}
        if {o.id for o in question.options} == {"yes", "no"}:
            by_text |= dict.fromkeys(_YES, "yes") | dict.fromkeys(_NO, "no")
        chosen = tuple(by_text.get(_loose(item), "") for item in raw)
        bad = [item for item, ok in zip(raw, chosen, strict=True) if not ok]
        if not chosen or bad or (len(chosen) > 1 and not question.multiple):
            wrong = f"'{', '.join(bad or raw)}'" if raw else "an empty answer"
            self.queue(replace(question, why=f"{wrong} is not one of the options. {question.why}".strip()))
            return None
        return chosen, answer

    def queue(self, question: Question) -> None:
        """Ask once: the same relationship entered twice must not ask the planner the same thing twice."""
        if all(q.id != question.id for q in self.result.questions):
            self.result.questions.append(question)

    def decide(
        self,
        kind: str,
        subject: str,
        outcome: str,
        reason: str,
        rule: Rule,
        person: str | None = None,
        company: str | None = None,
        answer: Answer | None = None,
        by: str = "rule",
    ) -> None:
        self.result.decisions.append(
            Decision(
                kind,
                subject,
                outcome,
                reason,
                rule,
                person,
                company,
                by=(answer.by or "planner") if answer else by,
                note=answer.note if answer else "",
            )
        )


def evaluate(
    activity: Activity,
    people: Sequence[Person],
    relationships: Sequence[Relationship],
    company_facts: Iterable[CompanyFacts] = (),
    answers: Mapping[str, AnswerValue] | None = None,
    *,
    problems: Sequence[Problem] = (),
) -> DisclosureResult:
    """problems: input problems found earlier (a CSV upload's), carried into the result and the record."""
    normalised = {qid: _as_answer(value) for qid, value in (answers or {}).items()}
    result = DisclosureResult(
        activity, True, relationships=list(relationships), answers=normalised, problems=list(problems)
    )
    run = _Run(activity, normalised, result)
    exception = activity.standard3_exception
    if exception not in EXCEPTIONS:
        result.problems.append(
            Problem(
                "unknown_exception",
                f"unknown Standard 3 exception '{exception}'; use one of {EXCEPTIONS}",
                blocking=True,
            )
        )
        return result
    if exception == "learner_controlled" and activity.rss:
        # ACCME: an RSS is planned ahead with presenters, so it is never the learner-controlled exception.
        result.problems.append(
            Problem(
                "rss_not_excepted",
                "a regularly scheduled series is not learner-controlled; Standard 3 is applied in full",
            )
        )
        run.decide(
            "standard3", activity.title, "applies", "an RSS is not the learner-controlled exception", LEARNER_CONTROLLED
        )
    elif exception != "none":
        return _not_applicable(run, exception)
    if activity.activity_date and activity.collection_date > activity.activity_date:
        result.problems.append(
            Problem(
                "late_collection",
                f"disclosure collected {activity.collection_date} after the activity date {activity.activity_date}; "
                "it must be collected, and relevant relationships mitigated, before the person takes on the role",
            )
        )
    entries = _people(run, people)
    company_decisions: dict[str, CompanyDecision] = {}
    facts = {name_key(f.name): f for f in company_facts}
    for index, relationship in enumerate(relationships):
        _relationship(run, entries, index, relationship, facts, company_decisions)
    for entry in entries.values():
        _person(run, entry, facts)
    return result


def _not_applicable(run: _Run, exception: str) -> DisclosureResult:
    result, activity = run.result, run.activity
    rule = EXCEPTION_RULES[exception]
    reason = f"Standard 3 does not apply: {_NOT_APPLICABLE[exception]}."
    result.standard3_applies = False
    result.not_applicable_reason = f"{reason} {DOCUMENT_EXCEPTION.text}"
    run.decide("standard3", activity.title, "does not apply", reason, rule)
    # The file must say why the exception fits (ACCME reviews activity files), so the rationale is asked for.
    question = Question(
        RATIONALE_ID,
        "exception_rationale",
        f"In one or two sentences, why does '{activity.title}' (topic: {activity.topic}) fit the "
        f"{exception.replace('_', '-')} exception? This goes in the activity file.",
        (),
        DOCUMENT_EXCEPTION,
    )
    answered = run.ask(question)
    if answered:
        run.decide(
            "standard3", activity.title, "exception rationale", answered[0][0], DOCUMENT_EXCEPTION, answer=answered[1]
        )
    return result


def _people(run: _Run, people: Sequence[Person]) -> dict[str, _PersonEntry]:
    entries: dict[str, _PersonEntry] = {}
    for person in people:
        if not person.name.strip():
            run.result.problems.append(Problem("missing_name", "a person without a name was left out", blocking=True))
            continue
        if person.role not in ROLES:
            run.result.problems.append(
                Problem(
                    "unknown_role",
                    f"unknown role '{person.role}' for {person.name}; use one of {', '.join(ROLES)}",
                    person=person.name,
                    blocking=True,
                )
            )
            continue
        key = name_key(person.name)
        collected = person.collected_on or run.activity.collection_date
        entry = entries.setdefault(key, _PersonEntry(person.name, [], collected))
        if person.role not in entry.roles:
            entry.roles.append(person.role)
        if collected != entry.collected:
            # Two collection dates for one person: the later one is their current disclosure.
            entry.collected = max(collected, entry.collected)
            run.result.problems.append(
                Problem(
                    "collection_dates",
                    f"{person.name} has two collection dates; the later one is used",
                    person=person.name,
                )
            )
    if not entries:
        run.result.problems.append(
            Problem("no_people", "no planners, faculty or others in control of content are listed", blocking=True)
        )
    return entries


def _company(
    run: _Run, name: str, facts: dict[str, CompanyFacts], decisions: dict[str, CompanyDecision]
) -> CompanyDecision:
    key = name_key(name)
    if key in decisions:
        return decisions[key]
    given = facts.get(key) or CompanyFacts(name)
    suggestion = given if given.suggested else suggest_company_facts(given.name)
    answered: dict[str, bool] = {}
    last_answer: Answer | None = None
    for field_name in FIELDS:
        qid = company_question_id(given.name, field_name)
        if qid in run.answers:
            result = run.ask(_yes_no_stub(qid, given.name))
            if result:
                answered[qid] = result[0][0] == "yes"
                last_answer = result[1]
    decision = decide_company(with_answers(given, answered))
    decisions[key] = decision
    if decision.status == "unknown":
        for question in company_questions(decision, suggestion):
            run.queue(question)
    else:
        run.decide(
            "eligibility",
            decision.company,
            decision.status,
            decision.reason,
            decision.rule,
            company=decision.company,
            answer=last_answer,
            by="confirmed company facts",
        )
    return decision


def _yes_no_stub(qid: str, company: str) -> Question:
    """The question as asked, to validate a stored yes/no answer; an invalid one is re-asked from here."""
    field_name = next(f for f in FIELDS if company_question_id(company, f) == qid)
    decision = CompanyDecision(company, "unknown", "", FIELDS[field_name][1], (field_name,))
    return company_questions(decision)[0]


def _relationship(
    run: _Run,
    entries: dict[str, _PersonEntry],
    index: int,
    relationship: Relationship,
    facts: dict[str, CompanyFacts],
    decisions: dict[str, CompanyDecision],
) -> None:
    result = run.result

    def problem(kind: str, message: str, *, blocking: bool = True) -> None:
        result.problems.append(
            Problem(
                kind, message, relationship.line, relationship.person or None, relationship.company or None, blocking
            )
        )

    if not relationship.person.strip():
        problem("missing_name", "a relationship without a person's name")
        return
    if not relationship.company.strip():
        problem("missing_company", f"{relationship.person}: a relationship without a company")
        return
    if not relationship.nature.strip():
        # Learners must be told the nature of each relevant relationship, so it cannot stay blank.
        problem("missing_nature", f"{relationship.person} – {relationship.company}: nature not given")
    key = name_key(relationship.person)
    if key not in entries:
        problem(
            "unlisted_person",
            f"{relationship.person} has a relationship but is not listed among the people; treated as 'other' in "
            "control of content; add them with their role",
            blocking=False,
        )
        entries[key] = _PersonEntry(relationship.person, ["other"], run.activity.collection_date)
    entry = entries[key]
    subject = f"{entry.name}: {relationship.company} ({relationship.nature or 'nature not given'})"
    window = check_window(relationship, entry.collected)
    result.problems.extend(window.problems)
    result.windows[index] = (window.status, window.reason)
    run.decide("window", subject, window.status, window.reason, LOOKBACK, entry.name, relationship.company)
    if window.status == "unknown":
        entry.pending = True
    if window.status != "inside":
        return
    holding = classify_holding(relationship, entry.collected)
    if holding.kind == "unknown_stock":
        answered = run.ask(holding_question(relationship))
        if answered is None:
            entry.pending = True
            return
        holding = classify_holding(relationship, entry.collected, answered[0][0])
    run.decide("holding", subject, holding.kind, holding.reason, holding.rule, entry.name, relationship.company)
    if not holding.disclosable:
        return
    company = _company(run, relationship.company, facts, decisions)
    if company.status == "unknown":
        entry.pending = True
        return
    if company.status == "eligible":
        return  # not a relationship with an ineligible company: nothing Standard 3 collects
    ckey = name_key(relationship.company)
    entry.companies.setdefault(ckey, (relationship.company, []))[1].append((relationship, holding))


def _person(run: _Run, entry: _PersonEntry, facts: dict[str, CompanyFacts]) -> None:
    result = run.result
    status = _status_of(run, entry, facts)
    result.people.append(
        PersonStatus(entry.name, tuple(entry.roles), entry.collected, window_opens(entry.collected), status)
    )


def _status_of(run: _Run, entry: _PersonEntry, facts: dict[str, CompanyFacts]) -> str:
    result, activity = run.result, run.activity
    # Step 2: owners and employees first; if they end up excluded, relevance and mitigation are beside the point.
    exceptions: dict[str, str] = {}
    waiting = False
    for ckey, (company, pairs) in entry.companies.items():
        owners = [holding for _, holding in pairs if holding.owner_or_employee]
        if not owners:
            continue
        what = "an employee" if any(h.kind == "employee" for h in owners) else "an owner"
        answered = run.ask(exception_question(entry.name, entry.roles, company, what))
        if answered is None:
            waiting = True
            continue
        (choice,), answer = answered
        if choice == NONE.id:
            reason = f"{what} of {company}; no exception applies"
            result.excluded.append(Exclusion(entry.name, company, reason, OWNER_EMPLOYEE))
            run.decide("exclusion", entry.name, "excluded", reason, OWNER_EMPLOYEE, entry.name, company, answer)
            return "excluded"
        label = next(
            o.label for o in exception_question(entry.name, entry.roles, company, what).options if o.id == choice
        )
        run.decide("exclusion", entry.name, f"exception: {choice}", f"{what} of {company}; allowed because: {label}",
                   OWNER_EMPLOYEE, entry.name, company, answer)  # fmt: skip
        exceptions[ckey] = choice
    if waiting:
        return "pending"
    # Step 3: relevance, per company, decided by the planner.
    relevant: list[str] = []
    for ckey, (company, pairs) in entry.companies.items():
        natures = sorted({r.nature for r, _ in pairs})
        if exceptions.get(ckey) == UNRELATED.id:
            run.decide("relevance", entry.name, "not_relevant",
                       "the 'unrelated content' exception was confirmed: the content is not related to the company's "
                       "business lines or products", RELEVANCE, entry.name, company)  # fmt: skip
            continue
        lines = facts.get(ckey, CompanyFacts(company)).business_lines
        answered = run.ask(relevance_question(entry.name, entry.roles, company, lines, natures, activity))
        if answered is None:
            entry.pending = True
            continue
        (choice,), answer = answered
        reason = (
            f"the content {entry.name} controls relates to the business lines or products of {company}"
            if choice == "relevant"
            else f"the content {entry.name} controls does not relate to the business lines or products of {company}"
        )
        run.decide("relevance", entry.name, choice, reason, RELEVANCE, entry.name, company, answer)
        if choice == "relevant":
            relevant.append(ckey)
    if entry.pending:
        return "pending"
    if not relevant:
        return "none"
    # Step 4: mitigation for each role they hold, once relevance is settled (so the steps cover every relationship).
    names = [entry.companies[c][0] for c in relevant]
    mitigations: list[Mitigation] = []
    for role in entry.roles:
        question = mitigation_question(entry.name, role, names)
        answered = run.ask(question)
        if answered is None:
            continue
        chosen, answer = answered
        if CANNOT.id in chosen:
            reason = f"relevant relationships with {', '.join(names)} cannot be mitigated for the {role} role"
            result.excluded.extend(Exclusion(entry.name, n, reason, MITIGATION) for n in names)
            run.decide("mitigation", entry.name, "cannot_mitigate", reason, MITIGATION, entry.name, answer=answer)
            return "excluded"
        if OTHER.id in chosen and not answer.note.strip():
            run.queue(replace(question, why="'other' needs a note describing and justifying the method"))
            continue
        labels = tuple(o.label for o in question.options if o.id in chosen)
        mitigations.append(Mitigation(entry.name, role, tuple(names), labels, answer.note, MITIGATION))
        run.decide("mitigation", f"{entry.name} ({role})", "mitigated", "; ".join(labels), MITIGATION, entry.name,
                   answer=answer)  # fmt: skip
    if len(mitigations) < len(entry.roles):
        return "pending"
    result.mitigations.extend(mitigations)
    for ckey in relevant:
        company, pairs = entry.companies[ckey]
        result.disclosed.extend(Disclosed(entry.name, tuple(entry.roles), company, r.nature) for r, _ in pairs)
    return "relevant"
