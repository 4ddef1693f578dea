"""Message shortcut "Save to CME knowledge": the question (the thread's first message) and the chosen message as
its answer, in a form prefilled for the member to check; an expert's save is verified at once."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.runtime import Runtime
from bot.slack.blocks.community import SAVE_SHORTCUT
from bot.slack.community import CommunitySlack


def register(app: App, runtime: Runtime) -> None:
    community = CommunitySlack(runtime)

    @app.shortcut(SAVE_SHORTCUT)
    def save_to_knowledge(ack: Ack, shortcut: dict[str, Any], client: WebClient) -> None:
        ack()
        message = shortcut.get("message") or {}
        channel = str((shortcut.get("channel") or {}).get("id") or "")
        ts = str(message.get("ts") or shortcut.get("message_ts") or "")
        thread_ts = message.get("thread_ts")
        question, answer, author = community.thread_pair(client, channel, ts, thread_ts)
        community.open_save_form(
            client,
            shortcut["trigger_id"],
            team=str((shortcut.get("team") or {}).get("id") or ""),
            saver=str((shortcut.get("user") or {}).get("id") or ""),
            channel=channel,
            ts=ts,
            thread_ts=thread_ts,
            question=question,
            answer=answer or str(message.get("text") or ""),
            author=author or str(message.get("user") or ""),
        )
