"""Slack text handling that needs no Slack connection: mrkdwn escaping, mention stripping, splitting."""

from __future__ import annotations

import re

SECTION_LIMIT = 3000  # characters in a section block's text
BLOCKS_PER_MESSAGE = 50
FALLBACK_LIMIT = 3000  # the notification/fallback `text`; Slack truncates past 40,000, we stay far below

_MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")
_MD_BOLD = re.compile(r"\*\*(.+?)\*\*")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")


def unescape(text: str) -> str:
    """Undo Slack's escaping of message text, once: Slack sends "M&M" as "M&amp;M" and "<5" as "&lt;5".

    Only the three entities Slack escapes are touched, and "&amp;" last, so "&amp;lt;" (a member who typed "&lt;")
    becomes "&lt;", not "<"."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def strip_mentions(text: str) -> str:
    """The question as the member typed it: @-mentions (of the bot or anyone) removed, Slack's escaping undone
    once, whitespace collapsed. Every message text the bot reads passes through here before it is understood,
    stored or shown."""
    return " ".join(unescape(_MENTION.sub(" ", text or "")).split())


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn reserves, so answer text never becomes markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mrkdwn(text: str) -> str:
    """Answer text (plain, or Markdown from a model) as Slack mrkdwn: escaped, **bold** -> *bold*, links."""
    out = escape(text)
    out = _MD_BOLD.sub(r"*\1*", out)
    return _MD_LINK.sub(lambda m: f"<{m.group(2)}|{m.group(1)}>", out)


def split_text(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Cut `text` into pieces of at most `limit` characters, preferring paragraph, line, sentence and
    word boundaries in that order, so a long answer reads naturally across several sections."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = -1
        for separator in ("\n\n", "\n", ". ", " "):
            at = window.rfind(separator)
            if at >= limit // 2:
                cut = at + len(separator)
                break
        if cut <= 0:
            cut = limit  # one unbroken run of characters: a hard cut is the only option
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
