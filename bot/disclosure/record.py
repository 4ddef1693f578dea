"""The activity-file record of Standard 3: who disclosed what and when, every decision with its reason and rule,
exclusions and exceptions, mitigation, the learner disclosure, and what is still open.

ACCME needs no signed form, only that the provider can show what was collected and decided, so the record is
built to be verifiable: collection dates, window dates and the reason for each decision are in it. One structure
(sections of rows) renders to a dict, Markdown and .docx alike, so the three never disagree."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bot.disclosure.learner import learner_disclosure
from bot.disclosure.models import Decision, DisclosureResult, Rule
from bot.disclosure.rules import LOOKBACK, RECORD
from bot.disclosure.window import window_opens


@dataclass(frozen=True)
class RecordSection:
    title: str
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]
    text: str = ""  # a paragraph shown before the table


@dataclass
class ActivityRecord:
    title: str
    sections: list[RecordSection]
    ready: bool
    data: dict[str, Any] = field(default_factory=dict)  # the result's own objects as plain values

    def section(self, title: str) -> RecordSection:
        return next(s for s in self.sections if s.title == title)

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "ready": self.ready,
            "sections": [
                {"title": s.title, "text": s.text, "rows": [dict(zip(s.headers, row, strict=True)) for row in s.rows]}
                for s in self.sections
            ],
            "data": self.data,
        }


def _d(day: date | None, empty: str = "") -> str:
    return day.isoformat() if day else empty


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _decisions(result: DisclosureResult, *kinds: str) -> list[Decision]:
    return [d for d in result.decisions if d.kind in kinds]


def activity_record(result: DisclosureResult) -> ActivityRecord:
    activity = result.activity
    status = "ready" if result.ready else f"not ready: {len(result.questions)} open question(s)"
    if any(p.blocking for p in result.problems):
        status += f", {sum(p.blocking for p in result.problems)} input problem(s) to fix"
    standard3 = "applies" if result.standard3_applies else "does not apply"
    summary: list[tuple[str, ...]] = [
        ("Activity", activity.title),
        ("Topic", activity.topic),
        ("Activity date", _d(activity.activity_date, "not given")),
        ("Disclosure collected", _d(activity.collection_date)),
        ("24-month window opens", _d(window_opens(activity.collection_date))),
        ("Standard 3", standard3 + (f" ({activity.standard3_exception})" if not result.standard3_applies else "")),
        ("Regularly scheduled series", "yes" if activity.rss else "no"),
        ("Disclosure renewal period", f"{activity.renewal_months} months"),
        ("Status", status),
    ]
    sections = [RecordSection("Activity", ("Field", "Value"), summary, RECORD.text)]
    if not result.standard3_applies:
        sections.append(
            RecordSection(
                "Standard 3 exception",
                ("Decision", "Reason", "Decided by", "Note", "Rule"),
                [(d.outcome, d.reason, d.by, d.note, d.rule.id) for d in _decisions(result, "standard3")],
                result.not_applicable_reason,
            )
        )
    else:
        sections += _standard3_sections(result)
    sections.append(RecordSection("Disclosure to learners", (), [], learner_disclosure(result)))
    sections.append(
        RecordSection(
            "Open questions",
            ("Question id", "Question", "Options", "Suggestion", "Why"),
            [
                (q.id, q.text, " / ".join(o.id for o in q.options) or "free text", q.suggestion or "", q.why)
                for q in result.questions
            ],
        )
    )
    sections.append(
        RecordSection(
            "Input problems",
            ("Line", "Kind", "Problem", "Must fix"),
            [(str(p.line or ""), p.kind, p.message, "yes" if p.blocking else "no") for p in result.problems],
        )
    )
    rules: dict[str, Rule] = {LOOKBACK.id: LOOKBACK, RECORD.id: RECORD}
    for decision in result.decisions:
        rules.setdefault(decision.rule.id, decision.rule)
    for question in result.questions:
        rules.setdefault(question.rule.id, question.rule)
    sections.append(
        RecordSection(
            "Rules cited",
            ("Rule", "What it says", "Source", "Knowledge file"),
            [(r.id, r.text, r.source_url, f"{r.doc} > {r.heading}") for r in rules.values()],
        )
    )
    data = {
        "activity": _plain(asdict(activity)),
        "standard3_applies": result.standard3_applies,
        "ready": result.ready,
        "people": [_plain(asdict(p)) for p in result.people],
        "relationships": [_plain(asdict(r)) for r in result.relationships],
        "decisions": [_plain({**asdict(d), "rule": d.rule.id}) for d in result.decisions],
        "excluded": [_plain({**asdict(e), "rule": e.rule.id}) for e in result.excluded],
        "mitigations": [_plain({**asdict(m), "rule": m.rule.id}) for m in result.mitigations],
        "disclosed": [_plain(asdict(d)) for d in result.disclosed],
        "questions": [{"id": q.id, "kind": q.kind, "text": q.text, "rule": q.rule.id} for q in result.questions],
        "problems": [_plain(asdict(p)) for p in result.problems],
    }
    return ActivityRecord(activity.title, sections, result.ready, data)


def _standard3_sections(result: DisclosureResult) -> list[RecordSection]:
    people = RecordSection(
        "People in control of content",
        ("Name", "Roles", "Disclosure collected", "Window opens", "Outcome"),
        [(p.name, ", ".join(p.roles), _d(p.collected_on), _d(p.window_opens), p.status) for p in result.people],
    )
    disclosed = RecordSection(
        "Financial relationships disclosed",
        ("Person", "Company", "Nature", "Start", "End", "Holding", "24-month window"),
        [
            (
                r.person,
                r.company,
                r.nature,
                _d(r.start, "not given"),
                _d(r.end, "ongoing"),
                r.ownership or "",
                ": ".join(result.windows.get(index, ("not assessed",))),
            )
            for index, r in enumerate(result.relationships)
        ],
        "Everything each person reported, whatever its relevance; relationships outside the window are shown with "
        "the dates that put them outside.",
    )

    def table(title: str, kinds: tuple[str, ...], text: str = "") -> RecordSection:
        return RecordSection(
            title,
            ("Subject", "Company", "Decision", "Reason", "Decided by", "Note", "Rule"),
            [
                (d.subject, d.company or "", d.outcome, d.reason, d.by, d.note, d.rule.id)
                for d in _decisions(result, *kinds)
            ],
            text,
        )

    mitigation = RecordSection(
        "Mitigation",
        ("Person", "Role", "Companies", "Steps taken", "Note", "Rule"),
        [(m.person, m.role, ", ".join(m.companies), "; ".join(m.steps), m.note, m.rule.id) for m in result.mitigations],
        "Steps must be taken before the person assumes the role.",
    )
    return [
        people,
        disclosed,
        table("Company eligibility", ("eligibility",), "Decided only from business facts the planner confirmed."),
        table("Owners, employees and holdings", ("holding",)),
        table("Exclusions and exceptions", ("exclusion",)),
        table("Relevance", ("relevance",), "Relevance is decided by the provider, per person and per activity."),
        mitigation,
    ]


def record_markdown(result: DisclosureResult) -> str:
    record = activity_record(result)
    out = [f"# Standard 3 record: {record.title}", ""]
    for section in record.sections:
        out += [f"## {section.title}", ""]
        if section.text:
            out += [section.text, ""]
        if section.headers:
            if not section.rows:
                out += ["None.", ""]
                continue
            out.append("| " + " | ".join(section.headers) + " |")
            out.append("|" + "---|" * len(section.headers))
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in section.rows]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", "<br>")


def record_docx(result: DisclosureResult, path: str | Path) -> Path:
    """The record as a Word document: a heading per section and a table each (python-docx)."""
    from docx import Document

    record = activity_record(result)
    document = Document()
    document.add_heading(f"Standard 3 record: {record.title}", level=0)
    for section in record.sections:
        document.add_heading(section.title, level=1)
        if section.text:
            for paragraph in section.text.split("\n"):
                document.add_paragraph(paragraph)
        if not section.headers:
            continue
        if not section.rows:
            document.add_paragraph("None.")
            continue
        table = document.add_table(rows=1, cols=len(section.headers))
        table.style = "Table Grid"
        for cell, header in zip(table.rows[0].cells, section.headers, strict=True):
            cell.text = header
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in section.rows:
            for cell, value in zip(table.add_row().cells, row, strict=True):
                cell.text = value
    target = Path(path)
    document.save(str(target))
    return target
