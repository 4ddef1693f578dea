from __future__ import annotations

from bot.flows.analysis import analyse
from tests.flows.samples import NEEDS_ASSESSMENT


def by_name(rows):  # type: ignore[no-untyped-def]
    return {row.item.split(" (")[0]: row for row in rows}


def test_a_strong_assessment_meets_every_criterion() -> None:
    rows, weaknesses = analyse(NEEDS_ASSESSMENT)
    assert [row.item for row in rows] == [
        "Educational Needs (formerly C2)",
        "Designed to Change (formerly C3)",
        "Appropriate Formats (formerly C5)",
        "Competencies (formerly C6)",
        "Analyzes Change (formerly C11)",
    ]
    assert weaknesses == []
    assert all(row.status == "met" for row in rows)
    needs = by_name(rows)["Educational Needs"]
    assert "Supported by: Audience, Practice gap, Cause of the gap, Evidence." in needs.note


def test_weaknesses_are_flagged_with_their_reason() -> None:
    weak = {
        **NEEDS_ASSESSMENT,
        "evidence_types": ["learner_questions"],
        "evidence_references": "Learners asked for it",
        "moore_levels": ["3a", "3b"],
        "competencies": [],
        "formats": ["lecture"],
        "baseline": "",
    }
    rows = by_name(analyse(weak)[0])
    needs = rows["Educational Needs"]
    assert needs.status == "at_risk"
    assert "demand, not a gap" in needs.note
    assert "cannot be traced" in needs.note
    assert "knowledge-only aim" in rows["Designed to Change"].note
    formats = rows["Appropriate Formats"]
    assert formats.status == "at_risk" and "do not fit a competence gap" in formats.note
    assert rows["Competencies"].status == "missing"
    assert "If you didn't baseline it" in rows["Analyzes Change"].note


def test_a_gap_without_evidence_is_missing() -> None:
    rows = by_name(analyse({**NEEDS_ASSESSMENT, "evidence_references": ""})[0])
    assert rows["Educational Needs"].status == "missing"
    assert "A gap without evidence" in rows["Educational Needs"].note


def test_system_causes_and_knowledge_tests_for_higher_aims_are_flagged() -> None:
    rows = by_name(analyse({**NEEDS_ASSESSMENT, "cause_type": "system", "measurement_method": "A post-test"})[0])
    assert "education alone will not close it" in rows["Educational Needs"].note
    assert "knowledge test only" in rows["Analyzes Change"].note
