"""Answering a member's Slack message: progress reaction, thread history, the engine, posting, apology.

Shared by the mention and DM listeners; knows Slack's Web API but nothing of Bolt."""

from __future__ import annotations

import logging
import os
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answering.models import Turn
from bot.runtime import Runtime
from bot.slack.blocks.answer import SlackMessage, answer_messages, notice
from bot.slack.text import strip_mentions
from bot.slack.threads import turns_from_replies
from bot.texts import message

log = logging.getLogger(__name__)

PROGRESS_REACTION = "hourglass_flowing_sand"

_pools: weakref.WeakKeyDictionary[Runtime, ThreadPoolExecutor] = weakref.WeakKeyDictionary()
_pools_lock = threading.Lock()


def answer_workers(runtime: Runtime) -> int:
    """Offline answering is CPU-bound, so it gets every core but one: the last core keeps acks fast. On 2 cores,
    bench/slack_load.py at 50 concurrent events gave ack p99 75-90 ms with one worker against 93-107 ms with
    two (answers all posted after 2.1 s instead of 1.5 s). With an LLM the workers mostly wait on the network,
    so more of them pay off."""
    cores = os.cpu_count() or 2
    return max(8, 4 * cores) if runtime.settings.llm else max(1, cores - 1)


def submit_answer(runtime: Runtime, work: Callable[[], None]) -> Future[None]:
    """Run answering on its own pool, sized for it, so a burst of questions never occupies Bolt's listener
    threads (a modal's trigger_id expires 3 s after the click; its views.open must not queue behind answers)."""
    with _pools_lock:
        pool = _pools.get(runtime)
        if pool is None:
            pool = _pools[runtime] = ThreadPoolExecutor(answer_workers(runtime), thread_name_prefix="cmebot-answer")
    return pool.submit(_logged, work)


def drain_answers(runtime: Runtime) -> None:
    """Wait for every answer already submitted for `runtime` (shutdown and tests)."""
    with _pools_lock:
        pool = _pools.pop(runtime, None)
    if pool is not None:
        pool.shutdown(wait=True)


def _logged(work: Callable[[], None]) -> None:
    try:
        work()
    except Exception:
        log.exception("Answering failed outside the usual apology path")


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


def answer_question(
    runtime: Runtime,
    client: WebClient,
    question: SlackQuestion,
    *,
    bot_user_id: str | None,
    bot_id: str | None = None,
) -> None:
    text = strip_mentions(question.text)
    if not text:
        # A bare mention or an empty DM: say what the bot does instead of declining a blank question.
        _post(client, question, [notice(message("slack_hello", user=question.user) + "\n\n" + message("help"))])
        return
    reacted = _react(client, "reactions_add", question)
    try:
        history = thread_history(client, question, bot_user_id=bot_user_id, bot_id=bot_id)
        answer, question_id = runtime.ask(
            text, history, user_id=question.user, channel_id=question.channel, surface=question.surface
        )
        _post(client, question, answer_messages(answer, question_id))
    except Exception:
        # Logged with the traceback (tokens never appear in Slack SDK errors); the member gets a short apology.
        log.exception("Could not answer a %s question in %s", question.surface, question.channel)
        try:
            _post(client, question, [notice(message("slack_apology"))])
        except Exception:
            log.exception("Could not post the apology in %s either", question.channel)
    finally:
        if reacted:
            _react(client, "reactions_remove", question)


def thread_history(
    client: WebClient, question: SlackQuestion, *, bot_user_id: str | None, bot_id: str | None
) -> list[Turn]:
    """The thread's earlier turns, when the member replies in a thread the bot has already answered in."""
    if not question.in_existing_thread:
        return []
    try:
        replies = client.conversations_replies(channel=question.channel, ts=question.thread_ts, limit=50)
    except SlackApiError as exc:
        # Without history the question is still answered, just on its own.
        log.warning(
            "Could not read thread %s in %s: %s", question.thread_ts, question.channel, exc.response.get("error")
        )
        return []
    turns = turns_from_replies(
        list(replies.get("messages") or []), current_ts=question.ts, bot_user_id=bot_user_id, bot_id=bot_id
    )
    return turns if any(turn.role == "assistant" for turn in turns) else []


def _post(client: WebClient, question: SlackQuestion, messages: list[SlackMessage]) -> None:
    for msg in messages:
        client.chat_postMessage(
            channel=question.channel,
            thread_ts=question.thread_ts,
            unfurl_links=False,
            unfurl_media=False,
            **msg.as_kwargs(),
        )


def _react(client: WebClient, method: str, question: SlackQuestion) -> bool:
    """Progress shown as a reaction; a failure here (no reactions:write, message gone) must not stop the answer."""
    try:
        getattr(client, method)(channel=question.channel, timestamp=question.ts, name=PROGRESS_REACTION)
        return True
    except SlackApiError as exc:
        log.info("%s failed in %s: %s", method, question.channel, exc.response.get("error"))
        return False
