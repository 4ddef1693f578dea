"""The shipped knowledge release: a version and a changelog (`knowledge/RELEASE.yml`), and what a deployment needs
to know about the knowledge files without a database: which documents were last reviewed when, a fingerprint of
the corpus, and which cited sections no longer read as they did when they were cited.

RELEASE.yml lists releases newest first; the first is the shipped version:

    releases:
      - version: "2026.11.30"          # YYYY.MM.DD (.N for a second release on one day); its date part is `date`
        date: 2026-11-30
        summary: one paragraph
        changes:
          - doc: accme/standard-3-financial-relationships.md      # a path under knowledge/
            sections: ["Does owning stock in an ineligible company make someone an \"owner\" who must be excluded?"]
            kind: corrected                              # changed (the authority did), added, corrected, clarified,
                                                         # flagged, removed (the maintainers' own page)
            what: one line a curator reads in App Home
            rule: ACCME Standard 3
            effective_date: 2022-01-01                             # when the rule took effect, if it has a date

What happens with it on upgrade (marking cards and community answers for review) is bot/services/knowledge_release.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from bot.knowledge.cards import find_section, section_hash
from bot.knowledge.documents import DocumentError, split_front_matter

RELEASE_FILE = "RELEASE.yml"
VERSION_PATTERN = r"^\d{4}\.\d{2}\.\d{2}(\.\d+)?$"
# A document not reviewed for this long is flagged in `cmebot knowledge status` (the insights report uses a year too).
STALE_DAYS = 365

# "changed": the authority changed the rule; the others describe the maintainers' work on their own page.
ChangeKind = Literal["changed", "added", "corrected", "clarified", "flagged", "removed"]


class ReleaseError(ValueError):
    """RELEASE.yml cannot be read; the message names the problem for the maintainer."""


class ReleaseChange(BaseModel):
    doc: str = Field(min_length=3)
    sections: list[str] = Field(default_factory=list)
    kind: ChangeKind = "clarified"
    what: str = Field(min_length=3)
    rule: str = ""
    effective_date: date | None = None

    @field_validator("what", "rule")
    @classmethod
    def _one_line(cls, value: str) -> str:
        return " ".join(value.split())

    def names(self, doc: str, section: str) -> bool:
        """Whether this change explains a change to `section` of `doc` (no sections listed: any section)."""
        if self.doc != doc:
            return False
        if not self.sections:
            return True
        # Cards cite a nested heading by its last part, chunks by its full path; either names the same section.
        tail = section.split(" > ")[-1]
        return any(wanted in (section, tail) or wanted.split(" > ")[-1] == tail for wanted in self.sections)


class Release(BaseModel):
    version: str = Field(pattern=VERSION_PATTERN)
    date: dt.date
    summary: str = ""
    changes: list[ReleaseChange] = Field(default_factory=list)

    @field_validator("version", mode="before")
    @classmethod
    def _text(cls, value: object) -> object:
        # An unquoted 2026.11.30 is still text to YAML, but a float-looking 2026.11 is not: keep what was written.
        return str(value) if isinstance(value, int | float) else value


def version_key(version: str) -> tuple[int, ...]:
    """Versions compare as numbers part by part: 2026.12.1 is after 2026.11.30 and before 2026.12.1.1."""
    return tuple(int(part) for part in version.split(".")) if version else ()


@dataclass(frozen=True)
class Attribution:
    """The changelog entry that explains a changed section, or none (a local edit, or an entry nobody wrote)."""

    release: str
    change: ReleaseChange | None

    @property
    def what(self) -> str:
        return self.change.what if self.change else "the document changed (no changelog entry names it)"


@dataclass(frozen=True)
class Changelog:
    releases: tuple[Release, ...] = ()

    @property
    def current(self) -> Release | None:
        return self.releases[0] if self.releases else None

    @property
    def version(self) -> str:
        """The shipped version; empty when the knowledge folder has no RELEASE.yml (a custom corpus)."""
        return self.releases[0].version if self.releases else ""

    def since(self, installed: str | None) -> list[Release]:
        """Releases after the installed one, newest first (all of them when none was recorded)."""
        if not installed:
            return list(self.releases)
        return [r for r in self.releases if version_key(r.version) > version_key(installed)]

    def attribute(self, doc: str, section: str, installed: str | None) -> Attribution:
        """The newest change after `installed` that names this section; else the newest that names its document
        (an entry listing other sections of it is still the best explanation a curator has); else the shipped
        version with no entry: the section changed and the changelog does not say why."""
        releases = self.since(installed)
        for release in releases:
            for change in release.changes:
                if change.names(doc, section):
                    return Attribution(release.version, change)
        for release in releases:
            for change in release.changes:
                if change.doc == doc:
                    return Attribution(release.version, change)
        return Attribution(self.version, None)


def load_changelog(knowledge_dir: Path) -> Changelog:
    path = knowledge_dir / RELEASE_FILE
    if not path.is_file():
        return Changelog()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ReleaseError(f"{RELEASE_FILE}: not valid YAML ({exc.__class__.__name__})") from exc
    items = raw.get("releases") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        raise ReleaseError(f"{RELEASE_FILE}: expected a mapping with a list under `releases`")
    releases = []
    for number, item in enumerate(items, 1):
        try:
            releases.append(Release.model_validate(item))
        except ValidationError as exc:
            ident = item.get("version", f"#{number}") if isinstance(item, dict) else f"#{number}"
            raise ReleaseError(f"{RELEASE_FILE}: release {ident} is not valid: {exc}") from exc
    return Changelog(tuple(releases))


def validate_changelog(knowledge_dir: Path) -> list[str]:
    """Problems a maintainer must fix before shipping: every document and section named exists, versions run
    newest first without repeats, and each version's date part is its release date."""
    try:
        changelog = load_changelog(knowledge_dir)
    except ReleaseError as exc:
        return [str(exc)]
    problems: list[str] = []
    for newer, older in zip(changelog.releases, changelog.releases[1:], strict=False):
        if version_key(newer.version) <= version_key(older.version):
            problems.append(f"{newer.version} is listed before {older.version}: list releases newest first")
        if newer.date < older.date:
            problems.append(f"{newer.version} is dated {newer.date}, before {older.version} ({older.date})")
    for release in changelog.releases:
        if release.version[:10] != release.date.strftime("%Y.%m.%d"):
            problems.append(f"{release.version}: the version's date part does not match its date {release.date}")
        if not release.changes:
            problems.append(f"{release.version}: a release lists at least one change")
        for change in release.changes:
            if not (knowledge_dir / change.doc).is_file():
                problems.append(f"{release.version}: {change.doc} does not exist")
                continue
            for heading in change.sections:
                if find_section(knowledge_dir, change.doc, heading) is None:
                    problems.append(f"{release.version}: {change.doc} has no section {heading!r}")
    return problems


