"""Everything the bot holds about one member: counted (App Home "Your data"), exported (JSON), deleted, or
anonymised when the member leaves the workspace. One list of stores, so export and delete cannot drift apart:

    question_log        questions asked and the answers given                  deleted (others' copies blanked)
    feedback            Helpful / Not helpful votes                            deleted
    flow_drafts         guided-flow drafts (needs assessment, mock activity,   deleted; removed from the planners
                        outcomes, disclosure check with named people)         others shared a record with
    disclosure_records  series disclosure dates for renewal reminders          deleted; removed from shared_with
    answer_jobs         questions on their way to an answer (payload, reply)   deleted
    community_items     answers they wrote, saved or verified                  text kept, person shown as a former
                                                                               member (removed with remove_answers)
    escalations         questions they sent to the experts, or answered        anonymised
    uploads             documents they shared: record, file under data/,       deleted (record, file, index)
                        chunks in the Chroma index
    onboarding          welcome and pathway progress                           deleted
    processed_events    "told once where to ask" pointers                      deleted
    audit_log           admin actions by them or on them                       kept: append-only (exported)
    installations       the OAuth installer of a workspace (no tokens shown)  kept while the app is installed

Community answers live in the database and in the in-memory NumPy matrix built from it (bot/retrieval/community.py),
never in Chroma; the matrix reloads from the database on the next question after a change. No Slack here."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import String, cast, delete, inspect, or_, select
from sqlalchemy.orm import Session

from bot.services.pseudonyms import Pseudonyms, is_pseudonym
from bot.storage.models import (
    AnswerJob,
    AuditEntry,
    CommunityItem,
    DisclosureRecord,
    Escalation,
    Feedback,
    FlowDraft,
    OnboardingMember,
    OnboardingProgress,
    ProcessedEvent,
    QuestionLog,
    UploadRecord,
)
from bot.storage.models._types import utcnow

if TYPE_CHECKING:
    from bot.runtime import Runtime

log = logging.getLogger(__name__)

EXPORT_FORMAT = "cmebot-member-export/1"
# Ledger rows that name a member: the one-time "where to ask" pointer (bot/slack/answer_channels.py).
POINTER_PREFIX = "answer-pointer:"
# Uploaded files travel inside the export up to this total; beyond it they are listed (Slack keeps the originals).
EXPORT_FILE_BYTES = 5 * 2**20
_DATE_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}-(?P<user>.+)$")


def pointer_key(team_id: str, channel: str, user_id: str) -> str:
    return f"{POINTER_PREFIX}{team_id}:{channel}:{user_id}"


@dataclass
class DataReport:
    """What a delete or an anonymisation did, per store (rows, files or index chunks)."""

    user_id: str
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, store: str, count: int) -> None:
        if count:
            self.counts[store] = self.counts.get(store, 0) + int(count)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class MemberSummary:
    """Counts for the App Home's "Your data"."""

    questions: int
    votes: int
    unfinished_drafts: int
    finished_drafts: int
    disclosure_records: int
    answer_jobs: int
    community_answers: int
    escalations: int
    uploads: int
    onboarding_steps: int

    def lines(self) -> list[tuple[str, int]]:
        return [
            ("Questions you asked, with my answers", self.questions),
            ("Helpful / Not helpful votes", self.votes),
            ("Unfinished drafts of guided flows", self.unfinished_drafts),
            ("Finished drafts (documents, disclosure checks, outcomes)", self.finished_drafts),
            ("Series disclosure dates for renewal reminders", self.disclosure_records),
            ("Answer jobs (questions on their way to an answer)", self.answer_jobs),
            ("Community answers you wrote, saved or verified", self.community_answers),
            ("Questions you sent to the experts (or answered)", self.escalations),
            ("Documents you shared with me", self.uploads),
            ("Onboarding steps you ticked", self.onboarding_steps),
        ]


