"""An answer as Block Kit: text, numbered sources, how it was produced, feedback (and share) buttons.

Slack rejects a section over 3000 characters and a message over 50 blocks, so long answers are split
into several sections and, if need be, several messages; the footer (context and buttons) goes last."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.answering.models import Answer, Source
from bot.services.community import badge
from bot.slack.text import BLOCKS_PER_MESSAGE, FALLBACK_LIMIT, SECTION_LIMIT, escape, mrkdwn, split_text, truncate

FEEDBACK_HELPFUL = "answer_feedback_helpful"
FEEDBACK_NOT_HELPFUL = "answer_feedback_not_helpful"
# Slack's native thumbs (a feedback_buttons element in a context_actions block), used in agent conversations;
# each button's value is "<rating>:<question id>" and feeds the same one-vote-per-member store.
FEEDBACK_NATIVE = "answer_feedback"
SHARE = "answer_share"
ASK_EXPERTS = "ask_experts"
REPORT_OUTDATED = "community_report_outdated"
MAX_SOURCES = 8

Block = dict[str, Any]


@dataclass
class SlackMessage:
    text: str  # notification and fallback text; also what a later thread read sees as our turn
    blocks: list[Block] = field(default_factory=list)

    def as_kwargs(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks}


def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": truncate(text, SECTION_LIMIT)}}


def context(*texts: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": truncate(t, SECTION_LIMIT)} for t in texts[:10]]}


def button(text: str, action_id: str, value: str, style: str | None = None) -> Block:
    element: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": text, "emoji": True},
        "action_id": action_id,
        "value": value,
    }
    if style:
        element["style"] = style
    return element


def source_block(number: int, source: Source) -> Block:
    title = escape(source.title or "Untitled source")
    head = f"*{number}. <{source.url}|{title}>*" if source.url else f"*{number}. {title}*"
    if source.heading and source.heading != source.title:
        head += f" — {escape(source.heading)}"
    details = [escape(part) for part in (source.provenance, _dated(source)) if part]
    return section(head + ("\n" + " · ".join(details) if details else ""))


def _dated(source: Source) -> str:
    if source.effective_date:
        return f"effective {source.effective_date}"
    if source.last_reviewed:
        return f"reviewed {source.last_reviewed}"
    return ""


def answer_messages(
    answer: Answer,
    question_id: int | None,
    *,
    share: bool = False,
    shared_by: str | None = None,
    escalate: bool = False,
    native_feedback: bool = False,
) -> list[SlackMessage]:
    """The messages to post for `answer`, in order; usually one. `share` adds the Share-in-channel button
    (for an answer only the asker sees); `shared_by` heads a publicly shared answer with who asked what;
    `native_feedback` puts Slack's own thumbs (agent conversations) in place of the Helpful / Not helpful buttons."""
    body: list[Block] = []
    if shared_by:
        body.append(section(f"<@{shared_by}> asked: _{escape(truncate(answer.question, 500))}_"))
    body += [section(piece) for piece in split_text(mrkdwn(answer.answer), SECTION_LIMIT)]
    if answer.credit:
        # Built here, not escaped: the author and verifier are real mentions.
        body.append(context("_" + badge(answer.credit, lambda user: f"<@{user}>") + "_"))
    sources = answer.sources[:MAX_SOURCES]
    if sources:
        body.append(context("*Sources*"))
        body += [source_block(i, source) for i, source in enumerate(sources, start=1)]

    footer_lines = [escape(answer.produced_by)]
    if answer.note:
        footer_lines.append(escape(answer.note))
    footer: list[Block] = [{"type": "divider"}, context(*footer_lines)]
    value = str(question_id) if question_id is not None else ""
    buttons = (
        []
        if native_feedback
        else [button("👍 Helpful", FEEDBACK_HELPFUL, value), button("👎 Not helpful", FEEDBACK_NOT_HELPFUL, value)]
    )
    if share:
        buttons.append(button("Share in channel", SHARE, value, style="primary"))
    if answer.mode == "community" and answer.card_id:
        # A community answer can go stale between reviews: anyone may send it back to the experts.
        buttons.append(button("Report outdated", REPORT_OUTDATED, answer.card_id.removeprefix("community-")))
    if escalate and answer.abstained and value:
        # When the bot cannot answer, a person may: the question goes to the experts channel (issue 11).
        buttons.append(button("Ask the experts", ASK_EXPERTS, value))
    if native_feedback:
        footer.append(feedback_block(value))
    if buttons:
        footer.append({"type": "actions", "block_id": "answer_actions", "elements": buttons})

    chunks = [body[i : i + BLOCKS_PER_MESSAGE] for i in range(0, len(body), BLOCKS_PER_MESSAGE)] or [[]]
    if len(chunks[-1]) + len(footer) > BLOCKS_PER_MESSAGE:
        chunks.append([])
    chunks[-1] = chunks[-1] + footer
    # The notification text is Slack markup too: escaped once, the credit's mentions kept as mentions.
    plain = mrkdwn(answer.text_with_note)
    if answer.credit:
        plain += "\n\n" + badge(answer.credit, lambda user: f"<@{user}>")
    fallback = truncate(plain, FALLBACK_LIMIT)
    return [SlackMessage(fallback if i == 0 else "(continued)", blocks) for i, blocks in enumerate(chunks)]


def feedback_block(question_id: str) -> Block:
    """Slack's native feedback buttons. No block_id: Slack wants a new one on every version of a message, and a
    streamed answer is updated in place."""
    return {
        "type": "context_actions",
        "elements": [
            {
                "type": "feedback_buttons",
                "action_id": FEEDBACK_NATIVE,
                "positive_button": {
                    "text": {"type": "plain_text", "text": "Helpful"},
                    "value": f"helpful:{question_id}",
                    "accessibility_label": "This answer was helpful",
                },
                "negative_button": {
                    "text": {"type": "plain_text", "text": "Not helpful"},
                    "value": f"not_helpful:{question_id}",
                    "accessibility_label": "This answer was not helpful",
                },
            }
        ],
    }


def notice(text: str) -> SlackMessage:
    """A short message in the bot's voice (help, apology, thanks)."""
    return SlackMessage(
        truncate(text, FALLBACK_LIMIT), [section(piece) for piece in split_text(text)[:BLOCKS_PER_MESSAGE]]
    )
