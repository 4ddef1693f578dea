"""Export, then delete, one member's data across every store: SQL tables, their files under data/uploads, their
documents' chunks in the Chroma index, and the in-memory community matrix; the other member's data untouched."""

from __future__ import annotations

import base64
import json
import uuid

import pytest
from sqlalchemy import select, text

from bot.config import Settings
from bot.retrieval.community import CommunityIndex
from bot.runtime import Runtime
from bot.services.community import Audience, badge
from bot.services.member_data import MemberData
from bot.services.pseudonyms import PREFIX, Pseudonyms
from bot.services.retention import purge
from bot.storage.db import Database
from bot.storage.models import (
    AnswerJob,
    CommunityItem,
    DisclosureRecord,
    Escalation,
    Feedback,
    FlowDraft,
    OnboardingMember,
    ProcessedEvent,
    QuestionLog,
    UploadRecord,
)
from tests.services.conftest import POSTGRES, _postgres_available
from tests.services.member_seed import (
    EXPERT,
    ITEM_ANSWER,
    ITEM_QUESTION,
    MEMBER,
    OTHER,
    TEAM,
    UPLOAD_TEXT,
    seed,
)

# Every store the export names; the test fails when a store is added to one side and not the other.
STORES = {
    "question_log",
    "feedback",
    "flow_drafts",
    "flow_drafts_shared_with_you",
    "disclosure_records",
    "disclosure_records_shared_with_you",
    "answer_jobs",
    "community_items",
    "escalations",
    "uploads",
    "onboarding",
    "processed_events",
    "audit_log",
    "installations",
    "files",
    "index",
}


def _match(runtime: Runtime) -> object:
    index = CommunityIndex(runtime.community, poll_seconds=0)
    return index.best(runtime.embed_texts([ITEM_QUESTION])[0], Audience(team_id=TEAM, channel_id="C1"))


def test_export_then_delete_covers_every_store(runtime: Runtime) -> None:
    seeded = seed(runtime)
    data = MemberData(runtime)
    assert runtime.indexed_chunks(seeded.upload_doc_id) > 0
    before = data.summary(MEMBER)
    assert all(count > 0 for _, count in before.lines()), before

    exported = data.export(MEMBER)
    json.dumps(exported)  # the file DM'd to the member is plain JSON
    stores = exported["stores"]
    assert set(stores) == STORES
    assert [q["question"] for q in stores["question_log"]] == ["How far back do faculty disclosures go?"]
    assert len(stores["feedback"]) == 2 and all(v["user_id"] == MEMBER for v in stores["feedback"])
    assert {d["flow"] for d in stores["flow_drafts"]} == {"needs_assessment", "disclosure_check", "outcomes"}
    assert "Acme Pharma" in json.dumps(stores["flow_drafts"])  # the disclosure check's named relationships
    assert [d["id"] for d in stores["flow_drafts_shared_with_you"]] == [seeded.other_draft]
    assert [r["person"] for r in stores["disclosure_records"]] == ["Dr Lee"]
    assert [r["id"] for r in stores["disclosure_records_shared_with_you"]] == [seeded.other_record]
    assert [j["payload"]["text"] for j in stores["answer_jobs"]] == ["a question"]
    parts = {i["id"]: i["your_part"] for i in stores["community_items"]}
    assert parts == {seeded.authored_item: ["author"], seeded.saved_item: ["saver", "named in its review note"]}
    assert all("vectors" not in i for i in stores["community_items"])
    assert [e["question"] for e in stores["escalations"]] == ["Is a journal club accredited?"]
    assert [u["name"] for u in stores["uploads"]] == ["grand-rounds-policy.md"]
    assert stores["onboarding"]["welcome"]["source"] == "team_join"
    assert [p["item"] for p in stores["onboarding"]["progress"]] == ["fundamentals"]
    assert [e["key"] for e in stores["processed_events"]] == [f"answer-pointer:{TEAM}:C9:{MEMBER}"]
    [file] = stores["files"]
    assert base64.b64decode(file["content_base64"]).decode() == UPLOAD_TEXT
    assert stores["index"] == [{"doc_id": seeded.upload_doc_id, "chunks": runtime.indexed_chunks(seeded.upload_doc_id)}]
    assert '"theirs"' not in json.dumps(exported) and "Tumour board" not in json.dumps(stores["disclosure_records"])

    report = data.delete(MEMBER, actor=MEMBER, team_id=TEAM)
    assert report.counts["question_log"] == 1 and report.counts["feedback"] == 2
    assert report.counts["files"] == 1 and report.counts["index (chunks)"] > 0

    # SQL: nothing left that names the member.
    with runtime.db.session() as session:
        assert session.scalars(select(QuestionLog).where(QuestionLog.user_id == MEMBER)).all() == []
        assert session.scalars(select(Feedback).where(Feedback.user_id == MEMBER)).all() == []
        assert session.scalars(select(FlowDraft).where(FlowDraft.user_id == MEMBER)).all() == []
        assert session.scalars(select(DisclosureRecord).where(DisclosureRecord.owner_user_id == MEMBER)).all() == []
        assert [j.payload["user"] for j in session.scalars(select(AnswerJob))] == [OTHER]
        assert session.scalars(select(UploadRecord)).all() == []
        assert session.get(OnboardingMember, MEMBER) is None
        assert [
            e.key for e in session.scalars(select(ProcessedEvent).where(ProcessedEvent.kind == "answer_pointer"))
        ] == [f"answer-pointer:{TEAM}:C9:{OTHER}"]
        escalation = session.scalars(select(Escalation)).one()
        assert escalation.asker_id.startswith(PREFIX) and escalation.question == "Is a journal club accredited?"
        assert escalation.origin_channel == "" and escalation.question_log_id is None
        # The other member keeps their vote's rating on the deleted answer, not a copy of its text.
        [other_vote] = session.scalars(select(Feedback).where(Feedback.user_id == OTHER)).all()
        assert (other_vote.rating, other_vote.question, other_vote.question_log_id) == ("not_helpful", "", None)
        assert session.get(FlowDraft, seeded.other_draft).answers["share_with"] == ["U0PLANNER"]
        assert session.get(DisclosureRecord, seeded.other_record).shared_with == []
        authored = session.get(CommunityItem, seeded.authored_item)
        assert authored.answer == ITEM_ANSWER and authored.author_id == Pseudonyms(runtime.db).of(MEMBER)
        assert authored.saved_by == EXPERT
        saved = session.get(CommunityItem, seeded.saved_item)
        assert MEMBER not in saved.note and saved.saved_by.startswith(PREFIX) and saved.author_id == OTHER
        assert [q.user_id for q in session.scalars(select(QuestionLog))] == [OTHER]

    # Files and the index.
    assert not seeded.upload_path.exists() and not seeded.upload_path.parent.exists()
    assert runtime.indexed_chunks(seeded.upload_doc_id) == 0
    # The community matrix: the answer still answers, its text intact, credited to a former member.
    match = _match(runtime)
    assert match is not None and match.item.answer == ITEM_ANSWER  # type: ignore[attr-defined]
    assert badge(match.item.credit(), lambda u: f"<@{u}>").startswith(  # type: ignore[attr-defined]
        "Community answer by a former member, verified by <@U0EXPERT>"
    )

    # Exported again: nothing but the audit trail of the deletion itself.
    again = data.export(MEMBER)["stores"]
    assert all(not again[name] for name in STORES - {"audit_log", "onboarding"})
    assert again["onboarding"] == {"welcome": None, "progress": []}
    assert [e["action"] for e in again["audit_log"]] == ["data.delete"]
    assert all(count == 0 for _, count in data.summary(MEMBER).lines())


