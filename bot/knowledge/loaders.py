"""Turn files of several formats into Markdown-like text whose headings the chunker can follow."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.knowledge.documents import (
    DocumentError,
    DocumentMeta,
    LoadedDocument,
    meta_from_front_matter,
    split_front_matter,
)

SUPPORTED_SUFFIXES = {".md", ".markdown", ".txt", ".pdf", ".docx", ".html", ".htm"}

# What a loader returns: front matter, the text to index, and text a reader never sees (scanned, never indexed).
Loaded = tuple[DocumentMeta, str, list[str]]

_COMMENT = re.compile(r"<!--(.*?)(?:-->|$)", re.DOTALL)
# Inline styles that hide an element from a human reader while leaving its text in the page.
_HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:;|$|!)"
    r"|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$|!)",
    re.IGNORECASE,
)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError("text is not valid UTF-8") from exc
    if "\x00" in text:
        raise DocumentError("text contains NUL bytes (binary file?)")
    return text


def _title_from(text: str, fallback: str) -> str:
    match = re.search(r"^#\s+(.+)$", text, flags=re.MULTILINE)
    return match.group(1).strip() if match else fallback


def _markdown(data: bytes, fallback_title: str) -> Loaded:
    text = _decode(data)
    front, body = split_front_matter(text)
    # HTML comments do not render: they are kept out of the index, but what they say is scanned.
    hidden = [match.group(1).strip() for match in _COMMENT.finditer(body) if match.group(1).strip()]
    body = _COMMENT.sub("", body)
    return meta_from_front_matter(front, _title_from(body, fallback_title)), body, hidden


def _plain_text(data: bytes, fallback_title: str) -> Loaded:
    text = _decode(data)
    return DocumentMeta(title=fallback_title), text, []


def _pdf(data: bytes, fallback_title: str) -> Loaded:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or fallback_title
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(f"PDF cannot be read ({exc.__class__.__name__})") from exc
    # PDFs carry no reliable heading structure; the page number is the most useful "section".
    parts = [f"## Page {number}\n\n{text.strip()}" for number, text in enumerate(pages, 1) if text.strip()]
    # pypdf cannot tell white, tiny or off-page text from the rest, so all of it is indexed and scanned as text.
    return DocumentMeta(title=str(title)), "\n\n".join(parts), []


def _docx(data: bytes, fallback_title: str) -> Loaded:
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(f"DOCX cannot be read ({exc.__class__.__name__})") from exc
    lines: list[str] = []
    title = (document.core_properties.title or "").strip()
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        level = re.match(r"Heading (\d)", style)
        if style == "Title":
            title = title or text
            lines.append(f"# {text}")
        elif level:
            lines.append("#" * min(int(level.group(1)) + 1, 6) + " " + text)
        else:
            lines.append(text)
        lines.append("")
    return DocumentMeta(title=title or fallback_title), "\n".join(lines), []


def _hidden_element(tag: Any) -> bool:
    attrs = tag.attrs or {}
    return (
        "hidden" in attrs
        or str(attrs.get("aria-hidden", "")).strip().lower() == "true"
        or bool(_HIDING_STYLE.search(str(attrs.get("style", ""))))
    )


def _html(data: bytes, fallback_title: str) -> Loaded:
    from bs4 import BeautifulSoup, Comment, Tag

    soup = BeautifulSoup(_decode(data), "html.parser")
    for tag in soup(["script", "style", "nav", "footer", "header", "noscript"]):
        tag.decompose()
    hidden: list[str] = []
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        if comment.strip():
            hidden.append(comment.strip())
        comment.extract()
    # Outermost hidden elements first; their hidden descendants go with them.
    for tag in soup.find_all(lambda node: isinstance(node, Tag) and _hidden_element(node)):
        if tag.decomposed:
            continue
        text = " ".join(tag.get_text(" ", strip=True).split())
        if text:
            hidden.append(text)
        tag.decompose()
    title = soup.title.get_text(strip=True) if soup.title else ""
    lines: list[str] = []
    for element in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "pre"]):
        text = " ".join(element.get_text(" ", strip=True).split())
        if not text:
            continue
        if element.name and element.name[0] == "h":
            lines.append("#" * int(element.name[1]) + " " + text)
        elif element.name == "li":
            lines.append(f"- {text}")
        else:
            lines.append(text)
        lines.append("")
    return DocumentMeta(title=title or fallback_title), "\n".join(lines), hidden


_LOADERS: dict[str, Callable[[bytes, str], Loaded]] = {
    ".md": _markdown,
    ".markdown": _markdown,
    ".txt": _plain_text,
    ".pdf": _pdf,
    ".docx": _docx,
    ".html": _html,
    ".htm": _html,
}


def load_file(path: Path, doc_id: str) -> LoadedDocument:
    """Load one file. Raises DocumentError with a readable reason for anything unusable."""
    loader = _LOADERS.get(path.suffix.lower())
    if loader is None:
        raise DocumentError(f"unsupported file type '{path.suffix or '(none)'}'")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot be read ({exc.strerror or exc.__class__.__name__})") from exc
    if not data.strip():
        raise DocumentError("file is empty")
    fallback_title = path.stem.replace("-", " ").replace("_", " ").strip().capitalize()
    meta, body, hidden = loader(data, fallback_title)
    if not body.strip():
        raise DocumentError("no text could be extracted")
    return LoadedDocument(doc_id=doc_id, meta=meta, body=body, content_hash=content_hash(data), hidden=tuple(hidden))
