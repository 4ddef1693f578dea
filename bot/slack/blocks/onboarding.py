"""Block Kit for the welcome DM: the welcome text, the newcomer checklist with its buttons, the "common
mistakes" card, and the detail message each step opens. Message limits (50 blocks, 3000 characters per
section) are respected by construction; the longest message, the comparison, is about a dozen blocks."""

from __future__ import annotations

import re
from typing import Any

from bot.onboarding.content import ItemDetail, Part
from bot.onboarding.pathway import Pathway
from bot.onboarding.service import ChecklistEntry
from bot.slack.text import SECTION_LIMIT, escape, mrkdwn

Block = dict[str, Any]

# Action ids. The item id travels in the button's value; the block_id keeps the buttons of different
# items apart so Slack does not reject duplicate action ids within one message.
TICK = "onboarding_tick"
OPEN = "onboarding_open"
START_FLOW = "onboarding_start_flow"

BUTTON_LIMIT = 75


def clip(text: str, limit: int = SECTION_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def section(text: str, **extra: Any) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(text)}, **extra}


def header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": clip(text, 150), "emoji": True}}


def context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": clip(text)}]}


def button(text: str, action_id: str, value: str, style: str | None = None) -> Block:
    element: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(text, BUTTON_LIMIT), "emoji": True},
        "action_id": action_id,
        "value": value,
    }
    if style:
        element["style"] = style
    return element


def channel_ref(channel: str) -> str:
    """Settings may name channels by id (linked) or by name (shown as #name)."""
    channel = channel.strip()
    if re.fullmatch(r"[CG][A-Z0-9]{6,}", channel):
        return f"<#{channel}>"
    return "#" + channel.lstrip("#")


def open_button(entry: ChecklistEntry) -> Block:
    item = entry.item
    if item.text("flow"):
        return button(item.open_label, START_FLOW, item.id, style=None if entry.done else "primary")
    return button(item.open_label, OPEN, item.id)


def checklist_blocks(pathway: Pathway, entries: list[ChecklistEntry] | tuple[ChecklistEntry, ...]) -> list[Block]:
    blocks: list[Block] = []
    for number, entry in enumerate(entries, 1):
        item = entry.item
        mark = ":white_check_mark:" if entry.done else ":white_large_square:"
        blocks.append(section(f"{mark} *{number}. {item.title}*\n{item.summary}"))
        elements = [open_button(entry)]
        if not entry.done:
            elements.append(button("Mark done", TICK, item.id))
        blocks.append({"type": "actions", "block_id": f"onboarding_item:{item.id}", "elements": elements})
    done = sum(entry.done for entry in entries)
    if done == len(entries):
        blocks.append(context(f":tada: {pathway.done_title}"))
    else:
        blocks.append(context(f"{done} of {len(entries)} steps done"))
    return blocks


def mistakes_blocks(pathway: Pathway) -> list[Block]:
    lines = [f":warning: *{m.title}*\n{m.text}" for m in pathway.mistakes]
    return [section(f"*{pathway.mistakes_title}*"), *(section(line) for line in lines)]


def welcome_blocks(pathway: Pathway, text: str, entries: list[ChecklistEntry]) -> list[Block]:
    return [
        section(escape(text)),
        {"type": "divider"},
        header(pathway.checklist_title),
        *checklist_blocks(pathway, entries),
        {"type": "divider"},
        *mistakes_blocks(pathway),
    ]


def welcome_fallback(text: str) -> str:
    """The notification text (and what screen readers and old clients show)."""
    return clip(text.split("\n", 1)[0], 300)


def _part_blocks(part: Part) -> list[Block]:
    lines = []
    if part.heading:
        lines.append(f"*{part.heading}*")
    if part.text:
        lines.append(mrkdwn(part.text))
    lines += [f"• {mrkdwn(b)}" for b in part.bullets]
    return [section("\n".join(lines))] if lines else []


def detail_blocks(detail: ItemDetail, done: bool) -> list[Block]:
    item = detail.item
    blocks: list[Block] = [header(item.title)]
    first, *rest = detail.parts
    blocks += _part_blocks(first)
    if detail.channels:
        blocks.append(section("\n".join(f"• {channel_ref(c)}" for c in detail.channels)))
    if detail.links:
        blocks.append(section("\n".join(f"• {escape(link)}" for link in detail.links)))
    if detail.comparison:
        table = detail.comparison
        blocks.append(
            {
                "type": "section",
                "fields": [
                    {"type": "mrkdwn", "text": f"*{escape(table.left)}*"},
                    {"type": "mrkdwn", "text": f"*{escape(table.right)}*"},
                ],
            }
        )
        for check, left, right in table.rows:
            blocks.append(
                {
                    "type": "section",
                    "text": {"type": "mrkdwn", "text": clip(f"_{mrkdwn(check)}_")},
                    # Section fields render as two columns: the side-by-side comparison.
                    "fields": [{"type": "mrkdwn", "text": clip(mrkdwn(cell), 2000)} for cell in (left, right)],
                }
            )
    for part in rest:
        blocks += _part_blocks(part)
    if detail.sources:
        blocks.append(context("From the knowledge base: " + "; ".join(detail.sources)))
    elements = []
    if detail.flow:
        elements.append(button(item.open_label, START_FLOW, item.id, style="primary"))
    if not done:
        elements.append(button("Mark done", TICK, item.id, style=None if detail.flow else "primary"))
    if elements:
        blocks.append({"type": "actions", "block_id": f"onboarding_detail:{item.id}", "elements": elements})
    return blocks


DETAIL_CALLBACK = "onboarding_detail"


def detail_modal(detail: ItemDetail, done: bool) -> dict[str, Any]:
    """A step opened from the DM or the Home: a modal, so reading it never adds messages to the DM."""
    return {
        "type": "modal",
        "callback_id": DETAIL_CALLBACK,
        "private_metadata": detail.item.id,
        "title": {"type": "plain_text", "text": "CME newcomer pathway"},
        "close": {"type": "plain_text", "text": "Close"},
        "blocks": detail_blocks(detail, done),
    }


def nudge_blocks(text: str) -> list[Block]:
    return [section(escape(text)), context("Your checklist is in my welcome message and on my Home tab.")]
