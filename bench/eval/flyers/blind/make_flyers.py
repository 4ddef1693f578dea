#!/usr/bin/env python3
"""Rebuild the blind flyer corpus in files/ from the text sources in src/.

Sources:
  src/NAME.txt       -> files/NAME.txt   (copied byte for byte)
  src/NAME.html      -> files/NAME.html  (copied byte for byte)
  src/NAME.docx.md   -> files/NAME.docx  (python-docx)
  src/NAME.pdf.md    -> files/NAME.pdf   (reportlab)

The .md sources use a tiny line-based markup (every line is its own block):
  @theme: navy|teal|maroon|green|purple|orange|gray   (header lines, optional)
  @page: letter|a4|landscape
  # Title            ## Section heading      ### Sub-heading
  - bullet           ~ small print          > highlighted call-out box
  | a | b | c |      table row (first row of a run is the header; |---| rows ignored)
  [[LOGO: Company Name]]   a coloured company logo block
  ---                thin rule / spacer
  **bold** inside any line
  blank lines are ignored (spacing is automatic)

Usage:  python make_flyers.py            (needs python-docx and reportlab)
Suggested environment:
  python3 -m venv /tmp/flyervenv && /tmp/flyervenv/bin/pip install python-docx reportlab
  /tmp/flyervenv/bin/python make_flyers.py
"""
from __future__ import annotations

import datetime as _dt
import html
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "files"

THEMES = {
    "navy": ("#1F3A5F", "#E8EEF6"),
    "teal": ("#0F6E6E", "#E3F2F1"),
    "maroon": ("#7A1F2B", "#F6E9EA"),
    "green": ("#2E6B2E", "#EAF4E6"),
    "purple": ("#4B2E83", "#EEE9F7"),
    "orange": ("#B35C00", "#FBEFDF"),
    "gray": ("#444444", "#EFEFEF"),
}
LOGO_COLORS = ["#C8102E", "#0057B8", "#6D2077", "#00843D", "#E35205"]


# --------------------------------------------------------------------------- parsing
def parse(text: str):
    """Return (meta, blocks). blocks: list of (kind, payload)."""
    meta = {"theme": "navy", "page": "letter"}
    blocks = []
    table = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("@") and ":" in line and not blocks and table is None:
            k, v = line[1:].split(":", 1)
            meta[k.strip()] = v.strip()
            continue
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue
            if table is None:
                table = []
            table.append(cells)
            continue
        if table is not None:
            blocks.append(("table", table))
            table = None
        if not line.strip():
            continue
        if line.startswith("### "):
            blocks.append(("h3", line[4:]))
        elif line.startswith("## "):
            blocks.append(("h2", line[3:]))
        elif line.startswith("# "):
            blocks.append(("h1", line[2:]))
        elif line.startswith("- "):
            blocks.append(("bullet", line[2:]))
        elif line.startswith("~ "):
            blocks.append(("small", line[2:]))
        elif line.startswith("> "):
            blocks.append(("box", line[2:]))
        elif line.strip() == "---":
            blocks.append(("rule", ""))
        elif m := re.fullmatch(r"\[\[LOGO:\s*(.+?)\]\]", line.strip()):
            blocks.append(("logo", m.group(1)))
        else:
            blocks.append(("p", line))
    if table is not None:
        blocks.append(("table", table))
    return meta, blocks


def split_bold(s: str):
    """Yield (text, bold) runs from **bold** markup."""
    parts = re.split(r"(\*\*.+?\*\*)", s)
    for part in parts:
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            yield part[2:-2], True
        else:
            yield part, False


