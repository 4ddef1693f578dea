"""Build the development flyer corpus (files/) from the text sources in src/, and check labels.jsonl.

Run with a scratch venv that has python-docx, reportlab and pypdf (never the project's .venv):

    python3 -m venv /tmp/flyervenv && /tmp/flyervenv/bin/pip install python-docx reportlab pypdf
    /tmp/flyervenv/bin/python bench/eval/flyers/dev/make_flyers.py          # rebuild files/
    /tmp/flyervenv/bin/python bench/eval/flyers/dev/make_flyers.py --check  # rebuild, then check labels

Source format (src/NAME.src): header lines "key: value" up to a line "---", then blocks separated by blank lines.
Header keys: format (txt|html|docx|pdf, required), title, site, nav ("A | B | C"), footer (page footer; in
DOCX it goes into the section footer, in PDF it is drawn on every page), lang, wrap (txt: hard-wrap width).
Blocks: "# " title, "## " heading, "### " subheading, "- " bullet lines, "|" table rows (first row is the
header), "[logo: ALT]" a logo image (HTML <img alt>, DOCX picture with alt text, PDF drawn wordmark, TXT
"[ALT]"), "[comment: TEXT]" an HTML comment (dropped in other formats), "[small] TEXT" small print,
"[box] TEXT" a boxed call-out, "[columns]" / "[colbreak]" / "[/columns]" a two-column region, "[pagebreak]",
"[hr]"; anything else is a paragraph whose line breaks are kept. Inline **bold** and *italic* are rendered
(stripped in TXT).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import struct
import sys
import textwrap
import zlib
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "files"
LABELS = HERE / "labels.jsonl"
FIXED_TIME = dt.datetime(2026, 6, 1, 9, 0, 0)


# ---------------------------------------------------------------- parsing

def parse(path: Path) -> tuple[dict, list[tuple]]:
    raw = path.read_text(encoding="utf-8")
    head, _, body = raw.partition("\n---\n")
    meta = {}
    for line in head.splitlines():
        if line.strip():
            k, _, v = line.partition(":")
            meta[k.strip()] = v.strip()
    blocks: list[tuple] = []
    for chunk in re.split(r"\n\s*\n", body.strip("\n")):
        chunk = chunk.rstrip()
        if not chunk.strip():
            continue
        first = chunk.lstrip()
        if first.startswith("# "):
            blocks.append(("h1", first[2:].strip()))
        elif first.startswith("## "):
            blocks.append(("h2", first[3:].strip()))
        elif first.startswith("### "):
            blocks.append(("h3", first[4:].strip()))
        elif first.startswith("- "):
            items, cur = [], None
            for ln in chunk.splitlines():
                if ln.lstrip().startswith("- "):
                    if cur is not None:
                        items.append(cur)
                    cur = ln.lstrip()[2:].strip()
                else:
                    cur = (cur or "") + " " + ln.strip()
            items.append(cur)
            blocks.append(("ul", items))
        elif first.startswith("|"):
            rows = []
            for ln in chunk.splitlines():
                cells = [c.strip() for c in ln.strip().strip("|").split("|")]
                if all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
                    continue
                rows.append(cells)
            blocks.append(("table", rows))
        elif m := re.fullmatch(r"\[logo:\s*(.+?)\]", first, re.S):
            blocks.append(("logo", m.group(1).strip()))
        elif m := re.fullmatch(r"\[comment:\s*(.+?)\]", first, re.S):
            blocks.append(("comment", m.group(1).strip()))
        elif first.startswith("[small]"):
            blocks.append(("small", first[7:].strip()))
        elif first.startswith("[box]"):
            blocks.append(("box", first[5:].strip()))
        elif first in ("[columns]", "[colbreak]", "[/columns]", "[pagebreak]", "[hr]"):
            blocks.append((first.strip("[]").replace("/", "end"),))
        else:
            blocks.append(("p", chunk.strip("\n")))
    return meta, blocks


INLINE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")


def runs(text: str) -> list[tuple[str, bool, bool]]:
    """Split inline markup into (text, bold, italic) runs."""
    out, pos = [], 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False, False))
        out.append((m.group(1), True, False) if m.group(1) is not None else (m.group(2), False, True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False, False))
    return out


def plain(text: str) -> str:
    return "".join(t for t, _, _ in runs(text))


# ---------------------------------------------------------------- TXT

def txt_block(b: tuple, width: int | None) -> list[str]:
    kind = b[0]

    def wrap(s: str, indent: str = "") -> list[str]:
        lines = []
        for ln in s.splitlines():
            if width and len(ln) > width:
                lines += textwrap.wrap(ln, width, initial_indent=indent, subsequent_indent=indent) or [""]
            else:
                lines.append(indent + ln)
        return lines

    if kind == "h1":
        t = plain(b[1]).upper()
        return [t, "=" * min(len(t), width or 78)]
    if kind == "h2":
        t = plain(b[1])
        return [t, "-" * min(len(t), width or 78)]
    if kind == "h3":
        return [plain(b[1]).upper()]
    if kind in ("p", "small"):
        return wrap(plain(b[1]))
    if kind == "box":
        inner = wrap(plain(b[1]), "  ")
        return ["*" * (width or 72)] + inner + ["*" * (width or 72)]
    if kind == "ul":
        out = []
        for it in b[1]:
            w = textwrap.wrap(plain(it), (width or 200) - 4) or [""]
            out += ["  * " + w[0]] + ["    " + x for x in w[1:]]
        return out
    if kind == "table":
        rows = [[plain(c) for c in r] for r in b[1]]
        n = max(len(r) for r in rows)
        rows = [r + [""] * (n - len(r)) for r in rows]
        ws = [max(len(r[i]) for r in rows) for i in range(n)]
        fmt = lambda r: "  ".join(c.ljust(ws[i]) for i, c in enumerate(r)).rstrip()
        return [fmt(rows[0]), "  ".join("-" * w for w in ws)] + [fmt(r) for r in rows[1:]]
    if kind == "logo":
        return [f"[{b[1]}]"]
    if kind == "hr":
        return ["-" * (width or 72)]
    return []


def build_txt(meta: dict, blocks: list[tuple], dest: Path) -> None:
    width = int(meta["wrap"]) if meta.get("wrap") else None
    lines: list[str] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b[0] == "columns":
            j = i + 1
            cols: list[list[tuple]] = [[]]
            while j < len(blocks) and blocks[j][0] != "endcolumns":
                if blocks[j][0] == "colbreak":
                    cols.append([])
                else:
                    cols[-1].append(blocks[j])
                j += 1
            colw = 36
            rendered = []
            for col in cols:
                cl: list[str] = []
                for cb in col:
                    cl += txt_block(cb, colw) + [""]
                rendered.append(cl)
            h = max(len(c) for c in rendered)
            for k in range(h):
                parts = [(c[k] if k < len(c) else "").ljust(colw) for c in rendered]
                lines.append("   ".join(parts).rstrip())
            lines.append("")
            i = j + 1
            continue
        if b[0] in ("comment", "colbreak", "endcolumns"):
            i += 1
            continue
        if b[0] == "pagebreak":
            lines.append("\f")
            i += 1
            continue
        lines += txt_block(b, width) + [""]
        i += 1
    if meta.get("footer"):
        lines += ["-" * (width or 72), meta["footer"]]
    dest.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


# ---------------------------------------------------------------- HTML

CSS = """
:root { --brand: %s; }
body { font-family: "Source Sans 3", Arial, sans-serif; margin: 0; color: #222; line-height: 1.5; }
header.site { background: var(--brand); color: #fff; padding: 0.6rem 2rem; display: flex; justify-content: space-between; }
header.site a { color: #fff; margin-left: 1.2rem; text-decoration: none; }
main { max-width: 960px; margin: 2rem auto; padding: 0 1rem; }
h1 { color: var(--brand); } table { border-collapse: collapse; width: 100%%; }
td, th { border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
.two-col { column-count: 2; column-gap: 2.5rem; } .small { font-size: 0.8rem; color: #555; }
.callout { border: 2px solid var(--brand); padding: 0.8rem 1rem; border-radius: 6px; }
footer.site { background: #f1f1f1; padding: 1.5rem 2rem; font-size: 0.85rem; margin-top: 3rem; }
.cookie { position: fixed; bottom: 0; width: 100%%; background: #333; color: #eee; padding: 0.5rem; display: none; }
"""

SCRIPT = """
  window.dataLayer = window.dataLayer || [];
  function gtag(){ dataLayer.push(arguments); }
  gtag('js', new Date()); gtag('config', 'G-%s');
  document.addEventListener('DOMContentLoaded', function () {
    var c = document.querySelector('.cookie');
    if (c && !localStorage.getItem('cookie-ok')) { c.style.display = 'block'; }
    var y = document.getElementById('year'); if (y) { y.textContent = '2026'; }
  });
"""


def html_inline(text: str) -> str:
    out = []
    for t, bold, ital in runs(text):
        t = html.escape(t, quote=False)
        out.append(f"<strong>{t}</strong>" if bold else f"<em>{t}</em>" if ital else t)
    return "<br>\n".join("".join(out).split("\n"))


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def build_html(meta: dict, blocks: list[tuple], dest: Path) -> None:
    brand = meta.get("color", "#1d4e89")
    body: list[str] = []
    for b in blocks:
        k = b[0]
        if k in ("h1", "h2", "h3"):
            body.append(f"<{k}>{html_inline(b[1])}</{k}>")
        elif k == "p":
            body.append(f"<p>{html_inline(b[1])}</p>")
        elif k == "small":
            body.append(f'<p class="small">{html_inline(b[1])}</p>')
        elif k == "box":
            body.append(f'<div class="callout"><p>{html_inline(b[1])}</p></div>')
        elif k == "ul":
            body.append("<ul>\n" + "\n".join(f"  <li>{html_inline(x)}</li>" for x in b[1]) + "\n</ul>")
        elif k == "table":
            rows = b[1]
            h = "".join(f"<th>{html_inline(c)}</th>" for c in rows[0])
            r = "\n".join("  <tr>" + "".join(f"<td>{html_inline(c)}</td>" for c in row) + "</tr>" for row in rows[1:])
            body.append(f"<table>\n  <thead><tr>{h}</tr></thead>\n  <tbody>\n{r}\n  </tbody>\n</table>")
        elif k == "logo":
            body.append(f'<p class="logo"><img src="/assets/img/{slug(b[1])}.png" alt="{html.escape(b[1])}" width="180" height="60"></p>')
        elif k == "comment":
            body.append(f"<!-- {b[1]} -->")
        elif k == "columns":
            body.append('<div class="two-col">')
        elif k == "endcolumns":
            body.append("</div>")
        elif k == "hr":
            body.append("<hr>")
    site = meta.get("site", "")
    nav = "".join(f'<a href="/{slug(n)}">{html.escape(n)}</a>' for n in (x.strip() for x in meta.get("nav", "Home").split("|")))
    footer = html_inline(meta.get("footer", ""))
    title = html.escape(meta.get("title", site))
    page = f"""<!DOCTYPE html>
<html lang="{meta.get('lang', 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="/favicon.ico">
<style>{CSS % brand}</style>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-{slug(site)[:8].upper()}"></script>
<script>{SCRIPT % slug(site)[:8].upper()}</script>
</head>
<body>
<header class="site">
  <span class="brand">{html.escape(site)}</span>
  <nav aria-label="Main">{nav}</nav>
</header>
<main>
{chr(10).join(body)}
</main>
<footer class="site">
  <p>{footer}</p>
  <p class="small"><a href="/privacy">Privacy</a> &middot; <a href="/accessibility">Accessibility</a> &middot; &copy; <span id="year">2026</span> {html.escape(site)}</p>
</footer>
<div class="cookie">We use cookies to improve your experience. <button onclick="localStorage.setItem('cookie-ok','1');this.parentNode.style.display='none'">OK</button></div>
</body>
</html>
"""
    dest.write_text(page, encoding="utf-8")


# ---------------------------------------------------------------- logo image (PNG, no dependencies)

def png_bytes(w: int = 240, h: int = 80, rgb: tuple[int, int, int] = (200, 30, 45)) -> bytes:
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# ---------------------------------------------------------------- DOCX

def build_docx(meta: dict, blocks: list[tuple], dest: Path) -> None:
    import io

    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    from docx.shared import Inches, Pt

    doc = Document()
    doc.core_properties.title = meta.get("title", "")
    doc.core_properties.author = meta.get("site", "")
    doc.core_properties.created = FIXED_TIME
    doc.core_properties.modified = FIXED_TIME
    doc.core_properties.last_modified_by = meta.get("site", "")

    def add_runs(par, text: str, size: float | None = None) -> None:
        lines = text.split("\n")
        for li, line in enumerate(lines):
            for t, bold, ital in runs(line):
                r = par.add_run(t)
                r.bold, r.italic = bold or None, ital or None
                if size:
                    r.font.size = Pt(size)
            if li < len(lines) - 1:
                par.add_run().add_break()

    def set_cols(section, n: int) -> None:
        sectPr = section._sectPr
        cols = sectPr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            sectPr.append(cols)
        cols.set(qn("w:num"), str(n))
        cols.set(qn("w:space"), "567")

    for b in blocks:
        k = b[0]
        if k == "h1":
            doc.add_heading(plain(b[1]), level=0)
        elif k == "h2":
            doc.add_heading(plain(b[1]), level=1)
        elif k == "h3":
            doc.add_heading(plain(b[1]), level=2)
        elif k == "p":
            add_runs(doc.add_paragraph(), b[1])
        elif k == "small":
            add_runs(doc.add_paragraph(), b[1], size=8)
        elif k == "box":
            t = doc.add_table(rows=1, cols=1)
            t.style = "Table Grid"
            add_runs(t.cell(0, 0).paragraphs[0], b[1])
        elif k == "ul":
            for it in b[1]:
                add_runs(doc.add_paragraph(style="List Bullet"), it)
        elif k == "table":
            rows = b[1]
            n = max(len(r) for r in rows)
            t = doc.add_table(rows=len(rows), cols=n)
            t.style = "Table Grid"
            for ri, row in enumerate(rows):
                for ci in range(n):
                    cell_par = t.cell(ri, ci).paragraphs[0]
                    add_runs(cell_par, row[ci] if ci < len(row) else "")
                    if ri == 0:
                        for r in cell_par.runs:
                            r.bold = True
        elif k == "logo":
            par = doc.add_paragraph()
            run = par.add_run()
            run.add_picture(io.BytesIO(png_bytes()), width=Inches(1.6))
            docpr = run._r.find(".//" + qn("wp:docPr"))
            docpr.set("descr", b[1])
            docpr.set("title", b[1])
            docpr.set("name", b[1])
        elif k == "columns":
            sec = doc.add_section(WD_SECTION.CONTINUOUS)
            set_cols(sec, 2)
        elif k == "colbreak":
            from docx.enum.text import WD_BREAK
            doc.add_paragraph().add_run().add_break(WD_BREAK.COLUMN)
        elif k == "endcolumns":
            sec = doc.add_section(WD_SECTION.CONTINUOUS)
            set_cols(sec, 1)
        elif k == "pagebreak":
            doc.add_page_break()
        elif k == "hr":
            doc.add_paragraph("_" * 60)
    if meta.get("footer"):
        for sec in doc.sections:
            fp = sec.footer.paragraphs[0]
            if not fp.text:
                add_runs(fp, meta["footer"], size=7.5)
    buf = io.BytesIO()
    doc.save(buf)
    # Re-zip with fixed timestamps so rebuilding gives byte-identical files.
    import zipfile

    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, zin.read(item.filename))


# ---------------------------------------------------------------- PDF

def build_pdf(meta: dict, blocks: list[tuple], dest: Path) -> None:
    from reportlab import rl_config

    rl_config.invariant = 1
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import inch
    from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, FrameBreak, NextPageTemplate, PageBreak,
                                    PageTemplate, Paragraph, Spacer, Table, TableStyle)

    brand = colors.HexColor(meta.get("color", "#1d4e89"))
    ss = getSampleStyleSheet()
    st = {
        "h1": ParagraphStyle("h1", parent=ss["Title"], textColor=brand, fontSize=20, leading=24, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=ss["Heading2"], textColor=brand, fontSize=12.5, leading=15, spaceBefore=8, spaceAfter=3),
        "h3": ParagraphStyle("h3", parent=ss["Heading4"], fontSize=10, leading=12, spaceBefore=4, spaceAfter=2),
        "p": ParagraphStyle("p", parent=ss["BodyText"], fontSize=9.5, leading=12.2, spaceAfter=5),
        "small": ParagraphStyle("small", parent=ss["BodyText"], fontSize=7.5, leading=9.2, textColor=colors.HexColor("#444444")),
        "cell": ParagraphStyle("cell", parent=ss["BodyText"], fontSize=8.5, leading=10.5),
        "li": ParagraphStyle("li", parent=ss["BodyText"], fontSize=9.5, leading=12, leftIndent=12, bulletIndent=2),
    }

    def rl(text: str) -> str:
        out = []
        for t, bold, ital in runs(text):
            t = html.escape(t, quote=False)
            out.append(f"<b>{t}</b>" if bold else f"<i>{t}</i>" if ital else t)
        return "<br/>".join("".join(out).split("\n"))

    class Logo(Flowable):
        def __init__(self, alt: str):
            super().__init__()
            self.alt = alt
            self.word = re.sub(r"\s+logo$", "", alt, flags=re.I)
            self.width, self.height = 2.3 * inch, 0.55 * inch

        def draw(self):
            c = self.canv
            c.setFillColor(colors.HexColor("#c81e2d"))
            c.roundRect(0, 0, self.width, self.height, 8, fill=1, stroke=0)
            c.setFillColor(colors.white)
            c.setFont("Helvetica-Bold", 13)
            c.drawCentredString(self.width / 2, self.height / 2 - 5, self.word.upper())

    story: list = []
    has_cols = any(b[0] == "columns" for b in blocks)
    for b in blocks:
        k = b[0]
        if k in ("h1", "h2", "h3", "p", "small"):
            story.append(Paragraph(rl(b[1]), st[k]))
        elif k == "box":
            t = Table([[Paragraph(rl(b[1]), st["p"])]], colWidths=["100%"])
            t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, brand), ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f3f6fa")),
                                   ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
            story += [t, Spacer(1, 6)]
        elif k == "ul":
            for it in b[1]:
                story.append(Paragraph(rl(it), st["li"], bulletText="\u2022"))
            story.append(Spacer(1, 4))
        elif k == "table":
            rows = b[1]
            n = max(len(r) for r in rows)
            data = [[Paragraph(rl(r[i] if i < len(r) else ""), st["cell"]) for i in range(n)] for r in rows]
            t = Table(data, repeatRows=1, colWidths=[f"{100 / n:.2f}%"] * n if n > 2 else None)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4ebf3")),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [t, Spacer(1, 6)]
        elif k == "logo":
            story += [Logo(b[1]), Spacer(1, 6)]
        elif k == "columns":
            story += [NextPageTemplate("cols"), FrameBreak()]
        elif k == "colbreak":
            story.append(FrameBreak())
        elif k == "pagebreak":
            story.append(PageBreak())
        elif k == "hr":
            story.append(Spacer(1, 10))

    footer = meta.get("footer", "")

    def on_page(canv, doc_):
        canv.saveState()
        canv.setFont("Helvetica", 7)
        canv.setFillColor(colors.HexColor("#555555"))
        y = 0.45 * inch
        for line in reversed(textwrap.wrap(footer, 150)):
            canv.drawString(0.75 * inch, y, line)
            y += 9
        canv.drawRightString(7.75 * inch, 0.3 * inch, f"Page {doc_.page}")
        canv.restoreState()

    W, H = letter
    m = 0.75 * inch
    bottom = 1.0 * inch
    doc = BaseDocTemplate(str(dest), pagesize=letter, leftMargin=m, rightMargin=m, topMargin=m, bottomMargin=bottom,
                          title=meta.get("title", ""), author=meta.get("site", ""), creator="make_flyers.py")
    gap = 0.3 * inch
    colw = (W - 2 * m - gap) / 2
    if has_cols:
        top_h = float(meta.get("top", "2.4")) * inch
        first = [Frame(m, H - m - top_h, W - 2 * m, top_h, id="top"),
                 Frame(m, bottom, colw, H - 2 * m - top_h - bottom + m, id="c1"),
                 Frame(m + colw + gap, bottom, colw, H - 2 * m - top_h - bottom + m, id="c2")]
        cols = [Frame(m, bottom, colw, H - m - bottom, id="c1"), Frame(m + colw + gap, bottom, colw, H - m - bottom, id="c2")]
        doc.addPageTemplates([PageTemplate("first", first, onPage=on_page), PageTemplate("cols", cols, onPage=on_page)])
    else:
        doc.addPageTemplates([PageTemplate("one", [Frame(m, bottom, W - 2 * m, H - m - bottom)], onPage=on_page)])
    doc.build(story)


BUILDERS = {"txt": build_txt, "html": build_html, "docx": build_docx, "pdf": build_pdf}


# ---------------------------------------------------------------- text extraction (for --check)

class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(f" [{alt}] ")
        if tag in ("br", "p", "li", "tr", "h1", "h2", "h3", "div"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def extract_text(path: Path) -> str:
    ext = path.suffix.lower()
    if ext == ".txt":
        return path.read_text(encoding="utf-8")
    if ext == ".html":
        p = _Text()
        p.feed(path.read_text(encoding="utf-8"))
        return html.unescape("".join(p.parts))
    if ext == ".docx":
        from docx import Document

        d = Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts += [c.text for c in row.cells]
        for s in d.sections:
            parts += [p.text for p in s.footer.paragraphs] + [p.text for p in s.header.paragraphs]
        parts += [e.get("descr", "") for e in d.element.body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
        return "\n".join(parts)
    if ext == ".pdf":
        from pypdf import PdfReader

        return "\n".join(pg.extract_text() or "" for pg in PdfReader(str(path)).pages)
    raise ValueError(path)


VERDICTS = {"statements_complete", "statements_incomplete", "no_accreditation_statement"}
ACCREDITORS = {"ACCME", "Joint Accreditation", "state", "EACCME", "ANCC", "AAFP", "AOA", "ACPE", "AAPA", None}
FLAGS = {"no_accreditation_statement", "credit_pending", "category2_advertised", "attendance_certificate_only",
         "ineligible_company_provider", "industry_logos", "no_joint_providership_statement", "missing_commensurate_clause"}
CREDIT_TYPES = {"AMA PRA Category 1", "AMA PRA Category 2", "ECMEC", "AAFP Prescribed", "AOA Category 1-A", "ANCC contact hours"}
DISQUALIFYING = {"ineligible_company_provider", "category2_advertised", "no_accreditation_statement"}


def check() -> int:
    norm = lambda s: re.sub(r"\s+", " ", s).strip()
    problems, seen = [], set()
    labels = [json.loads(ln) for ln in LABELS.read_text(encoding="utf-8").splitlines() if ln.strip()]
    for lab in labels:
        f = HERE / lab["file"]
        seen.add(f.name)
        if not f.exists():
            problems.append(f"{lab['file']}: missing file")
            continue
        text = norm(extract_text(f))
        if lab["verdict"] not in VERDICTS:
            problems.append(f"{lab['file']}: bad verdict")
        if lab["accreditor"] not in ACCREDITORS:
            problems.append(f"{lab['file']}: bad accreditor")
        if not set(lab["red_flags"]) <= FLAGS:
            problems.append(f"{lab['file']}: bad flags {set(lab['red_flags']) - FLAGS}")
        if lab["credit"] is not None and lab["credit"]["type"] not in CREDIT_TYPES:
            problems.append(f"{lab['file']}: bad credit type")
        for key in ("provider", "joint_provider"):
            if lab[key] and norm(lab[key]) not in text:
                problems.append(f"{lab['file']}: {key} {lab[key]!r} not found in extracted text")
        flags = set(lab["red_flags"])
        v = lab["verdict"]
        if v == "statements_complete" and flags & DISQUALIFYING | flags & {"missing_commensurate_clause", "no_joint_providership_statement", "credit_pending"}:
            problems.append(f"{lab['file']}: complete verdict with blocking flags")
        if v == "no_accreditation_statement" and "no_accreditation_statement" not in flags:
            problems.append(f"{lab['file']}: verdict/flag mismatch")
        if v != "no_accreditation_statement" and "no_accreditation_statement" in flags:
            problems.append(f"{lab['file']}: flag without verdict")
        if v == "no_accreditation_statement" and (lab["accreditor"] or lab["provider"]):
            problems.append(f"{lab['file']}: no statement but accreditor/provider set")
    for f in OUT.iterdir():
        if f.name not in seen:
            problems.append(f"files/{f.name}: no label")
    for p in problems:
        print("PROBLEM", p)
    print(f"{len(labels)} labels checked, {len(problems)} problems")
    return 1 if problems else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="after building, check labels.jsonl against files/")
    ap.add_argument("--dump", metavar="NAME", help="print the extracted text of files/NAME and exit")
    args = ap.parse_args()
    if args.dump:
        print(extract_text(OUT / args.dump))
        return 0
    OUT.mkdir(exist_ok=True)
    built = set()
    for src in sorted(SRC.glob("*.src")):
        meta, blocks = parse(src)
        fmt = meta["format"]
        dest = OUT / f"{src.stem}.{fmt}"
        BUILDERS[fmt](meta, blocks, dest)
        built.add(dest.name)
    for stale in OUT.iterdir():
        if stale.name not in built:
            stale.unlink()
    print(f"built {len(built)} files in {OUT}")
    return check() if args.check else 0


if __name__ == "__main__":
    sys.exit(main())
