"""Block Kit for the App Home tab. Slack rejects a Home view over 100 blocks, so lists are bounded in the
model (bot.onboarding.home) and `cap` trims anything that still overflows, keeping the first blocks."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from bot.onboarding.home import HomeModel, QuestionEntry
from bot.onboarding.pathway import Pathway
from bot.slack.blocks.onboarding import Block, button, checklist_blocks, clip, context, header, section
from bot.slack.text import escape

MAX_BLOCKS = 100
RESUME = "home_resume_draft"


def cap(blocks: list[Block], limit: int = MAX_BLOCKS) -> list[Block]:
    if len(blocks) <= limit:
        return blocks
    return [*blocks[: limit - 1], context("Some older items are not shown here.")]


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "never"


def _questions(entries: tuple[QuestionEntry, ...], empty: str) -> Block:
    if not entries:
        return context(empty)
    lines = []
    for entry in entries:
        mark = "" if entry.answered else " _(not answered)_"
        lines.append(f"• {escape(clip(entry.question, 200))}{mark}  ·  {entry.asked_at:%Y-%m-%d}")
    return section("\n".join(lines))


def draft_value(flow: str, draft_id: int | str) -> str:
    return json.dumps({"flow": flow, "draft_id": draft_id})


def home_blocks(model: HomeModel, pathway: Pathway) -> list[Block]:
    blocks: list[Block] = [header(model.checklist_title), *checklist_blocks(pathway, model.checklist)]

    blocks += [{"type": "divider"}, header("Saved drafts")]
    if model.drafts:
        for draft in model.drafts:
            text = f"*{escape(draft.title)}*\n{escape(draft.step_label)}"
            if draft.updated_at:
                text += f"  ·  last edited {_when(draft.updated_at)}"
            resume = button("Resume", RESUME, draft_value(draft.flow, draft.id))
            blocks.append(section(text, accessory=resume))
        if model.more_drafts:
            blocks.append(context(f"…and {model.more_drafts} more"))
    else:
        blocks.append(context("No drafts yet. Guided flows save your progress here so you can pick up later."))

    blocks += [{"type": "divider"}, header("Your recent questions")]
    blocks.append(_questions(model.recent_questions, "You haven't asked me anything yet. Try a DM or a mention."))

    if model.admin is not None:
        admin = model.admin
        blocks += [{"type": "divider"}, header("Admin")]
        if admin.knowledge is None:
            blocks.append(section("*Knowledge base:* status unavailable (the index could not be read)."))
        else:
            kb = admin.knowledge
            blocks.append(
                section(
                    f"*Knowledge base:* {kb.documents} documents, {kb.chunks} chunks, "
                    f"last indexed {_when(kb.last_indexed)}"
                )
            )
        counts = admin.counts
        blocks.append(
            section(
                f"*Questions:* {counts.questions} asked, {counts.answered} answered, {counts.abstained} declined\n"
                f"*Feedback:* {counts.helpful} helpful, {counts.not_helpful} not helpful"
            )
        )
        blocks.append(section("*Recent unanswered questions*"))
        blocks.append(_questions(admin.unanswered, "None. Every recent question was answered."))
    return cap(blocks)


def home_view(model: HomeModel, pathway: Pathway) -> dict[str, Any]:
    return {"type": "home", "blocks": home_blocks(model, pathway)}
