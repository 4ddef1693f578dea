"""The /disclosure-check flow's link to the Standard 3 rules (bot/disclosure): its answers as the rules' inputs, the
questions the rules still need as the decisions step's fields, the whole-step check that keeps asking until the
result is ready, the CSV converter, and the finished record as a flow document.

Question fields are named "q:<question id>" (and "n:<question id>" for the planner's reason), so an answer stays
attached to its question when the flow is resumed or the relationships are edited."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from bot.disclosure import (
    COLUMNS,
    Activity,
    Answer,
    DisclosureResult,
    Person,
    Problem,
    Question,
    Relationship,
    evaluate,
    parse_csv,
)
from bot.flows.definitions import FieldDef, FlowDef, OptionDef
from bot.flows.dynamic import converter, field_provider, step_check
from bot.flows.validation import as_lines

FLOW = "disclosure_check"
QUESTION, NOTE = "q:", "n:"
_NO_RELATIONSHIPS = {"none", "no", "n/a", "nothing", "nothing to disclose", "-"}


def parse_day(text: str) -> date:
    """A date as members type it: 2025-03-15, 2025-03, 03/15/2025, 15 March 2025, March 15, 2025."""
    from dateutil import parser

    value = str(text or "").strip()
    if not value:
        raise ValueError("no date given")
    try:
        from bot.disclosure import parse_date

        return parse_date(value)
    except ValueError:
        pass
    try:
        # dayfirst: "03/04/2025" was handled above as US month/day; what is left is written out ("15 March 2025").
        return parser.parse(value, dayfirst=True).date()
    except (ValueError, OverflowError, TypeError) as exc:
        raise ValueError(f"“{value[:40]}” is not a date; write it like 2025-03-15") from exc


def relationship_rows(text: str) -> list[list[str]]:
    """The typed lines as CSV rows: "Name | role | company | nature | start | end | ownership"."""
    rows = []
    for line in as_lines(text):
        cells = [cell.strip() for cell in line.split("|")]
        cells = (cells + [""] * len(COLUMNS))[: len(COLUMNS)]
        if cells[2].casefold() in _NO_RELATIONSHIPS:
            cells[2:] = [""] * (len(COLUMNS) - 2)
        rows.append(cells)
    return rows


def _parse_lines(text: str, as_of: date | None) -> tuple[list[Person], list[Relationship], list[Problem]]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(relationship_rows(text))
    upload = parse_csv(buffer.getvalue(), as_of=as_of)
    # Line numbers: the CSV has a header line the member never typed.
    problems = [
        Problem(p.kind, p.message, (p.line - 1) if p.line else None, p.person, p.company, p.blocking)
        for p in upload.problems
    ]
    people: dict[str, Person] = {}
    for person in upload.people:
        people.setdefault(person.name.casefold(), person)
    return list(people.values()), upload.relationships, problems


def line_problem(line: str) -> str | None:
    """What is wrong with one typed relationship line, for the form (None when it can be used)."""
    _, _, problems = _parse_lines(line, None)
    blocking = [p for p in problems if p.blocking]
    return blocking[0].message if blocking else None


def activity_of(answers: dict[str, Any]) -> Activity | None:
    try:
        collected = parse_day(answers.get("collection_date", ""))
    except ValueError:
        return None
    try:
        held = parse_day(answers["activity_date"]) if answers.get("activity_date") else None
    except ValueError:
        held = None
    return Activity(
        title=str(answers.get("title") or "").strip() or "Untitled activity",
        topic=str(answers.get("topic") or "").strip(),
        collection_date=collected,
        standard3_exception=str(answers.get("standard3_exception") or "none"),  # type: ignore[arg-type]
        rss=answers.get("rss") == "yes",
        activity_date=held,
    )


def engine_answers(answers: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in answers.items():
        if not key.startswith(QUESTION) or value in (None, "", []):
            continue
        question_id = key[len(QUESTION) :]
        note = str(answers.get(NOTE + question_id) or "").strip()
        out[question_id] = Answer(value, note) if note else value
    return out


def result_of(answers: dict[str, Any]) -> DisclosureResult | None:
    activity = activity_of(answers)
    if activity is None:
        return None
    people, relationships, problems = _parse_lines(str(answers.get("relationships") or ""), activity.collection_date)
    return evaluate(activity, people, relationships, answers=engine_answers(answers), problems=problems)


def _help(question: Question) -> str:
    parts = []
    if question.suggestion:
        label = next((o.label for o in question.options if o.id == question.suggestion), question.suggestion)
        parts.append(f"Suggested: {label}" + (f" ({question.why})" if question.why else "") + ". Please confirm.")
    parts.append(f"Rule: {question.rule.text}")
    return " ".join(parts)[:2000]


def question_fields(question: Question) -> list[FieldDef]:
    kind = "multi_choice" if question.multiple else "choice" if question.options else "long_text"
    options = [OptionDef(value=o.id, label=o.label[:75]) for o in question.options]
    fields = [
        FieldDef(
            id=QUESTION + question.id,
            label=question.text[:2000],
            type=kind,
            required=True,
            max_length=2000,
            help=_help(question),
            options=options,
        )
    ]
    if question.kind == "relevance":
        fields.append(
            FieldDef(
                id=NOTE + question.id,
                label="Why (for the activity file)",
                type="text",
                required=False,
                max_length=500,
                placeholder="e.g. the talk covers guideline dosing only; no product of the company is discussed",
            )
        )
    return fields


@field_provider("disclosure_questions")
def open_questions(flow: FlowDef, answers: dict[str, Any]) -> list[FieldDef]:
    result = result_of(answers)
    if result is None:
        return []
    return [field for question in result.questions for field in question_fields(question)]


@step_check(FLOW, "decisions")
def decisions_ready(flow: FlowDef, answers: dict[str, Any]) -> dict[str, str]:
    """Keep the step open until the rules have everything they need. New questions appear once earlier ones are
    answered (a company found ineligible brings its relevance questions), so the error names the first of them: a
    field the open form does not have yet, which makes Slack show the step again with it."""
    result = result_of(answers)
    if result is None:
        return {"collection_date": "Give the date the disclosures are collected."}
    blocking = [p for p in result.problems if p.blocking]
    if blocking:
        where = f"line {blocking[0].line}: " if blocking[0].line else ""
        return {"relationships": f"Fix the relationships first ({where}{blocking[0].message})."}
    if result.questions:
        first = result.questions[0]
        count = len(result.questions)
        plural = "s" if count > 1 else ""
        return {QUESTION + first.id: f"{count} more question{plural} to answer before the record is ready."}
    return {}


@converter("disclosure_csv")
def csv_to_lines(data: bytes, answers: dict[str, Any]) -> tuple[str, list[str]]:
    """A shared CSV's rows as the relationships box's lines; problems are reported when the lines are checked."""
    text = data.decode("utf-8-sig", errors="replace")
    reader = csv.reader(io.StringIO(text))
    header = [cell.strip().casefold() for cell in next(reader, [])]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        return "", [f"The CSV has no {', '.join(missing)} column; expected {','.join(COLUMNS)}."]
    lines = []
    for row in reader:
        cells = dict(zip(header, (cell.strip() for cell in row), strict=False))
        if any(cells.values()):
            lines.append(" | ".join(cells.get(column, "") for column in COLUMNS).rstrip(" |"))
    return "\n".join(lines), []


def remember_series(db: Any, owner: str, draft_id: int, answers: dict[str, Any]) -> int:
    """A finished check of a regularly scheduled series: keep who disclosed when, for renewal reminders."""
    from bot.services.disclosures import DisclosureRecords

    result = result_of(answers)
    if result is None or not result.activity.rss:
        return 0
    shared = [str(user) for user in answers.get("share_with") or []]
    return DisclosureRecords(db).save_series(owner, result, draft_id=draft_id, shared_with=shared)


def reminder_lines(db: Any, today: date, owner: str | None = None, lead_days: int = 30) -> list[str]:
    from bot.services.disclosures import DisclosureRecords

    return [f"{due.series}: {due.reminder.message}" for due in DisclosureRecords(db).due(today, lead_days, owner)]


def session_text(answers: dict[str, Any], words: list[str]) -> str:
    """One session's learner disclosure for a finished series check: `words` are the session date then, optionally,
    the presenters (comma-separated). Planners and reviewers shape every session; faculty only theirs."""
    from bot.disclosure import session_disclosure

    result = result_of(answers)
    if result is None:
        return "That check has no collection date; finish it first."
    if not words:
        return "Give the session date, then the presenters: session 2027-04-02 Dr Lee Chen, Dr Ana Ruiz"
    try:
        day = parse_day(words[0])
    except ValueError as exc:
        return f"{exc}."
    names = [name.strip() for name in " ".join(words[1:]).split(",") if name.strip()]
    return session_disclosure(result, day, names or None).text
