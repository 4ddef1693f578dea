"""Answer units: the pieces an extractive answer is assembled from.

A unit is a sentence, or a lead-in sentence ending in ':' together with the list or quote that follows it,
because "The disclosure must include:" means nothing without its items."""

from __future__ import annotations

import re

_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "Dr.", "Mr.", "Ms.", "No.", "St.", "Jr.", "approx.", "cf.")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[*])")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
_MARKUP = re.compile(r"(\*\*|__|`|^>\s?)", re.MULTILINE)
MAX_UNIT_WORDS = 110


def clean(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    text = _MARKUP.sub("", text)
    return " ".join(text.split())


def sentences(paragraph: str) -> list[str]:
    pieces: list[str] = []
    for piece in _SENTENCE_END.split(paragraph):
        # Re-join splits that happened after an abbreviation ("e.g. Stronger", "Dr. Smith").
        if pieces and pieces[-1].endswith(_ABBREVIATIONS):
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return pieces


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    """(kind, lines) for each paragraph, list or quote block."""
    blocks: list[tuple[str, list[str]]] = []
    for raw in re.split(r"\n\s*\n", text):
        kind, lines = "", []
        for line in raw.splitlines():
            if not line.strip():
                continue
            if line.lstrip().startswith("|"):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if all(set(c) <= set("-: ") for c in cells):
                    continue
                line_kind, line = "list", " — ".join(c for c in cells if c)
            elif _BULLET.match(line):
                line_kind, line = "list", _BULLET.sub("", line)
            elif line.lstrip().startswith(">"):
                line_kind = "quote"
            elif kind == "list" and line.startswith((" ", "\t")):
                lines[-1] += " " + line.strip()  # a wrapped list item
                continue
            else:
                line_kind = "text"
            if line_kind != kind and lines:
                blocks.append((kind, lines))
                lines = []
            kind = line_kind
            lines.append(line)
        if lines:
            blocks.append((kind, lines))
    return blocks


def _truncate(text: str) -> str:
    words = text.split()
    return text if len(words) <= MAX_UNIT_WORDS else " ".join(words[:MAX_UNIT_WORDS]) + " …"


def split_units(text: str) -> list[str]:
    units: list[str] = []
    for kind, lines in _blocks(text):
        if kind in ("list", "quote"):
            items = [clean(line) for line in lines if clean(line)]
            trimmed = [re.sub(r"[;,.]?\s*(?:and|or)?[;,.]?$", "", item) for item in items]
            body = "; ".join(trimmed) + "." if kind == "list" else " ".join(items)
            if units and units[-1].endswith(":"):
                units[-1] = _truncate(f"{units[-1]} {body}")
            else:
                units.extend(_truncate(item) for item in items)
            continue
        for sentence in sentences(clean(" ".join(lines))):
            if sentence:
                units.append(sentence)
    return [u for u in units if len(u.split()) >= 3]
