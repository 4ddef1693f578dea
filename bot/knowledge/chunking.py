"""Structure-aware chunking: a chunk is a section (or part of one) and keeps its heading path."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.documents import LoadedDocument

# all-MiniLM-L6-v2 reads 256 word pieces; ~200 words plus the heading path stays inside that window.
MAX_WORDS = 200
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[])")


@dataclass(frozen=True)
class Chunk:
    doc_id: str
    index: int
    heading: str
    text: str

    @property
    def chunk_id(self) -> str:
        return f"{self.doc_id}::{self.index}"


def embedding_text(title: str, heading: str, text: str) -> str:
    """What gets embedded and lexically indexed: the section's context travels with its words."""
    context = f"{title} — {heading}" if heading else title
    return f"{context}\n{text}"


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def _split_long(paragraph: str) -> list[str]:
    words = paragraph.split()
    if len(words) <= MAX_WORDS:
        return [paragraph]
    pieces: list[str] = []
    current: list[str] = []
    count = 0
    for sentence in _SENTENCE_END.split(paragraph):
        n = len(sentence.split())
        if current and count + n > MAX_WORDS:
            pieces.append(" ".join(current))
            current, count = [], 0
        # A single run-on "sentence" longer than the window is cut by words as a last resort.
        while n > MAX_WORDS:
            head = sentence.split()
            pieces.append(" ".join(head[:MAX_WORDS]))
            sentence = " ".join(head[MAX_WORDS:])
            n = len(head) - MAX_WORDS
        current.append(sentence)
        count += n
    if current:
        pieces.append(" ".join(current))
    return pieces


def _pack(paragraphs: list[str]) -> list[str]:
    chunks: list[str] = []
    current: list[str] = []
    count = 0
    for paragraph in paragraphs:
        for piece in _split_long(paragraph):
            n = len(piece.split())
            if current and count + n > MAX_WORDS:
                chunks.append("\n\n".join(current))
                current, count = [], 0
            current.append(piece)
            count += n
    if current:
        chunks.append("\n\n".join(current))
    return chunks


def chunk_document(document: LoadedDocument) -> list[Chunk]:
    sections: list[tuple[str, list[str]]] = []
    stack: list[tuple[int, str]] = []
    lines: list[str] = []
    in_code = False

    def flush() -> None:
        if any(line.strip() for line in lines):
            sections.append((" > ".join(title for _, title in stack), list(lines)))
        lines.clear()

    for line in document.body.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        match = None if in_code else _HEADING.match(line)
        if match:
            flush()
            level, title = len(match.group(1)), match.group(2).strip()
            # The document's own H1 repeats its title; it is context, not a section.
            if level == 1 and title.lower() == document.meta.title.lower():
                stack.clear()
                continue
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, title))
        else:
            lines.append(line)
    flush()

    chunks: list[Chunk] = []
    for heading, section_lines in sections:
        for text in _pack(_paragraphs(section_lines)):
            chunks.append(Chunk(document.doc_id, len(chunks), heading or "Overview", text.strip()))
    return chunks
