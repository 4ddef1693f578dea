"""Knowledge releases: the shipped changelog is valid, and an upgrade on a small corpus copy where one section
changes marks exactly the cards and community answers that cite it, records the installed version, and
`cmebot knowledge status` says what changed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from bot.cli import app
from bot.config import PROJECT_ROOT
from bot.knowledge.cards import dump_cards, load_cards
from bot.knowledge.releases import (
    RELEASE_FILE,
    load_changelog,
    review_dates,
    validate_changelog,
    version_key,
)
from bot.runtime import Runtime
from bot.services.community import NewItem
from bot.services.knowledge_release import ReviewGroup, ReviewItem
from bot.slack.blocks.knowledge_release import release_home_blocks
from tests.conftest import SMALL_CORPUS, copy_corpus, make_settings

KNOWLEDGE = PROJECT_ROOT / "knowledge"
DOC = "accme/standard-3-financial-relationships.md"
STOCK = 'Does owning stock in an ineligible company make someone an "owner" who must be excluded?'
SENTENCE = "Record in the activity file which kind of holding was reported and how you applied the rule."
TEAM, OTHER_TEAM = "T1", "T2"
EXPERT = "UEXPERT"

FIRST = {
    "releases": [
        {
            "version": "2026.11.30",
            "date": "2026-11-30",
            "summary": "First numbered release.",
            "changes": [{"doc": DOC, "sections": [STOCK], "kind": "corrected", "what": "private stock corrected"}],
        }
    ]
}
NEXT_CHANGE = {
    "doc": DOC,
    "sections": [STOCK],
    "kind": "changed",
    "what": "holdings must now be recorded with their dates",
    "rule": "ACCME Standard 3",
    "effective_date": "2027-01-01",
}


def _write_release(knowledge: Path, *releases: dict) -> None:
    (knowledge / RELEASE_FILE).write_text(yaml.safe_dump({"releases": list(releases)}, sort_keys=False))


def _second_release() -> dict:
    return {"version": "2026.12.15", "date": "2026-12-15", "summary": "Standard 3 update.", "changes": [NEXT_CHANGE]}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The small corpus, every shipped card that cites only it, and a one-release changelog."""
    knowledge = copy_corpus(tmp_path / "knowledge")
    cards = [c for c in load_cards(KNOWLEDGE) if all(cite.doc in SMALL_CORPUS for cite in c.cites)]
    raw = [c.model_dump(mode="json", exclude={"source_file"}, exclude_defaults=True) for c in cards]
    (knowledge / "cards").mkdir()
    (knowledge / "cards" / "small.yml").write_text(dump_cards(raw), encoding="utf-8")
    _write_release(knowledge, FIRST["releases"][0])
    return knowledge


@pytest.fixture
def runtime(tmp_path: Path, corpus: Path, indexed_data: Path) -> Iterator[Runtime]:
    data = tmp_path / "data"
    shutil.copytree(indexed_data / "chroma", data / "chroma")  # the same four documents: nothing to embed
    runtime = Runtime(make_settings(tmp_path, corpus, CMEBOT_DATA_DIR=data, CMEBOT_EXPERTS=EXPERT))
    yield runtime
    runtime.close()


def _save(runtime: Runtime, question: str, answer: str, team: str = TEAM, by: str = EXPERT) -> int:
    new = NewItem(team_id=team, question=question, answer=answer, saved_by=by, visibility="workspace")
    return runtime.community.save(new, runtime.embed_texts([question])).id


def _change_the_stock_section(knowledge: Path) -> None:
    path = knowledge / DOC
    text = path.read_text(encoding="utf-8")
    assert text.count(SENTENCE) == 1
    path.write_text(text.replace(SENTENCE, "Record each holding with the date it was acquired."), encoding="utf-8")
    _write_release(knowledge, _second_release(), FIRST["releases"][0])


def _stock_cards(knowledge: Path) -> set[str]:
    return {c.id for c in load_cards(knowledge) if any(cite.section == STOCK for cite in c.cites)}


# --- the shipped changelog ---------------------------------------------------------------------------------------
def test_the_shipped_changelog_is_valid() -> None:
    assert validate_changelog(KNOWLEDGE) == []
    changelog = load_changelog(KNOWLEDGE)
    assert changelog.releases[-1].version == "2026.11.30"  # the first numbered release
    assert changelog.version == changelog.releases[0].version == "2026.12.01.4"  # rules changed since (ABIM, ...)
    docs = {change.doc for release in changelog.releases for change in release.changes}
    assert {DOC, "accme/accreditation-statuses.md", "accme/standard-5-ancillary-activities.md"} <= docs
    for release in changelog.releases:
        assert release.date <= date.today()


