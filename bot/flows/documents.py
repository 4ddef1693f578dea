"""The document a finished flow leaves behind: built once as a `FlowDocument`, written as Markdown and
.docx (python-docx), and summarised for Slack by the Slack layer."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bot.flows.analysis import analyse
from bot.flows.answers import MockActivity
from bot.flows.checks import STATUS_ICONS, CheckItem
from bot.flows.compliance import build_checklist
from bot.flows.credits import CreditResult
from bot.flows.definitions import FieldDef, FlowDef, load_flow
from bot.flows.statements import Statements, build_statements
from bot.flows.validation import as_lines


@dataclass
class Section:
    heading: str
    fields: list[tuple[str, list[str]]] = field(default_factory=list)  # label, lines of its value
    paragraphs: list[str] = field(default_factory=list)
    table: tuple[list[str], list[list[str]]] | None = None


@dataclass
class FlowDocument:
    flow: str
    title: str
    intro: str
    sections: list[Section]
    checklist: list[CheckItem]
    checklist_heading: str
    credit: CreditResult | None = None
    statements: Statements | None = None
    weaknesses: list[str] = field(default_factory=list)


def display_value(field_def: FieldDef, value: Any) -> list[str]:
    """An answer as lines a reader understands: option labels, one line per list item."""
    if field_def.type == "multi_choice":
        return [field_def.label_for(v) for v in (value or [])]
    if field_def.type == "choice":
        return [field_def.label_for(str(value))] if value else []
    if field_def.type == "needs_assessment":
        return [f"Needs assessment #{value}"] if value else []
    return as_lines(value)


def _answer_sections(flow: FlowDef, answers: dict[str, Any]) -> list[Section]:
    sections = []
    for step in flow.steps:
        fields = [(f.label, display_value(f, answers.get(f.id))) for f in step.fields]
        sections.append(Section(step.label, [(label, lines) for label, lines in fields if lines]))
    return sections


def _checklist_table(items: list[CheckItem]) -> tuple[list[str], list[list[str]]]:
    rows = [[item.item, f"{STATUS_ICONS[item.status]} {item.label}", item.source, item.note] for item in items]
    return ["Item", "Status", "Standard or criterion", "Notes"], rows


def build_document(flow_name: str, answers: dict[str, Any], source: dict[str, Any] | None = None) -> FlowDocument:
    flow = load_flow(flow_name)
    sections = _answer_sections(flow, answers)
    if flow.name == "needs_assessment":
        rows, weaknesses = analyse(answers, flow)
        sections.append(Section("Mapping to the ACCME criteria", table=_checklist_table(rows)))
        return FlowDocument(
            flow.name,
            flow.render_title(answers),
            flow.intro,
            sections,
            rows,
            "Mapping to the ACCME criteria",
            weaknesses=[w.reason for w in weaknesses],
        )
    items, credit = build_checklist(answers, source, flow)
    plan = MockActivity.from_answers(answers)
    statements = build_statements(plan, flow, credit)
    if credit:
        rows = [
            [_clock(s.start) + "-" + _clock(s.end), s.title, "yes" if s.educational else "no (excluded)"]
            for s in credit.sessions
        ]
        section = Section("Credit calculation", table=(["Time", "Session", "Counts"], rows) if rows else None)
        section.paragraphs.append(
            f"Educational time: {credit.minutes} min"
            + (f" (after {credit.break_minutes} min of breaks)" if credit.break_minutes else "")
            + f". Credit: {credit.display} AMA PRA Category 1 Credit(s)™ (60 min = 1 credit, quarter-credit steps,"
            " rounded to the nearest quarter hour)."
        )
        sections.append(section)
    sections.append(Section("Statements", paragraphs=[statements.accreditation, statements.designation]))
    sections.append(Section("Compliance checklist", table=_checklist_table(items)))
    return FlowDocument(
        flow.name, flow.render_title(answers), flow.intro, sections, items, "Compliance checklist", credit, statements
    )


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# --- Markdown ----------------------------------------------------------------------------------------
def _label(label: str) -> str:
    return label if label.endswith(("?", ":")) else f"{label}:"


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def to_markdown(doc: FlowDocument) -> str:
    out = [f"# {doc.title}", "", f"_Drafted with the CME community assistant on {date.today().isoformat()}._", ""]
    for section in doc.sections:
        out += [f"## {section.heading}", ""]
        for label, lines in section.fields:
            if len(lines) == 1:
                out.append(f"**{_label(label)}** {lines[0]}")
            else:
                out.append(f"**{_label(label)}**")
                out += [f"- {line}" for line in lines]
            out.append("")
        for paragraph in section.paragraphs:
            out += [paragraph, ""]
        if section.table:
            headers, rows = section.table
            out.append("| " + " | ".join(headers) + " |")
            out.append("|" + "---|" * len(headers))
            out += ["| " + " | ".join(_md_cell(cell) for cell in row) + " |" for row in rows]
            out.append("")
    if doc.weaknesses:
        out += ["## Weaknesses to fix", ""] + [f"- {reason}" for reason in doc.weaknesses] + [""]
    return "\n".join(out).rstrip() + "\n"


# --- .docx ---------------------------------------------------------------------------------------------
def write_docx(doc: FlowDocument, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    _render_docx(doc).save(str(path))
    return path


def docx_bytes(doc: FlowDocument) -> bytes:
    """The .docx in memory, for uploading to Slack without a temporary file."""
    buffer = io.BytesIO()
    _render_docx(doc).save(buffer)
    return buffer.getvalue()


def _render_docx(doc: FlowDocument) -> Any:
    from docx import Document

    document = Document()
    document.add_heading(doc.title, level=0)
    byline = document.add_paragraph().add_run(f"Drafted with the CME community assistant on {date.today():%Y-%m-%d}.")
    byline.italic = True
    for section in doc.sections:
        document.add_heading(section.heading, level=1)
        for label, lines in section.fields:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{_label(label)} ").bold = True
            if len(lines) == 1:
                paragraph.add_run(lines[0])
            else:
                for line in lines:
                    document.add_paragraph(line, style="List Bullet")
        for text in section.paragraphs:
            document.add_paragraph(text)
        if section.table:
            headers, rows = section.table
            table = document.add_table(rows=1, cols=len(headers))
            table.style = "Table Grid"
            for cell, header in zip(table.rows[0].cells, headers, strict=True):
                cell.text = ""
                cell.paragraphs[0].add_run(header).bold = True
            for row in rows:
                cells = table.add_row().cells
                for cell, value in zip(cells, row, strict=True):
                    cell.text = value
    if doc.weaknesses:
        document.add_heading("Weaknesses to fix", level=1)
        for reason in doc.weaknesses:
            document.add_paragraph(reason, style="List Bullet")
    return document


def file_stem(doc: FlowDocument, draft_id: int) -> str:
    """A safe file name: ASCII letters of the title (other scripts fall back to the flow name)."""
    ascii_title = unicodedata.normalize("NFKD", doc.title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60] or doc.flow.replace("_", "-")
    return f"{slug}-{draft_id}"


def write_files(doc: FlowDocument, folder: Path, draft_id: int) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    stem = file_stem(doc, draft_id)
    markdown = folder / f"{stem}.md"
    markdown.write_text(to_markdown(doc), encoding="utf-8")
    return markdown, write_docx(doc, folder / f"{stem}.docx")
