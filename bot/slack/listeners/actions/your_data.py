"""The App Home's "Your data" buttons: Export my data (a JSON file in the member's DM) and Delete my data (opens
the confirmation modal; the deletion happens on its submission, bot/slack/listeners/views/your_data.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_bolt import Ack
from slack_sdk import WebClient

from bot.slack.blocks.your_data import DELETE, EXPORT, delete_modal
from bot.slack.member_data_ui import YourDataSlack, team_of

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.runtime import Runtime


def register(app: App, runtime: Runtime) -> None:
    your_data = YourDataSlack(runtime)

    @app.action(EXPORT)
    def on_export(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        user = str(body["user"]["id"])
        try:
            your_data.export(client, user, team_of(body))  # only ever the clicking member's own data
        except Exception as exc:
            your_data.failed(client, user, exc)

    @app.action(DELETE)
    def on_delete(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        client.views_open(trigger_id=body["trigger_id"], view=delete_modal())
