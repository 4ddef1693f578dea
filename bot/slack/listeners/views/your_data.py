"""The confirmation modal of "Delete my data": on Delete, everything the bot holds about the member who submitted
it is deleted (bot/services/member_data.py), they get a DM saying so, and their App Home is redrawn."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_bolt import Ack
from slack_sdk import WebClient

from bot.slack.blocks.your_data import DELETE_CALLBACK
from bot.slack.member_data_ui import YourDataSlack, team_of
from bot.slack.onboarding_ui import OnboardingSlack

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.runtime import Runtime


def register(app: App, runtime: Runtime) -> None:
    your_data = YourDataSlack(runtime)
    onboarding = OnboardingSlack(runtime)

    @app.view(DELETE_CALLBACK)
    def on_confirm(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()  # closes the modal; the work follows
        user = str((body.get("user") or {}).get("id") or "")
        if not user:
            return
        try:
            your_data.delete(client, user, team_of(body))
        except Exception as exc:
            your_data.failed(client, user, exc)
            return
        onboarding.publish_home(client, user)
