"""Answer units: the pieces an extractive answer is assembled from.

A unit is a sentence, or a whole list, table or quote with the lead-in sentence ending in ':' before it, because
"The disclosure must include:" means nothing without its items. Lists and tables are kept as plain lines that read
the same in Slack mrkdwn and a terminal: the lead-in, then one "• " line per item or table row."""

from __future__ import annotations

import re

BULLET = "• "

# Sentence boundaries: a regex with abbreviation rules rather than pysbd. Measured on this knowledge base (476 prose
# paragraphs, 21,800 words) and 24 hand-written cases (initials, "e.g.", "U.S.", "et al.", "No.", "approx.", "3.2",
# a "No." answer, a "Company B." sentence end, quoted statements): this splitter got all 24 right in 6 ms per corpus
# pass; pysbd 0.3.4 got 20 right ("approx. 15" split, "Company B. In-kind" and "for C. Because" joined) and took
# 1,540 ms per pass, which every index build and every fallback answer would pay.
_CANDIDATE = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
# Never a sentence end before a capital or a digit.
_NEVER_END = frozenset("e.g. i.e. vs. cf. approx. dr. mr. mrs. ms. prof. jr. sr. st. al. ca.".split())
# Abbreviations only before a number ("No. 4", "p. 12"); "No. Accredited providers must not..." is an answer.
_BEFORE_NUMBER = frozenset("no. nos. p. pp. vol. art. sec. ch. fig.".split())
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")  # "E.", "S.", "U.S."
# After an initial, a sentence goes on with a name ("Joseph S. Green") and a new one starts with one of these
# ("... from Company B. In-kind support ...", "... 10 for C. Because ...").
_STARTERS = frozenset(
    """a an the this that these those it its in on at for from by with if when while because but so however as
    after before since during under each every all any some no not there their they we you our your he she his her
    one two three many most more both either neither such only also then thus therefore although though what which
    who how why where""".split()
)
_QUOTED = re.compile(r"\"[^\"]{1,800}\"|“[^”]{1,800}”")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([A-Za-z0-9]*)")

_BULLET_LINE = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_HEADING_LINE = re.compile(r"^\s*(?:#{1,6}\s|\*\*[^*]+\*\*\s*$|__[^_]+__\s*$)")
_TABLE_RULE = re.compile(r"^[\s:|-]+$")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
_MARKUP = re.compile(r"(\*\*|__|`|^>\s?)", re.MULTILINE)
# Markdown italics ("*AMA PRA Category 1 Credit*™") would turn bold in Slack and show as stars in a terminal.
_ITALICS = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")
_INLINE_ITEM = re.compile(r"\s+[-*+]\s+(?=\*\*)")
_ITEM_CONNECTOR = re.compile(r"(?:[;,]\s*(?:and|or)?|\s+(?:and|or))\s*$")
# A table cell that is only a code or number ("1", "3a", "C12") reads better labelled by its header ("Level 1").
_CODE_CELL = re.compile(r"^[A-Z]{0,2}\d+[a-z]?$")
# Headers that only name the column add nothing as a label.
_PLAIN_HEADERS = frozenset({"name", "current name", "meaning", "description", "definition", "what it means"})
MIN_UNIT_WORDS = 3


