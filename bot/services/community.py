"""Community knowledge as a service (no Slack): save, verify, edit, reject, retire; who may see an item; escalations;
Markdown export and import for curators.

Visibility rules (the same for every output: answers, App Home, export, escalation posts):
  * never across workspaces (team);
  * a "workspace" item is visible to anyone in its team;
  * a "channel" item is visible in its channel, and in a DM with someone who is a member of that channel;
  * DMs are never a source: an answer saved from a DM is saved with "channel" visibility on that DM, so it can
    answer only in that same DM.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

import yaml
from sqlalchemy import select

from bot.storage.db import Database
from bot.storage.models._types import utcnow
from bot.storage.models.community import CommunityItem, Escalation, UploadRecord

Status = Literal["pending", "verified", "needs_review", "rejected", "retired"]
VISIBILITIES = ("workspace", "channel")
REVIEW_MONTHS = 12

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Audience:
    """Who is asking, and where: what decides which community items may answer or be shown."""

    team_id: str
    channel_id: str = ""
    user_id: str = ""
    is_dm: bool = False
    # In a DM: is this user a member of that channel? (the Slack layer asks the Web API, and caches it briefly)
    member_of: Callable[[str], bool] = field(default=lambda _channel: False, compare=False)


@dataclass(frozen=True)
class Item:
    id: int
    team_id: str
    status: str
    question: str
    paraphrases: list[str]
    answer: str
    topic: str
    authority_url: str
    author_id: str
    saved_by: str
    verifier_id: str
    verified_on: date | None
    review_by: date | None
    visibility: str
    channel_id: str
    channel_private: bool
    source_ts: str
    thread_ts: str
    permalink: str
    vectors: list[list[float]]
    note: str

    @classmethod
    def of(cls, row: CommunityItem) -> Item:
        return cls(
            id=row.id,
            team_id=row.team_id,
            status=row.status,
            question=row.question,
            paraphrases=list(row.paraphrases or []),
            answer=row.answer,
            topic=row.topic or "",
            authority_url=row.authority_url or "",
            author_id=row.author_id or "",
            saved_by=row.saved_by or "",
            verifier_id=row.verifier_id or "",
            verified_on=row.verified_at.date() if row.verified_at else None,
            review_by=row.review_by,
            visibility=row.visibility,
            channel_id=row.channel_id or "",
            channel_private=bool(row.channel_private),
            source_ts=row.source_ts or "",
            thread_ts=row.thread_ts or "",
            permalink=row.permalink or "",
            vectors=list(row.vectors or []),
            note=row.note or "",
        )

    def visible_to(self, audience: Audience) -> bool:
        if not self.team_id or self.team_id != audience.team_id:
            return False
        if self.visibility == "workspace":
            return True
        if audience.channel_id and audience.channel_id == self.channel_id:
            return True
        return (
            audience.is_dm
            and bool(self.channel_id)
            and not self.channel_id.startswith("D")
            and audience.member_of(self.channel_id)
        )

    def credit(self) -> dict[str, str]:
        """Who answered, who verified and when: each surface renders it (Slack as mentions, see `badge`)."""
        return {
            "author": self.author_id,
            "verifier": self.verifier_id,
            "verified_on": self.verified_on.isoformat() if self.verified_on else "",
        }


def badge(credit: dict[str, str], person: Callable[[str], str] = lambda user: user) -> str:
    """How a community answer is credited: who answered, who verified, when; community practice, not a rule.
    `person` renders a user id (Slack: a mention; the console: the id)."""
    from bot.services.pseudonyms import is_pseudonym

    def name(user: str) -> str:
        # Members who left are pseudonyms (bot/services/member_data.py): named as such, never as a mention.
        return "a former member" if is_pseudonym(user) else person(user)

    by = name(credit["author"]) if credit.get("author") else "a community member"
    verified = f", verified by {name(credit['verifier'])}" if credit.get("verifier") else ""
    on = f" on {credit['verified_on']}" if credit.get("verified_on") else ""
    return f"Community answer by {by}{verified}{on}. Community practice, not an official rule."


@dataclass(frozen=True)
class NewItem:
    team_id: str
    question: str
    answer: str
    saved_by: str
    author_id: str = ""
    paraphrases: list[str] = field(default_factory=list)
    topic: str = ""
    authority_url: str = ""
    review_by: date | None = None
    visibility: str = "channel"
    channel_id: str = ""
    channel_private: bool = False
    source_ts: str = ""
    thread_ts: str = ""
    permalink: str = ""


class CommunityStore:
    def __init__(self, db: Database, is_expert: Callable[[str], bool]) -> None:
        self.db = db
        self.is_expert = is_expert
        # Bumped on every change, so the answer index knows to rebuild (cheap check, per process).
        self.changes = 0
        # The audit log's record(actor, action, target, details, team_id): set by the runtime (bot/services/audit.py).
        self.audit: Callable[..., Any] | None = None
        # Called with each newly saved item: the runtime records the knowledge sections it cites, so a changed rule
        # sends it back to review (bot/services/knowledge_release.py). A hook's failure never loses the save.
        self.on_save: list[Callable[[Item], Any]] = []

    def _audit(self, actor: str, action: str, item: Any, **details: Any) -> None:
        if self.audit is not None:
            kind = "upload" if isinstance(item, UploadRecord) else "community"
            self.audit(actor, action, f"{kind}:{item.id}", details, team_id=getattr(item, "team_id", "") or "")

    # --- saving and the lifecycle --------------------------------------------------------------------
    def save(self, new: NewItem, vectors: list[list[float]]) -> Item:
        """Verified at once when an expert saves it; pending (never used) until an expert verifies otherwise."""
        if new.visibility not in VISIBILITIES:
            raise ValueError(f"visibility must be one of {VISIBILITIES}")
        question, answer = _clean(new.question), new.answer.strip()
        if len(question) < 3 or not answer:
            raise ValueError("a saved answer needs a question and an answer")
        expert = self.is_expert(new.saved_by)
        now = utcnow()
        with self.db.session() as session:
            row = CommunityItem(
                team_id=new.team_id,
                status="verified" if expert else "pending",
                question=question[:2000],
                paraphrases=[_clean(p)[:500] for p in new.paraphrases if _clean(p)],
                answer=answer[:4000],
                topic=new.topic[:64],
                authority_url=new.authority_url[:1000],
                author_id=new.author_id,
                saved_by=new.saved_by,
                verifier_id=new.saved_by if expert else "",
                verified_at=now if expert else None,
                review_by=new.review_by or default_review_by(),
                visibility=new.visibility,
                channel_id=new.channel_id,
                channel_private=new.channel_private,
                source_ts=new.source_ts,
                thread_ts=new.thread_ts,
                permalink=new.permalink[:1000],
                vectors=vectors,
            )
            session.add(row)
            session.flush()
            item = Item.of(row)
        self.changes += 1
        if expert:  # an expert's save is a verification
            self._audit(new.saved_by, "community.verify", item, via="save", question=item.question[:200])
        for hook in self.on_save:
            try:
                hook(item)
            except Exception:
                log.exception("A save hook failed for community item %s", item.id)
        return item

    def get(self, item_id: int) -> Item | None:
        with self.db.session() as session:
            row = session.get(CommunityItem, item_id)
            return Item.of(row) if row is not None else None

    def verify(self, item_id: int, verifier: str, *, visibility: str | None = None) -> Item:
        if not self.is_expert(verifier):
            raise PermissionError("only experts verify community answers")
        item = self._set(
            item_id,
            status="verified",
            verifier_id=verifier,
            verified_at=utcnow(),
            review_by=default_review_by(),
            **({"visibility": visibility} if visibility in VISIBILITIES else {}),
        )
        self._audit(verifier, "community.verify", item, visibility=item.visibility)
        return item

    def edit(self, item_id: int, editor: str, *, question: str, answer: str, vectors: list[list[float]]) -> Item:
        """An expert's edit is a verification of the new text; anyone else's sends the item back to pending."""
        expert = self.is_expert(editor)
        values: dict[str, Any] = {
            "question": _clean(question)[:2000],
            "answer": answer.strip()[:4000],
            "vectors": vectors,
        }
        if expert:
            values |= {"status": "verified", "verifier_id": editor, "verified_at": utcnow()}
        else:
            values |= {"status": "pending", "verifier_id": "", "verified_at": None}
        item = self._set(item_id, **values)
        self._audit(editor, "community.edit", item, status=item.status)
        return item

    def reject(self, item_id: int, by: str) -> Item:
        if not self.is_expert(by):
            raise PermissionError("only experts reject community answers")
        item = self._set(item_id, status="rejected", note=f"rejected by {by}")
        self._audit(by, "community.reject", item)
        return item

    def retire(self, item_id: int, by: str, reason: str = "") -> Item:
        item = self._set(item_id, status="retired", note=f"retired by {by}: {reason}".strip(": "))
        self._audit(by, "community.retire", item, reason=reason)
        return item

    def report_outdated(self, item_id: int, reporter: str, note: str = "") -> Item:
        """A member says a community answer is out of date: it stops answering until an expert re-verifies it."""
        return self._set(item_id, status="needs_review", note=f"reported outdated by {reporter}: {note}".strip(": "))

    def source_changed(self, team_id: str, channel_id: str, ts: str) -> list[Item]:
        """The saved message was edited in Slack: its items go back to review (they no longer say what was verified)."""
        return self._by_source(
            team_id, channel_id, ts, status="needs_review", note="the saved Slack message was edited"
        )

    def source_deleted(self, team_id: str, channel_id: str, ts: str) -> list[Item]:
        return self._by_source(team_id, channel_id, ts, status="retired", note="the saved Slack message was deleted")

    def channel_became_private(self, team_id: str, channel_id: str) -> int:
        """A channel converted to private: its items follow and answer only its members from now on. (Whether an
        expert had chosen "workspace" on purpose is not recorded, so all of them narrow; verifying again with
        "workspace" widens one back.)"""
        return self._for_channel(team_id, channel_id, channel_private=True, visibility="channel")

    def channel_closed(self, team_id: str, channel_id: str, why: str) -> int:
        """Archived, or the bot was removed: its members can no longer be checked, so its channel-only items
        retire (workspace-visible ones, given in a public channel, stay)."""
        return self._for_channel(team_id, channel_id, only_visibility="channel", status="retired", note=why)

    def _for_channel(self, team_id: str, channel_id: str, only_visibility: str | None = None, **values: Any) -> int:
        with self.db.session() as session:
            query = select(CommunityItem).where(
                CommunityItem.team_id == team_id,
                CommunityItem.channel_id == channel_id,
                CommunityItem.status.not_in(("rejected", "retired")),
            )
            if only_visibility:
                query = query.where(CommunityItem.visibility == only_visibility)
            rows = list(session.scalars(query))
            for row in rows:
                for name, value in values.items():
                    setattr(row, name, value)
        if rows:
            self.changes += 1
        return len(rows)

    def review_due(self, today: date | None = None) -> list[Item]:
        """Verified items past their review-by date: demoted to needs_review, returned so verifiers are reminded."""
        today = today or date.today()
        with self.db.session() as session:
            rows = list(
                session.scalars(
                    select(CommunityItem).where(CommunityItem.status == "verified", CommunityItem.review_by < today)
                )
            )
            for row in rows:
                row.status = "needs_review"
                row.note = f"past its review-by date ({row.review_by})"
            items = [Item.of(row) for row in rows]
        if items:
            self.changes += 1
        return items

    def _by_source(self, team_id: str, channel_id: str, ts: str, *, status: str, note: str) -> list[Item]:
        with self.db.session() as session:
            rows = list(
                session.scalars(
                    select(CommunityItem).where(
                        CommunityItem.team_id == team_id,
                        CommunityItem.channel_id == channel_id,
                        CommunityItem.source_ts == ts,
                        CommunityItem.status.not_in(("rejected", "retired")),
                    )
                )
            )
            for row in rows:
                row.status, row.note = status, note
            items = [Item.of(row) for row in rows]
        if items:
            self.changes += 1
        return items

    def _set(self, item_id: int, **values: Any) -> Item:
        with self.db.session() as session:
            row = session.get(CommunityItem, item_id)
            if row is None:
                raise KeyError(item_id)
            for name, value in values.items():
                setattr(row, name, value)
            session.flush()
            item = Item.of(row)
        self.changes += 1
        return item

    # --- reading -------------------------------------------------------------------------------------
    def items(self, *, team_id: str | None = None, statuses: Iterable[str] | None = None) -> list[Item]:
        with self.db.session() as session:
            query = select(CommunityItem).order_by(CommunityItem.id)
            if team_id is not None:
                query = query.where(CommunityItem.team_id == team_id)
            if statuses is not None:
                query = query.where(CommunityItem.status.in_(list(statuses)))
            return [Item.of(row) for row in session.scalars(query)]

    def visible(self, audience: Audience, statuses: Iterable[str] = ("verified",)) -> list[Item]:
        return [item for item in self.items(team_id=audience.team_id, statuses=statuses) if item.visible_to(audience)]

    # --- escalations ---------------------------------------------------------------------------------
    def escalate(
        self, *, team_id: str, asker_id: str, question: str, origin_channel: str, question_log_id: int | None
    ) -> int:
        with self.db.session() as session:
            row = Escalation(
                team_id=team_id,
                asker_id=asker_id,
                question=question[:4000],
                origin_channel=origin_channel,
                question_log_id=question_log_id,
            )
            session.add(row)
            session.flush()
            return int(row.id)

    def escalation_posted(self, escalation_id: int, channel: str, ts: str) -> None:
        with self.db.session() as session:
            row = session.get(Escalation, escalation_id)
            if row is not None:
                row.experts_channel, row.posted_ts = channel, ts

    def link_escalation(self, escalation_id: int, item_id: int) -> None:
        """The community item that an expert saved from an escalation's reply."""
        with self.db.session() as session:
            row = session.get(Escalation, escalation_id)
            if row is not None:
                row.item_id = item_id

    def escalation_for_thread(self, team_id: str, channel: str, thread_ts: str) -> Escalation | None:
        with self.db.session() as session:
            return session.scalar(
                select(Escalation).where(
                    Escalation.team_id == team_id,
                    Escalation.experts_channel == channel,
                    Escalation.posted_ts == thread_ts,
                )
            )

    def escalation(self, escalation_id: int) -> Escalation | None:
        with self.db.session() as session:
            return session.get(Escalation, escalation_id)

    def escalation_answered(self, escalation_id: int, by: str, ts: str) -> bool:
        """The first expert reply answers it; True only for that first one (the asker is notified once)."""
        with self.db.session() as session:
            row = session.get(Escalation, escalation_id)
            if row is None or row.status == "answered":
                return False
            row.status, row.answered_by, row.answer_ts, row.answered_at = "answered", by, ts, utcnow()
            return True

    def waiting(self, team_id: str) -> list[Escalation]:
        """Questions waiting for an expert, oldest first."""
        with self.db.session() as session:
            query = (
                select(Escalation)
                .where(Escalation.team_id == team_id, Escalation.status == "waiting", Escalation.posted_ts != "")
                .order_by(Escalation.created_at, Escalation.id)
            )
            return list(session.scalars(query))

    # --- documents admins shared --------------------------------------------------------------------
    def record_upload(self, *, team_id: str, doc_id: str, name: str, uploader: str, content_hash: str) -> int:
        """A shared document, unreviewed. Sharing a file of the same name again replaces its record; new content
        needs verifying again."""
        with self.db.session() as session:
            row = session.scalar(select(UploadRecord).where(UploadRecord.doc_id == doc_id))
            if row is None:
                row = UploadRecord(team_id=team_id, doc_id=doc_id)
                session.add(row)
            unchanged = row.status == "verified" and row.content_hash == content_hash
            row.name, row.uploader, row.content_hash, row.uploaded_at = name[:255], uploader, content_hash, utcnow()
            if not unchanged:  # the same verified content shared again stays verified, as the index has it
                row.status, row.verified_by, row.verified_at = "unreviewed", "", None
            session.flush()
            return int(row.id)

    def uploads(self, team_id: str, status: str | None = None) -> list[UploadRecord]:
        with self.db.session() as session:
            query = select(UploadRecord).where(UploadRecord.team_id == team_id).order_by(UploadRecord.id)
            if status is not None:
                query = query.where(UploadRecord.status == status)
            return list(session.scalars(query))

    def verify_upload(self, upload_id: int, verifier: str, team_id: str) -> UploadRecord:
        if not self.is_expert(verifier):
            raise PermissionError("only experts verify uploaded documents")
        with self.db.session() as session:
            row = session.get(UploadRecord, upload_id)
            if row is None or row.team_id != team_id:
                raise KeyError(upload_id)
            row.status, row.verified_by, row.verified_at = "verified", verifier, utcnow()
            session.flush()
        self._audit(verifier, "upload.verify", row, name=row.name, content_hash=row.content_hash)
        return row

    def upload_verified(self, doc_id: str, content_hash: str) -> bool:
        """Whether an expert verified exactly this content of this document (an edit needs verifying again)."""
        with self.db.session() as session:
            return (
                session.scalar(
                    select(UploadRecord.id).where(
                        UploadRecord.doc_id == doc_id,
                        UploadRecord.content_hash == content_hash,
                        UploadRecord.status == "verified",
                    )
                )
                is not None
            )

    # --- Markdown export and import ------------------------------------------------------------------
    def export_markdown(self, folder: Path, *, team_id: str | None = None) -> list[Path]:
        """One Markdown file with front matter per item, for curators to review in git (and to promote into
        knowledge/). Pending, rejected and retired items are exported too, with their status."""
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for item in self.items(team_id=team_id):
            meta = {
                "id": item.id,
                "title": item.question,
                "authority": "community",
                "status": item.status,
                "team": item.team_id,
                "visibility": item.visibility,
                "channel": item.channel_id,
                "channel_private": item.channel_private,
                "paraphrases": item.paraphrases,
                "topic": item.topic,
                "source_urls": [u for u in (item.authority_url, item.permalink) if u],
                "author": item.author_id,
                "verifier": item.verifier_id,
                "verified_on": item.verified_on.isoformat() if item.verified_on else None,
                "review_by": item.review_by.isoformat() if item.review_by else None,
                "source_ts": item.source_ts,
                "thread_ts": item.thread_ts,
                "permalink": item.permalink,
            }
            path = folder / f"community-{item.id:05d}-{_slug(item.question)}.md"
            front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
            path.write_text(f"---\n{front}---\n## {item.question}\n\n{item.answer}\n", encoding="utf-8")
            written.append(path)
        return written

    def import_markdown(self, folder: Path, embed: Callable[[list[str]], list[list[float]]]) -> tuple[int, int]:
        """Items from exported files: an id that exists is updated (a curator's edit keeps its status, which the
        file states), a file without one is added. Returns (added, updated)."""
        added = updated = 0
        for path in sorted(folder.glob("*.md")):
            meta, question, answer = _read_markdown(path)
            vectors = embed([question, *meta.get("paraphrases", [])])
            values: dict[str, Any] = {
                "question": question,
                "answer": answer,
                "paraphrases": list(meta.get("paraphrases") or []),
                "status": str(meta.get("status") or "pending"),
                "topic": str(meta.get("topic") or ""),
                "visibility": str(meta.get("visibility") or "channel"),
                "vectors": vectors,
            }
            existing = self.get(int(meta["id"])) if meta.get("id") else None
            if existing is not None:
                self._set(existing.id, **values)
                updated += 1
                continue
            with self.db.session() as session:
                review_by = meta.get("review_by")
                session.add(
                    CommunityItem(
                        team_id=str(meta.get("team") or ""),
                        channel_id=str(meta.get("channel") or ""),
                        channel_private=bool(meta.get("channel_private")),
                        author_id=str(meta.get("author") or ""),
                        verifier_id=str(meta.get("verifier") or ""),
                        review_by=date.fromisoformat(str(review_by)) if review_by else default_review_by(),
                        permalink=str(meta.get("permalink") or ""),
                        source_ts=str(meta.get("source_ts") or ""),
                        thread_ts=str(meta.get("thread_ts") or ""),
                        **values,
                    )
                )
            added += 1
        self.changes += 1
        return added, updated


