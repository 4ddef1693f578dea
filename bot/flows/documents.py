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
from bot.flows.answers import MockActivity, Person, parse_people
from bot.flows.checks import STATUS_ICONS, CheckItem
from bot.flows.compliance import build_checklist
from bot.flows.credits import CreditResult
from bot.flows.datafile import parse_data_file
from bot.flows.definitions import FieldDef, FlowDef, load_flow
from bot.flows.disclosure import LearnerDisclosure, learner_disclosure
from bot.flows.pars import PARS_SOURCE, ParsField, pars_readiness
from bot.flows.statements import Statements, build_statements
from bot.flows.validation import as_lines


@dataclass
class Field:
    """A question's answer: one line beside its label, or several as a bulleted list."""

    label: str
    lines: list[str]


@dataclass
class Paragraph:
    text: str
    style: str = ""  # "quote" for text printed as it will appear to learners, "note" for a small remark


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: tuple[float, ...] = ()  # column widths in inches in the .docx (6.5 in across); even when empty


@dataclass
class Numbered:
    label: str
    items: list[str]


Block = Field | Paragraph | Table | Numbered


@dataclass
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)
    supports: list[str] = field(default_factory=list)  # the criteria or standards this section gives evidence for

    @property
    def table(self) -> Table | None:
        return next((block for block in self.blocks if isinstance(block, Table)), None)


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
    open_issues: list[str] = field(default_factory=list)
    disclosure: LearnerDisclosure | None = None
    pars: list[ParsField] = field(default_factory=list)


def display_value(field_def: FieldDef, value: Any) -> list[str]:
    """An answer as lines a reader understands: option labels, one line per list item."""
    if field_def.type == "multi_choice":
        return [field_def.label_for(v) for v in (value or [])]
    if field_def.type == "choice":
        return [field_def.label_for(str(value))] if value else []
    if field_def.type == "needs_assessment":
        return [f"Needs assessment #{value}"] if value else []
    if field_def.type == "data_file":
        data = parse_data_file(value)
        return [data.name] if data else []
    if field_def.type == "users":
        return [str(user) for user in (value or []) if str(user)] if isinstance(value, list) else as_lines(value)
    return as_lines(value)


def _people_table(people: list[Person]) -> Table:
    rows = []
    for person in people:
        mitigation = (person.mitigation or "⚠️ none recorded yet") if person.has_relationship else "Not needed"
        rows.append([person.name, person.role or "—", person.relationships or "None", mitigation])
    return Table(["Name", "Role", "Financial relationships (past 24 months)", "Mitigation"], rows, (1.5, 0.9, 2.1, 2.0))


def _agenda_table(credit: CreditResult) -> Table:
    rows = [
        [_clock(s.start) + "-" + _clock(s.end), s.title, "yes" if s.educational else "no (excluded)"]
        for s in credit.sessions
    ]
    return Table(["Time", "Session", "Counts toward credit"], rows, (1.2, 3.6, 1.7))


def _field_blocks(field_def: FieldDef, value: Any, credit: CreditResult | None) -> list[Block]:
    """How one answer appears in a filed document: people and agendas as tables, list answers numbered."""
    if field_def.type == "people":
        people = parse_people(str(value or ""))
        return [_people_table(people)] if people else []
    if field_def.type == "agenda":
        return [_agenda_table(credit)] if credit and credit.sessions else []
    lines = display_value(field_def, value)
    if not lines:
        return []
    if field_def.type == "lines" and len(lines) > 1:
        return [Numbered(field_def.doc_label, lines)]
    return [Field(field_def.doc_label, lines)]


def _step_sections(flow: FlowDef, answers: dict[str, Any], credit: CreditResult | None = None) -> list[Section]:
    sections = []
    for step in flow.steps:
        blocks = [block for f in step.fields for block in _field_blocks(f, answers.get(f.id), credit)]
        sections.append(Section(step.label, blocks, list(step.supports)))
    return sections


def _checklist_table(items: list[CheckItem]) -> Table:
    rows = [[item.item, f"{STATUS_ICONS[item.status]} {item.label}", item.source, item.note] for item in items]
    return Table(["Item", "Status", "Standard or criterion", "Notes"], rows, (1.5, 0.8, 1.5, 2.7))


