"""Where the bot answers mentions: with CMEBOT_ANSWER_CHANNELS set, only in those channels.

A mention elsewhere is not made into a job at all (the intake asks here before it writes one); the member gets,
once per channel, an ephemeral note naming where to ask instead, or to DM the bot. "Once" is remembered in the
event ledger (key answer-pointer:<team>:<channel>:<user>), so it holds across replicas, redeliveries and restarts.
DMs, the agent view and /cme are never limited: they are private to the member."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from bot.services.member_data import pointer_key
from bot.texts import message

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.runtime import Runtime
    from bot.slack.answering import SlackQuestion
    from bot.slack.jobs import SlackJobs

log = logging.getLogger(__name__)

# The pointer is a courtesy posted after the ack (a Web API call must not delay it), off the listener pool.
_pointers = ThreadPoolExecutor(2, thread_name_prefix="cmebot-pointer")


def answers_in(settings: Settings, channel: str) -> bool:
    """Whether a mention in `channel` is answered: everywhere when no list is set, and always in a DM."""
    allowed = settings.answer_channels
    return not allowed or channel.startswith("D") or channel in allowed


def turn_away(runtime: Runtime, jobs: SlackJobs, question: SlackQuestion, payload: dict[str, Any]) -> bool:
    """True when this mention is outside the answer channels: no job is made, and the first time this member
    mentions the bot in this channel they are told where to ask."""
    if question.surface != "slack_mention" or answers_in(runtime.settings, question.channel):
        return False
    team = str(payload.get("team_id") or "")
    if runtime.events.claim(pointer_key(team, question.channel, question.user), kind="answer_pointer"):
        _pointers.submit(_point, jobs, question, payload, list(runtime.settings.answer_channels))
    else:
        log.info(
            "Mention outside the answer channels in %s; %s was already told where to ask",
            question.channel,
            question.user,
        )
    return True


def _point(jobs: SlackJobs, question: SlackQuestion, payload: dict[str, Any], channels: list[str]) -> None:
    where = ", ".join(f"<#{channel}>" for channel in channels)
    kwargs: dict[str, Any] = {
        "channel": question.channel,
        "user": question.user,
        "text": message("answer_channels_pointer", channels=where),
    }
    if question.thread_ts and question.thread_ts != question.ts:
        kwargs["thread_ts"] = question.thread_ts
    try:
        jobs.client_for(payload, for_posting=True).chat_postEphemeral(**kwargs)
    except Exception as exc:  # a courtesy: the member can still ask in a DM
        log.warning("Could not tell %s where to ask: %r", question.user, exc)
