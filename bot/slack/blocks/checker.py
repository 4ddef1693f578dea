"""Block Kit for the accreditation checker's result: the verdict first, then the facts, red flags and findings
with the rule and source of each. Pure functions; no Slack connection."""

from __future__ import annotations

from typing import Any

from bot.checker.check import CheckResult
from bot.checker.render import VERDICT_TITLES, flag_label
from bot.slack.text import escape, truncate

CHECK_SHORTCUT = "check_accreditation"
VERDICT_ICONS = {
    "statements_complete": ":white_check_mark:",
    "statements_incomplete": ":warning:",
    "no_accreditation_statement": ":x:",
}
# What a member reads when the check itself fails (the error is logged, never shown).
UNEXPECTED = "Sorry, I couldn't check that flyer this time. Please try again in a minute, or paste its text."
MAX_FINDINGS = 12  # a message stays readable; the console and --json show every finding


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": truncate(text, 3000)}}


def check_message(result: CheckResult, checked: str) -> tuple[str, list[dict[str, Any]]]:
    """(fallback text, blocks) for a check result; the fallback is Slack markup, escaped once."""
    title = VERDICT_TITLES[result.verdict]
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": truncate(f"Is it accredited? {title}", 150)}},
        _section(f"{VERDICT_ICONS[result.verdict]} *{escape(result.summary)}*"),
    ]
    facts = [
        ("Accreditor", result.accreditor),
        ("Provider", result.provider),
        ("Joint provider", result.joint_provider),
        ("Credit", f"{result.credit['amount']:g} {result.credit['type']}" if result.credit else None),
    ]
    fields = [{"type": "mrkdwn", "text": f"*{label}*\n{escape(value)}"} for label, value in facts if value]
    if fields:
        blocks.append({"type": "section", "fields": [{**f, "text": truncate(f["text"], 2000)} for f in fields]})
    if result.red_flags:
        flags = "\n".join(f"• {escape(flag_label(flag))}" for flag in result.red_flags)
        blocks.append(_section(f"*Red flags*\n{flags}"))
    lines = [
        f"{number}. {escape(finding.finding)} _{escape(finding.rule)}_ <{finding.source}|source>"
        for number, finding in enumerate(result.findings[:MAX_FINDINGS], 1)
    ]
    if lines:
        blocks.append(_section("*Findings*\n" + "\n".join(lines)))
    context = [f"Checked {escape(checked)}; confidence {result.confidence}."] + [escape(n) for n in result.notes]
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": truncate(" ".join(context), 3000)}]})
    return truncate(escape(f"{title}: {result.summary}"), 3000), blocks