def build_document(flow_name: str, answers: dict[str, Any], source: dict[str, Any] | None = None) -> FlowDocument:
    flow = load_flow(flow_name)
    if flow.name == "needs_assessment":
        return _needs_assessment(flow, answers)
    if flow.name == "disclosure_check":
        return _disclosure_record(flow, answers)
    if flow.name == "outcomes":
        # The answers only (a preview); the finished flow's report is the analysis (bot.flows.outcomes).
        return FlowDocument(flow.name, flow.render_title(answers), flow.intro, _step_sections(flow, answers), [], "")
    return _activity_plan(flow, answers, source)


def _needs_assessment(flow: FlowDef, answers: dict[str, Any]) -> FlowDocument:
    sections = _step_sections(flow, answers)
    rows, weaknesses = analyse(answers, flow)
    sections.append(Section("Mapping to the ACCME criteria", [_checklist_table(rows)]))
    reasons = [w.reason for w in weaknesses]
    return FlowDocument(
        flow.name,
        flow.render_title(answers),
        flow.intro,
        sections,
        rows,
        "Mapping to the ACCME criteria",
        weaknesses=reasons,
        open_issues=reasons,
    )


def _activity_plan(flow: FlowDef, answers: dict[str, Any], source: dict[str, Any] | None) -> FlowDocument:
    items, credit = build_checklist(answers, source, flow)
    plan = MockActivity.from_answers(answers)
    statements = build_statements(plan, flow, credit)
    exception = flow.fields["standard3_exception"].label_for(plan.standard3_exception)
    disclosure = learner_disclosure(plan, exception)
    pars = pars_readiness(plan, flow, credit)

    summary = Section("Activity summary", [Table(["", ""], _summary_rows(plan, flow, credit, source), (1.6, 4.9))])
    sections = [summary]
    # The title and the needs assessment it builds on are in the summary; every other step gets its section.
    for section in _step_sections(flow, answers, credit)[1:]:
        if section.heading == flow.steps[flow.step_index("time")].label and credit:
            section.blocks.append(Paragraph(_credit_sentence(credit)))
        people_step = section.heading == flow.steps[flow.step_index("people")].label
        if people_step and plan.people and plan.standard3_exception in ("", "none"):
            section.blocks.append(
                Paragraph(
                    "Every relationship listed is treated as relevant here; the accredited provider decides "
                    "relevance and records why (Standard 3).",
                    "note",
                )
            )
        sections.append(section)
    sections.append(
        Section(
            "Statements for learners",
            [
                Paragraph("Accreditation statement"),
                Paragraph(statements.accreditation, "quote"),
                Paragraph("Credit designation statement"),
                Paragraph(statements.designation, "quote"),
                Paragraph("Disclosure of financial relationships (shown before the education starts)"),
                *[Paragraph(line, "quote") for line in disclosure.text],
            ],
            ["ACCME accreditation statement", "AMA PRA designation statement", "ACCME Standard 3"],
        )
    )
    sections.append(Section("Compliance checklist", [_checklist_table(items)]))
    open_issues = [f"{item.item}: {item.note}" for item in items if item.status != "met"]
    open_issues += [issue for issue in disclosure.open_issues if issue not in " ".join(open_issues)]
    pars_rows = [[f.name, f.label, f.value] for f in pars]
    sections.append(
        Section(
            "PARS readiness",
            [
                Paragraph(
                    "What ACCME's Program and Activity Reporting System asks for to open and to close this "
                    f"activity, and what this plan already holds ({PARS_SOURCE})."
                ),
                Table(["PARS field", "Status", "In this plan"], pars_rows, (2.3, 1.3, 2.9)),
            ],
        )
    )
    return FlowDocument(
        flow.name,
        flow.render_title(answers),
        flow.intro,
        sections,
        items,
        "Compliance checklist",
        credit,
        statements,
        open_issues=open_issues,
        disclosure=disclosure,
        pars=pars,
    )


