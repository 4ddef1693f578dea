"""A member's Slack question and what answering it needs from Slack: the thread's earlier turns.

Shared by the intake and the job workers (bot/slack/jobs.py); knows Slack's Web API but nothing of Bolt."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answering.models import Turn
from bot.runtime import Runtime
from bot.slack.threads import turns_from_replies

log = logging.getLogger(__name__)

PROGRESS_REACTION = "hourglass_flowing_sand"
# The metadata event Bolt's assistant thread context store puts on the bot's first message in a thread.
ASSISTANT_CONTEXT_EVENT = "assistant_thread_context"


def answer_workers(runtime: Runtime) -> int:
    """Offline answering is CPU-bound, so it gets every core but one: the last core keeps acks fast. On 2 cores,
    bench/slack_load.py at 50 concurrent events gave ack p99 75-90 ms with one worker against 93-107 ms with
    two (answers all posted after 2.1 s instead of 1.5 s). With an LLM the workers mostly wait on the network,
    so more of them pay off."""
    cores = os.cpu_count() or 2
    return max(8, 4 * cores) if runtime.settings.llm else max(1, cores - 1)


@dataclass(frozen=True)
class SlackQuestion:
    channel: str
    user: str
    ts: str  # the member's message
    thread_ts: str | None  # the thread to answer in; None answers at the top level (a DM)
    text: str
    surface: str

    @property
    def in_existing_thread(self) -> bool:
        return self.thread_ts is not None and self.thread_ts != self.ts


def thread_history(
    client: WebClient, question: SlackQuestion, *, bot_user_id: str | None, bot_id: str | None
) -> list[Turn]:
    """The thread's earlier turns, when the member replies in a thread the bot has already answered in."""
    if not question.in_existing_thread:
        return []
    try:
        replies = client.conversations_replies(
            channel=question.channel, ts=question.thread_ts, limit=50, include_all_metadata=True
        )
    except SlackApiError as exc:
        # Without history the question is still answered, just on its own.
        log.warning(
            "Could not read thread %s in %s: %s", question.thread_ts, question.channel, exc.response.get("error")
        )
        return []
    # The greeting at the top of an assistant thread (it carries the thread's context as metadata) is not a turn.
    messages = [
        m
        for m in replies.get("messages") or []
        if (m.get("metadata") or {}).get("event_type") != ASSISTANT_CONTEXT_EVENT
    ]
    turns = turns_from_replies(messages, current_ts=question.ts, bot_user_id=bot_user_id, bot_id=bot_id)
    return turns if any(turn.role == "assistant" for turn in turns) else []
