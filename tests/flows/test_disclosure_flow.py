"""/disclosure-check in `cmebot chat`: the Standard 3 rules asked as a guided flow, the record written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

from bot.flows.definitions import load_flow
from bot.flows.disclosure_check import parse_day, result_of
from bot.flows.documents import build_document, to_markdown
from bot.flows.service import FlowService
from bot.flows.validation import line_errors
from bot.runtime import Runtime
from tests.conftest import make_settings
from tests.flows.test_console import chat_with

ACTIVITY = ["Hypertension Grand Rounds", "hypertension management, antihypertensive drugs", "2025-03-15", ""]
RELATIONSHIPS = [
    "Dr Lee Chen | faculty | Acme Pharma | speakers' bureau | 2024-01 | ongoing",
    "Dr Ana Ruiz | planner | Medtronic | stock | 2022-01 | ongoing | public stock",
    "Dr Old Timer | faculty | Bayer | consultant | 2020-01 | 2022-06",
    "Dr Bo Li | reviewer | none",
]
BASE = {
    "title": "Hypertension Grand Rounds",
    "topic": "hypertension management, antihypertensive drugs",
    "collection_date": "2025-03-15",
    "standard3_exception": "none",
    "rss": "no",
    "relationships": "\n".join(RELATIONSHIPS),
}


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Runtime]:
    runtime = Runtime(make_settings(tmp_path))
    yield runtime
    runtime.close()


def test_the_console_flow_asks_in_rounds_and_writes_the_record(runtime: Runtime) -> None:
    answers = [
        "yes",  # Acme Pharma makes products used on patients
        "yes",  # Medtronic too
        "",  # notes
        "relevant",
        "the talk covers antihypertensives",
        "not relevant",
        "no device is discussed",
        "",  # notes
        "peer review",  # mitigation for Dr Chen, by its label's start
        "",
    ]
    chat, output = chat_with(runtime, [*ACTIVITY, "1", "1", "", *RELATIONSHIPS, "", "", *answers])
    chat.handle("/disclosure-check")
    text = output.getvalue()
    assert "Step 3 of 3: Decisions" in text and "Done: Standard 3 record: Hypertension Grand Rounds" in text
    assert "Dr Lee Chen (faculty): Acme Pharma (speakers' bureau)" in text
    assert "All relevant financial relationships have been mitigated." in text
    record = runtime.settings.output_dir / "standard-3-record-hypertension-grand-rounds-1.md"
    markdown = record.read_text(encoding="utf-8")
    assert "outside: ended 2022-06-30, before the window opened on 2023-03-15" in markdown
    assert "| Dr Lee Chen | Acme Pharma | relevant |" in markdown and "the talk covers antihypertensives" in markdown
    document = Document(str(record.with_suffix(".docx")))
    assert any("Standard 3 record" in p.text for p in document.paragraphs) and len(document.tables) >= 5


def test_questions_follow_the_answers(runtime: Runtime) -> None:
    flow = load_flow("disclosure_check")
    service = FlowService(runtime.db, runtime.settings)
    draft = service.start("U1", "disclosure_check")
    service.submit_step(
        draft.id, "U1", {k: BASE[k] for k in ("title", "topic", "collection_date", "standard3_exception", "rss")}
    )
    outcome = service.submit_step(draft.id, "U1", {"relationships": BASE["relationships"]})
    assert outcome.state.step.id == "decisions"
    first = [f.id for f in outcome.state.step.fields]  # static ones only: record_notes
    assert first == ["record_notes"]
    outcome = service.submit_step(draft.id, "U1", {})
    assert set(outcome.errors) == {"q:company:acme-pharma:products", "q:company:medtronic:products"}
    # Answering the company questions opens the relevance ones: the step stays, now with those.
    outcome = service.submit_step(
        draft.id, "U1", {"q:company:acme-pharma:products": "yes", "q:company:medtronic:products": "no"}
    )
    assert list(outcome.errors) == ["q:company:medtronic:parent"]
    assert "more question" in next(iter(outcome.errors.values()))
    assert flow.name == outcome.state.flow


def test_a_standard_3_exception_needs_only_its_reason() -> None:
    answers = {**BASE, "standard3_exception": "non_clinical"}
    result = result_of(answers)
    assert result is not None and not result.standard3_applies
    assert [q.kind for q in result.questions] == ["exception_rationale"]


def test_relationship_lines_are_checked_one_by_one() -> None:
    flow = load_flow("disclosure_check")
    field = flow.fields["relationships"]
    text = "\n".join(
        [
            "Dr A | faculty | Acme Pharma | consultant | 2024-01 | ongoing",
            "Dr B | chef | none",
            "Dr C | faculty | Beta | advisor | 2025-05 | 2024-01",
        ]
    )
    errors = line_errors(field, text, flow)
    assert set(errors) == {2, 3}
    assert "unknown role 'chef'" in errors[2]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2025-03-15", "2025-03-15"),
        ("03/15/2025", "2025-03-15"),
        ("15 March 2025", "2025-03-15"),
        ("2025-03", "2025-03-01"),
    ],
)
def test_dates_as_members_type_them(typed: str, expected: str) -> None:
    assert parse_day(typed).isoformat() == expected


def test_the_record_document_leads_with_the_learner_disclosure() -> None:
    answers = {
        **BASE,
        "q:company:acme-pharma:products": "yes",
        "q:company:medtronic:products": "yes",
        "q:relevance:dr-lee-chen:acme-pharma": "relevant",
        "q:relevance:dr-ana-ruiz:medtronic": "not_relevant",
    }
    result = result_of(answers)
    assert result is not None
    mitigation = next(q for q in result.questions if q.kind == "mitigation")
    answers[f"q:{mitigation.id}"] = [mitigation.options[0].id]
    doc = build_document("disclosure_check", answers)
    assert doc.sections[0].heading == "Disclosure for learners" and doc.open_issues == []
    assert "All relevant financial relationships have been mitigated." in to_markdown(doc)


def test_a_finished_series_check_is_remembered_for_reminders(runtime: Runtime) -> None:
    service = FlowService(runtime.db, runtime.settings)
    draft = service.start("console-user", "disclosure_check")
    first = {k: BASE[k] for k in ("title", "topic", "collection_date", "standard3_exception")}
    service.submit_step(draft.id, "console-user", {**first, "rss": "yes"})
    service.submit_step(
        draft.id, "console-user", {"relationships": "Dr Bo Li | faculty | none\nDr Ana Ruiz | planner | none"}
    )
    outcome = service.submit_step(draft.id, "console-user", {})
    assert outcome.finished_now
    chat, output = chat_with(runtime, [])
    chat.handle("/disclosure-check reminders")
    # Collected 2025-03-15, so due again 2026-03-15: long past on the machine's date (2026 or later).
    assert output.getvalue().count("overdue since 2026-03-15") == 2
    from datetime import date

    from bot.flows.disclosure_check import reminder_lines

    lines = reminder_lines(runtime.db, date(2026, 3, 1), owner="console-user")
    assert len(lines) == 2 and lines[0].startswith("Hypertension Grand Rounds: Dr Ana Ruiz (planner)")


def test_one_series_session_gets_its_own_learner_disclosure(runtime: Runtime) -> None:
    service = FlowService(runtime.db, runtime.settings)
    draft = service.start("console-user", "disclosure_check")
    first = {k: BASE[k] for k in ("title", "topic", "collection_date", "standard3_exception")}
    service.submit_step(draft.id, "console-user", {**first, "rss": "yes"})
    people = "Dr Bo Li | faculty | none\nDr Ana Ruiz | planner | none\nDr Cy Park | faculty | none"
    service.submit_step(draft.id, "console-user", {"relationships": people})
    assert service.submit_step(draft.id, "console-user", {}).finished_now
    chat, output = chat_with(runtime, [])
    chat.handle(f"/disclosure-check session {draft.id} 2025-06-01 Dr Bo Li")
    chat.handle(f"/disclosure-check session {draft.id} 2026-06-01 Dr Bo Li, Dr New Face")
    chat.handle("/disclosure-check session 999 2025-06-01")
    text = output.getvalue()
    first_session, later = text.split("Hypertension Grand Rounds, session of 2025-06-01", 1)[1].split(
        "Hypertension Grand Rounds, session of 2026-06-01", 1
    )
    # The planner shapes every session; of the faculty, only the presenter.
    assert "Dr Bo Li" in first_session and "Dr Ana Ruiz" in first_session and "Dr Cy Park" not in first_session
    assert "Collect again before this session" in later and "No disclosure on record for: Dr New Face" in later
    assert "No disclosure check #999 of yours." in text
