"""Block Kit for community knowledge: the save form, the escalation post, the save offer, the experts' App Home."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from bot.services.community import Item
from bot.services.pseudonyms import display  # members who left: "a former member", not a mention
from bot.slack.blocks.onboarding import Block, button, clip, context, header, section
from bot.slack.text import escape, truncate

SAVE_CALLBACK = "community_save"
SAVE_SHORTCUT = "save_to_knowledge"
OFFER_SAVE = "community_offer_save"
VERIFY = "community_verify"
REJECT = "community_reject"
DRAFT = "community_draft_answer"
EVIDENCE = "community_needs_evidence"
VERIFY_UPLOAD = "community_verify_upload"
TOPICS = [
    ("accreditation", "Accreditation and the Standards"),
    ("ama-credit", "AMA PRA credit"),
    ("joint-accreditation", "Joint Accreditation / IPCE"),
    ("eaccme", "EACCME"),
    ("outcomes", "Outcomes and needs assessment"),
    ("operations", "Running a CME office"),
]


def _option(value: str, label: str) -> dict[str, Any]:
    return {"text": {"type": "plain_text", "text": label[:75]}, "value": value}


def save_modal(
    *, question: str, answer: str, author: str, metadata: dict[str, Any], visibility: str, allow_workspace: bool
) -> dict[str, Any]:
    """The save form, prefilled: question (thread root), answer (the chosen message), topic, authority link,
    review-by date (12 months), and who may see it (derived from the channel; an expert may widen it)."""
    visibilities = [_option("channel", "Only this conversation's members")]
    if allow_workspace:
        visibilities.insert(0, _option("workspace", "Everyone in this workspace"))
    chosen = next((o for o in visibilities if o["value"] == visibility), visibilities[0])
    review_by = date.fromisoformat(metadata["review_by"]) if metadata.get("review_by") else None
    blocks: list[Block] = [
        context(
            f"Answer by <@{author}>. Saved answers are checked by an expert before the bot uses them."
            if author
            else "Saved answers are checked by an expert before the bot uses them."
        ),
        _input("question", "Question", question, multiline=True, max_length=2000),
        _input("answer", "Answer", answer, multiline=True, max_length=3000),
        {
            "type": "input",
            "block_id": "topic",
            "optional": True,
            "label": {"type": "plain_text", "text": "Topic"},
            "element": {
                "type": "static_select",
                "action_id": "value",
                "options": [_option(value, label) for value, label in TOPICS],
            },
        },
        {
            "type": "input",
            "block_id": "authority_url",
            "optional": True,
            "label": {"type": "plain_text", "text": "Authority link (optional)"},
            "element": {"type": "url_text_input", "action_id": "value"},
        },
        {
            "type": "input",
            "block_id": "review_by",
            "label": {"type": "plain_text", "text": "Review by"},
            "element": {
                "type": "datepicker",
                "action_id": "value",
                **({"initial_date": review_by.isoformat()} if review_by else {}),
            },
        },
        {
            "type": "input",
            "block_id": "visibility",
            "label": {"type": "plain_text", "text": "Who may get this answer"},
            "element": {
                "type": "static_select",
                "action_id": "value",
                "options": visibilities,
                "initial_option": chosen,
            },
        },
    ]
    return {
        "type": "modal",
        "callback_id": SAVE_CALLBACK,
        "title": {"type": "plain_text", "text": "Save to CME knowledge"},
        "submit": {"type": "plain_text", "text": "Save"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "private_metadata": json.dumps(metadata)[:3000],
        "blocks": blocks,
    }


def _input(block_id: str, label: str, initial: str, *, multiline: bool, max_length: int) -> Block:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": "value",
        "multiline": multiline,
        "max_length": max_length,
    }
    if initial:
        element["initial_value"] = truncate(initial, max_length)
    return {"type": "input", "block_id": block_id, "label": {"type": "plain_text", "text": label}, "element": element}


def submitted(values: dict[str, Any]) -> dict[str, str]:
    """The form's values by block id (text, selected option, date)."""
    out: dict[str, str] = {}
    for block_id, actions in values.items():
        value = (actions or {}).get("value") or {}
        if value.get("selected_option"):
            out[block_id] = str(value["selected_option"].get("value") or "")
        elif value.get("selected_date"):
            out[block_id] = str(value["selected_date"])
        else:
            out[block_id] = str(value.get("value") or "")
    return out


def mention(member: str) -> str:
    return f"<!subteam^{member}>" if member.startswith("S") else f"<@{member}>"


def escalation_blocks(
    asker: str, question: str, attempt: str | None, topic: str | None = None, tagged: list[str] | None = None
) -> tuple[str, list[Block]]:
    text = f"Question for the experts from <@{asker}>: {clip(question, 500)}"
    blocks = [section(f":raising_hand: *Question for the experts* from <@{asker}>\n>{escape(clip(question, 2500))}")]
    if tagged:
        label = dict(TOPICS).get(topic or "", topic or "")
        blocks.append(section(f"*{escape(label)}:* " + " ".join(mention(member) for member in tagged)))
    if attempt:
        blocks.append(context(f"The bot's attempt: {escape(clip(attempt, 600))}"))
    blocks.append(
        context(
            "Reply in this thread. The asker is told when an expert answers, and the expert can save the reply "
            "as a verified answer for the next member who asks."
        )
    )
    return text, blocks


