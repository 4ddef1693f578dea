"""A member deleted from the workspace (a signed user_change event with user.deleted true) is anonymised in logs
and statistics: a stable pseudonym replaces their id everywhere; their community answer keeps its text and is
credited to "a former member" when it answers the next member. Other profile changes leave everything alone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from bot.runtime import Runtime
from bot.services.member_data import MemberData
from bot.services.pseudonyms import Pseudonyms
from bot.storage.models import CommunityItem, Escalation, Feedback, FlowDraft, ProcessedEvent, QuestionLog, UploadRecord
from tests.services.member_seed import EXPERT, ITEM_ANSWER, ITEM_QUESTION, MEMBER, OTHER, seed
from tests.slack.onboarding_support import eventually
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness, mention_event


@pytest.fixture
def app(runtime: Runtime, slack_api: SlackApiStandIn) -> Iterator[SlackAppHarness]:
    harness = SlackAppHarness(runtime, slack_api, experts=[EXPERT])
    try:
        yield harness
    finally:
        harness.stop()


def user_change(user_id: str, **fields: Any) -> dict[str, Any]:
    user = {"id": user_id, "name": user_id.lower(), "deleted": False, "is_bot": False, "profile": {}, **fields}
    return {"type": "user_change", "user": user, "event_ts": "1710000000.000300"}


def _ids(runtime: Runtime) -> dict[str, set[str]]:
    with runtime.db.session() as session:
        return {
            "questions": set(session.scalars(select(QuestionLog.user_id))),
            "votes": set(session.scalars(select(Feedback.user_id))),
            "drafts": set(session.scalars(select(FlowDraft.user_id))),
            "authors": set(session.scalars(select(CommunityItem.author_id))),
            "askers": set(session.scalars(select(Escalation.asker_id))),
            "uploaders": set(session.scalars(select(UploadRecord.uploader))),
            "pointers": set(session.scalars(select(ProcessedEvent.key).where(ProcessedEvent.kind == "answer_pointer"))),
        }


def test_a_deleted_member_is_anonymised_and_their_answer_keeps_its_text(
    app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    runtime = app.runtime
    seed(runtime)
    alias = Pseudonyms(runtime.db).of(MEMBER)

    # A profile change is not a departure.
    assert app.send_event(user_change(MEMBER, profile={"title": "CME coordinator"})).status == 200
    assert app.send_event(user_change(MEMBER, deleted=True)).status == 200
    eventually(lambda: True if MEMBER not in _ids(runtime)["questions"] else None)

    ids = _ids(runtime)
    assert ids["questions"] == {alias, OTHER} and ids["votes"] == {alias, OTHER}
    assert alias in ids["drafts"] and MEMBER not in ids["drafts"]
    assert ids["authors"] == {alias, OTHER} and ids["askers"] == {alias} and ids["uploaders"] == {alias}
    assert all(MEMBER not in key for key in ids["pointers"])
    with runtime.db.session() as session:
        # Statistics still count: the question and its vote are there, only the name is gone.
        assert session.scalars(select(QuestionLog).where(QuestionLog.user_id == alias)).one().question == (
            "How far back do faculty disclosures go?"
        )
    assert MemberData(runtime).summary(MEMBER).questions == 0
    [entry] = [e for e in runtime.audit.entries() if e.action == "data.anonymise"]
    assert (entry.actor, entry.target) == ("system", f"member:{alias}")

    # The redelivered event changes nothing more (the ledger drops it; the work is idempotent anyway).
    assert MemberData(runtime).anonymise(MEMBER).total == 0

    # Their community answer still answers, with its text, credited to a former member.
    assert app.send_event(mention_event(f"<@U0BOT> {ITEM_QUESTION}", channel="C1", user="U0ASKER")).status == 200
    app.wait_for_jobs()
    answer = slack_api.posted("C1")[-1]
    assert ITEM_ANSWER in answer["text"]
    assert "Community answer by a former member" in answer["text"] and alias not in answer["text"]


def test_bots_and_profile_edits_change_nothing(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    seed(app.runtime)
    before = _ids(app.runtime)
    app.send_event(user_change(MEMBER, profile={"real_name": "Dana R."}))
    app.send_event(user_change("U0SOMEBOT", deleted=True, is_bot=True))
    app.stop()
    assert _ids(app.runtime) == before
    assert [e for e in app.runtime.audit.entries() if e.action == "data.anonymise"] == []


def test_both_manifests_subscribe_to_user_change_and_ask_for_usergroups() -> None:
    import yaml

    from bot.config import PROJECT_ROOT
    from bot.slack.app import BOT_SCOPES

    for name in ("manifest.yml", "manifest-http.yml"):
        manifest = yaml.safe_load((PROJECT_ROOT / name).read_text(encoding="utf-8"))
        assert "user_change" in manifest["settings"]["event_subscriptions"]["bot_events"]
        scopes = manifest["oauth_config"]["scopes"]["bot"]
        assert {"users:read", "usergroups:read"} <= set(scopes) and sorted(scopes) == sorted(BOT_SCOPES)
