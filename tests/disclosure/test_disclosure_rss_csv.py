"""Regularly scheduled series (renewal dates, reminders, a per-session disclosure) and the CSV upload."""

from __future__ import annotations

from datetime import date

import pytest

from bot.disclosure import (
    Activity,
    CollectionRecord,
    CompanyFacts,
    Person,
    Relationship,
    csv_template,
    evaluate,
    parse_csv,
    parse_date,
    records_from,
    reminders,
    renewal_due,
    session_disclosure,
)

# --- RSS ---------------------------------------------------------------------------------------------------------


def test_renewal_due() -> None:
    assert renewal_due(date(2024, 5, 1), date(2025, 1, 1)) == date(2025, 5, 1)
    assert renewal_due(date(2024, 2, 29), date(2024, 3, 1)) == date(2025, 2, 28)
    assert renewal_due(date(2024, 5, 1), date(2025, 1, 1), renewal_months=6) == date(2024, 11, 1)
    with pytest.raises(ValueError):
        renewal_due(date(2025, 5, 1), date(2025, 1, 1))


def test_reminder_30_days_before_a_year_passes() -> None:
    records = [
        CollectionRecord("Dr Ruiz", "faculty", date(2024, 5, 1)),
        CollectionRecord("Dr Cole", "planner", date(2024, 9, 1)),
        CollectionRecord("Dr Dunn", "faculty", date(2024, 3, 20)),  # already overdue
        CollectionRecord("Dr Eng", "faculty", date(2024, 11, 1), renewal_months=6),  # provider's 6-month period
    ]
    assert [r.name for r in reminders(records, date(2025, 3, 31))] == ["Dr Dunn"]
    due = reminders(records, date(2025, 4, 1))
    assert [r.name for r in due] == ["Dr Dunn", "Dr Eng", "Dr Ruiz"]
    ruiz = due[-1]
    assert (ruiz.due, ruiz.days_left, ruiz.overdue) == (date(2025, 5, 1), 30, False)
    assert due[0].overdue and "overdue since 2025-03-20" in due[0].message
    assert [r.name for r in reminders(records, date(2025, 4, 1), lead_days=0)] == ["Dr Dunn"]


def test_session_disclosure_from_current_records() -> None:
    series = Activity("Cardiology grand rounds", "heart failure", date(2025, 1, 10), rss=True)
    people = [
        Person("Dr Ruiz", "faculty", collected_on=date(2024, 9, 1)),
        Person("Dr Cole", "planner"),
        Person("Dr Dunn", "faculty", collected_on=date(2024, 2, 1)),
    ]
    rels = [Relationship("Dr Ruiz", "Acme Pharma", "consultant", date(2023, 1, 1), None)]
    facts = [CompanyFacts("Acme Pharma", True, None, None, "heart failure drugs")]
    answers = {"relevance:dr-ruiz:acme-pharma": "relevant", "mitigation:dr-ruiz:faculty": "peer_review_content"}
    result = evaluate(series, people, rels, facts, answers)
    assert result.ready
    session = session_disclosure(result, date(2025, 2, 5), presenters=["Dr Ruiz"])
    assert session.ready and not session.stale
    assert "Dr Ruiz (faculty): Acme Pharma (consultant)" in session.text
    assert "Dr Cole (planner) has no relevant" in session.text and "Dr Dunn" not in session.text
    stale = session_disclosure(result, date(2025, 3, 1), presenters=["Dr Dunn", "Dr New"])
    assert not stale.ready and stale.stale == ("Dr Dunn",) and stale.missing == ("Dr New",)
    assert stale.text.startswith("DRAFT")
    assert [r.name for r in reminders(records_from(result), date(2025, 8, 15))] == ["Dr Dunn", "Dr Ruiz"]


# --- CSV -----------------------------------------------------------------------------------------------------------


def test_template_parses_cleanly() -> None:
    upload = parse_csv(csv_template(), as_of=date(2025, 3, 15))
    assert not upload.problems
    assert [p.name for p in upload.people] == ["Dr. Ana Ruiz", "Dr. Ben Cole"]
    assert len(upload.relationships) == 2 and upload.relationships[0].end is None
    assert upload.relationships[1].end == date(2024, 5, 31)  # a month alone ends on its last day


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2024-03-05", False, date(2024, 3, 5)),
        ("2024-03", False, date(2024, 3, 1)),
        ("2024-02", True, date(2024, 2, 29)),
        ("03/05/2024", False, date(2024, 3, 5)),
    ],
)
def test_date_formats(text: str, end: bool, expected: date) -> None:
    assert parse_date(text, end=end) == expected


def test_csv_problems_are_reported_by_line_and_the_rest_kept() -> None:
    text = (
        "Name,Role,Company,Nature,Start,End,Ownership\n"
        "Dr Ruiz,faculty,Acme Pharma,consultant,2023-06-01,ongoing,\n"  # 2: fine
        "Dr Cole,speaker,Acme Pharma,consultant,2023-06-01,,\n"  # 3: unknown role
        "Dr Dunn,faculty,Acme Pharma,consultant,June 2023,,\n"  # 4: bad date
        "Dr Eng,planner,Pulse Devices,advisory board,2024-05-01,2023-01-01,\n"  # 5: reversed
        "Dr Fox,faculty,Pulse Devices,consultant,2025-06-01,,\n"  # 6: future start
        ",faculty,Pulse Devices,consultant,2024-01-01,,\n"  # 7: missing name
        "\n"
        "Dr Gil,reviewer,,,,,\n"  # 9: no relationships
        "Dr Ruiz,faculty,Pulse Devices,stock,2022-01,,public stock\n"  # 10: fine
        "Dr Hu,faculty,Pulse Devices,stock,2022-01,,bonds\n"  # 11: unknown ownership
    )
    upload = parse_csv(text.encode("utf-8-sig"), as_of=date(2025, 3, 15))
    assert [(p.line, p.kind) for p in upload.problems] == [
        (3, "unknown_role"),
        (4, "bad_date"),
        (5, "reversed_dates"),
        (6, "future_date"),
        (7, "missing_name"),
        (11, "unknown_ownership"),
    ]
    assert all(p.blocking for p in upload.problems)
    assert [(r.person, r.company, r.line) for r in upload.relationships] == [
        ("Dr Ruiz", "Acme Pharma", 2),
        ("Dr Ruiz", "Pulse Devices", 10),
    ]
    assert upload.relationships[1].ownership == "public_stock"
    assert [p.name for p in upload.people] == ["Dr Ruiz", "Dr Gil"]
    # The upload's problems travel into the result and keep it from being ready until the file is fixed.
    activity = Activity("HF update", "heart failure", date(2025, 3, 15))
    result = evaluate(activity, upload.people, upload.relationships, problems=upload.problems)
    assert not result.ready and result.problems[:6] == upload.problems


def test_csv_with_wrong_columns_is_one_problem() -> None:
    upload = parse_csv("name,company\nDr Ruiz,Acme\n")
    assert [(p.line, p.kind) for p in upload.problems] == [(1, "columns")] and not upload.relationships
