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


def docx_headings(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.style.name == "Heading 1"]


def test_needs_assessment_document_maps_to_criteria_and_lists_open_issues(tmp_path: Path) -> None:
    answers = {**NEEDS_ASSESSMENT, "baseline": "", "topic": "Diabète 🩺 et insuline"}
    doc = build_document("needs_assessment", answers)
    markdown, docx = write_files(doc, tmp_path, 12)
    assert markdown.name == "needs-assessment-diabete-et-insuline-12.md"
    md = markdown.read_text(encoding="utf-8")
    assert md.startswith("# Needs assessment: Diabète 🩺 et insuline")
    assert "| Analyzes Change (formerly C11) | ⚠️ At risk |" in md
    assert "## Open issues" in md and "1. No baseline. If you didn't baseline it" in md

    text, tables = docx_text(docx)
    assert "Needs assessment: Diabète 🩺 et insuline" in text
    # Form instructions stay in the form: the filed document says "References", numbered.
    assert "per line" not in text and "per line" not in md
    assert "References:" in text and "1. CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022" in text
    assert "Supports: ACCME Educational Needs" in text and "Supports: ACCME Analyzes Change" in text
    criteria = tables[-1]
    assert criteria[0] == ["Item", "Status", "Standard or criterion", "Notes"]
    statuses = {row[0]: row[1] for row in criteria[1:]}
    # On paper the status is a word: a PDF made without an emoji font would show the icons as empty boxes.
    assert statuses["Educational Needs (formerly C2)"] == "Met"
    assert statuses["Analyzes Change (formerly C11)"] == "At risk"
    headings = docx_headings(docx)
    assert headings[:2] == ["Audience", "Topic"] and headings[-2:] == ["Mapping to the ACCME criteria", "Open issues"]


def test_activity_plan_is_a_document_to_file(tmp_path: Path) -> None:
    plan = {**MOCK_ACTIVITY, "commercial_support": "agreement_pending", "dates": "14 March 2027"}
    doc = build_document("mock_activity", plan)
    _, docx = write_files(doc, tmp_path, 3)
    text, tables = docx_text(docx)
    assert "Activity plan: Safer Opioid Prescribing in Primary Care" in text
    assert "1. Select patients who need a risk assessment before long-term opioid therapy" in text
    assert "Educational time: 135 min" in text and "2.25" in text
    assert "designates this live activity for a maximum of 2.25 AMA PRA Category 1 Credits™" in text
    assert "accredited by the Accreditation Council for Continuing Medical Education (ACCME)" in text
    assert "per line" not in text and "|" not in text  # no raw "Name | faculty | ..." strings
    assert docx_headings(docx) == [
        "Activity summary",
        "Audience",
        "Learning objectives",
        "Format",
        "Time and credit",
        "Planners and faculty",
        "Support and marketing",
        "Outcomes plan",
        "Providership",
        "Statements for learners",
        "Compliance checklist",
        "PARS readiness",
        "Open issues",
    ]
    summary, agenda, people, checklist, pars = tables
    assert ["Dates", "14 March 2027"] in summary and ["Location", "not set yet"] in summary
    assert ["Credit", "2.25 AMA PRA Category 1 Credit(s)™"] in summary
    assert agenda[2] == ["09:00-09:15", "Coffee break", "no (excluded)"]
    assert people[0] == ["Name", "Role", "Financial relationships (past 24 months)", "Mitigation"]
    assert people[1:] == [
        ["Dr Ana Ruiz", "planner", "none", "Not needed"],
        ["Dr Lee Chen", "faculty", "speaker bureau, Acme Pharma", "slides peer reviewed"],
    ]
    rows = {row[0]: row for row in checklist[1:]}
    assert rows["Commercial support"][1:3] == ["Missing", "ACCME Standard 4"]
    assert rows["Marketing kept separate from education"][1] == "Met"
    assert "| Commercial support | ❌ Missing | ACCME Standard 4 |" in to_markdown(doc)
    # The learner-facing disclosure, as it will be printed.
    assert "Dr Lee Chen (faculty): speaker bureau, Acme Pharma" in text
    assert "All of the relevant financial relationships listed for these individuals have been mitigated." in text
    assert "Dr Ana Ruiz (planner): no relevant financial relationships with ineligible companies." in text
    # PARS: what the plan holds, what is missing, what comes after the activity.
    status = {row[0]: row[1] for row in pars[1:]}
    assert status["Start and end dates"] == "In the plan"
    assert status["Location (city, state, country)"] == "Missing"
    assert status["Number of physician learners"] == "After the activity"
    assert status["Joint provider name(s)"] == "Not needed"
    # Open issues: every checklist item that is not met, as such.
    issues = text.split("Open issues", 1)[1]
    assert "1. Needs assessment behind the activity" in issues and "Commercial support:" in issues


def test_activity_plan_open_issues_name_unmitigated_relationships_and_the_joint_provider(tmp_path: Path) -> None:
    plan = {
        **MOCK_ACTIVITY,
        "people": "Dr Lee Chen | faculty | consultant, Acme Devices",
        "providership": "joint",
        "joint_provider": "",
        "format": "enduring",
    }
    doc = build_document("mock_activity", plan)
    assert doc.disclosure is not None and not doc.disclosure.ready
    md = to_markdown(doc)
    assert "[Not ready: mitigate every relevant relationship before the person takes on the role.]" in md
    assert "⚠️ none recorded yet" in md
    pars = {field.name: field for field in doc.pars}
    assert pars["Joint provider name(s)"].status == "missing"
    assert pars["Location (city, state, country)"].status == "not_needed"  # enduring material has no place
    assert any(issue.startswith("Financial relationships identified and mitigated") for issue in doc.open_issues)


def test_a_standard_3_exception_replaces_the_disclosure_with_the_reason() -> None:
    doc = build_document("mock_activity", {**MOCK_ACTIVITY, "standard3_exception": "non_clinical"})
    assert doc.disclosure is not None and doc.disclosure.ready
    assert doc.disclosure.text[0].startswith("Standard 3 does not apply to this activity (Non-clinical education")


def test_no_relationships_gives_the_none_statement() -> None:
    doc = build_document("mock_activity", {**MOCK_ACTIVITY, "people": "Dr Ana Ruiz | planner | none"})
    assert doc.disclosure is not None
    assert doc.disclosure.text == [
        "None of the planners, faculty or others in control of content for this activity has relevant financial "
        "relationships with ineligible companies to disclose."
    ]


def test_titles_in_other_scripts_still_get_a_file_name(tmp_path: Path) -> None:
    doc = build_document("mock_activity", {**MOCK_ACTIVITY, "title": "糖尿病の管理"})
    markdown, docx = write_files(doc, tmp_path, 5)
    assert markdown.name == "activity-plan-5.md" and docx.exists()
    assert "糖尿病の管理" in docx_text(docx)[0]
