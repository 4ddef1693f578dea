"""Community items: the lifecycle, who may see what (with a randomized leak test), export and import."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.services.community import Audience, CommunityStore, NewItem
from bot.storage.db import Database

EXPERTS = {"UEXPERT"}
VECTOR = [[1.0, 0.0, 0.0]]


def _store(db: Database) -> CommunityStore:
    return CommunityStore(db, lambda user: user in EXPERTS)


def _new(**fields: object) -> NewItem:
    values: dict[str, object] = {
        "team_id": "T1",
        "question": "Which LMS do members use for enduring materials?",
        "answer": "Most of us use the LMS our hospital already licenses; the ACCME does not endorse any.",
        "saved_by": "UEXPERT",
        "author_id": "UAUTHOR",
        "channel_id": "C1",
    }
    values.update(fields)
    return NewItem(**values)  # type: ignore[arg-type]


def test_an_expert_save_is_verified_and_anyone_elses_is_pending(db: Database) -> None:
    store = _store(db)
    verified = store.save(_new(), VECTOR)
    pending = store.save(_new(saved_by="UMEMBER"), VECTOR)
    assert (verified.status, verified.verifier_id) == ("verified", "UEXPERT")
    assert (pending.status, pending.verifier_id) == ("pending", "")
    audience = Audience(team_id="T1", channel_id="C1", user_id="U9")
    assert [item.id for item in store.visible(audience)] == [verified.id]


def test_only_experts_verify_or_reject(db: Database) -> None:
    store = _store(db)
    item = store.save(_new(saved_by="UMEMBER"), VECTOR)
    with pytest.raises(PermissionError):
        store.verify(item.id, "UMEMBER")
    assert store.verify(item.id, "UEXPERT", visibility="workspace").status == "verified"
    assert store.get(item.id).visibility == "workspace"  # type: ignore[union-attr]
    assert store.reject(item.id, "UEXPERT").status == "rejected"


def test_edits_and_deletions_of_the_saved_message_take_the_item_out_of_service(db: Database) -> None:
    store = _store(db)
    edited = store.save(_new(source_ts="111.1"), VECTOR)
    deleted = store.save(_new(source_ts="222.2"), VECTOR)
    assert [i.id for i in store.source_changed("T1", "C1", "111.1")] == [edited.id]
    assert [i.id for i in store.source_deleted("T1", "C1", "222.2")] == [deleted.id]
    assert store.get(edited.id).status == "needs_review"  # type: ignore[union-attr]
    assert store.get(deleted.id).status == "retired"  # type: ignore[union-attr]
    assert store.visible(Audience(team_id="T1", channel_id="C1")) == []
    # A non-expert's edit is pending again; an expert's edit is verified.
    assert store.edit(edited.id, "UMEMBER", question="Which LMS?", answer="Any.", vectors=VECTOR).status == "pending"
    assert store.edit(edited.id, "UEXPERT", question="Which LMS?", answer="Any.", vectors=VECTOR).status == "verified"


def test_items_past_review_are_demoted(db: Database) -> None:
    store = _store(db)
    old = store.save(_new(review_by=date.today() - timedelta(days=1)), VECTOR)
    fresh = store.save(_new(), VECTOR)
    assert [i.id for i in store.review_due()] == [old.id]
    assert [i.id for i in store.visible(Audience(team_id="T1", channel_id="C1"))] == [fresh.id]


def test_export_and_import_round_trip(db: Database, tmp_path: Path) -> None:
    store = _store(db)
    first = store.save(_new(paraphrases=["best LMS for enduring CME?"], topic="enduring"), VECTOR)
    store.save(_new(saved_by="UMEMBER", question="Do we need a new needs assessment each year?"), VECTOR)
    files = store.export_markdown(tmp_path / "export")
    assert len(files) == 2
    text = files[0].read_text()
    assert "authority: community" in text and "status: verified" in text and "best LMS" in text

    # A curator edits the answer in git; importing updates the item, keeping its status as the file states.
    files[0].write_text(text.replace("the ACCME does not endorse any.", "no LMS is endorsed by the ACCME."))
    other = _store(db)
    added, updated = other.import_markdown(tmp_path / "export", lambda texts: [[1.0, 0.0, 0.0] for _ in texts])
    assert (added, updated) == (0, 2)
    assert "no LMS is endorsed" in other.get(first.id).answer  # type: ignore[union-attr]

    # Into an empty database: everything is added, statuses and visibility preserved.
    fresh_db = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    fresh_db.migrate()
    fresh = _store(fresh_db)
    assert fresh.import_markdown(tmp_path / "export", lambda texts: [[1.0, 0.0, 0.0] for _ in texts]) == (2, 0)
    assert sorted(i.status for i in fresh.items()) == ["pending", "verified"]
    fresh_db.dispose()


def test_randomized_no_item_reaches_anyone_who_may_not_see_it(db: Database) -> None:
    """Many items in random public and private channels of two workspaces, many askers with random
    memberships asking from channels and DMs: an item is shown only where the rules allow."""
    rng = random.Random(20261130)
    store = _store(db)
    teams = {"T1": [f"C1{i}" for i in range(6)], "T2": [f"C2{i}" for i in range(6)]}
    private = {channel for chans in teams.values() for channel in chans if rng.random() < 0.5}
    items = []
    for n in range(60):
        team = rng.choice(list(teams))
        channel = rng.choice(teams[team])
        visibility = rng.choice(["workspace", "channel"])
        items.append(
            store.save(
                _new(
                    team_id=team,
                    channel_id=channel,
                    channel_private=channel in private,
                    visibility=visibility,
                    question=f"question number {n}",
                ),
                VECTOR,
            )
        )
    users = {f"U{n}": {c for chans in teams.values() for c in chans if rng.random() < 0.3} for n in range(25)}
    checks = leaks = 0
    for user, memberships in users.items():
        for team, channels in teams.items():
            places = [(channel, False) for channel in channels if channel in memberships] + [(f"D{user}", True)]
            for channel, is_dm in places:
                audience = Audience(team, channel, user, is_dm, member_of=lambda c, m=memberships: c in m)
                shown = {item.id for item in store.visible(audience)}
                for item in items:
                    allowed = item.team_id == team and (
                        item.visibility == "workspace"
                        or item.channel_id == channel
                        or (is_dm and item.channel_id in memberships)
                    )
                    checks += 1
                    if (item.id in shown) != allowed:
                        leaks += 1
    assert checks > 5000
    assert leaks == 0
