"""Slack's assistant threads through Bolt's Assistant middleware: assistant_thread_started greets the member and
suggests prompts for the channel they are viewing; assistant_thread_context_changed stores the new context and
suggests again.

Bolt's Assistant routes four kinds of events; two are used. A member's message in the thread
(`user_message`) never reaches it: the intake middleware, installed before it, has already made it a job and
acked it, so the question is answered once, durably, by the job workers. The bot's own messages
(`bot_message`) are dropped before it too (bot/slack/app.py).

The thread context is stored the way Bolt stores it (as metadata on the bot's first message in the thread: the
greeting), so every replica reads the same context, but never on one of our answers: their metadata names the
job that posted them, and the exactly-once check before re-posting looks for it."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import Assistant, BoltContext, Say
from slack_bolt.context.assistant.thread_context_store.default_store import DefaultAssistantThreadContextStore
from slack_sdk import WebClient

from bot.slack.agent import viewed_channel
from bot.slack.answering import ASSISTANT_CONTEXT_EVENT
from bot.slack.jobs import METADATA_EVENT, jobs_for
from bot.texts import load_yaml

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.runtime import Runtime

log = logging.getLogger(__name__)


class AnswerSafeContextStore(DefaultAssistantThreadContextStore):
    """Bolt's default store, minus the one thing it must not do here: rewrite an answer's metadata."""

    def _retrieve_first_bot_reply(self, channel_id: str, thread_ts: str) -> dict[str, Any] | None:
        messages = self.client.conversations_replies(
            channel=channel_id, ts=thread_ts, oldest=thread_ts, include_all_metadata=True, limit=10
        ).get("messages", [])
        for message in messages:
            if message.get("subtype") is not None or message.get("user") != self.context.bot_user_id:
                continue
            if (message.get("metadata") or {}).get("event_type") == METADATA_EVENT:
                continue  # an answer, not the greeting
            return {"blocks": [], **message}
        return None


def register(app: App, runtime: Runtime) -> None:
    agent = jobs_for(runtime).agent
    assistant = Assistant()

    @assistant.thread_started
    def thread_started(payload: dict[str, Any], say: Say, client: WebClient, context: BoltContext) -> None:
        agent.seen(context.team_id)
        thread = payload.get("assistant_thread") or {}
        channel, thread_ts = str(thread.get("channel_id") or ""), str(thread.get("thread_ts") or "")
        try:
            # The greeting carries the thread's context as metadata, as Bolt's say() does: it is the store's record
            # (and tells bot/slack/answering.py that it is not a turn of the conversation).
            metadata = {"event_type": ASSISTANT_CONTEXT_EVENT, "event_payload": dict(thread.get("context") or {})}
            say(text=str(load_yaml("assistant.yml").get("greeting") or "").strip(), metadata=metadata)
        except Exception:
            log.exception("Could not greet in assistant thread %s", thread_ts)
        agent.set_prompts(client, channel, viewed_channel(thread.get("context")), thread_ts=thread_ts)

    @assistant.thread_context_changed
    def thread_context_changed(payload: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        agent.seen(context.team_id)
        thread = payload.get("assistant_thread") or {}
        channel, thread_ts = str(thread.get("channel_id") or ""), str(thread.get("thread_ts") or "")
        viewing = thread.get("context") or {}
        AnswerSafeContextStore(context).save(channel_id=channel, thread_ts=thread_ts, context=viewing)
        # The member moved to another channel: the suggestions follow.
        agent.set_prompts(client, channel, viewed_channel(viewing), thread_ts=thread_ts)

    app.assistant(assistant)
