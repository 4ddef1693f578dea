"""The text of a flyer, whatever it came as: plain text, PDF, DOCX or HTML, told apart by content, not by name.

Unlike the knowledge loaders, nothing a reader can see is dropped: an accreditation statement often sits in a page
footer or a DOCX footer, which the indexer rightly leaves out of answers. Image descriptions are kept apart
(`images`): an HTML <img alt="Acme Pharma logo"> or a DOCX picture titled "sponsor logo" is how a logo shows up in
text. Text hidden from readers (display:none, comments) is left out: a flyer is judged on what learners see."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

MAX_FLYER_BYTES = 10 * 2**20


class FlyerError(ValueError):
    """A file no text can be read from; the message is for the member."""


@dataclass(frozen=True)
class FlyerText:
    text: str
    kind: str  # "text", "pdf", "docx" or "html"
    images: list[str] = field(default_factory=list)  # alt texts, titles and file names of pictures

    @property
    def words(self) -> int:
        return len(self.text.split())


def sniff(data: bytes, name: str = "", content_type: str = "") -> str:
    head = data[:2048].lstrip().lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if "html" in content_type.lower() or head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    return {"htm": "html", "html": "html"}.get(suffix, "text")


def extract(data: bytes, name: str = "", content_type: str = "") -> FlyerText:
    if not data.strip():
        raise FlyerError("the file is empty")
    if len(data) > MAX_FLYER_BYTES:
        raise FlyerError(f"the file is larger than {MAX_FLYER_BYTES // 2**20} MB")
    kind = sniff(data, name, content_type)
    if kind == "pdf":
        text, images = _pdf(data), []
    elif kind == "docx":
        text, images = _docx(data)
    elif kind == "html":
        text, images = _html(_decode(data))
    else:
        text, images = _decode(data), []
    text = normalise(text)
    if not text.strip():
        raise FlyerError("no text could be read from it (a scanned image? paste the flyer's text instead)")
    return FlyerText(text, kind, images)


def normalise(text: str) -> str:
    """One spelling for what PDF and Word extraction scatter: quotes, dashes, symbols, line-broken words."""
    text = unicodedata.normalize("NFKC", text)
    # A comment's markup shown as text ("<!-- statement: do not publish yet -->") is a draft, not a statement.
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    text = re.sub(r"[\u2018\u2019\u02bc]", "'", text)
    text = re.sub(r"[\u201c\u201d]", '"', text)
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    # "continu-\ning" from a PDF column break is one word.
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FlyerError("this looks like a binary file, not a flyer's text")
    for encoding in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    # Windows-1252 is what Word and Outlook paste when it is not UTF-8; every byte decodes.
    return data.decode("cp1252", errors="replace")


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError, AttributeError) as exc:
        # A member's file may be malformed in any way pypdf trips on; it is a message for them, not a crash.
        raise FlyerError(f"the PDF cannot be read ({exc.__class__.__name__})") from exc


def _docx(data: bytes) -> tuple[str, list[str]]:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, AttributeError) as exc:
        raise FlyerError(f"the Word file cannot be read ({exc.__class__.__name__})") from exc
    parts: list[str] = []
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
    parts += [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            # Merged cells repeat in python-docx; a statement must not be read twice.
            cells: list[str] = []
            for cell in row.cells:
                if cell.text not in cells:
                    cells.append(cell.text)
            parts.append(" | ".join(cells))
    for section in document.sections:
        parts += [p.text for p in section.footer.paragraphs]
    # Pictures: <wp:docPr name="..." descr="..." title="..."> carries what Word shows as alt text.
    images = []
    for element in document.element.body.iter():
        if element.tag.endswith("}docPr"):
            described = " ".join(v for k in ("descr", "title", "name") if (v := element.get(k)))
            if described:
                images.append(described)
    return "\n".join(part for part in parts if part.strip()), images


def _html(markup: str) -> tuple[str, list[str]]:
    from bs4 import BeautifulSoup, Comment, Tag

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    for tag in soup.find_all(lambda node: isinstance(node, Tag) and _hidden(node)):
        if not tag.decomposed:
            tag.decompose()
    images = []
    for image in soup.find_all(["img", "svg"]):
        described = " ".join(str(image.get(k) or "") for k in ("alt", "title", "aria-label", "src")).strip()
        if described:
            images.append(described)
    for block in soup.find_all(["p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "section"]):
        block.insert_after("\n")
    return soup.get_text(" "), images


def _hidden(tag: object) -> bool:
    attrs = getattr(tag, "attrs", None) or {}
    style = str(attrs.get("style", "")).replace(" ", "").lower()
    return "hidden" in attrs or "display:none" in style or "visibility:hidden" in style