class MemberData:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.db = runtime.db

    @property
    def settings(self) -> Any:
        return self.runtime.settings

    def pseudonyms(self) -> Pseudonyms:
        key = self.settings.pseudonym_key
        return Pseudonyms(self.db, key.get_secret_value() if key else None)

    # --- counting --------------------------------------------------------------------------------------
    def summary(self, user_id: str) -> MemberSummary:
        from sqlalchemy import func

        def count(session: Session, query: Any) -> int:
            return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)

        with self.db.session() as session:
            drafts = select(FlowDraft.id).where(FlowDraft.user_id == user_id)
            return MemberSummary(
                questions=count(session, select(QuestionLog.id).where(QuestionLog.user_id == user_id)),
                votes=count(session, select(Feedback.id).where(Feedback.user_id == user_id)),
                unfinished_drafts=count(session, drafts.where(FlowDraft.status != "completed")),
                finished_drafts=count(session, drafts.where(FlowDraft.status == "completed")),
                disclosure_records=count(
                    session, select(DisclosureRecord.id).where(DisclosureRecord.owner_user_id == user_id)
                ),
                answer_jobs=len(self._job_ids(session, user_id)),
                community_answers=len(_items_of(session, user_id)),
                escalations=count(
                    session,
                    select(Escalation.id).where(or_(Escalation.asker_id == user_id, Escalation.answered_by == user_id)),
                ),
                uploads=count(session, select(UploadRecord.id).where(UploadRecord.uploader == user_id)),
                onboarding_steps=count(
                    session, select(OnboardingProgress.id).where(OnboardingProgress.user_id == user_id)
                ),
            )

    # --- export ----------------------------------------------------------------------------------------
    def export(self, user_id: str) -> dict[str, Any]:
        """Every record about the member, as JSON-ready data (what `cmebot data export` prints and the App Home
        DMs as a file)."""
        from bot.services.retention import RetentionPolicy

        stores: dict[str, Any] = {}
        with self.db.session() as session:
            stores["question_log"] = _rows(session, select(QuestionLog).where(QuestionLog.user_id == user_id))
            stores["feedback"] = _rows(session, select(Feedback).where(Feedback.user_id == user_id))
            stores["flow_drafts"] = _rows(session, select(FlowDraft).where(FlowDraft.user_id == user_id))
            stores["flow_drafts_shared_with_you"] = [
                {"id": d.id, "flow": d.flow, "owner": d.user_id, "title": str((d.answers or {}).get("title") or "")}
                for d in self._drafts_sharing(session, user_id)
            ]
            stores["disclosure_records"] = _rows(
                session, select(DisclosureRecord).where(DisclosureRecord.owner_user_id == user_id)
            )
            stores["disclosure_records_shared_with_you"] = [
                {"id": r.id, "owner": r.owner_user_id, "series": r.series, "person": r.person}
                for r in self._records_sharing(session, user_id)
            ]
            jobs = self._job_ids(session, user_id)
            stores["answer_jobs"] = _rows(session, select(AnswerJob).where(AnswerJob.id.in_(jobs))) if jobs else []
            stores["community_items"] = [
                {**_row(item, omit=("vectors",)), "your_part": _parts(item, user_id)}
                for item in _items_of(session, user_id)
            ]
            stores["escalations"] = _rows(
                session,
                select(Escalation).where(or_(Escalation.asker_id == user_id, Escalation.answered_by == user_id)),
            )
            stores["uploads"] = _rows(session, select(UploadRecord).where(UploadRecord.uploader == user_id))
            member = session.get(OnboardingMember, user_id)
            stores["onboarding"] = {
                "welcome": _row(member) if member is not None else None,
                "progress": _rows(session, select(OnboardingProgress).where(OnboardingProgress.user_id == user_id)),
            }
            stores["processed_events"] = _rows(session, select(ProcessedEvent).where(_pointer_of(user_id)))
            stores["audit_log"] = _rows(
                session,
                select(AuditEntry)
                .where(or_(AuditEntry.actor == user_id, AuditEntry.target == f"member:{user_id}"))
                .order_by(AuditEntry.id),
            )
            stores["installations"] = _installations(session, user_id)
        stores["files"] = self._export_files(user_id)
        stores["index"] = [{"doc_id": doc_id, "chunks": chunks} for doc_id, chunks in self._indexed(user_id).items()]
        return {
            "format": EXPORT_FORMAT,
            "user_id": user_id,
            "exported_at": utcnow().isoformat(timespec="seconds") + "Z",
            "retention_days": RetentionPolicy.from_settings(self.settings).as_dict(),
            "kept_elsewhere": (
                "Messages in Slack (your questions, my answers, files you shared) are Slack's and stay in Slack "
                "under your workspace's own retention."
            ),
            "stores": stores,
        }

    def _export_files(self, user_id: str) -> list[dict[str, Any]]:
        budget = EXPORT_FILE_BYTES
        out = []
        for path in self.files_of(user_id):
            data = path.read_bytes()
            entry: dict[str, Any] = {
                "path": str(path),
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
            if len(data) <= budget:
                entry["content_base64"] = base64.b64encode(data).decode("ascii")
                budget -= len(data)
            else:
                entry["content_omitted"] = "over the export's size limit; the original is in your Slack DM with me"
            out.append(entry)
        return out

    # --- delete ----------------------------------------------------------------------------------------
    def delete(self, user_id: str, *, remove_answers: bool = False, actor: str = "", team_id: str = "") -> DataReport:
        """Remove everything the bot holds about the member. Community answers they wrote keep their text with
        the author shown as a former member, unless `remove_answers` (an admin's choice) deletes them too."""
        if not user_id or is_pseudonym(user_id):
            raise ValueError("a Slack user id is needed")
        report = DataReport(user_id)
        alias = self.pseudonyms().of(user_id)
        with self.db.session() as session:
            question_ids = list(session.scalars(select(QuestionLog.id).where(QuestionLog.user_id == user_id)))
            if question_ids:
                # Others' votes on these answers keep their rating (statistics) but not a copy of the question.
                for vote in session.scalars(
                    select(Feedback).where(Feedback.question_log_id.in_(question_ids), Feedback.user_id != user_id)
                ):
                    vote.question_log_id, vote.question, vote.answer, vote.sources = None, "", "", []
                    report.add("feedback (others' copies blanked)", 1)
            report.add("feedback", _delete(session, delete(Feedback).where(Feedback.user_id == user_id)))
            report.add("question_log", _delete(session, delete(QuestionLog).where(QuestionLog.user_id == user_id)))
            report.add("flow_drafts", _delete(session, delete(FlowDraft).where(FlowDraft.user_id == user_id)))
            for draft in self._drafts_sharing(session, user_id):
                answers = dict(draft.answers or {})
                answers["share_with"] = [u for u in answers.get("share_with") or [] if u != user_id]
                draft.answers = answers
                report.add("flow_drafts (removed as a planner)", 1)
            report.add(
                "disclosure_records",
                _delete(session, delete(DisclosureRecord).where(DisclosureRecord.owner_user_id == user_id)),
            )
            for record in self._records_sharing(session, user_id):
                record.shared_with = [u for u in record.shared_with or [] if u != user_id]
                report.add("disclosure_records (removed as a planner)", 1)
            jobs = self._job_ids(session, user_id)
            if jobs:
                report.add("answer_jobs", _delete(session, delete(AnswerJob).where(AnswerJob.id.in_(jobs))))
            report.add("community_items", self._community(session, user_id, alias, remove_answers))
            report.add("escalations", self._escalations(session, user_id, alias, forget_question=True))
            report.add(
                "onboarding",
                _delete(session, delete(OnboardingProgress).where(OnboardingProgress.user_id == user_id))
                + _delete(session, delete(OnboardingMember).where(OnboardingMember.user_id == user_id)),
            )
            report.add("processed_events", _delete(session, delete(ProcessedEvent).where(_pointer_of(user_id))))
            uploads = list(session.scalars(select(UploadRecord).where(UploadRecord.uploader == user_id)))
            upload_docs = [u.doc_id for u in uploads]
            for upload in uploads:
                session.delete(upload)
            report.add("uploads", len(uploads))
        self._remove_files(user_id, upload_docs, report)
        self.runtime.community.changes += 1  # the community matrix reloads on the next question
        self.runtime.audit.record(
            actor or user_id,
            "data.delete",
            f"member:{user_id}",
            {"counts": report.counts, "remove_answers": remove_answers},
            team_id=team_id,
        )
        return report

    # --- anonymise (the member left the workspace) -----------------------------------------------------------
    def anonymise(self, user_id: str, *, actor: str = "system", team_id: str = "") -> DataReport:
        """Replace the member's id with their stable pseudonym in logs and statistics; what others wrote and the
        text of community answers stay. Pointers naming them are dropped. Safe to run twice."""
        report = DataReport(user_id)
        if not user_id or is_pseudonym(user_id):
            return report
        alias = self.pseudonyms().of(user_id)
        with self.db.session() as session:
            for model, column in (
                (QuestionLog, QuestionLog.user_id),
                (Feedback, Feedback.user_id),
                (FlowDraft, FlowDraft.user_id),
                (OnboardingProgress, OnboardingProgress.user_id),
                (UploadRecord, UploadRecord.uploader),
                (DisclosureRecord, DisclosureRecord.owner_user_id),
            ):
                rows = list(session.scalars(select(model).where(column == user_id)))
                for row in rows:
                    setattr(row, column.key, alias)
                report.add(model.__tablename__, len(rows))
            member = session.get(OnboardingMember, user_id)
            if member is not None:
                # The primary key: a new row under the pseudonym keeps "one more member was welcomed".
                session.add(
                    OnboardingMember(
                        user_id=alias, welcomed_at=member.welcomed_at, source=member.source, nudge_sent_at=utcnow()
                    )
                )
                session.delete(member)
                report.add("onboarding_members", 1)
            for draft in self._drafts_sharing(session, user_id):
                answers = dict(draft.answers or {})
                answers["share_with"] = [alias if u == user_id else u for u in answers.get("share_with") or []]
                draft.answers = answers
            for record in self._records_sharing(session, user_id):
                record.shared_with = [alias if u == user_id else u for u in record.shared_with or []]
            for job in session.scalars(select(AnswerJob).where(AnswerJob.id.in_(self._job_ids(session, user_id)))):
                job.payload = {**(job.payload or {}), "user": alias}
                report.add("answer_jobs", 1)
            report.add("community_items", self._community(session, user_id, alias, remove_answers=False))
            report.add("escalations", self._escalations(session, user_id, alias, forget_question=False))
            report.add("processed_events", _delete(session, delete(ProcessedEvent).where(_pointer_of(user_id))))
        self.runtime.community.changes += 1
        self.runtime.audit.record(
            actor, "data.anonymise", f"member:{alias}", {"counts": report.counts}, team_id=team_id
        )
        return report

    # --- the stores' pieces --------------------------------------------------------------------------------
    def _community(self, session: Session, user_id: str, alias: str, remove_answers: bool) -> int:
        changed = 0
        for item in _items_of(session, user_id):
            if remove_answers and item.author_id == user_id:
                session.delete(item)
                changed += 1
                continue
            for name in ("author_id", "saved_by", "verifier_id"):
                if getattr(item, name) == user_id:
                    setattr(item, name, alias)
            if _names(item.note, user_id):
                item.note = _mention(user_id).sub(alias, item.note)
            item.updated_at = utcnow()  # what the community matrix watches to reload
            changed += 1
        return changed

    def _escalations(self, session: Session, user_id: str, alias: str, *, forget_question: bool) -> int:
        changed = 0
        query = select(Escalation).where(or_(Escalation.asker_id == user_id, Escalation.answered_by == user_id))
        for escalation in session.scalars(query):
            if escalation.asker_id == user_id:
                escalation.asker_id = alias
                if forget_question:
                    # The question stays for the experts' record; what tied it to the member goes.
                    escalation.question_log_id = None
                    escalation.origin_channel = ""
                    escalation.extra = {}
            if escalation.answered_by == user_id:
                escalation.answered_by = alias
            changed += 1
        return changed

    @staticmethod
    def _job_ids(session: Session, user_id: str) -> list[int]:
        # The asker is inside the JSON payload; filtered here, which stays cheap because finished jobs are purged
        # after CMEBOT_RETAIN_JOBS_DAYS.
        rows = session.execute(select(AnswerJob.id, AnswerJob.payload).where(_mentions(AnswerJob.payload, user_id)))
        return [int(job_id) for job_id, payload in rows if str((payload or {}).get("user") or "") == user_id]

    @staticmethod
    def _drafts_sharing(session: Session, user_id: str) -> list[FlowDraft]:
        drafts = session.scalars(
            select(FlowDraft).where(
                FlowDraft.flow == "disclosure_check",
                FlowDraft.user_id != user_id,
                _mentions(FlowDraft.answers, user_id),
            )
        )
        return [d for d in drafts if user_id in [str(u) for u in (d.answers or {}).get("share_with") or []]]

    @staticmethod
    def _records_sharing(session: Session, user_id: str) -> list[DisclosureRecord]:
        records = session.scalars(
            select(DisclosureRecord).where(
                DisclosureRecord.owner_user_id != user_id, _mentions(DisclosureRecord.shared_with, user_id)
            )
        )
        return [r for r in records if user_id in [str(u) for u in r.shared_with or []]]

    # --- files and the index -------------------------------------------------------------------------------
    def files_of(self, user_id: str) -> list[Path]:
        """Files under data/uploads the member shared: their records' files, and every file in a folder named
        for them (bot/slack/uploads.py names each folder DATE-USER)."""
        found: dict[Path, None] = {}
        with self.db.session() as session:
            for doc_id in session.scalars(select(UploadRecord.doc_id).where(UploadRecord.uploader == user_id)):
                path = Path(doc_id)
                if path.is_file():
                    found[path.resolve()] = None
        root = self.settings.data_dir / "uploads"
        safe = _safe_name(user_id)
        if safe and root.is_dir():
            for folder in sorted(root.iterdir()):
                match = _DATE_FOLDER.match(folder.name)
                if folder.is_dir() and match and match.group("user") == safe:
                    for path in sorted(folder.rglob("*")):
                        if path.is_file():
                            found[path.resolve()] = None
        return list(found)

    def _indexed(self, user_id: str) -> dict[str, int]:
        """The member's documents in the Chroma index: doc id -> chunks."""
        doc_ids = {str(path) for path in self.files_of(user_id)}
        with self.db.session() as session:
            doc_ids |= set(session.scalars(select(UploadRecord.doc_id).where(UploadRecord.uploader == user_id)))
        return {doc_id: n for doc_id in sorted(doc_ids) if (n := self.runtime.indexed_chunks(doc_id))}

    def _remove_files(self, user_id: str, doc_ids: list[str], report: DataReport) -> None:
        files = self.files_of(user_id)
        indexed = {str(path) for path in files} | set(doc_ids)
        chunks = self.runtime.forget_documents(sorted(indexed))
        report.add("index (chunks)", chunks)
        folders = set()
        for path in files:
            path.unlink(missing_ok=True)
            folders.add(path.parent)
            report.add("files", 1)
        for folder in sorted(folders, key=lambda p: -len(p.parts)):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()


def _mention(user_id: str) -> re.Pattern[str]:
    # A Slack id inside free text ("rejected by U123"), not a longer id that starts the same ("U1234").
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(user_id)}(?![A-Za-z0-9])")