# --------------------------------------------------------------------------- DOCX
def build_docx(src: Path, dst: Path):
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor, Inches
    from docx.enum.section import WD_ORIENT

    meta, blocks = parse(src.read_text(encoding="utf-8"))
    dark, light = THEMES.get(meta.get("theme", "navy"), THEMES["navy"])
    dark_rgb = RGBColor.from_string(dark[1:])

    doc = Document()
    sec = doc.sections[0]
    if meta.get("page") == "a4":
        sec.page_width, sec.page_height = Inches(8.27), Inches(11.69)
    elif meta.get("page") == "landscape":
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Inches(11), Inches(8.5)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Inches(0.8))
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)

    def shade(cell, hex_color):
        tcPr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), hex_color.lstrip("#"))
        tcPr.append(shd)

    def add_runs(par, text, size=None, color=None, bold_all=False):
        for chunk, bold in split_bold(text):
            r = par.add_run(chunk)
            r.bold = bold or bold_all
            if size:
                r.font.size = Pt(size)
            if color is not None:
                r.font.color.rgb = color

    logo_i = 0
    for kind, payload in blocks:
        if kind == "h1":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_runs(p, payload, size=20, color=dark_rgb, bold_all=True)
        elif kind == "h2":
            p = doc.add_heading(level=1)
            add_runs(p, payload, color=dark_rgb)
        elif kind == "h3":
            p = doc.add_heading(level=2)
            add_runs(p, payload, color=dark_rgb)
        elif kind == "bullet":
            p = doc.add_paragraph(style="List Bullet")
            add_runs(p, payload)
        elif kind == "small":
            p = doc.add_paragraph()
            add_runs(p, payload, size=8)
        elif kind == "box":
            t = doc.add_table(rows=1, cols=1)
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            c = t.rows[0].cells[0]
            shade(c, light)
            add_runs(c.paragraphs[0], payload)
            doc.add_paragraph()
        elif kind == "rule":
            p = doc.add_paragraph()
            add_runs(p, "_" * 60, color=RGBColor(0xAA, 0xAA, 0xAA))
        elif kind == "logo":
            color = LOGO_COLORS[logo_i % len(LOGO_COLORS)]
            logo_i += 1
            t = doc.add_table(rows=1, cols=1)
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            c = t.rows[0].cells[0]
            c.width = Inches(2.6)
            shade(c, color)
            p = c.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_runs(p, payload, size=14, color=RGBColor(0xFF, 0xFF, 0xFF), bold_all=True)
            doc.add_paragraph()
        elif kind == "table":
            ncols = max(len(r) for r in payload)
            t = doc.add_table(rows=0, cols=ncols)
            t.style = "Table Grid"
            for i, row in enumerate(payload):
                cells = t.add_row().cells
                for j in range(ncols):
                    txt = row[j] if j < len(row) else ""
                    add_runs(cells[j].paragraphs[0], txt, size=9.5, bold_all=(i == 0))
                    if i == 0:
                        shade(cells[j], light)
            doc.add_paragraph()
        else:
            p = doc.add_paragraph()
            add_runs(p, payload)

    cp = doc.core_properties
    cp.title = next((b[1] for b in blocks if b[0] == "h1"), src.stem)
    cp.author = "Flyer corpus generator"
    fixed = _dt.datetime(2026, 11, 30, 12, 0, 0)
    cp.created = fixed
    cp.modified = fixed
    cp.last_modified_by = "Flyer corpus generator"
    cp.revision = 1
    doc.save(dst)
    _normalize_zip(dst)


