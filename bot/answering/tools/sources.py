"""The knowledge sections the tools' rules come from.

Headings are looked up by keywords rather than hard-coded, because the knowledge files are reworded from time
to time; a citation must always name a heading that exists (tests check the keywords still find one)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from bot.answering.tools.models import Citation
from bot.config import PROJECT_ROOT
from bot.knowledge.cards import document_sections

log = logging.getLogger(__name__)

# The rules are those of the knowledge shipped with the bot, whatever CMEBOT_KNOWLEDGE_DIR a deployment indexes.
KNOWLEDGE_DIR = PROJECT_ROOT / "knowledge"


def _path(doc: str) -> Path:
    return KNOWLEDGE_DIR / doc


def sections(doc: str) -> dict[str, str]:
    """Heading -> the section's text, parsed as the indexer and the answer cards parse it (re-read when the file
    changes), so a tool cites exactly the sections the index holds."""
    return {heading: section.text for heading, section in document_sections(_path(doc)).items()}


def find_heading(doc: str, *keywords: str) -> str | None:
    """The first heading that contains every keyword (case-insensitive), if any."""
    wanted = [k.lower() for k in keywords]
    for heading in sections(doc):
        if all(k in heading.lower() for k in wanted):
            return heading
    return None


def cite(doc: str, *keywords: str) -> Citation:
    """A citation of the section whose heading holds the keywords; failing that, the heading sharing the most."""
    heading = find_heading(doc, *keywords)
    if heading is None:
        wanted = [k.lower() for k in keywords]
        heading = max(sections(doc), key=lambda h: sum(k in h.lower() for k in wanted))
    return Citation(doc, heading)


def section_text(citation: Citation) -> str:
    return sections(citation.doc).get(citation.heading, "")


def plain(text: str) -> str:
    """Markdown emphasis and line breaks out, so statement wording can be compared word for word."""
    return " ".join(re.sub(r"[*_]", "", text).replace("\u201c", '"').replace("\u201d", '"').split())


def states(citation: Citation, *phrases: str) -> bool:
    """Whether the cited section still states the rule (each phrase, case-insensitive). Tools check before
    answering, so a rule the knowledge drops or rewords goes back to the normal answer path, not a stale number."""
    text = plain(section_text(citation)).lower()
    missing = [p for p in phrases if p.lower() not in text]
    if missing:
        log.warning("%s > %s no longer states %s; the tool stands down", citation.doc, citation.heading, missing)
    return not missing


def sentence(citation: Citation, *phrases: str) -> str:
    """The section's first sentence holding every phrase, as plain text ("" if none), to quote the rule itself."""
    text = plain(section_text(citation))
    for candidate in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", text):
        if all(p.lower() in candidate.lower() for p in phrases):
            return candidate.strip()
    return ""