def _names(text: str | None, user_id: str) -> bool:
    return bool(text) and bool(_mention(user_id).search(text or ""))


def _items_of(session: Session, user_id: str) -> list[CommunityItem]:
    """Community items the member wrote, saved or verified, or whose review note names them."""
    candidates = session.scalars(
        select(CommunityItem).where(
            or_(
                CommunityItem.author_id == user_id,
                CommunityItem.saved_by == user_id,
                CommunityItem.verifier_id == user_id,
                CommunityItem.note.like(f"%{user_id}%"),  # narrowed to whole ids below
            )
        )
    )
    return [
        item
        for item in candidates
        if user_id in (item.author_id, item.saved_by, item.verifier_id) or _names(item.note, user_id)
    ]


def _parts(item: CommunityItem, user_id: str) -> list[str]:
    parts = [name for name, who in (("author", item.author_id), ("saver", item.saved_by)) if who == user_id]
    if item.verifier_id == user_id:
        parts.append("verifier")
    if _names(item.note, user_id):
        parts.append("named in its review note")
    return parts


def _mentions(column: Any, user_id: str) -> Any:
    """A JSON column whose text contains the id: a cheap narrowing in SQL (the App Home counts on every open);
    the exact check on the parsed value follows in Python."""
    return cast(column, String).like(f"%{user_id}%")


