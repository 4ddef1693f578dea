"""Welcome new members: on team_join, or on joining a channel in CMEBOT_WELCOME_CHANNELS, DM them once.

Slack's redeliveries of one event are dropped by the app's event-id ledger; the welcome itself is claimed
per member in the database, so a team_join and a channel join, or a retry after a restart, still make one DM.
The optional nudge check starts here when CMEBOT_NUDGE_AFTER_DAYS is set."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.onboarding.nudges import NudgeScheduler
from bot.slack.onboarding_ui import OnboardingSlack

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.runtime import Runtime

log = logging.getLogger(__name__)


def register(app: App, runtime: Runtime) -> None:
    onboarding = OnboardingSlack(runtime)

    @app.event("team_join")
    def on_team_join(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        user = event.get("user")
        if isinstance(user, str):  # the event normally carries the full user object; fetch it if not
            user = client.users_info(user=user)["user"]
        if not isinstance(user, dict) or not user.get("id"):
            return
        if onboarding.wants_welcome(user, context.bot_user_id):
            onboarding.welcome(client, user, source="team_join")

    @app.event("member_joined_channel")
    def on_member_joined_channel(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        user_id, channel = str(event.get("user") or ""), str(event.get("channel") or "")
        if not user_id or user_id == context.bot_user_id or not onboarding.is_welcome_channel(client, channel):
            return
        if onboarding.service.is_welcomed(user_id):
            return  # spares a users.info call; the claim in welcome() is what actually guarantees "once"
        user = dict(client.users_info(user=user_id)["user"])
        if onboarding.wants_welcome(user, context.bot_user_id):
            onboarding.welcome(client, user, source=channel, channel=channel)

    if runtime.settings.nudge_after_days > 0:
        if app.client.token:
            NudgeScheduler(onboarding.service, lambda user_id: onboarding.send_nudge(app.client, user_id)).start()
        else:
            # With OAuth installs there is no single bot token to nudge with; the welcome still works.
            log.warning("CMEBOT_NUDGE_AFTER_DAYS is set, but nudges need SLACK_BOT_TOKEN (single workspace)")
