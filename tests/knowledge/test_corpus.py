"""The shipped knowledge base: every document is sourced, dated and loads into sections."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.config import PROJECT_ROOT
from bot.knowledge.chunking import chunk_document
from bot.knowledge.documents import split_front_matter
from bot.knowledge.loaders import load_file

DOCUMENTS = sorted((PROJECT_ROOT / "knowledge").rglob("*.md"))
AUTHORITIES = {
    "ACCME",
    "AMA",
    "UEMS-EACCME",
    "Joint Accreditation",
    "ABIM",
    "FSMB",
    "community",
    "AOA",
    "AAFP",
    "AAPA",
    "ANCC",
    "ACPE",
    "Royal College",
}
# A source must be the authority's own page, so hosts are matched exactly: no test servers, staging hosts, look-alike
# domains or transition subdomains, and no third parties. Added beyond the accreditors and credit bodies: FSMB (state
# licensure CME), DEA Diversion Control (MATE Act training), PubMed (published research such as Moore et al. 2009),
# and the Alliance, SACME and GAME pages about themselves (professional associations page).
ALLOWED_HOSTS = frozenset(
    {
        "accme.org",
        "www.accme.org",
        "cmepassport.org",
        "ama-assn.org",
        "www.ama-assn.org",
        "edhub.ama-assn.org",
        "eaccme.uems.eu",
        "www.uems.eu",
        "uems.eu",
        "jointaccreditation.org",
        "www.jointaccreditation.org",
        "abim.org",
        "www.abim.org",
        "osteopathic.org",
        "www.aafp.org",
        "www.aapa.org",
        "www.nursingworld.org",
        "www.acpe-accredit.org",
        "www.royalcollege.ca",
        "www.fsmb.org",
        "www.deadiversion.usdoj.gov",
        "deadiversion.usdoj.gov",
        "pubmed.ncbi.nlm.nih.gov",
        "www.acehp.org",
        "www.sacme.org",
        "sacme.org",
        "www.gamecme.org",
        # A state's own medical board and its statutes, for the states the licensure document covers.
        "www.mbc.ca.gov",
        "leginfo.legislature.ca.gov",
        "www.in.gov",
        "albme.gov",
        "www.albme.gov",
        # NCCPA (PA certification) and the California Medical Association, an ACCME-recognized state accreditor.
        "www.nccpa.net",
        "cmadocs.org",
    }
)
# Site search result pages and the AMA's retired /ama/pub/ site are never a source, whatever the host.
_DENIED_PATH = re.compile(r"/search(?:[/?]|$)|/ama/pub/", re.I)
_URL = re.compile(r"https?://[^\s)\]>\"'<]+")
# Words that mark a sentence as describing a rule that no longer applies.
_FORMER = re.compile(
    r"\b(?:former(?:ly)?|old(?:er)?|supersed\w*|previous(?:ly)?|replac\w*|no longer|retired|out of date|outdated)\b",
    re.I,
)
_TWELVE_MONTHS = re.compile(r"\b(?:12|twelve)[- ]months?\b", re.I)
_DISCLOSURE_WORDS = re.compile(r"disclos|look-?back|financial relationship|conflicts? of interest", re.I)
_SCS = re.compile(r"Standards? for Commercial Support", re.I)
# Sentences end at . ! ? before whitespace, or at a line break (list items, table rows and paragraphs are one line).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n")


def _document_urls(text: str) -> list[str]:
    front, body = split_front_matter(text)
    urls = [str(u) for u in front.get("source_urls") or []]
    return urls + [u.rstrip(".,;:") for u in _URL.findall(body)]


def _url_problem(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme != "https":
        return "not https"
    if parts.hostname not in ALLOWED_HOSTS:
        return f"host {parts.hostname!r} is not an authority's own site"
    if _DENIED_PATH.search(parts.path + ("?" + parts.query if parts.query else "")):
        return "search results or retired path"
    return None


def _sentence_at(text: str, position: int) -> str:
    start, end = 0, len(text)
    for match in _SENTENCE_BREAK.finditer(text):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return text[start:end]


def superseded_rule_problems(text: str) -> list[str]:
    """Sentences that present a superseded rule (12-month disclosure lookback, the SCS) as if it were current."""
    problems: list[str] = []
    for match in _TWELVE_MONTHS.finditer(text):
        # "Near" means within 150 characters inside the same paragraph (a list under another heading does not count).
        paragraph_start = text.rfind("\n\n", 0, match.start()) + 1
        paragraph_end = text.find("\n\n", match.end())
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        nearby = text[max(paragraph_start, match.start() - 150) : min(paragraph_end, match.end() + 150)]
        sentence = _sentence_at(text, match.start())
        # Other 12-month rules (records retention, complaint windows, PARS reporting periods) are current.
        if _DISCLOSURE_WORDS.search(nearby) and not _FORMER.search(sentence):
            problems.append(f"12-month disclosure lookback presented as current: {sentence.strip()!r}")
    for match in _SCS.finditer(text):
        sentence = _sentence_at(text, match.start())
        if not _FORMER.search(sentence):
            problems.append(f"Standards for Commercial Support presented as current: {sentence.strip()!r}")
    return problems


def test_superseded_rule_check_tells_current_from_former_wording() -> None:
    assert superseded_rule_problems("Disclose all financial relationships from the past 12 months.")
    assert not superseded_rule_problems("The superseded SCS asked for a 12-month disclosure lookback.")
    assert not superseded_rule_problems("Keep activity files for the current term or the last 12 months.")
    assert superseded_rule_problems("Providers comply with the Standards for Commercial Support.")
    assert not superseded_rule_problems("The Standards replaced the Standards for Commercial Support in 2022.")


def test_url_check_accepts_only_official_https_pages() -> None:
    assert _url_problem("https://accme.org/rule/eligibility") is None
    assert _url_problem("http://accme.org/rule/eligibility") == "not https"
    assert _url_problem("https://eaccme.uems.test.dfakto.com/applywithus-accreditation")
    assert _url_problem("https://usa-accme.org/ask-accme/why-did-accme-eliminate-criteria-14-and-15")
    assert _url_problem("https://accme.org/search?search_api_fulltext=ineligible+company")
    assert _url_problem("https://www.ama-assn.org/ama/pub/category/16354.html")


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
    assert isinstance(urls, list) and urls, "source URLs"
    assert all(isinstance(u, str) and re.match(r"https://\S+$", u) for u in urls), "source URLs"
    assert len(set(urls)) == len(urls), "duplicate source URL"
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


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_sources_are_the_authorities_own_pages(path: Path) -> None:
    urls = _document_urls(path.read_text(encoding="utf-8"))
    problems = {url: problem for url in urls if (problem := _url_problem(url))}
    assert not problems, f"{path.name}: {problems}"


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_superseded_rules_are_only_named_as_former(path: Path) -> None:
    problems = superseded_rule_problems(path.read_text(encoding="utf-8"))
    assert not problems, f"{path.name}: {problems}"
