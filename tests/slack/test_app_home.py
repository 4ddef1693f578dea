"""The App Home over real HTTP: app_home_opened -> views.publish, within 100 blocks whatever the history."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

import pytest

from bot.answering.models import Answer
from bot.flows import FlowService
from bot.onboarding import OnboardingService
from bot.onboarding.home import DraftEntry, HomeModel, QuestionEntry
from bot.onboarding.pathway import load_pathway
from bot.runtime import Runtime
from bot.slack.blocks.home import MAX_BLOCKS, RESUME, home_blocks
from bot.slack.blocks.onboarding import START_FLOW
from tests.slack.onboarding_support import blocks_of, texts, view_of
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness

ADMIN = "U0ADMIN1"


@pytest.fixture
def app(runtime: Runtime, slack_api: SlackApiStandIn) -> Iterator[SlackAppHarness]:
    harness = SlackAppHarness(runtime, slack_api, admins=[ADMIN])
    try:
        yield harness
    finally:
        harness.stop()


def home_opened(user_id: str, tab: str = "home") -> dict[str, object]:
    return {"type": "app_home_opened", "user": user_id, "channel": "D0HOME", "tab": tab, "event_ts": "1710000001.0"}


def seed_questions(runtime: Runtime, user_id: str, count: int) -> None:
    for number in range(count):
        declined = number % 2 == 1
        runtime.questions.record(
            Answer(question=f"Question {number} about <disclosures> & credit?", answer="…", abstained=declined),
            user_id=user_id,
            channel_id="C1",  # a public channel: private-channel and DM questions are not shown to admins
            surface="slack",
        )


def publish_for(app: SlackAppHarness, api: SlackApiStandIn, user_id: str) -> list[dict]:
    app.send_event(home_opened(user_id))
    [call] = api.wait_for("views.publish")
    assert call.args["user_id"] == user_id
    view = view_of(call)
    assert view["type"] == "home"
    return blocks_of(call)


def test_member_home_shows_checklist_drafts_and_questions(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    seed_questions(app.runtime, "U0MEMBER1", 2)
    blocks = publish_for(app, slack_api, "U0MEMBER1")
    shown = texts(blocks)
    assert "Your CME newcomer pathway" in shown
    assert ":white_large_square: *5. Draft a mock CME activity*" in shown
    assert "No drafts yet" in shown
    assert "Question 1 about &lt;disclosures&gt; &amp; credit? _(not answered)_" in shown
    assert "Admin" not in shown and "Knowledge base" not in shown


def test_messages_tab_publishes_nothing(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    app.send_event(home_opened("U0MEMBER2", tab="messages"))
    app.stop()
    assert slack_api.calls_to("views.publish") == []


def test_long_history_stays_within_100_blocks(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    runtime = app.runtime
    seed_questions(runtime, ADMIN, 200)
    flows = FlowService(runtime.db, runtime.settings)
    for _ in range(30):
        flows.start(ADMIN, "mock_activity", surface="slack")
    onboarding = OnboardingService(runtime.db, runtime.settings)
    for item in ("fundamentals", "communities"):
        onboarding.complete(ADMIN, item)
    blocks = publish_for(app, slack_api, ADMIN)
    assert len(blocks) <= MAX_BLOCKS
    shown = texts(blocks)
    before_gaps, _, gaps = shown.partition("Gaps, last 30 days")
    assert before_gaps.count("Question ") == 5 + 5  # the member's 5 latest, and 5 latest unanswered for the admin
    assert "100 x" in gaps  # the admin's gaps panel: the 100 declined questions are one repeated question
    assert "Question 199 about" in shown
    assert "…and 25 more" in shown
    resumes = [b["accessory"] for b in blocks if b.get("accessory", {}).get("action_id") == RESUME]
    assert len(resumes) == 5
    assert json.loads(resumes[0]["value"])["flow"] == "mock_activity"
    assert "2 of 5 steps done" in shown


def test_admin_sees_knowledge_base_status_and_counts(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    runtime = app.runtime
    seed_questions(runtime, "U0MEMBER3", 4)
    first = runtime.questions.recent_for_user("U0MEMBER3", limit=1)[0]
    runtime.feedback.record("U0MEMBER3", first.id, "helpful")
    runtime.feedback.record("U0MEMBER4", first.id, "not_helpful")
    runtime.feedback.record("U0MEMBER5", first.id, "not_helpful")
    stats = runtime.indexer.stats()
    shown = texts(publish_for(app, slack_api, ADMIN))
    assert f"*Knowledge base:* {stats.documents} documents, {stats.chunks} chunks, last indexed 20" in shown
    assert stats.documents == 4  # the small test corpus
    assert "*Questions:* 4 asked, 2 answered, 2 declined" in shown
    assert "*Feedback:* 1 helpful, 2 not helpful" in shown
    assert "Question 3 about" in shown and "Question 1 about" in shown  # the declined ones


def test_start_drafting_and_resume_open_the_flow_modal(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    app.block_action(START_FLOW, "mock_activity", user_id="U0MEMBER6", block_id="onboarding_item:mock_activity")
    [opened] = slack_api.wait_for("views.open")
    assert view_of(opened)["type"] == "modal"
    [draft] = FlowService(app.runtime.db, app.runtime.settings).drafts_for("U0MEMBER6")
    assert draft.flow == "mock_activity"

    value = json.dumps({"flow": "mock_activity", "draft_id": draft.id})
    app.block_action(RESUME, value, user_id="U0MEMBER6", block_id="home_drafts")
    opened = slack_api.wait_for("views.open", count=2)[1]
    assert view_of(opened)["type"] == "modal"
    assert len(FlowService(app.runtime.db, app.runtime.settings).drafts_for("U0MEMBER6")) == 1  # resumed, not new


def test_blocks_are_capped_even_if_a_model_overflows() -> None:
    # build_home bounds every list; this is the renderer's own guard should a future list forget to.
    asked = datetime(2026, 11, 25, 9, 0)
    model = HomeModel(
        user_id="U1",
        checklist_title="Your CME newcomer pathway",
        checklist=(),
        drafts=tuple(DraftEntry(n, "mock_activity", f"Draft {n}", "Step 1 of 8", asked) for n in range(150)),
        more_drafts=0,
        recent_questions=(QuestionEntry("Q", asked, True),),
        admin=None,
    )
    blocks = home_blocks(model, load_pathway())
    assert len(blocks) == MAX_BLOCKS
    assert blocks[-1]["type"] == "context" and "not shown" in texts(blocks[-1:])