def _pointer_of(user_id: str) -> Any:
    return ProcessedEvent.key.like(f"{POINTER_PREFIX}%:{user_id}")


def _delete(session: Session, statement: Any) -> int:
    return int(session.execute(statement).rowcount or 0)  # type: ignore[attr-defined]


def _safe_name(name: str) -> str:
    # The folder-name form of a user id, as bot/slack/uploads.py writes it (DATE-USER).
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip(".-")[:120]


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds") + ("Z" if value.tzinfo is None else "")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _row(row: Any, omit: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        column.key: _value(getattr(row, column.key))
        for column in inspect(row).mapper.column_attrs
        if column.key not in omit
    }


def _rows(session: Session, query: Any) -> list[dict[str, Any]]:
    return [_row(row) for row in session.scalars(query)]


def _installations(session: Session, user_id: str) -> list[dict[str, Any]]:
    """Workspaces this member installed the app in (OAuth installs): ids and dates only, never tokens."""
    from sqlalchemy import MetaData, Table

    bind = session.get_bind()
    if "slack_installations" not in inspect(bind).get_table_names():
        return []
    table = Table("slack_installations", MetaData(), autoload_with=bind)
    wanted = [c for c in ("team_id", "enterprise_id", "installed_at", "user_id") if c in table.c]
    rows = session.execute(select(*[table.c[c] for c in wanted]).where(table.c.user_id == user_id)).all()
    return [{name: _value(value) for name, value in zip(wanted, row, strict=True)} for row in rows]