def default_review_by(today: date | None = None) -> date:
    return (today or date.today()) + timedelta(days=365 * REVIEW_MONTHS // 12)


def _clean(text: str) -> str:
    return " ".join(re.sub(r"<@[A-Z0-9]+>", " ", text or "").split())


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:50] or "item"


def _read_markdown(path: Path) -> tuple[dict[str, Any], str, str]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise ValueError(f"{path.name}: no front matter")
    front, _, body = text[4:].partition("\n---\n")
    meta = yaml.safe_load(front) or {}
    heading, _, answer = body.strip().partition("\n")
    question = heading.removeprefix("## ").strip() or str(meta.get("title") or "")
    return meta, question, answer.strip()


# The topic of a question, for tagging that topic's experts and charting questions by topic: the first rule
# that matches (most specific first).
_TOPIC_RULES = (
    ("eaccme", re.compile(r"\beaccme\b|\buems\b|\becmec|\beurope", re.I)),
    ("joint-accreditation", re.compile(r"joint accreditation|\bipce\b|interprofessional", re.I)),
    ("ama-credit", re.compile(r"\bama\b|\bpra\b|category [12]|\bcredits?\b", re.I)),
    ("outcomes", re.compile(r"\bmoore|\boutcomes?\b|needs assessment|evaluation|\bsurvey", re.I)),
    ("accreditation", re.compile(r"\baccme\b|standard|commercial|ineligible|disclos|accredit|mitigat", re.I)),
)


def topic_of(question: str) -> str | None:
    for topic, rule in _TOPIC_RULES:
        if rule.search(question):
            return topic
    return None
