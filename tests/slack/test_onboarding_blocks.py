"""Slack's Block Kit limits for every onboarding message and modal, with the real pathway and knowledge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.config import PROJECT_ROOT, Settings
from bot.onboarding.content import PathwayContent
from bot.onboarding.pathway import ITEM_IDS, load_pathway, welcome_text
from bot.onboarding.service import ChecklistEntry
from bot.slack.blocks.onboarding import (
    OPEN,
    START_FLOW,
    TICK,
    channel_ref,
    detail_modal,
    welcome_blocks,
    welcome_fallback,
)
from tests.slack.onboarding_support import texts


def settings(tmp_path: Path) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        CMEBOT_DATA_DIR=tmp_path,
        CMEBOT_KNOWLEDGE_DIR=PROJECT_ROOT / "knowledge",
        CMEBOT_COMMUNITY_CHANNELS="C0GENERAL1,cme-planning",
        CMEBOT_WEBINAR_LINKS="https://example.org/planning-101",
    )


def check_limits(blocks: list[dict[str, Any]], max_blocks: int) -> None:
    assert 0 < len(blocks) <= max_blocks
    for block in blocks:
        if block["type"] == "section":
            assert len(block.get("text", {}).get("text", "")) <= 3000
            assert len(block.get("fields", [])) <= 10
            assert all(len(f["text"]) <= 2000 for f in block.get("fields", []))
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= 150
        if block["type"] == "actions":
            ids = [e["action_id"] for e in block["elements"]]
            assert len(ids) == len(set(ids)) and len(ids) <= 25
            assert all(len(e["text"]["text"]) <= 75 for e in block["elements"])
    block_ids = [b["block_id"] for b in blocks if "block_id" in b]
    assert len(block_ids) == len(set(block_ids))


def entries(done: set[str]) -> list[ChecklistEntry]:
    return [ChecklistEntry(item, item.id in done) for item in load_pathway().items]


@pytest.mark.parametrize("done", [set(), {"fundamentals", "webinar"}, set(ITEM_IDS)])
def test_welcome_message_fits_and_shows_progress(done: set[str]) -> None:
    text = welcome_text("Dana")
    blocks = welcome_blocks(load_pathway(), text, entries(done))
    check_limits(blocks, 50)
    actions = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    ticks = {e["value"] for e in actions if e["action_id"] == TICK}
    assert ticks == set(ITEM_IDS) - done  # "Mark done" only on steps still open
    assert {e["value"] for e in actions if e["action_id"] == START_FLOW} == {"mock_activity"}
    assert {e["value"] for e in actions if e["action_id"] == OPEN} == set(ITEM_IDS) - {"mock_activity"}
    if done == set(ITEM_IDS):
        assert "completed the pathway" in texts(blocks)
    assert welcome_fallback(text) == "Welcome to the CME community, Dana! Let's connect on the latest ACCME updates."


@pytest.mark.parametrize("item_id", ITEM_IDS)
def test_every_step_modal_fits(item_id: str, tmp_path: Path) -> None:
    detail = PathwayContent(load_pathway(), settings(tmp_path)).detail(item_id)
    for done in (False, True):
        modal = detail_modal(detail, done)
        assert len(modal["title"]["text"]) <= 24
        check_limits(modal["blocks"], 100)
        shown = texts(modal["blocks"])
        assert ("Mark done" in shown) is not done
        assert "**" not in shown  # Markdown bold from the knowledge files became Slack's *bold*


def test_communities_modal_links_channel_ids_and_names(tmp_path: Path) -> None:
    detail = PathwayContent(load_pathway(), settings(tmp_path)).detail("communities")
    shown = texts(detail_modal(detail, False)["blocks"])
    assert "<#C0GENERAL1>" in shown and "#cme-planning" in shown
    assert "*Society for Academic Continuing Medical Education (SACME)* (sacme.org)" in shown


def test_channel_ref() -> None:
    assert channel_ref("C0123ABCD") == "<#C0123ABCD>"
    assert channel_ref("#cme-general") == "#cme-general"
    assert channel_ref("cme-general") == "#cme-general"
