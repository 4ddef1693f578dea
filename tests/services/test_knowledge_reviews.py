"""Knowledge reviews on SQLite and PostgreSQL: the installed release, marks that replicas do not repeat, a section
that disappears, and an answer re-verified against the new text."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.knowledge.cards import dump_cards, load_cards
from bot.knowledge.releases import Citation, current_hash
from bot.services.community import CommunityStore, NewItem
from bot.services.knowledge_release import KnowledgeReleases
from bot.storage.db import Database
from tests.conftest import copy_corpus, make_settings

DOC = "accme/standard-3-financial-relationships.md"
STOCK = 'Does owning stock in an ineligible company make someone an "owner" who must be excluded?'
LOOKBACK = "Who must disclose financial relationships, and how far back (24-month lookback)?"
EXPERT = "UEXP"


def _setup(tmp_path: Path, db: Database) -> tuple[Path, KnowledgeReleases, CommunityStore]:
    knowledge = copy_corpus(tmp_path / "knowledge", [DOC])
    shipped = load_cards(Path(__file__).resolve().parents[2] / "knowledge")
    cards = [c for c in shipped if all(x.doc == DOC for x in c.cites)]
    (knowledge / "cards").mkdir()
    raw = [c.model_dump(mode="json", exclude={"source_file"}, exclude_defaults=True) for c in cards]
    (knowledge / "cards" / "s3.yml").write_text(dump_cards(raw), encoding="utf-8")
    settings = make_settings(tmp_path, knowledge)
    community = CommunityStore(db, lambda user: user == EXPERT)
    return knowledge, KnowledgeReleases(db, lambda: settings, community), community


def _item(community: CommunityStore, releases: KnowledgeReleases, knowledge: Path, *sections: str) -> int:
    item = community.save(NewItem(team_id="T1", question="a saved question", answer="its answer", saved_by=EXPERT), [])
    releases.cite(item.id, [Citation(DOC, s, current_hash(knowledge, DOC, s)) for s in sections])
    return item.id


def _release(knowledge: Path, version: str, what: str) -> None:
    change = {"doc": DOC, "kind": "changed", "what": what}
    data = {"releases": [{"version": version, "date": version.replace(".", "-"), "changes": [change]}]}
    (knowledge / "RELEASE.yml").write_text(yaml.safe_dump(data))


def test_marks_are_made_once_and_close_when_the_answer_is_reverified(tmp_path: Path, db: Database) -> None:
    knowledge, releases, community = _setup(tmp_path, db)
    _release(knowledge, "2026.11.30", "first")
    both = _item(community, releases, knowledge, STOCK, LOOKBACK)
    lookback_only = _item(community, releases, knowledge, LOOKBACK)
    first = releases.upgrade()
    assert first.checked and first.installed and first.previous is None and not first.cards
    assert releases.installed().version == "2026.11.30"  # type: ignore[union-attr]
    assert not releases.upgrade().checked  # nothing moved: no check

    # The stock section is renamed away: its citations point at a section that no longer exists.
    path = knowledge / DOC
    path.write_text(path.read_text().replace(f"## {STOCK}", "## Stock and ownership"), encoding="utf-8")
    _release(knowledge, "2026.12.15", "stock section reorganised")
    outcome = releases.upgrade()
    assert outcome.community == [both] and outcome.previous == "2026.11.30"
    assert outcome.cards and outcome.changed_docs == [DOC]
    assert community.get(both).status == "needs_review"  # type: ignore[union-attr]
    assert community.get(lookback_only).status == "verified"  # type: ignore[union-attr]

    replica = KnowledgeReleases(db, releases._settings, CommunityStore(db, lambda user: user == EXPERT))
    assert replica.upgrade(force=True).community == []  # another process checking the same change marks nothing

    [group] = releases.open_reviews()
    assert group.what == "stock section reorganised" and [e.ref for e in group.community] == [str(both)]
    community.verify(both, EXPERT)
    assert all(not g.community for g in releases.open_reviews())
    # Verified against the new text: the vanished section is no longer cited, the other one still is.
    assert [c.section for c in releases.citations(both)] == [LOOKBACK]


def test_an_incomplete_index_does_not_record_the_release(tmp_path: Path, db: Database) -> None:
    from bot.knowledge.indexer import IndexReport

    knowledge, releases, _ = _setup(tmp_path, db)
    _release(knowledge, "2026.11.30", "first")
    held = IndexReport(held_back=[(str(knowledge / DOC), "planted instructions")])
    outcome = releases.upgrade(held)
    assert outcome.checked and not outcome.installed and releases.installed() is None
    assert releases.upgrade(IndexReport()).installed  # once everything is indexed
