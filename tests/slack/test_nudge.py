"""The optional nudge over real HTTP: scheduled in the database at the welcome, sent by the app's background
check after a restart, and never to a member who has made progress."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from bot.onboarding import OnboardingService
from bot.onboarding.nudges import NudgeScheduler
from bot.runtime import Runtime
from bot.slack.blocks.onboarding import TICK
from tests.slack.onboarding_support import dms_to, eventually, team_join
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness

# About 0.9 seconds: due soon after the welcome, but never before the first app's start-up check has run.
NUDGE_DAYS = 1e-5


@pytest.fixture(autouse=True)
def _stop_nudge_loops() -> Iterator[None]:
    yield
    NudgeScheduler.stop_all()


def nudges_to(api: SlackApiStandIn, user_id: str) -> list[str]:
    return [c.args["text"] for c in dms_to(api, user_id) if "checking in" in c.args.get("text", "")]


def test_nudge_survives_a_restart_and_skips_members_with_progress(runtime: Runtime, slack_api: SlackApiStandIn) -> None:
    app = SlackAppHarness(runtime, slack_api, nudge_after_days=NUDGE_DAYS)
    app.send_event(team_join("U0QUIET1"))
    app.send_event(team_join("U0BUSY01"))
    slack_api.wait_for("chat.postMessage", count=2)
    service = OnboardingService(app.runtime.db, app.runtime.settings)
    welcome = eventually(lambda: service.welcome_message("U0BUSY01"))
    app.block_action(TICK, "fundamentals", user_id="U0BUSY01", channel_id=welcome.channel, message_ts=welcome.ts)
    slack_api.wait_for("chat.update")

    # The process goes down before the nudge is due, and comes back after.
    app.stop()
    NudgeScheduler.stop_all()
    assert nudges_to(slack_api, "U0QUIET1") == []
    time.sleep(NUDGE_DAYS * 86400 + 0.2)
    app.restart()  # the new app's nudge loop checks at once on start

    eventually(lambda: nudges_to(slack_api, "U0QUIET1") or None)
    NudgeScheduler.stop_all()
    app.stop()
    [nudge] = nudges_to(slack_api, "U0QUIET1")
    assert "CME newcomer pathway" in nudge
    assert nudges_to(slack_api, "U0BUSY01") == []
    app.runtime.close()


def test_no_nudge_loop_when_the_setting_is_off(runtime: Runtime, slack_api: SlackApiStandIn) -> None:
    app = SlackAppHarness(runtime, slack_api)
    app.stop()
    assert NudgeScheduler.running == []