def clean(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    text = _MARKUP.sub("", text)
    text = _ITALICS.sub(r"\1", text)
    return " ".join(text.split())


def _ends_sentence(paragraph: str, start: int, match: re.Match[str]) -> bool:
    head = paragraph[start : match.start() + 1]
    token = head.rsplit(None, 1)[-1] if head.split() else ""
    token = token.lstrip("\"'“‘([")
    lowered = token.lower()
    following = _NEXT_WORD.match(paragraph, match.end())
    word = following.group(1) if following else ""
    if lowered in _NEVER_END:
        return False
    if lowered in _BEFORE_NUMBER and word[:1].isdigit():
        return False
    return not (_INITIALS.match(token) and word.lower() not in _STARTERS)


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences; never at initials, abbreviations, decimals or inside a quotation."""
    quoted = [m.span() for m in _QUOTED.finditer(paragraph)]
    pieces: list[str] = []
    start = 0
    for match in _CANDIDATE.finditer(paragraph):
        cut = match.end()
        if any(begin < cut < end for begin, end in quoted):
            continue  # a quoted statement ("The ... designates this ... Physicians should claim ...") stays whole
        if not _ends_sentence(paragraph, start, match):
            continue
        pieces.append(paragraph[start:cut].strip())
        start = cut
    tail = paragraph[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


def _cells(line: str) -> list[str]:
    return [clean(cell) for cell in line.strip().strip("|").split("|")]


def table_rows(lines: list[str]) -> list[str]:
    """A Markdown table as one line per row: cells joined by " — ", labelled by their header where that helps."""
    rows = [_cells(line) for line in lines if not _TABLE_RULE.match(line)]
    has_header = len(lines) > 1 and bool(_TABLE_RULE.match(lines[1]))
    header, body = (rows[0], rows[1:]) if has_header and len(rows) > 1 else ([], rows)
    out: list[str] = []
    for row in body:
        parts: list[str] = []
        for i, cell in enumerate(row):
            if not cell:
                continue
            label = header[i] if i < len(header) else ""
            if i == 0 and label and _CODE_CELL.match(cell):
                parts.append(f"{label} {cell}")
            elif i == 0 and len(header) == 2 and len(label.split()) <= 3 and label.lower() not in _PLAIN_HEADERS:
                # In a two-column table the first header often carries the meaning ("Weak" vs "Better").
                parts.append(f"{label}: {cell}")
            elif i > 0 and label and len(label.split()) <= 3 and label.lower() not in _PLAIN_HEADERS:
                parts.append(f"{label}: {cell}")
            else:
                parts.append(cell)
        if parts:
            out.append(" — ".join(parts))
    return out


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    """(kind, lines) for each paragraph, list, table or quote block; headings are left out."""
    blocks: list[tuple[str, list[str]]] = []
    for raw in re.split(r"\n\s*\n", text):
        kind, lines = "", []
        for line in raw.splitlines():
            if not line.strip():
                continue
            stripped = line.strip()
            if _HEADING_LINE.match(line) and not clean(stripped).endswith(":"):
                # A heading ("## What is ...?", a bold-only line) names a section; it is not answer text.
                if lines:
                    blocks.append((kind, lines))
                kind, lines = "", []
                continue
            if stripped.startswith("|"):
                line_kind, line = "table", stripped
            elif _BULLET_LINE.match(line):
                line_kind, line = "list", _BULLET_LINE.sub("", line)
            elif stripped.startswith(">"):
                line_kind = "quote"
            elif kind == "list" and line.startswith((" ", "\t")):
                lines[-1] += " " + stripped  # a wrapped list item
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


def _list_items(lines: list[str]) -> list[str]:
    # A list longer than a chunk reaches us re-flowed onto one line ("- **A:** ... - **B:** ..."): split it again.
    raw = [piece for line in lines for piece in _INLINE_ITEM.split(line)]
    items = [clean(line) for line in raw]
    return [_ITEM_CONNECTOR.sub("", item) for item in items if item]


def is_list(unit: str) -> bool:
    return f"\n{BULLET}" in unit or unit.startswith(BULLET)


def split_units(text: str) -> list[str]:
    units: list[str] = []
    for kind, lines in _blocks(text):
        if kind in ("list", "table"):
            items = _list_items(lines) if kind == "list" else table_rows(lines)
            body = "\n".join(BULLET + item for item in items)
            if not body:
                continue
            if units and units[-1].endswith(":"):
                units[-1] = f"{units[-1]}\n{body}"
                continue
            # Without a lead-in each item stands alone ("Practice gap: the difference between ..."), and the
            # whole list is a unit too, for questions that ask for all of it ("What are Moore's levels?").
            units.extend(BULLET + item if kind == "table" else item for item in items)
            if len(items) > 1:
                units.append(body)
            continue
        if kind == "quote":
            body = clean(" ".join(lines))
            if units and units[-1].endswith(":"):
                units[-1] = f"{units[-1]} {body}"
            elif body:
                units.append(body)
            continue
        units.extend(_merge_short(sentences(clean(" ".join(lines)))))
    # A lead-in whose list did not follow (it went to the next chunk) promises what it cannot give.
    return [u for u in units if len(u.split()) >= MIN_UNIT_WORDS and not u.endswith(":")]


def _merge_short(pieces: list[str]) -> list[str]:
    """A sentence too short to stand alone ("No.", "Yes.", "Not always.") opens the next one: it is the answer."""
    merged: list[str] = []
    carry = ""
    for piece in pieces:
        piece = f"{carry} {piece}".strip() if carry else piece
        carry = ""
        if len(piece.split()) < MIN_UNIT_WORDS and not piece.endswith("?"):
            carry = piece
        else:
            merged.append(piece)
    if carry:
        merged.append(carry)
    return merged
