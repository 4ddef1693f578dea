"""What the pathway borrows from the knowledge base: the primer, the associations and conferences, and the
accredited-vs-webinar comparison. Reading them from knowledge/community/ keeps one copy of each fact; when a
file or section is missing we return nothing and the caller says so, rather than inventing a fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.documents import DocumentError, split_front_matter


@dataclass(frozen=True)
class Section:
    heading: str
    body: str


@dataclass(frozen=True)
class KnowledgePage:
    title: str
    summary: str
    sections: tuple[Section, ...]

    def section(self, starts_with: str) -> Section | None:
        prefix = starts_with.lower()
        return next((s for s in self.sections if s.heading.lower().startswith(prefix)), None)


@dataclass(frozen=True)
class Association:
    name: str
    website: str
    meetings: str


@dataclass(frozen=True)
class Comparison:
    left: str
    right: str
    rows: tuple[tuple[str, str, str], ...]


def read_page(path: Path) -> KnowledgePage | None:
    try:
        front, body = split_front_matter(path.read_text(encoding="utf-8"))
    except (OSError, DocumentError):
        return None
    parts = re.split(r"^## +(.+?)\s*$", body, flags=re.MULTILINE)
    sections = tuple(Section(parts[i].strip(), parts[i + 1].strip()) for i in range(1, len(parts) - 1, 2))
    return KnowledgePage(str(front.get("title") or path.stem), parts[0].strip(), sections)


def bullets(text: str) -> list[str]:
    return [line[2:].strip() for line in text.splitlines() if line.startswith(("- ", "* "))]


def primer(page: KnowledgePage | None) -> list[str]:
    """The fundamentals step's bullets ("Who accredits whom", "Credit", ...)."""
    section = page.section("Step 1") if page else None
    return bullets(section.body) if section else []


def _clauses(text: str) -> list[str]:
    """Bullets and sentences (split at semicolons too), so a meeting line stays short enough for a DM."""
    units: list[str] = []
    paragraph: list[str] = []
    for line in [*text.splitlines(), ""]:
        stripped = line.strip()
        if stripped.startswith(("- ", "* ")) or not stripped:
            units.append(" ".join(paragraph))
            paragraph = []
            if stripped:
                units.append(stripped[2:])
        else:
            paragraph.append(stripped)
    clauses = []
    for unit in units:
        clauses += [c.strip() for c in re.split(r";\s+|(?<=\.)\s+(?=[A-Z])", unit) if c.strip()]
    return clauses


def associations(page: KnowledgePage | None) -> list[Association]:
    """Each section that names an organization's web site, with its first clause about annual meetings."""
    if page is None:
        return []
    found = []
    for section in page.sections:
        site = re.search(r"web site \*\*([\w.-]+\.[a-z]{2,})\*\*", section.body)
        if not site:
            continue
        meeting = next(
            (c for c in _clauses(section.body) if re.search(r"annual\W+(conference|meeting)", c, re.IGNORECASE)),
            "",
        )
        # Parenthesised examples are past dates and venues; they go stale, so the checklist leaves them out.
        meeting = re.sub(r"\s*\([^)]*\)", "", meeting).rstrip(";. ")
        name = re.sub(r"\s+and other .*$", "", section.heading)
        found.append(Association(name, site.group(1), meeting[:1].upper() + meeting[1:]))
    return found


def choosing_guide(page: KnowledgePage | None) -> list[str]:
    section = page.section("Choosing") if page else None
    return bullets(section.body) if section else []


def comparison(page: KnowledgePage | None) -> Comparison | None:
    """The side-by-side table in the pathway's step 3: (check, accredited activity, non-accredited webinar)."""
    section = page.section("Step 3") if page else None
    if section is None:
        return None
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in section.body.splitlines()
        if line.strip().startswith("|")
    ]
    rows = [row for row in rows if len(row) == 3 and not set("".join(row)) <= set("-: ")]
    if len(rows) < 2:
        return None
    header, *body = rows
    return Comparison(left=header[1], right=header[2], rows=tuple((r[0], r[1], r[2]) for r in body))


def caveat(page: KnowledgePage | None) -> str:
    """The page's own warning that dates and fees change, so the checklist repeats it next to the list."""
    if page is None:
        return ""
    sentences = re.split(r"(?<=\.)\s+(?=[A-Z])", " ".join(page.summary.split()))
    return next((s for s in sentences if "change" in s.lower()), "")


def closing_paragraph(section: Section | None) -> str:
    """The last prose paragraph of a section (after its bullets or table): usually the practical advice."""
    if section is None:
        return ""
    paragraphs = [p.strip() for p in section.body.split("\n\n") if p.strip()]
    prose = [p for p in paragraphs if not p.startswith(("|", "- ", "* ", "1."))]
    return " ".join(prose[-1].split()) if prose else ""