def offer_blocks(escalation_id: int, reply_ts: str) -> list[Block]:
    value = json.dumps({"escalation": escalation_id, "ts": reply_ts})
    return [
        section(
            "Save this reply as a verified answer? The next member who asks gets it, credited to you.",
            accessory=button("Save as verified answer", OFFER_SAVE, value, style="primary"),
        )
    ]


def experts_home_blocks(pending: list[Item], waiting: list[Any], uploads: list[Any] | None = None) -> list[Block]:
    blocks: list[Block] = [{"type": "divider"}, header("Community knowledge")]
    blocks.append(section("*Questions waiting for an expert* (oldest first)"))
    if waiting:
        lines = [
            f"• {escape(clip(e.question, 200))} · {display(e.asker_id)} · {e.created_at:%Y-%m-%d}" for e in waiting[:10]
        ]
        blocks.append(section("\n".join(lines)))
    else:
        blocks.append(context("None waiting."))
    if uploads:
        blocks.append(section("*Documents shared by admins, unreviewed*"))
        for upload in uploads[:10]:
            blocks.append(
                section(
                    f"{escape(upload.name)} · shared by {display(upload.uploader)} on {upload.uploaded_at:%Y-%m-%d}",
                    accessory=button("Verify", VERIFY_UPLOAD, str(upload.id), style="primary"),
                )
            )
    blocks.append(section("*Saved answers to verify*"))
    if not pending:
        blocks.append(context("Nothing to verify."))
    for item in pending[:10]:
        status = "pending"
        if item.status == "needs_review":
            # The note says why: the Slack message edited, past its review-by date, reported, or the knowledge it
            # cites changed (bot/services/knowledge_release.py).
            status = f"needs review: {escape(clip(item.note, 300))}" if item.note else "needs review"
        blocks.append(
            section(
                f"*{escape(clip(item.question, 300))}*\n{escape(clip(item.answer, 600))}\n"
                f"_{status}; saved by {display(item.saved_by)}_"
            )
        )
        blocks.append(
            {
                "type": "actions",
                "block_id": f"community_item_{item.id}",
                "elements": [
                    button("Verify", VERIFY, str(item.id), style="primary"),
                    button("Reject", REJECT, str(item.id), style="danger"),
                ],
            }
        )
    return blocks


def digest_blocks(report: Any) -> tuple[str, list[Block]]:
    """The weekly digest: counts, the clusters the bot declines or answers unhelpfully (each with "Draft an
    answer"), the most asked, and the backlog. Example questions are public ones only (the report's rule)."""
    text = (
        f"CME assistant, last 7 days: {report.questions} questions, {report.declined} declined, "
        f"{report.not_helpful} not helpful, {report.waiting_for_experts} waiting for an expert"
    )
    blocks: list[Block] = [header("Weekly gaps digest"), section(escape(text))]
    for title, clusters, draft in (
        ("Declined: gaps in the knowledge", report.declined_clusters, True),
        ("Answered but not helpful", report.not_helpful_clusters, True),
        ("Most asked", report.top, False),
    ):
        blocks.append(section(f"*{title}*"))
        if not clusters:
            blocks.append(context("Nothing repeated this week."))
        for cluster in clusters[:5]:
            line = f"*{cluster.count} x* {escape(clip(cluster.label, 300))}"
            if draft and cluster.examples:
                blocks.append(section(line, accessory=button("Draft an answer", DRAFT, cluster.examples[0][:1900])))
                # The community's own repeated questions are legitimate needs-assessment evidence.
                evidence = json.dumps({"count": cluster.count, "examples": [e[:300] for e in cluster.examples[:3]]})
                blocks.append(
                    {
                        "type": "actions",
                        "elements": [button("Use as needs-assessment evidence", EVIDENCE, evidence[:1990])],
                    }
                )
            else:
                blocks.append(section(line))
    if report.past_review:
        blocks.append(
            section("*Community answers past review*\n" + "\n".join(escape(p) for p in report.past_review[:10]))
        )
    if report.stale_documents:
        blocks.append(
            section("*Documents not reviewed for a year*\n" + "\n".join(escape(d) for d in report.stale_documents[:10]))
        )
    return text, blocks[:50]


def gaps_home_blocks(report: Any) -> list[Block]:
    blocks: list[Block] = [{"type": "divider"}, header("Gaps, last 30 days")]
    blocks.append(
        section(
            f"{report.questions} questions, {report.declined} declined, {report.not_helpful} not helpful, "
            f"{report.waiting_for_experts} waiting for an expert, {len(report.past_review)} community answers "
            f"past review, {len(report.stale_documents)} documents not reviewed for a year."
        )
    )
    if report.declined_clusters:
        lines = [f"• *{c.count} x* {escape(clip(c.label, 200))}" for c in report.declined_clusters[:5]]
        blocks.append(section("*Most declined*\n" + "\n".join(lines)))
    else:
        blocks.append(context("No declined question was asked twice."))
    blocks.append(context("`cmebot insights --since 30d --chart gaps.png` prints the full report."))
    return blocks