def test_validation_catches_a_missing_document_an_unknown_section_bad_order_and_a_wrong_date(tmp_path: Path) -> None:
    knowledge = copy_corpus(tmp_path / "knowledge")
    older = {"version": "2026.12.15", "date": "2026-12-15", "changes": [{"doc": "accme/nope.md", "what": "gone"}]}
    newer = {
        "version": "2026.12.01",
        "date": "2026-12-02",
        "changes": [{"doc": DOC, "sections": ["No such heading"], "what": "x y z"}],
    }
    _write_release(knowledge, newer, older)
    problems = "\n".join(validate_changelog(knowledge))
    assert "accme/nope.md does not exist" in problems
    assert "has no section 'No such heading'" in problems
    assert "2026.12.01 is listed before 2026.12.15" in problems
    assert "2026.12.01: the version's date part does not match its date 2026-12-02" in problems
    (knowledge / RELEASE_FILE).write_text("releases:\n  - version: 2026-13\n    date: not a date\n")
    assert "not valid" in validate_changelog(knowledge)[0]


def test_versions_compare_as_numbers() -> None:
    assert version_key("2026.12.1") > version_key("2026.11.30")
    assert version_key("2026.12.1.1") > version_key("2026.12.1")


def test_review_dates_are_oldest_first_and_stale_ones_flagged(tmp_path: Path) -> None:
    knowledge = copy_corpus(tmp_path / "knowledge")
    old = knowledge / "ama" / "credit-calculation-by-format.md"
    old.write_text(old.read_text().replace("last_reviewed: 2026-11-30", "last_reviewed: 2024-05-01"))
    dates = review_dates(knowledge)
    assert dates[0].doc == "ama/credit-calculation-by-format.md"
    assert dates[0].stale(date(2026, 11, 30)) and not dates[-1].stale(date(2026, 11, 30))


# --- an upgrade ------------------------------------------------------------------------------------------------
def test_an_upgrade_marks_exactly_what_cites_the_changed_section(runtime: Runtime, corpus: Path) -> None:
    report = runtime.index()
    assert report.skipped == [] and report.unchanged == len(SMALL_CORPUS)  # RELEASE.yml and cards are not indexed
    assert runtime.releases.installed().version == "2026.11.30"
    assert runtime.releases.open_reviews() == []  # every card matched its sections at install

    stock = _save(
        runtime,
        "Does stock in a private ineligible startup make our faculty member an owner?",
        "Yes. Stock in a privately held ineligible company makes them an owner, so they cannot control content.",
    )
    travel = _save(
        runtime,
        "Can commercial support pay for learners' travel and hotel?",
        "No. Commercial support may not pay for learners' travel, lodging or honoraria.",
    )
    elsewhere = _save(
        runtime,
        "Is private company stock ownership a reason to exclude a planner?",
        "Yes, privately held ineligible company stock makes the planner an owner.",
        team=OTHER_TEAM,
        by="UMEMBER",  # not an expert: pending
    )
    assert any(c.doc == DOC and c.section == STOCK for c in runtime.releases.citations(stock))
    assert all(c.section != STOCK for c in runtime.releases.citations(travel))
    assert runtime.releases.citations(travel), "the commercial-support answer cites Standard 4"

    _change_the_stock_section(corpus)
    report = runtime.index()
    assert report.updated == [f"kb:{DOC}"]  # re-indexed by content hash, as before

    assert runtime.releases.installed().version == "2026.12.15"
    groups = runtime.releases.open_reviews()
    assert len(groups) == 1
    [group] = groups
    assert group.doc == DOC and group.release == "2026.12.15" and group.kind == "changed"
    assert {e.ref for e in group.cards} == _stock_cards(corpus) and len(group.cards) >= 2
    assert {e.ref for e in group.community} == {str(stock), str(elsewhere)}
    assert group.headline().startswith(
        "ACCME changed Standard 3: Identify, Mitigate, and Disclose Relevant Financial Relationships in 2026.12.15 "
        "(holdings must now be recorded with their dates): 2 community answers and "
    )
    # The verified answer stops answering; the pending one waits for an expert as it did; the other is untouched.
    assert runtime.community.get(stock).status == "needs_review"
    assert "holdings must now be recorded with their dates" in runtime.community.get(stock).note
    assert runtime.community.get(elsewhere).status == "pending"
    assert runtime.community.get(travel).status == "verified"
    # One workspace's curators see their own community answers only; cards are everyone's.
    [mine] = runtime.releases.open_reviews(team_id=TEAM)
    assert [e.ref for e in mine.community] == [str(stock)] and mine.cards == group.cards
    # The cards are still left out at start-up, as before.
    usable = {card.id for card in runtime.load_cards().cards}
    assert not usable & _stock_cards(corpus)

    # A restart (or a replica) checks again: nothing is marked twice.
    again = runtime.releases.upgrade(force=True)
    assert again.cards == [] and again.community == []

    # Reviews close when the work is done: the cards stamped again, the answer re-verified.
    from bot.knowledge.cards import stamp

    stamp(corpus, sorted(_stock_cards(corpus)))
    runtime.community.verify(stock, EXPERT)
    runtime.community.reject(elsewhere, EXPERT)
    assert runtime.releases.open_reviews() == []
    assert all(c.hash for c in runtime.releases.citations(stock))
    assert runtime.releases.upgrade(force=True).community == []  # re-stamped to the text the expert verified


