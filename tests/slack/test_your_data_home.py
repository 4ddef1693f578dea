"""The App Home's "Your data" over the Slack stand-in: counts and retention, Export my data (a JSON file DM'd with
files_upload_v2), Delete my data (a confirmation modal, then everything gone), and the settings panel admins see,
with admins resolved from a Slack user group (and without the usergroups:read scope)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from bot.runtime import Runtime
from bot.services.member_data import MemberData
from bot.slack.blocks.your_data import DELETE, DELETE_CALLBACK, EXPORT
from bot.storage.models import QuestionLog
from tests.services.member_seed import MEMBER, OTHER, seed
from tests.slack.onboarding_support import blocks_of, eventually, texts
from tests.support.slack_api import TEAM_ID, SlackApiStandIn
from tests.support.slack_app import SlackAppHarness

ADMIN = "U0ADMIN1"
GROUP_ADMIN = "U0GROUPADM"
ADMINS_GROUP = "S0ADMINS"


@pytest.fixture
def app(runtime: Runtime, slack_api: SlackApiStandIn) -> Iterator[SlackAppHarness]:
    harness = SlackAppHarness(runtime, slack_api, admins=[ADMIN], admin_group=[ADMINS_GROUP])
    try:
        yield harness
    finally:
        harness.stop()


def open_home(app: SlackAppHarness, api: SlackApiStandIn, user: str) -> list[dict[str, Any]]:
    before = len(api.calls_to("views.publish"))
    app.send_event({"type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": "home", "event_ts": "1.0"})
    call = api.wait_for("views.publish", before + 1)[-1]
    assert call.args["user_id"] == user
    return blocks_of(call)


def buttons(blocks: list[dict[str, Any]]) -> dict[str, str]:
    return {
        element["action_id"]: element["value"]
        for block in blocks
        if block["type"] == "actions"
        for element in block["elements"]
    }


def test_your_data_shows_counts_retention_and_both_buttons(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    seed(app.runtime)
    blocks = open_home(app, slack_api, MEMBER)
    shown = texts(blocks)
    assert "Your data" in shown
    assert "• Questions you asked, with my answers: *1*" in shown
    assert "• Helpful / Not helpful votes: *2*" in shown
    assert "• Documents you shared with me: *1*" in shown
    assert "questions and answers 365 days" in shown and "outcomes analyses 30 days" in shown
    assert {EXPORT, DELETE} <= set(buttons(blocks))
    assert "Settings (admins)" not in shown


def test_export_dms_the_member_a_json_file_of_their_data(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    seed(app.runtime)
    app.block_action(EXPORT, "export", user_id=MEMBER, channel_id="D0HOME")
    [complete] = slack_api.wait_for("files.completeUploadExternal")
    assert complete.args["channel_id"] == "D" + MEMBER[-10:].lstrip("U")  # the member's own DM
    assert "Everything I hold about you" in complete.args["initial_comment"]
    [content] = slack_api.uploads.values()
    exported = json.loads(content)
    assert exported["user_id"] == MEMBER and exported["format"] == "cmebot-member-export/1"
    assert [q["question"] for q in exported["stores"]["question_log"]] == ["How far back do faculty disclosures go?"]
    entry = eventually(lambda: next((e for e in app.runtime.audit.entries() if e.action == "data.export"), None))
    assert (entry.actor, entry.target, entry.team_id) == (MEMBER, f"member:{MEMBER}", TEAM_ID)


def test_delete_asks_first_then_deletes_everything_and_says_so(
    app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    seeded = seed(app.runtime)
    app.block_action(DELETE, "delete", user_id=MEMBER, channel_id="D0HOME")
    [opened] = slack_api.wait_for("views.open")
    view = opened.args["view"] if isinstance(opened.args["view"], dict) else json.loads(opened.args["view"])
    assert view["callback_id"] == DELETE_CALLBACK and view["submit"]["text"] == "Delete"
    assert "former member" in texts(view["blocks"])
    assert MemberData(app.runtime).summary(MEMBER).questions == 1  # nothing deleted before the confirmation

    publishes = len(slack_api.calls_to("views.publish"))
    submission = {
        "type": "view_submission",
        "user": {"id": MEMBER, "username": "member", "team_id": TEAM_ID},
        "trigger_id": f"trigger-{uuid.uuid4().hex[:8]}",
        "view": {**view, "id": "V0DELETE", "hash": "h", "state": {"values": {}}},
    }
    assert app.send_interaction(submission).status == 200
    slack_api.wait_for("views.publish", publishes + 1)  # the Home redrawn, with zero everywhere
    home = texts(blocks_of(slack_api.calls_to("views.publish")[-1]))
    assert "• Questions you asked, with my answers: *0*" in home
    dm = "D" + MEMBER[-10:].lstrip("U")
    assert any("Done: I deleted what I held about you" in m["text"] for m in slack_api.posted(dm))
    assert all(count == 0 for _, count in MemberData(app.runtime).summary(MEMBER).lines())
    assert not seeded.upload_path.exists() and app.runtime.indexed_chunks(seeded.upload_doc_id) == 0
    with app.runtime.db.session() as session:
        assert [q.user_id for q in session.scalars(select(QuestionLog))] == [OTHER]
    [entry] = [e for e in app.runtime.audit.entries() if e.action == "data.delete"]
    assert (entry.actor, entry.target) == (MEMBER, f"member:{MEMBER}")


def test_admins_by_id_and_by_user_group_see_the_settings_and_the_view_is_audited_once_a_day(
    app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    slack_api.respond("usergroups.users.list", {"users": [GROUP_ADMIN]})
    for user in (ADMIN, GROUP_ADMIN, GROUP_ADMIN):
        shown = texts(open_home(app, slack_api, user))
        assert "Settings (admins)" in shown and "*Knowledge base:*" in shown  # the admin panel too
        assert f"<!subteam^{ADMINS_GROUP}>" in shown and "every channel I am in" in shown
    assert "Settings (admins)" not in texts(open_home(app, slack_api, MEMBER))
    [call] = slack_api.calls_to("usergroups.users.list")  # cached: one lookup for four Homes
    assert call.args["usergroup"] == ADMINS_GROUP
    views = [(e.actor, e.action) for e in app.runtime.audit.entries() if e.action == "settings.view"]
    assert views == [(ADMIN, "settings.view"), (GROUP_ADMIN, "settings.view")]


def test_without_the_usergroups_scope_only_admins_by_id_are_admins(
    app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    slack_api.refuse("usergroups.users.list", error="missing_scope")
    assert "Settings (admins)" not in texts(open_home(app, slack_api, GROUP_ADMIN))
    assert "Settings (admins)" in texts(open_home(app, slack_api, ADMIN))
