"""The accreditation checker on Slack: what a command or a message shortcut gave (text, a link, shared files)
read and checked, the result returned as Block Kit. Files are read with the bot token from Slack's file host
only (bot.slack.uploads.fetch); links through the safe fetcher (bot.fetching)."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.checker.extract import MAX_FLYER_BYTES
from bot.checker.service import AccreditationChecker, CheckInputError, CheckOutcome, urls_in
from bot.config import Settings
from bot.slack.text import unescape
from bot.slack.uploads import UploadError, fetch

log = logging.getLogger(__name__)

MAX_FILES = 1  # the first shared file is the flyer


def shared_files(settings: Settings, token: str, files: list[dict[str, Any]]) -> list[tuple[str, bytes]]:
    out = []
    for entry in [f for f in files if isinstance(f, dict)][:MAX_FILES]:
        try:
            out.append(
                (str(entry.get("name") or entry.get("title") or "file"), fetch(settings, token, entry, MAX_FLYER_BYTES))
            )
        except UploadError as exc:
            raise CheckInputError(f"I couldn't read the shared file: {exc}.") from exc
    return out


def check_slack_message(
    settings: Settings, token: str, text: str, files: list[dict[str, Any]], checker: AccreditationChecker | None = None
) -> CheckOutcome:
    """Check what a Slack message holds. `text` is as Slack sends it: escaped, links as <url|label>."""
    checker = checker or AccreditationChecker()
    return checker.check_message(unescape(text or ""), shared_files(settings, token, files))


# "is this accredited?", "can you check the accreditation of the attached flyer", "is that webinar real CME?"
_ASKS = re.compile(
    r"\b(?:accredit\w*|real\s+cme|legit(?:imate)?|count\s+for\s+(?:cme|credit)|cme\s+credit|category\s+1)\b",
    re.IGNORECASE,
)
_POINTS_AT = re.compile(
    r"\b(?:this|that|it|these|attached|above|flyer|brochure|webinar|link|page|file|pdf|course|event|conference|"
    r"program(?:me)?|check)\b",
    re.IGNORECASE,
)
MAX_THREAD_MESSAGES = 30


def asks_to_check(text: str) -> bool:
    """A question about whether something shared is accredited (not a general question about accreditation)."""
    return bool(_ASKS.search(text) and _POINTS_AT.search(text))


def flyer_in_thread(
    client: WebClient, channel: str, thread_ts: str | None, own: dict[str, Any]
) -> tuple[str, list[dict[str, Any]]] | None:
    """The message that shares the flyer: the question itself when it carries a file or a link, else the newest
    earlier message of its thread that does (bots' messages aside). None when there is nothing to check."""
    candidates = [own]
    if thread_ts:
        try:
            replies = client.conversations_replies(channel=channel, ts=thread_ts, limit=MAX_THREAD_MESSAGES)
            earlier = [m for m in replies.get("messages") or [] if m.get("ts") != own.get("ts")]
            candidates += [m for m in reversed(earlier) if not m.get("bot_id")]
        except SlackApiError as exc:
            log.warning("Could not read thread %s for a flyer: %s", thread_ts, exc.response.get("error"))
    for message in candidates:
        files = [f for f in message.get("files") or [] if isinstance(f, dict)]
        text = str(message.get("text") or "")
        if files or urls_in(unescape(text)):
            return text, files
    return None