def test_a_local_edit_without_a_changelog_entry_is_marked_too(runtime: Runtime, corpus: Path) -> None:
    runtime.index()
    path = corpus / DOC
    path.write_text(path.read_text().replace(SENTENCE, "A local rewording."), encoding="utf-8")
    runtime.index()
    [group] = runtime.releases.open_reviews()
    assert group.release == "2026.11.30" and group.kind == ""
    assert "no changelog entry" in group.what
    assert runtime.releases.installed().version == "2026.11.30"


def test_knowledge_status_names_what_changed_since_the_installed_version(
    runtime: Runtime, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = runtime.settings
    for name, value in (
        ("CMEBOT_DATA_DIR", settings.data_dir),
        ("CMEBOT_KNOWLEDGE_DIR", settings.knowledge_dir),
        ("CMEBOT_OUTPUT_DIR", settings.output_dir),
    ):
        monkeypatch.setenv(name, str(value))
    runtime.index()
    _change_the_stock_section(corpus)

    before = CliRunner().invoke(app, ["knowledge", "status"])
    assert before.exit_code == 0, before.output
    assert "shipped:   2026.12.15 (2026-12-15)" in before.output
    assert "installed: 2026.11.30" in before.output
    assert "2026.12.15 (2026-12-15): Standard 3 update." in before.output
    assert "holdings must now be recorded with their dates (ACCME Standard 3; effective 2027-01-01)" in before.output
    assert "private stock corrected" not in before.output  # installed already: not "since"
    assert "2026-11-30  accme/standard-3-financial-relationships.md" in before.output

    index = CliRunner().invoke(app, ["index"])
    assert index.exit_code == 0, index.output
    after = CliRunner().invoke(app, ["knowledge", "status"])
    assert after.exit_code == 0, after.output
    assert "installed: 2026.12.15" in after.output
    assert "Changes since the installed version: none" in after.output
    assert "ACCME changed Standard 3" in after.output and "answer cards cite it" in after.output
    for card in _stock_cards(corpus):
        assert f"cmebot cards stamp {card}" in after.output


# --- the curators' panel ------------------------------------------------------------------------------------------
def test_the_panel_lists_each_change_with_what_cites_it() -> None:
    group = ReviewGroup(
        DOC,
        "Standard 3 <disclosure>",
        "ACCME",
        "2026.12.15",
        "holdings & dates",
        "ACCME Standard 3",
        "changed",
        cards=[ReviewItem("card", "s3-stock-private", "Is private stock ownership?")],
        community=[ReviewItem("community", str(n), f"Question {n}?") for n in range(3)],
    )
    blocks = release_home_blocks([group], "2026.12.15", "2026.12.15")
    text = "\n".join(str(b.get("text", {}).get("text", "")) for b in blocks)
    assert blocks[1]["text"]["text"] == "Knowledge changes to review"
    assert (
        "*ACCME changed Standard 3 &lt;disclosure&gt; in 2026.12.15 (holdings &amp; dates): "
        "3 community answers and 1 answer card cite it*" in text
    )
    assert "• Community answer: Question 2?" in text and "• Answer card `s3-stock-private`" in text

    many = [
        ReviewGroup(f"d{n}.md", f"Doc {n}", "ACCME", "1", "w", "", "corrected", cards=group.cards) for n in range(9)
    ]
    blocks = release_home_blocks(many, "1", "2")
    assert len(blocks) <= 3 + 5 + 1
    assert "installed on the next" in blocks[2]["elements"][0]["text"]
    assert "4 more changed documents" in blocks[-1]["elements"][0]["text"]
    assert "ACCME: Doc 0 corrected in 1 (w): 1 answer card cites it" in str(blocks)

    quiet = release_home_blocks([], "2026.11.30", "2026.11.30")
    assert "Nothing cites a changed passage" in quiet[-1]["elements"][0]["text"]