def test_an_admin_may_remove_the_answers_they_wrote(runtime: Runtime) -> None:
    seeded = seed(runtime)
    MemberData(runtime).delete(MEMBER, remove_answers=True, actor="cli:admin")
    with runtime.db.session() as session:
        assert session.get(CommunityItem, seeded.authored_item) is None
        assert session.get(CommunityItem, seeded.saved_item) is not None  # written by someone else: stays
    assert _match(runtime) is None  # gone from the in-memory matrix too
    [entry] = runtime.audit.entries(about=MEMBER)
    assert (entry.actor, entry.action, entry.details["remove_answers"]) == ("cli:admin", "data.delete", True)


def test_pseudonyms_are_stable_keyed_and_shared_by_replicas(runtime: Runtime) -> None:
    first = Pseudonyms(runtime.db).of(MEMBER)
    assert first == Pseudonyms(runtime.db).of(MEMBER)  # another replica reads the same stored key
    assert first.startswith(PREFIX) and len(first) == len(PREFIX) + 12 and MEMBER not in first
    assert Pseudonyms(runtime.db).of(OTHER) != first
    assert Pseudonyms(runtime.db, key="configured").of(MEMBER) != first  # CMEBOT_PSEUDONYM_KEY decides
    assert Pseudonyms(runtime.db).of(first) == first


@pytest.mark.postgres
def test_the_round_trip_and_the_purge_on_postgresql(settings: Settings) -> None:
    """The JSON filters (jobs' askers, planners named in drafts) and the purge's conditions, on PostgreSQL."""
    if not _postgres_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    schema = f"t_{uuid.uuid4().hex[:10]}"
    admin = Database(POSTGRES)
    with admin.engine.begin() as connection:
        connection.execute(text(f"create schema {schema}"))
    runtime = Runtime(settings.model_copy(update={"database_url": f"{POSTGRES}?options=-csearch_path%3D{schema}"}))
    try:
        seeded = seed(runtime)
        data = MemberData(runtime)
        stores = data.export(MEMBER)["stores"]
        assert len(stores["answer_jobs"]) == 1 and len(stores["flow_drafts_shared_with_you"]) == 1
        assert len(stores["disclosure_records_shared_with_you"]) == 1
        data.delete(MEMBER, actor="cli:admin")
        assert all(count == 0 for _, count in data.summary(MEMBER).lines())
        with runtime.db.session() as session:
            assert session.get(FlowDraft, seeded.other_draft).answers["share_with"] == ["U0PLANNER"]
        assert purge(runtime, dry_run=True).total == 0 and purge(runtime).total == 0
        assert data.anonymise(OTHER).counts["question_log"] == 1
    finally:
        runtime.close()
        with admin.engine.begin() as connection:
            connection.execute(text(f"drop schema {schema} cascade"))
        admin.dispose()
