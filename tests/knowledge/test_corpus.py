"""The shipped knowledge base: every document is sourced, dated and loads into sections."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.knowledge.chunking import chunk_document
from bot.knowledge.documents import split_front_matter
from bot.knowledge.loaders import load_file

DOCUMENTS = sorted((PROJECT_ROOT / "knowledge").rglob("*.md"))
AUTHORITIES = {
    "ACCME", "AMA", "UEMS-EACCME", "Joint Accreditation", "ABIM", "FSMB", "community",
    "AOA", "AAFP", "AAPA", "ANCC", "ACPE", "Royal College",
}


def test_corpus_covers_the_required_topics() -> None:
    names = {p.relative_to(PROJECT_ROOT / "knowledge").as_posix() for p in DOCUMENTS}
    for required in (
        "accme/standards-overview-and-eligibility.md",
        "accme/standard-3-exceptions.md",
        "accme/accreditation-criteria.md",
        "accme/commendation.md",
        "accme/verifying-accreditation.md",
        "ama/pra-category-1-credit.md",
        "europe/eaccme.md",
        "joint-accreditation/joint-accreditation-ipce.md",
        "outcomes/moore-levels.md",
        "outcomes/outcome-statistics.md",
        "planning/needs-assessment.md",
        "community/glossary.md",
        "community/newcomer-pathway.md",
    ):
        assert required in names


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_document_front_matter(path: Path) -> None:
    front, _body = split_front_matter(path.read_text(encoding="utf-8"))
    assert front.get("title"), "title"
    assert front.get("authority") in AUTHORITIES
    urls = front.get("source_urls") or []
    assert urls and all(re.match(r"https?://\S+$", str(u)) for u in urls), "source URLs"
    reviewed = front.get("last_reviewed")
    assert isinstance(reviewed, date) and reviewed <= date(2026, 12, 31)
    if "effective_date" in front:
        assert isinstance(front["effective_date"], date)
    chunks = chunk_document(load_file(path, path.name))
    assert len(chunks) >= 2 and all(c.text for c in chunks)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_superseded_terms_are_only_named_as_superseded(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(r"commercial interests?", text, flags=re.I):
        context = text[max(0, match.start() - 250) : match.end() + 250].lower()
        superseded = r"old|former|replac|supersed|no longer|scs|standards for commercial support|renamed"
        assert re.search(superseded, context), f"{path.name}: 'commercial interest' used as current: …{context}…"
