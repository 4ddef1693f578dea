"""The welcome over real HTTP: signed events in, Web API calls out to the stand-in.

`app.stop()` waits for listeners still running after the ack, so counting calls afterwards is exact."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.config import PROJECT_ROOT
from bot.onboarding import OnboardingService
from bot.runtime import Runtime
from bot.slack.blocks.onboarding import OPEN, TICK
from tests.slack.agent_support import app_context_changed
from tests.slack.onboarding_support import (
    WELCOME_CHANNEL,
    blocks_of,
    channel_join,
    dms_to,
    eventually,
    team_join,
    texts,
    view_of,
)
from tests.support.slack_api import BOT_USER_ID, TEAM_ID, SlackApiStandIn
from tests.support.slack_app import SlackAppHarness


@pytest.fixture(params=["classic", "agent_view"])
def app(request: pytest.FixtureRequest, runtime: Runtime, slack_api: SlackApiStandIn) -> Iterator[SlackAppHarness]:
    # Every welcome scenario runs twice: in a classic workspace, and in one where the app's agent view is on (Slack
    # has sent it app_context_changed, and the DM with the bot is the agent conversation).
    harness = SlackAppHarness(runtime, slack_api, welcome_channels=[WELCOME_CHANNEL])
    if request.param == "agent_view":
        harness.send_event(app_context_changed("D0AGENTVIEW", "C0ELSEWHERE", user="U0SOMEONE"))
        slack_api.wait_for("assistant.threads.setSuggestedPrompts")
        assert harness.jobs.agent.enabled(TEAM_ID)
    try:
        yield harness
    finally:
        harness.stop()
        if harness.runtime is not runtime:
            harness.runtime.close()


def test_team_join_sends_one_warm_dm_with_the_checklist(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    assert app.send_event(team_join("U0NEW1")).status == 200
    [opened] = slack_api.wait_for("conversations.open")
    assert opened.args["users"] == "U0NEW1"
    [dm] = slack_api.wait_for("chat.postMessage")
    visible = texts(blocks_of(dm))
    assert "Welcome to the CME community, Dana!" in visible
    for title in ("Understand CME fundamentals", "Join CME professional communities", "Review sample CME activities"):
        assert title in visible
    assert "Skipping the needs assessment" in visible
    assert dm.args["text"].startswith("Welcome to the CME community")


def test_retries_and_restarts_still_make_one_dm(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    event = team_join("U0NEW2")
    app.send_event(event, event_id="EvJOIN2")
    slack_api.wait_for("chat.postMessage")
    app.send_event(event, event_id="EvJOIN2", retry_num=1)
    app.send_event(event, event_id="EvJOIN2", retry_num=2)
    # A different event for the same member (they also join a welcome channel) is a new event id.
    app.send_event(channel_join("U0NEW2"), event_id="EvCHAN2")
    app.restart()
    app.send_event(event, event_id="EvJOIN2", retry_num=3)
    app.send_event(team_join("U0NEW2"), event_id="EvJOIN2-again")
    app.send_event(channel_join("U0NEW2"), event_id="EvCHAN2-again")
    app.stop()
    assert len(dms_to(slack_api, "U0NEW2")) == 1
    assert len(slack_api.calls_to("chat.postMessage")) == 1


def test_bots_are_never_welcomed(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    slack_api.set_user("U0OTHERBOT", is_bot=True)
    app.send_event(team_join("U0BOTJOIN", is_bot=True))
    app.send_event(channel_join("U0OTHERBOT"))
    app.send_event(channel_join(BOT_USER_ID))  # the bot itself being added to the welcome channel
    app.send_event(team_join("USLACKBOT"))
    app.stop()
    assert slack_api.calls_to("chat.postMessage") == []
    assert slack_api.calls_to("conversations.open") == []


def test_guests_are_welcomed_only_when_configured(runtime: Runtime, slack_api: SlackApiStandIn) -> None:
    slack_api.set_user("U0GUEST1", is_restricted=True)
    harness = SlackAppHarness(runtime, slack_api, welcome_channels=[WELCOME_CHANNEL])
    harness.send_event(channel_join("U0GUEST1"))
    harness.send_event(team_join("U0GUEST2", is_ultra_restricted=True))
    harness.stop()
    assert slack_api.calls_to("chat.postMessage") == []

    runtime.settings = runtime.settings.model_copy(update={"welcome_guests": True})
    harness = SlackAppHarness(runtime, slack_api)
    harness.send_event(channel_join("U0GUEST1"))
    harness.stop()
    assert len(dms_to(slack_api, "U0GUEST1")) == 1


def test_only_configured_channels_welcome(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    app.send_event(channel_join("U0NEW3", channel="C0RANDOM01"))
    app.stop()
    assert slack_api.calls_to("chat.postMessage") == []


def test_welcome_channel_may_be_named(runtime: Runtime, slack_api: SlackApiStandIn) -> None:
    # The stand-in names every channel "channel-<id>"; operators usually configure names, not ids.
    harness = SlackAppHarness(runtime, slack_api, welcome_channels=["#channel-c0named01"])
    harness.send_event(channel_join("U0NEW4", channel="C0NAMED01"))
    harness.send_event(channel_join("U0NEW5", channel="C0OTHER01"))
    harness.send_event(channel_join("U0NEW6", channel="C0OTHER01"))
    harness.stop()
    assert len(dms_to(slack_api, "U0NEW4")) == 1
    assert dms_to(slack_api, "U0NEW5") == [] and dms_to(slack_api, "U0NEW6") == []
    looked_up = [c.args["channel"] for c in slack_api.calls_to("conversations.info")]
    assert sorted(looked_up) == ["C0NAMED01", "C0OTHER01"]  # each channel's name is looked up once


def test_public_greeting_is_optional(runtime: Runtime, slack_api: SlackApiStandIn) -> None:
    harness = SlackAppHarness(runtime, slack_api, welcome_channels=[WELCOME_CHANNEL], welcome_public_greeting=True)
    harness.send_event(channel_join("U0NEW6"))
    harness.send_event(channel_join("U0NEW6"))
    harness.stop()
    greetings = [c for c in slack_api.calls_to("chat.postMessage") if c.args["channel"] == WELCOME_CHANNEL]
    assert len(greetings) == 1
    assert "<@U0NEW6>" in greetings[0].args["text"]
    assert len(dms_to(slack_api, "U0NEW6")) == 1


def test_a_failed_dm_is_not_recorded_as_a_welcome(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    slack_api.fail_next("chat.postMessage", status=500)
    app.send_event(team_join("U0NEW7"))
    slack_api.wait_for("chat.postMessage", ok=False)
    app.restart()  # waits for the failed listener to finish giving its claim back
    # The next chance (joining a welcome channel) welcomes them after all.
    app.send_event(channel_join("U0NEW7"))
    slack_api.wait_for("chat.postMessage", ok=True)
    app.stop()
    assert len(dms_to(slack_api, "U0NEW7")) == 2  # one failed attempt, one delivered welcome


def test_checklist_click_updates_the_dm_in_place_and_the_home(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    app.send_event(team_join("U0NEW8"))
    [dm] = slack_api.wait_for("chat.postMessage")
    service = OnboardingService(app.runtime.db, app.runtime.settings)
    stored = eventually(lambda: service.welcome_message("U0NEW8"))
    assert stored.channel == dm.args["channel"]

    app.block_action(
        TICK,
        "samples",
        user_id="U0NEW8",
        channel_id=stored.channel,
        message_ts=stored.ts,
        block_id="onboarding_item:samples",
    )
    [update] = slack_api.wait_for("chat.update")
    assert (update.args["channel"], update.args["ts"]) == (stored.channel, stored.ts)
    updated = texts(blocks_of(update))
    assert ":white_check_mark: *3. Review sample CME activities*" in updated
    assert ":white_large_square: *1. Understand CME fundamentals*" in updated
    assert "1 of 5 steps done" in updated

    [publish] = slack_api.wait_for("views.publish")
    assert publish.args["user_id"] == "U0NEW8"
    home = texts(blocks_of(publish))
    assert ":white_check_mark: *3. Review sample CME activities*" in home
    assert len(slack_api.calls_to("chat.postMessage")) == 1  # updated in place, nothing new posted


def test_opening_a_step_shows_it_in_a_modal_and_ticking_there_updates_everything(
    runtime: Runtime, slack_api: SlackApiStandIn
) -> None:
    # The step content comes from knowledge/community/, which the small test corpus does not hold.
    # Nothing here indexes, so pointing at the real knowledge folder costs no embedding.
    app = SlackAppHarness(runtime, slack_api, knowledge_dir=PROJECT_ROOT / "knowledge")
    app.send_event(team_join("U0NEW9"))
    slack_api.wait_for("chat.postMessage")
    app.block_action(OPEN, "samples", user_id="U0NEW9", block_id="onboarding_item:samples")
    [opened] = slack_api.wait_for("views.open")
    modal = view_of(opened)
    shown = texts(modal["blocks"])
    assert "Accredited CME activity" in shown and "Non-accredited webinar" in shown
    assert "Names the accredited provider (or joint providership)" in shown
    assert any(b.get("fields") for b in modal["blocks"])  # the side-by-side columns

    app.send_interaction(
        {
            "type": "block_actions",
            "user": {"id": "U0NEW9"},
            "trigger_id": "trigger-modal",
            "container": {"type": "view", "view_id": "V0MODAL1"},
            "view": {**modal, "id": "V0MODAL1", "hash": "h1"},
            "actions": [
                {"type": "button", "action_id": TICK, "block_id": "onboarding_detail:samples", "value": "samples"}
            ],
        }
    )
    [redrawn] = slack_api.wait_for("views.update")
    assert redrawn.args["view_id"] == "V0MODAL1"
    assert "Mark done" not in texts(view_of(redrawn)["blocks"])
    [update] = slack_api.wait_for("chat.update")
    assert ":white_check_mark: *3. Review sample CME activities*" in texts(blocks_of(update))
    slack_api.wait_for("views.publish")
    app.stop()
