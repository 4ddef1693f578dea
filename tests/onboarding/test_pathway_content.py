"""The pathway file, the welcome text, and what each step shows, read from the real prompts and knowledge."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.config import PROJECT_ROOT
from bot.onboarding.content import PathwayContent
from bot.onboarding.pathway import ITEM_IDS, PathwayError, load_pathway, parse_pathway, welcome_text
from tests.onboarding.conftest import onboarding_settings


def content(tmp_path: Path, **overrides: object) -> PathwayContent:
    settings = onboarding_settings(tmp_path, CMEBOT_KNOWLEDGE_DIR=PROJECT_ROOT / "knowledge", **overrides)
    return PathwayContent(load_pathway(), settings)


def test_pathway_has_the_five_steps_and_both_mistakes() -> None:
    pathway = load_pathway()
    assert pathway.ids == ITEM_IDS
    titles = " ".join(m.title.lower() for m in pathway.mistakes)
    assert "needs assessment" in titles and "counts as cme" in titles


def test_a_pathway_file_missing_a_step_fails_loudly() -> None:
    data = yaml.safe_load((PROJECT_ROOT / "prompts" / "onboarding.yml").read_text())
    data["items"] = data["items"][:4]
    with pytest.raises(PathwayError, match="mock_activity"):
        parse_pathway(data)


def test_welcome_text_is_warm_and_named() -> None:
    text = welcome_text("Dana")
    assert text.startswith("Welcome to the CME community, Dana!")
    assert "ACCME" in text
    assert welcome_text().startswith("Welcome to the CME community!")


def test_fundamentals_primer_comes_from_the_pathway_page(tmp_path: Path) -> None:
    detail = content(tmp_path).detail("fundamentals")
    primer = detail.parts[0].bullets
    assert any("Who accredits whom" in b for b in primer)
    assert any("Ask me anything" in p.heading for p in detail.parts)
    assert detail.sources == ("Pathway for new CME professionals: five steps and common mistakes",)


def test_communities_lists_configured_channels_and_the_knowledge_associations(tmp_path: Path) -> None:
    detail = content(tmp_path, CMEBOT_COMMUNITY_CHANNELS="C0CMEGEN1,cme-planning").detail("communities")
    assert detail.channels == ("C0CMEGEN1", "cme-planning")
    bullets = " ".join(b for p in detail.parts for b in p.bullets)
    for site in ("acehp.org", "sacme.org", "gamecme.org"):
        assert site in bullets
    assert "annual" in bullets.lower()


def test_communities_follows_an_edited_knowledge_file(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge" / "community"
    knowledge.mkdir(parents=True)
    (knowledge / "professional-associations.md").write_text(
        "---\ntitle: Associations\n---\nSummary. Dates change every year.\n\n"
        "## Example Society of CME Planners\n\nThe society (web site **example.org**) holds an annual meeting "
        "each spring.\n"
    )
    settings = onboarding_settings(tmp_path, CMEBOT_KNOWLEDGE_DIR=tmp_path / "knowledge")
    detail = PathwayContent(load_pathway(), settings).detail("communities")
    bullets = [b for p in detail.parts for b in p.bullets]
    expected = "**Example Society of CME Planners** (example.org): The society holds an annual meeting each spring."
    assert bullets == [expected]
    assert "no community channels" in detail.parts[0].text.lower()


def test_missing_knowledge_is_said_not_invented(tmp_path: Path) -> None:
    settings = onboarding_settings(tmp_path, CMEBOT_KNOWLEDGE_DIR=tmp_path / "empty")
    service = PathwayContent(load_pathway(), settings)
    for item_id in ("fundamentals", "communities", "samples"):
        detail = service.detail(item_id)
        assert any("couldn't read" in p.text for p in detail.parts), item_id
        assert detail.sources == ()


def test_samples_compare_accredited_and_non_accredited_side_by_side(tmp_path: Path) -> None:
    table = content(tmp_path).detail("samples").comparison
    assert table is not None
    assert (table.left, table.right) == ("Accredited CME activity", "Non-accredited webinar")
    checks = [row[0] for row in table.rows]
    assert "Accreditation statement" in checks and "Credit designation" in checks


def test_webinar_links_or_an_honest_none(tmp_path: Path) -> None:
    none = content(tmp_path).detail("webinar")
    assert none.links == () and "no webinars" in none.parts[0].text.lower()
    links = content(tmp_path, CMEBOT_WEBINAR_LINKS="https://example.org/a, https://example.org/b").detail("webinar")
    assert links.links == ("https://example.org/a", "https://example.org/b")


def test_mock_activity_names_an_existing_flow(tmp_path: Path) -> None:
    detail = content(tmp_path).detail("mock_activity")
    assert detail.flow == "mock_activity"
    assert (PROJECT_ROOT / "prompts" / "flows" / f"{detail.flow}.yml").exists()


def test_copied_prompts_dir_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Operators edit prompts/ in place or point CMEBOT_PROMPTS_DIR elsewhere; the welcome must follow.
    prompts = tmp_path / "prompts"
    shutil.copytree(PROJECT_ROOT / "prompts", prompts)
    (prompts / "welcome.md").write_text("Hello {name}, glad you're here.")
    monkeypatch.setenv("CMEBOT_PROMPTS_DIR", str(prompts))
    from bot.config import get_settings

    get_settings.cache_clear()
    assert welcome_text("Sam") == "Hello Sam, glad you're here."