def _disclosure_record(flow: FlowDef, answers: dict[str, Any]) -> FlowDocument:
    """The Standard 3 record for the activity file (bot/disclosure/record.py), the learner disclosure first."""
    from bot.disclosure import activity_record, learner_disclosure
    from bot.flows.disclosure_check import result_of

    title = flow.render_title(answers)
    result = result_of(answers)
    if result is None:
        return FlowDocument(flow.name, title, flow.intro, _step_sections(flow, answers), [], "")
    record = activity_record(result)
    learner = learner_disclosure(result)
    sections = [Section("Disclosure for learners", [Paragraph(line, "quote") for line in learner.splitlines() if line])]
    for part in record.sections:
        blocks: list[Block] = [Paragraph(part.text)] if part.text else []
        if part.rows:
            blocks.append(Table(list(part.headers), [[str(cell) for cell in row] for row in part.rows]))
        sections.append(Section(part.title, blocks))
    notes = str(answers.get("record_notes") or "").strip()
    if notes:
        sections.append(Section("Notes", [Paragraph(notes)]))
    issues = [q.text for q in result.questions] + [p.message for p in result.problems if p.blocking]
    return FlowDocument(flow.name, title, flow.intro, sections, [], "", open_issues=issues)


def _summary_rows(
    plan: MockActivity, flow: FlowDef, credit: CreditResult | None, source: dict[str, Any] | None
) -> list[list[str]]:
    provider = plan.accredited_provider or "[accredited provider]"
    if plan.providership == "joint":
        providership = f"Jointly provided by {provider} and {plan.joint_provider or '[joint provider]'}"
    else:
        providership = f"Directly provided by {provider}"
    accreditor = flow.fields["accreditor"].label_for(plan.accreditor) if plan.accreditor else ""
    rows = [
        ["Activity", plan.title],
        ["Format", flow.fields["format"].label_for(plan.format) if plan.format else ""],
        ["Dates", plan.dates or "not set yet"],
        ["Location", plan.location or "not set yet"],
        ["Audience", plan.audience],
        ["Providership", providership + (f" (accredited by {accreditor})" if accreditor else "")],
        ["Credit", f"{credit.display} AMA PRA Category 1 Credit(s)™" if credit else "not calculated yet"],
    ]
    if plan.source_needs_assessment:
        topic = str((source or {}).get("topic") or "").strip()
        rows.append(["Needs assessment", f"#{plan.source_needs_assessment}" + (f": {topic}" if topic else "")])
    return rows


def _credit_sentence(credit: CreditResult) -> str:
    return (
        f"Educational time: {credit.minutes} min"
        + (f" (after {credit.break_minutes} min of breaks)" if credit.break_minutes else "")
        + f". Credit: {credit.display} AMA PRA Category 1 Credit(s)™ (60 min = 1 credit, quarter-credit steps,"
        " rounded to the nearest quarter hour)."
    )


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# --- Markdown ----------------------------------------------------------------------------------------
def _label(label: str) -> str:
    return label if label.endswith(("?", ":")) else f"{label}:"


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _md_table(table: Table) -> list[str]:
    out = ["| " + " | ".join(_md_cell(h) or " " for h in table.headers) + " |", "|" + "---|" * len(table.headers)]
    out += ["| " + " | ".join(_md_cell(cell) for cell in row) + " |" for row in table.rows]
    return [*out, ""]


def _md_block(block: Block) -> list[str]:
    if isinstance(block, Field):
        if len(block.lines) == 1:
            return [f"**{_label(block.label)}** {block.lines[0]}", ""]
        return [f"**{_label(block.label)}**", *[f"- {line}" for line in block.lines], ""]
    if isinstance(block, Numbered):
        return [f"**{_label(block.label)}**", *[f"{i}. {item}" for i, item in enumerate(block.items, 1)], ""]
    if isinstance(block, Table):
        return _md_table(block)
    if block.style == "quote":
        return [f"> {block.text}", ""]
    return [f"_{block.text}_" if block.style == "note" else block.text, ""]


def to_markdown(doc: FlowDocument) -> str:
    out = [f"# {doc.title}", "", f"_Drafted with the CME community assistant on {date.today().isoformat()}._", ""]
    for section in doc.sections:
        out += [f"## {section.heading}", ""]
        if section.supports:
            out += [f"_Supports: {'; '.join(section.supports)}_", ""]
        for block in section.blocks:
            out += _md_block(block)
    if doc.open_issues:
        out += ["## Open issues", ""] + [f"{i}. {issue}" for i, issue in enumerate(doc.open_issues, 1)] + [""]
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


