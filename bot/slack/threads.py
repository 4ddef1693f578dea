"""A Slack thread as conversation history: earlier messages become Turns for the answer engine."""

from __future__ import annotations

from typing import Any

from bot.answering.models import Turn
from bot.slack.text import strip_mentions

MAX_TURNS = 10
MAX_TURN_CHARS = 2000


def turns_from_replies(
    messages: list[dict[str, Any]],
    *,
    current_ts: str,
    bot_user_id: str | None,
    bot_id: str | None = None,
) -> list[Turn]:
    """Earlier messages of the thread, oldest first, as user/assistant turns.

    The message being answered is left out (it is the question), as are empty messages and other bots'
    posts; only the last MAX_TURNS turns are kept, since the engine only needs the recent subject."""
    turns: list[Turn] = []
    for msg in messages:
        if msg.get("ts") == current_ts or msg.get("subtype") in ("message_deleted", "thread_broadcast_deleted"):
            continue
        from_us = (bot_user_id is not None and msg.get("user") == bot_user_id) or (
            bot_id is not None and msg.get("bot_id") == bot_id
        )
        if not from_us and msg.get("bot_id"):
            continue  # another bot's post is not part of the member's conversation with us
        text = strip_mentions(str(msg.get("text") or ""))
        if not text:
            continue
        turns.append(Turn(role="assistant" if from_us else "user", text=text[:MAX_TURN_CHARS]))
    return turns[-MAX_TURNS:]
