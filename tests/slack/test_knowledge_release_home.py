"""The curators' knowledge-review panel in App Home, over the Slack stand-in: after an upgrade that changes a section,
an expert sees what changed and what cites it (their workspace's answers only), a member sees no panel, and
verifying the answer again takes it off the panel."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.config import PROJECT_ROOT
from bot.knowledge.cards import dump_cards, load_cards
from bot.runtime import Runtime
from bot.services.community import NewItem
from bot.slack.blocks.community import VERIFY
from tests.conftest import SMALL_CORPUS, copy_corpus, make_settings
from tests.slack.onboarding_support import blocks_of, texts
from tests.support.slack_api import TEAM_ID, SlackApiStandIn
from tests.support.slack_app import SlackAppHarness

EXPERT = "U0EXPERT1"
MEMBER = "U0MEMBER9"
DOC = "accme/standard-3-financial-relationships.md"
STOCK = 'Does owning stock in an ineligible company make someone an "owner" who must be excluded?'
SENTENCE = "Record in the activity file which kind of holding was reported and how you applied the rule."


def _release(version: str, what: str) -> dict:
    change = {"doc": DOC, "sections": [STOCK], "kind": "changed", "what": what, "rule": "ACCME Standard 3"}
    return {"version": version, "date": version.replace(".", "-"), "changes": [change]}


@pytest.fixture
def app(tmp_path: Path, indexed_data: Path, slack_api: SlackApiStandIn) -> Iterator[SlackAppHarness]:
    knowledge = copy_corpus(tmp_path / "knowledge")
    cards = [c for c in load_cards(PROJECT_ROOT / "knowledge") if all(x.doc in SMALL_CORPUS for x in c.cites)]
    (knowledge / "cards").mkdir()
    raw = [c.model_dump(mode="json", exclude={"source_file"}, exclude_defaults=True) for c in cards]
    (knowledge / "cards" / "small.yml").write_text(dump_cards(raw), encoding="utf-8")
    (knowledge / "RELEASE.yml").write_text(yaml.safe_dump({"releases": [_release("2026.11.30", "first")]}))
    data = tmp_path / "data"
    shutil.copytree(indexed_data / "chroma", data / "chroma")
    runtime = Runtime(make_settings(tmp_path, knowledge, CMEBOT_DATA_DIR=data))
    runtime.index()
    harness = SlackAppHarness(runtime, slack_api, experts=[EXPERT])
    try:
        yield harness
    finally:
        harness.stop()
        runtime.close()


def _home(app: SlackAppHarness, api: SlackApiStandIn, user: str, count: int = 1) -> list[dict]:
    app.send_event({"type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": "home", "event_ts": "1.0"})
    calls = api.wait_for("views.publish", count=count)
    return blocks_of([c for c in calls if c.args["user_id"] == user][-1])


def test_curators_see_what_changed_and_what_cites_it(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    runtime = app.runtime
    question = "Does stock in a private ineligible startup make our faculty member an owner?"
    answer = "Yes. Stock in a privately held ineligible company makes them an owner, so they cannot control content."
    mine = runtime.community.save(
        NewItem(team_id=TEAM_ID, question=question, answer=answer, saved_by=EXPERT, visibility="workspace"),
        runtime.embed_texts([question]),
    )
    other = runtime.community.save(
        NewItem(team_id="T0OTHER", question=question + " (other)", answer=answer, saved_by=EXPERT),
        runtime.embed_texts([question]),
    )
    shown = texts(_home(app, slack_api, EXPERT))
    assert "Knowledge changes to review" in shown and "Nothing cites a changed passage" in shown

    knowledge = runtime.settings.knowledge_dir
    path = knowledge / DOC
    path.write_text(path.read_text().replace(SENTENCE, "Record each holding with its date."), encoding="utf-8")
    releases = [_release("2026.12.15", "holdings recorded with dates"), _release("2026.11.30", "first")]
    (knowledge / "RELEASE.yml").write_text(yaml.safe_dump({"releases": releases}))
    runtime.index()
    assert runtime.community.get(mine.id).status == "needs_review"

    blocks = _home(app, slack_api, EXPERT, count=2)
    shown = texts(blocks)
    panel = shown.partition("Knowledge changes to review")[2]
    assert "Knowledge release 2026.12.15." in panel
    title = "Standard 3: Identify, Mitigate, and Disclose Relevant Financial Relationships"
    assert f"ACCME changed {title} in 2026.12.15" in panel
    assert "(holdings recorded with dates): 1 community answer and " in panel and "answer cards cite it" in panel
    assert f"• Community answer: {question}" in panel
    assert "(other)" not in shown  # another workspace's answer is never shown here
    assert "needs review: the knowledge it cites changed" in shown  # in the experts' queue, with its Verify button

    assert "Knowledge changes to review" not in texts(_home(app, slack_api, MEMBER, count=3))

    app.block_action(VERIFY, str(mine.id), user_id=EXPERT, channel_id="D0HOME")
    deadline = time.monotonic() + 10
    while runtime.community.get(mine.id).status != "verified":  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "the Verify click was not applied"
        time.sleep(0.05)
    groups = runtime.releases.open_reviews(team_id=TEAM_ID)
    assert groups and all(not g.community for g in groups)  # the cards still wait for `cmebot cards stamp`
    assert [e.ref for g in runtime.releases.open_reviews() for e in g.community] == [str(other.id)]
