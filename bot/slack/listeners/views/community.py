"""The "Save to CME knowledge" form's submission: errors shown on the form, or saved and confirmed by DM."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.runtime import Runtime
from bot.slack.blocks.community import SAVE_CALLBACK
from bot.slack.community import CommunitySlack


def register(app: App, runtime: Runtime) -> None:
    community = CommunitySlack(runtime)

    @app.view(SAVE_CALLBACK)
    def save(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        user = str((body.get("user") or {}).get("id") or "")
        item, errors = community.save_submission(client, user, view)
        if errors or item is None:
            ack(response_action="errors", errors=errors)
            return
        ack()
        if item.status == "verified":
            text = f"Saved as verified community answer #{item.id}. The bot now gives it to members who ask this."
        else:
            text = (
                f"Saved as community answer #{item.id}. An expert will check it before the bot uses it; "
                "experts see it in the App Home."
            )
        client.chat_postMessage(channel=user, text=text)