def _normalize_zip(path: Path):
    """Rewrite a .docx with fixed entry timestamps so rebuilds are byte-identical."""
    import zipfile
    with zipfile.ZipFile(path) as zin:
        items = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            zi = zipfile.ZipInfo(name, date_time=(2026, 11, 30, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)


# --------------------------------------------------------------------------- PDF
def build_pdf(src: Path, dst: Path):
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4, letter, landscape
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import inch
    from reportlab.platypus import (HRFlowable, ListFlowable, ListItem, Paragraph,
                                    SimpleDocTemplate, Spacer, Table, TableStyle)

    rl_config.invariant = 1  # reproducible output (fixed dates / ids)

    meta, blocks = parse(src.read_text(encoding="utf-8"))
    dark, light = THEMES.get(meta.get("theme", "navy"), THEMES["navy"])
    page = {"a4": A4, "landscape": landscape(letter)}.get(meta.get("page"), letter)

    ss = getSampleStyleSheet()
    base = ParagraphStyle("base", parent=ss["Normal"], fontName="Helvetica", fontSize=10, leading=13)
    st = {
        "h1": ParagraphStyle("h1", parent=base, fontName="Helvetica-Bold", fontSize=19, leading=23,
                             alignment=TA_CENTER, textColor=colors.HexColor(dark), spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base, fontName="Helvetica-Bold", fontSize=12.5, leading=16,
                             textColor=colors.HexColor(dark), spaceBefore=9, spaceAfter=3),
        "h3": ParagraphStyle("h3", parent=base, fontName="Helvetica-Bold", fontSize=10.5, leading=14,
                             textColor=colors.HexColor(dark), spaceBefore=5, spaceAfter=2),
        "p": ParagraphStyle("p", parent=base, spaceAfter=3),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, spaceAfter=2,
                                textColor=colors.HexColor("#333333")),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11),
        "logo": ParagraphStyle("logo", parent=base, fontName="Helvetica-Bold", fontSize=15, leading=18,
                               alignment=TA_CENTER, textColor=colors.white),
    }

    def rich(s: str) -> str:
        out = []
        for chunk, bold in split_bold(s):
            e = html.escape(chunk, quote=False)
            out.append(f"<b>{e}</b>" if bold else e)
        return "".join(out)

    width = page[0] - 1.5 * inch
    story = []
    pending_bullets = []
    logo_i = 0

    def flush_bullets():
        nonlocal pending_bullets
        if pending_bullets:
            story.append(ListFlowable(
                [ListItem(Paragraph(rich(b), st["p"]), leftIndent=12) for b in pending_bullets],
                bulletType="bullet", start="\u2022", leftIndent=12, bulletFontSize=8))
            pending_bullets = []

    for kind, payload in blocks:
        if kind != "bullet":
            flush_bullets()
        if kind in ("h1", "h2", "h3", "p", "small"):
            story.append(Paragraph(rich(payload), st[kind]))
        elif kind == "bullet":
            pending_bullets.append(payload)
        elif kind == "rule":
            story.append(HRFlowable(width="100%", thickness=0.6, color=colors.HexColor("#AAAAAA"),
                                    spaceBefore=4, spaceAfter=4))
        elif kind == "box":
            t = Table([[Paragraph(rich(payload), st["p"])]], colWidths=[width])
            t.setStyle(TableStyle([
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(light)),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor(dark)),
                ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]))
            story += [Spacer(1, 4), t, Spacer(1, 6)]
        elif kind == "logo":
            color = LOGO_COLORS[logo_i % len(LOGO_COLORS)]
            logo_i += 1
            t = Table([[Paragraph(rich(payload), st["logo"])]], colWidths=[2.8 * inch], rowHeights=[0.55 * inch])
            t.setStyle(TableStyle([
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(color)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ROUNDEDCORNERS", [6, 6, 6, 6]),
            ]))
            story += [Spacer(1, 4), t, Spacer(1, 6)]
        elif kind == "table":
            ncols = max(len(r) for r in payload)
            data = [[Paragraph(rich(r[j] if j < len(r) else ""), st["cell"]) for j in range(ncols)]
                    for r in payload]
            t = Table(data, colWidths=[width / ncols] * ncols if ncols != 2 else [width * 0.28, width * 0.72],
                      repeatRows=1)
            t.setStyle(TableStyle([
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(light)),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story += [Spacer(1, 3), t, Spacer(1, 6)]
    flush_bullets()

    title = next((b[1] for b in blocks if b[0] == "h1"), src.stem)

    def on_page(canvas, doc_):
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(dark))
        canvas.rect(0, page[1] - 0.35 * inch, page[0], 0.35 * inch, stroke=0, fill=1)
        canvas.setFont("Helvetica", 7)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawRightString(page[0] - 0.75 * inch, 0.45 * inch, f"Page {doc_.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(dst), pagesize=page, leftMargin=0.75 * inch, rightMargin=0.75 * inch,
                            topMargin=0.65 * inch, bottomMargin=0.7 * inch, title=title,
                            author="Flyer corpus generator", creator="make_flyers.py")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


# --------------------------------------------------------------------------- main
def main() -> int:
    OUT.mkdir(exist_ok=True)
    built = []
    for src in sorted(SRC.iterdir()):
        name = src.name
        if name.endswith(".docx.md"):
            dst = OUT / (name[: -len(".docx.md")] + ".docx")
            build_docx(src, dst)
        elif name.endswith(".pdf.md"):
            dst = OUT / (name[: -len(".pdf.md")] + ".pdf")
            build_pdf(src, dst)
        elif name.endswith((".txt", ".html")):
            dst = OUT / name
            shutil.copyfile(src, dst)
        else:
            continue
        built.append(dst.name)
    print(f"built {len(built)} files into {OUT}")
    for b in built:
        print("  ", b)
    return 0


if __name__ == "__main__":
    sys.exit(main())
