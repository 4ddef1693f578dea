"""A member with something in every store the bot keeps (and a second member whose data must survive), for the
export, delete and anonymisation tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.answering.models import Answer
from bot.onboarding import OnboardingService
from bot.runtime import Runtime
from bot.services.community import NewItem
from bot.services.member_data import pointer_key
from bot.slack.uploads import upload_folder
from bot.storage.models import AnswerJob, DisclosureRecord, FlowDraft
from bot.storage.models._types import utcnow

MEMBER = "U0MEMBER1"
OTHER = "U0OTHER2"
EXPERT = "U0EXPERT"
TEAM = "T0TEST"
ITEM_QUESTION = "Which LMS do members here use to host enduring materials for journal CME?"
ITEM_ANSWER = "Most of us host them in the LMS our hospital already licenses; none is endorsed."
UPLOAD_TEXT = (
    "# Our grand rounds policy\n\nGrand rounds speakers sign the disclosure form two weeks before the session, "
    "and the coordinator files it with the activity record for six years.\n"
)


@dataclass
class Seeded:
    question_id: int
    other_question_id: int
    authored_item: int
    saved_item: int
    upload_path: Path
    upload_doc_id: str
    other_draft: int
    other_record: int


def with_expert(runtime: Runtime) -> None:
    runtime.settings = runtime.settings.model_copy(update={"experts": [EXPERT]})


def seed(runtime: Runtime) -> Seeded:
    """MEMBER in every store; OTHER's own rows around them (votes on MEMBER's answer, a record shared with them)."""
    with_expert(runtime)
    asked = runtime.questions.record(
        Answer(question="How far back do faculty disclosures go?", answer="24 months.", abstained=False),
        user_id=MEMBER,
        channel_id="C1",
        surface="slack_mention",
        team_id=TEAM,
    )
    other_asked = runtime.questions.record(
        Answer(question="What does Standard 4 say about honoraria?", answer="...", abstained=False),
        user_id=OTHER,
        channel_id="C1",
        surface="slack_mention",
        team_id=TEAM,
    )
    runtime.feedback.record(MEMBER, asked, "helpful")
    runtime.feedback.record(MEMBER, other_asked, "not_helpful")
    runtime.feedback.record(OTHER, asked, "not_helpful")  # the other member's vote on MEMBER's answer

    from bot.flows import FlowService

    flows = FlowService(runtime.db, runtime.settings)
    flows.start(MEMBER, "needs_assessment", surface="slack")
    with runtime.db.session() as session:
        session.add(
            FlowDraft(
                user_id=MEMBER,
                flow="disclosure_check",
                status="completed",
                answers={"title": "Grand rounds 2027", "relationships": "Dr Lee | speaker | Acme Pharma | consulting"},
            )
        )
        session.add(
            FlowDraft(user_id=MEMBER, flow="outcomes", answers={"data_file": '{"id": "F1", "name": "pre.csv"}'})
        )
        shared = FlowDraft(
            user_id=OTHER,
            flow="disclosure_check",
            answers={"title": "Tumour board", "share_with": [MEMBER, "U0PLANNER"]},
        )
        session.add(shared)
        session.add(
            DisclosureRecord(
                owner_user_id=MEMBER, series="Grand rounds", person="Dr Lee", role="faculty", collected_on=date.today()
            )
        )
        other_record = DisclosureRecord(
            owner_user_id=OTHER,
            series="Tumour board",
            person="Dr Kim",
            role="planner",
            collected_on=date.today(),
            shared_with=[MEMBER],
        )
        session.add(other_record)
        session.flush()
        other_draft, other_record_id = shared.id, other_record.id

    for key, user, text in (("slack-event:EvMEMBER", MEMBER, "a question"), ("slack-event:EvOTHER", OTHER, "theirs")):
        job = runtime.jobs.create(key, "slack_mention", {"user": user, "text": text, "channel": "C1"})
        assert job is not None
        with runtime.db.session() as session:  # answered already: no worker of a Slack test picks it up
            row = session.get(AnswerJob, job.id)
            assert row is not None
            row.state, row.finished_at = "posted", utcnow()

    vectors = runtime.embed_texts([ITEM_QUESTION])
    authored = runtime.community.save(
        NewItem(
            team_id=TEAM,
            question=ITEM_QUESTION,
            answer=ITEM_ANSWER,
            saved_by=EXPERT,
            author_id=MEMBER,
            visibility="workspace",
            channel_id="C1",
        ),
        vectors,
    )
    saved = runtime.community.save(
        NewItem(
            team_id=TEAM,
            question="Do we need a new disclosure for a repeat speaker?",
            answer="Yes.",
            saved_by=MEMBER,
            author_id=OTHER,
            channel_id="C1",
        ),
        runtime.embed_texts(["Do we need a new disclosure for a repeat speaker?"]),
    )
    runtime.community.report_outdated(saved.id, MEMBER, "the rule changed")
    escalation = runtime.community.escalate(
        team_id=TEAM,
        asker_id=MEMBER,
        question="Is a journal club accredited?",
        origin_channel="D0MEMBER",
        question_log_id=asked,
    )
    runtime.community.escalation_posted(escalation, "C0EXPERTS", "1710000000.000001")

    folder = upload_folder(runtime.settings, MEMBER)
    folder.mkdir(parents=True, exist_ok=True)
    upload = folder / "grand-rounds-policy.md"
    upload.write_text(UPLOAD_TEXT, encoding="utf-8")
    runtime.index([upload])
    doc_id = runtime.indexer.doc_id_for(upload)
    runtime.community.record_upload(
        team_id=TEAM, doc_id=doc_id, name=upload.name, uploader=MEMBER, content_hash="hash-of-the-file"
    )

    onboarding = OnboardingService(runtime.db, runtime.settings)
    onboarding.claim_welcome(MEMBER, "team_join")
    onboarding.complete(MEMBER, "fundamentals")
    runtime.events.claim(pointer_key(TEAM, "C9", MEMBER), kind="answer_pointer")
    runtime.events.claim(pointer_key(TEAM, "C9", OTHER), kind="answer_pointer")
    return Seeded(asked, other_asked, authored.id, saved.id, upload, doc_id, other_draft, other_record_id)
