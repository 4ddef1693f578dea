"""The guided flows in Slack, end to end: signed requests into the real Bolt app over HTTP, Web API calls
out to the stand-in."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from bot.flows.service import FlowService
from bot.runtime import Runtime
from bot.slack.blocks.flows import ACTION_BACK, ACTION_CANCEL, ACTION_PREVIEW, ACTION_RESUME, ACTION_SAVE
from tests.conftest import make_settings
from tests.flows.samples import MOCK_ACTIVITY, NEEDS_ASSESSMENT
from tests.slack.flow_support import VIEW_ID, closing, modal_button, submission, texts
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Runtime]:
    """The flows never touch the answer engine, so the Slack app runs on a runtime without the search index."""
    runtime = Runtime(make_settings(tmp_path))
    yield runtime
    runtime.close()


def open_modal(slack_app: SlackAppHarness, slack_api: SlackApiStandIn, command: str, text: str = "") -> dict:
    before = len(slack_api.calls_to("views.open"))
    trigger = f"trigger-{command.strip('/')}-{before}"
    reply = slack_app.send_command(command, text, user_id="U1", trigger_id=trigger)
    assert reply.status == 200
    opened = slack_api.wait_for("views.open", before + 1)[-1]
    assert opened.args["trigger_id"] == trigger
    return opened.args["view"]


def submit(slack_app: SlackAppHarness, view: dict, answers: dict[str, Any]) -> dict:
    reply = slack_app.send_interaction(submission(view, answers))
    assert reply.status == 200, reply.body
    return reply.json()


def walk(slack_app: SlackAppHarness, view: dict, answers: dict[str, Any]) -> dict:
    """Submit every step with `answers` until the flow is finished; returns the final response."""
    for _ in range(20):
        reply = submit(slack_app, view, answers)
        assert reply["response_action"] == "update", reply
        if reply["view"]["callback_id"] != "flow_step":
            return reply
        view = reply["view"]
    raise AssertionError("the flow never finished")


def slack_answers(answers: dict[str, Any]) -> dict[str, Any]:
    """Sample answers as Slack sends them: empty strings become unset inputs."""
    return {key: value for key, value in answers.items() if value not in ("", None)}


def test_command_opens_the_first_step_with_the_trigger_id(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    view = open_modal(slack_app, slack_api, "/needs-assessment")
    assert view["callback_id"] == "flow_step" and view["title"]["text"] == "Needs assessment"
    draft_id = int(view["private_metadata"])  # only the draft id travels with the view
    assert "Step 1 of 8: Audience" in texts(view)
    assert [b["block_id"] for b in view["blocks"] if b["type"] == "input"] == ["audience", "professions"]
    state = FlowService(slack_app.runtime.db, slack_app.runtime.settings).get(draft_id, "U1")
    assert state.flow == "needs_assessment" and state.step_index == 0


def test_bad_input_comes_back_inline_and_is_kept(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    view = open_modal(slack_app, slack_api, "/needs-assessment")
    reply = submit(slack_app, view, {"audience": "", "professions": []})
    assert reply == {
        "response_action": "errors",
        "errors": {"audience": "Please fill in “Target audience”.", "professions": "Please fill in “Professions”."},
    }

    view = submit(slack_app, view, {"audience": "Hospitalists", "professions": ["physicians"]})["view"]
    reply = submit(slack_app, view, {"topic": "🩺 " + "x" * 200})
    assert reply["response_action"] == "errors"
    assert "the limit is 150" in reply["errors"]["topic"]
    draft = FlowService(slack_app.runtime.db, slack_app.runtime.settings).get(int(view["private_metadata"]), "U1")
    assert draft.answers["topic"].startswith("🩺 xxx")  # kept as typed, nothing lost

    mock = open_modal(slack_app, slack_api, "/mock-activity")
    for answers in (
        {"title": "Sepsis 2026"},
        {"audience": "ED physicians"},
        {"objectives": "Select a bundle"},
        {"format": "live"},
    ):
        mock = submit(slack_app, mock, answers)["view"]
    for duration, message in (("abc", "can't read “abc”"), ("-45", "negative"), ("26h", "longer than a day")):
        reply = submit(slack_app, mock, {"estimated_minutes": duration})
        assert reply["response_action"] == "errors"
        assert message in reply["errors"]["estimated_minutes"]
    reply = submit(slack_app, mock, {"agenda": "10:00-09:00 Sepsis bundle"})
    assert "ends before it starts" in reply["errors"]["agenda"]


def test_finished_activity_is_posted_and_the_docx_uploaded(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    view = open_modal(slack_app, slack_api, "/mock-activity")
    assert view["title"]["text"] == "Mock CME activity"
    answers = slack_answers(
        {**MOCK_ACTIVITY, "title": "Diabète et insuline 🩺 糖尿病", "commercial_support": "agreement_pending"}
    )
    final = walk(slack_app, view, answers)
    assert "is finished" in texts(final["view"])

    [complete] = slack_api.wait_for("files.completeUploadExternal")
    [dm] = slack_api.calls_to("conversations.open")
    assert dm.args["users"] == "U1"
    [post] = slack_api.calls_to("chat.postMessage")
    channel = post.args["channel"]
    assert complete.args["channel_id"] == channel
    message = "\n".join(b["text"]["text"] for b in post.args["blocks"] if isinstance(b.get("text"), dict))
    assert "Activity plan: Diabète et insuline 🩺 糖尿病" in message
    assert "❌ *Commercial support* · _ACCME Standard 4_" in message
    assert "designates this live activity for a maximum of 2.25" in message

    [upload] = slack_api.wait_for("upload")
    [file] = complete.args["files"]
    assert file["title"] == "Activity plan: Diabète et insuline 🩺 糖尿病"
    document = Document(io.BytesIO(slack_api.uploads[upload.args["file_id"]]))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Activity plan: Diabète et insuline 🩺 糖尿病" in text
    assert "Educational time: 135 min" in text
    # The last two tables are the compliance checklist and the PARS readiness list.
    checklist = {row.cells[0].text: row.cells[1].text for row in document.tables[-2].rows}
    assert checklist["Commercial support"] == "Missing"
    assert FlowService(slack_app.runtime.db, slack_app.runtime.settings).drafts_for("U1") == []


def test_needs_assessment_document_lists_weaknesses(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    view = open_modal(slack_app, slack_api, "/needs-assessment")
    walk(slack_app, view, slack_answers({**NEEDS_ASSESSMENT, "baseline": ""}))
    [post] = slack_api.wait_for("chat.postMessage")
    message = "\n".join(b["text"]["text"] for b in post.args["blocks"] if isinstance(b.get("text"), dict))
    assert "⚠️ *Analyzes Change (formerly C11)*" in message
    assert "If you didn't baseline it" in message
    slack_api.wait_for("files.completeUploadExternal")


def test_cancel_deletes_the_draft(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    view = open_modal(slack_app, slack_api, "/needs-assessment")
    view = submit(slack_app, view, {"audience": "GPs", "professions": ["physicians"]})["view"]
    assert slack_app.send_interaction(modal_button(view, ACTION_CANCEL, {"topic": "Gout"})).status == 200
    [update] = slack_api.wait_for("views.update")
    assert update.args["view_id"] == VIEW_ID
    assert "deleted" in texts(update.args["view"])
    assert FlowService(slack_app.runtime.db, slack_app.runtime.settings).drafts_for("U1") == []


def test_cancel_on_someone_elses_draft_deletes_nothing_and_says_so(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    view = open_modal(slack_app, slack_api, "/needs-assessment")
    view = submit(slack_app, view, {"audience": "GPs", "professions": ["physicians"]})["view"]
    # U2 sends a Cancel carrying U1's draft (a forwarded or tampered payload).
    assert slack_app.send_interaction(modal_button(view, ACTION_CANCEL, {}, user_id="U2")).status == 200
    [update] = slack_api.wait_for("views.update")
    assert "nothing was deleted" in texts(update.args["view"])
    assert len(FlowService(slack_app.runtime.db, slack_app.runtime.settings).drafts_for("U1")) == 1


def test_save_for_later_then_resume_after_restart_shows_saved_answers(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    view = open_modal(slack_app, slack_api, "/needs-assessment")
    view = submit(slack_app, view, {"audience": "Rural family physicians 🌾", "professions": ["physicians"]})["view"]
    slack_app.send_interaction(modal_button(view, ACTION_SAVE, {"topic": "Hypertension in عربي clinics"}))
    [update] = slack_api.wait_for("views.update")
    assert "needs-assessment resume" in texts(update.args["view"])

    slack_app.restart()
    resumed = open_modal(slack_app, slack_api, "/needs-assessment", "resume")
    shown = texts(resumed)
    assert "Step 2 of 8: Topic" in shown
    assert "Saved so far" in shown and "Rural family physicians 🌾" in shown
    assert "Hypertension in عربي clinics" in shown  # the unfinished step's text, as typed


def test_back_keeps_typed_text_and_closing_the_modal_saves(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    view = open_modal(slack_app, slack_api, "/needs-assessment")
    view = submit(slack_app, view, {"audience": "Hospitalists", "professions": ["physicians"]})["view"]
    slack_app.send_interaction(modal_button(view, ACTION_BACK, {"topic": "Sepsis"}))
    [update] = slack_api.wait_for("views.update")
    assert "Step 1 of 8: Audience" in texts(update.args["view"])
    assert "Hospitalists" in texts(update.args["view"])

    assert slack_app.send_interaction(closing(update.args["view"], {"audience": "Hospitalists and PAs"})).status == 200
    service = FlowService(slack_app.runtime.db, slack_app.runtime.settings)
    state = service.get(int(view["private_metadata"]), "U1")
    assert (state.answers["audience"], state.answers["topic"]) == ("Hospitalists and PAs", "Sepsis")


def test_resume_button_and_missing_drafts(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    reply = slack_app.send_command("/mock-activity", "resume", user_id="U1")
    assert reply.status == 200
    [said] = slack_api.wait_for("response_url")
    assert "no unfinished mock cme activity draft" in said.args["text"].lower()

    view = open_modal(slack_app, slack_api, "/mock-activity")
    draft_id = view["private_metadata"]
    slack_app.block_action(ACTION_RESUME, draft_id, user_id="U1")
    [_, resumed] = slack_api.wait_for("views.open", 2)
    assert resumed.args["view"]["private_metadata"] == draft_id
    slack_app.block_action(ACTION_RESUME, "999", user_id="U1")
    [*_, missing] = slack_api.wait_for("views.open", 3)
    assert "no draft #999" in texts(missing.args["view"])


def test_mock_activity_builds_on_a_finished_needs_assessment(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    walk(slack_app, open_modal(slack_app, slack_api, "/needs-assessment"), slack_answers(NEEDS_ASSESSMENT))
    [na] = FlowService(slack_app.runtime.db, slack_app.runtime.settings).completed_for("U1", "needs_assessment")

    # Picked in the first step's select ...
    view = open_modal(slack_app, slack_api, "/mock-activity")
    [picker] = [b for b in view["blocks"] if b.get("block_id") == "source_needs_assessment"]
    assert [o["value"] for o in picker["element"]["options"]] == [str(na.id)]
    view = submit(slack_app, view, {"title": "Opioid safety workshop", "source_needs_assessment": str(na.id)})["view"]
    assert NEEDS_ASSESSMENT["audience"] in texts(view)  # the audience step arrives filled in

    # ... or named in the command.
    view = open_modal(slack_app, slack_api, "/mock-activity", f"from {na.id}")
    assert NEEDS_ASSESSMENT["topic"] in texts(view)
    slack_app.send_command("/mock-activity", "from 999", user_id="U1")
    [said] = slack_api.wait_for("response_url")
    assert "no finished needs assessment #999" in said.args["text"]


def test_a_repeated_final_submit_does_not_send_the_document_twice(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    view = open_modal(slack_app, slack_api, "/needs-assessment")
    answers = slack_answers(NEEDS_ASSESSMENT)
    while True:
        reply = submit(slack_app, view, answers)
        if reply["view"]["callback_id"] != "flow_step":
            break
        view = reply["view"]
    slack_api.wait_for("files.completeUploadExternal")
    again = submit(slack_app, view, answers)  # the last step's modal, submitted a second time
    assert "already done" in texts(again["view"])
    assert len(slack_api.calls_to("chat.postMessage")) == 1


def test_checklist_so_far_is_pushed_over_the_step(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    view = open_modal(slack_app, slack_api, "/mock-activity")
    for answers in ({"title": "Gout update"}, {"audience": "Rheumatologists"}):
        view = submit(slack_app, view, answers)["view"]
    payload = modal_button(view, ACTION_PREVIEW, {"objectives": "Understand gout\nSelect urate-lowering therapy"})
    slack_app.send_interaction(payload)
    [pushed] = slack_api.wait_for("views.push")
    assert pushed.args["trigger_id"] == payload["trigger_id"]
    shown = texts(pushed.args["view"])
    assert "Checklist so far" in pushed.args["view"]["title"]["text"]
    assert "Understand gout" in shown  # the objective typed in the open step is checked (and saved)
    assert "❌ *AMA PRA Category 1 Credit™ designation*" in shown  # no time entered yet
