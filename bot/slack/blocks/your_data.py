"""Block Kit for "Your data" in the App Home (what the bot holds about the member, how long, Export and Delete),
the delete confirmation modal, and the settings panel admins see (roles, answer channels, retention)."""

from __future__ import annotations

from typing import Any

from bot.services.member_data import MemberSummary
from bot.slack.blocks.onboarding import Block, button, context, header, section

EXPORT = "your_data_export"
DELETE = "your_data_delete"
DELETE_CALLBACK = "your_data_delete_confirm"

# How long each store is kept, in the member's words, keyed like bot/services/retention.py's STORES.
RETENTION_LABELS = {
    "questions": "questions and answers",
    "feedback": "votes",
    "unfinished_drafts": "unfinished drafts",
    "finished_drafts": "finished drafts",
    "outcomes": "outcomes analyses",
    "uploads": "shared documents",
    "disclosure_records": "series disclosure dates",
    "answer_jobs": "answer jobs",
    "events": "delivery records",
}


def _kept(days: int) -> str:
    return "until deleted" if days <= 0 else f"{days} days"


def retention_line(retention: dict[str, int]) -> str:
    return "; ".join(f"{RETENTION_LABELS.get(store, store)} {_kept(days)}" for store, days in retention.items())


def your_data_blocks(summary: MemberSummary, retention: dict[str, int]) -> list[Block]:
    counts = "\n".join(f"• {label}: *{count}*" for label, count in summary.lines())
    return [
        {"type": "divider"},
        header("Your data"),
        section(f"What I hold about you:\n{counts}"),
        context(
            "Who sees it: you. The bot's admins see totals, and questions from public channels that I could not "
            "answer; experts see a question when you send it to them; a community answer you wrote is shown with "
            "your name where its channel allows. Documents you share with me are used to answer everyone."
        ),
        context(f"How long I keep it: {retention_line(retention)}. Then it is deleted automatically."),
        {
            "type": "actions",
            "block_id": "your_data",
            "elements": [
                button("Export my data", EXPORT, "export"),
                button("Delete my data", DELETE, "delete", style="danger"),
            ],
        },
    ]


def delete_modal() -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": DELETE_CALLBACK,
        "title": {"type": "plain_text", "text": "Delete your data"},
        "submit": {"type": "plain_text", "text": "Delete"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            section(
                "*Delete everything I hold about you?* Your questions and my answers, your votes, your drafts "
                "(disclosure checks and outcomes included), series disclosure dates, documents you shared and your "
                "onboarding progress are deleted. This cannot be undone."
            ),
            context(
                "Community answers you wrote keep their text, credited to \u201ca former member\u201d (an admin "
                "can remove them). Questions you sent to the experts stay for them without your name. Messages in "
                "Slack itself are Slack's, not mine. Export first if you want a copy."
            ),
        ],
    }


def settings_blocks(roles: dict[str, Any], answer_channels: list[str], retention: dict[str, int]) -> list[Block]:
    """Admins: where roles come from, where mentions are answered, how long data is kept (read-only: settings)."""

    def who(entry: dict[str, Any]) -> str:
        users = ", ".join(f"<@{user}>" for user in entry.get("users") or []) or "nobody by id"
        groups = ", ".join(f"<!subteam^{group}>" for group in entry.get("groups") or [])
        return users + (f"; groups {groups}" if groups else "")

    channels = ", ".join(f"<#{channel}>" for channel in answer_channels) or "every channel I am in"
    return [
        {"type": "divider"},
        header("Settings (admins)"),
        section(
            f"*Admins:* {who(roles.get('admins') or {})}\n*Curators:* {who(roles.get('curators') or {})}\n"
            f"*Experts:* {who(roles.get('experts') or {})}\n*Mentions answered in:* {channels} (DMs and /cme always)"
        ),
        context(f"Retention: {retention_line(retention)}. Change these in the bot's settings (.env); `cmebot audit`."),
    ]
