"""/disclosure-check in Slack: a CSV shared in the modal becomes the relationship lines, the decisions step asks
in rounds (Slack shows the new questions in place), and the record goes by DM to the member and the planners
they named, nowhere else."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from bot.runtime import Runtime
from tests.conftest import make_settings
from tests.slack.flow_support import submission, texts
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness

CSV = (
    "name,role,company,nature,start,end,ownership\n"
    "Dr Lee Chen,faculty,Acme Pharma,speakers' bureau,2024-01,ongoing,\n"
    "Dr Bo Li,reviewer,,,,,\n"
)


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Runtime]:
    runtime = Runtime(make_settings(tmp_path))
    yield runtime
    runtime.close()


def submit(app: SlackAppHarness, view: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    reply = app.send_interaction(submission(view, answers))
    assert reply.status == 200, reply.body
    return reply.json()


def inputs(view: dict[str, Any]) -> list[str]:
    return [b["block_id"] for b in view["blocks"] if b["type"] == "input"]


def test_disclosure_check_end_to_end(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    assert slack_app.send_command("/disclosure-check", "", user_id="U1", trigger_id="t1").status == 200
    view = slack_api.wait_for("views.open")[-1].args["view"]
    share = next(b for b in view["blocks"] if b.get("block_id") == "share_with")
    assert share["element"]["type"] == "multi_users_select"
    view = submit(
        slack_app,
        view,
        {
            "title": "Medicine Grand Rounds",
            "topic": "hypertension drugs",
            "collection_date": "2025-03-15",
            "standard3_exception": "none",
            "rss": "no",
            "share_with": ["U7"],
        },
    )["view"]

    shared = slack_api.host_file("relationships.csv", CSV.encode("utf-8"))
    view = submit(slack_app, view, {"relationships_file": [shared]})["view"]
    assert "Step 3 of 3: Decisions" in texts(view)
    assert inputs(view) == ["q:company:acme-pharma:products", "record_notes"]
    question = next(b for b in view["blocks"] if b.get("block_id") == "q:company:acme-pharma:products")
    assert "Suggested: Yes" in question["hint"]["text"]

    # Answering the company question brings the relevance question: the modal is updated in place with it.
    reply = submit(slack_app, view, {"q:company:acme-pharma:products": "yes"})
    assert reply["response_action"] == "update"
    view = reply["view"]
    assert inputs(view)[:2] == ["q:relevance:dr-lee-chen:acme-pharma", "n:relevance:dr-lee-chen:acme-pharma"]
    view = submit(
        slack_app,
        view,
        {"q:relevance:dr-lee-chen:acme-pharma": "relevant", "n:relevance:dr-lee-chen:acme-pharma": "drug talk"},
    )["view"]
    mitigation = next(b for b in view["blocks"] if b.get("block_id", "").startswith("q:mitigation:"))
    first_step = mitigation["element"]["options"][0]["value"]
    done = submit(slack_app, view, {mitigation["block_id"]: [first_step]})
    assert "is finished" in texts(done["view"])

    uploads = slack_api.wait_for("files.completeUploadExternal", 2)
    dms = [c.args["users"] for c in slack_api.calls_to("conversations.open")]
    assert dms == ["U1", "U7"]  # the member, then the planner they named; no channel
    posts = slack_api.calls_to("chat.postMessage")
    assert {p.args["channel"] for p in posts} == {c.args["channel_id"] for c in uploads}
    assert "shared this record with you" in str(posts[-1].args["blocks"])
    record = Document(io.BytesIO(slack_api.uploads[uploads[0].args["files"][0]["id"]]))
    text = "\n".join(p.text for p in record.paragraphs)
    assert "Dr Lee Chen (faculty): Acme Pharma (speakers' bureau)" in text
    assert "All relevant financial relationships have been mitigated." in text


def test_template_is_sent_by_dm(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    slack_app.send_command("/disclosure-check", "template", user_id="U1")
    [complete] = slack_api.wait_for("files.completeUploadExternal")
    [file] = complete.args["files"]
    assert slack_api.uploads[file["id"]].decode().startswith("name,role,company,nature,start,end,ownership")


def test_a_series_session_disclosure_comes_back_privately(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    from bot.flows.service import FlowService

    service = FlowService(slack_app.runtime.db, slack_app.runtime.settings)
    draft = service.start("U1", "disclosure_check")
    service.submit_step(
        draft.id,
        "U1",
        {
            "title": "Tumor Board",
            "topic": "oncology",
            "collection_date": "2025-03-15",
            "standard3_exception": "none",
            "rss": "yes",
        },
    )
    service.submit_step(draft.id, "U1", {"relationships": "Dr Bo Li | faculty | none"})
    assert service.submit_step(draft.id, "U1", {}).finished_now
    slack_app.send_command("/disclosure-check", f"session {draft.id} 2025-06-01", user_id="U1")
    slack_app.send_command("/disclosure-check", f"session {draft.id} 2025-06-01", user_id="U9")  # not theirs
    replies = slack_api.wait_for("response_url", 2)
    assert replies[0].args["response_type"] == "ephemeral"
    assert "Tumor Board, session of 2025-06-01" in replies[0].args["text"] and "Dr Bo Li" in replies[0].args["text"]
    assert f"There is no disclosure check #{draft.id} of yours." in replies[1].args["text"]
