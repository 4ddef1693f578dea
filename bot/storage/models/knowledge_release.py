"""Knowledge releases: which shipped release a deployment installed, which knowledge sections each community
answer cites, and the answer cards and community answers marked for review because a section they cite changed.

In the database rather than a file under the data folder: replicas share it and it survives restarts, and a
curator's review (re-verifying an answer, stamping a card) must be seen by every process."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.db import Base
from bot.storage.models._types import utcnow


class KnowledgeInstall(Base):
    """One row per index (the collection name): the release installed and the corpus it was checked against."""

    __tablename__ = "knowledge_installs"

    name: Mapped[str] = mapped_column(String(255), primary_key=True)
    # The shipped version last installed ("" for a knowledge folder without RELEASE.yml).
    version: Mapped[str] = mapped_column(String(32), default="")
    # bot.knowledge.releases.corpus_fingerprint of the files the upgrade check last completed on.
    fingerprint: Mapped[str] = mapped_column(String(64), default="")
    installed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class KnowledgeCitation(Base):
    """A section of a knowledge document a community answer cites, with the section's text hash when cited (the
    same hash answer cards record): when the section no longer hashes to it, the answer goes back to review."""

    __tablename__ = "knowledge_citations"
    __table_args__ = (UniqueConstraint("item_id", "doc", "section", name="uq_knowledge_citation_item_section"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_id: Mapped[int] = mapped_column(Integer, index=True)  # community_items.id
    doc: Mapped[str] = mapped_column(String(500))
    section: Mapped[str] = mapped_column(String(500))
    hash: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class KnowledgeReview(Base):
    """An answer card or a community answer that cites a section that changed, and the changelog entry that
    explains it. Open until the card is stamped again or the answer is re-verified (or rejected, retired)."""

    __tablename__ = "knowledge_reviews"
    __table_args__ = (UniqueConstraint("kind", "ref", "doc", "section", "new_hash", name="uq_knowledge_review_change"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # card, community
    ref: Mapped[str] = mapped_column(String(128))  # the card id, or the community item id
    # A community answer's workspace (its reviews are shown only there); "" for cards, which every workspace uses.
    team_id: Mapped[str] = mapped_column(String(32), default="", index=True)
    doc: Mapped[str] = mapped_column(String(500))
    section: Mapped[str] = mapped_column(String(500))
    old_hash: Mapped[str] = mapped_column(String(16), default="")
    new_hash: Mapped[str] = mapped_column(String(16), default="")  # "" when the section is gone
    release: Mapped[str] = mapped_column(String(32), default="")
    what: Mapped[str] = mapped_column(Text, default="")
    # The changelog entry's kind (changed, corrected, added, ...): "ACCME changed" only when the authority did.
    change_kind: Mapped[str] = mapped_column(String(16), default="")
    rule: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)  # open, resolved
    resolution: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
