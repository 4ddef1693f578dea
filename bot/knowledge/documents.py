"""A loaded knowledge file: its front matter and its body as Markdown-like text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml


class DocumentError(ValueError):
    """A file that cannot be used as knowledge; the message names the problem for the operator."""


# How far a passage can be trusted, most trusted first. "community" (answers verified by community experts) is
# reserved for saved Slack answers; no file may claim it.
TIERS = ("authority", "maintainers", "community", "unreviewed")
FILE_TIERS = ("authority", "maintainers", "unreviewed")
# Front matter `authority:` values meaning "curated by the maintainers" rather than an accreditor or credit body.
MAINTAINER_AUTHORITIES = {"community", "maintainers"}


@dataclass(frozen=True)
class DocumentMeta:
    title: str
    authority: str = "local document"
    source_urls: tuple[str, ...] = ()
    effective_date: str = ""
    last_reviewed: str = ""
    topics: tuple[str, ...] = ()
    # The tier the file earns inside the knowledge folder; anything indexed from elsewhere is "unreviewed".
    tier: str = "unreviewed"

    @property
    def url(self) -> str:
        return self.source_urls[0] if self.source_urls else ""


@dataclass(frozen=True)
class LoadedDocument:
    doc_id: str
    meta: DocumentMeta
    body: str
    content_hash: str
    extra: dict[str, Any] = field(default_factory=dict)
    # Text a reader never sees (HTML comments, invisible elements): never indexed, only scanned for instructions.
    hidden: tuple[str, ...] = ()


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return (front matter, body). Text without front matter yields an empty mapping."""
    if not text.startswith("---"):
        return {}, text
    lines = text.splitlines(keepends=True)
    if lines[0].strip() != "---":
        return {}, text
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            raw = "".join(lines[1:index])
            try:
                data = yaml.safe_load(raw) or {}
            except yaml.YAMLError as exc:
                raise DocumentError(f"front matter is not valid YAML ({exc.__class__.__name__})") from exc
            if not isinstance(data, dict):
                raise DocumentError("front matter must be a mapping of keys to values")
            return data, "".join(lines[index + 1 :])
    raise DocumentError("front matter starts with '---' but never ends")


def meta_from_front_matter(data: dict[str, Any], fallback_title: str) -> DocumentMeta:
    urls = data.get("source_urls") or data.get("sources") or data.get("source_url") or []
    if isinstance(urls, str):
        urls = [urls]
    topics = data.get("topics") or []
    if isinstance(topics, str):
        topics = [topics]
    authority = _as_text(data.get("authority"))
    return DocumentMeta(
        title=_as_text(data.get("title")) or fallback_title,
        authority=authority or "local document",
        source_urls=tuple(_as_text(u) for u in urls if _as_text(u)),
        effective_date=_as_text(data.get("effective_date")),
        last_reviewed=_as_text(data.get("last_reviewed")),
        topics=tuple(_as_text(t) for t in topics),
        tier=_tier(data, authority),
    )


def _tier(data: dict[str, Any], authority: str) -> str:
    explicit = _as_text(data.get("tier")).lower()
    if explicit:
        if explicit == "community":
            raise DocumentError("front matter tier 'community' is reserved for answers verified in Slack")
        if explicit not in FILE_TIERS:
            raise DocumentError(f"front matter tier '{explicit}' must be one of: {', '.join(FILE_TIERS)}")
        return explicit
    if not data or not authority:
        return "unreviewed"  # no front matter, or nobody named as vouching for the text
    return "maintainers" if authority.lower() in MAINTAINER_AUTHORITIES else "authority"
