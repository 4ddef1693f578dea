"""Block Kit for the curators' knowledge-review panel in App Home: what changed in the knowledge, and the answer
cards and community answers that cite it. Bounded (the Home view takes 100 blocks in all)."""

from __future__ import annotations

from bot.services.knowledge_release import PANEL_GROUPS, ReviewGroup
from bot.slack.blocks.onboarding import Block, clip, context, header, section
from bot.slack.text import escape

ITEMS_PER_GROUP = 8


def release_home_blocks(groups: list[ReviewGroup], installed: str | None, shipped: str) -> list[Block]:
    """One section per changed document: the headline, then the items that cite it. With nothing to review, one
    line with the installed release, so curators know the panel is there and current."""
    blocks: list[Block] = [{"type": "divider"}, header("Knowledge changes to review")]
    version = installed or "none recorded"
    if shipped and installed != shipped:
        version += f" (shipped: {shipped}, installed on the next `cmebot index` or start)"
    if not groups:
        blocks.append(context(f"Knowledge release {escape(version)}. Nothing cites a changed passage."))
        return blocks
    blocks.append(
        context(
            f"Knowledge release {escape(version)}. Community answers below stopped answering until an expert "
            "verifies them again (under *Saved answers to verify*); cards are left out until a maintainer re-reads "
            "them and runs `cmebot cards stamp ID`."
        )
    )
    for group in groups[:PANEL_GROUPS]:
        lines = [f"*{escape(group.headline())}*"]
        for entry in group.community[:ITEMS_PER_GROUP]:
            lines.append(f"• Community answer: {escape(clip(entry.question, 200))}")
        for entry in group.cards[:ITEMS_PER_GROUP]:
            question = f": {escape(clip(entry.question, 160))}" if entry.question else ""
            lines.append(f"• Answer card `{escape(entry.ref)}`{question}")
        hidden = max(0, len(group.community) - ITEMS_PER_GROUP) + max(0, len(group.cards) - ITEMS_PER_GROUP)
        if hidden:
            lines.append(f"…and {hidden} more (`cmebot knowledge status` lists them all)")
        blocks.append(section("\n".join(lines)))
    if len(groups) > PANEL_GROUPS:
        blocks.append(context(f"…and {len(groups) - PANEL_GROUPS} more changed documents: `cmebot knowledge status`."))
    return blocks
