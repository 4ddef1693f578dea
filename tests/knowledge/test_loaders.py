from pathlib import Path

import pytest
from docx import Document

from bot.knowledge.documents import DocumentError
from bot.knowledge.loaders import load_file

FRONT = """---
title: "Standard 3 test"
authority: ACCME
source_urls:
  - https://accme.org/standards/
effective_date: 2022-01-01
last_reviewed: 2026-11-25
---
# Standard 3 test

Intro text about disclosure.

## Lookback

Collect 24 months of relationships.
"""


def test_markdown_front_matter_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text(FRONT, encoding="utf-8")
    document = load_file(path, "kb:doc.md")
    assert document.meta.title == "Standard 3 test"
    assert document.meta.authority == "ACCME"
    assert document.meta.url == "https://accme.org/standards/"
    assert document.meta.effective_date == "2022-01-01"
    assert document.meta.last_reviewed == "2026-11-25"
    assert "## Lookback" in document.body and "title:" not in document.body


def test_docx_headings_become_markdown_headings(tmp_path: Path) -> None:
    doc = Document()
    doc.add_heading("Commercial support policy", level=1)
    doc.add_paragraph("Supporters may not pay learners' hotels.")
    path = tmp_path / "policy.docx"
    doc.save(path)
    document = load_file(path, str(path))
    assert "## Commercial support policy" in document.body
    assert "learners' hotels" in document.body


def test_html_keeps_headings_and_drops_scripts(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>CME page</title><script>alert(1)</script></head>"
        "<body><h2>Joint providership</h2><p>The accredited provider is responsible.</p></body></html>",
        encoding="utf-8",
    )
    document = load_file(path, str(path))
    assert document.meta.title == "CME page"
    assert "## Joint providership" in document.body
    assert "alert" not in document.body


def test_pdf_text_is_extracted_by_page(tmp_path: Path) -> None:
    pdf = _tiny_pdf("Moore level 5 is performance")
    path = tmp_path / "outcomes.pdf"
    path.write_bytes(pdf)
    document = load_file(path, str(path))
    assert "## Page 1" in document.body
    assert "Moore level 5 is performance" in document.body


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.md", b"   \n", "empty"),
        ("latin1.txt", "Fort-W\xe9rth caf\xe9".encode("latin-1"), "UTF-8"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "PDF"),
        ("broken.docx", b"PK\x03\x04 not a zip", "DOCX"),
        ("slides.pptx", b"whatever", "unsupported"),
        ("bad-front.md", b"---\ntitle: [unclosed\n---\nbody", "YAML"),
    ],
)
def test_bad_files_raise_a_readable_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=reason):
        load_file(path, str(path))


def _tiny_pdf(text: str) -> bytes:
    """A one-page PDF with real text, built by hand so the test needs no PDF writer."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
