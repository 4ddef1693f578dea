from __future__ import annotations

from pathlib import Path

from docx import Document

from bot.flows.documents import build_document, to_markdown, write_files
from tests.flows.samples import MOCK_ACTIVITY, NEEDS_ASSESSMENT


def docx_text(path: Path) -> tuple[str, list[list[list[str]]]]:
    document = Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return text, tables


def test_needs_assessment_document_maps_to_criteria_and_lists_weaknesses(tmp_path: Path) -> None:
    answers = {**NEEDS_ASSESSMENT, "baseline": "", "topic": "Diabète 🩺 et insuline"}
    doc = build_document("needs_assessment", answers)
    markdown, docx = write_files(doc, tmp_path, 12)
    assert markdown.name == "needs-assessment-diabete-et-insuline-12.md"
    md = markdown.read_text(encoding="utf-8")
    assert md.startswith("# Needs assessment: Diabète 🩺 et insuline")
    assert "| Analyzes Change (formerly C11) | ⚠️ At risk |" in md
    assert "## Weaknesses to fix" in md and "If you didn't baseline it" in md

    text, tables = docx_text(docx)
    assert "Needs assessment: Diabète 🩺 et insuline" in text
    assert "CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022" in text
    criteria = tables[-1]
    assert criteria[0] == ["Item", "Status", "Standard or criterion", "Notes"]
    statuses = {row[0]: row[1] for row in criteria[1:]}
    assert statuses["Educational Needs (formerly C2)"] == "✅ Met"
    assert statuses["Analyzes Change (formerly C11)"] == "⚠️ At risk"


def test_activity_plan_docx_holds_credit_statements_and_checklist(tmp_path: Path) -> None:
    plan = {**MOCK_ACTIVITY, "commercial_support": "agreement_pending"}
    doc = build_document("mock_activity", plan)
    _, docx = write_files(doc, tmp_path, 3)
    text, tables = docx_text(docx)
    assert "Activity plan: Safer Opioid Prescribing in Primary Care" in text
    assert "Select patients who need a risk assessment before long-term opioid therapy" in text
    assert "Educational time: 135 min" in text and "2.25" in text
    assert "designates this live activity for a maximum of 2.25 AMA PRA Category 1 Credits™" in text
    assert "accredited by the Accreditation Council for Continuing Medical Education (ACCME)" in text
    agenda, checklist = tables
    assert agenda[2] == ["09:00-09:15", "Coffee break", "no (excluded)"]
    rows = {row[0]: row for row in checklist[1:]}
    assert rows["Commercial support"][1:3] == ["❌ Missing", "ACCME Standard 4"]
    assert rows["Marketing kept separate from education"][1] == "✅ Met"
    assert "| Commercial support | ❌ Missing | ACCME Standard 4 |" in to_markdown(doc)


def test_titles_in_other_scripts_still_get_a_file_name(tmp_path: Path) -> None:
    doc = build_document("mock_activity", {**MOCK_ACTIVITY, "title": "糖尿病の管理"})
    markdown, docx = write_files(doc, tmp_path, 5)
    assert markdown.name == "activity-plan-5.md" and docx.exists()
    assert "糖尿病の管理" in docx_text(docx)[0]