# --- the documents as shipped ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReviewDate:
    doc: str
    title: str
    last_reviewed: date | None

    def stale(self, today: date) -> bool:
        return self.last_reviewed is None or (today - self.last_reviewed).days > STALE_DAYS


def review_dates(knowledge_dir: Path) -> list[ReviewDate]:
    """Every Markdown document's last_reviewed, oldest first (never reviewed first of all)."""
    found: list[ReviewDate] = []
    for path in sorted(knowledge_dir.rglob("*.md")):
        relative = path.relative_to(knowledge_dir)
        if any(part.startswith(".") for part in relative.parts):
            continue
        try:
            meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
        except (DocumentError, OSError, UnicodeDecodeError):
            meta = {}
        reviewed = meta.get("last_reviewed")
        if isinstance(reviewed, str):
            try:
                reviewed = date.fromisoformat(reviewed.strip())
            except ValueError:
                reviewed = None
        title = str(meta.get("title") or relative.stem)
        found.append(ReviewDate(relative.as_posix(), title, reviewed if isinstance(reviewed, date) else None))
    return sorted(found, key=lambda r: (r.last_reviewed or date.min, r.doc))


def document_title(knowledge_dir: Path, doc: str) -> tuple[str, str]:
    """(title, authority) from a document's front matter; the path when it cannot be read (a deleted document)."""
    try:
        meta, _ = split_front_matter((knowledge_dir / doc).read_text(encoding="utf-8"))
    except (DocumentError, OSError, UnicodeDecodeError):
        meta = {}
    return str(meta.get("title") or doc), str(meta.get("authority") or "")


def corpus_fingerprint(knowledge_dir: Path) -> str:
    """One hash over every knowledge file (documents, cards, the changelog): the upgrade check runs again only
    when it moves, so an unchanged start costs one read of the folder."""
    digest = hashlib.sha256()
    if knowledge_dir.is_dir():
        for path in sorted(p for p in knowledge_dir.rglob("*") if p.is_file()):
            relative = path.relative_to(knowledge_dir).as_posix()
            if relative.startswith(".") or "/." in relative:
                continue
            digest.update(relative.encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


# --- cited sections -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Citation:
    doc: str
    section: str
    hash: str


@dataclass(frozen=True)
class ChangedCitation:
    doc: str
    section: str
    old_hash: str
    # The section's hash now; empty when the section (or its document) is gone.
    new_hash: str


def current_hash(knowledge_dir: Path, doc: str, section: str) -> str:
    found = find_section(knowledge_dir, doc, section)
    return section_hash(found.text) if found is not None else ""


def changed_citations(knowledge_dir: Path, citations: Iterable[Citation]) -> list[ChangedCitation]:
    """The citations whose section no longer reads as it did when it was cited (reviewed, or saved)."""
    changed = []
    for cite in citations:
        now = current_hash(knowledge_dir, cite.doc, cite.section)
        if now != cite.hash:
            changed.append(ChangedCitation(cite.doc, cite.section, cite.hash, now))
    return changed


def is_release_file(path: Path, root: Path) -> bool:
    """The changelog sits in the knowledge folder but is not knowledge: the indexer leaves it alone."""
    try:
        return path.relative_to(root).as_posix() == RELEASE_FILE
    except ValueError:
        return False
