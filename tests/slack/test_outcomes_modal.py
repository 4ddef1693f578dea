"""/outcomes in Slack: the modal's file input, the CSV read with the bot token from the stand-in's file host,
the summary, chart and Word report DM'd back through files_upload_v2."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PIL import Image

from bot.flows.service import FlowService
from bot.runtime import Runtime
from tests.conftest import make_settings
from tests.flows.outcome_samples import BAD_ROW, GOOD_CSV, ITEM_LEVELS
from tests.slack.flow_support import submission, texts
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Runtime]:
    runtime = Runtime(make_settings(tmp_path))
    yield runtime
    runtime.close()


def open_outcomes(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> dict[str, Any]:
    before = len(slack_api.calls_to("views.open"))
    assert slack_app.send_command("/outcomes", "", user_id="U1", trigger_id="trigger-outcomes").status == 200
    return slack_api.wait_for("views.open", before + 1)[-1].args["view"]


def submit(slack_app: SlackAppHarness, view: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    reply = slack_app.send_interaction(submission(view, answers))
    assert reply.status == 200, reply.body
    return reply.json()


def test_a_shared_csv_is_analysed_and_the_report_dmed(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    view = open_outcomes(slack_app, slack_api)
    assert view["title"]["text"] == "Outcomes analysis"
    file_block = next(b for b in view["blocks"] if b.get("block_id") == "data_file")
    assert file_block["element"]["type"] == "file_input" and file_block["element"]["max_files"] == 1
    assert "csv" in file_block["element"]["filetypes"]

    shared = slack_api.host_file("responses.csv", (GOOD_CSV + BAD_ROW + "\n").encode("utf-8"))
    view = submit(slack_app, view, {"activity": "Opioid safety 2027", "data_file": [shared]})["view"]
    assert "Step 2 of 2: Items and Moore levels" in texts(view)
    done = submit(slack_app, view, {"item_levels": ITEM_LEVELS})
    assert "is finished" in texts(done["view"])

    [complete] = slack_api.wait_for("files.completeUploadExternal")
    [post] = slack_api.calls_to("chat.postMessage")
    assert complete.args["channel_id"] == post.args["channel"]
    message = "\n".join(b["text"]["text"] for b in post.args["blocks"] if isinstance(b.get("text"), dict))
    assert "Outcomes: Opioid safety 2027" in message
    assert "from 30% to 80% correct (n=30 matched learners, McNemar exact p&lt;0.001)" in message
    assert "line 122" in message
    uploaded = {f["title"]: f["id"] for f in complete.args["files"]}
    assert set(uploaded) == {"Outcomes: Opioid safety 2027", "Outcomes: Opioid safety 2027: pre vs post"}
    chart = Image.open(io.BytesIO(slack_api.uploads[uploaded["Outcomes: Opioid safety 2027: pre vs post"]]))
    assert chart.format == "PNG" and chart.size == (1200, 700)
    report = Document(io.BytesIO(slack_api.uploads[uploaded["Outcomes: Opioid safety 2027"]]))
    assert any("Opioid safety 2027" in p.text for p in report.paragraphs)
    # The bot token went to the file host, as Slack requires for url_private.
    [download] = slack_api.calls_to("files.download")
    token = slack_app.runtime.settings.slack_bot_token
    assert download.args["file_id"] == shared["id"] and token and download.token == token.get_secret_value()


def test_leaving_the_file_input_empty_on_resume_keeps_the_shared_file(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    view = open_outcomes(slack_app, slack_api)
    shared = slack_api.host_file("responses.csv", GOOD_CSV.encode("utf-8"))
    submit(slack_app, view, {"activity": "Sepsis", "data_file": [shared]})
    draft_id = int(view["private_metadata"])
    service = FlowService(slack_app.runtime.db, slack_app.runtime.settings)
    state = service.back(draft_id, "U1")  # back to step 1, as the Back button does

    assert slack_app.send_command("/outcomes", f"resume {draft_id}", user_id="U1", trigger_id="t2").status == 200
    view = slack_api.wait_for("views.open", 2)[-1].args["view"]
    file_block = next(b for b in view["blocks"] if b.get("block_id") == "data_file")
    assert file_block["optional"] is True and "Saved: responses.csv" in file_block["hint"]["text"]
    submit(slack_app, view, {"data_file": []})
    state = service.get(draft_id, "U1")
    assert state.step.id == "items" and '"name": "responses.csv"' in state.answers["data_file"]


def test_a_file_off_slacks_host_is_not_fetched(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    view = open_outcomes(slack_app, slack_api)
    elsewhere = {
        "id": "F0EVIL",
        "name": "responses.csv",
        "size": 10,
        "url_private_download": "http://169.254.169.254/latest/meta-data/responses.csv",
    }
    view = submit(slack_app, view, {"activity": "Sepsis", "data_file": [elsewhere]})["view"]
    submit(slack_app, view, {})
    [post] = slack_api.wait_for("chat.postMessage")
    assert "not on Slack's file host" in post.args["text"] and "Nothing was analysed" in post.args["text"]
    assert not slack_api.calls_to("files.completeUploadExternal")


def test_outcomes_template_sends_the_example_files(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    assert slack_app.send_command("/outcomes", "template", user_id="U1", trigger_id="t3").status == 200
    [complete] = slack_api.wait_for("files.completeUploadExternal")
    names = sorted(f["title"] for f in complete.args["files"])
    assert names == ["outcomes-items-template.csv", "outcomes-template-correct.csv", "outcomes-template-scores.csv"]
    correct = slack_api.uploads[next(f["id"] for f in complete.args["files"] if "correct" in f["title"])]
    assert correct.decode("utf-8").startswith("learner_id,item,phase,correct")
    assert not slack_api.calls_to("views.open")