def _row_property(row: Any, name: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    marker = OxmlElement(f"w:{name}")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


_ICONS = frozenset("✅⚠❌⏳❓\ufe0f")


def _docx_table(document: Any, table_def: Table) -> None:
    from docx.shared import Inches

    headed = any(table_def.headers)
    table = document.add_table(rows=1 if headed else 0, cols=len(table_def.headers))
    table.style = "Table Grid"
    if table_def.widths:
        # LibreOffice reads the grid's column widths, Word the cells'; set both so each shows the same table.
        table.autofit = False
        for column, width in zip(table.columns, table_def.widths, strict=True):
            column.width = Inches(width)
    if headed:
        for index, (cell, header) in enumerate(zip(table.rows[0].cells, table_def.headers, strict=True)):
            cell.text = ""
            cell.paragraphs[0].add_run(header).bold = True
            if table_def.widths:
                cell.width = Inches(table_def.widths[index])
        # A long people or checklist table that runs onto the next page repeats its header row there.
        _row_property(table.rows[0], "tblHeader")
    for row in table_def.rows:
        added = table.add_row()
        # A row is never split across pages: half a mitigation on one page and "s" on the next reads as a typo.
        _row_property(added, "cantSplit")
        cells = added.cells
        for index, (cell, value) in enumerate(zip(cells, row, strict=True)):
            cell.text = ""
            run = cell.paragraphs[0].add_run(_without_icons(value))
            # A table without a header row is a form: its first column holds the labels.
            run.bold = not headed and index == 0
            if table_def.widths:
                cell.width = Inches(table_def.widths[index])
    document.add_paragraph()


def _without_icons(text: str) -> str:
    # Status icons (✅ ⚠️ ❌ ⏳ ❓) help on screen, but a printed or PDF copy made without an emoji font shows
    # empty boxes; the word beside each icon ("Met", "Missing") carries the meaning on paper.
    return "".join(ch for ch in text if ch not in _ICONS).strip()


def _docx_block(document: Any, block: Block) -> None:
    from docx.shared import Pt

    if isinstance(block, Field):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{_label(block.label)} ").bold = True
        if len(block.lines) == 1:
            paragraph.add_run(block.lines[0])
        else:
            for line in block.lines:
                document.add_paragraph(line, style="List Bullet")
    elif isinstance(block, Numbered):
        document.add_paragraph().add_run(_label(block.label)).bold = True
        # Numbers written out: Word's "List Number" style would carry the count on from the previous list.
        for number, item in enumerate(block.items, 1):
            paragraph = document.add_paragraph(f"{number}. {item}")
            paragraph.paragraph_format.left_indent = Pt(18)
            paragraph.paragraph_format.first_line_indent = Pt(-14)
    elif isinstance(block, Table):
        _docx_table(document, block)
    elif block.style == "quote":
        document.add_paragraph(block.text, style="Intense Quote")
    elif block.style == "note":
        document.add_paragraph().add_run(block.text).italic = True
    else:
        document.add_paragraph(block.text)


def _render_docx(doc: FlowDocument) -> Any:
    from docx import Document

    document = Document()
    document.core_properties.title = doc.title
    document.sections[0].footer.paragraphs[0].text = f"{doc.title} · drafted {date.today():%Y-%m-%d}"
    document.add_heading(doc.title, level=0)
    byline = document.add_paragraph().add_run(f"Drafted with the CME community assistant on {date.today():%Y-%m-%d}.")
    byline.italic = True
    for section in doc.sections:
        document.add_heading(section.heading, level=1)
        if section.supports:
            document.add_paragraph().add_run(f"Supports: {'; '.join(section.supports)}").italic = True
        for block in section.blocks:
            _docx_block(document, block)
    if doc.open_issues:
        document.add_heading("Open issues", level=1)
        for number, issue in enumerate(doc.open_issues, 1):
            document.add_paragraph(f"{number}. {issue}")
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
